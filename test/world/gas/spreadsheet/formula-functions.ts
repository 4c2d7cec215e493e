// The functions the fake's formula evaluator (cf-formula.ts) knows, by Sheets name, each as its Sheets
// help page describes it (function list: https://support.google.com/docs/table/25273). Arguments arrive
// evaluated: ranges and cell references as Grids, everything else as scalars; an error argument
// propagates unless the function is about errors. A name missing here is never guessed: the evaluator
// throws CannotEvaluate for it. A call with the wrong number of arguments is #N/A, as Sheets shows
// ("Wrong number of arguments to MAXIFS…").

import {
  asGrid, criterionMatcher, FErr, Grid, isErr, scalar, toNum, toStr, truth, type Scalar, type Value,
} from './formula-values';
import { wallToSerial } from './tz';

type Fn = (args: Value[]) => Value;

const arity = (args: Value[], min: number, max: number): boolean => args.length >= min && args.length <= max;
const NA = (): FErr => new FErr('#N/A');

/** Every value the arguments hold: a range's held cells (its unheld tail is blank) or the scalar itself. */
function* items(args: Value[]): Generator<{ v: Scalar; inRange: boolean }> {
  for (const a of args) {
    if (a instanceof Grid) for (const v of a.cells) yield { v, inRange: true };
    else yield { v: a, inRange: false };
  }
}

function logical(args: Value[], pick: (bs: boolean[]) => boolean): Scalar {
  const bs: boolean[] = [];
  for (const { v } of items(args)) {
    if (isErr(v)) return v;
    if (typeof v === 'boolean') bs.push(v);
    else if (typeof v === 'number') bs.push(v !== 0);
  }
  return bs.length ? pick(bs) : new FErr('#VALUE!');
}

const str1 = (f: (s: string) => Scalar): Fn => (a) => { const s = toStr(scalar(a[0])); return isErr(s) ? s : f(s); };

/**
 * MAX/MIN (https://support.google.com/docs/answer/3094013, /3094017): "Cells without numbers or ranges are
 * ignored. Entering text values will cause MAX to return the #VALUE! error"; nothing numeric gives 0.
 */
function extreme(args: Value[], better: (a: number, b: number) => boolean): Scalar {
  if (args.length === 0) return NA();
  let best: number | null = null;
  for (const { v, inRange } of items(args)) {
    if (isErr(v)) return v;
    if (inRange && typeof v !== 'number') continue;
    if (v === null) continue;
    const n = toNum(v);
    if (isErr(n)) return n;
    if (best === null || better(n, best)) best = n;
  }
  return best ?? 0;
}

interface Criteria { grids: Grid[]; tests: Array<(v: Scalar) => boolean>; held: number }

/**
 * The (range, criterion) pairs of COUNTIFS/MAXIFS/MINIFS from `args[first]` on. Every range must have the
 * shape of `shape` ("Any additional ranges must contain the same number of rows and columns",
 * https://support.google.com/docs/answer/3256550; MAXIFS: "range and all criteria ranges must be the same
 * size… Otherwise, MAXIFS returns #VALUE", https://support.google.com/docs/answer/7013817).
 */
function criteria(args: Value[], first: number, shape: Grid): Criteria | FErr {
  const rest = args.length - first;
  if (rest < 2 || rest % 2 !== 0) return NA();
  const out: Criteria = { grids: [], tests: [], held: shape.cells.length };
  for (let i = first; i < args.length; i += 2) {
    const g = asGrid(args[i]);
    if (g.nr !== shape.nr || g.nc !== shape.nc) return new FErr('#VALUE!');
    const crit = scalar(args[i + 1]);
    if (isErr(crit)) return crit;
    out.grids.push(g);
    out.tests.push(criterionMatcher(crit));
    out.held = Math.max(out.held, g.cells.length);
  }
  return out;
}

const allMatch = (c: Criteria, k: number): boolean => c.tests.every((t, j) => t((c.grids[j] as Grid).at(k)));

/** MAXIFS/MINIFS: the extreme number of `range` where every criterion holds; 0 when none does (…/7013817, …/7014063). */
function extremeIfs(args: Value[], better: (a: number, b: number) => boolean): Scalar {
  if (args.length < 3) return NA();
  const range = asGrid(args[0]);
  const c = criteria(args, 1, range);
  if (isErr(c)) return c;
  let best: number | null = null;
  // Past every range's held cells all values are blank, and a blank is never the maximum or minimum.
  for (let k = 0; k < c.held; k++) {
    if (!allMatch(c, k)) continue;
    const v = range.at(k);
    if (isErr(v)) return v;
    if (typeof v === 'number' && (best === null || better(v, best))) best = v;
  }
  return best ?? 0;
}

/** DATE and TIME take numbers only: "if a string or a reference to a cell containing a string is provided, the #VALUE! error". Decimals are truncated. */
function whole(v: Value | undefined): number | FErr {
  const s = scalar(v);
  if (typeof s === 'string') return new FErr('#VALUE!');
  const n = toNum(s);
  return isErr(n) ? n : Math.trunc(n);
}

/**
 * DATE(year, month, day) as a serial day (https://support.google.com/docs/answer/3092969): out-of-range months
 * and days roll over (DATE(1969,13,1) is 1 January 1970); a year from 0 to 1899 has 1900 added; a year
 * below 0 or from 10,000 is #NUM!.
 */
function date(a: Value[]): Scalar {
  if (!arity(a, 3, 3)) return NA();
  const [y, m, d] = a.map(whole) as [number | FErr, number | FErr, number | FErr];
  for (const x of [y, m, d]) if (isErr(x)) return x;
  let year = y as number;
  if (year < 0 || year >= 10_000) return new FErr('#NUM!');
  if (year < 1900) year += 1900;
  // Date.UTC rolls months and days over the Gregorian calendar as the help page describes.
  return wallToSerial(year, m as number, d as number);
}

/**
 * TIME(hour, minute, second) as a fraction of a day (https://support.google.com/docs/answer/3093056): values
 * out of range roll over and wrap past midnight (TIME(25,0,0) is 1:00 AM). A negative total has no
 * documented result; the fake gives #NUM!, as Excel documents, rather than invent a time.
 */
function time(a: Value[]): Scalar {
  if (!arity(a, 3, 3)) return NA();
  const [h, m, s] = a.map(whole) as [number | FErr, number | FErr, number | FErr];
  for (const x of [h, m, s]) if (isErr(x)) return x;
  const total = (h as number) * 3600 + (m as number) * 60 + (s as number);
  if (total < 0) return new FErr('#NUM!');
  return (total % 86_400) / 86_400;
}

export const FUNCTIONS: Record<string, Fn> = {
  AND: (a) => logical(a, (bs) => bs.every(Boolean)),
  OR: (a) => logical(a, (bs) => bs.some(Boolean)),
  NOT: (a) => { const t = truth(scalar(a[0])); return isErr(t) ? t : !t; },
  TRUE: () => true,
  FALSE: () => false,
  ISBLANK: (a) => scalar(a[0]) === null,
  ISNUMBER: (a) => typeof scalar(a[0]) === 'number',
  ISTEXT: (a) => typeof scalar(a[0]) === 'string',
  ISERROR: (a) => isErr(scalar(a[0])),
  /** https://support.google.com/docs/answer/3093304: the first argument unless it is an error, else the second, or blank without one. */
  IFERROR: (a) => {
    if (!arity(a, 1, 2)) return NA();
    const first = a[0] as Value;
    if (first instanceof Grid && first.size > 1) return first;
    return isErr(scalar(first)) ? (a[1] ?? null) : first;
  },
  LEN: str1((s) => s.length),
  TRIM: str1((s) => s.trim().replace(/ +/g, ' ')),
  UPPER: str1((s) => s.toUpperCase()),
  LOWER: str1((s) => s.toLowerCase()),
  LEFT: (a) => { const s = toStr(scalar(a[0])); const n = a.length > 1 ? toNum(scalar(a[1])) : 1; return isErr(s) ? s : isErr(n) ? n : s.slice(0, n); },
  RIGHT: (a) => { const s = toStr(scalar(a[0])); const n = a.length > 1 ? toNum(scalar(a[1])) : 1; return isErr(s) ? s : isErr(n) ? n : n <= 0 ? '' : s.slice(-n); },
  EXACT: (a) => { const x = toStr(scalar(a[0])); const y = toStr(scalar(a[1])); return isErr(x) ? x : isErr(y) ? y : x === y; },
  ABS: (a) => { const n = toNum(scalar(a[0])); return isErr(n) ? n : Math.abs(n); },
  SUM: (a) => {
    let total = 0;
    for (const { v, inRange } of items(a)) {
      if (inRange && typeof v !== 'number' && !isErr(v)) continue;
      const n = toNum(v);
      if (isErr(n)) return n;
      total += n;
    }
    return total;
  },
  MAX: (a) => extreme(a, (x, best) => x > best),
  MIN: (a) => extreme(a, (x, best) => x < best),
  MAXIFS: (a) => extremeIfs(a, (x, best) => x > best),
  MINIFS: (a) => extremeIfs(a, (x, best) => x < best),
  COUNTA: (a) => [...items(a)].filter(({ v }) => v !== null).length,
  COUNTIF: (a) => {
    if (!arity(a, 2, 2)) return NA();
    const range = asGrid(a[0]);
    const crit = scalar(a[1]);
    if (isErr(crit)) return crit;
    const match = criterionMatcher(crit);
    return range.cells.filter((v) => match(v)).length + (match(null) ? range.blanks : 0);
  },
  /** https://support.google.com/docs/answer/3256550: cells where every criterion holds on its range. */
  COUNTIFS: (a) => {
    if (a.length < 2) return NA();
    const c = criteria(a, 0, asGrid(a[0]));
    if (isErr(c)) return c;
    let n = 0;
    for (let k = 0; k < c.held; k++) if (allMatch(c, k)) n++;
    const tail = (c.grids[0] as Grid).size - c.held;
    return tail > 0 && c.tests.every((t) => t(null)) ? n + tail : n;
  },
  DATE: date,
  TIME: time,
  /**
   * https://support.google.com/docs/answer/3093313: HYPERLINK(url, [link_label]) shows the label, or the URL
   * when there is none or it is an empty cell; "If the url evaluates to an error, the function will return an error".
   */
  HYPERLINK: (a) => {
    if (!arity(a, 1, 2)) return NA();
    const url = toStr(scalar(a[0]));
    if (isErr(url)) return url;
    const label = a.length > 1 ? scalar(a[1]) : null;
    return label === null ? url : toStr(label);
  },
  REGEXMATCH: (a) => {
    const s = toStr(scalar(a[0]));
    const re = toStr(scalar(a[1]));
    if (isErr(s)) return s;
    if (isErr(re)) return re;
    try { return new RegExp(re).test(s); } catch { return new FErr('#REF!'); }
  },
};
