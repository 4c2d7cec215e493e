// Reading raw cell values that people typed (numbers, percentages, tick boxes, text) into typed
// values, with a plain-words problem instead of a guess when the cell holds something else.

type CellResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Text of a cell as people see it, trimmed; '' for empty. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v).trim();
}

export function isEmptyCell(v: unknown): boolean {
  return cellText(v) === '';
}

// Google Sheets' error values (ERROR.TYPE, https://support.google.com/docs/answer/3238305), which a
// read gives as their text: a formula that failed, never a value someone chose.
const FORMULA_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!)$/;

/** The error text ("#N/A") when the cell shows a formula error; null otherwise. */
export function formulaError(v: unknown): string | null {
  const t = typeof v === 'string' ? v.trim() : '';
  return FORMULA_ERROR.test(t) ? t : null;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PERCENT_NUMBER = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/;

// How a number shows with no symbol: digits and the separators any locale groups or splits them by.
const SHOWN_PLAIN = /^[+-]?[\d.,'\s\u00a0\u202f]*\d[\d.,'\s\u00a0\u202f]*$/;

/**
 * What a number cell holds as people typed it. Sheets keeps a typed "100%" as the number 1 and "£5" as
 * 5, with a format that shows the sign; read as the number, "100%" in a units column would silently
 * become 1 unit. So a number whose shown text is more than digits and separators is read as that
 * text, and the check that follows names it. `percentAllowed`: a share column, where "50%" is 0.5.
 */
export function asTyped(value: unknown, shown: string | undefined, percentAllowed = false): unknown {
  if (typeof value !== 'number' || shown === undefined) return value;
  const t = shown.trim();
  if (t === '' || SHOWN_PLAIN.test(t)) return value;
  if (percentAllowed && /%$/.test(t)) return value;
  return t;
}

function describe(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'a ticked box' : 'an unticked box';
  if (v instanceof Date) return 'a date';
  return `"${cellText(v)}"`;
}

/**
 * A whole, non-negative count (Safety Buffer, Max Qty). Empty → null. Numbers typed as text in a
 * plain-text cell ("3") are accepted because they are unambiguous; anything else is a problem.
 */
export function parseCount(v: unknown, column: string): CellResult<number | null> {
  if (isEmptyCell(v)) return { ok: true, value: null };
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && PLAIN_NUMBER.test(v.trim())) n = Number(v.trim());
  else if (typeof v === 'string' && PERCENT_NUMBER.test(v.trim())) return { ok: false, problem: `${column} holds ${describe(v)}, a percentage, not a number of units` };
  else return { ok: false, problem: `${column} holds ${describe(v)}, not a number` };
  if (!Number.isFinite(n)) return { ok: false, problem: `${column} holds ${describe(v)}, not a number` };
  if (n < 0) return { ok: false, problem: `${column} is negative (${n})` };
  if (!Number.isInteger(n)) return { ok: false, problem: `${column} must be a whole number of units, not ${n}` };
  return { ok: true, value: n };
}

/**
 * A share between 0 and 1 from a percent-formatted cell: 0.5 (a number, as Sheets stores 50%) or
 * text such as "50%". Plain text without "%" ("0.5") is read as a fraction. Empty → null.
 */
export function parseShare(v: unknown, column: string): CellResult<number | null> {
  if (isEmptyCell(v)) return { ok: true, value: null };
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const t = v.trim();
    const pct = PERCENT_NUMBER.exec(t);
    if (pct) n = Number(pct[1]) / 100;
    else if (PLAIN_NUMBER.test(t)) n = Number(t);
    else return { ok: false, problem: `${column} holds ${describe(v)}, not a percentage` };
  } else return { ok: false, problem: `${column} holds ${describe(v)}, not a percentage` };
  if (!Number.isFinite(n)) return { ok: false, problem: `${column} holds ${describe(v)}, not a percentage` };
  if (n < 0) return { ok: false, problem: `${column} is negative (${formatPercent(n)})` };
  if (n > 1) return { ok: false, problem: `${column} is more than 100% (${formatPercent(n)}); type it as a percentage such as 50%` };
  return { ok: true, value: n };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', 'on', 'active']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'inactive']);

/** A tick box, or text people typed instead of ticking. Empty means `emptyValue`. */
export function parseFlag(v: unknown, column: string, emptyValue: boolean): CellResult<boolean> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (isEmptyCell(v)) return { ok: true, value: emptyValue };
  if (typeof v === 'number' && (v === 0 || v === 1)) return { ok: true, value: v === 1 };
  const t = cellText(v).toLowerCase();
  if (TRUE_WORDS.has(t)) return { ok: true, value: true };
  if (FALSE_WORDS.has(t)) return { ok: true, value: false };
  return { ok: false, problem: `${column} holds ${describe(v)}; tick or untick the box (TRUE / FALSE)` };
}

/**
 * How parseFlag read a cell that is not a tick box, TRUE / FALSE (any case) or empty: "yes", "no",
 * 0, "x"… are read as typed (docs/operations.md), and this sentence says so where the row's result
 * is shown, so the reading is never silent. Null when there is nothing to say (or nothing was read).
 */
export function flagWordNote(v: unknown, column: string): string | null {
  if (typeof v === 'boolean' || isEmptyCell(v)) return null;
  const t = cellText(v).toLowerCase();
  if (t === 'true' || t === 'false') return null;
  const read = parseFlag(v, column, false);
  if (!read.ok) return null;
  return `${column} holds ${describe(v)}, read as ${read.value ? 'ticked' : 'unticked'}; tick or untick the box (TRUE / FALSE) to say it plainly.`;
}

/**
 * An identifier cell (a SKU, ASIN or FNSKU) holding a date: Sheets turned what was typed
 * ("2026-11-02", "01/02/2026") into one because the cell is not Plain text. No identifier is a date,
 * and the date's text is Sheets' own, not what was typed, so it is never used as the ID. Null otherwise.
 */
export function idDateProblem(v: unknown, column: string): string | null {
  if (!(v instanceof Date)) return null;
  return `${column} holds a date, not the ID typed: Sheets turned it into a date because the cell is not Plain text. Format the ${column} column as Plain text (Format → Number → Plain text), then type the ID again`;
}

/** 0.5 → "50%", 1/3 → "33.3%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** "1234.56", "-7.50", "1,234.56" (as Sheets shows a '#,##0.00' cell): the money text a cell may hold. */
const MONEY_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/;

/**
 * A money cell in cents: a number, or the text of one ("1,234.56"). Empty → null, so the caller
 * decides what an empty cell means. Words ("seven fifty"), a currency sign or a fraction of a cent
 * are a problem, never 0: guessing would move money people can no longer see.
 */
export function parseMoney(v: unknown, column: string): CellResult<number | null> {
  if (isEmptyCell(v)) return { ok: true, value: null };
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && MONEY_TEXT.test(v.trim())) n = Number(v.trim().replace(/,/g, ''));
  else return { ok: false, problem: `${column} holds ${describe(v)}, not an amount` };
  if (!Number.isFinite(n)) return { ok: false, problem: `${column} holds ${describe(v)}, not an amount` };
  const cents = n * 100;
  // 7.505 would be rounded to a cent nobody typed; float noise (0.29 × 100) is not a fraction.
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return { ok: false, problem: `${column} holds ${n}, a fraction of a cent` };
  return { ok: true, value: Math.round(cents) };
}

/** Milliseconds since the epoch from a Date, an ISO/date text or a number; null when unreadable. */
export function cellTime(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim()) {
    const t = Date.parse(v.trim());
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/**
 * A time the add-on wrote, as the sheet gives it back: the same time when within two minutes of it (a
 * sheet may drop the seconds, or show the minute the display rounds to), so that is never taken for a
 * person's edit. Both empty is the same; one empty is not.
 */
export function sameWrittenTime(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 2 * 60_000;
}

/** "2026-11-02 07:30": a time in messages, to the minute, in UTC (the reader is told it is UTC). */
export function utcMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** A column's letters as Sheets names it: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
