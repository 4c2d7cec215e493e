// Catalogues too large to page through in one execution read Amazon's listings from the
// GET_MERCHANT_LISTINGS_ALL_DATA report, requested one run and used the next (never one call per SKU).

import { describe, expect, it } from 'vitest';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { InventoryRun } from './builder';

const offers = () => [
  { sku: 'A-1', onHand: 10 },
  { sku: 'B-1', onHand: 6 },
  { sku: 'C-1', onHand: 3, amazonQty: 2 },
];

/**
 * Makes the world look like a catalogue above the report threshold, as a previous read would have
 * recorded; every read records the real (small) count, so each sync sets it again.
 */
function large(r: InventoryRun) {
  const sync = () => {
    r.run.gas.properties.document.data.set('inventory.listingCount', '25000');
    return r.sync();
  };
  return Object.assign(r, { syncLarge: sync });
}

const calls = (r: InventoryRun, op: string) => r.run.amazon.calls.filter((c: { operation: string }) => c.operation === op).length;

describe('large catalogue', () => {
  it('requests the listings report first and waits for it within the run: the first push lands in the first run', () => {
    const r = large(new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto' } }));
    const first = r.syncLarge();
    expect(first.outcome).toBe('ok');
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['A-1', 9], ['B-1', 5]]);
    expect(calls(r, 'searchListingsItems')).toBe(0);
    // Waited for in the run: polled once, a little past the minute the simulator takes (listings-source.ts FIRST_POLL_AFTER_MS).
    expect(calls(r, 'getReport')).toBe(1);
    // The next report is already requested, so the next run does not wait.
    expect(calls(r, 'createReport')).toBe(2);
    r.assertInvariants();
  });

  it('a report Amazon takes longer to prepare than the run can wait for is used by the next run, and nothing is pushed before', () => {
    const r = large(new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto' }, amazonBehaviour: { reportProcessing: '20m' } }));
    const first = r.syncLarge();
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/listings report/);
    expect(r.writes()).toEqual([]);
    expect(calls(r, 'createReport')).toBe(1);
    r.advance('30m');
    const second = r.syncLarge();
    expect(second.outcome).toBe('ok');
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['A-1', 9], ['B-1', 5]]);
    expect(calls(r, 'createReport')).toBe(2);
    r.assertInvariants();
  });

  it('does not read back against a report requested before the push', () => {
    const r = large(new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto' } }));
    r.syncLarge(); // waits for the report, pushes; requests the next report at the end of the run
    r.advance(DEFAULT_PATCH_APPLY_DELAY); // the patches land…
    r.amazon('setListingQuantity', { sku: 'A-1', quantity: 1 }); // …and A-1 goes back, as if the write had not applied
    r.advance('25m');
    r.syncLarge(); // the report was requested at push time: too early to judge
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED')).toEqual([]);
    r.advance('30m');
    r.syncLarge(); // this report was requested 30 minutes after the push and shows 1
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED').map((e) => e['Entity'])).toEqual(['UK FBM A-1']);
    r.assertInvariants();
  });

  it('switches to the report when Amazon lists more than a run should page through, even with few rows mapped', () => {
    const extraListings = Array.from({ length: 2100 }, (_, i) => ({ sku: `OLD-${String(i).padStart(4, '0')}`, channel: 'FBM' as const, quantity: 1 }));
    const r = new InventoryRun({ offers: offers(), extraListings, settings: { 'Push mode': 'auto' } });
    const first = r.sync();
    // The first page's numberOfResults (2,103) is past the search threshold: one page, then the
    // report, waited for within the run.
    expect(first.outcome).toBe('ok');
    expect(calls(r, 'searchListingsItems')).toBe(1);
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['A-1', 9], ['B-1', 5]]);
    r.advance('5m');
    expect(r.sync().outcome).toBe('ok');
    expect(calls(r, 'searchListingsItems')).toBe(1);
    // 2,100 unmapped FBM listings are summarised, not listed one by one.
    expect(r.openExceptions('UNMAPPED_SKU').length).toBeLessThan(5);
    r.assertInvariants();
  });

  it('raises STOCK_SYNC_TIMEOUT when the listings report never becomes ready', () => {
    const r = large(new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto', 'Stock sync timeout (minutes)': 120 }, amazonBehaviour: { reportProcessing: '10h' } }));
    for (let i = 0; i < 4; i++) {
      expect(r.syncLarge().outcome).toBe('partial');
      r.advance('1h');
    }
    expect(r.writes()).toEqual([]);
    expect(r.openExceptions('STOCK_SYNC_TIMEOUT').map((e) => e['Entity'])).toEqual(['Stock sync UK']);
    // A report stuck for more than two hours is asked for again rather than waited on forever.
    expect(calls(r, 'createReport')).toBe(2);
    expect(r.syncLog().at(-2)!['Message']).toMatch(/has not finished the listings report .* a new one was requested/);
    r.assertInvariants();
  });
});
