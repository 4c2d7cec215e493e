// Every Amazon offer of the marketplace for the SKU Map builder, from the GET_MERCHANT_LISTINGS_ALL_DATA
// report: all listings whatever their status or the catalogue's size (search pages stop at 1,000),
// with channel (fulfillment-channel), ASIN (asin1), title (item-name) and the industry identifier
// (product-id with product-id-type 2 ISBN, 3 UPC, 4 EAN: Seller Central help G202154120). The report
// is waited for inside the run while time allows; otherwise the run ends partial and the next one
// picks the same report up. It is kept until the rows are written, so a cut run loses nothing.

import { FBM_CHANNEL } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import { parseMerchantListings } from '../../amazon/merchant-listings';
import type { AmazonOffer, ProductId } from '../../core/onboarding/types';
import type { ClockPort, Deadline } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/store';
import { pollOnce, storedWait } from '../kit/waiter';

const REPORT_TYPE = 'GET_MERCHANT_LISTINGS_ALL_DATA';
/** The header language the parser is sure of (reportOptions.preferredReportDocumentLocale, report-type-values-inventory). */
const REPORT_LOCALE = 'en_US';
const STATE_KEY = 'onboarding.listingsReport';
/** A report requested longer ago than this is stale for a new build: asked for again. */
const STALE_MS = 6 * 3600_000;
/** Amazon usually prepares it in a minute or two; getReport allows 2 calls a second. */
const POLL_MS = 15_000;

const ID_TYPES: Record<string, ProductId['type']> = { '1': 'ASIN', '2': 'ISBN', '3': 'UPC', '4': 'EAN' };

export interface OffersWait {
  clock: ClockPort;
  deadline: Deadline;
  /** Time to keep for reading the 3PL, pairing and writing. */
  reserveMs: number;
}

export type OffersRead = { offers: AmazonOffer[]; reportId: string } | { waiting: string };

/** Report rows → offers, one per Seller SKU and channel. */
export function offersFromReport(text: string, marketplace: string): AmazonOffer[] {
  const out = new Map<string, AmazonOffer>();
  for (const row of parseMerchantListings(text)) {
    const channel = row.fulfillmentChannel === FBM_CHANNEL ? 'FBM' : 'FBA';
    const key = `${channel}\u0000${row.sku}`;
    if (out.has(key)) continue;
    const type = row.productIdType ? ID_TYPES[row.productIdType] : undefined;
    out.set(key, {
      sellerSku: row.sku,
      marketplace,
      channel,
      asin: row.asin ?? '',
      fnsku: '',
      title: row.title ?? '',
      productIds: type && row.productId ? [{ type, value: row.productId }] : [],
    });
  }
  return [...out.values()];
}

export function readOffers(amazon: SpApiClient, store: KeyValueStore, marketplace: string, wait: OffersWait): OffersRead {
  const stored = storedWait(store, STATE_KEY);
  const request = () => {
    const id = amazon.createReport({ reportType: REPORT_TYPE, reportOptions: { preferredReportDocumentLocale: REPORT_LOCALE } });
    stored.save({ id, requestedAt: wait.clock.now() });
  };
  let state = stored.load();
  if (!state || wait.clock.now() - state.requestedAt > STALE_MS) {
    request();
    state = stored.load()!;
  }
  const current = state;
  const check = () => pollOnce(current, (id) => {
    const r = amazon.getReport(id);
    return { status: r.processingStatus, result: r.reportDocumentId };
  }, wait.clock.now());
  let polled = check();
  while (polled.state === 'pending' && wait.deadline.remainingMs() > wait.reserveMs + POLL_MS) {
    wait.clock.sleep(POLL_MS);
    polled = check();
  }
  if (polled.state === 'pending') return { waiting: `Amazon is still preparing the listings report ${current.id}; run "Build SKU Map from Amazon and 3PL" again in a few minutes to carry on.` };
  // CANCELLED: "an automatic cancellation if there is no data to return" (reports_2021-06-30.json, processingStatus): no listings.
  if (polled.state === 'ended' && polled.status === 'CANCELLED') return { offers: [], reportId: current.id };
  if (polled.state === 'ended') {
    request();
    return { waiting: `Amazon ended the listings report ${current.id} as ${polled.status}; a new one was requested. Run "Build SKU Map from Amazon and 3PL" again in a few minutes.` };
  }
  return { offers: offersFromReport(amazon.downloadReport(polled.result), marketplace), reportId: current.id };
}

/** The build used the report: the next build asks for a fresh one. */
export function forgetReport(store: KeyValueStore): void {
  storedWait(store, STATE_KEY).clear();
}
