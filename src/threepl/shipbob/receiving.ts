// Warehouse receiving orders (WROs) for stock coming back from Amazon: POST /receiving with the
// removal order id as purchase_order_number and one box per carrier tracking number; read back by
// PurchaseOrderNumbers, boxes from /receiving/{id}/boxes (spec 2026-01 Receiving.*). WROs have no
// duplicate check and no webhooks, so creation follows the lookup-first contract.

import { isNoAnswer } from '../no-answer';
import type { CreateAttempt, Lookup } from '../idempotent';
import { AdapterError, type InboundReceipt, type InboundReceiptRequest, type InboundStatus } from '../types';
import { iso, type ShipBobContext } from './context';
import { parseErrorBody, toAdapterError } from './errors';
import { readJson } from './http';
import { collectNumberedPages } from './paging';
import { parseOrThrow, wroBoxesSchema, wroListSchema, wroSchema, type ShipBobWro } from './schemas';

const WRO_STATUS: Record<string, InboundStatus> = {
  Awaiting: 'expected',
  Arrived: 'arrived',
  PartiallyArrived: 'arrived',
  ArrivedAtHub: 'arrived',
  PartiallyArrivedAtHub: 'arrived',
  Processing: 'receiving',
  ProcessingAtHub: 'receiving',
  InternalTransfer: 'receiving',
  Completed: 'completed',
  // Closed with a shortfall: the lines show received < expected.
  Incomplete: 'completed',
  Cancelled: 'cancelled',
};

function boxesOf(ctx: ShipBobContext, id: number): string[] {
  const res = ctx.api.send({ method: 'get', path: `/receiving/${id}/boxes`, operation: 'get-warehouse-receiving-order-boxes', retry: 'read' });
  if (res.status !== 200) throw toAdapterError(res, 'get-warehouse-receiving-order-boxes');
  const boxes = parseOrThrow(wroBoxesSchema, readJson(res, 'get-warehouse-receiving-order-boxes'), 'get-warehouse-receiving-order-boxes');
  return boxes.map((b) => b.tracking_number).filter((t): t is string => !!t);
}

export function mapWro(w: ShipBobWro, trackingNumbers: string[]): InboundReceipt {
  const raw = w.status ?? '';
  return {
    externalId: String(w.id),
    objectType: 'wro',
    reference: w.purchase_order_number ?? '',
    status: WRO_STATUS[raw] ?? 'expected',
    rawStatus: raw,
    trackingNumbers,
    warehouseId: w.fulfillment_center?.id != null ? String(w.fulfillment_center.id) : undefined,
    lines: (w.inventory_quantities ?? []).map((q) => ({
      sku: q.sku ?? String(q.inventory_id ?? ''),
      expected: q.expected_quantity ?? 0,
      received: q.received_quantity ?? 0,
      stowed: q.stowed_quantity ?? 0,
    })),
  };
}

function listWros(ctx: ShipBobContext, query: Record<string, string | undefined>): ShipBobWro[] {
  const got = collectNumberedPages(
    ctx.api,
    { method: 'get', path: '/receiving', query, operation: 'get-multiple-warehouse-receiving-orders', retry: 'read' },
    50,
    (body) => parseOrThrow(wroListSchema, body, 'get-multiple-warehouse-receiving-orders'),
    ctx.deadline,
  );
  return got.items;
}

export function findWrosByReference(ctx: ShipBobContext, reference: string): InboundReceipt[] {
  return listWros(ctx, { PurchaseOrderNumbers: reference })
    .filter((w) => w.purchase_order_number === reference)
    .map((w) => mapWro(w, boxesOf(ctx, w.id)));
}

/** WROs cannot be filtered by tracking number: scan recent ones' boxes, newest first, within a bound. */
const SCAN_DAYS = 180;
const SCAN_MAX_WROS = 25;

export function findWrosByTracking(ctx: ShipBobContext, trackingNumber: string): InboundReceipt[] {
  const since = iso(ctx.clock.now() - SCAN_DAYS * 24 * 3600 * 1000);
  const wros = listWros(ctx, { InsertStartDate: since }).sort((a, b) => b.id - a.id).slice(0, SCAN_MAX_WROS);
  const out: InboundReceipt[] = [];
  for (const w of wros) {
    const tns = boxesOf(ctx, w.id);
    if (tns.indexOf(trackingNumber) >= 0) out.push(mapWro(w, tns));
  }
  return out;
}

export function lookupWro(ctx: ShipBobContext, reference: string): Lookup {
  try {
    const found = listWros(ctx, { PurchaseOrderNumbers: reference }).filter((w) => w.purchase_order_number === reference && w.status !== 'Cancelled');
    return found[0] ? { kind: 'found', id: String(found[0].id) } : { kind: 'absent' };
  } catch (e) {
    if (isNoAnswer(e) || (e instanceof AdapterError && (e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED'))) {
      return { kind: 'indeterminate', reason: e.message };
    }
    throw e;
  }
}

/**
 * 2026-07 "Requires a full RFC 3339 date-time ... a bare date such as 2026-08-05 is rejected"
 * (developer.shipbob.com/2026-07/api/receiving/create-warehouse-receiving-order); 2026-01 takes
 * both. A bare date means the start of that day in UTC.
 */
function fullDateTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? `${date.trim()}T00:00:00Z` : date;
}

export function wroBody(req: InboundReceiptRequest, inventoryIds: Map<string, number>): Record<string, unknown> {
  const items = req.lines.map((l) => ({ inventory_id: inventoryIds.get(l.sku), quantity: l.quantity }));
  // Which items travel in which box is not known from Amazon's removal data: all items are declared
  // on the first box, each further tracking number is its own box [inferred].
  const boxes = req.trackingNumbers.map((tn, i) => ({ tracking_number: tn, box_items: i === 0 ? items : [] }));
  return {
    fulfillment_center: { id: Number(req.warehouseId) },
    package_type: 'Package',
    box_packaging_type: boxes.length > 1 ? 'MultipleSkuPerBox' : 'EverythingInOneBox',
    expected_arrival_date: fullDateTime(req.expectedDate),
    purchase_order_number: req.reference,
    boxes,
  };
}

export function attemptCreateWro(ctx: ShipBobContext, body: Record<string, unknown>): CreateAttempt {
  let res;
  try {
    res = ctx.api.send({ method: 'post', path: '/receiving', body, operation: 'create-warehouse-receiving-order', retry: 'once' });
  } catch (e) {
    if (isNoAnswer(e)) return { kind: 'lost', reason: e.message };
    throw e;
  }
  if (res.status === 200 || res.status === 201) {
    try {
      return { kind: 'created', id: String(parseOrThrow(wroSchema, readJson(res, 'create-warehouse-receiving-order'), 'create-warehouse-receiving-order').id) };
    } catch (e) {
      return { kind: 'lost', reason: e instanceof Error ? e.message : String(e) };
    }
  }
  if (res.status >= 500) return { kind: 'lost', reason: `HTTP ${res.status}` };
  if (res.status === 400 || res.status === 422) return { kind: 'rejected', messages: parseErrorBody(res.text).messages };
  throw toAdapterError(res, 'create-warehouse-receiving-order');
}
