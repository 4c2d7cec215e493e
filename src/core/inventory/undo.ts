// Undo of the last stock push (PRODUCT.md §3 step 7): every accepted push records the quantity
// Amazon had before, and undo sends those quantities back through the normal push path.

import type { InventoryRow, PushChange } from './types';
import type { PushResult } from './diff';

/** One offer changed by a push: what it was and what was sent. */
export interface PushRecordItem {
  key: string;
  marketplace: string;
  sellerSku: string;
  /** Amazon's quantity before the push; null when unknown (cannot be restored). */
  previousQty: number | null;
  pushedQty: number;
}

/** The accepted items of a push, from its changes and Amazon's answers. */
export function pushRecordItems(changes: ReadonlyArray<PushChange>, results: ReadonlyArray<PushResult>): PushRecordItem[] {
  const accepted = new Set(results.filter((r) => r.outcome === 'accepted').map((r) => r.key));
  return changes
    .filter((c) => accepted.has(c.key))
    .map((c) => ({ key: c.key, marketplace: c.marketplace, sellerSku: c.sellerSku, previousQty: c.fromQty, pushedQty: c.toQty }));
}

/** The last push as the Inventory tab records it: FBM rows that still carry a Previous Qty. */
export function pushRecordFromRows(rows: ReadonlyArray<InventoryRow>): PushRecordItem[] {
  const out: PushRecordItem[] = [];
  for (const r of rows) {
    if (r.channel !== 'FBM' || r.lastPushedQty === null || r.previousQty === null) continue;
    out.push({ key: r.key, marketplace: r.marketplace, sellerSku: r.sellerSku, previousQty: r.previousQty, pushedQty: r.lastPushedQty });
  }
  return out;
}

export interface UndoPlan {
  changes: PushChange[];
  skipped: Array<{ key: string; sellerSku: string; reason: string }>;
}

/**
 * Changes that put every offer of the last push back to its previous quantity. `currentQty`
 * (Amazon's quantity now, per Seller SKU) avoids no-op writes; without it the pushed quantity is
 * assumed current.
 */
export function buildUndoPlan(items: ReadonlyArray<PushRecordItem>, currentQty?: ReadonlyMap<string, number | null>): UndoPlan {
  const plan: UndoPlan = { changes: [], skipped: [] };
  for (const item of items) {
    if (item.previousQty === null) {
      plan.skipped.push({ key: item.key, sellerSku: item.sellerSku, reason: "Amazon's quantity before the push is unknown, so there is nothing to restore." });
      continue;
    }
    const now = currentQty?.has(item.sellerSku) ? currentQty.get(item.sellerSku) ?? null : item.pushedQty;
    if (now === item.previousQty) {
      plan.skipped.push({ key: item.key, sellerSku: item.sellerSku, reason: `Amazon already shows ${item.previousQty}.` });
      continue;
    }
    plan.changes.push({ key: item.key, marketplace: item.marketplace, sellerSku: item.sellerSku, fromQty: now, toQty: item.previousQty });
  }
  return plan;
}
