// Translation between our normalised orders and ShipBob's order model (spec 2026-01
// Orders.CreateOrderModel, Orders.OrderViewModel, Orders.ShipmentViewModel; FBA fields from
// developer.shipbob.com/guides/amazon-fba).

import { mapStatus } from '../status';
import type { NormStatus, OutboundOrder, OutboundOrderRequest, Shipment } from '../types';
import type { ShipBobOrder, ShipBobShipment } from './schemas';

function orderType(kind: OutboundOrderRequest['kind']): string {
  if (kind === 'fba_replenishment') return 'FBA';
  if (kind === 'b2b') return 'B2B';
  return 'DTC';
}

/** Problems we can see before sending (ShipBob would reject them anyway). */
export function checkOrderRequest(req: OutboundOrderRequest): string[] {
  const problems: string[] = [];
  if (!req.primaryReference || req.primaryReference.length > 300) problems.push('reference_id must be 1–300 characters');
  if (!req.lines.length) problems.push('an order needs at least one line');
  for (const l of req.lines) if (!(l.quantity >= 1) || Math.floor(l.quantity) !== l.quantity) problems.push(`quantity for ${l.sku} must be a whole number ≥ 1`);
  if (!req.serviceLevel) problems.push('shipping_method (service level) is required');
  if (req.kind === 'fba_replenishment' && !req.warehouseHint) problems.push('an FBA replenishment order needs the ShipBob location (location_id)');
  return problems;
}

export function buildCreateOrderBody(req: OutboundOrderRequest): Record<string, unknown> {
  const a = req.shipTo;
  const body: Record<string, unknown> = {
    reference_id: req.primaryReference,
    order_number: req.secondaryReference ?? req.primaryReference,
    type: orderType(req.kind),
    shipping_method: req.serviceLevel,
    recipient: {
      name: a.name,
      address: {
        address1: a.line1,
        address2: [a.line2, a.line3].filter(Boolean).join(', ') || undefined,
        company_name: a.company,
        city: a.city,
        state: a.region,
        zip_code: a.postcode,
        country: a.countryIso2,
      },
      email: a.email,
      phone_number: a.phone,
    },
    // By reference_id (the SKU) as ShipBob recommends; the name lets ShipBob create an unknown product.
    products: req.lines.map((l) => ({ reference_id: l.sku, name: l.name ?? l.sku, quantity: l.quantity, unit_price: l.unitPrice })),
    tags: Object.keys(req.tags).map((name) => ({ name, value: req.tags[name] })),
  };
  if (req.purchaseDate) body.purchase_date = req.purchaseDate;
  if (req.warehouseHint) body.location_id = Number(req.warehouseHint);
  if (req.kind === 'mfn') {
    body.sales_channel = 'amazon';
    body.origin_platform_program = 'FBM';
  }
  if (req.kind === 'fba_replenishment' && req.fba) {
    body.shipping_terms = {
      carrier_type: req.fba.carrierType === 'freight' ? 'Freight' : 'Parcel',
      // Prepaid: ShipBob buys labels; MerchantResponsible: Amazon's labels are uploaded (FBA guide).
      payment_term: req.fba.labelsBy === '3pl' ? 'Prepaid' : 'MerchantResponsible',
    };
    // retailer_program_type wording for Amazon is not documented [inferred].
    body.retailer_program_data = { purchase_order_number: req.fba.shipmentId, retailer_program_type: 'AmazonFBA', mark_for_store: req.fba.destinationFc };
  }
  return body;
}

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
