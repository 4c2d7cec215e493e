// SKU Map number cells typed with a sign: Sheets keeps "100%" as the number 1 and "£5" as 5 (shown
// "100%", "£5.00"), so read by value a Safety Buffer of "100%" would hold back 1 unit and push the rest.
// The add-on reads what the cell shows: such a row is held with MAPPING_INVALID naming the cell's
// column and what it takes, its quantity is not pushed, and the run is not ok.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('SKU Map number cells typed as a percentage or an amount', () => {
  it('a Safety Buffer or Max Qty shown as 100% or £5.00 holds its row, named, and nothing is pushed for it', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'TEE-M', onHand: 10, amazonQty: 0, buffer: '100%' },
        { sku: 'MUG-1', onHand: 10, amazonQty: 0, maxQty: '£5' },
        { sku: 'CAP-1', onHand: 10, amazonQty: 0, buffer: 2 },
      ],
      settings: { 'Push mode': 'auto' },
    });
    const run = r.sync();
    expect(run.outcome).not.toBe('ok');
    // Only the row typed as a count is pushed: 10 on hand less its buffer of 2.
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['CAP-1', 8]]);
    const invalid = r.openExceptions('MAPPING_INVALID');
    const tee = invalid.find((e) => String(e['Message']).includes('TEE-M'));
    expect(tee?.['Message']).toMatch(/Safety Buffer holds "100%", a percentage, not a number of units \(allowed: a whole number of units/);
    const mug = invalid.find((e) => String(e['Message']).includes('MUG-1'));
    expect(mug?.['Message']).toMatch(/Max Qty holds "£5\.00", not a number \(allowed: a whole number of units/);
    const status = (sku: string) => r.tab('SKU Map').find((row) => row['Seller SKU'] === sku)?.['Status'];
    expect(status('TEE-M')).toMatch(/^Not used: Safety Buffer holds "100%"/);
    expect(status('CAP-1')).toBe('OK');
  });

  it('an Offer % shown as 50% is a half; one shown as an amount (£0.50) holds its row', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'TEE-M', onHand: 10, amazonQty: 0, offer: '50%', buffer: 0 },
        { sku: 'MUG-1', onHand: 10, amazonQty: 0, offer: '£0.50', buffer: 0 },
      ],
      settings: { 'Push mode': 'auto' },
    });
    r.sync();
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['TEE-M', 5]]);
    const mug = r.openExceptions('MAPPING_INVALID').find((e) => String(e['Message']).includes('MUG-1'));
    expect(mug?.['Message']).toMatch(/Offer % holds "£0\.50", not a percentage/);
  });

  it('numbers shown with separators ("1,000") are the numbers they show', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 2000, amazonQty: 0, maxQty: '1,000', buffer: 1 }], settings: { 'Push mode': 'auto' } });
    r.sync();
    expect(r.openExceptions('MAPPING_INVALID')).toEqual([]);
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['TEE-M', 1000]]);
  });
});
