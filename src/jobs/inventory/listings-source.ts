// Amazon's listings for the stock sync, read in a way that scales: a catalogue of a few thousand is
// paged through searchListingsItems (20 a page, 5 a second); a larger one comes from the
// GET_MERCHANT_LISTINGS_ALL_DATA report, requested at the end of one run and read at the start of
// the next, because paging 20,000 listings alone would take longer than an execution may run.

import type { SpApiClient } from '../../amazon/client';
import { parseMerchantListings } from '../../amazon/reports';
import { FBM_CHANNEL, listingChannels } from '../../amazon/listings';
import type { AmazonListing } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { toAmazonListing } from './sources';

const REPORT_TYPE = 'GET_MERCHANT_LISTINGS_ALL_DATA';
const STATE_KEY = 'inventory.listingsReport';
const COUNT_KEY = 'inventory.listingCount';
/** searchListingsItems' largest page (Listings Items 2021-08-01 model: pageSize maximum 20). */
const SEARCH_PAGE_SIZE = 20;
/** A report still not done after this long is requested again. */
const REPORT_GIVE_UP_MS = 2 * 3600_000;
/** Above this many listings (known from the last read, or SKU Map rows) the report is used. */
export const REPORT_ABOVE = 2000;

interface ReportState {
  reportId: string;
  requestedAt: number;
}

export interface ListingsRead {
  listings: AmazonListing[];
  /** When the quantities were true: now for search pages, the request time for a report. */
  asOf: number;
  via: 'search' | 'report';
}

export type ListingsOutcome = ListingsRead | { waiting: string };

function loadState(store: KeyValueStore): ReportState | null {
  const raw = store.get(STATE_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ReportState;
  } catch {
    return null;
  }
}

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
  let pageToken: string | undefined;
  do {
    const page = amazon.searchListingsItems({ pageSize: SEARCH_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) });
    out.push(...page.items.map((i) => toAmazonListing(listingChannels(i))));
    if (out.length > limit) return null;
    pageToken = page.pagination?.nextToken;
  } while (pageToken);
  return out;
}

function requestReport(amazon: SpApiClient, store: KeyValueStore, now: number): void {
  const reportId = amazon.createReport({ reportType: REPORT_TYPE });
  store.set(STATE_KEY, JSON.stringify({ reportId, requestedAt: now } satisfies ReportState));
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
  const state = loadState(store);
  if (!state) {
    requestReport(amazon, store, now);
    return { waiting: 'The catalogue is large, so Amazon prepares a listings report; the next run uses it.' };
  }
  const report = amazon.getReport(state.reportId);
  if (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS') {
    if (now - state.requestedAt > REPORT_GIVE_UP_MS) {
      // Reports can sit in Amazon's queue behind others; a fresh request may overtake a stuck one.
      requestReport(amazon, store, now);
      return { waiting: `Amazon has not finished the listings report ${state.reportId} in ${Math.round((now - state.requestedAt) / 60_000)} minutes; a new one was requested.` };
    }
    return { waiting: `Amazon is still preparing the listings report ${state.reportId}; the next run uses it.` };
  }
  if (report.processingStatus !== 'DONE' || !report.reportDocumentId) {
    requestReport(amazon, store, now);
    return { waiting: `Amazon ended the listings report ${state.reportId} as ${report.processingStatus}; a new one was requested.` };
  }
  const listings = listingsFromReport(amazon.downloadReport(report.reportDocumentId));
  store.delete(STATE_KEY);
  store.set(COUNT_KEY, String(listings.length));
  return { listings, asOf: state.requestedAt, via: 'report' };
}

/** After a run that used the report, ask for the next one so it is ready for the next run. */
export function prepareNextRead(amazon: SpApiClient, store: KeyValueStore, now: number, used: ListingsRead['via']): void {
  if (used === 'report' && !loadState(store)) requestReport(amazon, store, now);
}
