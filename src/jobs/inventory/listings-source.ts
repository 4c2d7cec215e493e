// Amazon's listings for the stock sync, read in a way that scales: a catalogue of a few thousand is
// paged through searchListingsItems (20 a page, 5 a second); a larger one comes from the
// GET_MERCHANT_LISTINGS_ALL_DATA report, requested at the end of one run and read at the start of
// the next, because paging 20,000 listings alone would take longer than an execution may run.

import { FBM_CHANNEL, listingChannels, paginate, parseMerchantListings } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import type { AmazonListing } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { toAmazonListing } from '../reads/amazon-listings';
import { pollOnce, storedWait } from '../kit/waiter';

const REPORT_TYPE = 'GET_MERCHANT_LISTINGS_ALL_DATA';
const STATE_KEY = 'inventory.listingsReport';
const COUNT_KEY = 'inventory.listingCount';
/** searchListingsItems' largest page (Listings Items 2021-08-01 model: pageSize maximum 20). */
const SEARCH_PAGE_SIZE = 20;
/** A report still not done after this long is requested again. */
const REPORT_GIVE_UP_MS = 2 * 3600_000;
/** Above this many listings (known from the last read, or SKU Map rows) the report is used. */
export const REPORT_ABOVE = 2000;

export interface ListingsRead {
  listings: AmazonListing[];
  /** When the quantities were true: now for search pages, the request time for a report. */
  asOf: number;
  via: 'search' | 'report';
}

export type ListingsOutcome = ListingsRead | { waiting: string };

/** Merchant listings report rows → one AmazonListing per Seller SKU (an SKU may have an FBM and an FBA row). */
export function listingsFromReport(text: string): AmazonListing[] {
  const bySku = new Map<string, AmazonListing>();
  for (const row of parseMerchantListings(text)) {
    const l = bySku.get(row.sku) ?? { sellerSku: row.sku, fbm: false, fba: false, fbmQuantity: null };
    if (row.fulfillmentChannel === FBM_CHANNEL) {
      l.fbm = true;
      l.fbmQuantity = row.quantity;
    } else {
      l.fba = true;
    }
    bySku.set(row.sku, l);
  }
  return [...bySku.values()];
}

/** Every listing by search pages, or null as soon as there are more than `limit`. */
function searchUpTo(amazon: SpApiClient, limit: number): AmazonListing[] | null {
  const out: AmazonListing[] = [];
  const read = paginate(amazon.pages.searchListingsItems, { pageSize: SEARCH_PAGE_SIZE }, (page) => {
    out.push(...page.items.map((i) => toAmazonListing(listingChannels(i))));
    return out.length > limit ? 'stop' : undefined;
  });
  return read.complete && out.length <= limit ? out : null;
}

function requestReport(amazon: SpApiClient, store: KeyValueStore, now: number): void {
  storedWait(store, STATE_KEY).save({ id: amazon.createReport({ reportType: REPORT_TYPE }), requestedAt: now });
}

export function useReport(store: KeyValueStore, skuMapRows: number): boolean {
  const known = Number(store.get(COUNT_KEY) ?? '0');
  return Math.max(known, skuMapRows) > REPORT_ABOVE;
}

/**
 * Reads the listings by search pages, or from the report requested earlier. When the report is
 * not ready (or none was requested yet) it says so; the caller stops without pushing.
 */
export function readListings(amazon: SpApiClient, store: KeyValueStore, now: number, skuMapRows: number): ListingsOutcome {
  if (!useReport(store, skuMapRows)) {
    const listings = searchUpTo(amazon, REPORT_ABOVE);
    if (listings) {
      store.set(COUNT_KEY, String(listings.length));
      return { listings, asOf: now, via: 'search' };
    }
    // More listings than a run should page through (few of them mapped): switch to the report for good.
    store.set(COUNT_KEY, String(REPORT_ABOVE + 1));
  }
  const wait = storedWait(store, STATE_KEY);
  const state = wait.load();
  if (!state) {
    requestReport(amazon, store, now);
    return { waiting: 'The catalogue is large, so Amazon prepares a listings report; the next run uses it.' };
  }
  const polled = pollOnce(state, (id) => {
    const report = amazon.getReport(id);
    return { status: report.processingStatus, result: report.reportDocumentId };
  }, now, REPORT_GIVE_UP_MS);
  if (polled.state === 'pending') {
    if (polled.overdue) {
      // Reports can sit in Amazon's queue behind others; a fresh request may overtake a stuck one.
      requestReport(amazon, store, now);
      return { waiting: `Amazon has not finished the listings report ${state.id} in ${polled.minutes} minutes; a new one was requested.` };
    }
    return { waiting: `Amazon is still preparing the listings report ${state.id}; the next run uses it.` };
  }
  if (polled.state === 'ended') {
    requestReport(amazon, store, now);
    return { waiting: `Amazon ended the listings report ${state.id} as ${polled.status}; a new one was requested.` };
  }
  const listings = listingsFromReport(amazon.downloadReport(polled.result));
  wait.clear();
  store.set(COUNT_KEY, String(listings.length));
  return { listings, asOf: state.requestedAt, via: 'report' };
}

/** After a run that used the report, ask for the next one so it is ready for the next run. */
export function prepareNextRead(amazon: SpApiClient, store: KeyValueStore, now: number, used: ListingsRead['via']): void {
  if (used === 'report' && !storedWait(store, STATE_KEY).load()) requestReport(amazon, store, now);
}
