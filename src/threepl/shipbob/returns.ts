// ShipBob returns (spec 2026-01 Returns.*): POST /return with reference_id (≤ 50 characters; the
// RMA on the box when there is no tracking number) and tracking_number; GET /return filters by
// ReferenceIds and TrackingNumbers, which is how a parcel coming back is matched.

import { isNoAnswer } from '../no-answer';
import type { CreateAttempt, Lookup } from '../idempotent';
import { AdapterError, type InboundReceipt, type InboundReceiptRequest, type InboundStatus } from '../types';
import type { ShipBobContext } from './context';
import { parseErrorBody, toAdapterError } from './errors';
import { readJson } from './http';
import { collectCursorPages } from './paging';
import { cursorPage, parseOrThrow, returnSchema, type ShipBobReturn } from './schemas';

const RETURN_STATUS: Record<string, InboundStatus> = {
  AwaitingArrival: 'expected',
  Arrived: 'arrived',
  Processing: 'receiving',
  Completed: 'completed',
  Cancelled: 'cancelled',
};
const returnPage = cursorPage(returnSchema);

function mapReturn(r: ShipBobReturn): InboundReceipt {
  const raw = r.status ?? '';
  return {
    externalId: String(r.id),
    objectType: 'return',
    reference: r.reference_id ?? '',
    // ShipBob writes it both as "AwaitingArrival" and "Awaiting Arrival".
    status: RETURN_STATUS[raw.replace(/\s+/g, '')] ?? 'expected',
    rawStatus: raw,
    trackingNumbers: r.tracking_number ? [r.tracking_number] : [],
    warehouseId: r.fulfillment_center?.id != null ? String(r.fulfillment_center.id) : undefined,
    lines: (r.inventory ?? []).map((i) => ({
      sku: i.sku ?? String(i.id ?? ''),
      expected: i.quantity ?? 0,
      received: (i.action_taken ?? []).reduce((n, a) => n + (a.quantity_processed ?? 0), 0),
    })),
  };
}

export function findReturns(ctx: ShipBobContext, filter: { ReferenceIds?: string; TrackingNumbers?: string }): InboundReceipt[] {
  const got = collectCursorPages(
    ctx.api,
    { method: 'get', path: '/return', query: { ...filter, Limit: 50 }, channel: true, operation: 'get-return-orders', retry: 'read' },
    (body) => {
      const page = parseOrThrow(returnPage, body, 'get-return-orders');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  return got.items
    .filter((r) => (filter.ReferenceIds ? r.reference_id === filter.ReferenceIds : r.tracking_number === filter.TrackingNumbers))
    .map(mapReturn);
}

export function lookupReturn(ctx: ShipBobContext, reference: string): Lookup {
  try {
    const found = findReturns(ctx, { ReferenceIds: reference }).filter((r) => r.status !== 'cancelled');
    return found[0] ? { kind: 'found', id: found[0].externalId } : { kind: 'absent' };
  } catch (e) {
    if (isNoAnswer(e) || (e instanceof AdapterError && (e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED'))) {
      return { kind: 'indeterminate', reason: e.message };
    }
    throw e;
  }
}

export function returnBody(req: InboundReceiptRequest, inventoryIds: Map<string, number>): Record<string, unknown> {
  return {
    reference_id: req.reference,
    tracking_number: req.trackingNumbers[0],
    fulfillment_center: { id: Number(req.warehouseId) },
    inventory: req.lines.map((l) => ({ id: inventoryIds.get(l.sku), quantity: l.quantity, requested_action: 'Default' })),
  };
}

export function attemptCreateReturn(ctx: ShipBobContext, body: Record<string, unknown>): CreateAttempt {
  let res;
  try {
    res = ctx.api.send({ method: 'post', path: '/return', body, channel: true, operation: 'create-return-order', retry: 'once' });
  } catch (e) {
    if (isNoAnswer(e)) return { kind: 'lost', reason: e.message };
    throw e;
  }
  if (res.status === 200 || res.status === 201) {
    try {
      return { kind: 'created', id: String(parseOrThrow(returnSchema.pick({ id: true }), readJson(res, 'create-return-order'), 'create-return-order').id) };
    } catch (e) {
      return { kind: 'lost', reason: e instanceof Error ? e.message : String(e) };
    }
  }
  if (res.status >= 500) return { kind: 'lost', reason: `HTTP ${res.status}` };
  if (res.status === 400 || res.status === 422) return { kind: 'rejected', messages: parseErrorBody(res.text).messages };
  throw toAdapterError(res, 'create-return-order');
}
