// Packages of merchant orders: what confirmShipment records and how getOrder(PACKAGES) shows it
// (OrderPackage in orders_2026-01-01.json), the look-up after a lost confirmation, the refusals
// (reused packageReferenceId, items already shipped, FBA orders), the MERCHANT filter, and the
// packages in world.json.

import { describe, expect, it } from 'vitest';
import { SpApiError } from '../../src/amazon/errors';
import type { PackageDetail } from '../../src/amazon/orders';
import { makeHarness, ukSeed } from './harness';

const ORDER = '202-2000000-0000001';
const twoLines = {
  ...ukSeed,
  orders: [
    {
      orderId: ORDER,
      created: '2026-11-01T10:00:00Z',
      items: [
        { sku: 'TEE-M', quantity: 2, orderItemId: '30000000000001' },
        { sku: 'TEE-L', quantity: 1, orderItemId: '30000000000002' },
      ],
    },
    { orderId: '202-2000000-0000002', created: '2026-11-01T11:00:00Z', fulfilledBy: 'AMAZON' as const, items: [{ sku: 'TEE-M-FBA', quantity: 1, orderItemId: '30000000000003' }] },
  ],
};

const pkg = (ref: number, items: PackageDetail['orderItems'], over: Partial<PackageDetail> = {}): PackageDetail => ({
  packageReferenceId: ref,
  carrierCode: 'Royal Mail',
  shippingMethod: 'Tracked 48',
  trackingNumber: `RM${ref}00000GB`,
  shipDate: '2026-11-02T07:30:00Z',
  orderItems: items,
  ...over,
});

function rejection(f: () => unknown): SpApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof SpApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('packages after confirmShipment', () => {
  it('none before the first confirmation, then one per package with its items', () => {
    const h = makeHarness(twoLines);
    const c = h.client();
    expect(c.getOrder(ORDER, ['PACKAGES']).packages).toBeUndefined();

    c.confirmShipment(ORDER, pkg(1, [{ orderItemId: '30000000000001', quantity: 1 }]));
    const partial = c.getOrder(ORDER, ['PACKAGES']);
    expect(partial.fulfillment?.fulfillmentStatus).toBe('PARTIALLY_SHIPPED');
    expect(partial.packages).toEqual([
      {
        packageReferenceId: '1',
        createdTime: expect.stringMatching(/^2026-11-02T08:0\d:\d\d\.\d{3}Z$/),
        packageStatus: { status: 'SHIPPED' },
        carrier: 'Royal Mail',
        shippingService: 'Tracked 48',
        trackingNumber: 'RM100000GB',
        shipTime: '2026-11-02T07:30:00.000Z',
        packageItems: [{ orderItemId: '30000000000001', quantity: 1 }],
      },
    ]);

    h.clock.advance(60_000);
    c.confirmShipment(ORDER, pkg(2, [{ orderItemId: '30000000000001', quantity: 1 }, { orderItemId: '30000000000002', quantity: 1 }], { carrierCode: 'Other', carrierName: 'Bob Couriers', shippingMethod: undefined }));
    const done = c.getOrder(ORDER, ['PACKAGES']);
    expect(done.fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    expect(done.orderItems.map((i) => i.fulfillment)).toEqual([
      { quantityFulfilled: 2, quantityUnfulfilled: 0 },
      { quantityFulfilled: 1, quantityUnfulfilled: 0 },
    ]);
    expect(done.packages?.map((p) => [p.packageReferenceId, p.carrier, p.shippingService, p.packageItems])).toEqual([
      ['1', 'Royal Mail', 'Tracked 48', [{ orderItemId: '30000000000001', quantity: 1 }]],
      ['2', 'Bob Couriers', undefined, [{ orderItemId: '30000000000001', quantity: 1 }, { orderItemId: '30000000000002', quantity: 1 }]],
    ]);
    // Only with PACKAGES.
    expect(c.getOrder(ORDER).packages).toBeUndefined();
  });

  it('after a lost answer, the order already holds the package with that reference and its items', () => {
    const h = makeHarness(twoLines, [{ system: 'amazon', operation: 'confirmShipment', kind: 'lost_response', times: 1 }]);
    const c = h.client();
    const p = pkg(41, [{ orderItemId: '30000000000002', quantity: 1 }]);
    expect(() => c.confirmShipment(ORDER, p)).toThrow(/may have been applied/);
    const seen = c.getOrder(ORDER, ['PACKAGES']).packages?.find((x) => x.packageReferenceId === '41');
    expect(seen).toMatchObject({ trackingNumber: 'RM4100000GB', packageItems: [{ orderItemId: '30000000000002', quantity: 1 }] });
    // Sending it again is refused, so a blind retry cannot ship twice.
    expect(rejection(() => c.confirmShipment(ORDER, p)).status).toBe(400);
    expect(h.sim.snapshot().confirmations.map((x) => x.packageReferenceId)).toEqual(['41']);
  });
});

describe('confirmShipment refusals', () => {
  it('a reused packageReferenceId is refused even for units still to ship', () => {
    const h = makeHarness(twoLines);
    const c = h.client();
    c.confirmShipment(ORDER, pkg(1, [{ orderItemId: '30000000000001', quantity: 1 }]));
    const e = rejection(() => c.confirmShipment(ORDER, pkg(1, [{ orderItemId: '30000000000002', quantity: 1 }])));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/already used/);
    expect(c.getOrder(ORDER, ['PACKAGES']).packages).toHaveLength(1);
  });

  it('units already shipped are refused, line by line and once the order has shipped', () => {
    const h = makeHarness(twoLines);
    const c = h.client();
    c.confirmShipment(ORDER, pkg(1, [{ orderItemId: '30000000000002', quantity: 1 }]));
    expect(rejection(() => c.confirmShipment(ORDER, pkg(2, [{ orderItemId: '30000000000002', quantity: 1 }]))).message).toMatch(/Invalid quantity/);
    c.confirmShipment(ORDER, pkg(3, [{ orderItemId: '30000000000001', quantity: 2 }]));
    expect(rejection(() => c.confirmShipment(ORDER, pkg(4, [{ orderItemId: '30000000000001', quantity: 1 }]))).message).toMatch(/SHIPPED/);
    expect(h.sim.snapshot().confirmations).toHaveLength(2);
  });

  it('an order fulfilled by Amazon is never confirmable and never has packages', () => {
    const h = makeHarness(twoLines);
    const c = h.client();
    expect(rejection(() => c.confirmShipment('202-2000000-0000002', pkg(1, [{ orderItemId: '30000000000003', quantity: 1 }]))).message).toMatch(/fulfilled by Amazon/);
    expect(c.getOrder('202-2000000-0000002', ['PACKAGES']).packages).toBeUndefined();
    expect(h.sim.snapshot().confirmations).toHaveLength(0);
  });
});

describe('searchOrders fulfilledBy', () => {
  it('MERCHANT leaves out the orders Amazon fulfils, AMAZON keeps only those', () => {
    const h = makeHarness(twoLines);
    const c = h.client();
    const ids = (by: Array<'MERCHANT' | 'AMAZON'> | undefined) => c.searchOrders({ createdAfter: '2026-10-01T00:00:00Z', fulfilledBy: by }).orders.map((o) => o.orderId);
    expect(ids(['MERCHANT'])).toEqual([ORDER]);
    expect(ids(['AMAZON'])).toEqual(['202-2000000-0000002']);
    expect(ids(undefined)).toEqual([ORDER, '202-2000000-0000002']);
    const sent = h.calls.filter((r) => r.url.includes('/orders/2026-01-01/orders?')).map((r) => new URL(r.url).searchParams.get('fulfilledBy'));
    expect(sent).toEqual(['MERCHANT', 'AMAZON', null]);
  });
});

describe('world.json', () => {
  it('lists each order with its packages and their items, and no personal data', () => {
    const h = makeHarness(twoLines);
    const c = h.client();
    c.confirmShipment(ORDER, pkg(1, [{ orderItemId: '30000000000001', quantity: 2 }]));
    c.confirmShipment(ORDER, pkg(2, [{ orderItemId: '30000000000002', quantity: 1 }], { carrierCode: 'DPD' }));
    const snap = h.sim.snapshot();
    const o = snap.orders.find((x) => x.orderId === ORDER)!;
    expect(o.status).toBe('SHIPPED');
    expect(o.packages).toEqual([
      { packageReferenceId: '1', carrierCode: 'Royal Mail', trackingNumber: 'RM100000GB', items: [{ orderItemId: '30000000000001', quantity: 2 }] },
      { packageReferenceId: '2', carrierCode: 'DPD', trackingNumber: 'RM200000GB', items: [{ orderItemId: '30000000000002', quantity: 1 }] },
    ]);
    expect(snap.orders.find((x) => x.orderId === '202-2000000-0000002')!.packages).toEqual([]);
    expect(snap.confirmations.map((x) => [x.orderId, x.packageReferenceId])).toEqual([[ORDER, '1'], [ORDER, '2']]);
    const name = c.getOrder(ORDER, ['RECIPIENT']).recipient!.deliveryAddress!.name!;
    expect(JSON.stringify(snap)).not.toContain(name);
  });
});
