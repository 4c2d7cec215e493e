// Orders (search, paging, lifecycle, confirmShipment rules) and FBA inventory (every bucket,
// 50-SKU batches, the 30-second nextToken) through the client against the simulator.

import { describe, expect, it } from 'vitest';
import { SpApiError } from '../../src/amazon/errors';
import { makeHarness, ukSeed } from './harness';

const order = (n: number, over: object = {}) => ({
  orderId: `202-${String(1000000 + n)}-1234567`,
  created: `2026-11-01T0${n % 10}:00:00Z`,
  items: [{ sku: 'TEE-M', quantity: 1, orderItemId: `5000000000${n}` }],
  ...over,
});

describe('searchOrders', () => {
  it('filters by lastUpdatedAfter and fulfilledBy and pages with the token', () => {
    const h = makeHarness({ ...ukSeed, orders: [order(1), order(2), order(3), order(4, { fulfilledBy: 'AMAZON' }), order(5, { created: '2026-10-01T00:00:00Z' })] });
    const c = h.client();
    const q = { lastUpdatedAfter: '2026-10-31T00:00:00Z', fulfilledBy: ['MERCHANT' as const], maxResultsPerPage: 2 };
    const p1 = c.searchOrders(q);
    expect(p1.orders.map((o) => o.orderId)).toEqual(['202-1000001-1234567', '202-1000002-1234567']);
    // Two minutes before the call (Amazon's rule for *Before).
    expect(Date.parse(p1.lastUpdatedBefore!)).toBeLessThanOrEqual(h.clock.now() - 120_000);
    expect(Date.parse(p1.lastUpdatedBefore!)).toBeGreaterThan(h.clock.now() - 121_000);
    const p2 = c.searchOrders({ ...q, paginationToken: p1.pagination!.nextToken! });
    expect(p2.orders.map((o) => o.orderId)).toEqual(['202-1000003-1234567']);
    expect(p2.pagination?.nextToken).toBeUndefined();
    expect(p1.orders[0]!.orderItems[0]).toMatchObject({ orderItemId: '50000000001', quantityOrdered: 1, product: { sellerSku: 'TEE-M' } });
    expect(p1.orders[0]!.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
  });

  it('pagination tokens expire after 24 hours', () => {
    const h = makeHarness({ ...ukSeed, orders: [order(1), order(2)] });
    const c = h.client();
    const p1 = c.searchOrders({ lastUpdatedAfter: '2026-10-31T00:00:00Z', maxResultsPerPage: 1 });
    h.clock.advance(24 * 3_600_000 + 1000);
    expect(() => h.client().searchOrders({ lastUpdatedAfter: '2026-10-31T00:00:00Z', paginationToken: p1.pagination!.nextToken! })).toThrow(/expired/);
  });

  it('new and cancelled orders show up as updates', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    h.clock.advance(5 * 60_000);
    const cursor = h.clock.iso();
    h.sim.act({ action: 'newOrder', order: order(7) });
    h.sim.act({ action: 'cancelOrder', orderId: '202-1234567-1234567' });
    h.clock.advance(3 * 60_000);
    const got = c.searchOrders({ lastUpdatedAfter: cursor });
    expect(got.orders.map((o) => [o.orderId, o.fulfillment?.fulfillmentStatus])).toEqual([
      ['202-1000007-1234567', 'UNSHIPPED'],
      ['202-1234567-1234567', 'CANCELLED'],
    ]);
  });
});

describe('confirmShipment', () => {
  const pkg = { packageReferenceId: 1, carrierCode: 'Royal Mail', trackingNumber: 'TT123456789GB', shipDate: '2026-11-02T07:30:00Z', orderItems: [{ orderItemId: '11111111111111', quantity: 2 }] };

  it('answers 204, ships the order and records the confirmation', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    c.confirmShipment('202-1234567-1234567', pkg);
    expect(c.getOrder('202-1234567-1234567').fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    expect(h.sim.snapshot().confirmations).toMatchObject([{ orderId: '202-1234567-1234567', trackingNumber: 'TT123456789GB' }]);
    const body = JSON.parse(h.calls.find((r) => r.url.includes('shipmentConfirmation'))!.body);
    expect(body).toMatchObject({ marketplaceId: 'A1F83G8C2ARO7P', packageDetail: { packageReferenceId: '1', carrierCode: 'Royal Mail' } });
  });

  it('rejects an unknown carrier code and a cancelled order with 400', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    const e1 = catchErr(() => c.confirmShipment('202-1234567-1234567', { ...pkg, carrierCode: 'Royal-Mail' }));
    expect(e1).toBeInstanceOf(SpApiError);
    expect((e1 as SpApiError).status).toBe(400);
    h.sim.act({ action: 'cancelOrder', orderId: '202-1234567-1234567' });
    expect(() => c.confirmShipment('202-1234567-1234567', pkg)).toThrow(/cancelled/);
    expect(h.sim.snapshot().confirmations).toHaveLength(0);
  });

  it('refuses a non-numeric packageReferenceId and "Other" without a name before calling', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    expect(() => c.confirmShipment('202-1234567-1234567', { ...pkg, packageReferenceId: 'PKG-1' })).toThrow(/positive number/);
    expect(() => c.confirmShipment('202-1234567-1234567', { ...pkg, carrierCode: 'Other' })).toThrow(/carrierName/);
    expect(h.served('confirmShipment')).toHaveLength(0);
  });

  it('a lost confirmation is not repeated; the order shows it happened', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'confirmShipment', kind: 'lost_response' }]);
    const c = h.client();
    expect(() => c.confirmShipment('202-1234567-1234567', pkg)).toThrow(/may have been applied/);
    expect(h.served('confirmShipment')).toHaveLength(1);
    expect(c.getOrder('202-1234567-1234567').fulfillment?.fulfillmentStatus).toBe('SHIPPED');
  });
});

describe('FBA inventory', () => {
  it('returns every bucket, with sellable = fulfillable, not total', () => {
    const h = makeHarness(ukSeed);
    const [s] = h.client().getInventoryForSkus(['TEE-M-FBA']);
    expect(s!.inventoryDetails).toMatchObject({
      fulfillableQuantity: 40, inboundWorkingQuantity: 2, inboundShippedQuantity: 12, inboundReceivingQuantity: 1,
      reservedQuantity: { totalReservedQuantity: 3 }, unfulfillableQuantity: { totalUnfulfillableQuantity: 1 }, researchingQuantity: { totalResearchingQuantity: 0 },
    });
    expect(s!.totalQuantity).toBe(40 + 1 + 3 + 2 + 12 + 1);
    expect(s).toMatchObject({ sellerSku: 'TEE-M-FBA', fnSku: 'X00TEEM001', asin: 'B0TEE00001' });
    const url = new URL(h.calls.find((r) => r.url.includes('/summaries'))!.url);
    expect(url.searchParams.get('details')).toBe('true');
    expect(url.searchParams.get('granularityType')).toBe('Marketplace');
  });

  it('follows nextToken at once across pages; a token older than 30 s is refused', () => {
    const skus = Array.from({ length: 120 }, (_, i) => `F-${String(i).padStart(3, '0')}`);
    const h = makeHarness({ listings: skus.map((sku) => ({ sku, channel: 'FBA' as const, asin: 'B0X' })) });
    const c = h.client();
    expect(c.getInventoryForSkus()).toHaveLength(120);
    expect(h.served('getInventorySummaries')).toHaveLength(3);
    const first = c.getInventorySummaries();
    h.clock.advance(31_000);
    const e = catchErr(() => c.getInventorySummaries({ nextToken: first.nextToken! }));
    expect((e as SpApiError).status).toBe(400);
  });

  it('world action setFbaInventory changes what the next read sees', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'setFbaInventory', sku: 'TEE-M-FBA', fulfillable: 0, reserved: 5 });
    const [s] = h.client().getInventoryForSkus(['TEE-M-FBA']);
    expect(s!.inventoryDetails?.fulfillableQuantity).toBe(0);
    expect(s!.inventoryDetails?.inboundShippedQuantity).toBe(12);
    expect(h.sim.snapshot().listings.find((l) => l.sku === 'TEE-M-FBA')!.quantity).toBe(0);
  });
});

function catchErr(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
