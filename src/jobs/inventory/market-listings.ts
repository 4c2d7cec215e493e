// Amazon's listings of every marketplace the stock sync pushes to, each read on its own (the
// Listings API and the merchant listings report answer for the marketplaceIds asked,
// listingsItems_2021-08-01.json searchListingsItems marketplaceIds; reports_2021-06-30.json
// CreateReportSpecification.marketplaceIds): reports are asked for together at the start of the run,
// so Amazon prepares them in parallel, and a marketplace whose report is not ready makes the run wait.

import type { ClockPort } from '../../ports/clock';
import { onMarketplace, type SpApiClient } from '../../amazon/client';
import type { AmazonListing } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { marketOfKeys } from './market-keys';
import { prepareNextRead, readListings, requestListingsIfNeeded, type InRunWait, type ListingsRead } from './listings-source';
import { pushAll } from '../../core/lists';

export interface MarketsListingsRead {
  /** Every marketplace's listings; those of a marketplace other than the primary carry its code. */
  listings: AmazonListing[];
  /** Each marketplace's read (when its quantities were true, how it was read, what it may have missed). */
  byMarket: Map<string, ListingsRead>;
  /** Why some listings may be missing, marketplace by marketplace; absent when every read saw all. */
  gap?: string;
}

/** Asks for each marketplace's listings report that its catalogue needs and that is not on its way. */
/** `clock`: times each request as it goes out, for its first poll (`now` stays the bound on what the report reflects). */
export function requestMarketsListings(amazon: SpApiClient, store: KeyValueStore, now: number, skuMapRows: number, markets: readonly string[], primary: string, clock?: ClockPort): void {
  for (const m of markets) requestListingsIfNeeded(onMarketplace(amazon, m), store, now, skuMapRows, marketOfKeys(m, primary), clock);
}

/** Reads every marketplace's listings, or says which one the run waits for. */
export function readMarketsListings(
  amazon: SpApiClient,
  store: KeyValueStore,
  now: number,
  skuMapRows: number,
  markets: readonly string[],
  primary: string,
  inRun?: InRunWait,
): MarketsListingsRead | { waiting: string } {
  const byMarket = new Map<string, ListingsRead>();
  const listings: AmazonListing[] = [];
  for (const m of markets) {
    const read = readListings(onMarketplace(amazon, m), store, now, skuMapRows, inRun, marketOfKeys(m, primary));
    if ('waiting' in read) return read;
    byMarket.set(m, read);
    pushAll(listings, read.listings);
  }
  const gaps = [...byMarket.values()].map((r) => r.gap).filter((g): g is string => !!g);
  return { listings, byMarket, ...(gaps.length ? { gap: gaps.join('; ') } : {}) };
}

/** After the run, the next report of each marketplace read by report is asked for. */
export function prepareNextMarketsRead(amazon: SpApiClient, store: KeyValueStore, now: number, read: MarketsListingsRead, primary: string): void {
  for (const [m, r] of read.byMarket) prepareNextRead(onMarketplace(amazon, m), store, now, r.via, marketOfKeys(m, primary));
}
