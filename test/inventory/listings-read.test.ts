// How the stock sync reads Amazon's listings and what it concludes from them: searchListingsItems
// pages through at most 1,000 items (listingsItems_2021-08-01.json, numberOfResults), so larger
// catalogues switch to GET_MERCHANT_LISTINGS_ALL_DATA early; a search whose pages shifted while read
// (behaviour.liveSearchPages) is a partial read, and an offer it did not see is never held as
// "Amazon has no listing"; the report is read in the seller's language and charset
// (report-type-values-inventory: preferredReportDocumentLocale, "Reports are not cached by locale"),
// and a report whose headers cannot be read stops the sync loudly.

import { describe, expect, it } from 'vitest';
import { InventoryRun, type FbmOffer } from './builder';

const calls = (r: InventoryRun, op: string) => r.run.amazon.calls.filter((c) => c.operation === op);

/** Unmapped FBM listings AAA-0001… that sort before the mapped offers. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ sku: `AAA-${String(i + 1).padStart(4, '0')}`, channel: 'FBM' as const, quantity: 1 }));

const offers = (n: number): FbmOffer[] => Array.from({ length: n }, (_, i) => ({ sku: `B-${String(i + 1).padStart(2, '0')}`, onHand: 10 + i }));

describe('catalogues search cannot page through', () => {
  it('1,200 listings (past the 1,000 search can page, under the old 2,000 threshold): the report is used and no mapped offer is held as "no listing"', () => {
    // The mapped offers sort last in Amazon's default order (lastUpdatedDate DESC, then SKU DESC):
    // beyond item 1,000, where search pages end.
    const r = new InventoryRun({ offers: offers(3), extraListings: filler(1200) });
    const first = r.sync();
    // One search page told the count (numberOfResults 1,203): no walk towards the cap; the report
    // is asked for and waited for within the run (and the next one asked for at its end).
    expect(calls(r, 'searchListingsItems')).toHaveLength(1);
    expect(calls(r, 'createReport')).toHaveLength(2);
    expect(first.outcome).toBe('ok');
    expect(r.openExceptions('MAPPING_INVALID')).toEqual([]);
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['B-01=9', 'B-02=10', 'B-03=11']);
    r.assertInvariants();
  });

  it('asks for the report in English (preferredReportDocumentLocale en_US)', () => {
    const r = new InventoryRun({ offers: offers(2), extraListings: filler(900) });
    r.sync();
    const report = r.run.amazon.state.reports.find((x) => x.reportType === 'GET_MERCHANT_LISTINGS_ALL_DATA');
    expect(report?.reportOptions).toEqual({ preferredReportDocumentLocale: 'en_US' });
  });
});

describe('the report in the seller’s language', () => {
  const world = (extra: Record<string, unknown>) =>
    new InventoryRun({ offers: offers(3), extraListings: filler(900), amazonBehaviour: { ignoreReportLocale: true }, amazonExtra: extra });

  it('a German report (Händler-SKU, Menge, Versender) in Cp1252 syncs like an English one', () => {
    const r = world({ reportLanguage: 'de_DE' });
    r.sync();
    r.advance('5m');
    expect(r.sync().outcome).toBe('ok');
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['B-01=9', 'B-02=10', 'B-03=11']);
    expect(r.openExceptions('MAPPING_INVALID')).toEqual([]);
    r.assertInvariants();
  });

  it('headers the add-on cannot recognise stop the sync with CONFIG_INVALID, hold nothing as "no listing", and a new report is requested', () => {
    const r = world({ reportLanguage: 'en_US', reportColumnNames: { 'seller-sku': 'Kolumna A', quantity: 'Kolumna B', 'fulfillment-channel': 'Kolumna C' } });
    r.sync();
    r.advance('5m');
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    const config = r.openExceptions('CONFIG_INVALID');
    expect(config.map((e) => e['Key'])).toEqual(['CONFIG_INVALID:inventory']);
    expect(config[0]!['Severity']).toBe('High');
    expect(config[0]!['Message']).toMatch(/listings report .* cannot be read: .*no column the add-on recognises as seller-sku, quantity, fulfillment-channel/);
    expect(config[0]!['Message']).toMatch(/Language for feed processing report/);
    expect(r.openExceptions('MAPPING_INVALID')).toEqual([]);
    expect(r.writes()).toEqual([]);
    // The unreadable report is dropped: the next run asks for a fresh one instead of re-reading it.
    const requested = calls(r, 'createReport').length;
    const downloaded = calls(r, 'getReportDocument').length;
    r.advance('5m');
    expect(r.sync().outcome).toBe('failed');
    expect(calls(r, 'createReport').length).toBe(requested + 1);
    expect(calls(r, 'getReportDocument').length).toBe(downloaded + 1);
    expect(r.writes()).toEqual([]);
    r.assertInvariants();
  });
});

describe('a search whose pages shift while read', () => {
  /**
   * Runs a sync with AAA-0001 deleted between the first and second listings page: the time comes
   * from an identical run (the virtual clock makes both runs take the same steps at the same offsets).
   */
  function syncDeletingMidRead(r: InventoryRun): ReturnType<InventoryRun['sync']> {
    const clock = r.run.world.clock;
    const probeStart = clock.now();
    const before = calls(r, 'searchListingsItems').length;
    r.sync();
    const pages = calls(r, 'searchListingsItems').slice(before).map((c) => Date.parse(c.at) - probeStart);
    r.advance('20m');
    const start = clock.now();
    const at = start + (pages[0]! + pages[1]!) / 2;
    r.run.amazon.state.pendingPatches.push({ at, apply: () => r.run.amazon.state.listings.delete('AAA-0001') });
    return r.sync();
  }

  it('an offer the shifted pages skipped keeps its last state: not held as "no listing", its exceptions neither raised nor resolved, the run partial', () => {
    const r = new InventoryRun({ offers: offers(20), extraListings: filler(19), amazonBehaviour: { liveSearchPages: true } });
    expect(r.sync().outcome).toBe('ok');
    r.advance('20m');
    const unmappedBefore = r.openExceptions('UNMAPPED_SKU').map((e) => e['Key']).sort();
    expect(unmappedBefore).toHaveLength(19);
    const s = syncDeletingMidRead(r);
    expect(s.outcome).toBe('partial');
    expect(s.message).toMatch(/read only in part \(Amazon's listings changed while their pages were read \(39 → 38\)\)/);
    // Page 2 started one listing later: B-02 was never returned.
    const b02 = r.inventoryRow('B-02')!;
    expect(b02['Reason']).toMatch(/^Not checked this run: .* Seller SKU B-02 was not among the listings read/);
    expect(b02['Push State']).toBe('');
    expect(b02['Last Pushed Qty']).toBe('10');
    expect(r.exceptions('MAPPING_INVALID')).toEqual([]);
    // Unmapped listings are neither re-counted nor resolved from a partial read.
    expect(r.openExceptions('UNMAPPED_SKU').map((e) => e['Key']).sort()).toEqual(unmappedBefore);
    // The offers that were read sync as usual.
    expect(r.inventoryRow('B-03')!['Reason']).not.toMatch(/Not checked/);
    r.advance('20m');
    // A full read again: AAA-0001 is gone, so its UNMAPPED_SKU resolves; B-02 is checked again.
    expect(r.sync().outcome).toBe('ok');
    expect(r.exceptions('UNMAPPED_SKU').find((e) => e['Key'] === 'UNMAPPED_SKU:UK:amazon:AAA-0001')!['Status']).toBe('Resolved');
    expect(r.inventoryRow('B-02')!['Reason']).not.toMatch(/Not checked/);
    r.assertInvariants();
  });
});
