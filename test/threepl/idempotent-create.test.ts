// The idempotent create contract against every fault: duplicate, lost response, timeout, 5xx,
// 429, an undecidable lookup, and a failing first lookup.
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/threepl/types';
import { intercept, mfnOrder, rig } from './harness';

const ordersFor = (r: ReturnType<typeof rig>, ref: string) => r.sim.snapshot().orders.filter((o) => o.reference === ref);

describe('createOutboundOrder: idempotent contract', () => {
  it('creates once, then adopts on a second call without posting again', () => {
    const r = rig();
    const first = r.adapter.createOutboundOrder(mfnOrder('202-0000001-0000001'));
    expect(first.status).toBe('created');
    expect(first.externalId).toMatch(/^\d+$/);
    const again = r.adapter.createOutboundOrder(mfnOrder('202-0000001-0000001'));
    expect(again).toMatchObject({ status: 'already_exists', externalId: first.externalId });
    expect(r.count('POST', '/order')).toBe(1);
    expect(ordersFor(r, '202-0000001-0000001')).toHaveLength(1);
  });

  it('sends the documented create body with the channel header', () => {
    const r = rig();
    r.adapter.createOutboundOrder(mfnOrder('202-0000001-0000002'));
    const post = r.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['shipbob_channel_id']).toBe('100001');
    expect(post.headers['authorization']).toBe('Bearer pat-test-token-0123456789');
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({ reference_id: '202-0000001-0000002', type: 'DTC', shipping_method: 'Standard', products: [{ reference_id: 'TEE-M', quantity: 2 }] });
    expect(body.recipient.address).toMatchObject({ address1: '1 High St', city: 'Leeds', country: 'GB', zip_code: 'LS1 1AA' });
  });

  it('adopts on the 422 duplicate when another writer got there between lookup and create', () => {
    const r = rig();
    let raced = false;
    intercept(r, (req, next) => {
      if (req.method === 'POST' && !raced) {
        raced = true;
        next(req); // a concurrent execution creates the same reference first
      }
      return next(req);
    });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000002-0000001'));
    expect(out.status).toBe('already_exists');
    expect(out.messages.join(' ')).toMatch(/Cannot insert order with existing ReferenceId/);
    expect(ordersFor(r, '202-0000002-0000001')).toHaveLength(1);
    expect(out.externalId).toBe(String(ordersFor(r, '202-0000002-0000001')[0]!.id));
  });

  it('adopts after a lost response (the order was created, the answer never came)', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-order', kind: 'lost_response' }] });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000003-0000001'));
    expect(out.status).toBe('already_exists');
    expect(r.count('POST', '/order')).toBe(1);
    expect(ordersFor(r, '202-0000003-0000001')).toHaveLength(1);
  });

  it('creates after a timeout that did not reach ShipBob (lookup says absent)', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-order', kind: 'timeout' }] });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000004-0000001'));
    expect(out.status).toBe('created');
    expect(r.count('POST', '/order')).toBe(2);
    expect(ordersFor(r, '202-0000004-0000001')).toHaveLength(1);
  });

  it.each(['500', '503'] as const)('treats a %s on create as a possible write: looks up, then creates once', (kind) => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-order', kind }] });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000005-0000001'));
    expect(out.status).toBe('created');
    expect(r.count('POST', '/order')).toBe(2);
    expect(ordersFor(r, '202-0000005-0000001')).toHaveLength(1);
  });

  it('adopts when the create answer is malformed', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-order', kind: 'malformed' }] });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000006-0000001'));
    expect(out.status).toBe('already_exists');
    expect(ordersFor(r, '202-0000006-0000001')).toHaveLength(1);
  });

  it('waits out a 429 on create and creates exactly once', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-order', kind: '429', times: 2 }] });
    const t0 = r.clock.now();
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000007-0000001'));
    expect(out.status).toBe('created');
    expect(r.count('POST', '/order')).toBe(3);
    expect(r.clock.now() - t0).toBeGreaterThanOrEqual(10_000); // 2 × x-retry-after 5 s
    expect(ordersFor(r, '202-0000007-0000001')).toHaveLength(1);
  });

  it('reports outcome_unknown, and never creates again, when the lookup after a lost response cannot decide', () => {
    const r = rig({
      faults: [
        { system: 'threePl', operation: 'create-order', kind: 'lost_response' },
        // The first lookup succeeds; every later one fails.
        { system: 'threePl', operation: 'get-orders', kind: '503', after: 1, times: 50 },
      ],
    });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000008-0000001'));
    expect(out.status).toBe('outcome_unknown');
    expect(out.messages.join(' ')).toMatch(/lookup by reference that followed could not answer/i);
    expect(r.count('POST', '/order')).toBe(1);
    expect(ordersFor(r, '202-0000008-0000001')).toHaveLength(1);
  });

  it('reports outcome_unknown when the lookup after a timeout times out too', () => {
    const r = rig({
      faults: [
        { system: 'threePl', operation: 'create-order', kind: 'timeout' },
        { system: 'threePl', operation: 'get-orders', kind: 'timeout', after: 1, times: 50 },
      ],
    });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000009-0000001'));
    expect(out.status).toBe('outcome_unknown');
    expect(r.count('POST', '/order')).toBe(1);
    // A create is sent once (never repeated blind), so its silence is not said to have survived retries; the lookup's is.
    const said = out.messages.join(' ');
    expect(said).toMatch(/ShipBob did not answer \(create-order\): /);
    expect(said).toMatch(/ShipBob did not answer \(get-orders\), even after retries: /);
  });

  it('sends nothing when the first lookup cannot decide', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'get-orders', kind: '500', times: 50 }] });
    expect(() => r.adapter.createOutboundOrder(mfnOrder('202-0000010-0000001'))).toThrow(AdapterError);
    expect(r.count('POST', '/order')).toBe(0);
    expect(ordersFor(r, '202-0000010-0000001')).toHaveLength(0);
  });

  it('rides out a transient 5xx on the lookup (reads are retried)', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'get-orders', kind: '503', times: 2 }] });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000011-0000001'));
    expect(out.status).toBe('created');
    expect(r.count('GET', '/order')).toBe(3);
  });

  it('gives up with outcome_unknown after two lost creates whose lookups say absent', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-order', kind: 'timeout', times: 5 }] });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-0000012-0000001'));
    expect(out.status).toBe('outcome_unknown');
    expect(r.count('POST', '/order')).toBe(2);
    expect(out.messages.join(" ")).toMatch(/^Create 1 got no usable answer \(.*\); a lookup by reference did not find it\. Create 2 .*Not created again after 2 tries/);
  });

  it('returns rejected with ShipBob field messages when ShipBob refuses the order', () => {
    const r = rig();
    // A location the account does not have: only ShipBob can tell.
    const out = r.adapter.createOutboundOrder({ ...mfnOrder('202-0000013-0000001'), warehouseHint: '99' });
    expect(out.status).toBe('rejected');
    expect(out.messages.join(' ')).toMatch(/LocationId: Location 99 is not available/);
    expect(r.count('POST', '/order')).toBe(1);
  });

  it('holds an order whose required field is empty, before sending, naming the field', () => {
    const r = rig();
    const req = mfnOrder('202-0000013-0000002');
    req.shipTo.city = '  ';
    const out = r.adapter.createOutboundOrder(req);
    expect(out.status).toBe('rejected');
    expect(out.messages).toEqual(['the ship-to city is empty (recipient.address.city is required)']);
    expect(r.count('POST', '/order')).toBe(0);
    expect(r.count('GET', '/order')).toBe(0);
  });

  it('rejects before sending what ShipBob would refuse (FBA without a location)', () => {
    const r = rig();
    const out = r.adapter.createOutboundOrder({ ...mfnOrder('FBA15ABCDEF'), kind: 'fba_replenishment' });
    expect(out.status).toBe('rejected');
    expect(r.count('POST', '/order')).toBe(0);
  });

  it('creates FBA replenishment orders with type FBA, location_id and shipping_terms', () => {
    const r = rig();
    const out = r.adapter.createOutboundOrder({
      ...mfnOrder('FBA15XYZ0001', [{ sku: 'TEE-L', quantity: 6 }]),
      kind: 'fba_replenishment',
      warehouseHint: '10',
      fba: { shipmentId: 'FBA15XYZ0001', destinationFc: 'BHX4', carrierType: 'parcel', labelsBy: 'merchant' },
    });
    expect(out.status).toBe('created');
    const body = JSON.parse(r.calls.find((c) => c.method === 'POST')!.body);
    expect(body).toMatchObject({ type: 'FBA', location_id: 10, shipping_terms: { carrier_type: 'Parcel', payment_term: 'MerchantResponsible' } });
    const found = r.adapter.findOrderByReference('FBA15XYZ0001');
    expect(found.kind === 'found' && found.order.kind).toBe('fba_replenishment');
  });

  it('throws AUTH on 401 and sends nothing', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'get-orders', kind: 'auth_expired' }] });
    expect(() => r.adapter.createOutboundOrder(mfnOrder('202-0000014-0000001'))).toThrow(/401/);
    expect(r.count('POST', '/order')).toBe(0);
  });
});
