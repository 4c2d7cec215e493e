// Tab-delimited report parsing by header name (Amazon adds and reorders columns over time, so
// never by position; sp-api.md §3.2, §6).

export function parseTabDelimited(text: string): Array<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift();
  if (header === undefined) return [];
  const names = header.split('\t').map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    names.forEach((name, i) => {
      row[name] = (cells[i] ?? '').trim();
    });
    return row;
  });
}
