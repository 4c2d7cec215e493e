// Whether a 3PL's answer body is JSON: a read whose 2xx answer came cut short or garbled on the way
// is asked again (repeating a read is harmless), as the SP-API client does, rather than failing the run.

/** True for an empty body (no content) or one JSON.parse reads. */
export function bodyIsJson(text: string): boolean {
  if (!text.trim()) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
