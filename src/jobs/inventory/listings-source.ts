// Amazon's listings for the stock sync, read in a way that scales: a catalogue of a few hundred is
// paged through searchListingsItems (20 a page, 5 a second, in SKU order); a larger one comes from
// the GET_MERCHANT_LISTINGS_ALL_DATA report, requested at the end of one run and read at the start
// of the next. Search can page through at most 1,000 listings, so the switch comes well before
// that, and a read that may have missed listings says so instead of passing for the whole catalogue.

import { FBM_CHANNEL, listingChannels, paginate } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import { UnsupportedCharsetError } from '../../amazon/charset';
import { STABLE_SEARCH } from '../../amazon/listings';
import { MerchantListingsFormatError, parseMerchantListings } from '../../amazon/merchant-listings';
import type { AmazonListing } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { ConfigError } from '../kit/connections';
import { toAmazonListing } from '../reads/amazon-listings';
import { pollOnce, storedWait } from '../kit/waiter';
import { keyFor, tagMarket } from './market-keys';
import type { ClockPort, Deadline } from '../../ports/clock';

const REPORT_TYPE = 'GET_MERCHANT_LISTINGS_ALL_DATA';
/**
 * The header language the parser is sure of, asked for with reportOptions.preferredReportDocumentLocale
 * ("the preferred locale for report column headers", https://developer-docs.amazon.com/sp-api/docs/report-type-values-inventory).
 * Amazon may still answer in the seller's language (reports are not cached by locale), which
 * parseMerchantListings also reads.
 */
const REPORT_LOCALE = 'en_US';
const STATE_KEY = 'inventory.listingsReport';
const COUNT_KEY = 'inventory.listingCount';
/** The keys of one marketplace's read (market-keys.ts). */
function keysOf(market: string | undefined): { state: string; count: string } {
  return { state: keyFor(STATE_KEY, market), count: keyFor(COUNT_KEY, market) };
}
/** A report still not done after this long is requested again. */
const REPORT_GIVE_UP_MS = 2 * 3600_000;
/**
 * Above this many listings (known from the last read, the first search page's numberOfResults, or
 * SKU Map rows) the report is used: well under the 1,000 a search can page through ("The maximum
 * number of items (SKUs) that can be returned and paged through is 1000", listingsItems_2021-08-01
 * numberOfResults), so a growing catalogue switches before search stops seeing all of it.
 */
const REPORT_ABOVE = 800;

export interface ListingsRead {
  listings: AmazonListing[];
  /** When the quantities were true: now for search pages, the request time for a report. */
  asOf: number;
  via: 'search' | 'report';
  /** Why this read may have missed listings (pages shifted while read); absent when it saw them all. */
  gap?: string;
}

type ListingsOutcome = ListingsRead | { waiting: string };

/** Merchant listings report rows → one AmazonListing per Seller SKU (an SKU may have an FBM and an FBA row). */
function listingsFromReport(text: string): AmazonListing[] {
  const bySku = new Map<string, AmazonListing>();
  for (const row of parseMerchantListings(text)) {
    const l = bySku.get(row.sku) ?? { sellerSku: row.sku, fbm: false, fba: false, fbmQuantity: null };
    if (row.title && !l.title) l.title = row.title;
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

type SearchResult = { listings: AmazonListing[]; gap?: string } | { tooMany: number };

/**
 * Every listing by search pages, in SKU order so Amazon's own updates do not reorder the pages, or
 * `tooMany` as soon as Amazon counts more than `limit` (the first page says so). A SKU a page
 * repeats is kept once; when the count changed between pages or fewer distinct listings came back
 * than Amazon counted, listings may have slipped between pages: the read says so in `gap`.
 */
function searchAll(amazon: SpApiClient, limit: number): SearchResult {
  const bySku = new Map<string, AmazonListing>();
  const counts: number[] = [];
  paginate(amazon.pages.searchListingsItems, STABLE_SEARCH, (page) => {
    counts.push(page.numberOfResults);
    if (page.numberOfResults > limit) return 'stop';
    for (const item of page.items) bySku.set(item.sku, toAmazonListing(listingChannels(item)));
    return bySku.size > limit ? 'stop' : undefined;
  });
  const first = counts[0] ?? 0;
  const last = counts[counts.length - 1] ?? 0;
  if (last > limit || bySku.size > limit) return { tooMany: Math.max(last, bySku.size) };
  const listings = [...bySku.values()];
  if (counts.some((c) => c !== first)) return { listings, gap: `Amazon's listings changed while their pages were read (${first} → ${last})` };
  if (bySku.size < last) return { listings, gap: `Amazon counted ${last} listings but its pages returned ${bySku.size}` };
  return { listings };
}

/** `amazon` is the client of the marketplace read: the report is made for its marketplaceIds. */
/** `sentAt`: the clock as the request goes out, when `now` is the run's start (WaitState.sentAt). */
function requestReport(amazon: SpApiClient, store: KeyValueStore, now: number, market?: string, sentAt?: number): void {
  const id = amazon.createReport({ reportType: REPORT_TYPE, reportOptions: { preferredReportDocumentLocale: REPORT_LOCALE } });
  storedWait(store, keysOf(market).state).save({ id, requestedAt: now, ...(sentAt !== undefined && sentAt > now ? { sentAt } : {}) });
}

/** A report the add-on cannot read must stop the sync with a plain instruction, not pass for an empty catalogue. */
function unreadable(e: unknown, reportId: string): ConfigError | null {
  const how =
    'Amazon writes this report in the language set in Seller Central (Settings → Account Info → "Language for feed processing report") ' +
    'and may send it so even though the add-on asks for English. Set that language to English (US or UK); the next run requests a new report. ' +
    'Nothing is pushed until the listings can be read.';
  if (e instanceof MerchantListingsFormatError) return new ConfigError(`Amazon's listings report ${reportId} cannot be read: ${e.message} ${how}`, 'amazon');
  if (e instanceof UnsupportedCharsetError) return new ConfigError(`Amazon's listings report ${reportId} cannot be read: ${e.message} ${how}`, 'amazon');
  return null;
}

/**
 * A report requested by this very run is waited for, polling this often, while the run has time
 * left beyond `reserveMs`: Amazon usually takes a minute or two, and waiting in the run pushes the
 * first quantities an hour sooner on an hourly schedule. getReport allows 2 calls a second.
 */
const POLL_MS = 15_000;
/**
 * A report asked for moments ago is not ready before Amazon's usual minute: the run waits a little
 * past it before its first getReport instead of polling every 15 s through it (issue 13: calls near
 * the minimum). The time counts from just before the request went out (`sentAt`), hence the second
 * more: the request's own trip to Amazon.
 */
const FIRST_POLL_AFTER_MS = 61_000;

/** What waiting for a report in the run may use: the clock to sleep on and the run's deadline. */
export interface InRunWait {
  clock: ClockPort;
  deadline: Deadline;
  /** Time to keep for the rest of the run (computing, pushing, writing the sheet). */
  reserveMs: number;
  /** Work that needs no listings, done before the run sleeps on a report not ready yet (once: it clears itself). */
  meanwhile?: () => void;
}

/**
 * Asks Amazon for the listings report if the catalogue needs one and none is on its way; true when
 * asked now. `market`: a marketplace other than the primary (its own report, its own keys).
 */
export function requestListingsIfNeeded(amazon: SpApiClient, store: KeyValueStore, now: number, skuMapRows: number, market?: string, clock?: ClockPort): boolean {
  if (!useReport(store, skuMapRows, market) || storedWait(store, keysOf(market).state).load()) return false;
  requestReport(amazon, store, now, market, clock?.now());
  return true;
}

export function useReport(store: KeyValueStore, skuMapRows: number, market?: string): boolean {
  const known = Number(store.get(keysOf(market).count) ?? '0');
  return Math.max(known, skuMapRows) > REPORT_ABOVE;
}

/**
 * Reads the listings by search pages, or from the report requested earlier. When the report is
 * not ready (or none was requested yet) it says so; the caller stops without pushing. A report
 * whose headers or charset cannot be read throws a ConfigError (and is requested afresh next run).
 */
export function readListings(amazon: SpApiClient, store: KeyValueStore, now: number, skuMapRows: number, inRun?: InRunWait, market?: string): ListingsOutcome {
  const keys = keysOf(market);
  const tag = (listings: AmazonListing[]) => tagMarket(listings, market);
  const whose = market ? ` ${market}` : '';
  if (!useReport(store, skuMapRows, market)) {
    const found = searchAll(amazon, REPORT_ABOVE);
    if (!('tooMany' in found)) {
      store.set(keys.count, String(found.listings.length));
      return { listings: tag(found.listings), asOf: now, via: 'search', ...(found.gap ? { gap: `${found.gap}${market ? ` (${market})` : ''}` } : {}) };
    }
    // More listings than a run should page through (few of them mapped): switch to the report for good.
    store.set(keys.count, String(found.tooMany));
  }
  const wait = storedWait(store, keys.state);
  // A catalogue that just outgrew search asks for the report now and waits for it like any other.
  if (!wait.load()) requestReport(amazon, store, now, market, inRun?.clock.now());
  const state = wait.load()!;
  const check = (at: number) =>
    pollOnce(state, (id) => {
      const report = amazon.getReport(id);
      return { status: report.processingStatus, result: report.reportDocumentId };
    }, at, REPORT_GIVE_UP_MS);
  const firstAt = (state.sentAt ?? state.requestedAt) + FIRST_POLL_AFTER_MS;
  if (inRun?.meanwhile && firstAt > inRun.clock.now()) {
    const work = inRun.meanwhile;
    inRun.meanwhile = undefined;
    work();
  }
  const early = inRun ? firstAt - inRun.clock.now() : 0;
  if (inRun && early > 0 && inRun.deadline.remainingMs() > inRun.reserveMs + early) inRun.clock.sleep(early);
  let polled = check(inRun ? inRun.clock.now() : now);
  while (polled.state === 'pending' && !polled.overdue && inRun && inRun.deadline.remainingMs() > inRun.reserveMs + POLL_MS) {
    inRun.clock.sleep(POLL_MS);
    polled = check(inRun.clock.now());
  }
  if (polled.state === 'pending') {
    if (polled.overdue) {
      // Reports can sit in Amazon's queue behind others; a fresh request may overtake a stuck one.
      requestReport(amazon, store, now, market);
      return { waiting: `Amazon has not finished the${whose} listings report ${state.id} in ${polled.minutes} minutes; a new one was requested.` };
    }
    return { waiting: `Amazon is still preparing the${whose} listings report ${state.id}; the next run uses it.` };
  }
  if (polled.state === 'ended') {
    requestReport(amazon, store, now, market);
    return { waiting: `Amazon ended the${whose} listings report ${state.id} as ${polled.status}; a new one was requested.` };
  }
  let listings: AmazonListing[];
  try {
    listings = tag(listingsFromReport(amazon.downloadReport(polled.result)));
  } catch (e) {
    const config = unreadable(e, state.id);
    if (!config) throw e;
    wait.clear();
    throw config;
  }
  wait.clear();
  store.set(keys.count, String(listings.length));
  return { listings, asOf: state.requestedAt, via: 'report' };
}

/** After a run that used the report, ask for the next one so it is ready for the next run. */
export function prepareNextRead(amazon: SpApiClient, store: KeyValueStore, now: number, used: ListingsRead['via'], market?: string): void {
  if (used === 'report' && !storedWait(store, keysOf(market).state).load()) requestReport(amazon, store, now, market);
}
