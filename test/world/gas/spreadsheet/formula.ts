// A deliberately tiny formula evaluator. setValues treats "=…" as a formula
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)); the fake
// computes only constant arithmetic, string literals, & and HYPERLINK(url, label). Anything else
// (cell references, other functions) evaluates to '' — tests must not rely on recalculation.

export type FormulaValue = string | number | boolean;

class Unsupported extends Error {}

export function evaluateFormula(formula: string): FormulaValue {
  const src = formula.replace(/^=/, '');
  let i = 0;
  const ws = (): void => { while (src[i] === ' ') i++; };
  const peek = (): string => { ws(); return src[i] ?? ''; };

  function primary(): FormulaValue {
    const c = peek();
    if (c === '(') { i++; const v = concat(); if (peek() !== ')') throw new Unsupported(); i++; return v; }
    if (c === '"') {
      let s = '';
      for (i++; i < src.length; i++) {
        if (src[i] === '"') { if (src[i + 1] === '"') { s += '"'; i++; continue; } i++; return s; }
        s += src[i];
      }
      throw new Unsupported();
    }
    if (c === '-' || c === '+') { i++; const v = primary(); return c === '-' ? -num(v) : num(v); }
    const n = /^\d+(\.\d+)?(e[+-]?\d+)?/i.exec(src.slice(i));
    if (n) { i += n[0].length; return Number(n[0]); }
    const fn = /^([A-Za-z.]+)\(/.exec(src.slice(i));
    if (fn && /^(HYPERLINK|TRUE|FALSE)$/i.test(fn[1] as string)) {
      i += fn[0].length;
      const args: FormulaValue[] = [];
      while (peek() !== ')') { args.push(concat()); if (peek() === ',') i++; else if (peek() !== ')') throw new Unsupported(); }
      i++;
      const name = (fn[1] as string).toUpperCase();
      if (name === 'TRUE' || name === 'FALSE') return name === 'TRUE';
      return String(args[1] ?? args[0] ?? '');
    }
    const b = /^(TRUE|FALSE)\b/i.exec(src.slice(i));
    if (b) { i += b[0].length; return (b[1] as string).toUpperCase() === 'TRUE'; }
    throw new Unsupported();
  }
  function num(v: FormulaValue): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    throw new Unsupported();
  }
  function term(): FormulaValue {
    let v = primary();
    for (let c = peek(); c === '*' || c === '/'; c = peek()) {
      i++;
      const r = num(primary());
      v = c === '*' ? num(v) * r : num(v) / r;
    }
    return v;
  }
  function sum(): FormulaValue {
    let v = term();
    for (let c = peek(); c === '+' || c === '-'; c = peek()) { i++; const r = num(term()); v = c === '+' ? num(v) + r : num(v) - r; }
    return v;
  }
  function concat(): FormulaValue {
    let v = sum();
    while (peek() === '&') { i++; v = String(v) + String(sum()); }
    return v;
  }
  try {
    const v = concat();
    if (peek() !== '' || (typeof v === 'number' && !Number.isFinite(v))) return '';
    return v;
  } catch {
    return '';
  }
}
