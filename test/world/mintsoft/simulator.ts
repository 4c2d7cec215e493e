// The in-process, stateful Mintsoft simulator, seeded by a scenario's "threePl" section with provider
// "mintsoft". It answers https://api.mintsoft.co.uk/api/...: POST /api/Auth issues a key that
// expires after 24 hours, every other call needs it in the ms-apikey header (401 with an empty body
// otherwise), failures of writes come back as HTTP 200 with Success:false, several state-changing
// operations are GETs, and stock is listed per bin location. Every behaviour names its source next
// to the code; the list is docs/mintsoft-simulator.md.

import type { VirtualClock } from '../clock';
import { parseDuration } from '../clock';
import type { FaultInjector, FaultKind } from '../faults';
import type { Network, SimRequest, SimResponse } from '../http';
import { parseMintsoftSection, type MintsoftSection } from './scenario';
import * as inbound from './inbound';
import { dateParam, empty, json, msDate, page, type Call, type Res } from './respond';
import { DESPATCHED_FAMILY, MintsoftState, ORDER_STATUSES, statusId, type SimOrder } from './state';

export const MINTSOFT_ORIGIN = 'https://api.mintsoft.co.uk';
/** UrlFetchApp's own timeout is not documented; about a minute is what callers observe [assumption]. */
const TIMEOUT_MS = 60_000;

interface Route {
  method: SimRequest['method'];
  pattern: RegExp;
  /** The fault name: "<METHOD> <path template>" as Mintsoft's Swagger lists the operation. */
  op: string;
  handle: (sim: MintsoftSimulator, c: Call) => Res;
}

const N = '(\\d+)';
const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/api\/warehouse$/i, op: 'GET /api/Warehouse', handle: (sim) => json(200, sim.state.seed.warehouses.map((w) => ({ ID: w.id, Name: w.name, Code: `WH${w.id}`, Active: true }))) },
  { method: 'GET', pattern: /^\/api\/order\/statuses$/i, op: 'GET /api/Order/Statuses', handle: () => json(200, ORDER_STATUSES) },
  { method: 'GET', pattern: /^\/api\/product\/inventory\/bulk$/i, op: 'GET /api/Product/Inventory/Bulk', handle: (sim, c) => sim.inventoryBulk(c) },
  { method: 'PUT', pattern: /^\/api\/order$/i, op: 'PUT /api/Order', handle: (sim, c) => sim.createOrder(c) },
  { method: 'GET', pattern: /^\/api\/order\/search$/i, op: 'GET /api/Order/Search', handle: (sim, c) => sim.searchOrders(c) },
  { method: 'GET', pattern: /^\/api\/order\/list$/i, op: 'GET /api/Order/List', handle: (sim, c) => sim.listOrders(c) },
  { method: 'GET', pattern: new RegExp(`^/api/order/${N}$`, 'i'), op: 'GET /api/Order/{id}', handle: (sim, c) => sim.getOrder(c) },
  // State-changing GETs (DISCOVERY.md "GET is not a safe verb here"; 3pl-apis.md §3.5).
  { method: 'GET', pattern: new RegExp(`^/api/order/${N}/cancel$`, 'i'), op: 'GET /api/Order/{id}/Cancel', handle: (sim, c) => sim.cancelOrder(c) },
  { method: 'GET', pattern: new RegExp(`^/api/order/${N}/markdespatched$`, 'i'), op: 'GET /api/Order/{id}/MarkDespatched', handle: (sim, c) => sim.markDespatched(c) },
  { method: 'PUT', pattern: /^\/api\/asn$/i, op: 'PUT /api/ASN', handle: (sim, c) => inbound.createAsn(sim.state, c) },
  { method: 'GET', pattern: /^\/api\/asn\/list$/i, op: 'GET /api/ASN/List', handle: (sim, c) => json(200, page(sim.state.asns.filter((a) => a.clientId === c.clientId), c, 100, 100).map((a) => inbound.asnView(a, c.q('IncludeASNItems') === 'true'))) },
  { method: 'GET', pattern: new RegExp(`^/api/asn/${N}$`, 'i'), op: 'GET /api/ASN/{id}', handle: (sim, c) => inbound.getAsn(sim.state, c) },
  { method: 'GET', pattern: new RegExp(`^/api/asn/${N}/bookin$`, 'i'), op: 'GET /api/ASN/{id}/BookIn', handle: (sim, c) => inbound.bookInAsn(sim.state, c) },
  { method: 'POST', pattern: /^\/api\/return\/createexternalreturn$/i, op: 'POST /api/Return/CreateExternalReturn', handle: (sim, c) => inbound.createReturn(sim.state, c) },
  { method: 'GET', pattern: /^\/api\/return\/list$/i, op: 'GET /api/Return/List', handle: (sim, c) => inbound.listReturns(sim.state, c) },
];

export class MintsoftSimulator {
  readonly state: MintsoftState;
  readonly counters = { requests: 0, auths: 0, byOperation: {} as Record<string, number> };
  private readonly clock: VirtualClock;
  private readonly faults: FaultInjector;
  private readonly despatchAfter: number | null;
  private readonly keyLifetimeMs: number;
  private keySeq = 0;

  constructor(opts: { clock: VirtualClock; faults: FaultInjector; seed: MintsoftSection }) {
    const seed = parseMintsoftSection(opts.seed);
    this.clock = opts.clock;
    this.faults = opts.faults;
    this.state = new MintsoftState(seed);
    this.despatchAfter = seed.behaviour.despatchAfter ? parseDuration(seed.behaviour.despatchAfter) : null;
    this.keyLifetimeMs = parseDuration(seed.keyLifetime);
    const now = this.clock.now();
    for (const o of seed.orders) {
      const r = this.insertOrder({ OrderNumber: o.orderNumber, WarehouseId: o.warehouse ?? seed.warehouses[0]?.id, CourierService: 'AUTO', Country: 'GB', FirstName: 'Seeded', Address1: '1 High Street', Town: 'Leeds', PostCode: 'LS1 1AA', OrderItems: o.items.map((i) => ({ SKU: i.sku, Quantity: i.quantity })) }, seed.clientId, now);
      if (!r.Success) throw new Error(`Invalid scenario: threePl.orders ${o.orderNumber}: ${r.Message}`);
    }
    for (const a of seed.asns) {
      const r = inbound.insertAsn(this.state, { POReference: a.poReference, WarehouseId: a.warehouse, EstimatedDelivery: a.estimatedDelivery, Items: a.items.map((i) => ({ SKU: i.sku, Quantity: i.quantity })) }, seed.clientId, now);
      if (!r.Success) throw new Error(`Invalid scenario: threePl.asns ${a.poReference}: ${r.Message}`);
    }
  }

  register(network: Network): void {
    network.register(MINTSOFT_ORIGIN, (req) => this.handle(req));
  }

  private handle(req: SimRequest): SimResponse {
    const now = this.clock.now();
    this.advance(now);
    const latencyMs = this.state.seed.latencyMs;
    const url = new URL(req.url);
    const path = url.pathname;
    const isAuth = req.method === 'POST' && /^\/api\/auth$/i.test(path);
    const route = isAuth ? null : ROUTES.find((r) => r.method === req.method && r.pattern.test(path));
    const op = isAuth ? 'POST /api/Auth' : route?.op ?? `${req.method} ${path}`;
    this.counters.requests++;
    this.counters.byOperation[op] = (this.counters.byOperation[op] ?? 0) + 1;
    const fault = this.faults.check('threePl', op, (k: FaultKind) => k !== 'not_applied');
    // No rate limit is documented; the API sits behind Cloudflare, whose refusals are HTML pages (DISCOVERY.md "Rate limits").
    if (fault === '429') return { status: 429, headers: { 'content-type': 'text/html', 'retry-after': '5' }, body: '<!DOCTYPE html><html><head><title>Access denied | api.mintsoft.co.uk used Cloudflare to restrict access</title></head><body>Error 1015: You are being rate limited.</body></html>', latencyMs };
    if (fault === '500') return { status: 500, headers: { 'content-type': 'application/json' }, body: '{"Message":"An error has occurred."}', latencyMs };
    if (fault === '503') return { status: 503, headers: { 'content-type': 'text/html' }, body: '<html><body>503 Service Temporarily Unavailable</body></html>', latencyMs };
    if (fault === 'timeout') return { timeout: true, latencyMs: TIMEOUT_MS };
    if (fault === 'auth_expired') return { ...empty(401), latencyMs };
    if (fault === 'echo_credential') {
      return { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Message: `Authorization has been denied for this request (ms-apikey ${req.headers['ms-apikey'] ?? ''})` }), latencyMs };
    }
    let res: Res;
    if (isAuth) res = this.auth(req, now);
    else {
      const key = req.headers['ms-apikey'];
      const expiry = key === undefined ? undefined : this.state.keys.get(key);
      // A missing, unknown or expired key: 401 with an empty body (DISCOVERY.md "A failed authentication
      // returns 401 with a completely empty body"; 24-hour keys: help-mintsoft 11600570).
      if (expiry === undefined || (expiry !== null && expiry <= now)) res = empty(401);
      else if (!route) res = json(404, { Message: `No HTTP resource was found that matches the request URI '${req.url}'.` });
      else {
        const params = route.pattern.exec(path)!.slice(1);
        const lower = new Map<string, string>();
        url.searchParams.forEach((v, k) => lower.set(k.toLowerCase(), v));
        let parsed: unknown;
        let done = false;
        const call: Call = {
          req,
          q: (n) => lower.get(n.toLowerCase()) ?? null,
          params,
          now,
          clientId: this.state.seed.clientId,
          body: () => {
            if (!done) {
              done = true;
              try {
                parsed = req.body ? JSON.parse(req.body) : null;
              } catch {
                parsed = null;
              }
            }
            return parsed;
          },
        };
        res = route.handle(this, call);
      }
    }
    if (fault === 'lost_response') return { timeout: true, latencyMs: TIMEOUT_MS };
    if (fault === 'malformed' && typeof res.body === 'string') res = { ...res, body: res.body.slice(0, Math.floor(res.body.length / 2)) };
    return { ...res, latencyMs };
  }

  /**
   * POST /api/Auth {Username, Password} → the key as a JSON string (help-mintsoft 12087865; the
   * Swagger types the 200 as a bare string: MakiManc/ops readonly-client.ts). Wrong credentials:
   * 401 with an empty body (DISCOVERY.md). A key lasts 24 hours (help-mintsoft 11600570).
   */
  private auth(req: SimRequest, now: number): Res {
    let body: { Username?: unknown; Password?: unknown } | null;
    try {
      body = JSON.parse(req.body) as { Username?: unknown; Password?: unknown } | null;
    } catch {
      body = null;
    }
    const user = this.state.seed.users.find((u) => u.username === body?.Username && u.password === body?.Password);
    if (!user) return empty(401);
    this.counters.auths++;
    const key = `ms${(++this.keySeq).toString(16).padStart(6, '0')}${((now / 1000) | 0).toString(16)}`;
    this.state.keys.set(key, now + this.keyLifetimeMs);
    return json(200, key);
  }

  /** Orders move on lazily with the clock: back orders allocate when stock arrives, due ones despatch. */
  advance(now: number): void {
    for (const o of this.state.orders) {
      if (o.statusId === statusId('ONBACKORDER')) this.tryAllocate(o, now);
      // Not before the order could go: a held or back-ordered order leaves once released or allocated.
      if (o.despatchAt !== null && o.despatchAt <= now && this.despatchable(o)) this.despatch(o, Math.max(o.despatchAt, o.lastUpdated));
    }
  }

  private despatchable(o: SimOrder): boolean {
    return [statusId('NEW'), statusId('PRINTED'), statusId('AWAITINGPICKING'), statusId('PICKED')].includes(o.statusId) && o.items.every((i) => i.allocated >= i.quantity);
  }

  private tryAllocate(o: SimOrder, now: number): void {
    for (const i of o.items) if (i.allocated < i.quantity) i.allocated += this.state.allocateLine(i.sku, o.warehouseId, i.quantity - i.allocated, now);
    if (o.items.every((i) => i.allocated >= i.quantity)) {
      o.statusId = statusId('NEW');
      o.lastUpdated = now;
    }
  }

  despatch(o: SimOrder, at: number): void {
    for (const i of o.items) this.state.removeAllocatedLine(i.sku, o.warehouseId, i.allocated, at);
    o.statusId = statusId('DESPATCHED');
    o.despatchDate = at;
    o.trackingNumber = `${this.state.seed.behaviour.courier === 'Royal Mail' ? 'RM' : 'TR'}${String(o.id).padStart(9, '0')}GB`;
    o.courierServiceName = `${this.state.seed.behaviour.courier} ${this.state.seed.behaviour.service}`;
    o.lastUpdated = at;
  }

  // ── Stock ──────────────────────────────────────────────────────────────────────────────────

  /**
   * GET /api/Product/Inventory/Bulk: one row per product, warehouse and bin location
   * (BulkInventoryItem: StockLevel, OnHand, Allocated, InQuarantine, …; DISCOVERY.md); filters
   * WarehouseId, exact SKU, LastUpdatedSince; PageNo + Limit (default 100, max 500). Products with no
   * inventory record are absent and bundles never appear (DISCOVERY.md quoting the Swagger: "you'll
   * only get results where inventory record exists"). StockLevel = OnHand − Allocated and quarantine is
   * kept out of both (help-mintsoft 11694802: "Quarantined stock is not included in the total stock
   * level") [modelled: which field is "available" is an open question, 3pl-apis.md §9].
   */
  inventoryBulk(c: Call): Res {
    const wh = c.q('WarehouseId');
    const sku = c.q('SKU');
    const since = dateParam(c.q('LastUpdatedSince'));
    const rows = this.state.bins
      .filter((b) => (wh === null || String(b.warehouseId) === wh) && (sku === null || b.sku === sku) && (since === undefined || b.lastUpdated >= since))
      .sort((a, b) => a.productId - b.productId || a.warehouseId - b.warehouseId || a.locationId - b.locationId);
    return json(
      200,
      page(rows, c, 100, 500).map((b) => ({
        ID: b.locationId * 10_000 + b.productId,
        ProductId: b.productId,
        SKU: b.sku,
        StockLevel: b.onHand - b.allocated,
        OnHand: b.onHand,
        Allocated: b.allocated,
        OffHand: 0,
        AwaitingReplen: 0,
        OnOrder: this.onOrder(b.sku, b.warehouseId),
        RequiredByBackOrder: 0,
        InQuarantine: b.quarantine,
        InTransit: 0,
        InTransition: 0,
        Scrapped: 0,
        WarehouseId: b.warehouseId,
        LocationId: b.locationId,
        ClientId: c.clientId,
        LastUpdated: msDate(b.lastUpdated),
        Breakdown: [],
      })),
    );
  }

  /** Units expected on open ASNs, spread to the warehouse's first bin [modelled]. */
  private onOrder(sku: string, warehouseId: number): number {
    return this.state.asns.filter((a) => a.warehouseId === warehouseId && a.status === 'AWAITINGDELIVERY').reduce((n, a) => n + a.items.filter((i) => i.sku === sku).reduce((m, i) => m + i.expected - i.received, 0), 0);
  }

  // ── Orders ─────────────────────────────────────────────────────────────────────────────────

  orderView(o: SimOrder): Record<string, unknown> {
    return {
      ID: o.id,
      ClientId: o.clientId,
      OrderNumber: o.orderNumber,
      ExternalOrderReference: o.externalOrderReference,
      OrderDate: msDate(o.orderDate),
      DespatchDate: msDate(o.despatchDate),
      OrderStatusId: o.statusId,
      WarehouseId: o.warehouseId,
      CourierServiceName: o.courierServiceName,
      TrackingNumber: o.trackingNumber,
      // TrackingURL is read-only and computed by Mintsoft (DISCOVERY.md "Tracking").
      TrackingURL: o.trackingNumber ? `https://www.royalmail.com/track-your-item#/tracking-results/${o.trackingNumber}` : null,
      NumberOfParcels: 1,
      Tags: o.tags,
      ...o.address,
      LastUpdated: msDate(o.lastUpdated),
      // OrderItem has no despatched quantity (DISCOVERY.md); "Commited" is Mintsoft's spelling.
      OrderItems: o.items.map((i) => ({ ID: i.id, OrderId: o.id, ProductId: i.productId, SKU: i.sku, Quantity: i.quantity, Allocated: i.allocated, Commited: i.allocated, OnBackOrder: i.quantity - i.allocated, Price: i.unitPrice })),
    };
  }

  /**
   * PUT /api/Order (NewOrderWithItems) → HTTP 200 with an array of NewOrderResult, failures included
   * as Success:false with a Message (DISCOVERY.md "A successful HTTP response does not mean the order
   * was created"). OrderNumber and ExternalOrderReference are unique per client (help-mintsoft 11686761
   * "uniqueness check"; intercom 11948760 "order numbers must be unique"); the refusal's wording is
   * undocumented [modelled].
   */
  createOrder(c: Call): Res {
    const b = c.body();
    if (!b || typeof b !== 'object' || Array.isArray(b)) return json(400, { Message: 'The request is invalid.' });
    return json(200, [this.insertOrder(b as Record<string, unknown>, c.clientId, c.now)]);
  }

  private insertOrder(b: Record<string, unknown>, clientId: number, now: number): Record<string, unknown> {
    const fail = (Message: string) => ({ OrderId: 0, OrderNumber: b.OrderNumber ?? null, Success: false, OrderStatusId: 0, OrderStatus: null, Message, OrderItems: [] });
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
    const num = (k: string) => (typeof b[k] === 'number' ? (b[k] as number) : undefined);
    const orderNumber = str('OrderNumber');
    if (!orderNumber) return fail('OrderNumber is required');
    const ext = str('ExternalOrderReference');
    // Required fields (3pl-apis.md §3.2 from help-mintsoft 11686761): Warehouse, Country, CourierService.
    const warehouseId = num('WarehouseId') ?? this.state.seed.warehouses.find((w) => w.name === str('Warehouse') || `WH${w.id}` === str('Warehouse'))?.id;
    if (warehouseId === undefined || !this.state.seed.warehouses.some((w) => w.id === warehouseId)) return fail('Invalid Warehouse');
    if (!str('Country') && num('CountryId') === undefined) return fail('Invalid Country');
    if (!str('CourierService') && num('CourierServiceId') === undefined) return fail('Invalid Courier Service');
    for (const k of ['FirstName', 'Address1', 'PostCode']) if (!str(k)) return fail(`${k} is required`);
    if (this.state.orders.some((o) => o.clientId === clientId && (o.orderNumber === orderNumber || (ext !== '' && o.externalOrderReference === ext)))) {
      return fail(`Duplicate Order: an order with OrderNumber ${orderNumber}${ext ? ` or ExternalOrderReference ${ext}` : ''} already exists for this client`);
    }
    const items = Array.isArray(b.OrderItems) ? (b.OrderItems as Array<Record<string, unknown>>) : [];
    if (!items.length) return fail('Order has no OrderItems');
    for (const it of items) {
      const sku = typeof it.SKU === 'string' ? it.SKU : '';
      if (!this.state.products.has(sku)) return fail(`Product SKU '${sku}' not found`);
      if (typeof it.Quantity !== 'number' || !Number.isInteger(it.Quantity) || it.Quantity < 1) return fail(`Invalid Quantity for SKU '${sku}'`);
    }
    const o: SimOrder = {
      id: this.state.id(),
      clientId,
      orderNumber,
      externalOrderReference: ext,
      warehouseId,
      statusId: statusId('NEW'),
      courierServiceName: str('CourierService') || 'AUTO',
      orderDate: now,
      lastUpdated: now,
      despatchDate: null,
      trackingNumber: null,
      items: items.map((it) => ({ id: this.state.id(), sku: it.SKU as string, productId: this.state.products.get(it.SKU as string)!.id, quantity: it.Quantity as number, allocated: 0, unitPrice: typeof it.UnitPrice === 'number' ? it.UnitPrice : 0 })),
      address: Object.fromEntries(['FirstName', 'LastName', 'CompanyName', 'Address1', 'Address2', 'Address3', 'Town', 'County', 'PostCode', 'Email', 'Phone'].filter((k) => str(k)).map((k) => [k, str(k)])),
      tags: str('Tags'),
      despatchAt: this.despatchAfter === null ? null : now + this.despatchAfter,
    };
    this.state.orders.push(o);
    // NEW: "created, stock allocated"; without the stock it waits ONBACKORDER (help-mintsoft 11588522).
    o.statusId = statusId('ONBACKORDER');
    this.tryAllocate(o, now);
    const status = ORDER_STATUSES.find((s) => s.ID === o.statusId)!;
    return { OrderId: o.id, OrderNumber: o.orderNumber, Success: true, OrderStatusId: o.statusId, OrderStatus: status.Name, Message: '', OrderItems: o.items.map((i) => ({ SKU: i.sku, ID: i.id })) };
  }

  /** GET /api/Order/Search?OrderNumber=&ExactMatch= : a typed list of orders; partial match unless exact (DISCOVERY.md). */
  searchOrders(c: Call): Res {
    const n = c.q('OrderNumber') ?? '';
    const exact = (c.q('ExactMatch') ?? 'false').toLowerCase() === 'true';
    const hits = this.state.orders.filter((o) => o.clientId === c.clientId && n !== '' && (exact ? o.orderNumber === n || o.externalOrderReference === n : o.orderNumber.includes(n) || o.externalOrderReference.includes(n)));
    return json(200, hits.map((o) => this.orderView(o)));
  }

  /**
   * GET /api/Order/List: PageNo + Limit (max 100: glama.ai AhamadFalah/mintsoft-mcp list_orders),
   * OrderStatusId, SinceDespatchDate (DISCOVERY.md) and SinceLastUpdated [inferred, named like the
   * tracking-events list's filter; verify on a test client]. Oldest change first [modelled].
   */
  listOrders(c: Call): Res {
    const status = c.q('OrderStatusId');
    const sinceDespatch = dateParam(c.q('SinceDespatchDate'));
    const sinceUpdate = dateParam(c.q('SinceLastUpdated'));
    const hits = this.state.orders
      .filter((o) => o.clientId === c.clientId && (status === null || String(o.statusId) === status))
      .filter((o) => sinceDespatch === undefined || (o.despatchDate !== null && o.despatchDate >= sinceDespatch))
      .filter((o) => sinceUpdate === undefined || o.lastUpdated >= sinceUpdate)
      .sort((a, b) => a.lastUpdated - b.lastUpdated || a.id - b.id);
    return json(200, page(hits, c, 100, 100).map((o) => this.orderView(o)));
  }

  /** GET /api/Order/{id}: 404 "Order not found or not accessible" (DISCOVERY.md). */
  getOrder(c: Call): Res {
    const o = this.state.orders.find((x) => x.id === Number(c.params[0]) && x.clientId === c.clientId);
    return o ? json(200, this.orderView(o)) : json(404, { Message: 'Order not found or not accessible' });
  }

  /** GET /api/Order/{id}/Cancel → {Success, Message, WarningMessage} (DISCOVERY.md "Cancelling returns a result object"). */
  cancelOrder(c: Call): Res {
    const o = this.state.orders.find((x) => x.id === Number(c.params[0]) && x.clientId === c.clientId);
    if (!o) return json(200, { Success: false, Message: 'Order not found', WarningMessage: null });
    if (DESPATCHED_FAMILY.has(o.statusId)) return json(200, { Success: false, Message: 'Order has already been despatched and cannot be cancelled', WarningMessage: null });
    if (o.statusId === statusId('CANCELLED')) return json(200, { Success: false, Message: 'Order is already cancelled', WarningMessage: null });
    for (const i of o.items) this.state.unallocateLine(i.sku, o.warehouseId, i.allocated, c.now);
    for (const i of o.items) i.allocated = 0;
    o.statusId = statusId('CANCELLED');
    o.lastUpdated = c.now;
    return json(200, { Success: true, Message: 'Order Cancelled', WarningMessage: null });
  }

  /** GET /api/Order/{id}/MarkDespatched: a state-changing GET (DISCOVERY.md); the add-on never calls it. */
  markDespatched(c: Call): Res {
    const o = this.state.orders.find((x) => x.id === Number(c.params[0]) && x.clientId === c.clientId);
    if (!o || !this.despatchable(o)) return json(200, { Success: false, Message: 'Order cannot be despatched', WarningMessage: null });
    this.despatch(o, c.now);
    return json(200, { Success: true, Message: 'Order Despatched', WarningMessage: null });
  }

  // ── ASNs and returns (inbound.ts) ─────────────────────────────────────────────────────────────

  // ── World steps and world.json ─────────────────────────────────────────────────────────────

  /** Scenario `world` steps for system "threePl" (docs/mintsoft-simulator.md). */
  act(action: { action: string; [k: string]: unknown }): void {
    const now = this.clock.now();
    this.advance(now);
    const a = action;
    const order = (): SimOrder => {
      const ref = a.reference;
      const o = typeof ref === 'string' ? this.state.orderByNumber(ref) : undefined;
      if (!o) throw new Error(`Mintsoft simulator ${a.action}: no order with OrderNumber ${String(ref)}`);
      return o;
    };
    switch (a.action) {
      case 'ship': {
        const o = order();
        if (!this.despatchable(o)) throw new Error(`Mintsoft simulator ship: order ${o.orderNumber} is not ready to despatch (status ${o.statusId})`);
        this.despatch(o, now);
        break;
      }
      case 'hold':
        Object.assign(order(), { statusId: statusId('HOLDING'), lastUpdated: now });
        break;
      case 'release': {
        const o = order();
        o.statusId = statusId('ONBACKORDER');
        o.lastUpdated = now;
        this.tryAllocate(o, now);
        break;
      }
      case 'setStock': {
        const sku = typeof a.sku === 'string' ? a.sku : '';
        const wh = (a.warehouse ?? a.location) as number;
        if (!this.state.products.has(sku)) throw new Error(`Mintsoft simulator setStock: unknown SKU ${sku}`);
        if (!this.state.seed.warehouses.some((w) => w.id === wh)) throw new Error(`Mintsoft simulator setStock: unknown warehouse ${String(wh)}`);
        if (this.state.binsOf(sku, wh).length === 0) this.state.addStock(sku, wh, 0, now);
        const bins = this.state.binsOf(sku, wh);
        for (const field of ['onHand', 'allocated', 'quarantine'] as const) {
          const v = a[field];
          if (v === undefined) continue;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`Mintsoft simulator setStock: ${field} must be a whole number ≥ 0`);
          // The whole figure goes to the first bin, the others are emptied.
          bins.forEach((b, i) => {
            b[field] = i === 0 ? v : 0;
            b.lastUpdated = now;
          });
        }
        break;
      }
      case 'receive': {
        const ref = typeof a.reference === 'string' ? a.reference : '';
        const asn = this.state.asns.find((x) => x.poReference === ref && x.status !== 'CANCELLED');
        if (asn) {
          inbound.receiveAsn(this.state, asn, now, Array.isArray(a.lines) ? (a.lines as Array<{ sku: string; quantity: number }>) : undefined, a.complete !== false);
          break;
        }
        const ret = this.state.returns.find((x) => x.reference === ref);
        if (!ret) throw new Error(`Mintsoft simulator receive: no ASN or return with reference ${ref}`);
        for (const i of ret.items) {
          this.state.addStock(i.sku, ret.warehouseId, i.quantity - i.received, now);
          i.received = i.quantity;
        }
        ret.confirmed = true;
        ret.lastUpdated = now;
        break;
      }
      default:
        throw new Error(`Mintsoft simulator: unknown world action "${a.action}" (ship, hold, release, setStock, receive)`);
    }
    this.advance(now);
  }

  /** world.json "threePl". */
  snapshot(): Record<string, unknown> {
    this.advance(this.clock.now());
    const st = this.state;
    const name = (id: number) => ORDER_STATUSES.find((s) => s.ID === id)?.Name ?? String(id);
    return {
      provider: 'mintsoft',
      orders: st.orders.map((o) => ({
        id: o.id,
        reference: o.orderNumber,
        externalOrderReference: o.externalOrderReference,
        status: name(o.statusId),
        warehouse: o.warehouseId,
        created: msDate(o.orderDate),
        despatched: msDate(o.despatchDate),
        trackingNumber: o.trackingNumber,
        courierService: o.courierServiceName,
        lines: o.items.map((i) => ({ sku: i.sku, quantity: i.quantity, allocated: i.allocated })),
      })),
      inventory: st.bins.map((b) => ({ sku: b.sku, warehouse: b.warehouseId, location: b.locationId, onHand: b.onHand, allocated: b.allocated, quarantine: b.quarantine })),
      receipts: [...st.asns.map((a) => ({ kind: 'asn', ...inbound.asnView(a, true) })), ...st.returns.map((r) => ({ kind: 'return', id: r.id, reference: r.reference, confirmed: r.confirmed }))],
      requests: this.counters.requests,
      auths: this.counters.auths,
      requestsByOperation: { ...this.counters.byOperation },
    };
  }
}
