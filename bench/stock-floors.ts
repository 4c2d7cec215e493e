// The least the stock sync can call, and the least modelled time it can spend, to bring a world of
// given counts to a settled state (every change pushed to Amazon and read back), worked out from
// the world's counts, the documented page sizes and rate limits alone, never from the calls a run
// made. The read strategy follows the job's own thresholds (listings report above 800 listings, FBA
// report above 1,000 FBA SKUs, a feed from 20 changes): the minimum says whether the job makes the
// fewest calls its chosen way of reading allows, not whether another design could.
//
// The minimum settle sequence:
//   run A (read and push): one full read — LWA token; ShipBob stock pages (active side, the inactive
//     side, bundle products); the orders not yet at the 3PL (searchOrders pages); Amazon's listings
//     (search pages, or a report requested, waited for in the run so the first push happens in it,
//     and downloaded, the Inventory rows written while Amazon prepares it); FBA stock (summaries, or a report requested at the end of the run) — then
//     ⌈changes / 25,000⌉ feeds submitted (document, upload, createFeed), or one patch a change;
//   run B (follow and read back): each feed's status, result document and download; one read of
//     Amazon's listings requested after the feeds were done; one searchOrders page (orders since the
//     push move Amazon's quantities too); FBA stock again, as every stock run reads it (PRODUCT.md
//     "Inventory" step 6: the summaries, or the report run A requested); and whether the
//     3PL's stock moved since run A read it, in ShipBob's "changed since" reads, one record each:
//     orders updated since (a new order commits stock before any inventory event shows it), products
//     updated since, and the inventory history of each fulfilment centre (facility_id is required,
//     spec 2026-01 inventory/history:query). A run cannot know its stock is unchanged for less. The
//     job asks only when a full read takes at least twice those calls (READ_TO_QUESTION_RATIO,
//     jobs/reads/threepl-stock-baseline.ts), and otherwise reads the 3PL again: so does the minimum.
//     A listings report shows a feed's quantities only when it is requested after Amazon processed the
//     feed, and nothing runs between two runs of an add-on (no trigger fires more often than hourly,
//     apps-script.md §2.7), so one of the runs waits on Amazon: run A for the feed's processing and
//     then asks for the report (prepared between runs), or run B asks as soon as the feed is done and
//     waits for the report's processing. The floor takes the shorter wait (run B's, at the world's
//     1-minute reports and 2-minute feeds). The feeds' results can be written to the tab during it.
// Sources: searchListingsItems pageSize ≤ 20 and "the maximum number of items (SKUs) that can be
// returned and paged through is 1000" (listingsItems_2021-08-01.json); getInventorySummaries
// sellerSkus maxItems 50 (fbaInventory.json); searchOrders maxResultsPerPage ≤ 100
// (orders_2026-01-01.json); JSON_LISTINGS_FEED ≤ 25,000 messages (listings-feed-schema-v2.json,
// src/amazon/feeds.ts); ShipBob PageSize 1–250 (spec 2026-01 get-products; the inventory list
// documents none, the adapter and the simulator use 250); ShipBob reads need no channel, only writes
// carry shipbob_channel_id (3pl-apis.md §2.2), so no channel look-up; LWA tokens live an hour
// (sp-api.md §1.1); rates from src/amazon/rate-limits.ts (the models' usage plans, sp-api.md §10.1)
// and ShipBob's 150 requests a minute, sliding window (3pl-apis.md §2.7).

import { RATE_LIMITS } from '../src/amazon/rate-limits';
import { JSON_LISTINGS_FEED_LIMIT } from '../src/amazon/rate-limits';
import { MAX_SKUS_PER_CALL } from '../src/amazon/inventory';
import { MAX_FEED_MESSAGES } from '../src/amazon/feeds';
import { TABS } from '../src/core/tabs';
import { FBA_REPORT_ABOVE } from '../src/jobs/inventory/fba-source';
import { READ_TO_QUESTION_RATIO, questionCalls } from '../src/jobs/reads/threepl-stock-baseline';
import { SHIPBOB_RATE_LIMIT_PER_MIN } from '../src/threepl/shipbob/adapter';
import { COST_MODEL } from '../test/world/cost-model';
import type { OpCalls, System } from './floors';
import type { BenchCounts } from './world-gen';

/** What the minimum depends on: the world's counts, as bench/world-gen.ts reports them. */
export type StockWorld = Omit<BenchCounts, 'fbm'>;

export const LIMITS = {
  listingsPage: 20,
  searchCap: 1000,
  /** The job reads listings by report above this many (src/jobs/inventory/listings-source.ts REPORT_ABOVE). */
  listingsReportAbove: 800,
  summariesPerCall: MAX_SKUS_PER_CALL,
  fbaReportAbove: FBA_REPORT_ABOVE,
  ordersPage: 100,
  shipbobPage: 250,
  feedMessages: MAX_FEED_MESSAGES,
  /** Settings "Feed threshold" default (src/core/settings.ts): fewer changes go as patches. */
  feedThreshold: 20,
  tokenS: 3600,
  skuMapColumns: 12,
  inventoryColumns: TABS.inventory.columns.length,
} as const;

/**
 * Virtual time per unit, from the local world: the simulators' default latencies
 * (docs/amazon-simulator.md `behaviour.latency` 300 ms, `reportProcessing` 1 min, `feedProcessing`
 * 2 min; docs/shipbob-simulator.md `latencyMs` 250 ms) and the cost model (test/world/cost-model.ts,
 * docs/cost-model.md): UrlFetchApp's own 170 ms a request, paid by fetch and fetchAll alike, and
 * the per-cell costs of reading, writing and committing spreadsheet cells.
 */
export interface TimeModel {
  amazonLatencyS: number;
  shipbobLatencyS: number;
  urlFetchS: number;
  reportProcessingS: number;
  feedProcessingS: number;
  cellReadMs: number;
  cellWriteMs: number;
  flushMs: number;
  flushPerCellMs: number;
}

export const TIME_MODEL: TimeModel = {
  amazonLatencyS: 0.3,
  shipbobLatencyS: 0.25,
  urlFetchS: COST_MODEL.urlFetchCallMs / 1000,
  reportProcessingS: 60,
  feedProcessingS: 120,
  cellReadMs: COST_MODEL.sheetCellReadMs,
  cellWriteMs: COST_MODEL.sheetCellWriteMs,
  flushMs: COST_MODEL.sheetFlushMs,
  flushPerCellMs: COST_MODEL.sheetFlushPerCellMs,
};

export interface Plan {
  listings: 'search' | 'report';
  fba: 'none' | 'summaries' | 'report';
  feeds: number;
  patches: number;
  tokens: number;
}

/** One run of the minimum sequence: its calls and the least modelled time they and its cells take. */
export interface RunFloor {
  ops: OpCalls[];
  calls: number;
  /** UrlFetchApp's own time: every request pays it, even inside fetchAll. */
  overheadS: number;
  /** The longest chain of calls that must follow one another (cursor pages, a report's steps), or a rate limit if longer. */
  chainS: number;
  /** What sets chainS. */
  binding: string;
  /** Cells the run cannot avoid reading and writing, under the cost model. */
  sheetS: number;
  totalS: number;
  /** Executions the run's work takes at the least (withinExecutions); 1 unless set. */
  executions?: number;
}

export interface SettleMinimum {
  plan: Plan;
  /** Run A: the full read and the push (the floor of the heaviest run). */
  readAndPush: RunFloor;
  /** Run B: the feeds followed and Amazon read back. */
  followAndReadBack: RunFloor;
  /** Both runs' calls by operation. */
  ops: OpCalls[];
  amazon: number;
  shipbob: number;
  total: number;
  /** Modelled time of the two runs together. */
  timeS: number;
  /**
   * Documented rates alone, every bucket refilling at once (perfect parallelism, no latency): the
   * largest of (calls − burst) / rate over Amazon's buckets and ShipBob's window. For reference.
   */
  rateOnlyS: number;
  rateOnlyBinding: string;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/** Seconds until the last of `calls` may start under a token bucket that is full at the start. */
export function bucketWaitS(calls: number, rate: number, burst: number): number {
  return calls > burst ? (calls - burst) / rate : 0;
}

/** Seconds until the last of `calls` may start under a sliding window of `limit` a minute. */
export function windowWaitS(calls: number, limit: number): number {
  return calls > limit ? Math.floor((calls - 1) / limit) * 60 : 0;
}

/** Seconds for `calls` of one operation made one after another (each waits for the previous answer and for a token). */
export function chainOfS(operation: string, calls: number, latencyS: number): number {
  const limit = RATE_LIMITS[operation];
  let t = 0;
  for (let k = 0; k < calls; k++) {
    const token = limit && k >= limit.burst ? (k - limit.burst + 1) / limit.rate : 0;
    t = Math.max(t, token) + latencyS;
  }
  return t;
}

export function planFor(w: StockWorld): Plan {
  const feeds = w.changes >= LIMITS.feedThreshold ? ceilDiv(w.changes, LIMITS.feedMessages) : 0;
  return {
    listings: w.listings > LIMITS.listingsReportAbove ? 'report' : 'search',
    fba: w.fba === 0 ? 'none' : w.fba > LIMITS.fbaReportAbove ? 'report' : 'summaries',
    feeds,
    patches: feeds === 0 ? w.changes : 0,
    tokens: 1,
  };
}

function opsList(): { ops: OpCalls[]; add: (system: System, operation: string, calls: number) => void } {
  const ops: OpCalls[] = [];
  return {
    ops,
    add: (system, operation, calls) => {
      if (calls <= 0) return;
      const seen = ops.find((o) => o.operation === operation && o.system === system);
      if (seen) seen.calls += calls;
      else ops.push({ system, operation, calls });
    },
  };
}

const sum = (ops: ReadonlyArray<OpCalls>, system?: System) => ops.filter((o) => !system || o.system === system).reduce((s, o) => s + o.calls, 0);

function longest(chains: Array<[string, number]>): [string, number] {
  return chains.reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0]);
}

/**
 * `overlap`: the cells can be written while the chain waits on Amazon (a report being prepared), so
 * only the longer of the two counts. `afterS`: cells whose values come from that report, which no
 * run can write before it arrives; they follow the chain in any case.
 */
function runFloor(ops: OpCalls[], chains: Array<[string, number]>, sheetS: number, t: TimeModel, overlap = false, afterS = 0): RunFloor {
  const calls = sum(ops);
  const overheadS = calls * t.urlFetchS;
  const [binding, chainS] = longest(chains);
  return { ops, calls, overheadS, chainS, binding, sheetS: sheetS + afterS, totalS: overheadS + (overlap ? Math.max(chainS, sheetS) : chainS + sheetS) + afterS };
}

/** One cell a changed row, and its commit: what a report's answer must put on the tab at the least (the row's Push State). */
function changedCellsS(w: StockWorld, t: TimeModel): number {
  return (w.changes * (t.cellWriteMs + t.flushPerCellMs) + t.flushMs) / 1000;
}

/** ShipBob's full stock read: both IsActive sides' inventory pages and the bundle products. */
function shipbobFullRead(w: StockWorld): { inventory: number; bundles: number; calls: number } {
  const inventory = Math.max(1, ceilDiv(w.threePlProducts, LIMITS.shipbobPage)) + Math.max(1, ceilDiv(w.inactiveProducts, LIMITS.shipbobPage));
  const bundles = Math.max(1, ceilDiv(w.bundleProducts, LIMITS.shipbobPage));
  return { inventory, bundles, calls: inventory + bundles };
}

/** Run A: the full read, in parallel where nothing forces an order, then the feeds or patches. */
function readAndPush(w: StockWorld, p: Plan, t: TimeModel): RunFloor {
  const { ops, add } = opsList();
  const la = t.amazonLatencyS;
  const ls = t.shipbobLatencyS;
  add('amazon', 'lwa-token', p.tokens);
  const activePages = Math.max(1, ceilDiv(w.threePlProducts, LIMITS.shipbobPage));
  const sidePages = Math.max(1, ceilDiv(w.inactiveProducts, LIMITS.shipbobPage));
  const bundlePages = Math.max(1, ceilDiv(w.bundleProducts, LIMITS.shipbobPage));
  add('shipbob', 'get-all-inventory-levels-grouped-by-fulfillment-center', activePages + sidePages);
  add('shipbob', 'get-products', bundlePages);
  const orderPages = Math.max(1, ceilDiv(w.orders, LIMITS.ordersPage));
  add('amazon', 'searchOrders', orderPages);
  const searchPages = Math.max(1, ceilDiv(w.listings, LIMITS.listingsPage));
  if (p.listings === 'search') add('amazon', 'searchListingsItems', searchPages);
  else {
    add('amazon', 'createReport', 1);
    add('amazon', 'getReport', 1);
    add('amazon', 'getReportDocument', 1);
    add('amazon', 's3-download', 1);
  }
  const batches = ceilDiv(w.fba, LIMITS.summariesPerCall);
  if (p.fba === 'summaries') add('amazon', 'getInventorySummaries', batches);
  // The FBA report is asked for at the end of the run and read by the next one.
  if (p.fba === 'report') add('amazon', 'createReport', 1);
  add('amazon', 'createFeedDocument', p.feeds);
  add('amazon', 's3-upload', p.feeds);
  add('amazon', 'createFeed', p.feeds);
  add('amazon', 'patchListingsItem', p.patches);

  // Every SP-API call waits for the token; the chains after it run side by side.
  const listingsChain =
    p.listings === 'search'
      ? chainOfS('searchListingsItems', searchPages, la)
      : la + t.reportProcessingS + 3 * la; // createReport, Amazon's processing, getReport, getReportDocument, download
  const amazonRead = la + Math.max(listingsChain, chainOfS('searchOrders', orderPages, la), p.fba === 'summaries' ? bucketWaitS(batches, RATE_LIMITS['getInventorySummaries']!.rate, RATE_LIMITS['getInventorySummaries']!.burst) + la : 0);
  const shipbobCalls = activePages + sidePages + bundlePages;
  const shipbobRead = Math.max(activePages * ls, windowWaitS(shipbobCalls, SHIPBOB_RATE_LIMIT_PER_MIN) + ls);
  const feedWait = p.feeds > JSON_LISTINGS_FEED_LIMIT.burst ? bucketWaitS(p.feeds, JSON_LISTINGS_FEED_LIMIT.rate, JSON_LISTINGS_FEED_LIMIT.burst) : 0;
  const push = p.feeds > 0 ? 3 * la + feedWait : p.patches > 0 ? bucketWaitS(p.patches, RATE_LIMITS['patchListingsItem']!.rate, RATE_LIMITS['patchListingsItem']!.burst) + la : 0;
  const amazonLabel = p.listings === 'report' && listingsChain >= amazonRead - la - 1e-9 ? `listings report (${t.reportProcessingS} s processing)` : 'Amazon reads';
  const read: Array<[string, number]> = [
    [`${amazonLabel} + push`, amazonRead + push],
    [shipbobRead > activePages * ls ? `ShipBob ${SHIPBOB_RATE_LIMIT_PER_MIN}/min + push` : `ShipBob ${activePages} cursor pages + push`, shipbobRead + push],
  ];
  // The SKU Map read once; every Inventory row written once, and committed. While a listings report
  // is prepared the rows can be written (the job does so, jobs/inventory/layout.ts): the two overlap.
  // Which rows change is known only from Amazon's quantities: by report, each changed row's Push
  // State (one cell, and a commit) is written after it arrives.
  const rowsCells = w.skus * LIMITS.inventoryColumns;
  const sheetS = (w.skus * LIMITS.skuMapColumns * t.cellReadMs + rowsCells * (t.cellWriteMs + t.flushPerCellMs) + t.flushMs) / 1000;
  return p.listings === 'report' ? runFloor(ops, read, sheetS, t, true, changedCellsS(w, t)) : runFloor(ops, read, sheetS, t);
}

/** Run B: the feeds' results, Amazon's listings again (prepared between runs), orders since the push. */
function followAndReadBack(w: StockWorld, p: Plan, t: TimeModel): RunFloor {
  const { ops, add } = opsList();
  const la = t.amazonLatencyS;
  add('amazon', 'getFeed', p.feeds);
  add('amazon', 'getFeedDocument', p.feeds);
  add('amazon', 's3-download', p.feeds);
  add('amazon', 'searchOrders', 1);
  const reread = shipbobFullRead(w);
  const question = questionCalls(Math.max(1, w.threePlLocations));
  const asks = reread.calls >= READ_TO_QUESTION_RATIO * question;
  if (asks) {
    add('shipbob', 'get-orders', 1);
    add('shipbob', 'get-products', 1);
    add('shipbob', 'query-inventory-history', Math.max(1, w.threePlLocations));
  } else {
    add('shipbob', 'get-all-inventory-levels-grouped-by-fulfillment-center', reread.inventory);
    add('shipbob', 'get-products', reread.bundles);
  }
  const searchPages = Math.max(1, ceilDiv(w.listings, LIMITS.listingsPage));
  if (p.listings === 'search') add('amazon', 'searchListingsItems', searchPages);
  else {
    add('amazon', 'createReport', 1);
    add('amazon', 'getReport', 1);
    add('amazon', 'getReportDocument', 1);
    add('amazon', 's3-download', 1);
  }
  // Every run shows FBA stock as Amazon has it then: by summaries again, or the report run A asked for.
  const batches = ceilDiv(w.fba, LIMITS.summariesPerCall);
  if (p.fba === 'summaries') add('amazon', 'getInventorySummaries', batches);
  if (p.fba === 'report') {
    add('amazon', 'getReport', 1);
    add('amazon', 'getReportDocument', 1);
    add('amazon', 's3-download', 1);
  }
  const chains: Array<[string, number]> = [
    ['feed result', p.feeds > 0 ? 3 * la : 0],
    [p.listings === 'search' ? 'listings pages' : `listings report (asked for once the feed is done, ${readBackWaitS(t)} s processing)`, p.listings === 'search' ? chainOfS('searchListingsItems', searchPages, la) : readBackReportS(p, t)],
    ['FBA report', p.fba === 'report' ? 3 * la : 0],
    ['FBA summaries', p.fba === 'summaries' ? bucketWaitS(batches, RATE_LIMITS['getInventorySummaries']!.rate, RATE_LIMITS['getInventorySummaries']!.burst) + la : 0],
    ['searchOrders', la],
    // The 3PL's "changed since" reads, one after another (the first that finds a change ends them), or its pages again.
    asks ? ['ShipBob changed-since reads', question * t.shipbobLatencyS] : ['ShipBob pages again', reread.inventory * t.shipbobLatencyS],
  ];
  // The Inventory rows read to know what was pushed (while Amazon prepares the report); one cell (the
  // Push State: applied or not) of each changed row written once Amazon's quantities say which.
  const readS = (w.skus * LIMITS.inventoryColumns * t.cellReadMs) / 1000;
  return p.listings === 'report' ? runFloor(ops, chains, readS, t, true, changedCellsS(w, t)) : runFloor(ops, chains, readS + changedCellsS(w, t), t);
}

/**
 * Amazon's work one of the two runs must wait through before a listings report can show a feed
 * (header: nothing runs between the runs): the report's processing in run B, or the feed's in run A.
 */
export function readBackWaitS(t: TimeModel): number {
  return Math.min(t.reportProcessingS, t.feedProcessingS);
}

/** Run B's read-back report by report: the feed's status (it says the feed is done), the request, Amazon's processing, the poll, the document, the download. */
function readBackReportS(p: Plan, t: TimeModel): number {
  const la = t.amazonLatencyS;
  const status = p.feeds > 0 ? la : 0;
  return status + la + readBackWaitS(t) + 3 * la;
}

function rateOnly(ops: ReadonlyArray<OpCalls>): { s: number; binding: string } {
  let s = windowWaitS(sum(ops, 'shipbob'), SHIPBOB_RATE_LIMIT_PER_MIN);
  let binding = s > 0 ? `ShipBob ${SHIPBOB_RATE_LIMIT_PER_MIN}/min` : 'none';
  for (const o of ops) {
    const limit = RATE_LIMITS[o.operation];
    if (!limit) continue;
    const wait = bucketWaitS(o.calls, limit.rate, limit.burst);
    if (wait > s) {
      s = wait;
      binding = `${o.operation} ${limit.rate}/s burst ${limit.burst}`;
    }
  }
  return { s, binding };
}

/** Apps Script stops an execution at 6 minutes (apps-script.md §2): no run, however lean, is longer. */
export const EXECUTION_LIMIT_S = 360;

/**
 * Run A when its work is longer than one execution may run (100,000 SKUs: some 2.6 million
 * Inventory cells written): the same calls, over as many executions as the work needs, each after
 * the first reading the SKU Map again (people edit it between runs; no run may push from a copy)
 * and committing its own cells. The 3PL and Amazon reads are not repeated: a kept copy will do.
 */
export function withinExecutions(a: RunFloor, w: StockWorld, t: TimeModel): RunFloor {
  const executions = Math.ceil(a.totalS / EXECUTION_LIMIT_S);
  if (executions <= 1) return { ...a, executions: 1 };
  const againS = (executions - 1) * (w.skus * LIMITS.skuMapColumns * t.cellReadMs + t.flushMs) / 1000;
  return { ...a, sheetS: a.sheetS + againS, totalS: a.totalS + againS, executions, binding: `${a.binding}; ${executions} executions (6-minute limit)` };
}

/** The world-derived minimum: calls and modelled time of the two-run settle sequence. */
export function settleMinimum(w: StockWorld, t: TimeModel = TIME_MODEL): SettleMinimum {
  const plan = planFor(w);
  let a = readAndPush(w, plan, t);
  const b = followAndReadBack(w, plan, t);
  // One token an hour: a sequence longer than that (feeds processed between the runs) needs another.
  const spanS = a.totalS + t.feedProcessingS + b.totalS;
  if (spanS > LIMITS.tokenS) {
    plan.tokens = Math.ceil(spanS / LIMITS.tokenS);
    a = readAndPush(w, plan, t);
  }
  a = withinExecutions(a, w, t);
  const { ops, add } = opsList();
  for (const o of [...a.ops, ...b.ops]) add(o.system, o.operation, o.calls);
  const rate = rateOnly(ops);
  return {
    plan,
    readAndPush: a,
    followAndReadBack: b,
    ops,
    amazon: sum(ops, 'amazon'),
    shipbob: sum(ops, 'shipbob'),
    total: sum(ops),
    timeS: a.totalS + b.totalS,
    rateOnlyS: rate.s,
    rateOnlyBinding: rate.binding,
  };
}
