// What inserting or deleting rows or columns does to the ranges laid over a tab, as Sheets does it:
// ranges below (or right of) the change move; a range the insertion falls inside grows; rows inserted
// directly below a range's last row stay outside it; deleting rows shrinks a range, and a range whose
// every row is deleted goes (a conditional format rule loses that range, a filter or a range protection
// is removed). Applies to the tab's conditional format rules, filter, protections and its charts' anchors
// and ranges on the tab itself. Cell layers (values, validations…) move with the row arrays (sheet-data.ts).

import type { FilterCriteriaData } from './filter-criteria';
import type { Rect, SheetData } from './sheet-data';

export type Dim = 'rows' | 'cols';

/** The span [start, start + size) after `delta` lines are inserted (delta > 0) or deleted (delta < 0) at `at`. */
function shiftSpan(start: number, size: number, at: number, delta: number): [number, number] | null {
  const end = start + size - 1;
  if (delta > 0) {
    if (start >= at) return [start + delta, size];
    if (at <= end) return [start, size + delta];
    return [start, size];
  }
  const n = -delta;
  const last = at + n - 1;
  const moved = (p: number, isStart: boolean): number => (p < at ? p : p > last ? p - n : isStart ? at : at - 1);
  const s = moved(start, true);
  const e = moved(end, false);
  return e < s ? null : [s, e - s + 1];
}

/** The rectangle after the change, or null when all its rows (columns) were deleted. */
export function shiftRect(rect: Rect, dim: Dim, at: number, delta: number): Rect | null {
  if (dim === 'rows') {
    const span = shiftSpan(rect.r, rect.nr, at, delta);
    return span ? { ...rect, r: span[0], nr: span[1] } : null;
  }
  const span = shiftSpan(rect.c, rect.nc, at, delta);
  return span ? { ...rect, c: span[0], nc: span[1] } : null;
}

function shiftPoint(p: number, at: number, delta: number): number {
  if (delta > 0) return p >= at ? p + delta : p;
  return p >= at - delta ? p + delta : Math.min(p, Math.max(1, at));
}

export function shiftOverlays(sh: SheetData, dim: Dim, at: number, delta: number): void {
  sh.cfRules = sh.cfRules
    .map((rule) => ({
      ...rule,
      ranges: rule.ranges.flatMap((ref) => {
        if (ref.sh !== sh) return [ref];
        const rect = shiftRect(ref.rect, dim, at, delta);
        return rect ? [{ sh, rect }] : [];
      }),
    }))
    .filter((rule) => rule.ranges.length > 0);

  if (sh.filter) {
    const rect = shiftRect(sh.filter.rect, dim, at, delta);
    if (!rect) sh.filter = null;
    else if (dim === 'rows') sh.filter.rect = rect;
    else {
      // Criteria are kept by sheet column, so they move with their column.
      const moved = new Map<number, FilterCriteriaData>();
      for (const [c, crit] of sh.filter.criteria) {
        const inside = shiftRect({ r: 1, c, nr: 1, nc: 1 }, 'cols', at, delta);
        if (inside) moved.set(inside.c, crit);
      }
      sh.filter.criteria = moved;
      sh.filter.rect = rect;
    }
  }

  sh.protections = sh.protections.filter((p) => {
    p.unprotected = p.unprotected.flatMap((r) => {
      const next = shiftRect(r, dim, at, delta);
      return next ? [next] : [];
    });
    if (!p.rect) return true;
    const rect = shiftRect(p.rect, dim, at, delta);
    if (!rect) return false;
    p.rect = rect;
    return true;
  });

  for (const chart of sh.charts) {
    chart.ranges = chart.ranges.flatMap((ref) => {
      if (ref.sh !== sh) return [ref];
      const rect = shiftRect(ref.rect, dim, at, delta);
      return rect ? [{ sh, rect }] : [];
    });
    if (dim === 'rows') chart.position.row = shiftPoint(chart.position.row, at, delta);
    else chart.position.column = shiftPoint(chart.position.column, at, delta);
  }
}
