// The stock bench's world-derived minimum (bench/stock-floors.ts) against counts worked out by hand
// from the documented page sizes and limits, so a change to the formula shows here first.

import { describe, expect, it } from 'vitest';
import { LIMITS, TIME_MODEL, chainOfS, readBackWaitS, settleMinimum, windowWaitS } from '../../bench/stock-floors';
import type { StockWorld } from '../../bench/stock-floors';

/** The Inventory tab's width (TABS): the cells a written row holds. */
const W = LIMITS.inventoryColumns;
const calls = (ops: ReadonlyArray<{ operation: string; calls: number }>) => Object.fromEntries(ops.map((o) => [o.operation, o.calls]));

describe('settleMinimum', () => {
  it('1,000 SKUs: listings by report, FBA by summaries, one feed', () => {
    const w: StockWorld = { skus: 1000, fba: 200, listings: 1000, threePlProducts: 800, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 5, changes: 749 };
    const m = settleMinimum(w);
    expect(m.plan).toEqual({ listings: 'report', fba: 'summaries', feeds: 1, patches: 0, tokens: 1 });
    // Run A: token; ShipBob ⌈800/250⌉ = 4 active pages + 1 inactive + 1 bundle page; 1 orders page;
    // the listings report (create, poll, document, download); ⌈200/50⌉ = 4 summaries; the feed (document, upload, create).
    expect(calls(m.readAndPush.ops)).toEqual({
      'lwa-token': 1,
      'get-all-inventory-levels-grouped-by-fulfillment-center': 5,
      'get-products': 1,
      searchOrders: 1,
      createReport: 1,
      getReport: 1,
      getReportDocument: 1,
      's3-download': 1,
      getInventorySummaries: 4,
      createFeedDocument: 1,
      's3-upload': 1,
      createFeed: 1,
    });
    expect(m.readAndPush.calls).toBe(19);
    // Run B: the feed's status, result and download; the listings report again; one orders page; the
    // 4 FBA summaries again (every run shows FBA stock as Amazon has it then); and ShipBob's stock
    // again: its 6 calls (5 inventory pages, 1 bundle page) are under twice the 4 that asking what
    // moved would take (orders, products, each of the 2 centres' history), so it is read.
    expect(calls(m.followAndReadBack.ops)).toEqual({
      getFeed: 1, getFeedDocument: 1, 's3-download': 2, searchOrders: 1, createReport: 1, getReport: 1, getReportDocument: 1,
      getInventorySummaries: 4, 'get-all-inventory-levels-grouped-by-fulfillment-center': 5, 'get-products': 1,
    });
    expect([m.total, m.amazon, m.shipbob]).toEqual([37, 25, 12]);
    // Run A's time: 19 × 0.17 s UrlFetch; token 0.3 + report (0.3 + 60 + 3 × 0.3) + feed 3 × 0.3 = 62.4 s;
    // cells: 12,000 SKU Map cells read × 0.01 ms + 1,000 Inventory rows of W cells × (0.01 + 0.135) ms + one 28 ms commit.
    const sheetA = (12_000 * 0.01 + 1000 * W * 0.145 + 28) / 1000;
    // Which rows change comes from the report: their 749 Push State cells and a commit follow it.
    const afterReport = (749 * 0.145 + 28) / 1000;
    expect(m.readAndPush.overheadS).toBeCloseTo(3.23, 6);
    expect(m.readAndPush.chainS).toBeCloseTo(62.4, 6);
    expect(m.readAndPush.sheetS).toBeCloseTo(sheetA + afterReport, 6);
    // The rows are written while Amazon prepares the report: the longer of the two counts.
    expect(sheetA).toBeLessThan(62.4);
    expect(m.readAndPush.totalS).toBeCloseTo(3.23 + 62.4 + afterReport, 6);
    // Run B: 18 × 0.17 s; the read-back report can only be asked for once the feed is done (getFeed
    // 0.3 s, createReport 0.3 s), then Amazon's 60 s and the poll, document and download (3 × 0.3 s).
    // Its 1,000 × W cells are read during that wait; the 749 Push States (applied or not) and a commit follow it.
    const readB = (1000 * W * 0.01) / 1000;
    expect(m.followAndReadBack.chainS).toBeCloseTo(61.5, 6);
    expect(m.followAndReadBack.binding).toMatch(/listings report \(asked for once the feed is done, 60 s processing\)/);
    expect(readB).toBeLessThan(61.5);
    expect(m.followAndReadBack.sheetS).toBeCloseTo(readB + afterReport, 6);
    expect(m.followAndReadBack.totalS).toBeCloseTo(3.06 + 61.5 + afterReport, 6);
    expect(m.timeS).toBeCloseTo(3.23 + 62.4 + 3.06 + 61.5 + 2 * afterReport, 6);
  });

  it('the shorter of Amazon\'s two waits is the read-back\'s: a report slower than the feed is waited for in run A instead', () => {
    const w: StockWorld = { skus: 1000, fba: 200, listings: 1000, threePlProducts: 800, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 5, changes: 749 };
    const slowReports = settleMinimum(w, { ...TIME_MODEL, reportProcessingS: 300 });
    // Feeds take 120 s: waiting for the feed in run A and asking for the report then beats 300 s in run B.
    expect(readBackWaitS({ ...TIME_MODEL, reportProcessingS: 300 })).toBe(120);
    expect(slowReports.followAndReadBack.chainS).toBeCloseTo(0.6 + 120 + 0.9, 6);
  });

  it('100,000 SKUs: FBA by report, three feeds, ShipBob bound by its 150 a minute', () => {
    const w: StockWorld = { skus: 100_000, fba: 20_000, listings: 100_000, threePlProducts: 80_000, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 5, changes: 72_000 };
    const m = settleMinimum(w);
    expect(m.plan).toEqual({ listings: 'report', fba: 'report', feeds: 3, patches: 0, tokens: 1 });
    // ShipBob: 320 active + 1 inactive + 1 bundle page. Amazon A: token, orders, listings report (4),
    // the FBA report's request, 3 × 3 feed calls = 16; B: 3 × 3 feed results, orders, listings report (4), FBA report read (3) = 17.
    // Run B adds ShipBob's 4 changed-since reads (orders, products, 2 centres' history): a full read is 322.
    expect(m.shipbob).toBe(326);
    expect(m.amazon).toBe(33);
    expect(m.total).toBe(359);
    // 322 calls in a 150-a-minute window: the last starts after two full minutes.
    expect(windowWaitS(322, 150)).toBe(120);
    expect(m.readAndPush.chainS).toBeCloseTo(120.25 + 0.9, 6);
    expect(m.readAndPush.binding).toContain('ShipBob 150/min');
    expect(m.rateOnlyS).toBe(120);
    // Writing 100,000 Inventory rows (2.6 million cells and more) costs over 377 s under the cost model: more
    // than one execution may run, so the floor takes two, the second reading the 1.2 million SKU Map cells again.
    expect(m.readAndPush.executions).toBe(2);
    // And the 72,000 changed rows' Push States once the listings report is in.
    expect(m.readAndPush.sheetS).toBeCloseTo((2 * 1_200_000 * 0.01 + 100_000 * W * 0.145 + 2 * 28 + 72_000 * 0.145 + 28) / 1000, 6);
    expect(m.readAndPush.totalS).toBeGreaterThan(360);
    expect(m.readAndPush.binding).toMatch(/2 executions \(6-minute limit\)/);
    // The writes are longer than the report's wait, so they set the run's floor.
    expect(m.readAndPush.totalS).toBeCloseTo(m.readAndPush.overheadS + m.readAndPush.sheetS, 6);
  });

  it('a run A that fits one execution is not split', () => {
    const w: StockWorld = { skus: 10_000, fba: 2_000, listings: 10_000, threePlProducts: 8_000, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 5, changes: 7_000 };
    expect(settleMinimum(w).readAndPush.executions).toBe(1);
  });

  it('by search pages the rows are written after the listings are read: chain and cells add up', () => {
    const w: StockWorld = { skus: 500, fba: 10, listings: 500, threePlProducts: 400, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 0, changes: 300 };
    const a = settleMinimum(w).readAndPush;
    expect(a.totalS).toBeCloseTo(a.overheadS + a.chainS + a.sheetS, 6);
  });

  it('a small catalogue reads by search pages and sends patches below the feed threshold', () => {
    const w: StockWorld = { skus: 50, fba: 10, listings: 50, threePlProducts: 40, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 0, changes: 7 };
    const m = settleMinimum(w);
    expect(m.plan).toEqual({ listings: 'search', fba: 'summaries', feeds: 0, patches: 7, tokens: 1 });
    // A: token, 2 inventory pages + 1 bundle page, 1 orders page, ⌈50/20⌉ = 3 search pages, 1 summaries call, 7 patches.
    expect(m.readAndPush.calls).toBe(16);
    // B: an orders page, the 3 search pages and the summaries call, read as soon as the run starts: no
    // wait on Amazon; ShipBob's 3 calls (2 inventory pages, 1 bundle page) again, meanwhile (asking
    // what moved would take 4).
    expect(calls(m.followAndReadBack.ops)).toEqual({ searchOrders: 1, searchListingsItems: 3, getInventorySummaries: 1, 'get-all-inventory-levels-grouped-by-fulfillment-center': 2, 'get-products': 1 });
    expect(m.followAndReadBack.chainS).toBeCloseTo(chainOfS('searchListingsItems', 3, 0.3), 6);
    expect(m.total).toBe(24);
  });

  it('asks ShipBob what moved once its stock takes at least twice the calls: 10,000 SKUs', () => {
    const w: StockWorld = { skus: 10_000, fba: 2_000, listings: 10_000, threePlProducts: 8_000, inactiveProducts: 0, bundleProducts: 0, threePlLocations: 2, orders: 5, changes: 7_000 };
    const b = calls(settleMinimum(w).followAndReadBack.ops);
    // 32 + 1 inventory pages and a bundle page against 4 changed-since reads.
    expect([b['get-orders'], b['get-products'], b['query-inventory-history'], b['get-all-inventory-levels-grouped-by-fulfillment-center']]).toEqual([1, 1, 2, undefined]);
  });
});

describe('chainOfS', () => {
  it('makes calls past the burst wait for the bucket to refill', () => {
    // searchListingsItems 5/s burst 5: six calls one after another at 0.3 s each never wait (the sixth token is there at 0.2 s).
    expect(chainOfS('searchListingsItems', 6, 0.3)).toBeCloseTo(1.8, 9);
    // getInventorySummaries 2/s burst 2 at 0.1 s latency: calls start at 0, 0.1, 0.5, 1.0 → the last ends at 1.1 s.
    expect(chainOfS('getInventorySummaries', 4, 0.1)).toBeCloseTo(1.1, 9);
  });
});
