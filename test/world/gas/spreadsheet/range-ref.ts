// A Range as value objects (conditional format rules, chart builders, filters) hold it: the tab and the
// rectangle, read from a Range facade of any execution. Stored this way so a rule kept on a sheet is
// handed back as fresh Range objects, as Apps Script does on every get.

import type { Rect, SheetData } from './sheet-data';

export interface RangeRef {
  sh: SheetData;
  rect: Rect;
}

/** The tab and rectangle of a Range facade; null when `x` is not one. */
export function rangeRefOf(x: unknown): RangeRef | null {
  if (!x || typeof x !== 'object' || !('_rect' in x) || !('_sh' in x)) return null;
  const r = x as { _rect: Rect; _sh: SheetData };
  return { sh: r._sh, rect: { ...r._rect } };
}

export function sameRef(a: RangeRef, b: RangeRef): boolean {
  return a.sh === b.sh && a.rect.r === b.rect.r && a.rect.c === b.rect.c && a.rect.nr === b.rect.nr && a.rect.nc === b.rect.nc;
}
