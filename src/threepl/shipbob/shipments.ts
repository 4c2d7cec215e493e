// Tracking back to Amazon, ShipBob's way (spec 2026-01 mark-tracking-uploaded description):
// poll GET /order?HasTracking=true&IsTrackingUploaded=false, confirm on Amazon, then
// POST /shipment:batchUpdateTrackingUpload so those shipments drop out of the next poll.

import type { MarkSyncedResult, UnsyncedShipment } from '../types';
import type { ShipBobContext } from './context';
import { toAdapterError } from './errors';
import { readJson } from './http';
import { mapOrder } from './order-map';
import { ORDER_PAGE_LIMIT } from './orders';
import { collectNumberedPages } from './paging';
import { bulkTrackingUploadSchema, orderListSchema, parseOrThrow } from './schemas';

export function listUnsyncedShipments(ctx: ShipBobContext): UnsyncedShipment[] {
  const got = collectNumberedPages(
    ctx.api,
    { method: 'get', path: '/order', query: { HasTracking: true, IsTrackingUploaded: false }, channel: true, operation: 'get-orders', retry: 'read' },
    ORDER_PAGE_LIMIT,
    (body) => parseOrThrow(orderListSchema, body, 'get-orders'),
    ctx.deadline,
  );
  const out: UnsyncedShipment[] = [];
  for (const raw of got.items) {
    const order = mapOrder(raw);
    for (const s of order.shipments) {
      if (s.trackingNumbers.length > 0 && s.trackingSynced !== true && (s.status === 'shipped' || s.status === 'delivered')) out.push({ order, shipment: s });
    }
  }
  return out;
}

/** No batch size is documented; 100 keeps each body small [inferred]. */
const BATCH = 100;

export function markShipmentsSynced(ctx: ShipBobContext, shipmentIds: string[]): MarkSyncedResult {
  const result: MarkSyncedResult = { synced: [], failed: [] };
  for (let i = 0; i < shipmentIds.length; i += BATCH) {
    const ids = shipmentIds.slice(i, i + BATCH);
    // Setting a flag to true twice is harmless, so lost answers may be retried.
    const res = ctx.api.send({
      method: 'post',
      path: '/shipment:batchUpdateTrackingUpload',
      body: { shipment_ids: ids.map(Number), is_tracking_uploaded: true },
      operation: 'mark-tracking-uploaded',
      retry: 'idempotent',
    });
    if (res.status !== 200) throw toAdapterError(res, 'mark-tracking-uploaded');
    const body = parseOrThrow(bulkTrackingUploadSchema, readJson(res, 'mark-tracking-uploaded'), 'mark-tracking-uploaded');
    const byId = new Map((body.results ?? []).map((r) => [String(r.shipmentId), r]));
    for (const id of ids) {
      const r = byId.get(id);
      if (r?.isSuccess) result.synced.push(id);
      else result.failed.push({ externalId: id, message: r?.error?.message ?? r?.error?.code ?? 'not in ShipBob’s answer' });
    }
  }
  return result;
}
