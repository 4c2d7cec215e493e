// Orders that arrive between a push and the next run, end to end in the local world. Amazon takes a
// merchant order's units off the FBM quantity when it is placed, PENDING included (Seller Central
// help G40571, https://sellercentral.amazon.com/gp/help/external/G40571), and puts a cancelled
// order's units back (Amazon Seller Support blog, "Reason for cancellation",
// http://www.amazonsellersupportblog.com/2011/03/reason-for-cancellation-inside-cancelling-an-order.html);
// the simulator does both (test/world/amazon/state.ts). The read-back must take those moves for
// what they are, and the proposal must keep the ordered units off the offer.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const SEEDED = '202-3000000-0000001';

function world(): InventoryRun {
  return new InventoryRun({
    offers: [
      // Each is pushed up by a little on the first run (default buffer 1).
      { sku: 'A-1', onHand: 10, amazonQty: 8 },
      { sku: 'B-1', onHand: 7, amazonQty: 5 },
      { sku: 'C-1', onHand: 8, amazonQty: 4 },
    ],
    // Placed before the run began: Amazon's 4 for C-1 already has its unit off.
    orders: [{ orderId: SEEDED, items: [{ sku: 'C-1', quantity: 1 }] }],
  });
}

describe('read-back with orders since the push', () => {
  it('a sale, a PENDING order and a cancellation between runs are applied pushes, never STOCK_PUSH_NOT_APPLIED or drift', () => {
    const r = world();
    r.sync();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['A-1=9', 'B-1=6', 'C-1=6']);
    r.advance('20m');
    r.amazon('newOrder', { order: { orderId: '202-3000000-0000002', items: [{ sku: 'A-1', quantity: 2 }] } });
    r.amazon('newOrder', { order: { orderId: '202-3000000-0000003', status: 'PENDING', items: [{ sku: 'B-1', quantity: 2 }] } });
    r.amazon('cancelOrder', { orderId: SEEDED });
    expect([r.amazonQty('A-1'), r.amazonQty('B-1'), r.amazonQty('C-1')]).toEqual([7, 4, 7]);
    // searchOrders shows orders two minutes after they are placed.
    r.advance('5m');

    const second = r.sync();
    expect(second.outcome).toBe('ok');
    // All three read back as applied; the rows then show "unchanged", as nothing needs pushing now.
    for (const sku of ['A-1', 'B-1', 'C-1']) expect(r.inventoryRow(sku)!['Push State'], sku).toBe('unchanged');
    expect(r.exceptions('STOCK_PUSH_NOT_APPLIED')).toEqual([]);
    expect(r.exceptions('INVENTORY_DRIFT')).toEqual([]);
    expect(second.counts).toMatchObject({ applied: 3, notApplied: 0, unsentOrders: 2 });

    // The proposal keeps the ordered units off, the PENDING ones included: (7 − 2) − 1 = 4 is what
    // Amazon already shows, so nothing is pushed; pushing 6 would offer units the 3PL owes a buyer.
    expect(r.inventoryRow('B-1')).toMatchObject({ 'Unsent Orders': '2', 'Proposed FBM Qty': '4' });
    expect(r.inventoryRow('A-1')).toMatchObject({ 'Unsent Orders': '2', 'Proposed FBM Qty': '7' });
    // The cancelled order no longer holds stock: 8 − 1 = 7, as Amazon shows after putting it back.
    expect(r.inventoryRow('C-1')).toMatchObject({ 'Unsent Orders': '0', 'Proposed FBM Qty': '7' });
    expect(r.writes()).toHaveLength(3);

    // Later runs compare Amazon with the last push less what sold since: still no drift.
    r.advance('20m');
    r.sync();
    expect(r.exceptions('INVENTORY_DRIFT')).toEqual([]);
    expect(r.writes()).toHaveLength(3);
    r.assertInvariants();
  });

  it('Amazon still above pushed − ordered is a push not applied, orders or not', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 6, amazonQty: 9 }],
      faults: [{ system: 'amazon', operation: 'patchListingsItem', kind: 'not_applied', times: 1 }],
    });
    r.sync();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}:${w.outcome}`)).toEqual(['A-1=5:not_applied']);
    r.advance('20m');
    r.amazon('newOrder', { order: { orderId: '202-3000000-0000004', items: [{ sku: 'A-1', quantity: 1 }] } });
    r.advance('5m');
    r.sync();
    const na = r.openExceptions('STOCK_PUSH_NOT_APPLIED');
    expect(na.map((e) => e['Key'])).toEqual(['STOCK_PUSH_NOT_APPLIED:UK:A-1']);
    expect(na[0]!['Message']).toMatch(/accepted quantity 5 .* still shows 8 \(1 unit\(s\) ordered since\)/);
    // Pushed again from the 3PL figure less the unsent order: (6 − 1) − 1 = 4.
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}:${w.outcome}`)).toEqual(['A-1=5:not_applied', 'A-1=4:applied']);
    r.assertInvariants();
  });
});
