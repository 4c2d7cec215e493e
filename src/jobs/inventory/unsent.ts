// What the stock sync and its undo both read of Amazon's orders: the units of orders the 3PL has not
// committed yet (they come off the pool before any quantity is offered), and the marketplaces that
// pool serves.

import type { SpApiClient } from '../../amazon/client';
import type { OrderedLine } from '../../core/inventory/types';
import { orderedFromLedger, unsentFromLedger } from '../../core/orders/stock';
import type { WalkOrders } from '../../core/orders/stock';
import type { JobContext } from '../kit/job';
import { cancellationTimes, refreshLedger, unsentBeyondRows } from '../reads/amazon-orders';

export interface UnsentRead {
  lines: ReturnType<typeof unsentFromLedger>['lines'];
  orders: number;
  /**
   * The order lines of every listed marketplace, for the read-back: Amazon keeps one merchant
   * quantity per Seller SKU whatever the marketplace (amzn/selling-partner-api-docs#3167), so a DE
   * sale lowers the quantity the UK listing shows too.
   */
  ordered: OrderedLine[];
  seenUntil: number;
  complete: boolean;
  /** Why an incomplete read stopped (reads/amazon-orders.ts). */
  stoppedBy: 'deadline' | 'rate' | null;
}

/** Settings "Marketplaces", main first (the main one alone when the list is not usable). */
export function listedMarkets(ctx: JobContext): string[] {
  return ctx.settings.marketplaces.length ? ctx.settings.marketplaces : [ctx.settings.marketplace];
}

/**
 * The marketplaces whose FBM quantities the stock sync sets: the primary and every one the 3PL ships
 * to (Settings "FBM marketplaces"). They share one 3PL pool.
 */
export function pooledMarkets(ctx: JobContext): string[] {
  return [...new Set([ctx.settings.marketplace, ...ctx.settings.fbmMarketplaces])];
}

/**
 * Orders Amazon has and the 3PL has not committed yet, from the Orders ledger brought up to date
 * first (the same incremental read of every listed marketplace the orders job makes, so Amazon is
 * not searched twice). The orders of every marketplace the 3PL ships count: a DE order not yet at
 * the 3PL takes from the pool the UK offers are computed from.
 */
export function readUnsent(ctx: JobContext, amazon: SpApiClient, walk: { orders: WalkOrders; startedAt: number } | undefined): UnsentRead {
  const ledger = refreshLedger(amazon, ctx.tabs.orders, ctx.ports.store, ctx.now, listedMarkets(ctx));
  const cancelled = cancellationTimes(ctx.ports.store);
  const ordered = listedMarkets(ctx).flatMap((m) => orderedFromLedger(ledger.rows, m, cancelled));
  const unsent = unsentFromLedger(ledger.rows, pooledMarkets(ctx), walk);
  // Never fewer unsent units because a row was deleted or typed over where the seal could not check it.
  const beyond = unsentBeyondRows(ledger);
  return { lines: [...unsent.lines, ...beyond], orders: unsent.orders + ledger.carried.length + ledger.lost.length, ordered, seenUntil: ledger.seenUntil, complete: ledger.complete, stoppedBy: ledger.stoppedBy };
}

/**
 * What the Orders ledger already holds, when Amazon's orders could not be read this run: only for
 * judging offers the 3PL can no longer back (blocked.ts), never for a push. Orders it lacks are
 * missing on both sides of that judgement (Amazon's quantity and the 3PL's pool), so it never
 * names an offer that is fine.
 */
export function unsentAsKnown(ctx: JobContext): UnsentRead {
  const rows = ctx.tabs.orders.rows();
  const cancelled = cancellationTimes(ctx.ports.store);
  const ordered = listedMarkets(ctx).flatMap((m) => orderedFromLedger(rows, m, cancelled));
  const unsent = unsentFromLedger(rows, pooledMarkets(ctx));
  return { lines: unsent.lines, orders: unsent.orders, ordered, seenUntil: 0, complete: false, stoppedBy: null };
}
