// The in-process Amazon: LWA, the three regional SP-API hosts and the S3 document hosts,
// registered on the world's Network. Every SP-API call is routed by Amazon's models, checked for a
// valid access token, offered to the scenario's faults, paced by the operation's documented
// usage plan (429 QuotaExceeded when the bucket is empty) and answered with x-amzn-RequestId and
// x-amzn-RateLimit-Limit (the latter only on 2xx/400/404, as Amazon documents; sp-api.md §10).

import { DOCUMENT_HOSTS, resolveMarketplace, spApiHost, type Marketplace, type Region } from '../../../src/amazon/hosts';
import { parseDuration, type VirtualClock } from '../clock';
import type { FaultInjector } from '../faults';
import type { Network, SimRequest, SimResponse } from '../http';
import { CURRENCY, type OpHandler, type SimCall, type SimCtx } from './context';
import { DocumentStore } from './documents';
import { processFeed } from './feed-processor';
import { LwaServer } from './lwa-server';
import { findOperation } from './models';
import { checkRequest } from './request-check';
import * as feeds from './ops-feeds';
import * as inbound from './ops-inbound';
import * as inventory from './ops-inventory';
import * as listings from './ops-listings';
import * as orders from './ops-orders';
import * as reports from './ops-reports';
import * as sellers from './ops-sellers';
import { PageTokens } from './page-tokens';
import { parseAmazonSection, seedMarketplace, sellerMarketplaces, orderSchema, cancelReasonSchema, seedChannels, settlementSchema, fbaInventorySchema, listingSchema, type AmazonSection } from './scenario';
import { SimBuckets } from './sim-buckets';
import { err, fail, invalidInput, SimFailure, type Reply } from './sim-http';
import { SimState, type WriteRecord } from './state';
import { encodeCp1252 } from './cp1252';

/** Handlers by model and operationId (getOrder exists in Orders v0 and v2026; only v2026 is served). */
const HANDLERS: Record<string, OpHandler> = {
  'orders2026.searchOrders': orders.searchOrders,
  'orders2026.getOrder': orders.getOrder,
  'ordersV0.confirmShipment': orders.confirmShipment,
  'inventory.getInventorySummaries': inventory.getInventorySummaries,
  'listings.getListingsItem': listings.getListingsItem,
  'listings.patchListingsItem': listings.patchListingsItem,
  'listings.searchListingsItems': listings.searchListingsItems,
  'feeds.createFeedDocument': feeds.createFeedDocument,
  'feeds.createFeed': feeds.createFeed,
  'feeds.getFeed': feeds.getFeed,
  'feeds.getFeeds': feeds.getFeeds,
  'feeds.cancelFeed': feeds.cancelFeed,
  'feeds.getFeedDocument': feeds.getFeedDocument,
  'reports.createReport': reports.createReport,
  'reports.getReport': reports.getReport,
  'reports.getReports': reports.getReports,
  'reports.cancelReport': reports.cancelReport,
  'reports.getReportDocument': reports.getReportDocument,
  'inboundV0.getShipments': inbound.getShipments,
  'inboundV0.getShipmentItemsByShipmentId': inbound.getShipmentItemsByShipmentId,
  'inboundV0.getShipmentItems': inbound.getShipmentItems,
  'inbound2024.listInboundPlans': inbound.listInboundPlans,
  'inbound2024.getInboundPlan': inbound.getInboundPlan,
  'inbound2024.getShipment': inbound.getShipment,
  'inbound2024.listShipmentItems': inbound.listShipmentItems,
  'sellers.getMarketplaceParticipations': sellers.getMarketplaceParticipations,
};

const FBA_CHANNEL: Record<Region, string> = { NA: 'AMAZON_NA', EU: 'AMAZON_EU', FE: 'AMAZON_FE' };
/** Amazon's feeds use-case guide shows this older NA document host; uploads may be sent there too. */
const LEGACY_NA_DOCUMENT_HOST = 'https://tortuga-prod-na.s3.amazonaws.com';

export interface AmazonSnapshot {
  /** `marketplace` (the code) only on listings outside the main marketplace. */
  listings: Array<{ sku: string; channel: 'FBM' | 'FBA'; quantity: number; marketplace?: string }>;
  writes: WriteRecord[];
  feeds: unknown[];
  confirmations: Array<{ orderId: string; trackingNumber: string; at: string; carrierCode: string; packageReferenceId: string }>;
  /** Every order with the packages confirmShipment created: what "each shipment confirmed once" is checked on. No PII. */
  orders: Array<{
    orderId: string;
    status: string;
    fulfilledBy: 'MERCHANT' | 'AMAZON';
    lastUpdated: string;
    items: Array<{ sku: string; quantity: number; shipped: number; orderItemId: string }>;
    packages: Array<{ packageReferenceId: string; carrierCode: string; trackingNumber: string; items: Array<{ orderItemId: string; quantity: number }> }>;
  }>;
}

export class AmazonSimulator {
  readonly state: SimState;
  readonly lwa: LwaServer;
  readonly docs: DocumentStore;
  readonly marketplace: Marketplace;
  /** Every SP-API call received: operation, status (or "timeout") and time, for tests and metrics. */
  readonly calls: Array<{ at: string; operation: string; status: number | 'timeout' }> = [];
  private readonly clock: VirtualClock;
  private readonly faults: FaultInjector;
  private readonly seed: AmazonSection;
  private readonly buckets: SimBuckets;
  private readonly ctx: SimCtx;
  private readonly latencyMs: number;
  private readonly timeoutMs: number;
  private requestSeq = 0;

  constructor(opts: { clock: VirtualClock; faults: FaultInjector; seed: AmazonSection; readFile?: (relPath: string) => string | Uint8Array }) {
    this.clock = opts.clock;
    this.faults = opts.faults;
    // Accepts raw input too, so tests can pass a partial section; parse fills in the defaults.
    this.seed = parseAmazonSection(opts.seed);
    this.marketplace = resolveMarketplace(this.seed.marketplace);
    this.latencyMs = parseDuration(this.seed.behaviour.latency);
    this.timeoutMs = parseDuration(this.seed.behaviour.timeoutAfter);
    this.state = new SimState(this.seed, this.clock.now());
    this.lwa = new LwaServer(this.clock, this.faults, this.latencyMs, this.timeoutMs);
    this.docs = new DocumentStore(this.clock, DOCUMENT_HOSTS[this.marketplace.region], this.marketplace.region.toLowerCase());
    this.buckets = new SimBuckets(this.clock);
    this.ctx = {
      clock: this.clock,
      faults: this.faults,
      state: this.state,
      docs: this.docs,
      pages: new PageTokens(this.clock),
      marketplace: this.marketplace,
      participations: sellerMarketplaces(this.seed),
      sellerId: this.seed.sellerId,
      seed: this.seed,
      behaviour: this.seed.behaviour,
      fbaChannelCode: FBA_CHANNEL[this.marketplace.region],
      currency: CURRENCY[this.marketplace.code] ?? 'USD',
      takeBucket: (key, rate, burst) => this.buckets.take(key, rate, burst),
    };
    for (const r of this.state.reports) if (r.settlement) this.storeSettlement(r, opts.readFile);
  }

  register(network: Network): void {
    network.register('https://api.amazon.com', (req) => this.lwa.handle(req));
    for (const region of ['NA', 'EU', 'FE'] as const) {
      network.register(spApiHost(region), (req) => this.handle(req, region));
      network.register(DOCUMENT_HOSTS[region], (req) => ({ ...this.docs.handle(req), latencyMs: this.latencyMs }));
    }
    network.register(LEGACY_NA_DOCUMENT_HOST, (req) => ({ ...this.docs.handle(req), latencyMs: this.latencyMs }));
  }

  handle(req: SimRequest, hostRegion: Region): SimResponse {
    this.advance();
    const requestId = `${(++this.requestSeq).toString(16).padStart(8, '0')}-5a1e-4c0d-9e55-${this.clock.now().toString(16).padStart(12, '0').slice(-12)}`;
    const url = new URL(req.url);
    const found = findOperation(req.method, url.pathname) ?? sellers.findSellersOperation(req.method, url.pathname);
    const operation = found?.op.operationId ?? 'unknown';
    const finish = (reply: SimResponse, rate?: number): SimResponse => {
      this.calls.push({ at: this.clock.iso(), operation, status: 'timeout' in reply ? 'timeout' : reply.status });
      if ('timeout' in reply) return reply;
      const headers: Record<string, string> = { ...(reply.headers ?? {}), 'x-amzn-RequestId': requestId };
      // "best effort, only on 20x/400/404" (Usage-Plans-and-Rate-Limits.md).
      if (rate !== undefined && ((reply.status >= 200 && reply.status < 300) || reply.status === 400 || reply.status === 404)) {
        headers['x-amzn-RateLimit-Limit'] = String(rate);
      }
      if (reply.status === 403) headers['x-amzn-ErrorType'] = 'AccessDeniedException';
      return { ...reply, headers, latencyMs: this.latencyMs };
    };
    if (!found) return finish(err(404, 'NotFound', `No operation serves ${req.method} ${url.pathname}.`));
    const handler = HANDLERS[`${found.op.model}.${operation}`];
    if (!handler) return finish(err(501, 'NotImplemented', `The simulator does not implement ${operation} (${found.op.model}).`));

    const token = req.headers['x-amz-access-token'];
    const auth = this.lwa.check(token);
    if (auth !== 'ok') {
      const details = auth === 'expired' ? 'The access token you provided has expired.' : auth === 'missing' ? 'Missing x-amz-access-token.' : 'The access token you provided is invalid.';
      return finish(err(403, 'Unauthorized', 'Access to requested resource is denied.', details));
    }
    if (hostRegion !== this.marketplace.region) {
      return finish(err(403, 'Unauthorized', 'Access to requested resource is denied.', `Marketplace ${this.marketplace.id} is served by ${spApiHost(this.marketplace.region)}.`));
    }

    const fault = this.faults.check('amazon', operation, (k) => k !== 'not_applied');
    if (fault === 'timeout') return finish({ timeout: true, latencyMs: this.timeoutMs });
    if (fault === '429') return finish(err(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.'));
    if (fault === '500') return finish(err(500, 'InternalFailure', 'We encountered an internal error. Please try again.'));
    if (fault === '503') return finish(err(503, 'ServiceUnavailable', 'Service temporarily unavailable. Please try again later.'));
    if (fault === 'auth_expired') {
      this.lwa.revoke(token!);
      return finish(err(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.'));
    }
    if (fault === 'echo_credential') {
      // SP-API's 403 error shape (sp-api.md §errors: {errors:[{code,message,details}]}) with the
      // x-amz-access-token it refused quoted in details: the echo issue 10 tests redaction against.
      return finish(err(403, 'Unauthorized', 'Access to requested resource is denied.', `The access token ${token ?? ''} is not valid for this call.`));
    }

    const plan = this.seed.behaviour.rateLimits[operation] ?? (found.op.rate !== undefined ? { rate: found.op.rate, burst: found.op.burst! } : undefined);
    if (plan && !this.buckets.take(operation, plan.rate, plan.burst)) {
      return finish(err(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.'));
    }

    const call: SimCall = {
      req,
      url,
      query: url.searchParams,
      params: found.params,
      json: () => {
        try {
          return JSON.parse(req.body) as unknown;
        } catch {
          return fail(invalidInput('The request body is not valid JSON.'));
        }
      },
    };
    let reply: Reply;
    try {
      // Model-declared constraints first (request-check.ts), then the operation's own rules.
      const problem = found.op.model === 'sellers' ? undefined : checkRequest(found.op, found.params, url.searchParams, call.json);
      if (problem) fail(invalidInput(problem));
      reply = handler(this.ctx, call);
    } catch (e) {
      if (!(e instanceof SimFailure)) throw e;
      reply = e.reply;
    }
    // lost_response: the work is done, the caller never hears back.
    if (fault === 'lost_response') return finish({ timeout: true, latencyMs: this.timeoutMs });
    if (fault === 'malformed') {
      const text = typeof reply.body === 'string' && reply.body ? reply.body : '{"payload":{}}';
      return finish({ status: 200, headers: { 'content-type': 'application/json' }, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) }, plan?.rate);
    }
    return finish(reply, plan?.rate);
  }

  /** Runs everything whose virtual time has come: feed and report processing, delayed patches. */
  advance(): void {
    const now = this.clock.now();
    const events: Array<{ at: number; run: () => void }> = [];
    for (const f of this.state.feeds) {
      if (f.status === 'IN_QUEUE' && now >= f.startAt) f.status = 'IN_PROGRESS';
      if ((f.status === 'IN_PROGRESS' || f.status === 'IN_QUEUE') && now >= f.doneAt) events.push({ at: f.doneAt, run: () => processFeed(this.ctx, f) });
    }
    for (const r of this.state.reports) {
      if (r.status === 'IN_QUEUE' && now >= r.startAt) r.status = 'IN_PROGRESS';
      if ((r.status === 'IN_PROGRESS' || r.status === 'IN_QUEUE') && now >= r.doneAt) events.push({ at: r.doneAt, run: () => reports.processReport(this.ctx, r) });
    }
    const due = this.state.pendingPatches.filter((p) => p.at <= now);
    this.state.pendingPatches = this.state.pendingPatches.filter((p) => p.at > now);
    for (const p of due) events.push({ at: p.at, run: p.apply });
    events.sort((a, b) => a.at - b.at).forEach((e) => e.run());
  }

  snapshot(): AmazonSnapshot {
    this.advance();
    const s = this.state;
    return {
      // A multi-channel listing shows one entry per channel (FBM first), so `channel` keeps its two values;
      // the main marketplace's listings first, as they were before there were several.
      listings: s.allListings().flatMap((l) => s.channelEntries(l).map((c) => ({ sku: l.sku, channel: c.channel, quantity: c.quantity, ...s.marketplaceField(l.marketplaceId) }))),
      writes: s.writes.map((w) => ({ ...w })),
      feeds: s.feeds.map((f) => ({
        feedId: f.feedId,
        feedType: f.feedType,
        createdTime: new Date(f.created).toISOString(),
        processingStatus: f.status,
        ...(f.summary ?? {}),
      })),
      confirmations: s.confirmations.map((c) => ({ ...c })),
      orders: [...s.orders.values()].map((o) => ({
        orderId: o.orderId,
        status: o.status,
        fulfilledBy: o.fulfilledBy,
        lastUpdated: new Date(o.lastUpdated).toISOString(),
        items: o.items.map((i) => ({ sku: i.sku, quantity: i.quantity, shipped: i.shipped, orderItemId: i.orderItemId })),
        packages: o.packages.map((p) => ({
          packageReferenceId: p.packageReferenceId,
          carrierCode: p.carrierCode,
          trackingNumber: p.trackingNumber,
          items: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        })),
      })),
    };
  }

  /** Scenario world steps ({ "world": { "system": "amazon", "action": ... } }); see docs/amazon-simulator.md. */
  act(action: { action: string; [k: string]: unknown }): void {
    this.advance();
    const now = this.clock.now();
    const s = this.state;
    // The listing a step names: `sku` in the step's `marketplace` (code or ID), else in the main one.
    const where = (): string => {
      const typed = action.marketplace === undefined ? undefined : String(action.marketplace);
      if (!seedMarketplace(this.seed, typed)) throw new Error(`amazon ${action.action}: "${typed}" is not one of the seller's marketplaces (amazon.marketplaces)`);
      return s.seedMarketplaceId(typed);
    };
    const inMarketplace = (mp: string): string => (mp === this.marketplace.id ? '' : ` in ${s.marketplaceField(mp).marketplace}`);
    const order = (id: unknown) => {
      const o = s.orders.get(String(id));
      if (!o) throw new Error(`amazon ${action.action}: no order "${String(id)}"`);
      return o;
    };
    switch (action.action) {
      case 'newOrder': {
        // Same fields as the seed's orders[], recipient and buyer included (generated when absent).
        const o = orderSchema.parse(action.order);
        if (s.orders.has(o.orderId)) throw new Error(`amazon newOrder: order ${o.orderId} exists`);
        if (o.marketplace !== undefined && !this.ctx.participations.some((m) => m.id === resolveMarketplace(o.marketplace!).id)) {
          throw new Error(`amazon newOrder: "${o.marketplace}" is not one of the seller's marketplaces (amazon.marketplaces)`);
        }
        // Placed now: a merchant order takes its units off the FBM quantity (state.ts placeOrder).
        s.placeOrder({ ...o, created: o.created ?? this.clock.iso(), lastUpdated: this.clock.iso() }, now);
        return;
      }
      case 'cancelOrder': {
        const o = order(action.orderId);
        if (o.status === 'SHIPPED') throw new Error(`amazon cancelOrder: ${o.orderId} has shipped`);
        s.cancelOrder(o, cancelReasonSchema.parse(action.reason), now);
        return;
      }
      case 'setOrderStatus': {
        const o = order(action.orderId);
        const status = orderSchema.shape.status.parse(action.status);
        // A cancellation has the same effect on stock however the step spells it.
        if (status === 'CANCELLED') s.cancelOrder(o, 'BuyerCanceled', now);
        o.status = status;
        o.lastUpdated = now;
        return;
      }
      case 'setFbaInventory': {
        const sku = String(action.sku);
        const mp = where();
        const l = s.listingsIn(mp).get(sku);
        if (!l || !s.fbaSkus(mp).includes(sku)) throw new Error(`amazon setFbaInventory: "${sku}" is not an FBA listing${inMarketplace(mp)}`);
        // Only the buckets the step names change; zod defaults would zero the rest.
        const parsed = fbaInventorySchema.parse({ ...action, sku });
        const given = Object.fromEntries(Object.keys(action).filter((k) => k in parsed && k !== 'sku' && k !== 'marketplace').map((k) => [k, parsed[k as keyof typeof parsed]]));
        s.setInventory(sku, { ...given, lastUpdated: undefined }, now, mp);
        return;
      }
      case 'setListingQuantity': {
        const mp = where();
        const l = s.listingsIn(mp).get(String(action.sku));
        if (!l || !l.fbm) throw new Error(`amazon setListingQuantity: "${String(action.sku)}" is not an FBM listing${inMarketplace(mp)}`);
        const q = action.quantity;
        if (typeof q !== 'number' || !Number.isInteger(q) || q < 0) throw new Error('amazon setListingQuantity: quantity must be a whole number ≥ 0');
        l.quantity = q;
        l.lastUpdated = now;
        return;
      }
      case 'setListingChannels': {
        // The seller switches channels in Seller Central (Manage Inventory's "Change to Fulfilled by
        // Amazon" action, Seller Central help 201835130), or adds one to make a multi-channel listing.
        const mp = where();
        const l = s.listingsIn(mp).get(String(action.sku));
        if (!l) throw new Error(`amazon setListingChannels: no listing "${String(action.sku)}"${inMarketplace(mp)}`);
        const { fbm, fba } = seedChannels({ channels: listingSchema.shape.channels.parse(action.channels) });
        if (!fbm && !fba) throw new Error('amazon setListingChannels: channels must name FBM and/or FBA');
        // A new DEFAULT entry starts at 0 unless the SKU is FBM in another marketplace: its quantity is the SKU's (state.ts fbmPool).
        if (fbm && !l.fbm && !s.allListings().some((x) => x !== l && x.sku === l.sku && x.fbm)) l.quantity = 0;
        l.fbm = fbm;
        l.fba = fba;
        l.lastUpdated = now;
        return;
      }
      case 'addListing': {
        const l = listingSchema.parse(action.listing);
        if (!seedMarketplace(this.seed, l.marketplace)) throw new Error(`amazon addListing: "${l.marketplace}" is not one of the seller's marketplaces (amazon.marketplaces)`);
        const mp = s.seedMarketplaceId(l.marketplace);
        if (s.listingsIn(mp).has(l.sku)) throw new Error(`amazon addListing: SKU ${l.sku} exists${inMarketplace(mp)}`);
        s.addListing(l, now);
        return;
      }
      case 'receiveInbound': {
        const sh = s.inbound.find((x) => x.shipmentId === action.shipmentId);
        if (!sh) throw new Error(`amazon receiveInbound: no shipment "${String(action.shipmentId)}"`);
        const item = sh.items.find((i) => i.sku === action.sku);
        if (!item || typeof action.quantity !== 'number') throw new Error('amazon receiveInbound: needs sku (in the shipment) and quantity');
        item.quantityReceived += action.quantity;
        sh.status = typeof action.status === 'string' ? (action.status as typeof sh.status) : 'RECEIVING';
        sh.lastUpdated = now;
        return;
      }
      case 'setInboundStatus': {
        const sh = s.inbound.find((x) => x.shipmentId === action.shipmentId);
        if (!sh) throw new Error(`amazon setInboundStatus: no shipment "${String(action.shipmentId)}"`);
        sh.status = action.status as typeof sh.status;
        sh.lastUpdated = now;
        return;
      }
      case 'addSettlement': {
        const st = settlementSchema.parse(action.settlement);
        s.addSettlement(st);
        this.storeSettlement(s.reports[s.reports.length - 1]!, undefined);
        return;
      }
      default:
        throw new Error(`amazon: unknown world action "${action.action}"`);
    }
  }

  private storeSettlement(r: SimState['reports'][number], readFile: ((p: string) => string | Uint8Array) | undefined): void {
    const st = r.settlement!;
    // Each settlement belongs to one marketplace (scenario extension `marketplace`; getReports filters on it).
    r.marketplaceIds = [st.marketplace ? resolveMarketplace(st.marketplace).id : this.marketplace.id];
    if (st.processingStatus !== 'DONE') return;
    let content: string | Uint8Array;
    if (st.content !== undefined) content = st.content;
    else if (readFile) content = readFile(st.file!);
    else throw new Error(`amazon.settlements ${st.reportId}: "file" needs the simulator's readFile`);
    const bytes = typeof content === 'string' ? (st.charset === 'Cp1252' ? encodeCp1252(content) : content) : content;
    r.reportDocumentId = this.docs.putGenerated('report', bytes, `text/plain; charset=${st.charset}`, st.gzip);
  }
}
