// The ShipBob implementation of ThreePlAdapter. Runs inside Apps Script: only the ports, no Node
// or browser APIs. The token never appears in a log line or an error message.

import type { ClockPort, Deadline } from '../../ports/clock';
import type { HttpPort } from '../../ports/http';
import type { LogPort } from '../../ports/log';
import type { KeyValueStore } from '../../ports/store';
import { createIdempotently, type CreateAttempt } from '../idempotent';
import { AdapterError, type Capabilities, type CreateOutcome, type InboundReceipt, type InboundReceiptRequest, type ThreePlAdapter } from '../types';
import { cachedWriteChannel, listChannels, listWarehouses, pickWriteChannel, tokenFingerprint } from './account';
import { listCharges, listInvoiceCharges, listInvoices } from './billing';
import { listUnidentifiedReceipts } from './uro';
import { readWrosById } from './receiving-batch';
import type { ShipBobContext } from './context';
import { ShipBobHttp } from './http';
import { getStock, stockPages } from './inventory';
import { stockMovedSince } from './stock-moved';
import { listProducts } from './catalogue';
import { cancelOrder, createOutboundOrder, findOrderByReference, getOrder, listOrdersChangedSince, ORDER_PAGE_LIMIT } from './orders';
import { resolveInventoryIds } from './products';
import { RateWindow } from './rate-window';
import { attemptCreateWro, findWrosByReference, findWrosByTracking, lookupWro, wroBody } from './receiving';
import { attemptCreateReturn, findReturns, lookupReturn, returnBody } from './returns';
import { listUnsyncedShipments, markShipmentsSynced } from './shipments';
import { DEFAULT_SHIPBOB_API_VERSION, isSupportedVersion, unsupportedVersionMessage } from './versions';

interface ShipBobAdapterDeps {
  http: HttpPort;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
  /** Persists the sliding-window request times (and the resolved channel) across executions. */
  store: KeyValueStore;
  token: string;
  /** Dated API version, the "3PL API version" setting; empty: the current one. Anything else unsupported is refused. */
  apiVersion: string;
  /** "3PL channel ID" setting; empty: the first channel with orders_write. */
  channelId?: string;
  sandbox?: boolean;
  random?: () => number;
}

/** developer.shipbob.com/rate-limit. */
export const SHIPBOB_RATE_LIMIT_PER_MIN = 150;

export function createShipBobAdapter(deps: ShipBobAdapterDeps): ThreePlAdapter {
  if (!deps.token) throw new AdapterError('AUTH', 'No ShipBob access token is set');
  const apiVersion = deps.apiVersion.trim() || DEFAULT_SHIPBOB_API_VERSION;
  // Never call a path ShipBob may not serve, or whose fields this code was not checked against.
  if (!isSupportedVersion(apiVersion)) throw new AdapterError('VALIDATION', unsupportedVersionMessage(apiVersion), { fields: { '3PL API version': [apiVersion] } });
  const fp = tokenFingerprint(deps.token);
  const window = new RateWindow(deps.store, { limit: SHIPBOB_RATE_LIMIT_PER_MIN, windowMs: 60_000, key: `threepl.shipbob.window.${fp}` });
  let channel = deps.channelId || '';
  // Declared before ctx so the header callback can resolve the channel lazily.
  const ctx = {} as ShipBobContext;
  const api = new ShipBobHttp({
    http: deps.http,
    clock: deps.clock,
    deadline: deps.deadline,
    log: deps.log,
    window,
    token: deps.token,
    apiVersion,
    sandbox: deps.sandbox === true,
    random: deps.random ?? Math.random,
    channelId: () => (channel ||= cachedWriteChannel(ctx, deps.store, fp)),
  });
  Object.assign(ctx, { api, clock: deps.clock, deadline: deps.deadline, log: deps.log });
  const inventoryIds = new Map<string, number>();
  // When this add-on last sent ShipBob an order (stock-moved.ts: an order ShipBob has not listed yet
  // still took stock). Written at most once a minute: a property write per order would cost more than the order.
  const sentKey = `threepl.shipbob.orderSentAt.${fp}`;
  const noteOrderSent = () => {
    const now = deps.clock.now();
    if (now - Number(deps.store.get(sentKey) ?? 0) >= 60_000) deps.store.set(sentKey, String(now));
  };

  function createInbound(req: InboundReceiptRequest): CreateOutcome {
    const problems: string[] = [];
    if (!req.reference) problems.push('reference is required');
    if (!req.lines.length) problems.push('at least one line is required');
    if (!req.warehouseId) problems.push('warehouseId (ShipBob fulfilment centre) is required');
    if (req.kind !== 'return' && req.trackingNumbers.length === 0) problems.push('a receiving order needs at least one box tracking number');
    if (req.kind === 'return' && req.reference.length > 50) problems.push('a return reference_id is at most 50 characters');
    if (problems.length) return { status: 'rejected', primaryReference: req.reference, messages: problems };
    const create = (): CreateAttempt => {
      let ids: Map<string, number>;
      try {
        ids = resolveInventoryIds(ctx, req.lines.map((l) => l.sku), inventoryIds);
      } catch (e) {
        if (e instanceof AdapterError && e.code === 'VALIDATION') return { kind: 'rejected', messages: [e.message] };
        throw e;
      }
      return req.kind === 'return' ? attemptCreateReturn(ctx, returnBody(req, ids)) : attemptCreateWro(ctx, wroBody(req, ids));
    };
    return createIdempotently({
      reference: req.reference,
      lookup: () => (req.kind === 'return' ? lookupReturn(ctx, req.reference) : lookupWro(ctx, req.reference)),
      create,
    });
  }

  return {
    provider: 'shipbob',
    capabilities(): Capabilities {
      return {
        uniqueReferenceEnforced: true,
        fbaOrderType: true,
        webhooks: true,
        returnsByTracking: true,
        billingApi: true,
        nativeTrackingSyncFlag: true,
        sandbox: deps.sandbox === true,
        maxPageSize: ORDER_PAGE_LIMIT,
        rateLimitPerMin: SHIPBOB_RATE_LIMIT_PER_MIN,
      };
    },
    testConnection() {
      const channels = listChannels(ctx);
      const ch = deps.channelId ? channels.find((c) => String(c.id) === deps.channelId) : pickWriteChannel(channels);
      if (!ch) throw new AdapterError('FORBIDDEN', `ShipBob channel ${deps.channelId} is not visible to this token`);
      channel = String(ch.id);
      return { provider: 'shipbob', accountKey: channel, accountName: ch.name, warehouses: listWarehouses(ctx) };
    },
    listWarehouses: () => listWarehouses(ctx),
    createOutboundOrder: (req) => {
      // Before the attempt: one whose answer is lost may still have created the order.
      noteOrderSent();
      return createOutboundOrder(ctx, req);
    },
    findOrderByReference: (ref) => findOrderByReference(ctx, ref),
    getOrder: (id) => getOrder(ctx, id),
    listOrdersChangedSince: (cursor) => listOrdersChangedSince(ctx, cursor),
    listUnsyncedShipments: () => listUnsyncedShipments(ctx),
    markShipmentsSynced: (ids) => markShipmentsSynced(ctx, ids),
    cancelOrder: (id, reason) => cancelOrder(ctx, id, reason),
    getStock: (q) => getStock(ctx, q),
    stockPages: (q) => stockPages(ctx, q),
    // The token's fingerprint, the API host and version: a read kept under one is never reused under another.
    stockMoves: { account: `shipbob:${fp}:${deps.sandbox === true ? 'sandbox' : 'production'}:${apiVersion}`, since: (t, ids) => stockMovedSince(ctx, t, ids, Number(deps.store.get(sentKey) ?? 0)) },
    createInboundReceipt: createInbound,
    findInbound(q): InboundReceipt[] {
      const out: InboundReceipt[] = [];
      if (q.reference) out.push(...findWrosByReference(ctx, q.reference), ...findReturns(ctx, { ReferenceIds: q.reference }));
      if (q.trackingNumber) out.push(...findReturns(ctx, { TrackingNumbers: q.trackingNumber }), ...findWrosByTracking(ctx, q.trackingNumber));
      const seen = new Set<string>();
      return out.filter((r) => (seen.has(r.objectType + r.externalId) ? false : (seen.add(r.objectType + r.externalId), true)));
    },
    listCharges: (range) => listCharges(ctx, range),
    listInvoices: (range) => listInvoices(ctx, range),
    listUnidentifiedReceipts: (range) => listUnidentifiedReceipts(ctx, range),
    readReceipts: (ids) => readWrosById(ctx, ids),
    listProducts: () => listProducts(ctx),
    listInvoiceCharges: (invoiceId) => listInvoiceCharges(ctx, invoiceId),
  };
}
