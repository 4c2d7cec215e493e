// Query-string and path encoding without URLSearchParams (absent in Apps Script). SP-API takes
// arrays as comma-separated values (Swagger collectionFormat csv, the models' default).

export type QueryValue = string | number | boolean | ReadonlyArray<string> | undefined | null;

export function encodeQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      parts.push(`${encodeURIComponent(key)}=${value.map((v) => encodeURIComponent(v)).join(',')}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** One path segment (SKUs may hold "/", spaces, "#"...): https://developer-docs.amazon.com/sp-api/docs/url-encoding */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
