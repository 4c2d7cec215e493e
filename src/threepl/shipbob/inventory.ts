// Stock per SKU and fulfilment centre from GET /inventory-level/locations (spec 2026-01
// get-all-inventory-levels-grouped-by-fulfillment-center; body-cursor paging). The pickable figure
// is fulfillable_quantity (on hand − committed); total_sellable_quantity is never used because
// ShipBob documents it two conflicting ways (3pl-apis.md §2.4). Following ShipBob's own recipe
// (developer.shipbob.com/guides/inventory, option 1): inactive inventory is read too (IsActive=false)
// and reported as held but not pickable, and bundles are computed from their components (bundles.ts).

import { AdapterError, type StockLine, type StockQuery } from '../types';
import { bundleLines, readBundles, type ComponentLevels } from './bundles';
import { iso, type ShipBobContext } from './context';
import { collectCursorPages } from './paging';
import { cursorPage, inventoryByFcSchema, parseOrThrow, type ShipBobInventoryByFc } from './schemas';

/** Not documented; ShipBob's other lists cap at 250 [inferred]. */
const PAGE_SIZE = 250;
const byFcPage = cursorPage(inventoryByFcSchema);

/** One IsActive side of the inventory list, read to the end or not at all. */
function readLevels(ctx: ShipBobContext, active: boolean, onlyOne: string | undefined): ShipBobInventoryByFc[] {
  const got = collectCursorPages(
    ctx.api,
    {
      method: 'get',
      path: '/inventory-level/locations',
      query: { PageSize: PAGE_SIZE, LocationId: onlyOne, IsActive: active },
      operation: 'get-all-inventory-levels-grouped-by-fulfillment-center',
      retry: 'read',
    },
    (body) => {
      const page = parseOrThrow(byFcPage, body, 'get-all-inventory-levels-grouped-by-fulfillment-center');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  // A partial list would read as "stock vanished" and push zeros to Amazon.
  if (!got.complete) throw new AdapterError('UPSTREAM', 'ShipBob stock list could not be read to the end within this run');
  return got.items;
}

export function getStock(ctx: ShipBobContext, query: StockQuery = {}): StockLine[] {
  const asOf = iso(ctx.clock.now());
  const wanted = query.warehouseIds?.length ? new Set(query.warehouseIds) : null;
  const onlyOne = query.warehouseIds?.length === 1 ? query.warehouseIds[0] : undefined;
  const fallbackWarehouse = onlyOne ?? '*';
  const sides = [
    { inactive: false, items: readLevels(ctx, true, onlyOne) },
    // IsActive=false: "If the inventory is inactive ... skip the product or place a 0 value"
    // (guides/inventory). Read so that the sheet can say why, instead of "not listed".
    { inactive: true, items: readLevels(ctx, false, onlyOne) },
  ];
  const bundles = readBundles(ctx);
  const skuFilter = query.skus?.length ? new Set(query.skus) : null;
  const lines: StockLine[] = [];
  const seen = new Set<string>();
  // Every item's levels, filtered or not: bundles need their components.
  const levels = new Map<string, ComponentLevels>();
  for (const side of sides) {
    for (const item of side.items) {
      const sku = item.sku;
      if (!sku || levels.has(sku)) continue;
      const locs = (item.locations ?? []).filter((l) => !wanted || wanted.has(String(l.location_id)));
      const available = (l: (typeof locs)[number]) => (side.inactive ? 0 : l.fulfillable_quantity);
      levels.set(sku, { inactive: side.inactive, locations: new Map(locs.map((l) => [String(l.location_id), { onHand: l.on_hand_quantity, available: available(l) }])) });
      if (skuFilter && !skuFilter.has(sku)) continue;
      seen.add(sku);
      const flag = side.inactive ? { inactive: true } : {};
      for (const l of locs) {
        lines.push({
          sku,
          warehouseId: String(l.location_id),
          onHand: l.on_hand_quantity,
          allocated: l.committed_quantity,
          available: available(l),
          onHold: 0,
          inbound: l.awaiting_quantity,
          inTransit: l.internal_transfer_quantity,
          unknown: false,
          asOf,
          ...flag,
        });
      }
      if (locs.length === 0) {
        // Known to ShipBob, held nowhere we count: a true zero.
        lines.push({ sku, warehouseId: fallbackWarehouse, onHand: 0, allocated: 0, available: 0, onHold: 0, inbound: 0, inTransit: 0, unknown: false, asOf, ...flag });
      }
    }
  }
  for (const b of bundles) {
    if (seen.has(b.sku) || (skuFilter && !skuFilter.has(b.sku))) continue;
    seen.add(b.sku);
    lines.push(...bundleLines(b, levels, { wanted, fallbackWarehouse, asOf }));
  }
  for (const sku of query.skus ?? []) {
    if (!seen.has(sku)) lines.push({ sku, warehouseId: fallbackWarehouse, onHand: 0, allocated: 0, available: 0, onHold: 0, inbound: 0, inTransit: 0, unknown: true, asOf });
  }
  return lines;
}
