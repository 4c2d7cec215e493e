// The stock sync's steps that go one marketplace at a time: each marketplace's FBA figures (read
// with its own marketplaceIds) and the read-back of its rows against its own listings read.

import { onMarketplace, type SpApiClient } from '../../amazon/client';
import type { RaisedException } from '../../core/exceptions';
import { classifyReadback } from '../../core/inventory/readback';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import type { InventoryRow, OrderedLine } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { readFbaStock, type FbaStockRead } from './fba-source';
import { marketOfKeys } from './market-keys';
import type { MarketsListingsRead } from './market-listings';
import { pushAll } from '../../core/lists';

/** Every marketplace's FBA figures, and how each was read. */
export interface FbaReads {
  summaries: FbaStockRead['summaries'];
  /** The primary's read (its figures without a marketplace, as a single-marketplace read has them). */
  primary: FbaStockRead;
  byMarket: Map<string, FbaStockRead>;
}

/**
 * FBA buckets for the FBA rows of every listed marketplace, each read with its own marketplaceIds
 * (getInventorySummaries takes exactly one, sp-api.md §3.1); held dual-channel rows still show them,
 * so they are read too. A large catalogue reads them from a report (fba-source.ts): until one is
 * ready they are unknown and the rows keep the figures they showed.
 */
export function readFbaMarkets(amazon: SpApiClient, store: KeyValueStore, now: number, validation: SkuMapValidation, primary: string, markets: readonly string[]): FbaReads {
  const byMarket = new Map<string, FbaStockRead>();
  for (const m of [primary, ...markets.filter((x) => x !== primary)]) {
    const skus = [...validation.entries, ...validation.held].filter((e) => e.channel === 'FBA' && e.marketplace === m).map((e) => e.sellerSku);
    // The primary is always read (as before); another marketplace only when it has FBA rows.
    if (m !== primary && skus.length === 0) continue;
    byMarket.set(m, readFbaStock(onMarketplace(amazon, m), store, now, [...new Set(skus)], marketOfKeys(m, primary)));
  }
  return { summaries: [...byMarket.values()].flatMap((r) => r.summaries), primary: byMarket.get(primary)!, byMarket };
}

/**
 * Each marketplace's rows judged against its own listings read (Amazon's quantity there, when it
 * was true); the rows keep their places. `ordered`: the order lines of every listed marketplace,
 * since Amazon keeps one merchant quantity per Seller SKU whatever the marketplace
 * (amzn/selling-partner-api-docs#3167): a German sale lowers what the UK listing shows too.
 */
export function readBackPerMarket(
  rows: InventoryRow[],
  read: MarketsListingsRead,
  orders: { ordered: OrderedLine[]; seenUntil: number },
  primary: string,
  pushedAt: number | null,
): { rows: InventoryRow[]; exceptions: RaisedException[]; applied: number; notApplied: number; pendingKeys: Set<string> } {
  const out = { rows: [...rows], exceptions: [] as RaisedException[], applied: 0, notApplied: 0, pendingKeys: new Set<string>() };
  for (const [m, r] of read.byMarket) {
    const at: number[] = [];
    rows.forEach((row, i) => {
      if (row.marketplace === m) at.push(i);
    });
    const listed = r.listings.filter((l) => l.fbm && (l.marketplace ?? primary) === m);
    const amazonQty = new Map(listed.map((l) => [l.sellerSku, l.fbmQuantity] as const));
    // A report's quantities are as old as its request: a push after that cannot show in it yet.
    // Orders since the push moved Amazon's quantities too (a sale lowers one at once): not a lost push.
    const rb = classifyReadback({ rows: at.map((i) => rows[i]!), amazonQty, pushedAt, now: r.asOf, orders: orders.ordered, ordersSeenUntil: orders.seenUntil });
    rb.rows.forEach((row, j) => (out.rows[at[j]!] = row));
    pushAll(out.exceptions, rb.exceptions);
    out.applied += rb.applied;
    out.notApplied += rb.notApplied;
    for (const k of rb.pendingKeys) out.pendingKeys.add(k);
  }
  return out;
}
