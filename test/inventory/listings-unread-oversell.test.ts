// While Amazon's listings cannot be read (an error on every read, a report that never finishes) the
// stock sync pushes nothing; when the 3PL stock it did read falls below what Amazon last showed, less
// the units sold since, that is a High OFFER_UNMANAGED in that very run, not hours later as
// STOCK_SYNC_TIMEOUT. Sales since the last read do not raise it: they lower Amazon and the 3PL alike.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const offers = () => [
  { sku: 'TEE-M', onHand: 25, buffer: 3 },
  { sku: 'MUG-1', onHand: 10, buffer: 0 },
];

/** A first run that pushes and reads; then Amazon's listings stop answering. */
function synced(): InventoryRun {
  const r = new InventoryRun({ offers: offers(), amazonBehaviour: { patchApplyDelay: '0s' } });
  r.sync();
  r.advance('10m');
  expect(r.sync().outcome).toBe('ok');
  expect(r.amazonQty('TEE-M')).toBe(22);
  r.run.faults.add({ system: 'amazon', operation: 'searchListingsItems', kind: '500', times: 1000 });
  return r;
}

const unmanaged = (r: InventoryRun) => r.openExceptions('OFFER_UNMANAGED');

describe('Amazon listings unreadable while the 3PL stock falls', () => {
  it('raises High OFFER_UNMANAGED for the offer Amazon still shows above what the 3PL can pick', () => {
    const r = synced();
    r.setStock('SB-TEE-M', 4);
    r.advance('10m');
    const run = r.sync();
    expect(run.outcome).toBe('failed');
    const open = unmanaged(r);
    expect(open.map((e) => e['Key'])).toEqual(['OFFER_UNMANAGED:UK:TEE-M']);
    expect(open[0]!['Severity']).toBe('High');
    expect(open[0]!['Message']).toMatch(/showed 22 units .*of Seller SKU TEE-M/);
    expect(open[0]!['Message']).toMatch(/can pick only 4 of 3PL SKU SB-TEE-M/);
    expect(open[0]!['Message']).toMatch(/listings could not be read/);

    // Amazon answers again: the sync lowers the offer and the problem resolves itself.
    r.run.faults.clear();
    r.advance('10m');
    r.sync();
    r.advance('10m');
    r.sync();
    expect(r.amazonQty('TEE-M')).toBe(1);
    expect(unmanaged(r)).toEqual([]);
    r.assertInvariants();
  });

  it('says nothing when sales since the last read lowered Amazon and the 3PL alike', () => {
    const r = synced();
    // 20 units sold on Amazon, not yet at the 3PL: Amazon shows 2, the 3PL can pick 25 - 20 = 5.
    r.amazon('newOrder', { order: { orderId: '202-0000000-0000077', items: [{ sku: 'TEE-M', quantity: 20 }] } });
    r.advance('10m');
    r.sync();
    expect(unmanaged(r)).toEqual([]);
  });

  it('a feed Amazon took but no getFeed answers for: a sell-out after it is a High too', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Feed threshold': 1 } });
    expect(r.sync().message).toMatch(/submitted to Amazon/);
    // Amazon processes the feed (TEE-M 22, MUG-1 10), then never answers getFeed again.
    r.run.faults.add({ system: 'amazon', operation: 'getFeed', kind: 'malformed', times: 1000 });
    r.setStock('SB-TEE-M', 4);
    r.advance('10m');
    expect(r.sync().outcome).toBe('failed');
    expect(r.amazonQty('TEE-M')).toBe(22);
    const open = unmanaged(r);
    expect(open.map((e) => e['Key'])).toEqual(['OFFER_UNMANAGED:UK:TEE-M']);
    expect(open[0]!['Message']).toMatch(/showed 22 units .*the stock push sent to Amazon could not be followed \(Amazon getFeed/);
    expect(open[0]!['Message']).not.toMatch(/request id/);
  });
});

