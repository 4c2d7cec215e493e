// After a push, compare what Amazon shows with what was pushed (docs/design.md §3 step 5): Amazon can
// accept a listings write and never apply it, and other tools can change a quantity behind our back.
// Amazon also moves an FBM quantity itself, for each order placed or cancelled since the push; those
// moves are neither a push left unapplied nor drift.

import { exceptionKey, type RaisedException } from '../exceptions';
import type { InventoryRow, OrderedLine } from './types';

interface ReadbackInput {
  /** Inventory rows of one marketplace, as after the last push. */
  rows: ReadonlyArray<InventoryRow>;
  /** Amazon's FBM quantity per Seller SKU, just re-read (null: no FBM quantity). SKUs absent were not read. */
  amazonQty: ReadonlyMap<string, number | null>;
  /** When the last push was accepted (ms); null when unknown. */
  pushedAt: number | null;
  /** When Amazon's quantities were read (a report's request time): later orders are not in them. */
  now: number;
  /** Listings reads lag writes; a mismatch younger than this is still pending. Default 15. */
  settleMinutes?: number;
  /**
   * The merchant order lines the orders read saw (live and cancelled). Amazon lowers an FBM
   * quantity itself for every order and raises it again for most cancellations, so without them a
   * sale since the push looks like a push that was not applied. Absent: no order data.
   */
  orders?: ReadonlyArray<OrderedLine>;
  /**
   * Orders placed after this (ms) are not in `orders` yet: searchOrders answers up to two minutes
   * before the call (its createdBefore). Absent: the orders read covers the listings read.
   */
  ordersSeenUntil?: number;
}

interface ReadbackResult {
  rows: InventoryRow[];
  exceptions: RaisedException[];
  applied: number;
  notApplied: number;
  pending: number;
  /**
   * The STOCK_PUSH_NOT_APPLIED keys of the pushes still settling: unknown yet, so a row already open
   * for one (an earlier push not applied, pushed again) stays open instead of resolving until the
   * next verdict, and its e-mail is not sent again.
   */
  pendingKeys: string[];
  drifted: number;
}

const DEFAULT_SETTLE_MINUTES = 15;

/** What orders did to one SKU's FBM quantity between a push and the read. */
interface OrderEffect {
  /** Units in orders placed after the push and still live: Amazon took them off. */
  sold: number;
  /** Of those, units placed once the push had settled: surely taken off the pushed quantity. */
  soldSettled: number;
  /** Unshipped units of orders cancelled after the push: Amazon may have put them back. */
  restored: number;
}

const NO_EFFECT: OrderEffect = { sold: 0, soldSettled: 0, restored: 0 };

/**
 * Per Seller SKU, the orders between the push and the read. An order placed before Amazon applied
 * the push is swallowed by it (the push sets the quantity outright), so `sold` is the most Amazon
 * may have taken off and `soldSettled` the least; a cancellation puts units back except when the
 * seller cancelled for "No Inventory", so `restored` is the most it may have added.
 */
function orderEffects(lines: ReadonlyArray<OrderedLine>, pushedAt: number, settledAt: number, readAt: number): Map<string, OrderEffect> {
  const out = new Map<string, OrderEffect>();
  const at = (sku: string): OrderEffect => {
    let e = out.get(sku);
    if (!e) out.set(sku, (e = { ...NO_EFFECT }));
    return e;
  };
  for (const l of lines) {
    const cancelled = l.cancelledAt !== null && l.cancelledAt <= readAt;
    if (!cancelled && l.createdAt > pushedAt && l.createdAt <= readAt) {
      at(l.sellerSku).sold += l.quantity;
      if (l.createdAt > settledAt) at(l.sellerSku).soldSettled += l.quantity;
    }
    if (cancelled && l.cancelledAt! > pushedAt) at(l.sellerSku).restored += Math.max(0, l.quantity - l.shipped);
  }
  return out;
}

/**
 * Whether Amazon's quantity is what an applied push of `pushed` leaves after the orders since:
 * anything from pushed − sold (every order came after the push applied) to pushed + restored.
 * Below that, Amazon offers fewer than pushed, which is never a risk after a push that lowered the
 * quantity. After a raise, no more than the old quantity less the orders is a lost push; between
 * the two it may be sales the orders read cannot see yet (`unseen`): unsure.
 */
function judgePush(amazon: number, pushed: number, previous: number | null, e: OrderEffect, unseen: boolean): 'applied' | 'not applied' | 'unsure' {
  if (amazon > pushed + e.restored) return 'not applied';
  if (amazon >= Math.max(0, pushed - e.sold)) return 'applied';
  if (previous !== null && pushed <= previous) return 'applied';
  if (previous === null || amazon <= Math.max(0, previous - e.sold)) return 'not applied';
  return unseen ? 'unsure' : 'not applied';
}

function notAppliedException(row: InventoryRow, pushed: number, amazon: number | null, e: OrderEffect): RaisedException {
  const orders = e.sold || e.restored ? ` (${e.sold} unit(s) ordered since${e.restored ? `, ${e.restored} back from cancelled orders` : ''})` : '';
  return {
    key: exceptionKey('STOCK_PUSH_NOT_APPLIED', row.marketplace, row.sellerSku),
    type: 'STOCK_PUSH_NOT_APPLIED',
    entity: `${row.marketplace} FBM ${row.sellerSku}`,
    message:
      `Amazon accepted quantity ${pushed} for Seller SKU ${row.sellerSku} (${row.marketplace}) but still shows ${amazon ?? 'no quantity'}${orders}. ` +
      'Amazon sometimes accepts a listing update without applying it, so buyers see the wrong stock. ' +
      'The next sync pushes it again; if this persists, check the listing in Seller Central (it may be suppressed or under review).',
  };
}

function driftException(row: InventoryRow, pushed: number, amazon: number, expected: number, e: OrderEffect): RaisedException {
  const since = e.soldSettled || e.restored ? ` and orders since account for ${expected}` : '';
  return {
    key: exceptionKey('INVENTORY_DRIFT', row.marketplace, row.sellerSku),
    type: 'INVENTORY_DRIFT',
    entity: `${row.marketplace} FBM ${row.sellerSku}`,
    message:
      `Amazon shows ${amazon} for Seller SKU ${row.sellerSku} (${row.marketplace}), but the add-on last pushed ${pushed}${since}. ` +
      'Something else changed the quantity (Seller Central, another tool or feed), so Amazon may offer stock the 3PL does not hold. ' +
      'The next push sets it back from the 3PL figure; if another tool manages this listing, untick its SKU Map row.',
  };
}

/** Classifies each FBM row: applied, accepted but not applied (STOCK_PUSH_NOT_APPLIED), or drifted (INVENTORY_DRIFT). */
export function classifyReadback(input: ReadbackInput): ReadbackResult {
  const settleMs = (input.settleMinutes ?? DEFAULT_SETTLE_MINUTES) * 60_000;
  const settled = input.pushedAt === null || input.now - input.pushedAt >= settleMs;
  const effects = input.orders && input.pushedAt !== null ? orderEffects(input.orders, input.pushedAt, input.pushedAt + settleMs, input.now) : new Map<string, OrderEffect>();
  // Orders placed between the orders read's horizon and the listings read are not known yet; the
  // next runs see them, so a push judged unsure waits a second settle time before it is called lost.
  const unseen = input.ordersSeenUntil !== undefined && input.now > input.ordersSeenUntil && input.pushedAt !== null && input.now - input.pushedAt < 2 * settleMs;
  const result: ReadbackResult = { rows: [], exceptions: [], applied: 0, notApplied: 0, pending: 0, pendingKeys: [], drifted: 0 };
  for (const source of input.rows) {
    const row: InventoryRow = { ...source };
    result.rows.push(row);
    if (row.channel !== 'FBM' || !input.amazonQty.has(row.sellerSku)) continue;
    const amazon = input.amazonQty.get(row.sellerSku) ?? null;
    row.amazonFbmQty = amazon;
    const pushed = row.lastPushedQty;
    if (pushed === null) continue;
    const e = effects.get(row.sellerSku) ?? NO_EFFECT;

    if (row.pushState === 'accepted' || row.pushState === 'accepted but not applied') {
      const verdict = amazon === null ? 'not applied' : judgePush(amazon, pushed, row.previousQty, e, unseen);
      if (verdict === 'applied') {
        row.pushState = 'applied';
        result.applied++;
      } else if ((!settled || verdict === 'unsure') && row.pushState === 'accepted') {
        result.pending++;
        result.pendingKeys.push(exceptionKey('STOCK_PUSH_NOT_APPLIED', row.marketplace, row.sellerSku));
      } else {
        row.pushState = 'accepted but not applied';
        result.notApplied++;
        result.exceptions.push(notAppliedException(row, pushed, amazon, e));
      }
      continue;
    }
    if (row.pushState === 'queued' || amazon === null) continue;
    // Only a rise is drift: a lower quantity offers less than the 3PL holds, and sales the read
    // cannot see yet (or since an earlier push of this SKU) lower it too.
    const expected = Math.max(0, pushed - e.soldSettled) + e.restored;
    if (amazon <= expected) continue;
    result.drifted++;
    result.exceptions.push(driftException(row, pushed, amazon, expected, e));
  }
  return result;
}

interface SyncTimeoutInput {
  marketplace: string;
  /** End of the last successful stock sync (ms); null: never. */
  lastSuccessAt: number | null;
  /** When timing starts if there was never a success (e.g. set-up time); null: do not raise. */
  trackingSince?: number | null;
  now: number;
  timeoutMinutes: number;
}

/** STOCK_SYNC_TIMEOUT when no stock sync has succeeded within the Settings timeout. */
export function checkStockSyncTimeout(input: SyncTimeoutInput): RaisedException | null {
  const since = input.lastSuccessAt ?? input.trackingSince ?? null;
  if (since === null) return null;
  const minutes = Math.floor((input.now - since) / 60_000);
  if (minutes <= input.timeoutMinutes) return null;
  const last = input.lastSuccessAt === null ? 'has never succeeded' : `last succeeded ${minutes} minutes ago (at ${new Date(input.lastSuccessAt).toISOString()})`;
  return {
    key: exceptionKey('STOCK_SYNC_TIMEOUT', input.marketplace),
    type: 'STOCK_SYNC_TIMEOUT',
    entity: `Stock sync ${input.marketplace}`,
    message:
      `The stock sync for ${input.marketplace} ${last}, longer than "Stock sync timeout (minutes)" (${input.timeoutMinutes}). ` +
      'Amazon quantities may no longer match the 3PL, which risks overselling. Check the Sync Log for the error and the add-on connections, then run "Sync now".',
  };
}
