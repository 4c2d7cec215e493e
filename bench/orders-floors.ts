// The least an orders run can call for the work it did, and the least time a backlog of orders can
// be cleared in under the documented rate limits: searchOrders 0.0056 rps burst 20, 100 orders a
// page; getOrder 0.5 rps burst 30; confirmShipment 2 rps burst 10 (sp-api.md §2.2, §2.3, §10.1;
// orders_2026-01-01.json, ordersV0.json usage plans); ShipBob 150 requests a minute, sliding window,
// get-orders Limit ≤ 250 (3pl-apis.md §2.3, §2.7; spec 2026-01 get-orders).

import { RATE_LIMITS } from '../src/amazon/rate-limits';
import { SHIPBOB_RATE_LIMIT_PER_MIN } from '../src/threepl/shipbob/adapter';
import { floors, LWA_TOKEN_MS } from './floors';
import type { OpCalls } from './floors';
import type { Execution } from './orders-measure';

/** searchOrders maxResultsPerPage maximum (orders_2026-01-01.json). */
export const SEARCH_PAGE = 100;
/** ShipBob get-orders Limit maximum. */
export const SHIPBOB_PAGE = 250;
/**
 * Amazon order ids one `GET /order?ReferenceIds=a,b,…` can carry: the list is a comma list
 * (3pl-apis.md §2.3), and UrlFetchApp refuses URLs over 2 KB (Apps Script quotas page, "URL Fetch
 * URL length"); 19 characters an id plus an encoded comma leaves room for about 80.
 */
export const LOOKUP_BATCH = 80;
/** No batch size is documented for shipment:batchUpdateTrackingUpload; the adapter sends 100. */
export const MARK_BATCH = 100;

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/**
 * The fewest calls per operation the run's work needed. What the run did is read from the job's
 * counts and from the pages ShipBob served; a phase the run never reached adds nothing.
 *
 * - searchOrders: the orders read, in pages of 100 (at least one: a run must look).
 * - getOrder: none. The job reads each order's packages before confirming it (so a confirmation
 *   whose answer was lost is never sent twice) and fetches the recipient of an order not read in
 *   this run; the packages could ride on the searchOrders pages (includedData=PACKAGES) and a
 *   getOrder be spent only after a lost answer, and the recipient is in the page that first reads
 *   the order.
 * - confirmShipment: one per package confirmed.
 * - LWA token: one an hour.
 * - ShipBob create-order: one per order created; the look-up before it batched by ReferenceIds
 *   (80 a call); get-orders pages of 250 for the changes and for the tracking poll; the upload flag
 *   100 shipments a call; the channel once.
 */
export function orderRunMinimum(x: Execution, opts: { token: boolean; channel: boolean }): OpCalls[] {
  const ops: OpCalls[] = [];
  const add = (system: OpCalls['system'], operation: string, calls: number) => {
    if (calls > 0) ops.push({ system, operation, calls });
  };
  const counts = x.job?.counts ?? {};
  if (opts.token) add('amazon', 'lwa-token', 1);
  add('amazon', 'searchOrders', Math.max(1, ceilDiv(counts['read'] ?? 0, SEARCH_PAGE)));
  add('amazon', 'confirmShipment', counts['confirmed'] ?? 0);
  if (opts.channel) add('shipbob', 'get-channels', 1);
  const phase = (p: string) => (x.shipbob[p] ?? 0) > 0;
  if (phase('get-orders (changes)')) add('shipbob', 'get-orders (changes)', Math.max(1, ceilDiv(x.shipbobItems['get-orders (changes)'] ?? 0, SHIPBOB_PAGE)));
  const creates = x.shipbob['create-order'] ?? 0;
  add('shipbob', 'get-orders (lookup)', ceilDiv(creates, LOOKUP_BATCH));
  add('shipbob', 'create-order', creates);
  add('shipbob', 'cancel-order', x.shipbob['cancel-order'] ?? 0);
  if (phase('get-orders (tracking)')) add('shipbob', 'get-orders (tracking)', Math.max(1, ceilDiv(x.shipbobItems['get-orders (tracking)'] ?? 0, SHIPBOB_PAGE)));
  add('shipbob', 'mark-tracking-uploaded', ceilDiv((counts['confirmed'] ?? 0) + (counts['alreadyConfirmed'] ?? 0), MARK_BATCH));
  return ops;
}

/** Whether a new LWA token is due for a run starting at `start`, given the last one's time. */
export function tokenDue(lastTokenAt: number | null, start: number): boolean {
  return lastTokenAt === null || start - lastTokenAt >= LWA_TOKEN_MS;
}

export interface BacklogFloor {
  /** Seconds before the last order can be at ShipBob: searchOrders pages past the burst, ShipBob's window for the creates. */
  allSentS: number;
  /** Seconds before the last order can be confirmed: the last send, the warehouse's time, and the confirmShipment and ShipBob limits. */
  allConfirmedS: number;
  binding: string;
  calls: { amazon: number; shipbob: number };
}

function bucketS(calls: number, op: string): number {
  const l = RATE_LIMITS[op]!;
  return calls > l.burst ? (calls - l.burst) / l.rate : 0;
}

function windowS(calls: number): number {
  return calls > SHIPBOB_RATE_LIMIT_PER_MIN ? Math.floor((calls - 1) / SHIPBOB_RATE_LIMIT_PER_MIN) * 60 : 0;
}

/**
 * The rate-limit floor for `n` orders waiting at the start, every order shipped by the warehouse
 * `warehouseMs` after it reaches it: every bucket full at the start and refilling at once (a
 * client with perfect parallelism), the minimum calls above, no cut between runs.
 */
export function backlogFloor(n: number, warehouseMs: number): BacklogFloor {
  const pages = ceilDiv(n, SEARCH_PAGE);
  const search = bucketS(pages, 'searchOrders');
  const sendCalls = n + ceilDiv(n, LOOKUP_BATCH);
  const sendWindow = windowS(sendCalls);
  const allSentS = Math.max(search, sendWindow);
  // Every order changes at ShipBob twice (created, shipped) and is polled once for tracking.
  const shipbobCalls = sendCalls + 2 * ceilDiv(n, SHIPBOB_PAGE) + ceilDiv(n, SHIPBOB_PAGE) + ceilDiv(n, MARK_BATCH) + 1;
  const warehouseS = warehouseMs / 1000;
  const candidates: Array<[number, string]> = [
    [allSentS + warehouseS, search >= sendWindow ? 'searchOrders pages, then the warehouse' : 'ShipBob window for the creates, then the warehouse'],
    // The first order ships a warehouse time after the start; from then on confirmations are paced.
    [warehouseS + bucketS(n, 'confirmShipment'), 'the warehouse, then confirmShipment 2/s'],
    [windowS(shipbobCalls), `ShipBob ${SHIPBOB_RATE_LIMIT_PER_MIN}/min`],
  ];
  const [allConfirmedS, binding] = candidates.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { allSentS, allConfirmedS, binding, calls: { amazon: pages + n, shipbob: shipbobCalls } };
}

export interface DayFloor {
  runs: number;
  /** URL fetches a day: the minimum calls of every run. */
  fetches: number;
  /** Trigger minutes a day: each run's minimum calls made one at a time (the sequential floor). */
  triggerMin: number;
  /** One run's sequential floor, seconds. */
  runS: number;
}

/**
 * The least a day of `n` orders costs at one run every `everyMin` minutes, in the steady state:
 * each run meets the orders placed since the last one, sends them, and confirms as many shipped
 * ones. Amazon's search returns each order twice (placed, then changed by its confirmation) and so
 * do ShipBob's changes (created, shipped); everything else is once per order, batched as above.
 */
export function dayFloor(n: number, everyMin: number): DayFloor {
  const runs = Math.round((24 * 60) / everyMin);
  const k = n / runs;
  const ops: OpCalls[] = [
    { system: 'amazon', operation: 'lwa-token', calls: everyMin >= 60 ? 1 : everyMin / 60 },
    { system: 'amazon', operation: 'searchOrders', calls: Math.max(1, Math.ceil((2 * k) / SEARCH_PAGE)) },
    { system: 'amazon', operation: 'confirmShipment', calls: Math.ceil(k) },
    { system: 'shipbob', operation: 'get-orders (changes)', calls: Math.max(1, Math.ceil((2 * k) / SHIPBOB_PAGE)) },
    { system: 'shipbob', operation: 'get-orders (lookup)', calls: Math.ceil(k / LOOKUP_BATCH) },
    { system: 'shipbob', operation: 'create-order', calls: Math.ceil(k) },
    { system: 'shipbob', operation: 'get-orders (tracking)', calls: Math.max(1, Math.ceil(k / SHIPBOB_PAGE)) },
    { system: 'shipbob', operation: 'mark-tracking-uploaded', calls: Math.ceil(k / MARK_BATCH) },
  ];
  const perRun = ops.reduce((s, o) => s + o.calls, 0);
  const runS = floors(ops).sequentialS;
  return { runs, fetches: Math.round(runs * perRun), triggerMin: (runs * runS) / 60, runS };
}
