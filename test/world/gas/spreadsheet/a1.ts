// A1 notation for the fake spreadsheet: 'A1', 'A1:C3', 'A:C', '2:5', 'A2:C' and a sheet prefix such as
// 'My Tab'!A1 (https://developers.google.com/sheets/api/guides/concepts#cell).

export interface A1Ref {
  sheet?: string;
  /** Absent ends are open: 'A:C' has no rows, 'A2:C' has no end row; the caller fills them from the grid. */
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return columnLetters(col) + String(row);
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = cellA1(row, col);
  return numRows === 1 && numCols === 1 ? start : `${start}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function part(text: string): { r?: number; c?: number } | null {
  const m = PART.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { r?: number; c?: number } = {};
  if (m[1]) out.c = lettersToColumn(m[1]);
  if (m[2]) out.r = Number(m[2]);
  if (out.r === 0) return null;
  return out;
}

/** Parses A1 notation; null when it is not valid A1 (the fake then throws Google's "Range not found"). */
export function parseA1(text: string): A1Ref | null {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const [a, b, extra] = rest.split(':');
  if (a === undefined || extra !== undefined) return null;
  const p1 = part(a);
  const p2 = b === undefined ? p1 : part(b);
  if (!p1 || !p2) return null;
  // A single part must be a cell ('B7'); 'B' or '7' alone is not a range.
  if (b === undefined && (p1.r === undefined || p1.c === undefined)) return null;
  // 'A:C' and '2:5' are whole columns/rows; mixing ('A:5') is invalid.
  if (p1.c === undefined && p1.r !== undefined && p2.c !== undefined) return null;
  if (p1.r === undefined && p1.c !== undefined && p2.r !== undefined && p2.c === undefined) return null;
  const ref: A1Ref = {};
  if (sheet !== undefined) ref.sheet = sheet;
  if (p1.r !== undefined) ref.r1 = p1.r;
  if (p1.c !== undefined) ref.c1 = p1.c;
  if (p2.r !== undefined) ref.r2 = p2.r;
  if (p2.c !== undefined) ref.c2 = p2.c;
  return ref;
}
