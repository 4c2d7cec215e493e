// A stock run that leaves Amazon offering more than the 3PL can pick (OFFER_UNMANAGED: an unticked row,
// an unmapped listing, a change waiting for approval) says so in its Sync Log message: "No FBM quantity
// needed to change." alone, beside a High problem, would tell people the stock is fine.

import { describe, expect, it } from 'vitest';
import { MAX_UNMANAGED_ROWS } from '../../src/core/inventory/unmanaged';
import { InventoryRun } from './builder';

describe('a run that leaves an offer overselling', () => {
  it('names OFFER_UNMANAGED in the Sync Log message; once the offer is set again the note is gone', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 25, buffer: 3 }, { sku: 'MUG-1', onHand: 10, buffer: 0 }], amazonBehaviour: { patchApplyDelay: '0s' } });
    expect(r.sync().outcome).toBe('ok');
    r.edit('SKU Map', { 'Seller SKU': 'TEE-M' }, { Active: false });
    r.setStock('SB-TEE-M', 6);
    r.advance('10m');
    const run = r.sync();
    expect(r.openExceptions('OFFER_UNMANAGED').map((e) => e['Key'])).toEqual(['OFFER_UNMANAGED:UK:TEE-M']);
    expect(run.message).toMatch(/1 offer\(s\) show more than ShipBob can pick and the sync does not set them \(see Exceptions, OFFER_UNMANAGED\)\./);
    expect(r.syncLog().at(-1)!['Message']).toBe(run.message);

    r.edit('SKU Map', { 'Seller SKU': 'TEE-M' }, { Active: true });
    r.advance('10m');
    r.sync();
    r.advance('10m');
    const after = r.sync();
    expect(r.openExceptions('OFFER_UNMANAGED')).toEqual([]);
    expect(after.message).not.toMatch(/OFFER_UNMANAGED/);
  });
});

describe('a run that leaves more offers overselling than the Exceptions tab names one by one', () => {
  it('counts every offer in its message, not only the rows named before the one that stands for the rest', () => {
    const n = MAX_UNMANAGED_ROWS + 12;
    // Unticked rows: the sync does not set them, and Amazon shows 9 of stock the 3PL holds 2 of.
    const offers = Array.from({ length: n }, (_, i) => ({ sku: `SKU-${String(i).padStart(3, '0')}`, onHand: 2, amazonQty: 9, active: false }));
    const r = new InventoryRun({ offers });
    const run = r.sync();
    const open = r.openExceptions('OFFER_UNMANAGED');
    expect(open).toHaveLength(MAX_UNMANAGED_ROWS);
    expect(open.at(-1)!['Entity']).toBe(`${n - MAX_UNMANAGED_ROWS + 1} more FBM offers`);
    expect(run.message).toContain(`${n} offer(s) show more than ShipBob can pick`);
  });
});
