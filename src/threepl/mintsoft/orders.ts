// Mintsoft orders: lookup by OrderNumber (GET /api/Order/Search, exact match), get (GET
// /api/Order/{id}), the idempotent create (PUT /api/Order: HTTP 200 with Success:false for refusals,
// duplicates included → look up and adopt), changes since a cursor (GET /api/Order/List) and cancel
// (GET /api/Order/{id}/Cancel, a state-changing GET). Sources: 3pl-apis.md §3.2–3.3; MakiManc/ops
// mintsoft-portal DISCOVERY.md; help-mintsoft 11686761 (create an order), 11588522 (statuses).

import { isNoAnswer } from '../no-answer';
import { createIdempotently, type CreateAttempt, type Lookup } from '../idempotent';
import { mapStatus } from '../status';
import { AdapterError, type CancelOutcome, type ChangedOrders, type CreateOutcome, type OrderLookup, type OutboundOrder, type OutboundOrderRequest, type Shipment } from '../types';
import type { MintsoftContext } from './context';
import { msInstant, msQueryDate, readJson, toAdapterError } from './http';
import { newOrderResultsSchema, orderListSchema, orderSchema, parseOrThrow, resultSchema, type MintsoftOrder } from './schemas';

/** GET /api/Order/List's largest page (glama.ai AhamadFalah/mintsoft-mcp list_orders: "limit max 100"). */
export const ORDER_PAGE_LIMIT = 100;

function undecidable(e: unknown): string | null {
  if (isNoAnswer(e)) return e.message;
  if (e instanceof AdapterError && (e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED' || e.code === 'NOT_FOUND')) return e.message;
  return null;
}

export function mapOrder(ctx: MintsoftContext, o: MintsoftOrder): OutboundOrder {
  const rawStatus = ctx.statusName(o.OrderStatusId);
  const status = mapStatus('mintsoft', 'order', rawStatus);
  const tracking = (o.TrackingNumber ?? '').split(/[\s,;]+/).filter(Boolean);
  const lines = (o.OrderItems ?? []).filter((i) => i.SKU).map((i) => ({ sku: i.SKU!, quantity: i.Quantity ?? 0 }));
  // A Mintsoft order is one consignment, so it is one shipment named by the order ID from the start:
  // the orders job cancels what has open shipments, and an order with none would read as nothing to cancel.
  const shipments: Shipment[] = [
    {
      externalId: String(o.ID),
      orderExternalId: String(o.ID),
      status,
      rawStatus,
      ...(o.CourierServiceName ? { carrier: o.CourierServiceName } : {}),
      trackingNumbers: tracking,
      ...(o.TrackingURL ? { trackingUrl: o.TrackingURL } : {}),
      ...(msInstant(o.DespatchDate) ? { shippedAt: msInstant(o.DespatchDate)! } : {}),
      ...(o.WarehouseId ? { warehouseId: String(o.WarehouseId) } : {}),
      lines,
    },
  ];
  return {
    externalId: String(o.ID),
    primaryReference: o.OrderNumber,
    ...(o.ExternalOrderReference && o.ExternalOrderReference !== o.OrderNumber ? { secondaryReference: o.ExternalOrderReference } : {}),
    kind: 'other',
    status,
    rawStatus,
    ...(msInstant(o.OrderDate) ? { createdAt: msInstant(o.OrderDate)! } : {}),
    ...(msInstant(o.LastUpdated) ? { updatedAt: msInstant(o.LastUpdated)! } : {}),
    lines,
    shipments,
  };
}

export function findOrderByReference(ctx: MintsoftContext, ref: string): OrderLookup {
  try {
    const res = ctx.api.send({ op: 'searchOrders', query: { OrderNumber: ref, ExactMatch: true }, retry: 'read' });
    if (res.status !== 200) throw toAdapterError(res, 'searchOrders');
    // Exact match on OrderNumber: never adopt an order whose number merely resembles ours.
    const match = parseOrThrow(orderListSchema, readJson(res, 'searchOrders'), 'searchOrders').filter((o) => o.OrderNumber === ref);
    if (match.length === 0) return { kind: 'absent' };
    if (match.length > 1) ctx.log.warn(`Mintsoft holds ${match.length} orders numbered ${ref}; using the oldest`);
    match.sort((a, b) => a.ID - b.ID);
    return { kind: 'found', order: mapOrder(ctx, match[0]!) };
  } catch (e) {
    const why = undecidable(e);
    if (why !== null) return { kind: 'indeterminate', reason: why };
    throw e;
  }
}

export function getOrder(ctx: MintsoftContext, externalId: string): OutboundOrder | null {
  const res = ctx.api.send({ op: 'getOrder', id: externalId, retry: 'read' });
  if (res.status === 404) return null;
  if (res.status !== 200) throw toAdapterError(res, 'getOrder');
  return mapOrder(ctx, parseOrThrow(orderSchema, readJson(res, 'getOrder'), 'getOrder'));
}

/** Mintsoft's wording for a repeated number is undocumented (3pl-apis.md §9); these are the likely words. */
export function looksDuplicate(message: string): boolean {
  return /duplicate|already exists|must be unique|not unique/i.test(message);
}

function attemptCreate(ctx: MintsoftContext, ref: string, body: Record<string, unknown>): CreateAttempt {
  let res;
  try {
    // 'once': a lost answer may hide a created order; the contract looks it up instead of repeating.
    res = ctx.api.send({ op: 'createOrder', body, retry: 'once' });
  } catch (e) {
    if (isNoAnswer(e)) return { kind: 'lost', reason: e.message };
    throw e;
  }
  if (res.status >= 500) return { kind: 'lost', reason: `HTTP ${res.status}` };
  if (res.status === 400) return { kind: 'rejected', messages: [toAdapterError(res, 'createOrder').message] };
  if (res.status !== 200) throw toAdapterError(res, 'createOrder');
  let results;
  try {
    results = parseOrThrow(newOrderResultsSchema, readJson(res, 'createOrder'), 'createOrder');
  } catch (e) {
    return { kind: 'lost', reason: e instanceof Error ? e.message : String(e) };
  }
  // One order sent, so one result is expected; each element is checked, never the HTTP status (DISCOVERY.md).
  const mine = results.find((r) => r.OrderNumber === ref) ?? (results.length === 1 ? results[0] : undefined);
  if (!mine) return { kind: 'lost', reason: 'Mintsoft answered without a result for this order' };
  if (mine.Success === true && mine.OrderId) return { kind: 'created', id: String(mine.OrderId) };
  const message = mine.Message || 'Mintsoft refused the order without a message';
  if (looksDuplicate(message)) return { kind: 'duplicate', messages: [message] };
  // Success:false with other words may still mean "already there": only a lookup can tell.
  const again = findOrderByReference(ctx, ref);
  if (again.kind === 'found') return { kind: 'duplicate', messages: [message] };
  if (again.kind === 'indeterminate') return { kind: 'lost', reason: `${message}; and the lookup could not decide: ${again.reason}` };
  return { kind: 'rejected', messages: [message] };
}

function splitName(name: string): { FirstName: string; LastName?: string } {
  const t = name.trim().replace(/\s+/g, ' ');
  const at = t.lastIndexOf(' ');
  return at > 0 ? { FirstName: t.slice(0, at), LastName: t.slice(at + 1) } : { FirstName: t };
}

/** What Mintsoft would refuse and cannot be cleaned away; messages name fields, never the buyer's values. */
export function checkOrderRequest(req: OutboundOrderRequest, warehouseId: number | null): string[] {
  const problems: string[] = [];
  if (!req.primaryReference.trim()) problems.push('OrderNumber (the Amazon order id) is required');
  if (!req.lines.length) problems.push('an order needs at least one line');
  req.lines.forEach((l, i) => {
    if (!l.sku.trim()) problems.push(`line ${i + 1} has no SKU`);
    else if (!(l.quantity >= 1) || Math.floor(l.quantity) !== l.quantity) problems.push(`quantity for ${l.sku} must be a whole number ≥ 1`);
  });
  const a = req.shipTo;
  // Required by Mintsoft's Order model: FirstName, Address1, PostCode, Country (types.ts from the Swagger).
  if (!a.name.trim()) problems.push('the ship-to name is empty (FirstName is required)');
  if (!a.line1.trim() && !(a.line2 ?? '').trim()) problems.push('the ship-to address has no street line (Address1 is required)');
  if (!a.postcode.trim()) problems.push('the ship-to postcode is empty (PostCode is required by Mintsoft)');
  if (!a.countryIso2.trim()) problems.push('the ship-to country is empty (Country is required)');
  if (warehouseId === null) problems.push('Mintsoft needs the warehouse to ship from: put its ID in Settings "3PL locations"');
  return problems;
}

export function buildOrderBody(req: OutboundOrderRequest, warehouseId: number): Record<string, unknown> {
  const a = req.shipTo;
  const street = [a.line1, a.line2, a.line3].map((l) => (l ?? '').trim()).filter(Boolean);
  const currency = req.lines.find((l) => l.currency)?.currency;
  return {
    OrderNumber: req.primaryReference,
    // Unique too (help-mintsoft 11686761): a second create under either reference is refused.
    ExternalOrderReference: req.secondaryReference || req.primaryReference,
    WarehouseId: warehouseId,
    // AUTO: the 3PL's courier rules choose (3pl-apis.md §3.2); Amazon's service level travels as a name/value.
    CourierService: 'AUTO',
    ...splitName(a.name),
    ...(a.company ? { CompanyName: a.company } : {}),
    Address1: street[0] ?? '',
    ...(street[1] ? { Address2: street[1] } : {}),
    ...(street[2] ? { Address3: street[2] } : {}),
    Town: a.city,
    ...(a.region ? { County: a.region } : {}),
    PostCode: a.postcode,
    Country: a.countryIso2,
    ...(a.email ? { Email: a.email } : {}),
    ...(a.phone ? { Phone: a.phone } : {}),
    ...(currency ? { Currency: currency } : {}),
    ...(req.requiredShipBy ? { RequiredDespatchDate: req.requiredShipBy.slice(0, 19) } : {}),
    ...(req.notes ? { DeliveryNotes: req.notes } : {}),
    OrderNameValues: [{ Name: 'ServiceLevel', Value: req.serviceLevel }, ...Object.entries(req.tags).map(([Name, Value]) => ({ Name, Value }))],
    OrderItems: req.lines.map((l) => ({ SKU: l.sku, Quantity: l.quantity, ...(l.unitPrice !== undefined ? { UnitPrice: l.unitPrice } : {}) })),
  };
}

export function createOutboundOrder(ctx: MintsoftContext, req: OutboundOrderRequest): CreateOutcome {
  const hinted = req.warehouseHint && /^\d+$/.test(req.warehouseHint) ? Number(req.warehouseHint) : null;
  const warehouseId = hinted ?? ctx.defaultWarehouseId;
  const problems = checkOrderRequest(req, warehouseId);
  if (problems.length) return { status: 'rejected', primaryReference: req.primaryReference, messages: problems };
  const body = buildOrderBody(req, warehouseId!);
  return createIdempotently({
    reference: req.primaryReference,
    lookup: (): Lookup => {
      const r = findOrderByReference(ctx, req.primaryReference);
      return r.kind === 'found' ? { kind: 'found', id: r.order.externalId } : r;
    },
    create: () => attemptCreate(ctx, req.primaryReference, body),
  });
}

/**
 * Re-reads an hour and five minutes before the last run started: an update racing the previous
 * read is seen twice, never missed, even if Mintsoft reads our times as UK local time in summer
 * (its DateTimes carry no offset; 3pl-apis.md §9).
 */
const CURSOR_OVERLAP_MS = 65 * 60 * 1000;
const FIRST_RUN_LOOKBACK_MS = 3 * 24 * 3600 * 1000;
/** A walk longer than this is taken for a list going round in circles. */
const MAX_PAGES = 2_000;

/** Walks a PageNo/Limit list to its first short page, or until the deadline says stop. */
export function walkPages<T>(ctx: MintsoftContext, read: (pageNo: number) => T[], limit: number): { items: T[]; complete: boolean } {
  const items: T[] = [];
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    if (pageNo > 1 && ctx.deadline.remainingMs() < 30_000) return { items, complete: false };
    const page = read(pageNo);
    items.push(...page);
    if (page.length < limit) return { items, complete: true };
  }
  throw new AdapterError('UPSTREAM', `Mintsoft list still had pages after ${MAX_PAGES}`);
}

export function readOrderPages(ctx: MintsoftContext, query: Record<string, string>): { items: MintsoftOrder[]; complete: boolean } {
  return walkPages(
    ctx,
    (pageNo) => {
      const res = ctx.api.send({ op: 'listOrders', query: { ...query, PageNo: pageNo, Limit: ORDER_PAGE_LIMIT }, retry: 'read' });
      if (res.status !== 200) throw toAdapterError(res, 'listOrders');
      return parseOrThrow(orderListSchema, readJson(res, 'listOrders'), 'listOrders');
    },
    ORDER_PAGE_LIMIT,
  );
}

export function listOrdersChangedSince(ctx: MintsoftContext, cursor: string | null): ChangedOrders {
  const startedAt = ctx.clock.now();
  const given = cursor === null ? NaN : Date.parse(cursor);
  if (cursor !== null && !Number.isFinite(given)) ctx.log.warn(`Mintsoft order cursor "${cursor}" is not a date; reading the last 3 days again`);
  const from = Number.isFinite(given) ? given : startedAt - FIRST_RUN_LOOKBACK_MS;
  const got = readOrderPages(ctx, { SinceLastUpdated: msQueryDate(from) });
  const seen = new Set<number>();
  const orders = got.items.filter((o) => (seen.has(o.ID) ? false : (seen.add(o.ID), true))).map((o) => mapOrder(ctx, o));
  return {
    orders,
    nextCursor: got.complete ? new Date(startedAt - CURSOR_OVERLAP_MS).toISOString() : new Date(from).toISOString(),
    complete: got.complete,
  };
}

export function cancelOrder(ctx: MintsoftContext, externalId: string, reason: string): CancelOutcome {
  // Cancelling twice is harmless: a repeat finds the order already cancelled.
  const res = ctx.api.send({ op: 'cancelOrder', id: externalId, retry: 'idempotent' });
  if (res.status === 404) return { status: 'not_found', messages: [`Mintsoft has no order ${externalId}`] };
  if (res.status !== 200) throw toAdapterError(res, 'cancelOrder');
  const body = parseOrThrow(resultSchema, readJson(res, 'cancelOrder'), 'cancelOrder');
  if (body.Success === true) return { status: 'cancelled', messages: [reason] };
  // Success:false may be "already cancelled" by an earlier attempt whose answer was lost: the order says.
  const now = getOrder(ctx, externalId);
  if (!now) return { status: 'not_found', messages: [body.Message || `Mintsoft has no order ${externalId}`] };
  if (now.status === 'cancelled') return { status: 'cancelled', messages: [reason] };
  return { status: 'not_cancellable', messages: [body.Message || `Mintsoft did not cancel it (status ${now.rawStatus})`] };
}
