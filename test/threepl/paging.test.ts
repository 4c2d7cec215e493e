// Every paging style ShipBob uses: Page/Limit (orders: no headers in the spec, so full pages mean
// "more"; receiving orders: headers declared), body links with an opaque cursor (inventory),
// absolute links with page-number cursors (returns), and bare cursor tokens (billing).
import { describe, expect, it } from 'vitest';
import { deadlineFrom } from '../../src/ports/clock';
import { ShipBobHttp } from '../../src/threepl/shipbob/http';
import { collectCursorPages } from '../../src/threepl/shipbob/paging';
import { RateWindow } from '../../src/threepl/shipbob/rate-window';
import { memoryLog, memoryStore, nodeHttp, virtualClockPort } from '../world/node-ports';
import { BASE_SEED, rig, type Rig } from './harness';

/** Creates orders straight at the simulator with another token (its own rate window). */
function seedOrders(r: Rig, n: number): void {
  const raw = nodeHttp(r.network, r.clock);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % 140 === 0) r.clock.advance(61_000);
    const res = raw.fetch({
      url: 'https://api.shipbob.com/2026-01/order',
      method: 'post',
      headers: { Authorization: 'Bearer seeding-token', shipbob_channel_id: '100001' },
      contentType: 'application/json',
      payload: JSON.stringify({
        reference_id: `REF-${i}`,
        type: 'DTC',
        shipping_method: 'Standard',
        recipient: { name: 'A', address: { address1: '1 St', city: 'Leeds', country: 'GB' } },
        products: [{ reference_id: 'MUG', name: 'Mug', quantity: 1 }],
      }),
    });
    expect(res.status).toBe(201);
  }
}

function rawApi(r: Rig, budgetMs = 600_000): ShipBobHttp {
  const clock = virtualClockPort(r.clock);
  return new ShipBobHttp({
    http: nodeHttp(r.network, r.clock, r.calls),
    clock,
    deadline: deadlineFrom(clock, budgetMs),
    log: memoryLog(),
    window: new RateWindow(memoryStore(), { limit: 150, windowMs: 60_000, key: 'w' }),
    token: 'paging-token',
    apiVersion: '2026-01',
    sandbox: false,
    random: () => 0.5,
    channelId: () => '100001',
  });
}

describe('paging', () => {
  it('orders: without paging headers (get-orders declares none) asks for the next page while pages come back full', () => {
    const r = rig();
    seedOrders(r, 600);
    const got = r.adapter.listOrdersChangedSince('2026-01-01T00:00:00Z');
    expect(got.complete).toBe(true);
    expect(got.orders).toHaveLength(600);
    expect(new Set(got.orders.map((o) => o.primaryReference)).size).toBe(600);
    const pages = r.calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/2026-01/order').map((c) => new URL(c.url).searchParams);
    expect(pages.map((q) => [q.get('Page'), q.get('Limit'), q.get('LastUpdateStartDate')])).toEqual([
      ['1', '250', '2026-01-01T00:00:00.000Z'],
      ['2', '250', '2026-01-01T00:00:00.000Z'],
      ['3', '250', '2026-01-01T00:00:00.000Z'],
    ]);
    expect(Date.parse(got.nextCursor)).toBeLessThan(r.clock.now());
  });

  it('orders: the simulator sends no paging headers unless behaviour.orderPageHeaders asks', () => {
    const get = (r: Rig) =>
      nodeHttp(r.network, r.clock).fetch({ url: 'https://api.shipbob.com/2026-01/order?Limit=250', method: 'get', headers: { Authorization: 'Bearer h' } });
    const plain = rig();
    seedOrders(plain, 260);
    expect(Object.keys(get(plain).headers).filter((h) => /page|total/.test(h))).toEqual([]);
    const withHeaders = rig({ seed: { behaviour: { ...BASE_SEED.behaviour, orderPageHeaders: true } } });
    seedOrders(withHeaders, 260);
    expect(get(withHeaders).headers).toMatchObject({ 'page-number': '1', 'total-pages': '2', 'total-count': '260', 'page-size': '250', 'next-page': '/2026-01/order?Limit=250&Page=2' });
  });

  it('orders: follows the next-page header where one is sent', () => {
    const r = rig({ seed: { behaviour: { ...BASE_SEED.behaviour, orderPageHeaders: true } } });
    seedOrders(r, 600);
    const got = r.adapter.listOrdersChangedSince('2026-01-01T00:00:00Z');
    expect(got.complete).toBe(true);
    expect(new Set(got.orders.map((o) => o.primaryReference)).size).toBe(600);
    const pages = r.calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/2026-01/order');
    expect(pages.map((c) => new URL(c.url).searchParams.get('Page'))).toEqual(['1', '2', '3']);
  });

  it('orders: a deadline cut keeps the old cursor, so the next run still reads every order', () => {
    const r = rig({ seed: { latencyMs: 2000 } });
    seedOrders(r, 600);
    // 33 s: the channel lookup and page 1 fit; the reserve (2 × 15 s) stops the walk before page 2.
    const cut = r.newAdapter({ budgetMs: 33_000 }).listOrdersChangedSince('2026-01-01T00:00:00Z');
    expect(cut.complete).toBe(false);
    expect(cut.orders).toHaveLength(250);
    expect(cut.nextCursor).toBe('2026-01-01T00:00:00Z');
    const next = r.newAdapter({ budgetMs: 600_000 }).listOrdersChangedSince(cut.nextCursor);
    expect(next.complete).toBe(true);
    expect(new Set(next.orders.map((o) => o.primaryReference)).size).toBe(600);
    expect(next.nextCursor > cut.nextCursor).toBe(true);
  });

  it('orders: a date filter that is no date is a 400, never an unfiltered list', () => {
    const r = rig();
    seedOrders(r, 3);
    const res = nodeHttp(r.network, r.clock).fetch({ url: 'https://api.shipbob.com/2026-01/order?LastUpdateStartDate=not-a-date', method: 'get', headers: { Authorization: 'Bearer h' } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ LastUpdateStartDate: ["The value 'not-a-date' is not valid for LastUpdateStartDate."] });
  });

  it('orders: a damaged cursor reads the last 30 days again instead of failing or skipping', () => {
    const r = rig();
    seedOrders(r, 3);
    const t0 = r.clock.now();
    const got = r.adapter.listOrdersChangedSince('garbage');
    expect(got.complete).toBe(true);
    expect(got.orders).toHaveLength(3);
    const q = new URL(r.calls.filter((c) => new URL(c.url).pathname === '/2026-01/order').pop()!.url).searchParams;
    expect(q.get('LastUpdateStartDate')).toBe(new Date(t0 - 30 * 86_400_000).toISOString());
    expect(r.log.lines.some((l) => /cursor "garbage" is not a date/.test(l))).toBe(true);
  });

  it('tracking: every shipped order beyond the first page is listed', () => {
    const r = rig({ seed: { behaviour: { ...BASE_SEED.behaviour, shipAfter: '1m' }, inventory: [{ sku: 'MUG', location: 10, onHand: 1000 }] } });
    seedOrders(r, 300);
    r.clock.advance(5 * 60_000);
    const unsynced = r.adapter.listUnsyncedShipments();
    expect(new Set(unsynced.map((u) => u.order.primaryReference)).size).toBe(300);
  });

  it('receiving orders: the spec declares paging headers for them, and the simulator sends them; a bad date filter is a 400', () => {
    const receivingOrders = Array.from({ length: 60 }, (_, i) => ({ purchaseOrderNumber: `RMV-${i}`, location: 10, boxes: [{ trackingNumber: `TN-${i}`, items: [{ sku: 'MUG', quantity: 1 }] }] }));
    const r = rig({ seed: { receivingOrders } });
    const res = nodeHttp(r.network, r.clock).fetch({ url: 'https://api.shipbob.com/2026-01/receiving?Limit=50', method: 'get', headers: { Authorization: 'Bearer h' } });
    expect(res.headers).toMatchObject({ 'page-number': '1', 'total-pages': '2', 'total-count': '60', 'page-size': '50' });
    expect(res.headers['next-page']).toMatch(/^\/2026-01\/receiving\?.*Page=2/);
    expect(r.adapter.findInbound({ reference: 'RMV-59' })).toEqual([expect.objectContaining({ reference: 'RMV-59', trackingNumbers: ['TN-59'] })]);
    const bad = nodeHttp(r.network, r.clock).fetch({ url: 'https://api.shipbob.com/2026-01/receiving?InsertStartDate=someday', method: 'get', headers: { Authorization: 'Bearer h' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ status: 400, errors: { InsertStartDate: ["The value 'someday' is not valid for InsertStartDate."] } });
  });

  it('inventory: follows the body next link until it is null', () => {
    const skus = Array.from({ length: 300 }, (_, i) => `SKU-${String(i).padStart(3, '0')}`);
    const r = rig({
      seed: {
        products: skus.map((sku) => ({ sku, name: sku })),
        inventory: skus.map((sku, i) => ({ sku, location: 10, onHand: i, committed: 0, awaiting: 0, internalTransfer: 0 })),
      },
    });
    const lines = r.adapter.getStock();
    expect(lines).toHaveLength(300);
    expect(lines.find((l) => l.sku === 'SKU-299')).toMatchObject({ onHand: 299, available: 299, warehouseId: '10' });
    // The active list pages; the inactive one (IsActive=false) is a separate, single-page read.
    const pages = r.calls.filter((c) => new URL(c.url).pathname === '/2026-01/inventory-level/locations' && new URL(c.url).searchParams.get('IsActive') === 'true');
    expect(pages).toHaveLength(2);
    expect(new URL(pages[1]!.url).searchParams.get('Cursor')).toBeTruthy();
  });

  it('returns: follows absolute next links with a page-number cursor', () => {
    const returns = Array.from({ length: 60 }, (_, i) => ({ referenceId: `RMA-${i}`, trackingNumber: `TN${i}`, location: 10, items: [{ sku: 'MUG', quantity: 1 }] }));
    const r = rig({ seed: { returns } });
    const api = rawApi(r);
    const got = collectCursorPages(api, { method: 'get', path: '/return', query: { Limit: 50 }, operation: 'get-return-orders', retry: 'read' }, (b) => {
      const body = b as { items: Array<{ reference_id: string }>; next: string | null };
      return { items: body.items, next: body.next };
    }, deadlineFrom(virtualClockPort(r.clock), 600_000));
    expect(got.complete).toBe(true);
    expect(new Set(got.items.map((i) => i.reference_id)).size).toBe(60);
    const urls = r.calls.filter((c) => new URL(c.url).pathname === '/2026-01/return').map((c) => new URL(c.url));
    expect(urls).toHaveLength(2);
    expect(urls[1]!.searchParams.get('Cursor')).toBe('2');
  });

  it('billing: sends a bare cursor token as ?Cursor= and nothing else', () => {
    const r = rig({ seed: { behaviour: { ...BASE_SEED.behaviour, shipAfter: '1m' } } });
    for (let i = 0; i < 5; i++) r.adapter.createOutboundOrder({ primaryReference: `B-${i}`, kind: 'mfn', shipTo: { name: 'A', line1: '1', city: 'Leeds', postcode: 'LS1', countryIso2: 'GB' }, lines: [{ sku: 'TEE-M', quantity: 1 }], serviceLevel: 'Standard', tags: {} });
    r.clock.advance(120_000);
    const api = rawApi(r);
    const got = collectCursorPages(
      api,
      { method: 'post', path: '/transactions:query', body: { from_date: '2026-11-01', to_date: '2026-11-03', page_size: 2 }, operation: 'search-transactions', retry: 'read' },
      (b) => {
        const body = b as { items: Array<{ transaction_id: string }>; next: string | null };
        return { items: body.items, next: body.next };
      },
      deadlineFrom(virtualClockPort(r.clock), 600_000),
    );
    expect(new Set(got.items.map((t) => t.transaction_id)).size).toBe(5);
    const urls = r.calls.filter((c) => new URL(c.url).pathname === '/2026-01/transactions:query').map((c) => new URL(c.url));
    expect(urls).toHaveLength(3);
    expect([...urls[1]!.searchParams.keys()]).toEqual(['Cursor']);
  });

  it('refuses to send the token to a next link on another host', () => {
    const r = rig();
    expect(() => rawApi(r).url('https://evil.example/2026-01/order?Page=2')).toThrow(/another host/);
  });
});
