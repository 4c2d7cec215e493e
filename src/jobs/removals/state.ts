// What the removals job keeps between runs besides its tab (one document property): each open
// removal's last shipment date (for REMOVAL_OVERDUE, since the tab shows quantities, not dates) and
// the 3PL's words for a receipt it refused or left undecided. Pruned to the removals still open.

import type { KeyValueStore } from '../../ports/store';

const KEY = 'removals.state';

export interface RemovalsState {
  shippedAt: Map<string, number>;
  notes: Map<string, string>;
  /** When each open removal's receipt was last read at the 3PL (ms): the least recently read go first. */
  checkedAt: Map<string, number>;
  /** When the last set of reports read was asked for (ms): what the tab's Amazon figures are as of. */
  reportsAt: number;
  /** When the 3PL was last asked for unidentified receipts (ms). */
  unidentifiedCheckedAt: number;
}

export function loadState(store: KeyValueStore): RemovalsState {
  const empty: RemovalsState = { shippedAt: new Map(), notes: new Map(), checkedAt: new Map(), reportsAt: 0, unidentifiedCheckedAt: 0 };
  const raw = store.get(KEY);
  if (!raw) return empty;
  try {
    const v = JSON.parse(raw) as { shippedAt?: Record<string, number>; notes?: Record<string, string>; checkedAt?: Record<string, number>; reportsAt?: number; unidentifiedCheckedAt?: number };
    return {
      shippedAt: new Map(Object.entries(v.shippedAt ?? {}).filter(([, t]) => typeof t === 'number')),
      notes: new Map(Object.entries(v.notes ?? {}).filter(([, t]) => typeof t === 'string')),
      checkedAt: new Map(Object.entries(v.checkedAt ?? {}).filter(([, t]) => typeof t === 'number')),
      reportsAt: typeof v.reportsAt === 'number' ? v.reportsAt : 0,
      unidentifiedCheckedAt: typeof v.unidentifiedCheckedAt === 'number' ? v.unidentifiedCheckedAt : 0,
    };
  } catch {
    return empty;
  }
}

/** Keeps only the removals in `open`; a note longer than a sentence or two is cut so the value stays small. */
export function saveState(store: KeyValueStore, s: RemovalsState, open: ReadonlySet<string>): void {
  const shippedAt: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const checkedAt: Record<string, number> = {};
  for (const [id, t] of s.checkedAt) if (open.has(id)) checkedAt[id] = t;
  for (const [id, t] of s.shippedAt) if (open.has(id)) shippedAt[id] = t;
  for (const [id, n] of s.notes) if (open.has(id)) notes[id] = n.slice(0, 300);
  store.set(KEY, JSON.stringify({ shippedAt, notes, checkedAt, reportsAt: s.reportsAt, unidentifiedCheckedAt: s.unidentifiedCheckedAt }));
}
