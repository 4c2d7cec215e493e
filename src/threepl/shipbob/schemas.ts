// Zod schemas for the ShipBob responses we read, written from the documented shapes in ShipBob's
// OpenAPI 2026-01 (components Orders.*, Inventory.*, Products.*, Receiving.*, Returns.*, Billing.*,
// Channels.*, Locations.*). Only the fields the adapter uses are listed; ShipBob marks most of them
// nullable, so they are nullish here.

import { z } from 'zod';
import { AdapterError } from '../types';

const str = z.string().nullish();
const num = z.number().nullish();
const int = z.number().int().nullish();

const trackingSchema = z.object({
  carrier: str,
  carrier_service: str,
  tracking_number: str,
  tracking_url: str,
  shipping_date: str,
  bol: str,
  pro_number: str,
  scac: str,
});

const shipmentProductSchema = z.object({
  id: int,
  reference_id: str,
  sku: str,
  name: str,
  inventory_items: z.array(z.object({ id: int, name: str, quantity: int, quantity_committed: int })).nullish(),
});

const shipmentSchema = z.object({
  id: z.number().int(),
  order_id: int,
  reference_id: str,
  status: str,
  created_date: str,
  last_update_at: str,
  actual_fulfillment_date: str,
  delivery_date: str,
  is_tracking_uploaded: z.boolean().nullish(),
  last_tracking_update_at: str,
  location: z.object({ id: int, name: str }).nullish(),
  tracking: trackingSchema.nullish(),
  products: z.array(shipmentProductSchema).nullish(),
  invoice_amount: num,
  invoice_currency_code: str,
});
export type ShipBobShipment = z.infer<typeof shipmentSchema>;

export const orderSchema = z.object({
  id: z.number().int(),
  reference_id: str,
  order_number: str,
  status: str,
  type: str,
  created_date: str,
  purchase_date: str,
  channel: z.object({ id: int, name: str }).nullish(),
  products: z.array(z.object({ id: int, reference_id: str, sku: str, quantity: int, unit_price: num })).nullish(),
  shipments: z.array(shipmentSchema).nullish(),
  shipping_method: str,
});
export type ShipBobOrder = z.infer<typeof orderSchema>;
export const orderListSchema = z.array(orderSchema);

export const cancelOrderSchema = z.object({
  order_id: int,
  status: str,
  canceled_shipment_results: z.array(z.object({ shipment_id: int, is_success: z.boolean().nullish(), reason: str })).nullish(),
});

export const bulkTrackingUploadSchema = z.object({
  results: z
    .array(z.object({ shipmentId: int, isSuccess: z.boolean().nullish(), error: z.object({ code: str, message: str }).nullish() }))
    .nullish(),
  summary: z.object({ failed: int, successful: int, total: int }).nullish(),
});

/** Inventory, products and billing page with links in the body (first/next/prev/last). */
export function cursorPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item).nullish(), first: str, next: str, prev: str, last: str });
}

const inventoryLocationSchema = z.object({
  location_id: z.number().int(),
  name: str,
  on_hand_quantity: z.number().int(),
  committed_quantity: z.number().int(),
  fulfillable_quantity: z.number().int(),
  awaiting_quantity: z.number().int(),
  internal_transfer_quantity: z.number().int(),
});
export const inventoryByFcSchema = z.object({
  inventory_id: z.number().int(),
  sku: str,
  name: str,
  locations: z.array(inventoryLocationSchema).nullish(),
});
export type ShipBobInventoryByFc = z.infer<typeof inventoryByFcSchema>;

/**
 * FulfillmentCenterInventoryService.InventoryHistoryResponse: events that changed on-hand stock,
 * ascending by inventory_audit_event_id, with a `next` link. Only whether there is one is used.
 */
export const inventoryHistorySchema = z.object({
  data: z.array(z.object({ inventory_audit_event_id: z.number().int(), inventory_id: int, event_category: str, event_datetime: str })).nullish(),
  next: str,
});

/** Products.ProductViewModelV5: `type` "Regular" or "Bundle"; a variant's status "Active"/"Inactive"; a bundle variant's bundle_definition. */
export const productSchema = z.object({
  id: z.number().int(),
  name: str,
  type: str,
  variants: z
    .array(
      z.object({
        id: int,
        sku: str,
        name: str,
        status: str,
        inventory: z.object({ inventory_id: int, on_hand_qty: int }).nullish(),
        bundle_definition: z.array(z.object({ variant_id: int, variant_sku: str, quantity: int })).nullish(),
      }),
    )
    .nullish(),
});

export const channelsSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), name: str, application_name: str, scopes: z.array(z.string()).nullish() })).nullish(),
  next: str,
  prev: str,
});

export const locationsSchema = z.array(
  z.object({ id: z.number().int(), name: str, is_active: z.boolean().nullish(), access_granted: z.boolean().nullish(), abbreviation: str }),
);

export const wroSchema = z.object({
  id: z.number().int(),
  purchase_order_number: str,
  status: str,
  expected_arrival_date: str,
  insert_date: str,
  last_updated_date: str,
  fulfillment_center: z.object({ id: int, name: str }).nullish(),
  inventory_quantities: z
    .array(z.object({ inventory_id: int, sku: str, expected_quantity: int, received_quantity: int, stowed_quantity: int }))
    .nullish(),
});
export type ShipBobWro = z.infer<typeof wroSchema>;
export const wroListSchema = z.array(wroSchema);
export const wroBoxesSchema = z.array(
  z.object({ box_id: int, box_number: int, box_status: str, tracking_number: str, arrived_date: str, box_items: z.array(z.object({ inventory_id: int, quantity: int, received_quantity: int })).nullish() }),
);

export const returnSchema = z.object({
  id: z.number().int(),
  reference_id: str,
  status: str,
  tracking_number: str,
  insert_date: str,
  fulfillment_center: z.object({ id: int, name: str }).nullish(),
  inventory: z
    .array(z.object({ id: int, sku: str, name: str, quantity: int, action_taken: z.array(z.object({ action: str, quantity_processed: int })).nullish() }))
    .nullish(),
});
export type ShipBobReturn = z.infer<typeof returnSchema>;

export const invoiceSchema = z.object({
  invoice_id: z.number().int(),
  invoice_date: str,
  invoice_type: str,
  amount: z.number(),
  currency_code: str,
  running_balance: num,
});

export const transactionSchema = z.object({
  transaction_id: str,
  amount: num,
  currency_code: str,
  charge_date: str,
  invoice_id: int,
  invoice_date: str,
  invoice_type: str,
  invoiced_status: z.boolean().nullish(),
  reference_id: str,
  reference_type: str,
  transaction_fee: str,
  transaction_type: str,
  fulfillment_center: str,
});
export type ShipBobTransaction = z.infer<typeof transactionSchema>;

/** Validates or throws an UPSTREAM-style error naming the operation and the first bad path. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, operation: string): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape';
  throw new AdapterError('UPSTREAM', `ShipBob ${operation} returned an unexpected body (${where})`);
}
