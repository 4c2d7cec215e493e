// Undo of the last stock push (docs/design.md §3 step 7): every accepted push records the quantity
// Amazon had before, and undo sends those quantities back through the normal push path.

import type { SkuMapValidation } from './sku-map';
import type { InventoryRow, PushChange, SkuMapEntry } from './types';

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

/** What the sync's own rules allow an offer today, or why the undo leaves the offer alone. */
export type UndoLimit = { max: number; why: string; row: InventoryRow } | { leftOut: string };

/**
 * The cap is what the 3PL can pick for the offer, not the sync's margin: the buffer and Max Qty are
 * lifted, so an undo can still put back what a raised buffer took off, never more than can be picked.
 */
export function withoutBufferOrMaxQty(v: SkuMapValidation): SkuMapValidation {
  const lift = (e: SkuMapEntry): SkuMapEntry => ({ ...e, safetyBuffer: 0, maxQty: null });
  return { ...v, entries: v.entries.map(lift), held: v.held.map(lift), rows: v.rows.map((r) => (r.entry ? { ...r, entry: lift(r.entry) } : r)) };
}

/**
 * Limits per offer key from the rows buildInventory made with the buffer and Max Qty lifted: its
 * proposal is the most the sync would let the offer show (3PL pickable less unsent orders and what
 * offers it does not set show, shared between the offers of one stock, Offer %). An offer without
 * a row (no valid, active FBM row maps it now) or without a proposal (held) is left out.
 */
export function undoLimitsFrom(built: ReadonlyArray<InventoryRow>): (key: string) => UndoLimit {
  const byKey = new Map(built.filter((r) => r.channel === 'FBM').map((r) => [r.key, r] as const));
  return (key) => {
    const row = byKey.get(key);
    if (!row) return { leftOut: 'no active, valid FBM row of the SKU Map maps this offer now, so the add-on does not set it' };
    if (row.proposedQty === null) return { leftOut: `the sync does not set it now (${row.reason.replace(/^(Held|Not synced): /, '').replace(/\.$/, '')})` };
    // The lifted buffer would read "buffer 0" in the Reason: it is no part of the cap.
    return { max: row.proposedQty, why: row.reason.replace(', buffer 0 →', ' →'), row };
  };
}

/** The sum the proposal's Reason shows ("3PL has 8 pickable, … → 5"), without the notes around it. */
function formulaOf(why: string): string {
  return /3PL has .*?→ \d+/.exec(why)?.[0] ?? why.split('. ')[0]!;
}

/** An undo change, what it asked for before today's limit lowered it, and that limit. */
interface CappedChange {
  change: PushChange;
  /** The quantity the undo asked for, when it was above what the sync allows today. */
  asked: number | null;
  limit: Extract<UndoLimit, { max: number }>;
}

interface LimitedUndo {
  capped: CappedChange[];
  /** Offers the undo does not touch, and why (said in the run's message). */
  leftOut: Array<{ key: string; sellerSku: string; reason: string; managed: boolean }>;
}

/**
 * Undo restores yesterday's quantities, but no quantity goes back above what the sync's own rules
 * allow today, and offers the sync does not manage now are not written at all. A change the limit
 * brings down to what Amazon shows already is nothing to send.
 */
export function limitUndo(changes: ReadonlyArray<PushChange>, limitOf: (key: string) => UndoLimit): LimitedUndo {
  const out: LimitedUndo = { capped: [], leftOut: [] };
  for (const change of changes) {
    const limit = limitOf(change.key);
    if ('leftOut' in limit) {
      out.leftOut.push({ key: change.key, sellerSku: change.sellerSku, reason: limit.leftOut, managed: false });
      continue;
    }
    const max = Math.max(0, limit.max);
    if (change.toQty <= max) {
      out.capped.push({ change, asked: null, limit });
      continue;
    }
    if (change.fromQty === max) {
      out.leftOut.push({ key: change.key, sellerSku: change.sellerSku, reason: `the undo asked for ${change.toQty}, but Amazon already shows ${max}, the most the sync's rules allow it today: ${formulaOf(limit.why)}`, managed: true });
      continue;
    }
    out.capped.push({ change: { ...change, toQty: max }, asked: change.toQty, limit });
  }
  return out;
}

/**
 * The sidebar's preview of the cap, from the 3PL figure the tab shows (`pickable` per offer key;
 * undefined = the 3PL does not list it): the undo itself applies limitUndo to fresh reads.
 */
export function capUndoToPickable(changes: ReadonlyArray<PushChange>, pickable: (key: string) => number | undefined): Array<{ change: PushChange; asked: number | null }> {
  return changes.map((change) => {
    const limit = Math.max(0, pickable(change.key) ?? 0);
    return change.toQty > limit ? { change: { ...change, toQty: limit }, asked: change.toQty } : { change, asked: null };
  });
}
