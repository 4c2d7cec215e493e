// Row ordering for Range.sort and Sheet.sort
// (https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object)): numbers (and dates)
// before text before booleans, text compared case-insensitively, blanks always last, stable. Formula cells
// sort by their computed value (cell-formulas.ts), as Sheets sorts what the cells show.

import type { DocCtx } from './cells';
import { newSession, rawAt } from './cell-formulas';
import type { Rect, SheetData, Val } from './sheet-data';

export interface SortKey { column: number; ascending: boolean }

function rank(v: Val | undefined): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compare(a: Val | undefined, b: Val | undefined): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' });
  return Number(a) - Number(b);
}

export function sortRect(doc: DocCtx, sh: SheetData, rect: Rect, keys: readonly SortKey[]): void {
  const order = Array.from({ length: rect.nr }, (_, i) => i);
  const session = newSession();
  const value = (r: number, c: number): Val | undefined => (sh.formulaCount > 0 ? rawAt(doc, sh, r, c, session) : sh.get('v', r, c));
  order.sort((x, y) => {
    for (const k of keys) {
      const a = value(rect.r + x, k.column);
      const b = value(rect.r + y, k.column);
      const ea = a === undefined || a === '';
      const eb = b === undefined || b === '';
      if (ea || eb) { if (ea !== eb) return ea ? 1 : -1; continue; }
      const d = compare(a, b);
      if (d !== 0) return k.ascending ? d : -d;
    }
    return 0;
  });
  sh.reorderRows(rect, order);
}
