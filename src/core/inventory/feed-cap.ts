// One push carries at most what one JSON_LISTINGS_FEED takes (25,000 messages,
// listings-feed-schema-v2.json messages.maxItems). A larger push (onboarding, recovery after a 3PL
// outage) sends the most urgent changes now — lower quantities first, since those stop oversells —
// and the rest with the next runs, instead of failing every run on the cap.

import type { InventoryRow, PushChange } from './types';

export interface CappedPush {
  rows: InventoryRow[];
  changes: PushChange[];
  /** Changes left for the next push. */
  deferred: number;
}

function urgency(c: PushChange): number {
  // Lower first (largest drop first), then new offers, then raises.
  if (c.fromQty !== null && c.toQty < c.fromQty) return -(c.fromQty - c.toQty) - 1e9;
  if (c.fromQty === null) return 0;
  return c.toQty - c.fromQty;
}

export function capPush(rows: ReadonlyArray<InventoryRow>, changes: ReadonlyArray<PushChange>, max: number): CappedPush {
  if (changes.length <= max) return { rows: [...rows], changes: [...changes], deferred: 0 };
  const order = changes.map((c, i) => ({ c, i, u: urgency(c) })).sort((a, b) => a.u - b.u || a.i - b.i);
  const now = new Set(order.slice(0, max).map((x) => x.c.key));
  const later = new Set(order.slice(max).map((x) => x.c.key));
  const out = rows.map((row): InventoryRow =>
    later.has(row.key)
      ? { ...row, pushState: 'next push', reason: `${row.reason} Waits for the next push: one Amazon feed takes ${max.toLocaleString('en-GB')} changes, and lower quantities go first.`.trim() }
      : row,
  );
  return { rows: out, changes: changes.filter((c) => now.has(c.key)), deferred: later.size };
}
