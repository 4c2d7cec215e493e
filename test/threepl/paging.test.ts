// Every paging style ShipBob uses: Page/Limit with a next-page header (orders), body links with an
// opaque cursor (inventory), absolute links with page-number cursors (returns), and bare cursor
// tokens (billing).
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
  it('orders: follows the next-page header across pages of 250', () => {
    const r = rig();
    seedOrders(r, 260);
    const got = r.adapter.listOrdersChangedSince('2026-01-01T00:00:00Z');
    expect(got.complete).toBe(true);
    expect(new Set(got.orders.map((o) => o.primaryReference)).size).toBe(260);
    const pages = r.calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/2026-01/order');
    expect(pages).toHaveLength(2);
    expect(new URL(pages[0]!.url).searchParams.get('Limit')).toBe('250');
    expect(new URL(pages[1]!.url).searchParams.get('Page')).toBe('2');
    expect(new URL(pages[1]!.url).searchParams.get('LastUpdateStartDate')).toBe('2026-01-01T00:00:00Z');
    expect(Date.parse(got.nextCursor)).toBeLessThan(r.clock.now());
  });

  it('orders: a walk cut short by the deadline keeps the old cursor', () => {
    const r = rig({ seed: { latencyMs: 2000 }, budgetMs: 33_000 });
    seedOrders(r, 260);
    const fresh = r.newAdapter({ budgetMs: 33_000 });
    const got = fresh.listOrdersChangedSince('2026-01-01T00:00:00Z');
    expect(got.complete).toBe(false);
    expect(got.nextCursor).toBe('2026-01-01T00:00:00Z');
    expect(got.orders.length).toBe(250);
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
