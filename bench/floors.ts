// The least a stock-sync run can do: the API calls the documented page sizes allow for the work the
// run did, and the virtual time those calls need under the documented rate limits (sp-api.md §10.1
// token buckets; 3pl-apis.md §2.7 ShipBob 150 requests/minute sliding window).

import { RATE_LIMITS } from '../src/amazon/rate-limits';
import { MAX_SKUS_PER_CALL } from '../src/amazon/inventory';
import { SHIPBOB_RATE_LIMIT_PER_MIN } from '../src/threepl/shipbob/adapter';

/** searchListingsItems pageSize maximum (listingsItems_2021-08-01 model; sp-api.md §4.1). */
export const LISTINGS_PAGE_SIZE = 20;
/** ShipBob inventory-level/locations PageSize used by src/threepl/shipbob/inventory.ts (undocumented; 250 inferred). */
export const SHIPBOB_INVENTORY_PAGE_SIZE = 250;
/** searchOrders and ShipBob get-orders pages hold 100 / 250 orders: the bench's few orders fit one page. */
const ORDERS_PER_PAGE = 100;
/** LWA access tokens live one hour (sp-api.md §1.1). */
export const LWA_TOKEN_MS = 3600_000;
/** Simulated latency per call (docs/amazon-simulator.md, docs/shipbob-simulator.md defaults). */
export const LATENCY_S = { amazon: 0.3, shipbob: 0.25 } as const;

export type System = 'amazon' | 'shipbob';

/** One operation's calls in a run, in the order the run makes them. */
export interface OpCalls {
  system: System;
  operation: string;
  calls: number;
}

export interface WorldSize {
  listings: number;
  fbaSkus: number;
  threePlProducts: number;
  amazonOrders: number;
}

/** What a run did, read from the calls it made (each phase's minimum is counted only when it ran). */
export interface RunPhases {
  read: boolean;
  /**
   * How the run got Amazon's listings: search pages, or the merchant listings report (a large
   * catalogue: read the report requested by the previous run, then request the next one).
   */
  listingsVia: 'search' | 'report';
  /** Report path: a getReport status check (and, when done, its document and download). */
  reportRead: boolean;
  /** Report path: a createReport (first run, or for the next run). */
  reportRequest: boolean;
  /** First run of a settings/store: ShipBob's channel is looked up once ("3PL channel ID" is empty). */
  channelLookup: boolean;
  /** An LWA token is due (none fetched in the last hour). */
  token: boolean;
  /** createFeedDocument and the upload to its pre-signed URL. */
  feedDocument: boolean;
  /** createFeed (a run may upload the document and be cut before submitting it). */
  feedCreate: boolean;
  /** 'done': status, result document and its download; 'waiting': one status check. */
  feedFollow: 'none' | 'done' | 'waiting';
  /** One patchListingsItem per changed SKU below the feed threshold. */
  patches: number;
}

/** The fewest calls per operation that the run's phases need, in the job's order. */
export function minimumCalls(size: WorldSize, p: RunPhases): OpCalls[] {
  const ops: OpCalls[] = [];
  const add = (system: System, operation: string, calls: number) => {
    if (calls > 0) ops.push({ system, operation, calls });
  };
  if (p.token) add('amazon', 'lwa-token', 1);
  if (p.read) {
    if (p.channelLookup) add('shipbob', 'get-channels', 1);
    add('shipbob', 'get-all-inventory-levels-grouped-by-fulfillment-center', Math.max(1, Math.ceil(size.threePlProducts / SHIPBOB_INVENTORY_PAGE_SIZE)));
    add('amazon', 'searchOrders', Math.max(1, Math.ceil(size.amazonOrders / ORDERS_PER_PAGE)));
    // Unsent Amazon orders are checked against ShipBob's orders once there are any.
    if (size.amazonOrders > 0) add('shipbob', 'get-orders', 1);
    if (p.listingsVia === 'search') add('amazon', 'searchListingsItems', Math.max(1, Math.ceil(size.listings / LISTINGS_PAGE_SIZE)));
    add('amazon', 'getInventorySummaries', Math.ceil(size.fbaSkus / MAX_SKUS_PER_CALL));
  }
  if (p.reportRead) {
    add('amazon', 'getReport', 1);
    if (p.read) {
      add('amazon', 'getReportDocument', 1);
      add('amazon', 's3-download', 1);
    }
  }
  if (p.reportRequest) add('amazon', 'createReport', 1);
  add('amazon', 'patchListingsItem', p.patches);
  if (p.feedDocument) {
    add('amazon', 'createFeedDocument', 1);
    add('amazon', 's3-upload', 1);
  }
  if (p.feedCreate) add('amazon', 'createFeed', 1);
  if (p.feedFollow !== 'none') add('amazon', 'getFeed', 1);
  if (p.feedFollow === 'done') {
    add('amazon', 'getFeedDocument', 1);
    add('amazon', 's3-download', 1);
  }
  return ops;
}

export function total(ops: ReadonlyArray<OpCalls>, system: System): number {
  return ops.filter((o) => o.system === system).reduce((s, o) => s + o.calls, 0);
}

/** Seconds a burst-then-rate token bucket (full at the start) needs before the last of `calls` may start. */
function bucketWaitS(calls: number, rate: number, burst: number): number {
  return calls > burst ? (calls - burst) / rate : 0;
}

/** Seconds a sliding window of `limit` per `windowS` needs before the last of `calls` may start. */
function windowWaitS(calls: number, limit: number, windowS: number): number {
  return calls > limit ? Math.floor((calls - 1) / limit) * windowS : 0;
}

export interface Floors {
  /**
   * The rate-limit floor: calls beyond each bucket's burst at its documented rate, every bucket
   * refilling at once (a client with perfect parallelism). Max over Amazon's per-operation buckets
   * and ShipBob's one account-wide window.
   */
  rateS: number;
  /** The bucket that sets rateS. */
  bindingLimit: string;
  /**
   * A synchronous client (UrlFetchApp.fetch) at the simulator's latency: each operation's calls
   * one after another, waiting for a token when the bucket is empty, operations in sequence.
   */
  sequentialS: number;
}

export function floors(ops: ReadonlyArray<OpCalls>): Floors {
  let rateS = 0;
  let bindingLimit = 'none';
  let sequentialS = 0;
  const shipbobCalls = total(ops, 'shipbob');
  const sb = windowWaitS(shipbobCalls, SHIPBOB_RATE_LIMIT_PER_MIN, 60);
  if (sb > rateS) {
    rateS = sb;
    bindingLimit = `ShipBob ${SHIPBOB_RATE_LIMIT_PER_MIN}/min`;
  }
  for (const op of ops) {
    const limit = RATE_LIMITS[op.operation];
    const latency = LATENCY_S[op.system];
    if (!limit) {
      // LWA, S3 and ShipBob calls: only latency here (ShipBob's window is accounted for above).
      sequentialS += op.calls * latency;
      continue;
    }
    const wait = bucketWaitS(op.calls, limit.rate, limit.burst);
    if (wait > rateS) {
      rateS = wait;
      bindingLimit = `${op.operation} ${limit.rate}/s burst ${limit.burst}`;
    }
    // Call k starts when the previous one has answered and a token is there.
    let t = 0;
    for (let k = 0; k < op.calls; k++) {
      const token = k >= limit.burst ? (k - limit.burst + 1) / limit.rate : 0;
      t = Math.max(t, token) + latency;
    }
    sequentialS += t;
  }
  // ShipBob's window only binds past 150 calls a minute; add what it costs beyond the latency.
  sequentialS += Math.max(0, sb - shipbobCalls * LATENCY_S.shipbob);
  return { rateS, bindingLimit, sequentialS };
}
