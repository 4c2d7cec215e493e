// The scenario file's "threePl" section for provider "shipbob" (docs/scenarios.md §threePl), extended
// with optional fields only. Documented field by field in docs/shipbob-simulator.md.

import { z } from 'zod';
import { durationField as duration, isoField as isoDate } from '../scenario/fields';

const id = z.number().int().positive();
const qty = z.number().int().min(0);
const itemsSchema = z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1);

/** Every scope a personal access token of the root user carries (spec 2026-01 get-channels example). */
export const ALL_SCOPES = [
  'channels_read', 'orders_read', 'orders_write', 'products_read', 'products_write', 'inventory_read', 'inventory_write',
  'receiving_read', 'receiving_write', 'returns_read', 'returns_write', 'fulfillments_read', 'fulfillments_write',
  'locations_read', 'locations_write', 'webhooks_read', 'webhooks_write', 'billing_read', 'pricing_read',
];

const baseSchema = z.object({
  provider: z.literal('shipbob'),
  locations: z.array(z.object({ id, name: z.string().min(1) })).default([]),
  products: z
    .array(
      z.object({
        sku: z.string().min(1),
        name: z.string().min(1),
        /**
         * false: the variant's status is "Inactive" and its inventory item is inactive (spec 2026-01
         * Products.VariantViewModelBase.status "Active"/"Inactive"; Inventory.VariantResponse.is_active).
         */
        active: z.boolean().default(true),
        /**
         * Extension: the variant's identifiers (spec 2026-01 Products.VariantViewModelBase: upc
         * "Universal Product Code - 12-digit barcode identifier", gtin "Global Trade Item Number",
         * barcodes[].value "The barcode value (e.g., UPC, EAN, GTIN, or other barcode format)").
         */
        upc: z.string().min(1).optional(),
        gtin: z.string().min(1).optional(),
        barcodes: z.array(z.string().min(1)).optional(),
        /**
         * A bundle product (type "Bundle", spec Products.VariantViewModelBase.bundle_definition): it has
         * no stock of its own; an order for it ships its components (developer.shipbob.com/guides/inventory).
         */
        bundle: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1).optional(),
      }),
    )
    .default([]),
  inventory: z
    .array(z.object({ sku: z.string().min(1), location: id, onHand: qty, committed: qty.default(0), awaiting: qty.default(0), internalTransfer: qty.default(0) }))
    .default([]),
  behaviour: z
    .object({
      /** Orders ship this long after creation (virtual time); absent: only `ship` steps ship them. */
      shipAfter: duration.optional(),
      /** Shipped parcels get a delivery date this long after shipping; absent: never delivered. */
      deliverAfter: duration.optional(),
      carrier: z.string().min(1).default('Royal Mail'),
      service: z.string().min(1).default('Tracked 48'),
      /**
       * GET /order answers with page-number/total-pages/total-count/page-size/next-page headers. Off by
       * default: no spec version declares response headers for get-orders.
       */
      orderPageHeaders: z.boolean().default(false),
    })
    .default({ carrier: 'Royal Mail', service: 'Tracked 48', orderPageHeaders: false }),
  channels: z
    .array(z.object({ id, name: z.string().min(1), scopes: z.array(z.string()).default(ALL_SCOPES) }))
    .default([{ id: 100001, name: 'FBA 3PL Sync', scopes: ALL_SCOPES }]),
  /** Shipments holding any of these SKUs are created OnHold. */
  holdSkus: z.array(z.string().min(1)).default([]),
  receivingOrders: z
    .array(
      z.object({
        purchaseOrderNumber: z.string().min(1),
        location: id,
        expectedArrival: isoDate.optional(),
        boxes: z.array(z.object({ trackingNumber: z.string().min(1), items: itemsSchema })).min(1),
      }),
    )
    .default([]),
  /** Orders already at the 3PL when the scenario starts (e.g. Amazon orders sent earlier), created as create-order would. */
  orders: z
    .array(z.object({ reference: z.string().min(1).max(300), type: z.enum(['DTC', 'DropShip', 'B2B']).default('DTC'), location: id.optional(), items: itemsSchema }))
    .default([]),
  returns: z
    .array(z.object({ referenceId: z.string().min(1).max(50), trackingNumber: z.string().min(1).optional(), location: id, items: itemsSchema }))
    .default([]),
  fees: z
    .object({
      currency: z.string().length(3).default('GBP'),
      shipmentBase: z.number().min(0).default(3.2),
      shipmentPerExtraUnit: z.number().min(0).default(0.45),
      receivingPerUnit: z.number().min(0).default(0.3),
      returnBase: z.number().min(0).default(2.75),
    })
    .default({ currency: 'GBP', shipmentBase: 3.2, shipmentPerExtraUnit: 0.45, receivingPerUnit: 0.3, returnBase: 2.75 }),
  rateLimitPerMinute: z.number().int().positive().default(150),
  /** Virtual time every call takes. */
  latencyMs: z.number().int().min(0).default(250),
});

export type ThreePlSection = z.output<typeof baseSchema>;
/** The section as a scenario file writes it (optional fields may be left out). */
export type ThreePlSectionInput = z.input<typeof baseSchema>;

export const threePlSectionSchema: z.ZodType<ThreePlSection> = baseSchema.superRefine((s, ctx) => {
  const skus = new Set(s.products.map((p) => p.sku));
  const locs = new Set(s.locations.map((l) => l.id));
  const checkSku = (sku: string, path: Array<string | number>) => {
    if (!skus.has(sku)) ctx.addIssue({ code: 'custom', path, message: `SKU "${sku}" is not in threePl.products` });
  };
  const checkLoc = (loc: number, path: Array<string | number>) => {
    if (!locs.has(loc)) ctx.addIssue({ code: 'custom', path, message: `location ${loc} is not in threePl.locations` });
  };
  const bundles = new Set(s.products.filter((p) => p.bundle).map((p) => p.sku));
  // Bundles have no inventory item, so nothing can be stocked, received or returned as one.
  const checkStocked = (sku: string, path: Array<string | number>) => {
    checkSku(sku, path);
    if (bundles.has(sku)) ctx.addIssue({ code: 'custom', path, message: `SKU "${sku}" is a bundle: it holds no stock of its own (give its components instead)` });
  };
  const seen = new Set<string>();
  s.products.forEach((p, i) => {
    if (seen.has(p.sku)) ctx.addIssue({ code: 'custom', path: ['products', i, 'sku'], message: `SKU "${p.sku}" is listed twice` });
    seen.add(p.sku);
    const parts = new Set<string>();
    p.bundle?.forEach((c, j) => {
      const path = ['products', i, 'bundle', j, 'sku'];
      if (parts.has(c.sku)) ctx.addIssue({ code: 'custom', path, message: `component "${c.sku}" is listed twice` });
      parts.add(c.sku);
      if (c.sku === p.sku) ctx.addIssue({ code: 'custom', path, message: 'a bundle cannot contain itself' });
      else checkStocked(c.sku, path);
    });
  });
  s.inventory.forEach((row, i) => {
    checkStocked(row.sku, ['inventory', i, 'sku']);
    checkLoc(row.location, ['inventory', i, 'location']);
  });
  s.receivingOrders.forEach((w, i) => {
    checkLoc(w.location, ['receivingOrders', i, 'location']);
    w.boxes.forEach((b, j) => b.items.forEach((it, k) => checkStocked(it.sku, ['receivingOrders', i, 'boxes', j, 'items', k, 'sku'])));
  });
  s.returns.forEach((r, i) => {
    checkLoc(r.location, ['returns', i, 'location']);
    r.items.forEach((it, k) => checkStocked(it.sku, ['returns', i, 'items', k, 'sku']));
  });
  // Shipments hold inventory items, so a hold is named by a component SKU, never a bundle's.
  s.holdSkus.forEach((sku, i) => checkStocked(sku, ['holdSkus', i]));
  const refs = new Set<string>();
  s.orders.forEach((o, i) => {
    if (refs.has(o.reference)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'reference'], message: `reference "${o.reference}" is listed twice` });
    refs.add(o.reference);
    if (o.location !== undefined) checkLoc(o.location, ['orders', i, 'location']);
    o.items.forEach((it, k) => checkSku(it.sku, ['orders', i, 'items', k, 'sku']));
  });
});

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = 'threePl';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** Validates a scenario's threePl section; the error names every bad field, e.g. "threePl.inventory[0].location: …". */
export function parseThreePlSection(input: unknown): ThreePlSection {
  const r = threePlSectionSchema.safeParse(input);
  if (r.success) return r.data;
  throw new Error(`Invalid scenario: ${r.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`).join('; ')}`);
}
