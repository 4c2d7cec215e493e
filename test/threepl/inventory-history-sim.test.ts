// The ShipBob simulator's inventory history (POST /{version}/inventory/history:query, spec 2026-01
// query-inventory-history, brianzinn/shipbob-node-sdk openapi-2026-01.json; absent from
// openapi-2025-07.json): which world changes log which event, and the request rules of
// FulfillmentCenterInventoryService.MerchantHistoryRequest ("Maximum range is 90 days").
import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../world/faults';
import { HISTORY_PAGE_SIZE } from '../world/shipbob/routes-history';
import { SEEDED_PRODUCT_AGE_MS } from '../world/shipbob/state';
import { BASE_SEED, mfnOrder, rig } from './harness';

type Rig = ReturnType<typeof rig>;
type Event = {
  inventory_audit_event_id: number;
  inventory_id: number;
  event_category: string;
  event_datetime: string;
  shipbob_order_id: number | null;
  decrement: Record<string, unknown> | null;
  increment: Record<string, unknown> | null;
};
type Page = { data: Event[]; first: string | null; prev: string | null; next: string | null; last: string | null };

function call(r: Rig, method: 'GET' | 'POST', path: string, body?: unknown, version = '2026-01'): { status: number; body: unknown } {
  const handler = r.network.handlerFor('https://api.shipbob.com/')!;
  const url = path.startsWith('/20') ? `https://api.shipbob.com${path}` : `https://api.shipbob.com/${version}${path}`;
  const res = handler({ method, url, headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body), bodyBytes: new Uint8Array() });
  if ('timeout' in res) throw new Error('timeout');
  const text = String(res.body);
  return { status: res.status, body: text.startsWith('{') || text.startsWith('[') ? (JSON.parse(text) as unknown) : text };
}

function history(r: Rig, body: Record<string, unknown>, path = '/inventory/history:query'): Page {
  const res = call(r, 'POST', path, body);
  expect(res.status).toBe(200);
  return res.body as Page;
}

const inventoryId = (r: Rig, sku: string) => r.sim.state.products.get(sku)!.inventoryId;
const orderId = (r: Rig, ref: string) => r.sim.state.orderByReference(ref)!.id;

describe('ShipBob simulator: inventory history events', () => {
  it('an order that is created and commits stock logs nothing; shipping it logs OrderPicked with the order id at the ship time', () => {
    const r = rig({ seed: { behaviour: { carrier: 'Royal Mail', service: 'Tracked 48' } } });
    expect(r.adapter.createOutboundOrder(mfnOrder('R1')).status).toBe('created');
    r.clock.advance(60_000);
    // Committing stock changes no on-hand quantity: ShipBob's history does not list it.
    expect(history(r, { facility_id: 10 }).data).toEqual([]);
    const shipAt = r.clock.iso();
    r.sim.act({ action: 'ship', reference: 'R1' });
    const [e, ...rest] = history(r, { facility_id: 10 }).data;
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ inventory_id: inventoryId(r, 'TEE-M'), event_category: 'OrderPicked', event_datetime: shipAt, shipbob_order_id: orderId(r, 'R1'), increment: null });
    expect(e!.decrement).toMatchObject({ facility_id: 10, sku: 'TEE-M', quantity_change: -2, committed_quantity_change: -2 });
    expect(history(r, { facility_id: 11 }).data).toEqual([]);
  });

  it('automatic shipping (shipAfter) logs OrderPicked at the time it shipped, not when it is asked about', () => {
    const r = rig();
    r.adapter.createOutboundOrder(mfnOrder('R2'));
    const created = r.sim.state.orderByReference('R2')!.createdAt;
    r.clock.advance(5 * 3600_000);
    const [e] = history(r, { facility_id: 10 }).data;
    expect(e).toMatchObject({ event_category: 'OrderPicked', shipbob_order_id: orderId(r, 'R2') });
    // behaviour.shipAfter is 2h in BASE_SEED.
    expect(Date.parse(e!.event_datetime)).toBe(created + 2 * 3600_000);
  });

  it('cancelling an order releases committed stock and logs nothing', () => {
    const r = rig({ seed: { behaviour: { carrier: 'Royal Mail', service: 'Tracked 48' } } });
    r.adapter.createOutboundOrder(mfnOrder('R3'));
    expect(call(r, 'POST', `/order/${orderId(r, 'R3')}:cancel`, {}).status).toBe(200);
    expect(history(r, { facility_id: 10 }).data).toEqual([]);
  });

  it('receiving a WRO logs ReceivingStow and a received return InventoryRestocked, at their centre', () => {
    const r = rig({
      seed: {
        receivingOrders: [{ purchaseOrderNumber: 'PO-9', location: 11, boxes: [{ trackingNumber: '1Z9', items: [{ sku: 'MUG', quantity: 5 }] }] }],
        returns: [{ referenceId: 'RET-1', location: 10, items: [{ sku: 'TEE-L', quantity: 1 }] }],
      },
    });
    r.clock.advance(3600_000);
    r.sim.act({ action: 'receive', reference: 'PO-9', lines: [{ sku: 'MUG', quantity: 4 }] });
    const at = r.clock.iso();
    r.sim.act({ action: 'receive', reference: 'RET-1' });
    expect(history(r, { facility_id: 11 }).data).toEqual([
      expect.objectContaining({ inventory_id: inventoryId(r, 'MUG'), event_category: 'ReceivingStow', event_datetime: at, decrement: null, increment: expect.objectContaining({ facility_id: 11, quantity_change: 4 }) }),
    ]);
    expect(history(r, { facility_id: 10 }).data).toEqual([
      expect.objectContaining({ inventory_id: inventoryId(r, 'TEE-L'), event_category: 'InventoryRestocked', increment: expect.objectContaining({ facility_id: 10, quantity_change: 1 }) }),
    ]);
  });

  it('setStock logs InventoryAdjusted whenever a figure changes, even committed alone; an unchanged setStock logs nothing', () => {
    const r = rig();
    r.sim.act({ action: 'setStock', sku: 'TEE-M', location: 10, onHand: 25, committed: 3 });
    expect(history(r, { facility_id: 10 }).data).toEqual([]);
    r.sim.act({ action: 'setStock', sku: 'TEE-M', location: 10, committed: 20 });
    r.sim.act({ action: 'setStock', sku: 'TEE-L', location: 10, onHand: 4 });
    const data = history(r, { facility_id: 10 }).data;
    expect(data.map((e) => e.event_category)).toEqual(['InventoryAdjusted', 'InventoryAdjusted']);
    expect(data[0]!.increment).toMatchObject({ quantity_change: 0, committed_quantity_change: 17 });
    expect(data[1]!.decrement).toMatchObject({ sku: 'TEE-L', quantity_change: -6 });
  });

  it('setActive logs AttributeUpdated at each centre holding the item; a bundle (no inventory item) logs none', () => {
    const r = rig({ seed: { products: [...BASE_SEED.products, { sku: 'GIFT', name: 'Gift', bundle: [{ sku: 'MUG', quantity: 1 }] }] } });
    r.sim.act({ action: 'setActive', sku: 'TEE-M', active: false });
    r.sim.act({ action: 'setActive', sku: 'GIFT', active: false });
    for (const fc of [10, 11]) {
      expect(history(r, { facility_id: fc }).data).toEqual([expect.objectContaining({ inventory_id: inventoryId(r, 'TEE-M'), event_category: 'AttributeUpdated', event_datetime: r.clock.iso() })]);
    }
  });

  it('filters by inventory_ids, event_category and the date range', () => {
    const r = rig();
    r.sim.act({ action: 'setStock', sku: 'TEE-M', location: 10, onHand: 30 });
    const t1 = r.clock.now();
    r.clock.advance(3600_000);
    r.sim.act({ action: 'setStock', sku: 'TEE-L', location: 10, onHand: 3 });
    r.sim.act({ action: 'setActive', sku: 'TEE-L', active: false });
    const cats = (b: Record<string, unknown>) => history(r, { facility_id: 10, ...b }).data.map((e) => `${e.inventory_id}:${e.event_category}`);
    const m = inventoryId(r, 'TEE-M');
    const l = inventoryId(r, 'TEE-L');
    expect(cats({ inventory_ids: [m] })).toEqual([`${m}:InventoryAdjusted`]);
    expect(cats({ event_category: 'AttributeUpdated' })).toEqual([`${l}:AttributeUpdated`]);
    expect(cats({ end_date: new Date(t1).toISOString() })).toEqual([`${m}:InventoryAdjusted`]);
    expect(cats({ start_date: new Date(t1 + 1).toISOString() })).toEqual([`${l}:InventoryAdjusted`, `${l}:AttributeUpdated`]);
    // start_date defaults to 90 days ago: an event older than that is gone unless asked for.
    r.clock.advance(91 * 86400_000);
    expect(cats({})).toEqual([]);
    expect(cats({ start_date: new Date(t1 - 1000).toISOString(), end_date: new Date(t1 + 89 * 86400_000).toISOString() })).toHaveLength(3);
  });

  it(`pages ${HISTORY_PAGE_SIZE} events at a time, ascending by id, through the next link (query cursor) or a body cursor`, () => {
    const r = rig();
    for (let n = 0; n < 150; n++) r.sim.act({ action: 'setStock', sku: 'TEE-M', location: 10, onHand: n % 2 ? 25 : 26 });
    const body = { facility_id: 10 };
    const first = history(r, body);
    expect(first.data).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.prev).toBeNull();
    expect(first.next).toBe(`/2026-01/inventory/history:query?cursor=${first.data[99]!.inventory_audit_event_id}`);
    const second = history(r, body, first.next!);
    expect(second.data).toHaveLength(50);
    expect(second.next).toBeNull();
    const ids = [...first.data, ...second.data].map((e) => e.inventory_audit_event_id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(150);
    // first/prev/last are links of the same form; the last page is the final 100 events.
    expect(first.last).toBe(`/2026-01/inventory/history:query?cursor=${ids[49]}`);
    expect(second).toMatchObject({ first: '/2026-01/inventory/history:query?cursor=0', prev: '/2026-01/inventory/history:query?cursor=0', last: null });
    // The body cursor: events after that id.
    expect(history(r, { ...body, cursor: ids[139] }).data.map((e) => e.inventory_audit_event_id)).toEqual(ids.slice(140));
    // Nothing new since the last id seen: an empty page, no next.
    expect(history(r, { ...body, cursor: ids[149] })).toMatchObject({ data: [], next: null });
  });

  it('refuses a request without a whole facility_id, with an unreadable date, a range over 90 days or an unknown category (400 ProblemDetails)', () => {
    const r = rig();
    const errors = (body: unknown) => {
      const res = call(r, 'POST', '/inventory/history:query', body);
      expect(res.status).toBe(400);
      return Object.keys((res.body as { errors: Record<string, string[]> }).errors);
    };
    expect(errors({})).toEqual(['facility_id']);
    expect(errors({ facility_id: '10' })).toEqual(['facility_id']);
    expect(errors({ facility_id: 10.5 })).toEqual(['facility_id']);
    expect(errors({ facility_id: 10, start_date: 'yesterday' })).toEqual(['start_date']);
    expect(errors({ facility_id: 10, end_date: '2026-13-45T00:00:00Z' })).toEqual(['end_date']);
    expect(errors({ facility_id: 10, start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' })).toEqual(['start_date']);
    expect(errors({ facility_id: 10, start_date: new Date(r.clock.now() - 91 * 86400_000).toISOString() })).toEqual(['start_date']);
    expect(errors({ facility_id: 10, event_category: 'Picked' })).toEqual(['event_category']);
    expect(errors({ facility_id: 10, inventory_ids: ['x'] })).toEqual(['inventory_ids']);
    expect(call(r, 'POST', '/inventory/history:query?cursor=abc', { facility_id: 10 }).status).toBe(400);
    // Exactly 90 days is allowed ("Maximum range is 90 days").
    expect(call(r, 'POST', '/inventory/history:query', { facility_id: 10, start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }).status).toBe(200);
  });

  it('is served for 2026-01 and 2026-07, not 2025-07 (absent from that spec), and its faults apply by operation name', () => {
    const faults: FaultSpec[] = [{ system: 'threePl', operation: 'query-inventory-history', kind: '500', times: 1 }];
    const r = rig({ faults });
    expect(call(r, 'POST', '/inventory/history:query', { facility_id: 10 }).status).toBe(500);
    expect(call(r, 'POST', '/inventory/history:query', { facility_id: 10 }, '2026-07').status).toBe(200);
    expect(call(r, 'POST', '/inventory/history:query', { facility_id: 10 }, '2025-07').status).toBe(404);
    expect(r.sim.counters.byOperation['query-inventory-history']).toBe(2);
  });
});

describe('ShipBob simulator: get-products LastUpdatedTimestamp', () => {
  type Products = { items: Array<{ updated_on: string; variants: Array<{ sku: string }> }> };
  const skus = (r: Rig, since: string) => {
    const res = call(r, 'GET', `/product?LastUpdatedTimestamp=${encodeURIComponent(since)}`);
    expect(res.status).toBe(200);
    return (res.body as Products).items.map((p) => p.variants[0]!.sku);
  };

  it('lists products and bundles updated since the given time: seeded ones a day before the start, then setActive and products created by an order', () => {
    const r = rig({ seed: { products: [...BASE_SEED.products, { sku: 'GIFT', name: 'Gift', bundle: [{ sku: 'MUG', quantity: 1 }] }] } });
    const seeded = new Date(Date.parse(r.clock.iso()) - SEEDED_PRODUCT_AGE_MS).toISOString();
    expect(skus(r, seeded)).toEqual(['TEE-M', 'TEE-L', 'MUG', 'GIFT']);
    // The catalogue existed before the world began: nothing was updated at its start.
    expect(skus(r, r.clock.iso())).toEqual([]);
    r.clock.advance(3600_000);
    const mark = r.clock.iso();
    expect(skus(r, mark)).toEqual([]);
    r.sim.act({ action: 'setActive', sku: 'GIFT', active: false });
    r.adapter.createOutboundOrder(mfnOrder('R9', [{ sku: 'NEW-SKU', quantity: 1 }]));
    expect(skus(r, mark).sort()).toEqual(['GIFT', 'NEW-SKU']);
    // Stock moving is not a product update: the inventory history reports it.
    r.sim.act({ action: 'setStock', sku: 'TEE-M', location: 10, onHand: 1 });
    expect(skus(r, mark)).not.toContain('TEE-M');
    const gift = (call(r, 'GET', '/product?SKU=GIFT').body as Products).items[0]!;
    expect(gift.updated_on).toBe(mark);
  });

  it('refuses a LastUpdatedTimestamp no date parser reads (400 ProblemDetails)', () => {
    const r = rig();
    const res = call(r, 'GET', '/product?LastUpdatedTimestamp=last-week');
    expect(res.status).toBe(400);
    expect((res.body as { errors: Record<string, unknown> }).errors).toHaveProperty('LastUpdatedTimestamp');
  });
});
