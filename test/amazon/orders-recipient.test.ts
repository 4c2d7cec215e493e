// Buyer and delivery address on Orders v2026-01-01: what each includedData dataset adds, the seeded
// and the generated recipient, which personal data Amazon withholds (order status, FBA, phone after
// delivery), and that every such answer validates against Amazon's model.

import { describe, expect, it } from 'vitest';
import type { AmazonSectionInput } from '../world/amazon/scenario';
import { makeHarness, ukSeed, type Harness } from './harness';
import { validateDefinition } from './swagger-schema';

const UK = 'A1F83G8C2ARO7P';
const ALL = 'BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT,FULFILLMENT_ORDERS';

const seeded = {
  name: 'Ada Lovelace',
  companyName: 'Analytical Engines Ltd',
  addressLine1: '12 St James Square',
  addressLine2: 'Second floor',
  addressLine3: 'Rear entrance',
  city: 'London',
  stateOrRegion: 'England',
  postalCode: 'SW1Y 4JH',
  countryCode: 'GB',
  phone: '+44 20 7946 0000',
};

/** The one item of `order(id)`: its id is the order's last seven digits and "01". */
const itemId = (orderId: string) => `${orderId.slice(-7)}01`;

const order = (id: string, over: object = {}) => ({
  orderId: id,
  created: '2026-11-01T10:00:00Z',
  items: [{ sku: 'TEE-M', quantity: 1, orderItemId: itemId(id) }],
  ...over,
});

const seed = (orders: object[]): AmazonSectionInput => ({ ...ukSeed, orders: [...(ukSeed.orders ?? []), ...orders] as AmazonSectionInput['orders'] });

/** One GET on the SP-API host with a live token, bypassing the client (which always adds FULFILLMENT). */
function rawGet(h: Harness, pathAndQuery: string): { status: number; body: Record<string, unknown> } {
  const has = () => h.calls.find((r) => r.headers['x-amz-access-token'])?.headers['x-amz-access-token'];
  if (!has()) h.client().getReports({ reportTypes: ['X'] }); // obtains an access token through the client
  const token = has()!;
  const url = `https://sellingpartnerapi-eu.amazon.com${pathAndQuery}`;
  const res = h.network.handlerFor(url)!({ method: 'GET', url, headers: { 'x-amz-access-token': token }, body: '', bodyBytes: new Uint8Array() });
  if ('timeout' in res) throw new Error('timeout');
  return { status: res.status, body: JSON.parse(String(res.body)) as Record<string, unknown> };
}

describe('includedData decides what an order carries', () => {
  it('without includedData: basic information only (no fulfillment, buyer, recipient or packages)', () => {
    const h = makeHarness(ukSeed);
    const r = rawGet(h, '/orders/2026-01-01/orders/202-1234567-1234567');
    expect(r.status).toBe(200);
    const o = r.body.order as Record<string, unknown>;
    expect(Object.keys(o).sort()).toEqual(['createdTime', 'lastUpdatedTime', 'orderId', 'orderItems', 'programs', 'salesChannel']);
    const item = (o.orderItems as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(item).sort()).toEqual(['orderItemId', 'product', 'quantityOrdered']);
    expect(validateDefinition('orders2026', 'GetOrderResponse', r.body)).toEqual([]);

    const s = rawGet(h, `/orders/2026-01-01/orders?marketplaceIds=${UK}&createdAfter=2026-10-01T00:00:00Z`);
    expect((s.body.orders as Array<Record<string, unknown>>)[0]).not.toHaveProperty('fulfillment');
    expect((s.body.orders as Array<Record<string, unknown>>)[0]).not.toHaveProperty('recipient');
  });

  it('each dataset adds only its own attributes', () => {
    const h = makeHarness(ukSeed);
    const get = (inc: string) => rawGet(h, `/orders/2026-01-01/orders/202-1234567-1234567?includedData=${inc}`).body.order as Record<string, unknown>;
    const fulfillment = get('FULFILLMENT');
    expect(fulfillment.fulfillment).toMatchObject({ fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT', shipByWindow: { latestDateTime: '2026-11-03T23:59:59Z' } });
    expect((fulfillment.orderItems as Array<Record<string, unknown>>)[0]!.fulfillment).toEqual({ quantityFulfilled: 0, quantityUnfulfilled: 2 });
    expect(fulfillment).not.toHaveProperty('recipient');
    expect(fulfillment).not.toHaveProperty('buyer');
    const recipient = get('RECIPIENT');
    expect(recipient).toHaveProperty('recipient.deliveryAddress');
    expect(recipient).not.toHaveProperty('buyer');
    expect(recipient).not.toHaveProperty('fulfillment');
    const buyer = get('BUYER');
    expect(buyer).toHaveProperty('buyer.buyerName');
    expect(buyer).not.toHaveProperty('recipient');
  });

  it('the client always asks for FULFILLMENT, and for what the caller adds', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    const plain = c.getOrder('202-1234567-1234567');
    expect(plain.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    expect(plain.recipient).toBeUndefined();
    expect(plain.buyer).toBeUndefined();
    c.getOrder('202-1234567-1234567', ['RECIPIENT', 'FULFILLMENT']);
    c.searchOrders({ createdAfter: '2026-10-01T00:00:00Z', includedData: ['BUYER'] });
    const sent = h.calls.filter((r) => r.url.includes('/orders/2026-01-01/')).map((r) => new URL(r.url).searchParams.get('includedData'));
    expect(sent).toEqual(['FULFILLMENT', 'RECIPIENT,FULFILLMENT', 'BUYER,FULFILLMENT']);
  });
});

describe('recipient and buyer', () => {
  it('a seeded recipient and buyer come back as given, through searchOrders and getOrder', () => {
    const h = makeHarness(seed([order('203-0000001-0000001', { recipient: seeded, buyer: { buyerName: 'A. King', buyerEmail: 'q1w2e3@marketplace.amazon.co.uk' } })]));
    const c = h.client();
    const o = c.getOrder('203-0000001-0000001', ['RECIPIENT', 'BUYER']);
    expect(o.recipient?.deliveryAddress).toEqual(seeded);
    expect(o.buyer).toEqual({ buyerName: 'A. King', buyerEmail: 'q1w2e3@marketplace.amazon.co.uk' });
    const page = c.searchOrders({ createdAfter: '2026-10-01T00:00:00Z', includedData: ['RECIPIENT', 'BUYER'] });
    expect(page.orders.find((x) => x.orderId === '203-0000001-0000001')?.recipient?.deliveryAddress).toEqual(seeded);
  });

  it('without a seeded one, a fake UK recipient is made from the order id, the same every time', () => {
    const a = makeHarness(ukSeed).client().getOrder('202-1234567-1234567', ['RECIPIENT', 'BUYER']);
    const b = makeHarness(ukSeed).client().getOrder('202-1234567-1234567', ['RECIPIENT', 'BUYER']);
    const addr = a.recipient!.deliveryAddress!;
    expect(b.recipient?.deliveryAddress).toEqual(addr);
    expect(addr).toMatchObject({ name: 'Buyer 4567', countryCode: 'GB', addressLine1: expect.stringMatching(/^\d+ Example Street$/) });
    expect(addr.city).toMatch(/\S/);
    expect(addr.postalCode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
    expect(addr.phone).toMatch(/^\+44 7700 900\d{3}$/);
    // The buyer is the recipient unless seeded otherwise; the e-mail is an anonymized relay address.
    expect(a.buyer).toEqual({ buyerName: 'Buyer 4567', buyerEmail: expect.stringMatching(/^[a-z0-9]+@marketplace\.amazon\.co\.uk$/) });
    const other = makeHarness(seed([order('203-7654321-7654322')])).client().getOrder('203-7654321-7654322', ['RECIPIENT']);
    expect(other.recipient?.deliveryAddress?.name).toBe('Buyer 4322');
    expect(other.recipient?.deliveryAddress).not.toEqual(addr);
  });

  it('a seeded buyer name alone keeps the generated e-mail; a seeded recipient names the buyer', () => {
    const h = makeHarness(seed([order('203-0000002-0000002', { buyer: { buyerName: 'Grace Hopper' } }), order('203-0000003-0000003', { recipient: seeded })]));
    const c = h.client();
    expect(c.getOrder('203-0000002-0000002', ['BUYER']).buyer).toEqual({ buyerName: 'Grace Hopper', buyerEmail: expect.stringMatching(/@marketplace\.amazon\.co\.uk$/) });
    expect(c.getOrder('203-0000003-0000003', ['BUYER']).buyer?.buyerName).toBe('Ada Lovelace');
  });

  it('the world action newOrder takes recipient and buyer too', () => {
    const h = makeHarness(ukSeed);
    h.sim.act({ action: 'newOrder', order: order('204-0000001-0000001', { recipient: { ...seeded, phone: undefined }, buyer: { buyerEmail: 'zz9@marketplace.amazon.co.uk' } }) });
    const o = h.client().getOrder('204-0000001-0000001', ['RECIPIENT', 'BUYER']);
    expect(o.recipient?.deliveryAddress).toEqual({ ...seeded, phone: undefined });
    expect(o.recipient?.deliveryAddress).not.toHaveProperty('phone');
    expect(o.buyer).toEqual({ buyerName: 'Ada Lovelace', buyerEmail: 'zz9@marketplace.amazon.co.uk' });
    expect(() => h.sim.act({ action: 'newOrder', order: order('204-0000002-0000002', { recipient: { ...seeded, countryCode: 'United Kingdom' } }) })).toThrow(/two-letter/);
  });

  it('PENDING and CANCELLED orders: no buyer and only the non-personal parts of the address', () => {
    const h = makeHarness(seed([order('203-0000004-0000004', { status: 'PENDING', recipient: seeded }), order('203-0000005-0000005', { recipient: seeded })]));
    h.sim.act({ action: 'cancelOrder', orderId: '203-0000005-0000005' });
    const c = h.client();
    for (const id of ['203-0000004-0000004', '203-0000005-0000005']) {
      const o = c.getOrder(id, ['RECIPIENT', 'BUYER']);
      expect(o.buyer, id).toBeUndefined();
      expect(o.recipient?.deliveryAddress, id).toEqual({ companyName: seeded.companyName, city: 'London', stateOrRegion: 'England', countryCode: 'GB' });
    }
  });

  it('FBA orders: no phone and no buyer e-mail', () => {
    const h = makeHarness(seed([order('203-0000006-0000006', { fulfilledBy: 'AMAZON', status: 'SHIPPED', recipient: seeded })]));
    const o = h.client().getOrder('203-0000006-0000006', ['RECIPIENT', 'BUYER', 'PACKAGES']);
    expect(o.recipient?.deliveryAddress).toEqual({ ...seeded, phone: undefined });
    expect(o.recipient?.deliveryAddress).not.toHaveProperty('phone');
    expect(o.buyer).toEqual({ buyerName: 'Ada Lovelace' });
    expect(o.packages).toBeUndefined();
  });

  it('the phone of a shipped merchant order disappears once the latest delivery date has passed', () => {
    const h = makeHarness(seed([order('203-0000007-0000007', { recipient: seeded, latestDeliveryDate: '2026-11-05T23:59:59Z' })]));
    const c = h.client();
    // A fresh client each time: one client's run budget is an hour and the clock jumps days.
    const phone = () => h.client().getOrder('203-0000007-0000007', ['RECIPIENT']).recipient?.deliveryAddress?.phone;
    expect(phone()).toBe(seeded.phone);
    c.confirmShipment('203-0000007-0000007', { packageReferenceId: 1, carrierCode: 'Royal Mail', trackingNumber: 'RM1', shipDate: '2026-11-02T07:00:00Z', orderItems: [{ orderItemId: itemId('203-0000007-0000007'), quantity: 1 }] });
    expect(phone()).toBe(seeded.phone);
    expect(c.getOrder('203-0000007-0000007').fulfillment?.deliverByWindow).toEqual({ latestDateTime: '2026-11-05T23:59:59Z' });
    h.clock.advance(4 * 24 * 3_600_000);
    expect(phone()).toBeUndefined();
    expect(h.client().getOrder('203-0000007-0000007', ['RECIPIENT']).recipient?.deliveryAddress?.addressLine1).toBe(seeded.addressLine1);
  });

  it('items carry their unit price: the seeded one, else the listing price', () => {
    const h = makeHarness({
      ...ukSeed,
      listings: [...ukSeed.listings!, { sku: 'MUG', channel: 'FBM', asin: 'B0MUG00001', quantity: 9, price: 7.5 }],
      orders: [order('203-0000008-0000008', { items: [{ sku: 'MUG', quantity: 1, orderItemId: '1' }, { sku: 'TEE-M', quantity: 1, orderItemId: '2', price: 12 }] })],
    });
    const o = h.client().getOrder('203-0000008-0000008');
    expect(o.orderItems.map((i) => i.product?.price?.unitPrice)).toEqual([
      { amount: '7.50', currencyCode: 'GBP' },
      { amount: '12.00', currencyCode: 'GBP' },
    ]);
  });
});

describe("answers with every dataset validate against Amazon's model", () => {
  it('getOrder and searchOrders for merchant, FBA, pending, cancelled, shipped and generated-recipient orders', () => {
    const h = makeHarness(
      seed([
        order('203-0000011-0000011', { recipient: seeded, buyer: { buyerName: 'A. King' }, earliestDeliveryDate: '2026-11-04T00:00:00Z', latestDeliveryDate: '2026-11-06T23:59:59Z' }),
        order('203-0000012-0000012', { fulfilledBy: 'AMAZON', status: 'SHIPPED' }),
        order('203-0000013-0000013', { status: 'PENDING' }),
        order('203-0000014-0000014', { status: 'CANCELLED' }),
      ]),
    );
    h.client().confirmShipment('203-0000011-0000011', { packageReferenceId: 7, carrierCode: 'Other', carrierName: 'Bob Couriers', shippingMethod: 'Next day', trackingNumber: 'BC1', shipDate: '2026-11-02T07:00:00Z', orderItems: [{ orderItemId: itemId('203-0000011-0000011'), quantity: 1 }] });
    for (const id of ['202-1234567-1234567', '203-0000011-0000011', '203-0000012-0000012', '203-0000013-0000013', '203-0000014-0000014']) {
      const r = rawGet(h, `/orders/2026-01-01/orders/${id}?includedData=${ALL}`);
      expect(r.status).toBe(200);
      expect(validateDefinition('orders2026', 'GetOrderResponse', r.body), id).toEqual([]);
    }
    const s = rawGet(h, `/orders/2026-01-01/orders?marketplaceIds=${UK}&createdAfter=2026-10-01T00:00:00Z&includedData=${ALL}`);
    expect((s.body.orders as unknown[]).length).toBe(5);
    expect(validateDefinition('orders2026', 'SearchOrdersResponse', s.body)).toEqual([]);
    const shipped = (s.body.orders as Array<Record<string, unknown>>).find((o) => o.orderId === '203-0000011-0000011')!;
    expect(shipped).toHaveProperty('packages');
    expect(shipped).toHaveProperty('recipient.deliveryAddress.phone');
    expect(shipped).toHaveProperty('fulfillment.deliverByWindow');
    // The client parses the same answers.
    const parsed = h.client().searchOrders({ createdAfter: '2026-10-01T00:00:00Z', includedData: ALL.split(',') });
    expect(parsed.orders.find((o) => o.orderId === '203-0000011-0000011')?.packages?.[0]?.carrier).toBe('Bob Couriers');
  });
});
