// The scenario file's "threePl" section for provider "mintsoft" (docs/scenarios.md §threePl,
// docs/mintsoft-simulator.md): warehouses, products, stock per warehouse split over bin locations,
// users and static keys, orders already there, and how the warehouse behaves. Optional fields only.

import { z } from 'zod';
import { durationField as duration, isoField as isoDate } from '../scenario/fields';

const id = z.number().int().positive();
const qty = z.number().int().min(0);
const itemsSchema = z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1);

const baseSchema = z.object({
  provider: z.literal('mintsoft'),
  /** The 3PL client (brand) the API user belongs to; a client user's calls default to it (help-mintsoft 11686761). */
  clientId: id.default(3),
  /** Users that may POST /api/Auth (Username/Password: help-mintsoft 11600570). */
  users: z.array(z.object({ username: z.string().min(1), password: z.string().min(1) })).default([{ username: 'api@brand.example', password: 'local-mintsoft-password' }]),
  /** Keys set to "API Key to Never Expire" (help-mintsoft 11600570): accepted without a login. */
  staticKeys: z.array(z.string().min(8)).default([]),
  /** Key lifetime after POST /api/Auth: 24 hours (help-mintsoft 11600570, 12087865). */
  keyLifetime: duration.default('24h'),
  warehouses: z.array(z.object({ id, name: z.string().min(1) })).default([]),
  /**
   * `components` (optional, bundles only): what one bundle is made of. Mintsoft splits a bundle's stock
   * transactions down to its component codes (intercom.help/mintsoft 11653295 "Adding a bundle"), so an
   * order for it allocates and despatches the components; without them a bundle order waits on back order.
   */
  products: z
    .array(z.object({ sku: z.string().min(1), name: z.string().min(1), bundle: z.boolean().default(false), components: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1) })).min(1).optional() }))
    .default([]),
  /**
   * Stock per SKU and warehouse. `bins` spreads it over that many bin locations (Inventory/Bulk answers
   * one row per LocationId: DISCOVERY.md "one row per warehouse location"). `allocated` is stock
   * already allocated to orders; `quarantine` is held in quarantine (help-mintsoft 11694802).
   */
  inventory: z
    .array(z.object({ sku: z.string().min(1), warehouse: id, onHand: qty, allocated: qty.default(0), quarantine: qty.default(0), bins: z.number().int().min(1).max(5).default(1) }))
    .default([]),
  behaviour: z
    .object({
      /** Orders are despatched this long after creation (virtual time); absent: only `ship` steps despatch. */
      despatchAfter: duration.optional(),
      courier: z.string().min(1).default('Royal Mail'),
      service: z.string().min(1).default('Tracked 48'),
    })
    .default({ courier: 'Royal Mail', service: 'Tracked 48' }),
  /** Orders already at Mintsoft when the scenario starts, created as PUT /api/Order would. */
  orders: z.array(z.object({ orderNumber: z.string().min(1), warehouse: id.optional(), items: itemsSchema })).default([]),
  asns: z.array(z.object({ poReference: z.string().min(1), warehouse: id, estimatedDelivery: isoDate.optional(), items: itemsSchema })).default([]),
  /** Virtual time every call takes. */
  latencyMs: z.number().int().min(0).default(300),
});

export type MintsoftSection = z.output<typeof baseSchema>;
export type MintsoftSectionInput = z.input<typeof baseSchema>;

export const mintsoftSectionSchema: z.ZodType<MintsoftSection> = baseSchema.superRefine((s, ctx) => {
  const skus = new Set(s.products.map((p) => p.sku));
  const bundles = new Set(s.products.filter((p) => p.bundle).map((p) => p.sku));
  const whs = new Set(s.warehouses.map((w) => w.id));
  const stocked = (sku: string, path: Array<string | number>) => {
    if (!skus.has(sku)) ctx.addIssue({ code: 'custom', path, message: `SKU "${sku}" is not in threePl.products` });
    else if (bundles.has(sku)) ctx.addIssue({ code: 'custom', path, message: `SKU "${sku}" is a bundle: Mintsoft keeps no inventory record for it` });
  };
  const wh = (w: number, path: Array<string | number>) => {
    if (!whs.has(w)) ctx.addIssue({ code: 'custom', path, message: `warehouse ${w} is not in threePl.warehouses` });
  };
  s.products.forEach((p, i) => {
    if (!p.components) return;
    if (!p.bundle) ctx.addIssue({ code: 'custom', path: ['products', i, 'components'], message: `only a bundle has components: set "bundle": true on "${p.sku}"` });
    p.components.forEach((c, k) => stocked(c.sku, ['products', i, 'components', k, 'sku']));
  });
  s.inventory.forEach((r, i) => {
    stocked(r.sku, ['inventory', i, 'sku']);
    wh(r.warehouse, ['inventory', i, 'warehouse']);
  });
  const numbers = new Set<string>();
  s.orders.forEach((o, i) => {
    if (numbers.has(o.orderNumber)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'orderNumber'], message: `order number "${o.orderNumber}" is listed twice` });
    numbers.add(o.orderNumber);
    if (o.warehouse !== undefined) wh(o.warehouse, ['orders', i, 'warehouse']);
    o.items.forEach((it, k) => stocked(it.sku, ['orders', i, 'items', k, 'sku']));
  });
  s.asns.forEach((a, i) => {
    wh(a.warehouse, ['asns', i, 'warehouse']);
    a.items.forEach((it, k) => stocked(it.sku, ['asns', i, 'items', k, 'sku']));
  });
});

export function parseMintsoftSection(input: unknown): MintsoftSection {
  const r = mintsoftSectionSchema.safeParse(input);
  if (r.success) return r.data;
  const where = (p: ReadonlyArray<PropertyKey>) => p.reduce<string>((out, k) => out + (typeof k === 'number' ? `[${k}]` : `.${String(k)}`), 'threePl');
  throw new Error(`Invalid scenario: ${r.error.issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ')}`);
}
