// ShipBob bundles for the stock read: which SKUs are bundles (GET /product?ProductType=2, spec
// 2026-01 get-products; Products.VariantViewModelBase.bundle_definition) and how many whole bundles
// their components allow. ShipBob keeps no stock for a bundle: "inventory quantities in ShipBob are
// tracked at the component level, not at the bundle SKU level ... If it is a bundle, you need to do
// the calculations" (developer.shipbob.com/guides/inventory, option 1).

import { AdapterError, type BundleComponent, type StockLine } from '../types';
import type { ShipBobContext } from './context';
import { collectCursorPages } from './paging';
import { cursorPage, parseOrThrow, productSchema } from './schemas';

/** get-products: "PageSize 1-250". */
const PRODUCT_PAGE_SIZE = 250;
/** create-product "type_id": 1 = Regular, 2 = Bundle (developer.shipbob.com/2026-07/api/products/create-product). */
const BUNDLE_TYPE = 2;
const productPage = cursorPage(productSchema);

interface BundleDef {
  sku: string;
  /** The bundle's own variant status is not "Active". */
  inactive: boolean;
  /** null SKU or a quantity below 1: ShipBob sent a definition that cannot be computed. */
  components: Array<{ sku: string | null; quantity: number }>;
}

/** Any status but "Active" (spec: "e.g., 'Active', 'Inactive'") means the variant is not to be sold. */
function isInactiveStatus(status: string | null | undefined): boolean {
  return !!status && status.trim().toLowerCase() !== 'active';
}

/** Every bundle variant of the merchant's catalogue. A partial read throws: a missing bundle would read as "not listed". */
export function readBundles(ctx: ShipBobContext): BundleDef[] {
  const got = collectCursorPages(
    ctx.api,
    { method: 'get', path: '/product', query: { ProductType: BUNDLE_TYPE, PageSize: PRODUCT_PAGE_SIZE }, operation: 'get-products', retry: 'read' },
    (body) => {
      const page = parseOrThrow(productPage, body, 'get-products');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  if (!got.complete) throw new AdapterError('UPSTREAM', 'ShipBob bundle list could not be read to the end within this run');
  const out: BundleDef[] = [];
  for (const p of got.items) {
    for (const v of p.variants ?? []) {
      // The filter is ShipBob's; the definition itself decides what is a bundle here.
      const parts = v.bundle_definition ?? [];
      if (!v.sku || parts.length === 0) continue;
      out.push({
        sku: v.sku,
        inactive: isInactiveStatus(v.status),
        components: parts.map((c) => ({ sku: c.variant_sku ?? null, quantity: c.quantity ?? 0 })),
      });
    }
  }
  return out;
}

/** One component's reported stock: per location, and whether ShipBob marks it inactive. */
export interface ComponentLevels {
  inactive: boolean;
  locations: Map<string, { onHand: number; available: number }>;
}

/**
 * The bundle's stock lines, one per location where any component is held. Bundles are counted per
 * location, never from network totals: one shipment leaves one centre (ShipBob opens a shipment per
 * fulfilment centre), so units split across centres cannot make one bundle. A component ShipBob
 * does not list at all makes the bundle unknown, never zero.
 */
export function bundleLines(def: BundleDef, levels: ReadonlyMap<string, ComponentLevels>, opts: { wanted: ReadonlySet<string> | null; fallbackWarehouse: string; asOf: string }): StockLine[] {
  const base = { allocated: 0, onHold: 0, inbound: 0, inTransit: 0, asOf: opts.asOf };
  const parts: Array<{ component: BundleComponent; levels: ComponentLevels }> = [];
  for (const c of def.components) {
    const lv = c.sku ? levels.get(c.sku) : undefined;
    if (!c.sku || !lv || !(c.quantity >= 1)) {
      return [{ ...base, sku: def.sku, warehouseId: opts.fallbackWarehouse, onHand: 0, available: 0, unknown: true }];
    }
    parts.push({ component: { sku: c.sku, quantity: c.quantity, inactive: lv.inactive }, levels: lv });
  }
  const bundle = { components: parts.map((p) => p.component) };
  const inactive = def.inactive ? { inactive: true } : {};
  const where = new Set<string>();
  for (const p of parts) for (const id of p.levels.locations.keys()) if (!opts.wanted || opts.wanted.has(id)) where.add(id);
  if (where.size === 0) return [{ ...base, ...inactive, sku: def.sku, warehouseId: opts.fallbackWarehouse, onHand: 0, available: 0, unknown: false, bundle }];
  return [...where].sort().map((id) => {
    let onHand = Number.POSITIVE_INFINITY;
    let available = Number.POSITIVE_INFINITY;
    for (const p of parts) {
      const at = p.levels.locations.get(id);
      onHand = Math.min(onHand, Math.floor((at?.onHand ?? 0) / p.component.quantity));
      available = Math.min(available, Math.floor((at?.available ?? 0) / p.component.quantity));
    }
    if (def.inactive) available = 0;
    // On hand − pickable is what orders (or an inactive part) hold back, as for any other SKU.
    return { ...base, ...inactive, sku: def.sku, warehouseId: id, onHand, available, allocated: Math.max(0, onHand - available), unknown: false, bundle };
  });
}
