// ShipBob's orders and shipments read back into our normalised shapes (spec 2026-01
// Orders.OrderViewModel, Orders.ShipmentViewModel). The create body is built in order-body.ts.

import { mapStatus } from '../status';
import type { NormStatus, OutboundOrder, Shipment } from '../types';
import type { ShipBobOrder, ShipBobShipment } from './schemas';

function mapShipment(s: ShipBobShipment, orderId: number | string): Shipment {
  const raw = s.status ?? '';
  let status = mapStatus('shipbob', 'shipment', raw);
  if (status === 'shipped' && s.delivery_date) status = 'delivered';
  const tn = s.tracking?.tracking_number;
  return {
    externalId: String(s.id),
    orderExternalId: String(s.order_id ?? orderId),
    status,
    rawStatus: raw,
    carrier: s.tracking?.carrier ?? undefined,
    carrierService: s.tracking?.carrier_service ?? undefined,
    trackingNumbers: tn ? tn.split(',').map((t) => t.trim()).filter(Boolean) : [],
    trackingUrl: s.tracking?.tracking_url ?? undefined,
    shippedAt: s.actual_fulfillment_date ?? s.tracking?.shipping_date ?? undefined,
    deliveredAt: s.delivery_date ?? undefined,
    warehouseId: s.location?.id != null ? String(s.location.id) : undefined,
    lines: (s.products ?? []).map((p) => ({
      sku: p.reference_id ?? p.sku ?? '',
      quantity: (p.inventory_items ?? []).reduce((n, i) => n + (i.quantity ?? 0), 0),
    })),
    trackingSynced: s.is_tracking_uploaded ?? undefined,
  };
}

/** ShipBob keeps hold and exception on shipments; the order's own status says less. */
function orderStatus(raw: string, shipments: Shipment[]): NormStatus {
  const live = shipments.filter((s) => s.status !== 'cancelled');
  if (raw === 'Cancelled') return 'cancelled';
  if (raw === 'Fulfilled') return live.length > 0 && live.every((s) => s.status === 'delivered') ? 'delivered' : 'shipped';
  if (raw === 'PartiallyFulfilled') return 'partially_shipped';
  if (live.some((s) => s.status === 'exception')) return 'exception';
  if (live.some((s) => s.status === 'on_hold')) return 'on_hold';
  return mapStatus('shipbob', 'order', raw);
}

function kindOf(type: string | null | undefined): OutboundOrder['kind'] {
  if (type === 'DTC') return 'mfn';
  if (type === 'FBA') return 'fba_replenishment';
  if (type === 'B2B') return 'b2b';
  return 'other';
}

export function mapOrder(o: ShipBobOrder): OutboundOrder {
  const shipments = (o.shipments ?? []).map((s) => mapShipment(s, o.id));
  const raw = o.status ?? '';
  const updates = (o.shipments ?? []).map((s) => s.last_update_at).filter((x): x is string => !!x).sort();
  return {
    externalId: String(o.id),
    primaryReference: o.reference_id ?? '',
    secondaryReference: o.order_number ?? undefined,
    kind: kindOf(o.type),
    status: orderStatus(raw, shipments),
    rawStatus: raw,
    createdAt: o.created_date ?? undefined,
    updatedAt: updates[updates.length - 1],
    lines: (o.products ?? []).map((p) => ({ sku: p.reference_id ?? p.sku ?? '', quantity: p.quantity ?? 0, unitPrice: p.unit_price ?? undefined })),
    shipments,
  };
}
