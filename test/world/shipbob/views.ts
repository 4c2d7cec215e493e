// JSON views in ShipBob's documented response shapes (spec 2026-01 Orders.OrderViewModel,
// Orders.ShipmentViewModel, Receiving.V2.WarehouseReceivingOrderViewModel, Receiving.BoxViewModel,
// Returns.PublicReturnDto, Billing.TransactionDtoV3, Billing.InvoiceDtoV3).

import type { ShipBobState, SimInvoice, SimOrder, SimReturn, SimShipment, SimTransaction, SimWro } from './state';

export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function shipmentView(st: ShipBobState, o: SimOrder, s: SimShipment): Record<string, unknown> {
  const allCommitted = s.items.every((i) => i.committed >= i.quantity);
  return {
    id: s.id,
    order_id: o.id,
    reference_id: o.referenceId,
    recipient: { ...o.recipient, full_name: o.recipient.name ?? null },
    created_date: isoOrNull(s.createdAt),
    last_update_at: isoOrNull(s.lastUpdateAt),
    last_tracking_update_at: isoOrNull(s.lastTrackingUpdateAt),
    status: s.status,
    status_details: [],
    location: { id: s.locationId, name: st.locationName(s.locationId) },
    invoice_amount: s.invoiceAmount,
    invoice_currency_code: s.invoiceAmount === null ? null : st.seed.fees.currency,
    insurance_value: 0,
    is_tracking_uploaded: s.isTrackingUploaded,
    ship_option: o.shippingMethod,
    require_signature: false,
    gift_message: null,
    estimated_fulfillment_date: null,
    estimated_fulfillment_date_status:
      s.status === 'Completed' ? 'FulfilledOnTime' : allCommitted ? 'PendingOnTime' : 'AwaitingInventoryAllocation',
    actual_fulfillment_date: isoOrNull(s.actualFulfillmentDate),
    delivery_date: isoOrNull(s.deliveryDate),
    tracking: s.tracking
      ? {
          carrier: s.tracking.carrier,
          carrier_service: s.tracking.service,
          tracking_number: s.tracking.trackingNumber,
          tracking_url: s.tracking.trackingUrl,
          shipping_date: isoOrNull(s.tracking.shippingDate),
          bol: null,
          pro_number: null,
          scac: null,
        }
      : null,
    products: s.items.map((i) => ({
      id: i.productId,
      reference_id: i.sku,
      sku: i.sku,
      name: i.name,
      inventory_items: [{ id: i.inventoryId, name: i.name, quantity: i.quantity, quantity_committed: i.committed, lot: null, expiration_date: null, serial_numbers: [], is_dangerous_goods: false }],
    })),
    package_material_type: 'Unknown',
    measurements: null,
    parent_cartons: [],
  };
}

export function orderView(st: ShipBobState, o: SimOrder): Record<string, unknown> {
  return {
    id: o.id,
    created_date: isoOrNull(o.createdAt),
    purchase_date: o.purchaseDate,
    reference_id: o.referenceId,
    order_number: o.orderNumber,
    status: o.status,
    type: o.type,
    channel: { id: o.channelId, name: st.seed.channels.find((c) => c.id === o.channelId)?.name ?? null },
    shipping_method: o.shippingMethod,
    recipient: o.recipient,
    products: o.products.map((p, i) => ({
      id: p.productId,
      reference_id: p.sku,
      sku: p.sku,
      quantity: p.quantity,
      unit_price: p.unitPrice,
      external_line_id: i + 1,
      gtin: null,
      upc: null,
      quantity_unit_of_measure_code: null,
    })),
    tags: o.tags,
    shipments: o.shipments.map((s) => shipmentView(st, o, s)),
    financials: { total_price: o.products.reduce((n, p) => n + (p.unitPrice ?? 0) * p.quantity, 0) },
    gift_message: null,
    shipping_terms: o.shippingTerms,
    retailer_program_data: o.retailerProgramData,
  };
}

export function wroView(st: ShipBobState, w: SimWro, origin: string, version: string): Record<string, unknown> {
  const byInv = new Map<number, { inventory_id: number; sku: string; expected_quantity: number; received_quantity: number; stowed_quantity: number }>();
  for (const b of w.boxes) {
    for (const it of b.items) {
      const q = byInv.get(it.inventoryId) ?? { inventory_id: it.inventoryId, sku: it.sku, expected_quantity: 0, received_quantity: 0, stowed_quantity: 0 };
      q.expected_quantity += it.quantity;
      q.received_quantity += it.received;
      q.stowed_quantity += it.stowed;
      byInv.set(it.inventoryId, q);
    }
  }
  return {
    id: w.id,
    purchase_order_number: w.purchaseOrderNumber,
    status: w.status,
    status_history: w.statusHistory.map((h, i) => ({ id: i + 1, status: h.status, timestamp: isoOrNull(h.at) })),
    box_labels_uri: `${origin}/${version}/receiving/${w.id}/labels`,
    box_packaging_type: w.boxPackagingType,
    package_type: w.packageType,
    expected_arrival_date: isoOrNull(w.expectedArrival),
    external_sync_timestamp: isoOrNull(w.externalSyncAt),
    insert_date: isoOrNull(w.insertDate),
    last_updated_date: isoOrNull(w.lastUpdated),
    fulfillment_center: { id: w.locationId, name: st.locationName(w.locationId) },
    inventory_quantities: [...byInv.values()],
  };
}

export function boxView(w: SimWro): Array<Record<string, unknown>> {
  return w.boxes.map((b) => ({
    box_id: b.boxId,
    box_number: b.boxNumber,
    box_status: b.status,
    tracking_number: b.trackingNumber,
    arrived_date: isoOrNull(b.arrivedAt),
    received_date: isoOrNull(b.receivedAt),
    counting_started_date: isoOrNull(b.receivedAt),
    box_items: b.items.map((i) => ({ inventory_id: i.inventoryId, quantity: i.quantity, received_quantity: i.received, stowed_quantity: i.stowed, lot_number: null, lot_date: null })),
  }));
}

export function returnView(st: ShipBobState, r: SimReturn): Record<string, unknown> {
  const at = (s: string) => isoOrNull(r.statusHistory.find((h) => h.status === s)?.at ?? null);
  const txs = st.transactions.filter((t) => t.referenceType === 'Return' && t.referenceId === String(r.id));
  return {
    id: r.id,
    reference_id: r.referenceId,
    status: r.status,
    return_type: 'Regular',
    tracking_number: r.trackingNumber,
    original_shipment_id: r.originalShipmentId,
    store_order_id: null,
    shipment_tracking_number: null,
    customer_name: null,
    channel: { id: r.channelId, name: st.seed.channels.find((c) => c.id === r.channelId)?.name ?? null },
    fulfillment_center: { id: r.locationId, name: st.locationName(r.locationId) },
    insert_date: isoOrNull(r.insertDate),
    awaiting_arrival_date: at('AwaitingArrival'),
    arrived_date: at('Arrived'),
    processing_date: at('Processing'),
    completed_date: at('Completed'),
    cancelled_date: at('Cancelled'),
    status_history: r.statusHistory.map((h) => ({ status: h.status, timestamp: isoOrNull(h.at) })),
    inventory: r.inventory.map((i) => ({
      id: i.inventoryId,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      barcodes: [],
      lot_information: null,
      action_requested: { action: 'Default', action_type: 'InventoryDefault', instructions: null },
      action_taken: i.processed > 0 ? [{ action: i.action, action_reason: null, image_url: null, quantity_processed: i.processed }] : [],
    })),
    invoice: txs.length ? { amount: txs.reduce((n, t) => n + t.amount, 0), currency_code: st.seed.fees.currency } : null,
    transactions: txs.map((t) => ({ amount: t.amount, transaction_type: t.fee })),
  };
}

export function transactionView(t: SimTransaction): Record<string, unknown> {
  return {
    transaction_id: t.transactionId,
    amount: t.amount,
    currency_code: t.currency,
    charge_date: new Date(t.chargeDate).toISOString().slice(0, 10),
    invoice_id: t.invoiceId,
    invoice_date: t.invoiceDate,
    invoice_type: t.invoiceType,
    invoiced_status: t.invoiceId !== null,
    reference_id: t.referenceId,
    reference_type: t.referenceType,
    transaction_fee: t.fee,
    transaction_type: t.type,
    fulfillment_center: t.locationName,
    taxes: [],
    additional_details: {},
  };
}

export function invoiceView(i: SimInvoice): Record<string, unknown> {
  return { invoice_id: i.id, invoice_date: i.date, invoice_type: i.type, amount: i.amount, currency_code: i.currency, running_balance: 0 };
}
