// Merchant orders move the FBM (DEFAULT) quantity in the simulator as they do on Amazon:
// - placing an order takes its units off at once, PENDING included: "Amazon systems automatically
//   decreases inventory counts when an order is placed" (Amazon Seller Support blog, "Preventing
//   Stock-outs", http://www.amazonsellersupportblog.com/2010/06/-preventing-stockouts.html); for a
//   Pending order "The quantity available for the listing is subtracted from your quantity in Manage
//   Inventory" (Seller Central help G40571, https://sellercentral.amazon.com/gp/help/external/G40571);
// - a cancellation puts the unshipped units back, except one cancelled for "No Inventory" (Amazon
//   Seller Support blog, "Reason for cancellation",
//   http://www.amazonsellersupportblog.com/2011/03/reason-for-cancellation-inside-cancelling-an-order.html).

import { describe, expect, it } from 'vitest';
import { makeHarness, ukSeed } from './harness';

const order = (n: number, items: Array<{ sku: string; quantity: number }>, over: object = {}) => ({ orderId: `202-${String(2000000 + n)}-7654321`, items, ...over });

function fbmQty(h: ReturnType<typeof makeHarness>, sku: string): number | undefined {
  const item = h.client().getListingsItem(sku, ['fulfillmentAvailability']);
  return item.fulfillmentAvailability?.find((f) => f.fulfillmentChannelCode === 'DEFAULT')?.quantity;
}

describe('merchant orders and the FBM quantity', () => {
  it('seeded orders are already in the seeded quantity; a new order takes its units off at once', () => {
    const h = makeHarness(ukSeed);
    // The seed has an unshipped order of 2 TEE-M: the listing still shows the seeded 5.
    expect(fbmQty(h, 'TEE-M')).toBe(5);
    h.sim.act({ action: 'newOrder', order: order(1, [{ sku: 'TEE-M', quantity: 2 }]) });
    expect(fbmQty(h, 'TEE-M')).toBe(3);
    expect(h.sim.snapshot().listings.find((l) => l.sku === 'TEE-M')!.quantity).toBe(3);
  });

  it('a PENDING order (payment not yet authorised) holds its units too', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'newOrder', order: order(2, [{ sku: 'TEE-M', quantity: 1 }], { status: 'PENDING' }) });
    expect(fbmQty(h, 'TEE-M')).toBe(4);
    // Payment authorised: the units were already taken, nothing changes.
    h.sim.act({ action: 'setOrderStatus', orderId: order(2, []).orderId, status: 'UNSHIPPED' });
    expect(fbmQty(h, 'TEE-M')).toBe(4);
  });

  it('never below 0; FBA orders and other SKUs leave the FBM quantity alone', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'newOrder', order: order(3, [{ sku: 'TEE-M', quantity: 9 }]) });
    h.sim.act({ action: 'newOrder', order: order(4, [{ sku: 'TEE-M-FBA', quantity: 1 }], { fulfilledBy: 'AMAZON' }) });
    expect(fbmQty(h, 'TEE-M')).toBe(0);
    expect(fbmQty(h, 'TEE-L')).toBe(0);
    expect(h.sim.snapshot().listings.find((l) => l.sku === 'TEE-M-FBA')!.quantity).toBe(40);
  });

  it('a cancelled order puts its units back; "No Inventory" does not', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'newOrder', order: order(5, [{ sku: 'TEE-M', quantity: 2 }]) });
    h.sim.act({ action: 'newOrder', order: order(6, [{ sku: 'TEE-M', quantity: 1 }]) });
    expect(fbmQty(h, 'TEE-M')).toBe(2);
    h.sim.act({ action: 'cancelOrder', orderId: order(5, []).orderId });
    expect(fbmQty(h, 'TEE-M')).toBe(4);
    h.sim.act({ action: 'cancelOrder', orderId: order(6, []).orderId, reason: 'NoInventory' });
    expect(fbmQty(h, 'TEE-M')).toBe(4);
    // Cancelling again changes nothing; a seeded order gives back the units Amazon held for it.
    h.sim.act({ action: 'cancelOrder', orderId: order(5, []).orderId });
    h.sim.act({ action: 'setOrderStatus', orderId: '202-1234567-1234567', status: 'CANCELLED' });
    expect(fbmQty(h, 'TEE-M')).toBe(6);
    expect(() => h.sim.act({ action: 'cancelOrder', orderId: order(5, []).orderId, reason: 'Whatever' })).toThrow();
  });

  it('a partly shipped order gives back only its unshipped units', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'newOrder', order: order(7, [{ sku: 'TEE-M', quantity: 3 }]) });
    const id = order(7, []).orderId;
    const itemId = h.client().getOrder(id).orderItems[0]!.orderItemId;
    h.client().confirmShipment(id, { packageReferenceId: 1, carrierCode: 'Royal Mail', trackingNumber: 'TT1GB', shipDate: '2026-11-02T08:00:00Z', orderItems: [{ orderItemId: itemId, quantity: 1 }] });
    expect(fbmQty(h, 'TEE-M')).toBe(2);
    h.sim.act({ action: 'cancelOrder', orderId: id });
    expect(fbmQty(h, 'TEE-M')).toBe(4);
  });
});
