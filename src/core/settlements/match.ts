// How one Settlement Map match cell is read (docs/design.md §6): "any", or a comma list of values,
// each exact or ending in "*" (a prefix). Shared by the categoriser (categories.ts) and the map's
// reader (map-read.ts), so "these two rows can match the same line" is decided by the same rules
// that match lines. Everything is compared without case and extra spaces, as the design asks.

import { nameKey } from '../tabs';

export const UNMAPPED = 'UNMAPPED';

/** Compared as header names are (core/tabs nameKey): case and runs of white space ignored. */
export const norm: (s: string) => string = nameKey;

export function isUnmappedCategory(category: string): boolean {
  return norm(category) === norm(UNMAPPED);
}

/**
 * `globs` only come from a row already reported as unusable ("FBA*Fee"): it is kept so the lines
 * it was meant for stay UNMAPPED instead of falling to a wider row, never to categorise them.
 */
export type CellMatch = { any: true } | { any: false; exact: Set<string>; prefixes: string[]; globs: RegExp[] };

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function compileCell(cell: string): CellMatch {
  const parts = cell.split(',').map(norm);
  if (parts.some((p) => p === 'any' || p === '*')) return { any: true };
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const globs: RegExp[] = [];
  for (const p of parts) {
    const body = p.endsWith('*') ? p.slice(0, -1) : p;
    if (body.includes('*')) globs.push(new RegExp(`^${p.split('*').map(escape).join('.*')}$`));
    else if (p.endsWith('*')) prefixes.push(body.trim());
    else exact.add(p);
  }
  return { any: false, exact, prefixes, globs };
}

export const isWild = (c: CellMatch): boolean => c.any || c.prefixes.length > 0 || c.globs.length > 0;

export const hits = (c: CellMatch, value: string): boolean =>
  c.any || c.exact.has(value) || c.prefixes.some((p) => value.startsWith(p)) || c.globs.some((g) => g.test(value));

/** Whether some value matches both cells (globs, only on unusable rows, never compared). */
export function cellsOverlap(a: CellMatch, b: CellMatch): boolean {
  if (a.any || b.any) return true;
  for (const v of a.exact) if (hits(b, v)) return true;
  for (const v of b.exact) if (hits(a, v)) return true;
  return a.prefixes.some((p) => b.prefixes.some((q) => p.startsWith(q) || q.startsWith(p)));
}
