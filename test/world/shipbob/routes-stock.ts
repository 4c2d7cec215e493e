// Account, product and inventory endpoints of the simulator (spec 2026-01 get-channels,
// get-locations, get-fulfillment-centers, get-products, get-all-inventory-levels,
// get-all-inventory-levels-grouped-by-fulfillment-center). Lists page with first/next/prev/last
// links in the body; the link's cursor is opaque to clients.

import { boolParam, dateParam, decodeCursor, encodeCursor, fieldErrors, intParam, json, listParam, problem, type Call, type Res } from './respond';
import type { SimCore } from './routes-orders';
import type { SimBundle, SimProduct } from './state';

function bodyPage<T>(c: Call, all: T[], pageSize: number, cursorParam = 'Cursor'): { items: T[]; first: string | null; next: string | null; prev: string | null; last: string | null } {
  const cur = c.url.searchParams.get(cursorParam);
  const offset = cur ? Number(decodeCursor(cur)?.offset ?? 0) : 0;
  const link = (off: number) => {
    const q = new URLSearchParams(c.url.searchParams);
    q.set(cursorParam, encodeCursor({ offset: off }));
    q.set('PageSize', String(pageSize));
    return `/${c.version}${c.path}?${q.toString()}`;
  };
  const lastOff = Math.max(0, Math.floor((all.length - 1) / pageSize) * pageSize);
  return {
    items: all.slice(offset, offset + pageSize),
    first: offset > 0 ? link(0) : null,
    prev: offset > 0 ? link(Math.max(0, offset - pageSize)) : null,
    next: offset + pageSize < all.length ? link(offset + pageSize) : null,
    last: offset < lastOff ? link(lastOff) : null,
  };
}

export function getChannels(core: SimCore, c: Call): Res {
  const size = intParam(c.url.searchParams.get('RecordsPerPage'), 50);
  if (!(size >= 1)) return fieldErrors(400, { RecordsPerPage: ['The field RecordsPerPage must be at least 1.'] });
  const all = core.st.seed.channels.map((ch) => ({ id: ch.id, name: ch.name, application_name: 'SMA', scopes: ch.scopes }));
  const p = bodyPage(c, all, size);
  return json(200, { items: p.items, next: p.next, prev: p.prev });
}

export function getLocations(core: SimCore): Res {
  return json(
    200,
    core.st.locations.map((l) => ({
      id: l.id,
      name: l.name,
      abbreviation: l.name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase() + '1',
      access_granted: true,
      is_active: true,
      is_receiving_enabled: true,
      is_shipping_enabled: true,
      attributes: [],
      region: { id: 1, name: 'UK' },
      services: [],
      timezone: 'GMT Standard Time',
    })),
  );
}

export function getFulfillmentCenters(core: SimCore): Res {
  return json(200, core.st.locations.map((l) => ({ id: l.id, name: l.name, address1: null, address2: null, city: l.name, state: null, country: 'GB', zip_code: null, phone_number: null, email: null, timezone: 'GMT Standard Time' })));
}

const variantStatus = (active: boolean) => (active ? 'Active' : 'Inactive');

function productView(core: SimCore, p: SimProduct): Record<string, unknown> {
  // Every bundle that uses this variant (spec 2026-01 Products.VariantViewModelBase.associated_bundles).
  const associated = [...core.st.bundles.values()].flatMap((b) =>
    b.components.filter((c) => c.sku === p.sku).map((c) => ({ product_id: b.productId, product_name: b.name, quantity: c.quantity, variant_id: b.variantId, variant_sku: b.sku })),
  );
  return {
    id: p.productId,
    name: p.name,
    type: 'Regular',
    created_on: null,
    updated_on: new Date(p.updatedAt).toISOString(),
    user_id: 1,
    taxonomy: null,
    variants: [
      {
        id: p.variantId,
        sku: p.sku,
        name: p.name,
        status: variantStatus(p.active),
        is_digital: false,
        // Products.VariantViewModelBase upc / gtin (nullable strings) and barcodes[] of BarcodeViewModel { value, sticker_url }.
        upc: p.ids?.upc ?? null,
        gtin: p.ids?.gtin ?? null,
        barcodes: (p.ids?.barcodes ?? []).map((value) => ({ value, sticker_url: null })),
        associated_bundles: associated,
        bundle_definition: [],
        inventory: { inventory_id: p.inventoryId, on_hand_qty: onHandTotal(core, p) },
      },
    ],
  };
}

/**
 * A bundle product: type "Bundle" (ProductViewModelV5.type "e.g., 'Regular' or 'Bundle'"), one
 * variant whose bundle_definition names the component variants and quantities. It has no inventory
 * item of its own (developer.shipbob.com/guides/inventory), so inventory_id is null [inferred from
 * the field being nullable] and on_hand_qty 0.
 */
function bundleView(core: SimCore, b: SimBundle): Record<string, unknown> {
  return {
    id: b.productId,
    name: b.name,
    type: 'Bundle',
    created_on: null,
    updated_on: new Date(b.updatedAt).toISOString(),
    user_id: 1,
    taxonomy: null,
    variants: [
      {
        id: b.variantId,
        sku: b.sku,
        name: b.name,
        status: variantStatus(b.active),
        is_digital: false,
        barcodes: [],
        associated_bundles: [],
        bundle_definition: b.components.map((c) => {
          const part = core.st.products.get(c.sku)!;
          return { product_id: part.productId, quantity: c.quantity, variant_id: part.variantId, variant_name: part.name, variant_sku: part.sku };
        }),
        inventory: { inventory_id: null, on_hand_qty: 0 },
      },
    ],
  };
}

function onHandTotal(core: SimCore, p: SimProduct): number {
  return core.st.locations.reduce((n, l) => n + core.st.peek(p.inventoryId, l.id).onHand, 0);
}

/** ProductType: the type ids of create-product (1 = Regular, 2 = Bundle); names accepted too [inferred]. */
function productTypeParam(v: string | null): 'Regular' | 'Bundle' | null | undefined {
  if (v === null || v === '') return null;
  const t = v.trim().toLowerCase();
  if (t === '1' || t === 'regular') return 'Regular';
  if (t === '2' || t === 'bundle') return 'Bundle';
  return undefined;
}

export function getProducts(core: SimCore, c: Call): Res {
  const q = c.url.searchParams;
  const size = intParam(q.get('PageSize'), 50);
  if (!(size >= 1 && size <= 250)) return fieldErrors(400, { PageSize: ['PageSize must be between 1 and 250.'] });
  const type = productTypeParam(q.get('ProductType'));
  if (type === undefined) return problem(400, 'One or more validation errors occurred.', { ProductType: [`The value '${q.get('ProductType')}' is not valid for ProductType.`] });
  // "Looks for Products that match the provided Sku query": a partial, case-insensitive match.
  const sku = (q.get('SKU') ?? '').toLowerCase();
  const search = (q.get('Search') ?? '').toLowerCase();
  // VariantStatus: "Looks for Products with variants that contain provided status".
  const status = (q.get('VariantStatus') ?? '').toLowerCase();
  // LastUpdatedTimestamp: "Looks for Products that have been updated since the given date"; the
  // instant itself counts [inferred]. A value no date parser reads → 400 ProblemDetails, never ignored [inferred].
  const sinceText = q.get('LastUpdatedTimestamp');
  const since = dateParam(sinceText);
  if (sinceText && since === undefined) return problem(400, 'One or more validation errors occurred.', { LastUpdatedTimestamp: [`The value '${sinceText}' is not valid for LastUpdatedTimestamp.`] });
  const entries: Array<{ sku: string; name: string; productId: number; active: boolean; updatedAt: number; type: 'Regular' | 'Bundle'; view: () => Record<string, unknown> }> = [
    ...[...core.st.products.values()].map((p) => ({ ...p, type: 'Regular' as const, view: () => productView(core, p) })),
    ...[...core.st.bundles.values()].map((b) => ({ ...b, type: 'Bundle' as const, view: () => bundleView(core, b) })),
  ];
  const all = entries
    .filter((p) => !type || p.type === type)
    .filter((p) => !sku || p.sku.toLowerCase().indexOf(sku) >= 0)
    .filter((p) => !search || p.sku.toLowerCase().indexOf(search) >= 0 || p.name.toLowerCase().indexOf(search) >= 0)
    .filter((p) => !status || variantStatus(p.active).toLowerCase() === status)
    .filter((p) => since === undefined || p.updatedAt >= since)
    .sort((a, b) => a.productId - b.productId)
    .map((p) => p.view());
  return json(200, bodyPage(c, all, size));
}

function inventoryFilter(core: SimCore, c: Call): SimProduct[] | Res {
  const q = c.url.searchParams;
  const search = (q.get('SearchBy') ?? '').toLowerCase();
  const ids = listParam(q.get('InventoryIds')).map(Number);
  // IsActive (spec 2026-01 get-all-inventory-levels* query): true lists active items only, false
  // inactive ones only, absent both. Bundles never appear: they have no inventory item.
  const active = boolParam(q.get('IsActive'));
  return [...core.st.products.values()]
    .filter((p) => active === undefined || p.active === active)
    .filter((p) => !ids.length || ids.indexOf(p.inventoryId) >= 0)
    // SearchBy: inventory id exact, name or SKU partial (spec Inventory SearchBy description).
    .filter((p) => !search || String(p.inventoryId) === search || p.sku.toLowerCase().indexOf(search) >= 0 || p.name.toLowerCase().indexOf(search) >= 0)
    .sort((a, b) => a.inventoryId - b.inventoryId);
}

function pageSize(c: Call): number | Res {
  const size = intParam(c.url.searchParams.get('PageSize'), 50);
  return size >= 1 && size <= 250 ? size : problem(400, 'One or more validation errors occurred.', { PageSize: ['PageSize must be between 1 and 250.'] });
}

export function getInventoryByLocation(core: SimCore, c: Call): Res {
  const size = pageSize(c);
  if (typeof size !== 'number') return size;
  const products = inventoryFilter(core, c);
  if (!Array.isArray(products)) return products;
  const only = c.url.searchParams.get('LocationId');
  const items = products.map((p) => ({
    inventory_id: p.inventoryId,
    sku: p.sku,
    // Inventory.InventoryQuantityFcResponse.name, "Name of the inventory item" (openapi-2026-01.json):
    // the add-on shows it as the product title where Amazon gives none.
    name: p.name,
    locations: core.st.locations
      .filter((l) => !only || String(l.id) === only)
      .filter((l) => core.st.stock.has(`${p.inventoryId}:${l.id}`))
      .map((l) => {
        const cell = core.st.peek(p.inventoryId, l.id);
        return {
          location_id: l.id,
          name: l.name,
          on_hand_quantity: cell.onHand,
          committed_quantity: cell.committed,
          fulfillable_quantity: core.st.fulfillable(cell),
          awaiting_quantity: cell.awaiting,
          internal_transfer_quantity: cell.internalTransfer,
        };
      }),
  }));
  return json(200, bodyPage(c, items, size));
}

export function getInventoryLevels(core: SimCore, c: Call): Res {
  const size = pageSize(c);
  if (typeof size !== 'number') return size;
  const products = inventoryFilter(core, c);
  if (!Array.isArray(products)) return products;
  const items = products.map((p) => {
    const cells = core.st.locations.map((l) => core.st.peek(p.inventoryId, l.id));
    const sum = (f: (x: (typeof cells)[number]) => number) => cells.reduce((n, x) => n + f(x), 0);
    const fulfillable = sum((x) => core.st.fulfillable(x));
    const awaiting = sum((x) => x.awaiting);
    return {
      inventory_id: p.inventoryId,
      sku: p.sku,
      name: p.name,
      total_on_hand_quantity: sum((x) => x.onHand),
      total_committed_quantity: sum((x) => x.committed),
      total_fulfillable_quantity: fulfillable,
      total_awaiting_quantity: awaiting,
      total_internal_transfer_quantity: sum((x) => x.internalTransfer),
      total_exception_quantity: 0,
      total_backordered_quantity: 0,
      // Spec wording: "fulfillable plus awaiting" — the reason the adapter never reads it.
      total_sellable_quantity: fulfillable + awaiting,
    };
  });
  return json(200, bodyPage(c, items, size));
}
