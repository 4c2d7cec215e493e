// Custom formulas of conditional formats and filters ('=$E2<0', '=AND($C2<>"", $D2="FBA")'), evaluated for
// one cell so tests can ask which cells a rule colours. As in Sheets, the formula is written for the
// top-left cell of the rule's first range and relative references move with the cell evaluated
// (https://support.google.com/docs/answer/78413 "Use advanced conditional formatting": "$" fixes a row
// or column). The cell format applies when the result is TRUE (or a non-zero number); errors do not apply.
// Semantics follow Sheets formulas: a blank cell is 0 next to a number and "" next to text, text
// comparison ignores case, numbers sort before text before booleans.
// Only the functions listed in FUNCTIONS are known; anything else throws CannotEvaluate, so a test never
// passes on a formula the fake did not understand.

import type { Val } from './sheet-data';

/** The formula uses something the fake does not evaluate (a function, a sheet reference, TODAY()). */
export class CannotEvaluate extends Error {}

export interface CellSource {
  value(r: number, c: number): Val | undefined;
  maxRows: number;
  maxCols: number;
}

class FErr {
  constructor(readonly code: string) {}
}
type Scalar = number | string | boolean | null | FErr;
type Value = Scalar | Scalar[];

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; r: number; c: number; ra: boolean; ca: boolean }
  | { k: 'rng'; r1?: number; c1?: number; r2?: number; c2?: number; ra1: boolean; ca1: boolean; ra2: boolean; ca2: boolean }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

const REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL = /^(\$?)([A-Za-z]{1,3})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parse(formula: string): Node {
  const src = formula.trim().replace(/^=/, '');
  let i = 0;
  const ws = (): void => { while (src[i] === ' ' || src[i] === '\n') i++; };
  const peek = (n = 1): string => { ws(); return src.slice(i, i + n); };
  const eat = (s: string): boolean => { if (peek(s.length) === s) { i += s.length; return true; } return false; };

  function name(): string {
    ws();
    const m = /^[A-Za-z0-9_$.]+/.exec(src.slice(i));
    return m ? m[0] : '';
  }
  function refPart(text: string): { r?: number; c?: number; ra: boolean; ca: boolean } | null {
    const m = REF.exec(text);
    if (m) return { c: columnNumber(m[2] as string), r: Number(m[4]), ca: m[1] === '$', ra: m[3] === '$' };
    const col = COL.exec(text);
    if (col) return { c: columnNumber(col[2] as string), ca: col[1] === '$', ra: false };
    return null;
  }
  function primary(): Node {
    ws();
    if (eat('(')) { const n = comparison(); if (!eat(')')) throw new CannotEvaluate(`unbalanced parentheses in ${formula}`); return n; }
    if (src[i] === '"') {
      let s = '';
      for (i++; i < src.length; i++) {
        if (src[i] === '"') { if (src[i + 1] === '"') { s += '"'; i++; continue; } i++; return { k: 'lit', v: s }; }
        s += src[i];
      }
      throw new CannotEvaluate(`unterminated string in ${formula}`);
    }
    const num = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
    if (num && !/^\d+:/.test(src.slice(i))) { i += num[0].length; return { k: 'lit', v: Number(num[0]) }; }
    const word = name();
    if (!word) throw new CannotEvaluate(`cannot read "${src.slice(i)}" in ${formula}`);
    i += word.length;
    if (peek() === '(') {
      i++;
      const args: Node[] = [];
      if (!eat(')')) {
        do args.push(comparison()); while (eat(','));
        if (!eat(')')) throw new CannotEvaluate(`unbalanced parentheses in ${formula}`);
      }
      return { k: 'fn', name: word.toUpperCase(), args };
    }
    if (/^(TRUE|FALSE)$/i.test(word)) return { k: 'lit', v: word.toUpperCase() === 'TRUE' };
    const a = refPart(word);
    if (!a) throw new CannotEvaluate(`the fake cannot evaluate "${word}" in ${formula}`);
    if (peek() === ':') {
      i++;
      const second = name();
      i += second.length;
      const b = refPart(second);
      if (!b) throw new CannotEvaluate(`cannot read the range after "${word}:" in ${formula}`);
      return { k: 'rng', r1: a.r, c1: a.c, r2: b.r, c2: b.c, ra1: a.ra, ca1: a.ca, ra2: b.ra, ca2: b.ca };
    }
    if (a.r === undefined) throw new CannotEvaluate(`"${word}" is not a cell in ${formula}`);
    return { k: 'ref', r: a.r, c: a.c as number, ra: a.ra, ca: a.ca };
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
  if (peek() !== '') throw new CannotEvaluate(`cannot read "${src.slice(i)}" in ${formula}`);
  return node;
}

const parsed = new Map<string, Node>();

function parseCached(formula: string): Node {
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

// --- values ---

const isErr = (v: unknown): v is FErr => v instanceof FErr;

function toNum(v: Scalar): number | FErr {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t === '') return 0;
  const n = Number(t);
  return Number.isFinite(n) ? n : new FErr('#VALUE!');
}

function toStr(v: Scalar): string | FErr {
  if (isErr(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function truth(v: Scalar): boolean | FErr {
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
function compare(a: Scalar, b: Scalar): number | FErr {
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

function scalar(v: Value): Scalar {
  return Array.isArray(v) ? new FErr('#VALUE!') : v;
}

function flat(vals: Value[]): Scalar[] {
  return vals.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** A COUNTIF text pattern: * any run, ? one character, whole text, ignoring case. */
function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^$|{}()[\]\\]/g, (ch) => `\\${ch}`).replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** COUNTIF's criterion: a number, or text with an optional operator prefix and * ? wildcards. */
function criterionMatcher(crit: Scalar): (v: Scalar) => boolean {
  if (typeof crit === 'number') return (v) => typeof v === 'number' && v === crit;
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

function logical(vals: Scalar[], pick: (bs: boolean[]) => boolean): Scalar {
  const bs: boolean[] = [];
  for (const v of vals) {
    if (isErr(v)) return v;
    if (typeof v === 'boolean') bs.push(v);
    else if (typeof v === 'number') bs.push(v !== 0);
  }
  return bs.length ? pick(bs) : new FErr('#VALUE!');
}

type Fn = (args: Value[]) => Value;
const str1 = (f: (s: string) => Scalar) => (args: Value[]): Scalar => { const s = toStr(scalar(args[0] ?? null)); return isErr(s) ? s : f(s); };

const FUNCTIONS: Record<string, Fn> = {
  AND: (a) => logical(flat(a), (bs) => bs.every(Boolean)),
  OR: (a) => logical(flat(a), (bs) => bs.some(Boolean)),
  NOT: (a) => { const t = truth(scalar(a[0] ?? null)); return isErr(t) ? t : !t; },
  ISBLANK: (a) => scalar(a[0] ?? null) === null,
  ISNUMBER: (a) => typeof scalar(a[0] ?? null) === 'number',
  ISTEXT: (a) => typeof scalar(a[0] ?? null) === 'string',
  ISERROR: (a) => isErr(scalar(a[0] ?? null)),
  LEN: str1((s) => s.length),
  TRIM: str1((s) => s.trim().replace(/ +/g, ' ')),
  UPPER: str1((s) => s.toUpperCase()),
  LOWER: str1((s) => s.toLowerCase()),
  LEFT: (a) => { const s = toStr(scalar(a[0] ?? null)); const n = a.length > 1 ? toNum(scalar(a[1] as Value)) : 1; return isErr(s) ? s : isErr(n) ? n : s.slice(0, n); },
  RIGHT: (a) => { const s = toStr(scalar(a[0] ?? null)); const n = a.length > 1 ? toNum(scalar(a[1] as Value)) : 1; return isErr(s) ? s : isErr(n) ? n : n <= 0 ? '' : s.slice(-n); },
  EXACT: (a) => { const x = toStr(scalar(a[0] ?? null)); const y = toStr(scalar(a[1] ?? null)); return isErr(x) ? x : isErr(y) ? y : x === y; },
  ABS: (a) => { const n = toNum(scalar(a[0] ?? null)); return isErr(n) ? n : Math.abs(n); },
  SUM: (a) => {
    let total = 0;
    for (const v of a) {
      for (const x of Array.isArray(v) ? v.filter((y) => typeof y === 'number' || isErr(y)) : [v]) {
        const n = toNum(x);
        if (isErr(n)) return n;
        total += n;
      }
    }
    return total;
  },
  COUNTA: (a) => flat(a).filter((v) => v !== null).length,
  COUNTIF: (a) => {
    const match = criterionMatcher(scalar(a[1] ?? null));
    return flat([a[0] ?? null]).filter((v) => match(v)).length;
  },
  REGEXMATCH: (a) => {
    const s = toStr(scalar(a[0] ?? null));
    const re = toStr(scalar(a[1] ?? null));
    if (isErr(s)) return s;
    if (isErr(re)) return re;
    try { return new RegExp(re).test(s); } catch { return new FErr('#REF!'); }
  },
};

interface EvalCtx { src: CellSource; dr: number; dc: number }

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

function cellValue(ctx: EvalCtx, r: number, c: number): Scalar {
  if (r < 1 || c < 1 || r > ctx.src.maxRows || c > ctx.src.maxCols) return new FErr('#REF!');
  const v = ctx.src.value(r, c);
  return v === undefined || v === '' ? null : v;
}

function evalNode(n: Node, ctx: EvalCtx): Value {
  switch (n.k) {
    case 'lit': return n.v;
    case 'ref': return cellValue(ctx, n.ra ? n.r : n.r + ctx.dr, n.ca ? n.c : n.c + ctx.dc);
    case 'rng': {
      const shift = (v: number | undefined, abs: boolean, d: number, open: number): number => (v === undefined ? open : abs ? v : v + d);
      const r1 = shift(n.r1, n.ra1, ctx.dr, 1);
      const r2 = shift(n.r2, n.ra2, ctx.dr, ctx.src.maxRows);
      const c1 = shift(n.c1, n.ca1, ctx.dc, 1);
      const c2 = shift(n.c2, n.ca2, ctx.dc, ctx.src.maxCols);
      const out: Scalar[] = [];
      for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
        for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push(cellValue(ctx, r, c));
      }
      return out;
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
        return branch ? evalNode(branch, ctx) : t ? true : false;
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
