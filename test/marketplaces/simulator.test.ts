// The Amazon simulator serving several marketplaces of one region with one token (issue 17):
// getMarketplaceParticipations lists them (Sellers API v1,
// https://developer-docs.amazon.com/sp-api/docs/sellers-api-v1-reference), orders carry the
// marketplaceId they were placed in and searchOrders selects by marketplaceIds
// (orders_2026-01-01.json), confirmShipment takes the order's own marketplaceId (ordersV0.json
// ConfirmShipmentRequest), and a marketplace the seller does not sell in is refused with 403
// Unauthorized "Access to requested resource is denied." (amzn/selling-partner-api-models#5126).

import { describe, expect, it } from 'vitest';
import { SpApiError } from '../../src/amazon/errors';
import { makeHarness } from '../amazon/harness';

const UK = 'A1F83G8C2ARO7P';
const DE = 'A1PA6795UKMFR9';
const FR = 'A13V1IB3VIYZZH';
const IT = 'APJ6JRA9NG5V4';

const seed = {
  marketplace: 'UK',
  marketplaces: ['DE', 'FR'],
  sellerId: 'A2SELLER',
  listings: [{ sku: 'TEE-M', channel: 'FBM' as const, asin: 'B0TEE00001', quantity: 5, price: 10 }],
  orders: [
    { orderId: '202-1000001-0000001', created: '2026-11-02T07:00:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] },
    { orderId: '302-2000001-0000001', marketplace: 'DE', created: '2026-11-02T07:10:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] },
    { orderId: '402-3000001-0000001', marketplace: 'amazon.fr', created: '2026-11-02T07:20:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] },
  ],
};

const refused = (f: () => unknown): SpApiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SpApiError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('Amazon simulator: several marketplaces with one token', () => {
  it('lists every marketplace the seller participates in, the main one first', () => {
    const h = makeHarness(seed);
    const p = h.client().getMarketplaceParticipations();
    expect(p.map((x) => x.marketplaceId)).toEqual([UK, DE, FR]);
    expect(p.every((x) => x.isParticipating)).toBe(true);
  });

  it('answers one searchOrders over several marketplaceIds with each order carrying its own marketplace and currency', () => {
    const h = makeHarness(seed);
    const page = h.client().searchOrders({ createdAfter: '2026-11-01T00:00:00Z', marketplaceIds: [UK, DE] });
    expect(page.orders.map((o) => [o.orderId, o.salesChannel.marketplaceId, o.salesChannel.marketplaceName])).toEqual([
      ['202-1000001-0000001', UK, 'Amazon.co.uk'],
      ['302-2000001-0000001', DE, 'Amazon.de'],
    ]);
    expect(page.orders[1]!.orderItems[0]!.product?.price?.unitPrice?.currencyCode).toBe('EUR');
    // Without marketplaceIds the client asks for its own marketplace only.
    expect(h.client().searchOrders({ createdAfter: '2026-11-01T00:00:00Z' }).orders.map((o) => o.orderId)).toEqual(['202-1000001-0000001']);
  });

  it('refuses a marketplace the seller does not sell in, as Amazon does', () => {
    const h = makeHarness(seed);
    const e = refused(() => h.client().searchOrders({ createdAfter: '2026-11-01T00:00:00Z', marketplaceIds: [UK, IT] }));
    expect(e.status).toBe(403);
    expect(e.code).toBe('Unauthorized');
    expect(() => makeHarness({ ...seed, orders: [{ orderId: '502-4000001-0000001', marketplace: 'IT', items: [{ sku: 'TEE-M', quantity: 1 }] }] })).toThrow(/not one of the seller's marketplaces/);
  });

  it("confirms a shipment only with the order's own marketplaceId", () => {
    const h = makeHarness({ ...seed, carrierCodes: ['DHL', 'Royal Mail', 'Other'] });
    const pkg = { packageReferenceId: '1', carrierCode: 'DHL', trackingNumber: 'T1', shipDate: '2026-11-02T09:00:00Z', orderItems: [] as Array<{ orderItemId: string; quantity: number }> };
    const order = h.client().getOrder('302-2000001-0000001');
    pkg.orderItems = [{ orderItemId: order.orderItems[0]!.orderItemId, quantity: 1 }];
    expect(refused(() => h.client().confirmShipment('302-2000001-0000001', pkg)).status).toBe(400);
    h.client().confirmShipment('302-2000001-0000001', pkg, DE);
    expect(h.sim.snapshot().confirmations.map((c) => c.orderId)).toEqual(['302-2000001-0000001']);
  });
});
