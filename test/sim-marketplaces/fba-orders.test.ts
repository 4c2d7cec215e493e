// FBA stock per marketplace and Pan-European FBA (getInventorySummaries, fbaInventory.json:
// granularityType Marketplace, granularityId and one marketplaceIds), and orders taking their units
// from the SKU's FBM quantity where they are placed.
// Pan-EU: "With Pan-EU programme enabled, operation: 'getInventorySummaries' returns the same values
// for each EU marketplace - a sum of inventory quantities from all the EU marketplaces (except the
// UK...)" (amzn/selling-partner-api-models#452; sp-api.md §3.1 Gotchas).

import { describe, expect, it } from 'vitest';
import { DE, FR, IT, rawWorld, UK } from './raw-sp';
import { panEu, ukDeFr } from './seed';

// getInventorySummaries is paced at 2 requests a second, burst 2 (fbaInventory.json): a second between calls.
function summaries(w: ReturnType<typeof rawWorld>, mp: string, granularityId = mp) {
  w.wait(1000);
  return w.call('GET', `/fba/inventory/v1/summaries?details=true&granularityType=Marketplace&granularityId=${granularityId}&marketplaceIds=${mp}`);
}
const fulfillable = (w: ReturnType<typeof rawWorld>, mp: string) =>
  summaries(w, mp).json.payload.inventorySummaries.map((s: any) => [s.sellerSku, s.inventoryDetails.fulfillableQuantity, s.inventoryDetails.inboundShippedQuantity]);

describe('getInventorySummaries per marketplace', () => {
  it("gives each marketplace's own FBA stock without Pan-EU", () => {
    const w = rawWorld(ukDeFr);
    expect(fulfillable(w, UK)).toEqual([['BAG-FBA', 10, 0]]);
    expect(fulfillable(w, DE)).toEqual([['BAG-FBA', 20, 4]]);
    expect(fulfillable(w, FR)).toEqual([['BAG-FBA', 6, 0]]);
    expect(summaries(w, DE).json.payload.granularity).toEqual({ granularityType: 'Marketplace', granularityId: DE });
  });

  it('refuses a marketplace the seller does not sell in, and a granularityId that is not the marketplace asked', () => {
    const w = rawWorld(ukDeFr);
    expect(summaries(w, IT).status).toBe(400);
    expect(summaries(w, DE, UK).status).toBe(400);
  });

  it('with Pan-EU, every Pan-EU marketplace gives the one pooled figure and the UK its own', () => {
    const w = rawWorld(panEu);
    expect(fulfillable(w, DE)).toEqual([['BAG-FBA', 26, 4]]);
    expect(fulfillable(w, FR)).toEqual([['BAG-FBA', 26, 4]]);
    expect(fulfillable(w, UK)).toEqual([['BAG-FBA', 10, 0]]);
    // A change to the pool shows in all of them.
    w.h.sim.act({ action: 'setFbaInventory', sku: 'BAG-FBA', marketplace: 'FR', fulfillable: 25 });
    expect(fulfillable(w, DE)).toEqual([['BAG-FBA', 25, 4]]);
    expect(fulfillable(w, UK)).toEqual([['BAG-FBA', 10, 0]]);
  });

  it('setFbaInventory without Pan-EU changes the named marketplace only', () => {
    const w = rawWorld(ukDeFr);
    w.h.sim.act({ action: 'setFbaInventory', sku: 'BAG-FBA', marketplace: 'DE', fulfillable: 2 });
    expect(fulfillable(w, DE)).toEqual([['BAG-FBA', 2, 4]]);
    expect(fulfillable(w, FR)).toEqual([['BAG-FBA', 6, 0]]);
    expect(() => w.h.sim.act({ action: 'setFbaInventory', sku: 'MUG-DE', marketplace: 'UK', fulfillable: 2 })).toThrow(/"MUG-DE" is not an FBA listing/);
    expect(() => w.h.sim.act({ action: 'setFbaInventory', sku: 'BAG-FBA', marketplace: 'IT', fulfillable: 2 })).toThrow(/"IT" is not one of the seller's marketplaces/);
  });
});

// "Amazon systems automatically decreases inventory counts when an order is placed" (Amazon Seller
// Support blog, state.ts placeOrder); the count is the seller SKU's in every marketplace it is listed
// in (Seller Central help 200663530; amzn/selling-partner-api-models#4356; state.ts fbmPool).
describe('orders per marketplace', () => {
  const order = (orderId: string, marketplace: string, sku: string, quantity: number) => ({ action: 'newOrder', order: { orderId, marketplace, items: [{ sku, quantity }] } });
  const quantities = (w: ReturnType<typeof rawWorld>) => w.h.sim.snapshot().listings.filter((l) => l.channel === 'FBM').map((l) => `${l.marketplace ?? 'UK'} ${l.sku} ${l.quantity}`);

  it("an order in DE takes its units from the DE listing's FBM quantity, and a cancellation gives them back", () => {
    const w = rawWorld(ukDeFr);
    w.h.sim.act(order('302-0000001-0000001', 'DE', 'MUG-DE', 3));
    expect(quantities(w)).toEqual(['UK TEE-M 5', 'UK CAP-UK 4', 'DE TEE-M 5', 'DE MUG-DE 4']);
    w.h.sim.act({ action: 'cancelOrder', orderId: '302-0000001-0000001' });
    expect(quantities(w)).toEqual(['UK TEE-M 5', 'UK CAP-UK 4', 'DE TEE-M 5', 'DE MUG-DE 7']);
  });

  it("an order in DE for a SKU also listed in the UK lowers the SKU's one quantity, which both show", () => {
    const w = rawWorld(ukDeFr);
    w.h.sim.act(order('302-0000002-0000001', 'DE', 'TEE-M', 2));
    expect(quantities(w)).toEqual(['UK TEE-M 3', 'UK CAP-UK 4', 'DE TEE-M 3', 'DE MUG-DE 7']);
    // The DE order is priced from the DE listing, in euros.
    const placed = w.call('GET', '/orders/2026-01-01/orders/302-0000002-0000001');
    expect(placed.json.order.orderItems[0].product.price.unitPrice).toEqual({ amount: '12.00', currencyCode: 'EUR' });
  });
});
