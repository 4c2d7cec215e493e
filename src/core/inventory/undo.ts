// Undo of the last stock push (docs/design.md §3 step 7): every accepted push records the quantity
// Amazon had before, and undo sends those quantities back through the normal push path.

import type { InventoryRow, PushChange } from './types';

/** One offer changed by a push: what it was and what was sent. */
interface PushRecordItem {
  key: string;
  marketplace: string;
  sellerSku: string;
  /** Amazon's quantity before the push; null when unknown (cannot be restored). */
  previousQty: number | null;
  pushedQty: number;
  /** Accepted but not yet seen on Amazon: what Amazon shows now says nothing about the push. */
  unconfirmed: boolean;
}

/** The last push as the Inventory tab records it: FBM rows that still carry a Previous Qty. */
export function pushRecordFromRows(rows: ReadonlyArray<InventoryRow>): PushRecordItem[] {
  const out: PushRecordItem[] = [];
  for (const r of rows) {
    if (r.channel !== 'FBM' || r.lastPushedQty === null || r.previousQty === null) continue;
    out.push({ key: r.key, marketplace: r.marketplace, sellerSku: r.sellerSku, previousQty: r.previousQty, pushedQty: r.lastPushedQty, unconfirmed: r.pushState === 'accepted' });
  }
  return out;
}

interface UndoPlan {
  changes: PushChange[];
  skipped: Array<{ key: string; sellerSku: string; reason: string }>;
}

/**
 * Changes that put every offer of the last push back to its previous quantity. `currentQty`
 * (Amazon's quantity now, by `${marketplace}:${sellerSku}`, or by Seller SKU alone when one
 * marketplace was read) avoids no-op writes; without it the pushed quantity is assumed current.
 */
export function buildUndoPlan(items: ReadonlyArray<PushRecordItem>, currentQty?: ReadonlyMap<string, number | null>): UndoPlan {
  const plan: UndoPlan = { changes: [], skipped: [] };
  for (const item of items) {
    // The same Seller SKU in two marketplaces has two quantities: the offer's own one counts.
    const marketKey = `${item.marketplace}:${item.sellerSku}`;
    const known = currentQty?.has(marketKey) ? marketKey : currentQty?.has(item.sellerSku) ? item.sellerSku : null;
    if (item.previousQty === null) {
      plan.skipped.push({ key: item.key, sellerSku: item.sellerSku, reason: "Amazon's quantity before the push is unknown, so there is nothing to restore." });
      continue;
    }
    const now = known !== null ? currentQty!.get(known) ?? null : item.pushedQty;
    // Amazon applies an accepted patch minutes later: still showing the old figure does not mean
    // there is nothing to undo, and the undo, sent after it, is applied after it.
    if (now === item.previousQty && !item.unconfirmed) {
      plan.skipped.push({ key: item.key, sellerSku: item.sellerSku, reason: `Amazon already shows ${item.previousQty}.` });
      continue;
    }
    plan.changes.push({ key: item.key, marketplace: item.marketplace, sellerSku: item.sellerSku, fromQty: now, toQty: item.previousQty });
  }
  return plan;
}

/** An undo change, and what it asked for before today's stock capped it. */
interface CappedChange {
  change: PushChange;
  /** The quantity the undo asked for, when it was above what the 3PL can pick today. */
  asked: number | null;
}

/**
 * Undo restores yesterday's quantities, but the warehouse may have less today: no quantity goes
 * back above what the 3PL can pick now (`pickable` per offer key; undefined = the 3PL does not list
 * it, so nothing backs it). A capped change says what was asked, so the Reason can tell people.
 */
export function capUndoToPickable(changes: ReadonlyArray<PushChange>, pickable: (key: string) => number | undefined): CappedChange[] {
  return changes.map((change) => {
    const limit = Math.max(0, pickable(change.key) ?? 0);
    return change.toQty > limit ? { change: { ...change, toQty: limit }, asked: change.toQty } : { change, asked: null };
  });
}
