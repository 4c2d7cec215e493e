// What a person needs to see before approving or undoing a stock push: the approval's breakdown
// (up / down / to zero, the largest changes), the undo's offers that would go back above what the 3PL
// can pick now, and a push Amazon still has to answer (read by the next stock sync).

import { buildUndoPlan, capUndoToPickable, pushRecordFromRows } from '../../core/inventory/undo';
import type { InventoryRow } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { loadPending } from '../inventory/push';

interface QtyChange {
  sku: string;
  from: number | null;
  to: number;
}

export interface ApprovalBreakdown {
  total: number;
  up: number;
  down: number;
  toZero: number;
  /** Of the total, held by a guardrail: approving lifts the hold for exactly these quantities. */
  held: number;
  /** The largest changes, biggest first (at most 5). */
  largest: QtyChange[];
}

export interface UndoReview {
  /** Offers the undo would change. */
  count: number;
  /** Offers it would put back above what the 3PL could pick at the last read (the undo lowers them to that). */
  overPickable: Array<{ sku: string; restore: number; pickable: number }>;
  overCount: number;
}

export interface PendingPush {
  kind: 'push' | 'undo';
  /** ISO time the push started. */
  since: string;
}

/** The changes an approval covers: FBM rows awaiting approval or held by a guardrail (core/inventory/plan-record). */
export function approvalBreakdown(rows: ReadonlyArray<InventoryRow>): ApprovalBreakdown | null {
  const shown = rows.filter((r) => r.channel === 'FBM' && r.proposedQty !== null && (r.pushState === 'awaiting approval' || r.pushState === 'held by guardrail'));
  if (shown.length === 0) return null;
  const out: ApprovalBreakdown = { total: shown.length, up: 0, down: 0, toZero: 0, held: 0, largest: [] };
  const changes: QtyChange[] = [];
  for (const r of shown) {
    const to = r.proposedQty as number;
    // Amazon's figure when known, else what was pushed last: the diff's own "from" (core/inventory/diff).
    const from = r.amazonFbmQty ?? r.lastPushedQty;
    if (to === 0) out.toZero++;
    else if (from === null || to > from) out.up++;
    else out.down++;
    if (r.pushState === 'held by guardrail') out.held++;
    changes.push({ sku: r.sellerSku, from, to });
  }
  out.largest = changes.sort((a, b) => Math.abs(b.to - (b.from ?? 0)) - Math.abs(a.to - (a.from ?? 0))).slice(0, 5);
  return out;
}

/**
 * The undo as "Undo last stock push" would build it (core/inventory/undo), checked against the 3PL
 * Fulfillable the Inventory tab shows: the job itself caps to what the 3PL can pick when it runs, so
 * the warning says in advance which quantities will not come back in full.
 */
export function undoReview(rows: ReadonlyArray<InventoryRow>): UndoReview | null {
  const items = pushRecordFromRows(rows);
  if (items.length === 0) return null;
  const plan = buildUndoPlan(items);
  if (plan.changes.length === 0) return null;
  // As the tab showed it: what the 3PL can pick less unsent orders, times the offer's share. The undo
  // itself reads everything afresh and also takes off what offers the sync does not set show.
  const pickable = new Map(rows.map((r) => [r.key, r.threePlFulfillable === null ? undefined : Math.floor(Math.max(0, r.threePlFulfillable - (r.unsentOrders ?? 0)) * (r.offerShare ?? 1) + 1e-9)] as const));
  const capped = capUndoToPickable(plan.changes, (key) => pickable.get(key));
  const over = capped.filter((c) => c.asked !== null).map((c) => ({ sku: c.change.sellerSku, restore: c.asked as number, pickable: c.change.toQty }));
  return { count: plan.changes.length, overPickable: over.slice(0, 10), overCount: over.length };
}

export function pendingPush(store: KeyValueStore): PendingPush | null {
  const p = loadPending(store);
  return p ? { kind: p.kind, since: new Date(p.startedAt).toISOString() } : null;
}
