// The fake's one Sheets formula evaluator, for two callers:
// - custom formulas of conditional formats and filters ('=$E2<0'), evaluated for one cell so tests can
//   ask which cells a rule colours. The formula is written for the top-left cell of the rule's first
//   range and relative references move with the cell evaluated (https://support.google.com/docs/answer/78413
//   "Use advanced conditional formatting": "$" fixes a row or column). The format applies when the result
//   is TRUE (or a non-zero number); errors do not apply. Such a formula may reference only its own tab
//   (other tabs need INDIRECT, same help page), so a tab reference there throws CannotEvaluate;
// - cell formulas, recalculated on every read (cell-formulas.ts), which may reference other tabs in A1
//   notation (https://developers.google.com/workspace/sheets/api/guides/concepts#cell: Sheet1!A1:B2,
//   Sheet1!A:A, Sheet1!1:2, Sheet1!A5:A, 'My Custom Sheet'!A:A; a quote inside a quoted name is doubled,
//   'It''s'!A1). A tab that does not exist is #REF!.
// Semantics follow Sheets formulas: a blank cell is 0 next to a number and "" next to text, text comparison
// ignores case, numbers sort before text before booleans, errors are values (formula-values.ts). Only IF and
// the functions of formula-functions.ts are known; anything else (another function, TODAY(), named ranges,
// array results) throws CannotEvaluate, so no test passes on a formula the fake did not understand.

import { FUNCTIONS } from './formula-functions';
import { ERROR_LITERAL, FErr, Grid, isErr, scalar, toNum, toStr, truth, compare, type ErrCode, type Scalar, type Value } from './formula-values';

/** The formula uses something the fake does not evaluate (a function, a sheet reference, TODAY()). */
export class CannotEvaluate extends Error {}

/** The cells a formula reads: one tab, and through `sheet` the others. */
export interface CellSource {
  value(r: number, c: number): Scalar | undefined;
  maxRows: number;
  maxCols: number;
  /** The last row holding anything (Sheet.getLastRow); range cells below it are blank and are not read. */
  lastRow?(): number;
  /** The number format a cell shows (explicit, or inferred for a formula cell), for the format a formula result takes. */
  format?(r: number, c: number): string | undefined;
  /** Another tab by the name a formula gives it, or null when no tab has that name. Absent: tab references cannot be evaluated. */
  sheet?(name: string): CellSource | null;
}

export type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet?: string; r: number; c: number; ra: boolean; ca: boolean }
  | { k: 'rng'; sheet?: string; r1?: number; c1?: number; r2?: number; c2?: number; ra1: boolean; ca1: boolean; ra2: boolean; ca2: boolean }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

const REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;
/** A word: a function name, a reference, TRUE/FALSE, or an unquoted tab name before "!". */
const WORD = /^[\p{L}\p{N}_$.]+/u;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function refPart(text: string): { r?: number; c?: number; ra: boolean; ca: boolean } | null {
  const m = REF.exec(text);
  if (m) return { c: columnNumber(m[2] as string), r: Number(m[4]), ca: m[1] === '$', ra: m[3] === '$' };
  const col = COL.exec(text);
  if (col) return { c: columnNumber(col[2] as string), ca: col[1] === '$', ra: false };
  const row = ROW.exec(text);
  if (row) return { r: Number(row[2]), ra: row[1] === '$', ca: false };
  return null;
}

function parse(formula: string): Node {
  const src = formula.trim().replace(/^=/, '');
  let i = 0;
  const ws = (): void => { while (src[i] === ' ' || src[i] === '\n') i++; };
  const peek = (n = 1): string => { ws(); return src.slice(i, i + n); };
  const eat = (s: string): boolean => { if (peek(s.length) === s) { i += s.length; return true; } return false; };
  const fail = (why: string): never => { throw new CannotEvaluate(`${why} in ${formula}`); };

  function word(): string {
    ws();
    const m = WORD.exec(src.slice(i));
    const w = m ? m[0] : '';
    i += w.length;
    return w;
  }
  function quotedSheet(): string {
    let s = '';
    for (i++; i < src.length; i++) {
      if (src[i] === "'") { if (src[i + 1] === "'") { s += "'"; i++; continue; } i++; return s; }
      s += src[i];
    }
    return fail('unterminated tab name');
  }
  function reference(first: string, sheet: string | undefined): Node {
    const a = refPart(first);
    if (!a) return fail(`the fake cannot evaluate "${first}"`);
    if (src[i] === ':') {
      i++;
      const second = word();
      const b = refPart(second);
      if (!b) return fail(`cannot read the range after "${first}:"`);
      return { k: 'rng', sheet, r1: a.r, c1: a.c, r2: b.r, c2: b.c, ra1: a.ra, ca1: a.ca, ra2: b.ra, ca2: b.ca };
    }
    if (a.r === undefined || a.c === undefined) return fail(`"${first}" is not a cell`);
    return { k: 'ref', sheet, r: a.r, c: a.c, ra: a.ra, ca: a.ca };
  }
  function primary(): Node {
    ws();
    if (eat('(')) { const n = comparison(); if (!eat(')')) fail('unbalanced parentheses'); return n; }
    if (src[i] === '"') {
      let s = '';
      for (i++; i < src.length; i++) {
        if (src[i] === '"') { if (src[i + 1] === '"') { s += '"'; i++; continue; } i++; return { k: 'lit', v: s }; }
        s += src[i];
      }
      fail('unterminated string');
    }
    const err = ERROR_LITERAL.exec(src.slice(i));
    if (err) { i += err[0].length; return { k: 'lit', v: new FErr(err[0].toUpperCase() as ErrCode) }; }
    if (src[i] === "'") {
      const sheet = quotedSheet();
      if (src[i] !== '!') fail(`expected "!" after '${sheet}'`);
      i++;
      return reference(word(), sheet);
    }
    const num = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
    if (num && !/^\d+[:!]/.test(src.slice(i))) { i += num[0].length; return { k: 'lit', v: Number(num[0]) }; }
    const w = word();
    if (!w) fail(`cannot read "${src.slice(i)}"`);
    if (src[i] === '!') { i++; return reference(word(), w); }
    if (peek() === '(') {
      i++;
      const args: Node[] = [];
      if (!eat(')')) {
        do args.push(comparison()); while (eat(','));
        if (!eat(')')) fail('unbalanced parentheses');
      }
      return { k: 'fn', name: w.toUpperCase(), args };
    }
    if (/^(TRUE|FALSE)$/i.test(w)) return { k: 'lit', v: w.toUpperCase() === 'TRUE' };
    return reference(w, undefined);
  }
  function unary(): Node {
    if (eat('-')) return { k: 'un', op: '-', a: unary() };
    if (eat('+')) return unary();
    let n = primary();
    while (eat('%')) n = { k: 'un', op: '%', a: n };
    return n;
  }
  function power(): Node {
    let n = unary();
    while (eat('^')) n = { k: 'bin', op: '^', a: n, b: unary() };
    return n;
  }
  function term(): Node {
    let n = power();
    for (let op = peek(); op === '*' || op === '/'; op = peek()) { i++; n = { k: 'bin', op, a: n, b: power() }; }
    return n;
  }
  function sum(): Node {
    let n = term();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) { i++; n = { k: 'bin', op, a: n, b: term() }; }
    return n;
  }
  function concat(): Node {
    let n = sum();
    while (eat('&')) n = { k: 'bin', op: '&', a: n, b: sum() };
    return n;
  }
  function comparison(): Node {
    let n = concat();
    for (;;) {
      const op = ['<=', '>=', '<>', '=', '<', '>'].find((o) => peek(o.length) === o);
      if (!op) return n;
      i += op.length;
      n = { k: 'bin', op, a: n, b: concat() };
    }
  }
  const node = comparison();
  if (peek() !== '') fail(`cannot read "${src.slice(i)}"`);
  return node;
}

const parsed = new Map<string, Node>();

export function parseCached(formula: string): Node {
  let n = parsed.get(formula);
  if (!n) { n = parse(formula); parsed.set(formula, n); }
  return n;
}

/**
 * Whether the formula has relative row / column references: one without relative columns ('=$C2<0')
 * gives the same answer for every cell of a row, so callers can evaluate it once a row.
 */
export function relativeAxes(formula: string): { rows: boolean; cols: boolean } {
  const out = { rows: false, cols: false };
  const walk = (n: Node): void => {
    if (n.k === 'ref') { out.rows ||= !n.ra; out.cols ||= !n.ca; }
    else if (n.k === 'rng') {
      out.rows ||= (n.r1 !== undefined && !n.ra1) || (n.r2 !== undefined && !n.ra2);
      out.cols ||= (n.c1 !== undefined && !n.ca1) || (n.c2 !== undefined && !n.ca2);
    } else if (n.k === 'un') walk(n.a);
    else if (n.k === 'bin') { walk(n.a); walk(n.b); }
    else if (n.k === 'fn') n.args.forEach(walk);
  };
  walk(parseCached(formula));
  return out;
}

// --- evaluation ---

export interface EvalCtx { src: CellSource; dr: number; dc: number }

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** The tab a reference reads: the formula's own, a named one, or #REF! for a name no tab has. */
export function sourceFor(ctx: EvalCtx, sheet: string | undefined): CellSource | FErr {
  if (sheet === undefined) return ctx.src;
  if (!ctx.src.sheet) throw new CannotEvaluate(`the formula references the tab '${sheet}', which the fake cannot evaluate here`);
  return ctx.src.sheet(sheet) ?? new FErr('#REF!');
}

function cellValue(src: CellSource, r: number, c: number): Scalar {
  if (r < 1 || c < 1 || r > src.maxRows || c > src.maxCols) return new FErr('#REF!');
  const v = src.value(r, c);
  return v === undefined || v === '' ? null : v;
}

/** A range node's corners on its tab, open ends filled from the grid. */
export function rangeBounds(n: Extract<Node, { k: 'rng' }>, ctx: EvalCtx, src: CellSource): { r1: number; r2: number; c1: number; c2: number } {
  const shift = (v: number | undefined, abs: boolean, d: number, open: number): number => (v === undefined ? open : abs ? v : v + d);
  const ra = shift(n.r1, n.ra1, ctx.dr, 1);
  const rb = shift(n.r2, n.ra2, ctx.dr, src.maxRows);
  const ca = shift(n.c1, n.ca1, ctx.dc, 1);
  const cb = shift(n.c2, n.ca2, ctx.dc, src.maxCols);
  return { r1: Math.min(ra, rb), r2: Math.max(ra, rb), c1: Math.min(ca, cb), c2: Math.max(ca, cb) };
}

function evalNode(n: Node, ctx: EvalCtx): Value {
  switch (n.k) {
    case 'lit': return n.v;
    case 'ref': {
      const src = sourceFor(ctx, n.sheet);
      if (isErr(src)) return src;
      // A reference is a one-cell range, so functions that skip text in ranges (MAX, SUM) skip it here too.
      return new Grid(1, 1, [cellValue(src, n.ra ? n.r : n.r + ctx.dr, n.ca ? n.c : n.c + ctx.dc)]);
    }
    case 'rng': {
      const src = sourceFor(ctx, n.sheet);
      if (isErr(src)) return src;
      const { r1, r2, c1, c2 } = rangeBounds(n, ctx, src);
      const last = src.lastRow ? Math.min(r2, src.lastRow()) : r2;
      const cells: Scalar[] = [];
      for (let r = r1; r <= last; r++) for (let c = c1; c <= c2; c++) cells.push(cellValue(src, r, c));
      return new Grid(r2 - r1 + 1, c2 - c1 + 1, cells);
    }
    case 'un': {
      const x = toNum(scalar(evalNode(n.a, ctx)));
      if (isErr(x)) return x;
      return n.op === '-' ? -x : x / 100;
    }
    case 'bin': {
      const a = scalar(evalNode(n.a, ctx));
      const b = scalar(evalNode(n.b, ctx));
      if (n.op === '&') { const x = toStr(a); const y = toStr(b); return isErr(x) ? x : isErr(y) ? y : x + y; }
      if (COMPARISONS.has(n.op)) {
        const d = compare(a, b);
        if (isErr(d)) return d;
        return n.op === '=' ? d === 0 : n.op === '<>' ? d !== 0 : n.op === '<' ? d < 0 : n.op === '<=' ? d <= 0 : n.op === '>' ? d > 0 : d >= 0;
      }
      const x = toNum(a);
      const y = toNum(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      if (n.op === '/' && y === 0) return new FErr('#DIV/0!');
      return n.op === '+' ? x + y : n.op === '-' ? x - y : n.op === '*' ? x * y : n.op === '/' ? x / y : x ** y;
    }
    case 'fn': {
      if (n.name === 'IF') {
        const t = truth(scalar(evalNode(n.args[0] ?? { k: 'lit', v: null }, ctx)));
        if (isErr(t)) return t;
        const branch = t ? n.args[1] : n.args[2];
        return branch ? evalNode(branch, ctx) : t;
      }
      const fn = FUNCTIONS[n.name];
      if (!fn) throw new CannotEvaluate(`the fake cannot evaluate ${n.name}()`);
      return fn(n.args.map((a) => evalNode(a, ctx)));
    }
  }
}

/**
 * True when `formula`, written for the cell `anchor`, holds at the cell `at`: TRUE or a non-zero number.
 * Throws CannotEvaluate for formulas outside the fake's subset.
 */
export function formulaHolds(formula: string, src: CellSource, anchor: { r: number; c: number }, at: { r: number; c: number }): boolean {
  const v = scalar(evalNode(parseCached(formula), { src, dr: at.r - anchor.r, dc: at.c - anchor.c }));
  return v === true || (typeof v === 'number' && v !== 0);
}

/**
 * The value of a cell formula on its tab `src`: a scalar, null for blank, or an error value.
 * Throws CannotEvaluate outside the subset, and for a multi-cell result (Sheets spills it over
 * neighbouring cells, which the fake does not do).
 */
export function evaluateCellFormula(formula: string, src: CellSource): Scalar {
  const v = evalNode(parseCached(formula), { src, dr: 0, dc: 0 });
  if (v instanceof Grid && v.size > 1) throw new CannotEvaluate(`${formula} gives an array, which the fake does not spill`);
  const s = scalar(v);
  return typeof s === 'number' && !Number.isFinite(s) ? new FErr('#NUM!') : s;
}


/** The target of a formula that is a HYPERLINK call, computed; null for another formula or an error URL. */
export function hyperlinkTarget(formula: string, src: CellSource): string | null {
  const n = parseCached(formula);
  if (n.k !== 'fn' || n.name !== 'HYPERLINK' || !n.args[0]) return null;
  const url = toStr(scalar(evalNode(n.args[0], { src, dr: 0, dc: 0 })));
  return isErr(url) ? null : url;
}
