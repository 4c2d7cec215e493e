// The number format a cell formula's result shows when its cell has none of its own. Sheets computes one
// ("effectiveFormat… if the cell contains a formula, the computed number format",
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellData), so =TODAY() or
// =MAX(dates) shows a date and getValues returns a Date for it. Google does not publish the rules; the fake
// infers only date and time formats, for the cases it is sure of: DATE() gives the locale's date format,
// TIME() its time format, DATE()+TIME() its date-time format; a reference, MAX, MIN, MAXIFS and MINIFS take
// the date format of the cells they read (a range: of its first number); IF and IFERROR that of the branch;
// date ± number keeps the date's format and date − date is a plain number of days. Anything else: none.

import { parseCached, rangeBounds, sourceFor, type CellSource, type EvalCtx, type Node } from './cf-formula';
import { isDateFormat } from './formats';
import { isErr } from './formula-values';

export interface FormatEnv { date: string; time: string; dateTime: string }

const dateOnly = (fmt: string | undefined): string | undefined => (isDateFormat(fmt) ? fmt : undefined);

/** A time-of-day format: hours or seconds and no year or day (month 'm' alone is ambiguous with minutes). */
function isTimeOnly(fmt: string): boolean {
  const p = fmt.replace(/"[^"]*"/g, '');
  return /[hs]/i.test(p) && !/[yd]/i.test(p);
}

function firstNumberFormat(n: Extract<Node, { k: 'rng' }>, ctx: EvalCtx, src: CellSource): string | undefined {
  const { r1, r2, c1, c2 } = rangeBounds(n, ctx, src);
  const last = src.lastRow ? Math.min(r2, src.lastRow()) : r2;
  for (let r = r1; r <= last; r++) {
    for (let c = c1; c <= c2; c++) if (typeof src.value(r, c) === 'number') return dateOnly(src.format?.(r, c));
  }
  return undefined;
}

function formatOf(n: Node | undefined, ctx: EvalCtx, env: FormatEnv): string | undefined {
  if (!n) return undefined;
  switch (n.k) {
    case 'lit':
    case 'un':
      return undefined;
    case 'ref': {
      const src = sourceFor(ctx, n.sheet);
      return isErr(src) ? undefined : dateOnly(src.format?.(n.r, n.c));
    }
    case 'rng': {
      const src = sourceFor(ctx, n.sheet);
      return isErr(src) ? undefined : firstNumberFormat(n, ctx, src);
    }
    case 'bin': {
      if (n.op !== '+' && n.op !== '-') return undefined;
      const a = formatOf(n.a, ctx, env);
      const b = formatOf(n.b, ctx, env);
      if (a && b) {
        if (n.op === '-') return undefined;
        return isTimeOnly(a) !== isTimeOnly(b) ? env.dateTime : a;
      }
      return a ?? (n.op === '+' ? b : undefined);
    }
    case 'fn': {
      const [x, y] = n.args;
      switch (n.name) {
        case 'DATE': return env.date;
        case 'TIME': return env.time;
        case 'MAX':
        case 'MIN':
          for (const a of n.args) { const f = formatOf(a, ctx, env); if (f) return f; }
          return undefined;
        case 'MAXIFS':
        case 'MINIFS':
          return formatOf(x, ctx, env);
        case 'IF': return formatOf(y, ctx, env) ?? formatOf(n.args[2], ctx, env);
        case 'IFERROR': return formatOf(x, ctx, env) ?? formatOf(y, ctx, env);
        default: return undefined;
      }
    }
  }
}

/** The date/time format inferred for the cell formula `formula` on its tab `src`, or undefined for none. */
export function inferredFormat(formula: string, src: CellSource, env: FormatEnv): string | undefined {
  return formatOf(parseCached(formula), { src, dr: 0, dc: 0 }, env);
}
