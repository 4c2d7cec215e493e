// The in-process, stateful ShipBob simulator, seeded by a scenario's "threePl" section. It answers
// https://api.shipbob.com and https://sandbox-api.shipbob.com under /{version}/..., checks the
// Bearer token, requires shipbob_channel_id on writes, enforces the 150/min sliding window with
// x-retry-after (developer.shipbob.com/rate-limit), applies scenario faults by ShipBob operationId,
// and moves orders forward lazily from the virtual clock. Documented in docs/shipbob-simulator.md.

import type { VirtualClock } from '../clock';
import { parseDuration } from '../clock';
import type { FaultInjector, FaultKind } from '../faults';
import type { Network, SimRequest, SimResponse } from '../http';
import { empty, fieldErrors, json, tooMany, type Call, type Res } from './respond';
import * as billing from './routes-billing';
import * as history from './routes-history';
import * as inbound from './routes-inbound';
import * as orders from './routes-orders';
import type { SimCore } from './routes-orders';
import * as stock from './routes-stock';
import { parseThreePlSection, type ThreePlSection } from './scenario';
import { ShipBobState, type SimOrder } from './state';
import { isoOrNull, returnView, wroView } from './views';
import { Warehouse } from './warehouse';

/** The channel a `placeOrder` world step sells through unless it names one: not the add-on's. */
export const OTHER_CHANNEL_ID = 100099;
export const PRODUCTION_ORIGIN = 'https://api.shipbob.com';
export const SANDBOX_ORIGIN = 'https://sandbox-api.shipbob.com';
/**
 * Dated versions the simulator serves (developer.shipbob.com/versioning: "Latest Version: 2026-07",
 * a new one every January and July). What differs by version in the operations modelled here is
 * listed in docs/shipbob-simulator.md ("Versions"): create-warehouse-receiving-order, and
 * query-inventory-history, which 2025-07 lacks (Route.since).
 */
export const SUPPORTED_VERSIONS = ['2025-07', '2026-01', '2026-07'];
/** UrlFetchApp's own timeout is not documented; about a minute is what callers observe [assumption]. */
export const TIMEOUT_MS = 60_000;

interface Route {
  method: SimRequest['method'];
  pattern: RegExp;
  /** ShipBob operationId: the name scenario faults use. */
  op: string;
  /** shipbob_channel_id required (spec marks the header required on these operations). */
  needsChannel?: boolean;
  sandboxOnly?: boolean;
  /** First version whose spec has the operation; older versions answer 404 as for an unknown path. */
  since?: string;
  handle: (core: SimCore, c: Call) => Res;
}

const N = '(\\d+)';
const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/channel$/, op: 'get-channels', handle: stock.getChannels },
  { method: 'GET', pattern: /^\/location$/, op: 'get-locations', handle: (core) => stock.getLocations(core) },
  { method: 'GET', pattern: /^\/fulfillment-center$/, op: 'get-fulfillment-centers', handle: (core) => stock.getFulfillmentCenters(core) },
  { method: 'POST', pattern: /^\/order$/, op: 'create-order', needsChannel: true, handle: orders.createOrder },
  { method: 'GET', pattern: /^\/order$/, op: 'get-orders', handle: orders.getOrders },
  { method: 'GET', pattern: new RegExp(`^/order/${N}$`), op: 'get-order', handle: orders.getOrder },
  { method: 'GET', pattern: new RegExp(`^/order/${N}/shipment$`), op: 'get-all-shipments-for-order', handle: orders.getOrderShipments },
  { method: 'GET', pattern: new RegExp(`^/order/${N}/shipment/${N}$`), op: 'get-shipment-by-order-id-and-shipment-id', handle: orders.getOrderShipments },
  { method: 'POST', pattern: new RegExp(`^/order/${N}:cancel$`), op: 'cancel-order', handle: orders.cancelOrder },
  { method: 'GET', pattern: new RegExp(`^/shipment/${N}$`), op: 'get-shipment', handle: orders.getShipment },
  { method: 'POST', pattern: /^\/shipment:batchUpdateTrackingUpload$/, op: 'mark-tracking-uploaded', handle: orders.markTrackingUploaded },
  { method: 'GET', pattern: /^\/product$/, op: 'get-products', handle: stock.getProducts },
  { method: 'GET', pattern: /^\/inventory-level$/, op: 'get-all-inventory-levels', handle: stock.getInventoryLevels },
  { method: 'POST', pattern: /^\/inventory\/history:query$/, op: 'query-inventory-history', since: '2026-01', handle: history.queryInventoryHistory },
  { method: 'GET', pattern: /^\/inventory-level\/locations$/, op: 'get-all-inventory-levels-grouped-by-fulfillment-center', handle: stock.getInventoryByLocation },
  { method: 'POST', pattern: /^\/receiving$/, op: 'create-warehouse-receiving-order', handle: inbound.createWro },
  { method: 'GET', pattern: /^\/receiving$/, op: 'get-multiple-warehouse-receiving-orders', handle: inbound.getWros },
  { method: 'POST', pattern: /^\/receiving:setExternalSync$/, op: 'set-external-sync-flag-for-wros', handle: inbound.setExternalSync },
  { method: 'GET', pattern: new RegExp(`^/receiving/${N}$`), op: 'get-warehouse-receiving-order', handle: inbound.getWro },
  { method: 'GET', pattern: new RegExp(`^/receiving/${N}/boxes$`), op: 'get-warehouse-receiving-order-boxes', handle: inbound.getWroBoxes },
  { method: 'POST', pattern: new RegExp(`^/receiving/${N}:cancel$`), op: 'cancel-warehouse-receiving-order', handle: inbound.cancelWro },
  { method: 'POST', pattern: /^\/return$/, op: 'create-return-order', needsChannel: true, handle: inbound.createReturn },
  { method: 'GET', pattern: /^\/return$/, op: 'get-return-orders', handle: inbound.getReturns },
  { method: 'GET', pattern: new RegExp(`^/return/${N}$`), op: 'get-return-order', handle: inbound.getReturn },
  { method: 'POST', pattern: new RegExp(`^/return/${N}:cancel$`), op: 'cancel-return-order', handle: inbound.cancelReturn },
  { method: 'GET', pattern: /^\/invoices$/, op: 'get-invoices', handle: billing.getInvoices },
  { method: 'GET', pattern: new RegExp(`^/invoices/${N}/transactions$`), op: 'get-transactions-by-invoice-id', handle: billing.getInvoiceTransactions },
  { method: 'POST', pattern: /^\/transactions:query$/, op: 'search-transactions', handle: billing.searchTransactions },
  { method: 'GET', pattern: /^\/transaction-fees$/, op: 'get-transaction-fees', handle: (core) => billing.getTransactionFees(core) },
  { method: 'POST', pattern: /^\/simulate\/shipment$/, op: 'simulates-shipment', needsChannel: false, sandboxOnly: true, handle: (core, c) => simulateShipment(core, c) },
];

/**
 * Sandbox shipment simulation (spec simulates-shipment, copy at api-evangelist/shipbob
 * openapi/shipbob-subpackage-simulations-api-openapi.yml: Simulation.orderSimulationRequestModel
 * {shipment_id, simulation: {action: ShipOrder | DeliverOrder, delay?, next?}}; 3pl-apis.md §2.1).
 * Applied at once; `delay` is not modelled [simplified]. The spec declares only the 200; a chain
 * that cannot run is refused whole, before anything changes, with the orders family's 422 field map
 * (as cancel-order answers an order it cannot cancel) [inferred]: ShipOrder on a shipment whose
 * stock is not all committed or that was cancelled, DeliverOrder on one that has not shipped.
 */
function simulateShipment(core: SimCore, c: Call): Res {
  const b = c.body() as { shipment_id?: unknown; simulation?: unknown } | null;
  const id = Number(b?.shipment_id);
  const found = core.st.orders.flatMap((o) => o.shipments.map((s) => ({ o, s }))).find((x) => x.s.id === id);
  if (!found) return fieldErrors(400, { ShipmentId: [`Shipment ${String(b?.shipment_id)} not found.`] });
  const { o, s } = found;
  const actions: string[] = [];
  for (let sim = b?.simulation as { action?: unknown; next?: unknown } | undefined; sim; sim = sim.next as typeof sim) {
    if (sim.action !== 'ShipOrder' && sim.action !== 'DeliverOrder') return fieldErrors(400, { 'Simulation.Action': ['Action must be ShipOrder or DeliverOrder.'] });
    actions.push(sim.action);
  }
  if (!actions.length) return fieldErrors(400, { Simulation: ['The Simulation field is required.'] });
  // Dry run: what the shipment's status would be after each step, refusing the first that cannot run.
  let shipped = s.status === 'Completed';
  if (actions.indexOf('ShipOrder') >= 0 && !shipped) {
    if (s.status === 'Cancelled') return fieldErrors(422, { '': [`Shipment ${s.id} is cancelled and cannot be shipped.`] });
    core.wh.allocate(s, c.now);
    const short = s.items.filter((i) => i.committed < i.quantity);
    if (short.length) {
      return fieldErrors(422, { '': [`Shipment ${s.id} cannot be shipped: inventory is not allocated for ${short.map((i) => i.sku).join(', ')} (AwaitingInventoryAllocation).`] });
    }
  }
  for (const a of actions) {
    if (a === 'ShipOrder') shipped = true;
    else if (!shipped) return fieldErrors(422, { '': [`Shipment ${s.id} has not shipped, so it cannot be delivered.`] });
  }
  for (const a of actions) {
    if (a === 'ShipOrder' && s.status !== 'Completed') core.wh.ship(o, s, c.now);
    else if (a === 'DeliverOrder' && s.deliveryDate === null) core.wh.deliver(o, s, c.now);
  }
  return json(200, { simulation_id: `sim-${id}-${c.now}`, message: 'Simulation registered successfully' });
}

export class ShipBobSimulator {
  readonly state: ShipBobState;
  private readonly wh: Warehouse;
  private readonly clock: VirtualClock;
  private readonly faults: FaultInjector;
  /** Request times per token, for the sliding window. */
  private readonly windows = new Map<string, number[]>();
  readonly counters = { requests: 0, rateLimited: 0, byOperation: {} as Record<string, number> };

  constructor(opts: { clock: VirtualClock; faults: FaultInjector; seed: ThreePlSection }) {
    const seed = parseThreePlSection(opts.seed);
    this.clock = opts.clock;
    this.faults = opts.faults;
    this.state = new ShipBobState(seed, this.clock.now());
    const b = seed.behaviour;
    this.wh = new Warehouse(this.state, b.shipAfter ? parseDuration(b.shipAfter) : null, b.deliverAfter ? parseDuration(b.deliverAfter) : null);
    this.seedInbound(seed);
    this.seedOrders(seed);
  }

  register(network: Network): void {
    network.register(PRODUCTION_ORIGIN, (req) => this.handle(req, PRODUCTION_ORIGIN));
    network.register(SANDBOX_ORIGIN, (req) => this.handle(req, SANDBOX_ORIGIN));
  }

  private seedInbound(seed: ThreePlSection): void {
    const now = this.clock.now();
    const core = { st: this.state, wh: this.wh };
    for (const w of seed.receivingOrders) {
      const body = {
        fulfillment_center: { id: w.location },
        package_type: 'Package',
        box_packaging_type: w.boxes.length > 1 ? 'MultipleSkuPerBox' : 'EverythingInOneBox',
        expected_arrival_date: w.expectedArrival ?? new Date(now + 7 * 86400000).toISOString(),
        purchase_order_number: w.purchaseOrderNumber,
        boxes: w.boxes.map((bx) => ({ tracking_number: bx.trackingNumber, box_items: bx.items.map((i) => ({ inventory_id: this.state.products.get(i.sku)!.inventoryId, quantity: i.quantity })) })),
      };
      const res = inbound.createWro(core, this.seedCall('/receiving', body, now));
      if (res.status !== 201) throw new Error(`Invalid scenario: threePl.receivingOrders ${w.purchaseOrderNumber}: ${String(res.body)}`);
    }
    for (const r of seed.returns) {
      const body = {
        reference_id: r.referenceId,
        tracking_number: r.trackingNumber,
        fulfillment_center: { id: r.location },
        inventory: r.items.map((i) => ({ id: this.state.products.get(i.sku)!.inventoryId, quantity: i.quantity, requested_action: 'Default' })),
      };
      const res = inbound.createReturn(core, this.seedCall('/return', body, now));
      if (res.status !== 201) throw new Error(`Invalid scenario: threePl.returns ${r.referenceId}: ${String(res.body)}`);
    }
  }

  /** Seeded orders go through create-order itself, so they commit stock and ship as any other. */
  private seedOrders(seed: ThreePlSection): void {
    const now = this.clock.now();
    const core = { st: this.state, wh: this.wh };
    for (const o of seed.orders) {
      const body = {
        reference_id: o.reference,
        type: o.type,
        shipping_method: 'Standard',
        ...(o.location !== undefined ? { location_id: o.location } : {}),
        recipient: { name: 'Seeded customer', address: { address1: '1 High Street', city: 'Leeds', country: 'GB' } },
        products: o.items.map((i) => ({ reference_id: i.sku, quantity: i.quantity })),
      };
      const res = orders.createOrder(core, this.seedCall('/order', body, now));
      if (res.status !== 201) throw new Error(`Invalid scenario: threePl.orders ${o.reference}: ${String(res.body)}`);
    }
  }

  private seedCall(path: string, body: unknown, now: number): Call {
    const url = new URL(`${PRODUCTION_ORIGIN}/2026-01${path}`);
    const req: SimRequest = { method: 'POST', url: url.toString(), headers: {}, body: JSON.stringify(body), bodyBytes: new Uint8Array() };
    return { req, url, path, version: '2026-01', origin: PRODUCTION_ORIGIN, params: [], now, body: () => body, channelId: this.state.seed.channels[0]?.id ?? null };
  }

  private handle(req: SimRequest, origin: string): SimResponse {
    const now = this.clock.now();
    this.wh.advance(now);
    const latencyMs = this.state.seed.latencyMs;
    const url = new URL(req.url);
    const m = /^\/([^/]+)(\/.*)$/.exec(url.pathname);
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers['authorization'] ?? '');
    // "Authorization missing or invalid": 401 with no body (spec 2026-01 response descriptions).
    if (!auth) return { ...empty(401), latencyMs };
    const token = auth[1]!;
    const limit = this.state.seed.rateLimitPerMinute;
    const times = (this.windows.get(token) ?? []).filter((t) => t > now - 60_000);
    this.windows.set(token, times);
    if (times.length >= limit) {
      this.counters.rateLimited++;
      const retryAfter = Math.max(1, Math.ceil((times[times.length - limit]! + 60_000 - now) / 1000));
      return { ...tooMany(retryAfter), latencyMs };
    }
    times.push(now);
    this.counters.requests++;
    const remaining = { 'x-remaining-calls': String(limit - times.length) };
    if (!m || SUPPORTED_VERSIONS.indexOf(m[1]!) < 0) return { ...empty(404), latencyMs };
    const version = m[1]!;
    const path = m[2]!;
    let route: Route | undefined;
    let params: string[] = [];
    for (const r of ROUTES) {
      const hit = r.method === req.method ? r.pattern.exec(path) : null;
      if (hit && (!r.sandboxOnly || origin === SANDBOX_ORIGIN) && (!r.since || version >= r.since)) {
        route = r;
        params = hit.slice(1);
        break;
      }
    }
    if (!route) return { ...empty(404), latencyMs };
    this.counters.byOperation[route.op] = (this.counters.byOperation[route.op] ?? 0) + 1;
    const fault = this.faults.check('threePl', route.op, (k: FaultKind) => k !== 'not_applied');
    if (fault === '429') return { ...tooMany(5), latencyMs };
    if (fault === '500') return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error', latencyMs };
    if (fault === '503') return { status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable', latencyMs };
    if (fault === 'timeout') return { timeout: true, latencyMs: TIMEOUT_MS };
    if (fault === 'auth_expired') return { ...empty(401), latencyMs };
    // echo_credential: a 401 whose body quotes the bearer token it refused. ShipBob documents the 401
    // as "Authorization missing or invalid" (spec 2026-01); the echo is the misbehaviour issue 10
    // reproduces, so the add-on's redaction can be tested against it.
    if (fault === 'echo_credential') {
      // ShipBob answers RFC 7807 ProblemDetails, ASP.NET Core's shape; its System.Text.Json escapes
      // "+", "&", "'", "<", ">", "`" and non-ASCII as \uXXXX by default
      // (https://learn.microsoft.com/en-us/dotnet/standard/serialization/system-text-json/character-encoding),
      // so an echoed base64 token does not come back as it was sent.
      const body = JSON.stringify({ title: 'Unauthorized', status: 401, detail: `Authorization missing or invalid: Bearer ${token}` })
        .replace(/[+&'<>`\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      return { status: 401, headers: { 'content-type': 'application/problem+json' }, body, latencyMs };
    }
    const channelHeader = req.headers['shipbob_channel_id'];
    const channelId = channelHeader === undefined ? null : Number(channelHeader);
    let res: Res;
    if (channelHeader !== undefined && !this.state.seed.channels.some((ch) => ch.id === channelId)) {
      res = fieldErrors(400, { shipbob_channel_id: [`Channel ${channelHeader} does not exist or is not accessible.`] });
    } else if (route.needsChannel && channelId === null) {
      res = fieldErrors(400, { shipbob_channel_id: ['The shipbob_channel_id header is required.'] });
    } else if (route.needsChannel && !this.state.seed.channels.some((ch) => ch.id === channelId && ch.scopes.some((s) => /_write$/.test(s)))) {
      res = empty(403);
    } else {
      let parsed: unknown;
      let parsedOnce = false;
      const call: Call = {
        req,
        url,
        path,
        version,
        origin,
        params,
        now,
        channelId,
        body: () => {
          if (!parsedOnce) {
            parsedOnce = true;
            try {
              parsed = req.body ? JSON.parse(req.body) : null;
            } catch {
              parsed = null;
            }
          }
          return parsed;
        },
      };
      res = route.handle({ st: this.state, wh: this.wh }, call);
    }
    // lost_response: the work is done, the caller never hears (docs/scenarios.md §faults).
    if (fault === 'lost_response') return { timeout: true, latencyMs: TIMEOUT_MS };
    if (fault === 'malformed' && typeof res.body === 'string') res = { ...res, body: res.body.slice(0, Math.floor(res.body.length / 2)) };
    return { ...res, headers: { ...res.headers, ...remaining }, latencyMs };
  }

  /** Scenario `world` steps for system "threePl". */
  act(action: { action: string; [k: string]: unknown }): void {
    const now = this.clock.now();
    this.wh.advance(now);
    const a = action;
    const order = (): SimOrder => {
      const ref = a.reference;
      const o = typeof ref === 'string' ? this.state.orderByReference(ref) : undefined;
      if (!o) throw new Error(`ShipBob simulator ${a.action}: no order with reference ${String(ref)}`);
      return o;
    };
    const lines = Array.isArray(a.lines) ? (a.lines as Array<{ sku: string; quantity: number }>) : undefined;
    switch (a.action) {
      case 'ship':
        this.wh.shipNow(order(), now, lines ?? (a.partial === true ? true : undefined));
        break;
      case 'hold':
        this.wh.setHold(order(), 'OnHold', now);
        break;
      case 'exception':
        this.wh.setHold(order(), 'Exception', now);
        break;
      case 'release':
        this.wh.setHold(order(), 'Processing', now);
        break;
      case 'deliver': {
        const o = order();
        for (const s of o.shipments) if (s.status === 'Completed' && s.deliveryDate === null) this.wh.deliver(o, s, now);
        break;
      }
      case 'setStock': {
        const p = typeof a.sku === 'string' ? this.state.products.get(a.sku) : undefined;
        if (!p) throw new Error(`ShipBob simulator setStock: unknown SKU ${String(a.sku)}`);
        if (!this.state.locations.some((l) => l.id === a.location)) throw new Error(`ShipBob simulator setStock: unknown location ${String(a.location)}`);
        const values: { onHand?: number; committed?: number; awaiting?: number } = {};
        for (const k of ['onHand', 'committed', 'awaiting'] as const) {
          const v = a[k];
          if (v === undefined) continue;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`ShipBob simulator setStock: ${k} must be a whole number ≥ 0`);
          values[k] = v;
        }
        this.state.adjustStock(p.inventoryId, a.location as number, values, now);
        break;
      }
      case 'placeOrder': {
        // An order from another sales channel (a webstore, a wholesale order): ShipBob commits its
        // stock at once, and it reaches the inventory history only when picked.
        const ref = typeof a.reference === 'string' && a.reference ? a.reference : '';
        if (!ref) throw new Error('ShipBob simulator placeOrder: give reference');
        if (!lines?.length) throw new Error('ShipBob simulator placeOrder: give lines [{sku, quantity}]');
        const channel = typeof a.channel === 'number' ? a.channel : OTHER_CHANNEL_ID;
        const body = {
          reference_id: ref,
          type: 'DTC',
          shipping_method: 'Standard',
          recipient: { name: 'Webstore customer', address: { address1: '1 High Street', city: 'Leeds', country: 'GB' } },
          products: lines.map((l) => ({ reference_id: l.sku, quantity: l.quantity })),
        };
        const res = orders.createOrder({ st: this.state, wh: this.wh }, { ...this.seedCall('/order', body, now), channelId: channel });
        if (res.status !== 201) throw new Error(`ShipBob simulator placeOrder ${ref}: ${JSON.stringify(res.body)}`);
        break;
      }
      case 'setActive': {
        // The dashboard's activate/deactivate of a product or bundle (variant status Active/Inactive).
        const sku = typeof a.sku === 'string' ? a.sku : '';
        const p = this.state.products.get(sku) ?? this.state.bundles.get(sku);
        if (!p) throw new Error(`ShipBob simulator setActive: unknown SKU ${String(a.sku)}`);
        if (typeof a.active !== 'boolean') throw new Error('ShipBob simulator setActive: active must be true or false');
        p.active = a.active;
        p.updatedAt = now;
        // An inventory item's attribute change is logged at each centre holding it; a bundle has no item.
        if ('inventoryId' in p) {
          for (const l of this.state.locations) if (this.state.stock.has(`${p.inventoryId}:${l.id}`)) this.state.logHistory(p.inventoryId, l.id, { at: now, category: 'AttributeUpdated' }, 0);
        }
        break;
      }
      case 'receive': {
        const ref = typeof a.reference === 'string' ? a.reference : undefined;
        const tn = typeof a.trackingNumber === 'string' ? a.trackingNumber : undefined;
        if (!ref && !tn) throw new Error('ShipBob simulator receive: give reference or trackingNumber');
        const complete = a.complete !== false;
        const w = this.state.wros.find((x) => x.status !== 'Cancelled' && ((ref && x.purchaseOrderNumber === ref) || (tn && x.boxes.some((b) => b.trackingNumber === tn))));
        if (w) {
          this.wh.receiveWro(w, now, { trackingNumber: tn, lines, complete });
          break;
        }
        const r = this.state.returns.find((x) => x.status !== 'Cancelled' && ((ref && x.referenceId === ref) || (tn && x.trackingNumber === tn)));
        if (!r) throw new Error(`ShipBob simulator receive: no receiving order or return matches ${ref ?? tn}`);
        this.wh.receiveReturn(r, now, { lines, complete });
        break;
      }
      case 'charge':
        billing.worldCharge(this.state, a, now, (ref) => this.state.orderByReference(ref));
        break;
      default:
        throw new Error(`ShipBob simulator: unknown world action "${a.action}" (ship, setStock, setActive, receive, hold, exception, release, deliver, charge)`);
    }
    // Stock that just arrived may let waiting orders commit and ship.
    this.wh.advance(now);
  }

  /** world.json "threePl". */
  snapshot(): { orders: Array<{ id: number; reference: string; type: string; status: string; shipments: unknown[] }>; receipts: unknown[]; inventory: unknown[]; [k: string]: unknown } {
    this.wh.advance(this.clock.now());
    const st = this.state;
    return {
      orders: st.orders.map((o) => ({
        id: o.id,
        reference: o.referenceId,
        type: o.type,
        status: o.status,
        channelId: o.channelId,
        created: isoOrNull(o.createdAt),
        lines: o.products.map((p) => ({ sku: p.sku, quantity: p.quantity })),
        shipments: o.shipments.map((s) => ({
          id: s.id,
          status: s.status,
          location: s.locationId,
          trackingNumber: s.tracking?.trackingNumber ?? null,
          carrier: s.tracking?.carrier ?? null,
          shippedAt: isoOrNull(s.actualFulfillmentDate),
          deliveredAt: isoOrNull(s.deliveryDate),
          isTrackingUploaded: s.isTrackingUploaded,
          items: s.items.map((i) => ({ sku: i.sku, quantity: i.quantity, committed: i.committed })),
        })),
      })),
      receipts: [
        ...st.wros.map((w) => ({ kind: 'wro', ...wroView(st, w, PRODUCTION_ORIGIN, '2026-01'), trackingNumbers: w.boxes.map((b) => b.trackingNumber) })),
        ...st.returns.map((r) => ({ kind: 'return', ...returnView(st, r) })),
      ],
      inventory: [...st.products.values()].flatMap((p) =>
        st.locations
          .filter((l) => st.stock.has(`${p.inventoryId}:${l.id}`))
          .map((l) => {
            const c = st.peek(p.inventoryId, l.id);
            return { sku: p.sku, location: l.id, onHand: c.onHand, committed: c.committed, fulfillable: st.fulfillable(c), awaiting: c.awaiting };
          }),
      ),
      products: [
        ...[...st.products.values()].map((p) => ({ sku: p.sku, active: p.active })),
        ...[...st.bundles.values()].map((b) => ({ sku: b.sku, active: b.active, bundle: b.components.map((c) => ({ ...c })) })),
      ],
      charges: st.transactions.map((t) => ({ id: t.transactionId, amount: t.amount, currency: t.currency, fee: t.fee, referenceType: t.referenceType, referenceId: t.referenceId, chargeDate: isoOrNull(t.chargeDate), invoiceId: t.invoiceId })),
      invoices: st.invoices.map((i) => ({ ...i })),
      requests: this.counters.requests,
      rateLimited: this.counters.rateLimited,
      requestsByOperation: { ...this.counters.byOperation },
    };
  }
}
