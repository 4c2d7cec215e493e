// The Mintsoft adapter against the Mintsoft simulator: the 24-hour key and its renewal, static keys,
// stock summed over bin locations with the conservative pickable rule, the idempotent order create
// (Success:false duplicates adopted, lost answers looked up), cancellation, the tracking ledger,
// ASNs and returns. Sources as in simulator.test.ts.

import { describe, expect, it } from 'vitest';
import { MINTSOFT_SESSION_KEY } from '../../../src/threepl/mintsoft/http';
import { pickable } from '../../../src/threepl/mintsoft/stock';
import { AdapterError } from '../../../src/threepl/types';
import { order, rig, USER } from './harness';

describe('the key: POST /api/Auth, kept 24 hours, renewed once on a 401', () => {
  it('logs in once and reuses the key in the next execution (a key lasts 24 hours: help-mintsoft 11600570)', () => {
    const r = rig();
    r.adapter.listWarehouses();
    r.newAdapter().listWarehouses();
    expect(r.count('POST', '/api/Auth')).toBe(1);
    expect(r.store.get(MINTSOFT_SESSION_KEY)).toContain('"key"');
  });

  it('logs in again, once, when the key has expired, and the call goes through', () => {
    const r = rig();
    r.adapter.listWarehouses();
    // The stored record still looks young (its clock is ours), but Mintsoft has expired the key: the 401 path.
    for (const k of r.sim.state.keys.keys()) r.sim.state.keys.set(k, r.clock.now());
    expect(r.newAdapter().listWarehouses().map((w) => w.id)).toEqual(['10', '11']);
    expect(r.count('POST', '/api/Auth')).toBe(2);
    expect(r.log.lines.join('\n')).toMatch(/key refused \(401\); logging in again/);
  });

  it('renews a key that is nearly 24 hours old before using it', () => {
    const r = rig();
    r.adapter.listWarehouses();
    r.clock.advance(23 * 3600_000 + 40 * 60_000);
    r.newAdapter().listWarehouses();
    expect(r.count('POST', '/api/Auth')).toBe(2);
    expect(r.count('GET', '/api/Warehouse')).toBe(2);
  });

  it('stops with AUTH after one fresh login is refused too, and never quotes the password', () => {
    const r = rig({ credentials: { username: USER.username, password: 'wrong-password-123' } });
    const err = (() => {
      try {
        r.adapter.listWarehouses();
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).code).toBe('AUTH');
    expect(String((err as Error).message)).not.toContain('wrong-password-123');
  });

  it('uses a static key as it is, never logging in ("API Key to Never Expire")', () => {
    const r = rig({ seed: { staticKeys: ['static-key-0001'] }, credentials: { apiKey: 'static-key-0001' } });
    r.clock.advance(40 * 24 * 3600_000);
    expect(r.newAdapter({ apiKey: 'static-key-0001' }).listWarehouses()).toHaveLength(2);
    expect(r.count('POST', '/api/Auth')).toBe(0);
  });

  it('retries a Cloudflare 429 page (no documented limit; DISCOVERY.md) and gets the answer', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'GET /api/Warehouse', kind: '429', times: 2 }] });
    expect(r.adapter.listWarehouses()).toHaveLength(2);
    expect(r.count('GET', '/api/Warehouse')).toBe(3);
  });
});

describe('the login is repeated like a read: it only issues a key', () => {
  it('waits out a Cloudflare 429 on POST /api/Auth and logs in (one refusal there failed the whole run)', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'POST /api/Auth', kind: '429', times: 2 }] });
    expect(r.adapter.listWarehouses()).toHaveLength(2);
    expect(r.count('POST', '/api/Auth')).toBe(3);
    expect(r.log.lines.join('\n')).toMatch(/auth: 429, retry after 5s/);
  });

  it('repeats a login that got a 5xx or no answer', () => {
    const r = rig({
      faults: [
        { system: 'threePl', operation: 'POST /api/Auth', kind: '503', times: 1 },
        { system: 'threePl', operation: 'POST /api/Auth', kind: 'timeout', times: 1 },
      ],
    });
    expect(r.adapter.listWarehouses()).toHaveLength(2);
    expect(r.count('POST', '/api/Auth')).toBe(3);
  });

  it('never repeats a refused login (401): the credentials are wrong', () => {
    const r = rig({ credentials: { username: USER.username, password: 'wrong-password-123' } });
    expect(() => r.adapter.listWarehouses()).toThrow(/refused the username and password/);
    expect(r.count('POST', '/api/Auth')).toBe(1);
  });
});

describe('stock: rows per bin summed; pickable never above what can be picked', () => {
  it('sums the bins of a SKU per warehouse and computes pickable as StockLevel, capped by OnHand − Allocated − InQuarantine', () => {
    const r = rig();
    const lines = r.adapter.getStock({ skus: ['TEE-M', 'TEE-L', 'MUG', 'GIFT-SET'] });
    const at = (sku: string, wh: string) => lines.find((l) => l.sku === sku && l.warehouseId === wh);
    expect(at('TEE-M', '10')).toMatchObject({ onHand: 25, allocated: 3, available: 22, unknown: false });
    expect(at('TEE-M', '11')).toMatchObject({ onHand: 4, available: 4 });
    // Quarantine is subtracted even though Mintsoft's StockLevel already leaves it out: the smaller reading wins.
    expect(at('TEE-L', '10')).toMatchObject({ onHand: 10, onHold: 2, available: 8 });
    // No inventory record, and bundles never listed: unknown, never zero.
    expect(lines.filter((l) => l.unknown).map((l) => l.sku).sort()).toEqual(['GIFT-SET', 'MUG']);
  });

  it('takes the smaller of the two readings and never goes below zero', () => {
    expect(pickable(10, 8, 0, 0)).toBe(8);
    expect(pickable(5, 20, 2, 0)).toBe(5);
    expect(pickable(null, 20, 2, 3)).toBe(15);
    expect(pickable(-4, 2, 6, 0)).toBe(0);
  });

  it('reads the same lines a page at a time (500 rows a page) as in one go', () => {
    const products = Array.from({ length: 620 }, (_, i) => ({ sku: `S${i}`, name: `S${i}` }));
    const r = rig({ seed: { products, inventory: products.map((p, i) => ({ sku: p.sku, warehouse: 10, onHand: i % 7, allocated: 0 })) } });
    const pages = r.adapter.stockPages!();
    const chunks: string[] = [];
    let cursor: string | null = null;
    do {
      const p = pages.next(cursor);
      chunks.push(p.chunk);
      cursor = p.cursor;
    } while (cursor);
    expect(chunks).toHaveLength(2);
    expect(pages.assemble(chunks)).toEqual(r.adapter.getStock().map((l) => ({ ...l, asOf: expect.any(String) })));
  });
});

describe('orders: the idempotent create', () => {
  it('creates once, then adopts on a second create of the same Amazon order', () => {
    const r = rig();
    const first = r.adapter.createOutboundOrder(order('202-1111111-1111111'));
    expect(first.status).toBe('created');
    const again = r.newAdapter().createOutboundOrder(order('202-1111111-1111111'));
    expect(again).toMatchObject({ status: 'already_exists', externalId: first.externalId });
    expect(r.sim.state.orders).toHaveLength(1);
  });

  it('adopts an order whose create answer was lost, never creating it twice', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'PUT /api/Order', kind: 'lost_response' }] });
    const out = r.adapter.createOutboundOrder(order('202-2222222-2222222'));
    expect(out.status).toBe('already_exists');
    expect(r.sim.state.orders).toHaveLength(1);
    expect(r.count('PUT', '/api/Order')).toBe(1);
  });

  it('treats a Success:false duplicate in an HTTP 200 as "already there" and adopts it (the search lagging behind)', () => {
    const r = rig();
    r.adapter.createOutboundOrder(order('202-3333333-3333333'));
    // The first lookup misses (Search not yet showing it), the create is refused as a duplicate, the second lookup finds it.
    const sim = r.sim;
    const real = sim.searchOrders.bind(sim);
    let calls = 0;
    sim.searchOrders = (c) => (++calls === 1 ? { status: 200, headers: {}, body: '[]' } : real(c));
    const out = r.newAdapter().createOutboundOrder(order('202-3333333-3333333'));
    expect(out.status).toBe('already_exists');
    expect(out.messages.join(' ')).toMatch(/Duplicate/);
    expect(r.sim.state.orders).toHaveLength(1);
  });

  it('reports a Success:false refusal (unknown SKU) as rejected with Mintsoft\'s message: HTTP 200 is not success', () => {
    const r = rig();
    const out = r.adapter.createOutboundOrder(order('202-4444444-4444444', [{ sku: 'NOPE', quantity: 1 }]));
    expect(out).toMatchObject({ status: 'rejected', messages: [expect.stringMatching(/NOPE' not found/)] });
  });

  it('holds an order without a postcode or a warehouse before sending anything', () => {
    const r = rig({ locations: [] });
    const req = order('202-5555555-5555555');
    req.shipTo.postcode = '';
    const out = r.adapter.createOutboundOrder(req);
    expect(out.status).toBe('rejected');
    expect(out.messages.join(' ')).toMatch(/PostCode is required.*3PL locations/);
    expect(r.calls).toHaveLength(0);
  });

  it('sends nothing when the first lookup cannot decide (a 503 from Cloudflare)', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'GET /api/Order/Search', kind: '503', times: 10 }] });
    expect(() => r.adapter.createOutboundOrder(order('202-6666666-6666666'))).toThrow(/nothing was sent/);
    expect(r.count('PUT', '/api/Order')).toBe(0);
  });
});

describe('orders: status, cancellation, despatch and tracking', () => {
  it('shows an order not yet despatched with one open shipment, so the orders job cancels it at Mintsoft', () => {
    const r = rig();
    const id = r.adapter.createOutboundOrder(order('202-7777777-7777777')).externalId!;
    const o = r.adapter.getOrder(id)!;
    expect(o).toMatchObject({ status: 'processing', rawStatus: 'NEW' });
    // Without this shipment the orders job (jobs/orders/cancel.ts) saw nothing open and never called Cancel.
    expect(o.shipments).toEqual([expect.objectContaining({ externalId: id, status: 'processing', trackingNumbers: [] })]);
    expect(r.adapter.cancelOrder(id, 'Cancelled on Amazon').status).toBe('cancelled');
    expect(r.adapter.getOrder(id)!.status).toBe('cancelled');
    // A repeat (an earlier answer lost) finds it cancelled already.
    expect(r.adapter.cancelOrder(id, 'again').status).toBe('cancelled');
  });

  it('cannot cancel a despatched order, and says what Mintsoft said', () => {
    const r = rig();
    const id = r.adapter.createOutboundOrder(order('202-8888888-8888888')).externalId!;
    r.clock.advance(2 * 3600_000 + 1000);
    const out = r.adapter.cancelOrder(id, 'late');
    expect(out).toMatchObject({ status: 'not_cancellable', messages: [expect.stringMatching(/despatched/)] });
  });

  it('lists a despatched order once for confirmation, then not again after it is marked; the ledger stays small', () => {
    const r = rig();
    const ids = ['202-1000001-0000001', '202-1000002-0000002'].map((ref) => r.adapter.createOutboundOrder(order(ref)).externalId!);
    r.clock.advance(3 * 3600_000);
    const un = r.newAdapter();
    const listed = un.listUnsyncedShipments();
    expect(listed.map((u) => u.shipment.externalId).sort()).toEqual([...ids].sort());
    expect(listed[0]!.shipment).toMatchObject({ status: 'shipped', carrier: 'Royal Mail Tracked 48', trackingNumbers: [expect.stringMatching(/^RM/)] });
    un.markShipmentsSynced([ids[0]!]);
    expect(r.newAdapter().listUnsyncedShipments().map((u) => u.shipment.externalId)).toEqual([ids[1]]);
    const next = r.newAdapter();
    next.listUnsyncedShipments();
    next.markShipmentsSynced([ids[1]!]);
    expect(r.newAdapter().listUnsyncedShipments()).toEqual([]);
    expect(r.store.get('threepl.mintsoft.tracking')!.length).toBeLessThan(200);
  });

  it('keeps the tracking ledger under a property value\'s 9 KB while an unconfirmed despatch holds the watermark back', () => {
    const products = [{ sku: 'TEE-M', name: 'Tee M' }];
    const r = rig({ seed: { products, inventory: [{ sku: 'TEE-M', warehouse: 10, onHand: 5000 }], behaviour: { despatchAfter: '1m' } } });
    // One despatch nobody confirms (another tool's order), then many that are confirmed.
    r.adapter.createOutboundOrder(order('OTHER-TOOL-1'));
    const refs = Array.from({ length: 700 }, (_, i) => `202-${String(3000000 + i)}-0000001`);
    for (const ref of refs) r.adapter.createOutboundOrder(order(ref));
    r.clock.advance(5 * 60_000);
    const a = r.newAdapter();
    const listed = a.listUnsyncedShipments();
    expect(listed).toHaveLength(701);
    a.markShipmentsSynced(listed.filter((u) => u.order.primaryReference !== 'OTHER-TOOL-1').map((u) => u.shipment.externalId));
    expect(r.store.get('threepl.mintsoft.tracking')!.length).toBeLessThan(9 * 1024);
    // Nothing confirmed is offered again; the oldest waiting despatch fell behind the watermark (ORDER_STUCK covers it).
    const again = r.newAdapter().listUnsyncedShipments().map((u) => u.order.primaryReference);
    expect(again.filter((ref) => ref !== 'OTHER-TOOL-1')).toEqual([]);
  });

  it('reads changes since the cursor and moves the cursor back by the overlap', () => {
    const r = rig();
    r.adapter.createOutboundOrder(order('202-1212121-1212121'));
    const before = r.clock.now();
    const page = r.adapter.listOrdersChangedSince(null);
    expect(page.complete).toBe(true);
    expect(page.orders.map((o) => o.primaryReference)).toEqual(['202-1212121-1212121']);
    expect(Date.parse(page.nextCursor)).toBe(before - 65 * 60_000);
  });
});

describe('inbound: ASNs for removals, external returns', () => {
  it('creates an ASN once with the tracking numbers in Comments, and finds it by reference and by tracking number', () => {
    const r = rig();
    const req = { reference: 'REM-0001', trackingNumbers: ['1Z999'], lpns: [], expectedDate: '2026-11-09T00:00:00Z', warehouseId: '10', lines: [{ sku: 'MUG', quantity: 6 }], kind: 'removal' as const };
    const first = r.adapter.createInboundReceipt(req);
    expect(first.status).toBe('created');
    expect(r.newAdapter().createInboundReceipt(req).status).toBe('already_exists');
    expect(r.sim.state.asns).toHaveLength(1);
    r.sim.act({ action: 'receive', reference: 'REM-0001' });
    const [found] = r.adapter.findInbound({ trackingNumber: '1Z999' });
    expect(found).toMatchObject({ objectType: 'asn', reference: 'REM-0001', status: 'completed', lines: [{ sku: 'MUG', expected: 6, received: 6 }] });
  });

  it('creates an external return and reads it back', () => {
    const r = rig();
    const out = r.adapter.createInboundReceipt({ reference: 'RMA-1', trackingNumbers: [], lpns: [], expectedDate: '2026-11-09T00:00:00Z', warehouseId: '10', lines: [{ sku: 'TEE-M', quantity: 1 }], kind: 'return' });
    expect(out.status).toBe('created');
    expect(r.adapter.findInbound({ reference: 'RMA-1' })).toEqual([expect.objectContaining({ objectType: 'return', status: 'expected' })]);
  });

  it('says plainly that Mintsoft has no charges API', () => {
    const r = rig();
    expect(r.adapter.capabilities().billingApi).toBe(false);
    expect(() => r.adapter.listCharges({ from: '2026-11-01', to: '2026-11-02' })).toThrow(/no charges API/);
  });
});
