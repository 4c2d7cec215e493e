// The Mintsoft simulator against Mintsoft's published behaviour, call by call, each test naming its
// source: help-mintsoft.theaccessgroup.com articles 11600570 (static keys, 24-hour keys), 12087865
// (POST /api/Auth, ms-apikey), 11686761 (create an order, unique references), 11694802 (stock levels),
// 11588522 (order statuses); intercom.help/mintsoft 11948760 (duplicate order numbers), 11587405
// (create ASN); MakiManc/ops mintsoft-portal/DISCOVERY.md (read from Swagger v1 8.5.28.001).

import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../world/clock';
import { FaultInjector } from '../../world/faults';
import { Network, type SimResponse } from '../../world/http';
import { parseMintsoftSection } from '../../world/mintsoft/scenario';
import { MINTSOFT_ORIGIN, MintsoftSimulator } from '../../world/mintsoft/simulator';
import { BASE_SEED, START, USER } from './harness';

function world(seed: Partial<typeof BASE_SEED> = {}) {
  const clock = new VirtualClock(START);
  const network = new Network();
  const sim = new MintsoftSimulator({ clock, faults: new FaultInjector(), seed: parseMintsoftSection({ ...BASE_SEED, ...seed }) });
  sim.register(network);
  const send = (method: 'GET' | 'POST' | 'PUT', path: string, opts: { key?: string; body?: unknown } = {}) => {
    const body = opts.body === undefined ? '' : JSON.stringify(opts.body);
    const res = network.handlerFor(MINTSOFT_ORIGIN)!({ method, url: MINTSOFT_ORIGIN + path, headers: opts.key ? { 'ms-apikey': opts.key } : {}, body, bodyBytes: new Uint8Array() }) as Exclude<SimResponse, { timeout: true }>;
    return { status: res.status, text: String(res.body ?? ''), json: () => JSON.parse(String(res.body)) as unknown };
  };
  const login = () => send('POST', '/api/Auth', { body: { Username: USER.username, Password: USER.password } }).json() as string;
  return { clock, sim, send, login };
}

const ORDER = { OrderNumber: '202-0000001-0000001', WarehouseId: 10, CourierService: 'AUTO', Country: 'GB', FirstName: 'Jo', Address1: '1 High St', Town: 'Leeds', PostCode: 'LS1 1AA', OrderItems: [{ SKU: 'TEE-M', Quantity: 2 }] };

describe('auth: POST /api/Auth and the ms-apikey header', () => {
  it('issues a key as a JSON string for the right username and password (12087865; the Swagger types the 200 as a string)', () => {
    const w = world();
    const res = w.send('POST', '/api/Auth', { body: { Username: USER.username, Password: USER.password } });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^"[A-Za-z0-9]+"$/);
    expect(w.send('GET', '/api/Warehouse', { key: res.json() as string }).status).toBe(200);
  });

  it('answers a wrong password, a missing key and an unknown key with 401 and an empty body (DISCOVERY.md)', () => {
    const w = world();
    for (const res of [w.send('POST', '/api/Auth', { body: { Username: USER.username, Password: 'wrong' } }), w.send('GET', '/api/Warehouse'), w.send('GET', '/api/Warehouse', { key: 'not-a-key-at-all' })]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
    }
  });

  it('expires a key 24 hours after it was issued (11600570: "API keys expire after 24 hours")', () => {
    const w = world();
    const key = w.login();
    w.clock.advance(24 * 3600_000 - 1000);
    expect(w.send('GET', '/api/Warehouse', { key }).status).toBe(200);
    w.clock.advance(2000);
    expect(w.send('GET', '/api/Warehouse', { key }).status).toBe(401);
  });

  it('never expires a static key ("API Key to Never Expire", 11600570)', () => {
    const w = world({ staticKeys: ['static-key-0001'] });
    w.clock.advance(30 * 24 * 3600_000);
    expect(w.send('GET', '/api/Warehouse', { key: 'static-key-0001' }).status).toBe(200);
  });
});

describe('orders: PUT /api/Order answers 200 whatever happened', () => {
  it('creates an order and answers an array of NewOrderResult (DISCOVERY.md)', () => {
    const w = world();
    const res = w.send('PUT', '/api/Order', { key: w.login(), body: ORDER });
    expect(res.status).toBe(200);
    const [r] = res.json() as Array<{ Success: boolean; OrderId: number; OrderStatus: string }>;
    expect(r).toMatchObject({ Success: true, OrderStatus: 'NEW' });
    // NEW: "created, stock allocated" (11588522).
    expect(w.sim.state.free('TEE-M', 10)).toBe(25 - 3 - 2);
  });

  it('refuses a repeated OrderNumber or ExternalOrderReference with HTTP 200 and Success:false (11686761 uniqueness check; 11948760)', () => {
    const w = world();
    const key = w.login();
    w.send('PUT', '/api/Order', { key, body: { ...ORDER, ExternalOrderReference: 'EXT-1' } });
    for (const body of [ORDER, { ...ORDER, OrderNumber: 'OTHER-1', ExternalOrderReference: 'EXT-1' }]) {
      const res = w.send('PUT', '/api/Order', { key, body });
      expect(res.status).toBe(200);
      expect((res.json() as Array<{ Success: boolean; Message: string }>)[0]).toMatchObject({ Success: false, Message: expect.stringMatching(/already exists/) });
    }
    expect(w.sim.state.orders).toHaveLength(1);
  });

  it('refuses an unknown SKU and a missing warehouse as Success:false too, creating nothing', () => {
    const w = world();
    const key = w.login();
    const bad = [{ ...ORDER, OrderItems: [{ SKU: 'NOPE', Quantity: 1 }] }, { ...ORDER, WarehouseId: undefined }];
    for (const body of bad) expect((w.send('PUT', '/api/Order', { key, body }).json() as Array<{ Success: boolean }>)[0]!.Success).toBe(false);
    expect(w.sim.state.orders).toHaveLength(0);
  });

  it('puts an order it cannot allocate on back order (ONBACKORDER, 11588522)', () => {
    const w = world();
    const [r] = w.send('PUT', '/api/Order', { key: w.login(), body: { ...ORDER, OrderItems: [{ SKU: 'MUG', Quantity: 1 }] } }).json() as Array<{ OrderStatus: string }>;
    expect(r!.OrderStatus).toBe('ONBACKORDER');
  });

  it('searches by OrderNumber, partly unless ExactMatch, with parameters in any case (DISCOVERY.md: Search supports exactMatch; ASP.NET binds query names case-insensitively)', () => {
    const w = world();
    const key = w.login();
    w.send('PUT', '/api/Order', { key, body: ORDER });
    w.send('PUT', '/api/Order', { key, body: { ...ORDER, OrderNumber: `${ORDER.OrderNumber}-B` } });
    expect((w.send('GET', `/api/Order/Search?OrderNumber=${ORDER.OrderNumber}`, { key }).json() as unknown[]).length).toBe(2);
    expect((w.send('GET', `/api/order/search?ordernumber=${ORDER.OrderNumber}&exactmatch=true`, { key }).json() as unknown[]).length).toBe(1);
  });

  it('cancels with a state-changing GET that answers {Success, Message} and refuses a despatched order (DISCOVERY.md)', () => {
    const w = world();
    const key = w.login();
    const [a] = w.send('PUT', '/api/Order', { key, body: ORDER }).json() as Array<{ OrderId: number }>;
    const [b] = w.send('PUT', '/api/Order', { key, body: { ...ORDER, OrderNumber: 'SECOND' } }).json() as Array<{ OrderId: number }>;
    w.clock.advance(2 * 3600_000 + 1);
    expect(w.send('GET', `/api/Order/${b!.OrderId}/MarkDespatched`, { key }).json()).toMatchObject({ Success: false });
    expect(w.send('GET', `/api/Order/${a!.OrderId}/Cancel`, { key }).json()).toMatchObject({ Success: false, Message: expect.stringMatching(/despatched/) });
    const fresh = w.send('PUT', '/api/Order', { key, body: { ...ORDER, OrderNumber: 'THIRD' } }).json() as Array<{ OrderId: number }>;
    const res = w.send('GET', `/api/Order/${fresh[0]!.OrderId}/Cancel`, { key });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ Success: true });
    expect(w.sim.state.orders.find((o) => o.orderNumber === 'THIRD')!.statusId).toBe(8);
  });

  it('allocates, despatches and cancels a bundle as its components (intercom.help/mintsoft 11653295: "stock transactions get split down to the component product codes")', () => {
    const products = BASE_SEED.products!.map((p) => (p.sku === 'GIFT-SET' ? { ...p, components: [{ sku: 'TEE-M', quantity: 1 }, { sku: 'TEE-L', quantity: 2 }] } : p));
    const w = world({ products });
    const key = w.login();
    const stock = () => {
      const rows = w.send('GET', '/api/Product/Inventory/Bulk?WarehouseId=10', { key }).json() as Array<{ SKU: string; OnHand: number; Allocated: number }>;
      const sum = (sku: string, f: 'OnHand' | 'Allocated') => rows.filter((r) => r.SKU === sku).reduce((n, r) => n + r[f], 0);
      return { teeM: [sum('TEE-M', 'OnHand'), sum('TEE-M', 'Allocated')], teeL: [sum('TEE-L', 'OnHand'), sum('TEE-L', 'Allocated')], bundleRows: rows.filter((r) => r.SKU === 'GIFT-SET').length };
    };
    const [made] = w.send('PUT', '/api/Order', { key, body: { ...ORDER, OrderItems: [{ SKU: 'GIFT-SET', Quantity: 3 }] } }).json() as Array<{ Success: boolean; OrderStatus: string }>;
    expect(made).toMatchObject({ Success: true, OrderStatus: 'NEW' });
    // 3 on top of the 3 already allocated; 2 × 3 of TEE-L. The bundle itself still has no stock row.
    expect(stock()).toEqual({ teeM: [25, 6], teeL: [10, 6], bundleRows: 0 });
    // Only whole bundles are allocated: TEE-L's 4 free units make 2 more, the rest waits on back order.
    const [short] = w.send('PUT', '/api/Order', { key, body: { ...ORDER, OrderNumber: 'SHORT', OrderItems: [{ SKU: 'GIFT-SET', Quantity: 3 }] } }).json() as Array<{ OrderId: number; OrderStatus: string }>;
    expect(short!.OrderStatus).toBe('ONBACKORDER');
    expect(stock().teeL).toEqual([10, 10]);
    w.send('GET', `/api/Order/${short!.OrderId}/Cancel`, { key });
    expect(stock()).toEqual({ teeM: [25, 6], teeL: [10, 6], bundleRows: 0 });
    w.clock.advance(3 * 3600_000);
    expect(stock()).toEqual({ teeM: [22, 3], teeL: [4, 0], bundleRows: 0 });
  });

  it('lists despatched orders since a date, with tracking on the order and no despatched quantity on its lines (DISCOVERY.md)', () => {
    const w = world();
    const key = w.login();
    w.send('PUT', '/api/Order', { key, body: ORDER });
    w.clock.advance(3 * 3600_000);
    const list = w.send('GET', '/api/Order/List?SinceDespatchDate=2026-11-02T09:00:00', { key }).json() as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ OrderStatusId: 4, TrackingNumber: expect.stringMatching(/^RM\d+GB$/), DespatchDate: '2026-11-02T10:00:00' });
    expect(Object.keys((list[0]!.OrderItems as object[])[0]!)).not.toContain('QuantityDespatched');
  });
});

describe('stock: GET /api/Product/Inventory/Bulk', () => {
  it('lists one row per bin location, with StockLevel, OnHand, Allocated and InQuarantine (DISCOVERY.md; 11694802)', () => {
    const w = world();
    const rows = w.send('GET', '/api/Product/Inventory/Bulk?WarehouseId=10&SKU=TEE-M', { key: w.login() }).json() as Array<Record<string, number>>;
    expect(rows).toHaveLength(3);
    expect(rows.reduce((n, r) => n + r.OnHand!, 0)).toBe(25);
    expect(rows.reduce((n, r) => n + r.StockLevel!, 0)).toBe(22);
    expect(rows.every((r) => 'InQuarantine' in r && !('Available' in r))).toBe(true);
  });

  it('leaves out products without an inventory record and bundles ("only results where inventory record exists")', () => {
    const w = world();
    const skus = new Set((w.send('GET', '/api/Product/Inventory/Bulk', { key: w.login() }).json() as Array<{ SKU: string }>).map((r) => r.SKU));
    expect(skus.has('MUG')).toBe(false);
    expect(skus.has('GIFT-SET')).toBe(false);
  });

  it('pages with PageNo and Limit, Limit capped at 500 ("Default 100 – Max 500")', () => {
    const products = Array.from({ length: 700 }, (_, i) => ({ sku: `S${i}`, name: `S${i}` }));
    const w = world({ products, inventory: products.map((p) => ({ sku: p.sku, warehouse: 10, onHand: 1 })) });
    const key = w.login();
    expect((w.send('GET', '/api/Product/Inventory/Bulk', { key }).json() as unknown[]).length).toBe(100);
    expect((w.send('GET', '/api/Product/Inventory/Bulk?Limit=1000', { key }).json() as unknown[]).length).toBe(500);
    expect((w.send('GET', '/api/Product/Inventory/Bulk?Limit=500&PageNo=2', { key }).json() as unknown[]).length).toBe(200);
  });
});

describe('inbound: ASNs and external returns', () => {
  it('creates an ASN with PUT /api/ASN and books it in with a state-changing GET (11587405; DISCOVERY.md)', () => {
    const w = world();
    const key = w.login();
    const res = w.send('PUT', '/api/ASN', { key, body: { WarehouseId: 10, POReference: 'REM-1', Items: [{ SKU: 'MUG', Quantity: 4 }] } }).json() as { Success: boolean; ID: number };
    expect(res.Success).toBe(true);
    expect(w.send('GET', `/api/ASN/${res.ID}/BookIn`, { key }).json()).toMatchObject({ Success: true });
    expect(w.sim.state.free('MUG', 10)).toBe(4);
    const [asn] = w.send('GET', '/api/ASN/List?IncludeASNItems=true', { key }).json() as Array<{ Items: Array<Record<string, number>> }>;
    expect(asn!.Items[0]).toMatchObject({ QuantityExpected: 4, QuantityReceieved: 4 });
  });

  it('refuses an ASN for an unknown SKU with HTTP 200 and Success:false', () => {
    const w = world();
    const res = w.send('PUT', '/api/ASN', { key: w.login(), body: { WarehouseId: 10, POReference: 'REM-2', Items: [{ SKU: 'NOPE', Quantity: 1 }] } });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ Success: false });
  });
});
