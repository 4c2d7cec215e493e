// The reads a stock run starts with (docs/design.md §3 "Inventory"): Amazon's listings asked for first
// so Amazon prepares them while the 3PL's stock (over several runs when the catalogue needs it) and the
// orders not yet at the 3PL are read; then the listings, waited for in the run, with the new Inventory
// rows laid out meanwhile. A run that cannot have all three waits, and pushes nothing.

import type { SpApiClient } from '../../amazon/client';
import { walkOrdersNow } from '../../core/orders/stock';
import type { WalkOrders } from '../../core/orders/stock';
import type { ThreePlAdapter } from '../../threepl/types';
import type { JobContext } from '../kit/job';
import { ordersReadKeys } from '../reads/amazon-orders';
import { readThreePlStockInRuns } from '../reads/threepl-stock';
import type { ThreePlStockInRuns } from '../reads/threepl-stock';
import { baselineAskable } from '../reads/threepl-stock-baseline';
import { fillReusesKeptStock } from './fill';
import { readMarketsListings, requestMarketsListings } from './market-listings';
import type { MarketsListingsRead } from './market-listings';
import { pooledMarkets, readUnsent, unsentAsKnown, type UnsentRead } from './unsent';
import { RemoteError } from '../../ports/errors';
import { plainWhy } from '../../core/words';

/** What the two systems say this run, or why the run has to wait for Amazon. */
export interface SystemsRead {
  /** `overRuns`: the stock was walked over several executions (threepl-stock-walk.ts). */
  stock: ThreePlStockInRuns & { overRuns: boolean };
  unsent: UnsentRead;
  read: MarketsListingsRead;
}

/** The note a stock read over several runs keeps of the orders as it began; unreadable → count every order not shipped before. */
function walkOrders(note: string): WalkOrders {
  try {
    const v = JSON.parse(note) as Partial<WalkOrders>;
    if (Array.isArray(v.unsentIds) && typeof v.since === 'number') return { unsentIds: v.unsentIds.filter((x) => typeof x === 'string'), since: v.since };
  } catch {
    // fall through
  }
  return { unsentIds: [], since: 0 };
}

/** The 3PL's stock, read over several runs when the catalogue needs it (reads/threepl-stock-walk.ts). */
export function readStock(ctx: JobContext, adapter: ThreePlAdapter) {
  const { store, clock } = ctx.ports;
  const ports = { store, clock, staging: ctx.tabs.staging, deadline: ctx.deadline };
  const maxAgeMs = ctx.settings.stockDataMaxAgeMinutes * 60_000;
  // The orders read's cursor for the marketplaces listed (the key the orders job moves too).
  const since = Date.parse(store.get(ordersReadKeys(ctx.settings.marketplaces).cursor) ?? '');
  const note = () => JSON.stringify(walkOrdersNow(ctx.tabs.orders.rows(), pooledMarkets(ctx), Number.isFinite(since) ? since : 0));
  // While the Inventory tab is still filling, this run pushes nothing: the read kept when the fill began will do (fill.ts).
  return readThreePlStockInRuns(adapter, ports, maxAgeMs, note, fillReusesKeptStock(store, baselineAskable(adapter, ports)));
}

/** What the rest of the run needs after the listings report arrives: computing, the push, the sheet. */
export const AFTER_LISTINGS_MS = 120_000;

/**
 * Every pooled marketplace's listings are read, with SKU Map rows or none: an FBM offer the 3PL's
 * stock serves in a marketplace no row names (or whose rows' Marketplace cells cannot be read) still
 * sells units the 3PL must pick, and only a read of it can say so (UNMAPPED_SKU, OFFER_UNMANAGED),
 * as it does in the primary.
 */
function marketsToRead(ctx: JobContext): string[] {
  return pooledMarkets(ctx);
}

/**
 * `meanwhile`: work on what the 3PL and the orders said, done while the run waits for a listings
 * report Amazon is still preparing (layout.ts).
 */
export function readSystems(
  ctx: JobContext,
  amazon: SpApiClient,
  adapter: ThreePlAdapter,
  meanwhile: (stock: SystemsRead['stock'], unsent: UnsentRead) => void,
  /** `why`: what could not be read and why, as a clause ("Amazon's listings could not be read (…)"). */
  unread: (stock: SystemsRead['stock'], unsent: UnsentRead, why: string) => void,
): SystemsRead | { waiting: string } {
  const { store, clock } = ctx.ports;
  const rows = ctx.tabs.skuMap.records().length;
  const markets = marketsToRead(ctx);
  // A large catalogue's listings come from a report per marketplace: all asked for first, so Amazon prepares them while the 3PL is read.
  requestMarketsListings(amazon, store, ctx.now, rows, markets, ctx.settings.marketplace, clock);
  const stock = readStock(ctx, adapter);
  if ('waiting' in stock) return { waiting: stock.waiting };
  const read3pl = { ...stock, overRuns: stock.atStart !== null };
  let unsent: UnsentRead;
  try {
    unsent = readUnsent(ctx, amazon, stock.atStart === null ? undefined : { orders: walkOrders(stock.atStart), startedAt: stock.walkStartedAt });
  } catch (e) {
    // No push without every order, but an offer the 3PL can no longer back is said at once (a refused
    // credential is AUTH_FAILED's to say).
    if (e instanceof RemoteError && e.kind !== 'auth' && e.kind !== 'forbidden') unread(read3pl, unsentAsKnown(ctx), `Amazon's recent orders could not be read (${plainWhy(e.message)})`);
    throw e;
  }
  // Units of orders not yet read would be offered again: no quantity is computed until all are known.
  if (!unsent.complete) {
    const why = unsent.stoppedBy === 'rate' ? "Amazon's rate limit for searchOrders" : 'time limit';
    unread(read3pl, unsent, `Amazon's recent orders were read only in part (${why})`);
    return { waiting: `Amazon's recent orders were read only in part (${why}); the stock sync waits until every order is in the Orders ledger, so no sold unit is offered again.` };
  }
  // Read last, so a report not ready yet is waited for in this run rather than the next one.
  const inRun = { clock, deadline: ctx.deadline, reserveMs: AFTER_LISTINGS_MS, meanwhile: () => meanwhile(read3pl, unsent) };
  let read: ReturnType<typeof readMarketsListings>;
  try {
    read = readMarketsListings(amazon, store, clock.now(), rows, markets, ctx.settings.marketplace, inRun);
  } catch (e) {
    unread(read3pl, unsent, `Amazon's listings could not be read (${plainWhy(e instanceof Error ? e.message : String(e))})`);
    throw e;
  }
  if ('waiting' in read) {
    unread(read3pl, unsent, `Amazon's listings could not be read (${plainWhy(read.waiting)})`);
    return { waiting: read.waiting };
  }
  return { stock: read3pl, unsent, read };
}

/** Asks for the primary's listings report when its catalogue is known to need one and none is on its way. */
export function requestPrimaryListings(ctx: JobContext, amazon: SpApiClient): void {
  const primary = ctx.settings.marketplace;
  requestMarketsListings(amazon, ctx.ports.store, ctx.now, 0, [primary], primary, ctx.ports.clock);
}
