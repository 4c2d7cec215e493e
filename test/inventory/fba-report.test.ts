// FBA stock of a large catalogue from Amazon's FBA inventory report (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA)
// instead of getInventorySummaries per 50 SKUs: requested at the end of one run, read at the start
// of a later one, never more often than Amazon makes it (30 minutes); until it is ready the FBA
// figures are unknown, the Inventory tab keeps the ones it showed, and the FBM sync goes on.

import { describe, expect, it } from 'vitest';
import type { SpApiClient } from '../../src/amazon/client';
import { buildInventory } from '../../src/core/inventory/build';
import { previousFromInventory } from '../../src/core/inventory/inventory-tab';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import type { FbaSummary } from '../../src/core/inventory/types';
import { FBA_REPORT_ABOVE, prepareNextFbaRead, readFbaStock } from '../../src/jobs/inventory/fba-source';
import { makeHarness, type Harness } from '../amazon/harness';
import type { AmazonSectionInput } from '../world/amazon/scenario';
import { invRow, mapRow, stock } from '../core/inventory-fixtures';
import { InventoryRun, type FbaOffer } from './builder';

const REPORT = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA';
const T0 = Date.parse('2026-11-02T08:00:00Z');
const pad = (i: number) => String(i).padStart(4, '0');
const fbaSku = (i: number) => `F-${pad(i)}`;
/** Fulfillable units of F-i: different per SKU so a mix-up shows. */
const units = (i: number) => i % 7;

/** An account with `n` FBA listings, each with some FBA stock. */
function fbaAccount(n: number, extra: Partial<AmazonSectionInput> = {}): AmazonSectionInput {
  return {
    marketplace: 'UK',
    sellerId: 'A2SELLER',
    listings: Array.from({ length: n }, (_, i) => ({ sku: fbaSku(i), channel: 'FBA' as const, asin: `B0${String(i).padStart(8, '0')}`, fnsku: `X00${String(i).padStart(7, '0')}` })),
    fbaInventory: Array.from({ length: n }, (_, i) => ({ sku: fbaSku(i), fulfillable: units(i), inboundShipped: 2 })),
    behaviour: { gzipReports: false },
    ...extra,
  };
}

const skus = (n: number) => Array.from({ length: n }, (_, i) => fbaSku(i));
const served = (h: Harness, op: string) => h.served(op).length;
const myiReports = (h: Harness) => h.sim.state.reports.filter((r) => r.reportType === REPORT);
const LARGE = FBA_REPORT_ABOVE + 1;

describe('FBA stock source (fba-source.ts)', () => {
  it('up to the threshold reads getInventorySummaries, 50 SKUs a call, and asks for no report', () => {
    const h = makeHarness(fbaAccount(120));
    const c = h.client();
    const read = readFbaStock(c, h.store, T0, skus(120));
    expect(read).toMatchObject({ via: 'summaries', unknown: false, asOf: T0 });
    expect(read.summaries).toHaveLength(120);
    expect(read.summaries.find((s) => s.sellerSku === fbaSku(10))?.fulfillable).toBe(units(10));
    expect(served(h, 'getInventorySummaries')).toBe(3);
    prepareNextFbaRead(c, h.store, T0, read.via);
    expect(served(h, 'createReport')).toBe(0);
  });

  it('above it: the first read is unknown without a summary call, and the report it asked for is read next time', () => {
    const h = makeHarness(fbaAccount(LARGE));
    const c = h.client();
    const first = readFbaStock(c, h.store, T0, skus(LARGE));
    expect(first).toMatchObject({ via: 'report', unknown: true, summaries: [], asOf: 0 });
    expect(served(h, 'createReport')).toBe(1);
    prepareNextFbaRead(c, h.store, T0, first.via); // one is already on its way
    expect(served(h, 'createReport')).toBe(1);

    h.clock.advance(5 * 60_000);
    const second = readFbaStock(c, h.store, h.clock.now(), skus(LARGE));
    expect(second).toMatchObject({ via: 'report', unknown: false, asOf: T0 });
    expect(second.summaries).toHaveLength(LARGE);
    expect(second.summaries.find((s) => s.sellerSku === fbaSku(1000))).toEqual({
      sellerSku: fbaSku(1000), fulfillable: units(1000), inboundWorking: 0, inboundShipped: 2, inboundReceiving: 0, reserved: 0, unfulfillable: 0, researching: 0, total: units(1000) + 2,
    });
    expect(served(h, 'getInventorySummaries')).toBe(0);
    expect(served(h, 'getReportDocument')).toBe(1);
  });

  it('asks Amazon for the report at most every 30 minutes; meanwhile the figures are those last shown', () => {
    const h = makeHarness(fbaAccount(LARGE));
    const c = h.client();
    const at = (min: number) => T0 + min * 60_000;
    readFbaStock(c, h.store, at(0), skus(LARGE));
    h.clock.advance(5 * 60_000);
    const read = readFbaStock(c, h.store, at(5), skus(LARGE));
    prepareNextFbaRead(c, h.store, at(5), read.via);
    expect(served(h, 'createReport')).toBe(1); // 5 minutes after the last request: Amazon would end it FATAL

    h.clock.advance(10 * 60_000);
    expect(readFbaStock(c, h.store, at(15), skus(LARGE))).toMatchObject({ unknown: true, asOf: at(0) });
    expect(served(h, 'createReport')).toBe(1);

    h.clock.advance(16 * 60_000);
    expect(readFbaStock(c, h.store, at(31), skus(LARGE))).toMatchObject({ unknown: true, asOf: at(0) });
    expect(served(h, 'createReport')).toBe(2);
    h.clock.advance(5 * 60_000);
    expect(readFbaStock(c, h.store, at(36), skus(LARGE))).toMatchObject({ unknown: false, asOf: at(31) });
  });

  it('a FATAL report leaves the figures unknown and is asked for again once 30 minutes have passed', () => {
    const h = makeHarness(fbaAccount(LARGE));
    const c = h.client();
    readFbaStock(c, h.store, T0, skus(LARGE));
    // Amazon ends a request made within 30 minutes of another one (another app's, say) FATAL (amzn/selling-partner-api-models#4032).
    myiReports(h)[0]!.status = 'FATAL';
    h.clock.advance(5 * 60_000);
    const read = readFbaStock(c, h.store, h.clock.now(), skus(LARGE));
    expect(read).toMatchObject({ unknown: true, summaries: [] });
    expect(read.note).toMatch(/^Amazon ended FBA inventory report \d+ as FATAL .* a new one is requested 30 minutes after the last request\.$/);
    prepareNextFbaRead(c, h.store, h.clock.now(), read.via);
    expect(served(h, 'createReport')).toBe(1);
    h.clock.advance(26 * 60_000);
    readFbaStock(c, h.store, h.clock.now(), skus(LARGE));
    expect(served(h, 'createReport')).toBe(2);
    h.clock.advance(5 * 60_000);
    expect(readFbaStock(c, h.store, h.clock.now(), skus(LARGE)).unknown).toBe(false);
  });

  it('a CANCELLED report (Amazon has no FBA inventory to report) means no FBA stock, not unknown', () => {
    const h = makeHarness(fbaAccount(0));
    const c = h.client();
    readFbaStock(c, h.store, T0, skus(LARGE));
    h.clock.advance(5 * 60_000);
    expect(readFbaStock(c, h.store, h.clock.now(), skus(LARGE))).toMatchObject({ via: 'report', unknown: false, summaries: [], asOf: T0 });
    expect(myiReports(h)[0]!.status).toBe('CANCELLED');
  });

  it('a report still not done after two hours is asked for again', () => {
    const h = makeHarness(fbaAccount(LARGE, { behaviour: { reportProcessing: '10h' } }));
    // One client per run, as each run has its own deadline.
    readFbaStock(h.client(), h.store, T0, skus(LARGE));
    h.clock.advance(60 * 60_000);
    expect(readFbaStock(h.client(), h.store, h.clock.now(), skus(LARGE)).unknown).toBe(true);
    expect(served(h, 'createReport')).toBe(1);
    h.clock.advance(61 * 60_000);
    const read = readFbaStock(h.client(), h.store, h.clock.now(), skus(LARGE));
    expect(read.note).toMatch(/had not finished FBA inventory report \d+ after 121 minutes, so a new one was requested/);
    expect(served(h, 'createReport')).toBe(2);
  });

  it('a report Amazon no longer keeps (90 days) is asked for again, not taken for an outage', () => {
    const h = makeHarness(fbaAccount(LARGE));
    readFbaStock(h.client(), h.store, T0, skus(LARGE));
    h.clock.advance(91 * 86_400_000);
    const read = readFbaStock(h.client(), h.store, h.clock.now(), skus(LARGE));
    expect(read).toMatchObject({ unknown: true, summaries: [] });
    expect(read.note).toMatch(/^Amazon no longer has FBA inventory report \d+, so a new one was requested\.$/);
    expect(served(h, 'createReport')).toBe(2);
  });

  it('a report it cannot read leaves the figures unknown with the reason, and a new one is asked for', () => {
    const h = makeHarness(fbaAccount(LARGE));
    const real = h.client();
    const c: SpApiClient = { ...real, downloadReport: () => 'seller-sku\tquantity\nF-0001\t3\n' };
    readFbaStock(c, h.store, T0, skus(LARGE));
    h.clock.advance(31 * 60_000);
    const read = readFbaStock(c, h.store, h.clock.now(), skus(LARGE));
    expect(read).toMatchObject({ unknown: true, summaries: [] });
    expect(read.note).toMatch(/FBA inventory report \d+ could not be read: The FBA inventory report has no column "sku", "afn-fulfillable-quantity",/);
    prepareNextFbaRead(c, h.store, h.clock.now(), read.via);
    expect(served(h, 'createReport')).toBe(2);
  });

  it('figures a run read but did not finish writing are not dated as the ones the tab shows', () => {
    const h = makeHarness(fbaAccount(LARGE));
    const c = h.client();
    readFbaStock(c, h.store, T0, skus(LARGE));
    h.clock.advance(5 * 60_000);
    expect(readFbaStock(c, h.store, h.clock.now(), skus(LARGE)).unknown).toBe(false); // the run then dies: no prepareNextFbaRead
    h.clock.advance(5 * 60_000);
    expect(readFbaStock(c, h.store, h.clock.now(), skus(LARGE))).toMatchObject({ unknown: true, asOf: 0 });
  });
});

describe('FBA rows while FBA stock is unknown (build.ts)', () => {
  const NOW = Date.UTC(2026, 10, 2, 9);
  const SHOWN_AT = Date.UTC(2026, 10, 2, 8, 5);
  const figures = (sellerSku: string, fulfillable: number): FbaSummary => ({ sellerSku, fulfillable, inboundWorking: 0, inboundShipped: 4, inboundReceiving: 0, reserved: 1, unfulfillable: 0, researching: 0, total: fulfillable + 5 });
  const tabRow = (s: FbaSummary) =>
    invRow({ sellerSku: s.sellerSku, channel: 'FBA', fbaFulfillable: s.fulfillable, fbaInboundWorking: s.inboundWorking, fbaInboundShipped: s.inboundShipped, fbaInboundReceiving: s.inboundReceiving, fbaReserved: s.reserved, fbaUnfulfillable: s.unfulfillable, fbaResearching: s.researching, fbaTotal: s.total });
  const build = (rows: ReturnType<typeof mapRow>[], over: Partial<Parameters<typeof buildInventory>[0]> & { both?: boolean } = {}) =>
    buildInventory({
      marketplace: 'UK',
      skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK', ...(over.both ? { bothChannelsOnAmazon: { marketplace: 'UK', sellerSkus: new Set(['TEE-M']) } } : {}) }),
      threePlStock: [stock('TEE-M', 15)],
      locations: [],
      unsentOrders: [],
      fbaSummaries: [],
      previous: new Map(),
      defaultSafetyBuffer: 2,
      now: NOW,
      ...over,
    });
  const unknown = { via: 'report' as const, asOf: SHOWN_AT, unknown: true, note: 'Report pending.' };
  const fbaRow = mapRow({ Channel: 'FBA' });

  it('previousFromInventory carries an FBA row’s buckets, and none for a row that showed none', () => {
    const m = previousFromInventory([tabRow(figures('TEE-M', 9)), invRow({ sellerSku: 'X', channel: 'FBA' }), invRow()]);
    expect(m.get('UK:FBA:TEE-M')?.fba).toEqual({ fulfillable: 9, inboundWorking: 0, inboundShipped: 4, inboundReceiving: 0, reserved: 1, unfulfillable: 0, researching: 0, total: 14 });
    expect(m.get('UK:FBA:X')?.fba).toBeNull();
    expect(m.get('UK:FBM:TEE-M')).not.toHaveProperty('fba');
  });

  it('an FBA row keeps the figures it showed, and its Reason says they are from the last read and when', () => {
    const previous = previousFromInventory([tabRow(figures('TEE-M', 9))]);
    const [row] = build([fbaRow], { previous, fbaRead: unknown }).rows;
    expect(row).toMatchObject({ fbaFulfillable: 9, fbaInboundShipped: 4, fbaReserved: 1, fbaTotal: 14, proposedQty: null });
    expect(row!.reason).toContain('Sellable = FBA fulfillable 9');
    expect(row!.reason).toContain('Report pending.');
    // No read time in the row: it would rewrite every FBA row with each new report.
    expect(row!.reason).not.toContain('08:05');
    // The same figures read from the report give the same row: a run that reads none rewrites none.
    const [fresh] = build([fbaRow], { fbaSummaries: [figures('TEE-M', 9)], fbaRead: { ...unknown, unknown: false } }).rows;
    expect(fresh).toEqual(row);
  });

  it('an FBA row without figures to keep says they are not read yet, not that Amazon has none', () => {
    const [row] = build([fbaRow], { fbaRead: unknown }).rows;
    expect(row!.fbaFulfillable).toBeNull();
    expect(row!.reason).toBe('FBA offer: Amazon holds this stock and the add-on only reads it. Its FBA figures have not been read yet. Report pending.');
    const shownNone = previousFromInventory([invRow({ channel: 'FBA' })]);
    expect(build([fbaRow], { previous: shownNone, fbaRead: unknown }).rows[0]!.reason).toContain('Amazon reported no FBA inventory for this SKU.');
  });

  it('the FBA guard holds an FBM row with the FBA stock last shown, as it would with the figures read now', () => {
    const previous = previousFromInventory([tabRow(figures('TEE-M', 3))]);
    const kept = build([mapRow()], { previous, fbaRead: unknown });
    const read = build([mapRow()], { fbaSummaries: [figures('TEE-M', 3)] });
    for (const r of [kept, read]) {
      expect(r.rows[0]!.proposedQty).toBeNull();
      expect(r.statuses[0]).toContain('Held: Amazon fulfils Seller SKU TEE-M as FBA only');
    }
    // All-zero figures last shown are no FBA stock, as when read now.
    const zero = previousFromInventory([tabRow({ ...figures('TEE-M', 0), inboundShipped: 0, reserved: 0, total: 0 })]);
    expect(build([mapRow()], { previous: zero, fbaRead: unknown }).rows[0]!.proposedQty).toBe(13);
  });

  it('with neither listings nor FBA figures to go on, an FBM row the SKU Map also sells as FBA is not pushed', () => {
    const r = build([mapRow(), fbaRow], { both: true, fbaRead: unknown });
    const fbm = r.rows.find((x) => x.channel === 'FBM')!;
    expect(fbm.proposedQty).toBeNull();
    expect(fbm.reason).toMatch(/^Not checked this run: .* FBA stock of Seller SKU TEE-M is not known yet/);
    // Known to have none: proposed as usual.
    expect(build([mapRow(), fbaRow], { both: true }).rows.find((x) => x.channel === 'FBM')!.proposedQty).toBe(13);
  });
});

/** A catalogue just above the threshold: the FBA rows come from the builder's `fba` list. */
const manyFba = (n: number): FbaOffer[] => Array.from({ length: n }, (_, i) => ({ sku: fbaSku(i), fulfillable: units(i), inboundShipped: 2 }));
const calls = (r: InventoryRun, op: string) => r.run.amazon.calls.filter((c: { operation: string }) => c.operation === op).length;
/** The FBA inventory reports the stock sync asked for, oldest first. */
const fbaReports = (r: InventoryRun) => r.run.amazon.state.reports.filter((x) => x.reportType === REPORT);
/** How the Reason dates figures from the n-th FBA report (when it was requested). */


describe('stock sync with a large FBA catalogue (bundle)', () => {
  it('shows FBA figures unknown at first without summary calls, then the report’s, and keeps pushing FBM meanwhile; the FBA guard holds', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'G-1', onHand: 5, listed: false }],
      // G-1 is mapped FBM but Amazon fulfils it as FBA only.
      extraListings: [{ sku: 'G-1', channel: 'FBA' }],
      fba: manyFba(LARGE),
    });
    const f3 = () => r.inventoryRow(fbaSku(3), 'FBA')!;

    // G-1's row is held (Amazon fulfils it as FBA only), so no run is "ok" while it stays.
    expect(r.sync()).toMatchObject({ outcome: 'partial', message: expect.stringMatching(/1 SKU Map row is held and not synced/) }); // the FBA report is requested now
    expect(calls(r, 'getInventorySummaries')).toBe(0);
    expect(fbaReports(r)).toHaveLength(1);
    expect(f3()['FBA Fulfillable']).toBe('');
    expect(f3()['Reason']).toMatch(/Its FBA figures have not been read yet\. Above 1,000 FBA SKUs/);
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['A-1', 9]]);
    expect(r.inventoryRow('G-1')!['Push State']).toBe('');
    expect(r.openExceptions('DUAL_CHANNEL_SKU').map((e) => e['Entity'])).toEqual(['UK G-1']);

    r.advance('5m');
    expect(r.sync().outcome).toBe('partial'); // reads the report
    expect(f3()['FBA Fulfillable']).toBe(String(units(3)));
    expect(f3()['FBA Inbound Shipped']).toBe('2');
    expect(r.inventoryRow(fbaSku(1000), 'FBA')!['FBA Fulfillable']).toBe(String(units(1000)));
    expect(calls(r, 'getInventorySummaries')).toBe(0);

    r.amazon('setFbaInventory', { sku: fbaSku(3), fulfillable: 99 });
    r.advance('5m');
    const before = f3();
    r.sync(); // within 30 minutes of the last request none is asked for: the row stays as it was
    expect(fbaReports(r)).toHaveLength(1);
    expect(f3()).toEqual(before);
    r.advance('25m');
    r.sync(); // past 30 minutes: asked for
    expect(fbaReports(r)).toHaveLength(2);
    expect(f3()).toEqual(before);
    r.advance('5m');
    r.sync(); // and read
    expect(f3()['FBA Fulfillable']).toBe('99');
    expect(r.writes().filter((w) => w.sku === 'G-1')).toEqual([]);
    expect(calls(r, 'getInventorySummaries')).toBe(0);
    r.assertInvariants();
  });

  it('a failed report keeps the FBA figures shown, says why, and does not stop the FBM push', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }], fba: manyFba(LARGE) });
    r.sync(); // FBA report requested
    r.advance('5m');
    r.sync(); // read
    r.advance('30m');
    r.sync(); // the next one requested…
    expect(fbaReports(r)).toHaveLength(2);
    fbaReports(r)[1]!.status = 'FATAL'; // …and Amazon ends it FATAL (amzn/selling-partner-api-models#4032)
    r.setStock('SB-A-1', 20);
    r.advance('5m');
    expect(r.sync().outcome).toBe('ok');
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['A-1', 9], ['A-1', 19]]);
    const f3 = r.inventoryRow(fbaSku(3), 'FBA')!;
    expect(f3['FBA Fulfillable']).toBe(String(units(3)));
    expect(f3['Reason']).toContain(`Amazon ended FBA inventory report ${fbaReports(r)[1]!.reportId} as FATAL`);
    expect(calls(r, 'getInventorySummaries')).toBe(0);
    r.assertInvariants();
  });

  it('below the threshold reads getInventorySummaries each run and asks for no report', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }], fba: manyFba(3) });
    expect(r.sync().outcome).toBe('ok');
    expect(calls(r, 'getInventorySummaries')).toBe(1);
    expect(fbaReports(r)).toHaveLength(0);
    const f2 = r.inventoryRow(fbaSku(2), 'FBA')!;
    expect(f2['FBA Fulfillable']).toBe(String(units(2)));
    expect(f2['Reason']).not.toContain('as last read');
    r.assertInvariants();
  });
});
