// The values Sheets formulas compute with, shared by the evaluator (cf-formula.ts) and its functions
// (formula-functions.ts): scalars, error values, ranges, and Sheets' coercion, comparison and criterion
// rules. Errors are values, not exceptions: they flow through operators and functions until IFERROR or
// ISERROR looks at them (https://support.google.com/docs/answer/3093304 IFERROR). The error values are
// those ERROR.TYPE numbers (https://support.google.com/docs/answer/3238305: #NULL!, #DIV/0!, #VALUE!,
// #REF!, #NAME?, #NUM!, #N/A) plus #ERROR!, Sheets' parse error.

export type ErrCode = '#REF!' | '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#NAME?' | '#NULL!' | '#ERROR!';
export const ERROR_LITERAL = /^#(REF!|VALUE!|N\/A|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!)/i;

/** A Sheets error value; a cell holding one reads as its code ("#REF!") through getValues. */
export class FErr {
  constructor(readonly code: ErrCode) {}
}

export type Scalar = number | string | boolean | null | FErr;

/**
 * A range's cells, row by row. Only the rows up to the source's last row with content are held:
 * cells past `cells` are blank, so a whole-column range over a 100,000-row tab reads only its data.
 */
export class Grid {
  constructor(readonly nr: number, readonly nc: number, readonly cells: readonly Scalar[]) {}
  get size(): number { return this.nr * this.nc; }
  /** How many trailing cells are blank without being held. */
  get blanks(): number { return this.size - this.cells.length; }
  at(k: number): Scalar { return this.cells[k] ?? null; }
}

export type Value = Scalar | Grid;

export const isErr = (v: unknown): v is FErr => v instanceof FErr;

/** A one-cell range is its cell; a larger one where one value is expected is #VALUE!. */
export function scalar(v: Value | undefined): Scalar {
  if (v === undefined) return null;
  if (v instanceof Grid) return v.size === 1 ? v.at(0) : new FErr('#VALUE!');
  return v;
}

export function asGrid(v: Value | undefined): Grid {
  return v instanceof Grid ? v : new Grid(1, 1, [v ?? null]);
}

export function toNum(v: Scalar): number | FErr {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t === '') return 0;
  const n = Number(t);
  return Number.isFinite(n) ? n : new FErr('#VALUE!');
}

export function toStr(v: Scalar): string | FErr {
  if (isErr(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function truth(v: Scalar): boolean | FErr {
  if (isErr(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const t = v.trim().toUpperCase();
  if (t === 'TRUE' || t === 'FALSE') return t === 'TRUE';
  return new FErr('#VALUE!');
}

function rank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Sheets comparison: blank takes the other side's type; then numbers < text < booleans; text ignores case. */
export function compare(a: Scalar, b: Scalar): number | FErr {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  const blankLike = (other: Scalar): number | string | boolean => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  const x = a === null ? blankLike(b) : a;
  const y = b === null ? blankLike(a) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

/**
 * A COUNTIF text pattern, whole text, ignoring case: * any run, ? one character, and ~ makes the next
 * ?, * or ~ literal (https://support.google.com/docs/answer/3093480 COUNTIF).
 */
function wildcard(pattern: string): RegExp {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    const next = pattern[i + 1];
    if (ch === '~' && (next === '?' || next === '*' || next === '~')) { body += `\\${next}`; i++; continue; }
    body += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^$|{}()[\]\\*?]/g, (c) => `\\${c}`);
  }
  return new RegExp(`^${body}$`, 'is');
}

/**
 * COUNTIF's criterion (also COUNTIFS, MAXIFS, MINIFS): a number or boolean matches equal cells; text
 * has an optional operator prefix and wildcards (https://support.google.com/docs/answer/3093480).
 */
export function criterionMatcher(crit: Scalar): (v: Scalar) => boolean {
  if (typeof crit === 'number') return (v) => typeof v === 'number' && v === crit;
  if (typeof crit === 'boolean') return (v) => v === crit;
  const text = toStr(crit);
  if (isErr(text)) return () => false;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(text) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2] as string;
  const asNum = operand.trim() !== '' && Number.isFinite(Number(operand)) ? Number(operand) : null;
  if (asNum !== null) {
    return (v) => {
      if (typeof v !== 'number') return op === '<>';
      const d = v - asNum;
      return op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : d >= 0;
    };
  }
  if (op === '=' || op === '<>') {
    if (operand === '') return (v) => (op === '=' ? v === null || v === '' : !(v === null || v === ''));
    const re = wildcard(operand);
    return (v) => (typeof v === 'string' && re.test(v)) === (op === '=');
  }
  return (v) => {
    if (typeof v !== 'string') return false;
    const d = compare(v, operand) as number;
    return op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : d >= 0;
  };
}
