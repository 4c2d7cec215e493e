// ShipBob orders: lookup by reference (GET /order?ReferenceIds=), get, the idempotent create
// (POST /order; 422 "Cannot insert order with existing ReferenceId" → look up and adopt), changes
// since a cursor (LastUpdateStartDate) and cancel (POST /order/{id}:cancel). Spec 2026-01
// operations get-orders, get-order, create-order, cancel-order.

import { isNoAnswer } from '../no-answer';
import { createIdempotently, type CreateAttempt, type Lookup } from '../idempotent';
import { AdapterError, type CancelOutcome, type ChangedOrders, type CreateOutcome, type OrderLookup, type OutboundOrder, type OutboundOrderRequest } from '../types';
import { iso, type ShipBobContext } from './context';
import { isDuplicateReference, parseErrorBody, toAdapterError } from './errors';
import { readJson } from './http';
import { toDateTime } from './clean';
import { buildCreateOrderBody, checkOrderRequest } from './order-body';
import { mapOrder } from './order-map';
import { collectNumberedPages } from './paging';
import { cancelOrderSchema, orderListSchema, orderSchema, parseOrThrow } from './schemas';

/** ShipBob's Limit maximum for GET /order. */
export const ORDER_PAGE_LIMIT = 250;

/**
 * Transport failures, 5xx, 429s and unreadable bodies make a lookup undecidable; auth problems do
 * not. A deadline cut (DeadlineExceeded) is neither: it passes through so the job stops on time,
 * and the next run starts the lookup-first create again.
 */
function undecidable(e: unknown): string | null {
  if (isNoAnswer(e)) return e.message;
  if (e instanceof AdapterError && (e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED')) return e.message;
  return null;
}

export function findOrderByReference(ctx: ShipBobContext, ref: string): OrderLookup {
  try {
    const res = ctx.api.send({ method: 'get', path: '/order', query: { ReferenceIds: ref, Limit: 50 }, channel: true, operation: 'get-orders', retry: 'read' });
    if (res.status !== 200) throw toAdapterError(res, 'get-orders');
    const orders = parseOrThrow(orderListSchema, readJson(res, 'get-orders'), 'get-orders');
    // Exact match: never adopt an order whose reference merely resembles ours.
    const match = orders.filter((o) => o.reference_id === ref);
    if (match.length === 0) return { kind: 'absent' };
    if (match.length > 1) ctx.log.warn(`ShipBob holds ${match.length} orders with reference ${ref}; using the oldest`);
    match.sort((a, b) => a.id - b.id);
    return { kind: 'found', order: mapOrder(match[0]!) };
  } catch (e) {
    const why = undecidable(e);
    if (why !== null) return { kind: 'indeterminate', reason: why };
    throw e;
  }
}

export function getOrder(ctx: ShipBobContext, externalId: string): OutboundOrder | null {
  const res = ctx.api.send({ method: 'get', path: `/order/${encodeURIComponent(externalId)}`, channel: true, operation: 'get-order', retry: 'read' });
  if (res.status === 404) return null;
  if (res.status !== 200) throw toAdapterError(res, 'get-order');
  return mapOrder(parseOrThrow(orderSchema, readJson(res, 'get-order'), 'get-order'));
}

function attemptCreate(ctx: ShipBobContext, body: Record<string, unknown>): CreateAttempt {
  let res;
  try {
    // 'once': a timeout or 5xx may hide a created order, so the contract looks it up instead.
    res = ctx.api.send({ method: 'post', path: '/order', body, channel: true, operation: 'create-order', retry: 'once' });
  } catch (e) {
    if (isNoAnswer(e)) return { kind: 'lost', reason: e.message };
    throw e;
  }
  if (res.status === 200 || res.status === 201) {
    try {
      return { kind: 'created', id: String(parseOrThrow(orderSchema, readJson(res, 'create-order'), 'create-order').id) };
    } catch (e) {
      // Created, but the body is unreadable: the lookup finds the id.
      return { kind: 'lost', reason: e instanceof Error ? e.message : String(e) };
    }
  }
  if (res.status >= 500) return { kind: 'lost', reason: `HTTP ${res.status}` };
  const parsed = parseErrorBody(res.text);
  if (res.status === 422 && isDuplicateReference(parsed.messages)) return { kind: 'duplicate', messages: parsed.messages };
  if (res.status === 400 || res.status === 422) return { kind: 'rejected', messages: parsed.messages.length ? parsed.messages : [`HTTP ${res.status}`] };
  throw toAdapterError(res, 'create-order');
}

export function createOutboundOrder(ctx: ShipBobContext, req: OutboundOrderRequest): CreateOutcome {
  const problems = checkOrderRequest(req);
  if (problems.length) return { status: 'rejected', primaryReference: req.primaryReference, messages: problems };
  const body = buildCreateOrderBody(req);
  return createIdempotently({
    reference: req.primaryReference,
    lookup: (): Lookup => {
      const r = findOrderByReference(ctx, req.primaryReference);
      return r.kind === 'found' ? { kind: 'found', id: r.order.externalId } : r;
    },
    create: () => attemptCreate(ctx, body),
  });
}

/** Re-reads a little before the last run started: an update racing the previous read is seen twice, never missed. */
const CURSOR_OVERLAP_MS = 2 * 60 * 1000;
const FIRST_RUN_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

export function listOrdersChangedSince(ctx: ShipBobContext, cursor: string | null): ChangedOrders {
  const startedAt = ctx.clock.now();
  // LastUpdateStartDate is `format: date-time`; ShipBob answers 400 to anything else. A cursor that
  // is not a date (damaged in storage) reads like a first run: orders re-read, none skipped.
  const given = cursor === null ? undefined : toDateTime(cursor);
  if (cursor !== null && given === undefined) ctx.log.warn(`ShipBob order cursor "${cursor}" is not a date; reading the last 30 days again`);
  const from = given ?? iso(startedAt - FIRST_RUN_LOOKBACK_MS);
  const got = collectNumberedPages(
    ctx.api,
    { method: 'get', path: '/order', query: { LastUpdateStartDate: from, SortOrder: 'Oldest' }, channel: true, operation: 'get-orders', retry: 'read' },
    ORDER_PAGE_LIMIT,
    (body) => parseOrThrow(orderListSchema, body, 'get-orders'),
    ctx.deadline,
  );
  return {
    orders: got.items.map(mapOrder),
    nextCursor: got.complete ? iso(startedAt - CURSOR_OVERLAP_MS) : (given !== undefined && cursor !== null ? cursor : from),
    complete: got.complete,
  };
}

export function cancelOrder(ctx: ShipBobContext, externalId: string, reason: string): CancelOutcome {
  const path = `/order/${encodeURIComponent(externalId)}:cancel`;
  // Cancelling twice is harmless: a repeat finds the order already cancelled.
  const res = ctx.api.send({ method: 'post', path, channel: true, operation: 'cancel-order', retry: 'idempotent' });
  if (res.status === 404) return { status: 'not_found', messages: [`ShipBob has no order ${externalId}`] };
  if (res.status === 200) {
    const body = parseOrThrow(cancelOrderSchema, readJson(res, 'cancel-order'), 'cancel-order');
    if (body.status === 'Success') return { status: 'cancelled', messages: [reason] };
    const why = (body.canceled_shipment_results ?? []).map((r) => r.reason).filter((x): x is string => !!x);
    return { status: 'not_cancellable', messages: why.length ? why : [`ShipBob answered ${body.status ?? 'no status'}`] };
  }
  if (res.status === 400 || res.status === 422) {
    // An earlier attempt whose answer was lost may already have cancelled it.
    const now = getOrder(ctx, externalId);
    if (now?.status === 'cancelled') return { status: 'cancelled', messages: [reason] };
    return { status: 'not_cancellable', messages: parseErrorBody(res.text).messages };
  }
  throw toAdapterError(res, 'cancel-order');
}
