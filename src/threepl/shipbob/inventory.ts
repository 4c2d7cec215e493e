// Stock per SKU and fulfilment centre from GET /inventory-level/locations (spec 2026-01
// get-all-inventory-levels-grouped-by-fulfillment-center; body-cursor paging). The pickable figure
// is fulfillable_quantity (on hand − committed); total_sellable_quantity is never used because
// ShipBob documents it two conflicting ways (3pl-apis.md §2.4). Following ShipBob's own recipe
// (developer.shipbob.com/guides/inventory, option 1): inactive inventory is read too (IsActive=false)
// and reported as held but not pickable, and bundles are computed from their components (bundles.ts).

import { AdapterError, type StockLine, type StockPages, type StockQuery } from '../types';
import { bundleLines, readBundles, type ComponentLevels } from './bundles';
import { iso, type ShipBobContext } from './context';
import { collectCursorPages, cursorPageStep } from './paging';
import { cursorPage, inventoryByFcSchema, parseOrThrow, type ShipBobInventoryByFc } from './schemas';
import { pushAll } from '../../core/lists';

/** Not documented; ShipBob's other lists cap at 250 [inferred]. */
const PAGE_SIZE = 250;
const byFcPage = cursorPage(inventoryByFcSchema);
/** A walk longer than this is taken for a cursor going round in circles (1.25 million SKUs at 250 a page). */
const MAX_WALK_PAGES = 5_000;

function levelsCall(active: boolean, onlyOne: string | undefined) {
  return {
    method: 'get' as const,
    path: '/inventory-level/locations',
    query: { PageSize: PAGE_SIZE, LocationId: onlyOne, IsActive: active },
    operation: 'get-all-inventory-levels-grouped-by-fulfillment-center',
    retry: 'read' as const,
  };
}

function parseLevels(body: unknown) {
  const page = parseOrThrow(byFcPage, body, 'get-all-inventory-levels-grouped-by-fulfillment-center');
  return { items: page.items ?? [], next: page.next };
}

/** One IsActive side of the inventory list, read to the end or not at all. */
function readLevels(ctx: ShipBobContext, active: boolean, onlyOne: string | undefined): ShipBobInventoryByFc[] {
  const got = collectCursorPages(ctx.api, levelsCall(active, onlyOne), parseLevels, ctx.deadline);
  // A partial list would read as "stock vanished" and push zeros to Amazon.
  if (!got.complete) throw new AdapterError('UPSTREAM', 'ShipBob stock list could not be read to the end within this run');
  return got.items;
}

const onlyOneOf = (query: StockQuery): string | undefined => (query.warehouseIds?.length === 1 ? query.warehouseIds[0] : undefined);

type Side = { inactive: boolean; items: ShipBobInventoryByFc[] };

export function getStock(ctx: ShipBobContext, query: StockQuery = {}): StockLine[] {
  // The snapshot is as old as its first page.
  const asOf = iso(ctx.clock.now());
  const onlyOne = onlyOneOf(query);
  const sides = [
    { inactive: false, items: readLevels(ctx, true, onlyOne) },
    // IsActive=false: "If the inventory is inactive ... skip the product or place a 0 value"
    // (guides/inventory). Read so that the sheet can say why, instead of "not listed".
    { inactive: true, items: readLevels(ctx, false, onlyOne) },
  ];
  return linesFromSides(ctx, query, sides, asOf);
}

/** Where a page walk is: the IsActive side, the cursor within it, and pages walked so far. */
interface WalkCursor {
  active: boolean;
  next: string | null;
  pages: number;
}

/** A location as a chunk keeps it: id, on hand, committed, fulfillable, awaiting, in transfer. */
type SlimLocation = [number, number, number, number, number, number];
/**
 * An item as a chunk keeps it: inventory id, SKU, locations, and its name when it has one (compact:
 * a chunk is stored between executions; chunks staged before names were kept have three entries).
 */
type SlimItem = [number, string | null, SlimLocation[], string?];

function slim(items: ShipBobInventoryByFc[]): SlimItem[] {
  return items.map((i): SlimItem => {
    const locations = (i.locations ?? []).map((l): SlimLocation => [l.location_id, l.on_hand_quantity, l.committed_quantity, l.fulfillable_quantity, l.awaiting_quantity, l.internal_transfer_quantity]);
    return i.name ? [i.inventory_id, i.sku ?? null, locations, i.name] : [i.inventory_id, i.sku ?? null, locations];
  });
}

function unslim(items: SlimItem[]): ShipBobInventoryByFc[] {
  return items.map(([id, sku, locs, name]) => ({
    inventory_id: id,
    sku,
    name: name ?? null,
    locations: locs.map(([location_id, on_hand_quantity, committed_quantity, fulfillable_quantity, awaiting_quantity, internal_transfer_quantity]) => ({
      location_id, name: null, on_hand_quantity, committed_quantity, fulfillable_quantity, awaiting_quantity, internal_transfer_quantity,
    })),
  }));
}

/**
 * getStock a page at a time: the active side's pages, then the inactive side's; bundles are read
 * when the lines are assembled. The lines carry the time of assembly as asOf; the caller knows when
 * the walk started and judges the snapshot's age from that.
 */
export function stockPages(ctx: ShipBobContext, query: StockQuery = {}): StockPages {
  const onlyOne = onlyOneOf(query);
  return {
    next(cursor) {
      const at: WalkCursor = cursor ? (JSON.parse(cursor) as WalkCursor) : { active: true, next: null, pages: 0 };
      if (at.pages >= MAX_WALK_PAGES) throw new AdapterError('UPSTREAM', `ShipBob stock list still had pages after ${MAX_WALK_PAGES}; its cursor may be going round in circles`);
      const page = cursorPageStep(ctx.api, levelsCall(at.active, onlyOne), at.next, parseLevels);
      const chunk = JSON.stringify({ inactive: !at.active, items: slim(page.items) });
      const following: WalkCursor | null = page.next ? { active: at.active, next: page.next, pages: at.pages + 1 } : at.active ? { active: false, next: null, pages: at.pages + 1 } : null;
      return { chunk, cursor: following ? JSON.stringify(following) : null, items: page.items.length };
    },
    assemble(chunks) {
      const sides: Side[] = [
        { inactive: false, items: [] },
        { inactive: true, items: [] },
      ];
      for (const c of chunks) {
        const part = JSON.parse(c) as { inactive: boolean; items: SlimItem[] };
        pushAll(sides[part.inactive ? 1 : 0]!.items, unslim(part.items));
      }
      return linesFromSides(ctx, query, sides, iso(ctx.clock.now()));
    },
  };
}

/** Both IsActive sides' items (and the catalogue's bundles, read here) → stock lines. */
function linesFromSides(ctx: ShipBobContext, query: StockQuery, sides: Side[], asOf: string): StockLine[] {
  const wanted = query.warehouseIds?.length ? new Set(query.warehouseIds) : null;
  const fallbackWarehouse = onlyOneOf(query) ?? '*';
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
      // Inventory.InventoryQuantityFcResponse.name, "Name of the inventory item" (spec 2026-01): the
      // Inventory tab shows it where Amazon gives no title.
      const flag = { ...(side.inactive ? { inactive: true } : {}), ...(item.name ? { name: item.name } : {}) };
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
    pushAll(lines, bundleLines(b, levels, { wanted, fallbackWarehouse, asOf }));
  }
  for (const sku of query.skus ?? []) {
    if (!seen.has(sku)) lines.push({ sku, warehouseId: fallbackWarehouse, onHand: 0, allocated: 0, available: 0, onHold: 0, inbound: 0, inTransit: 0, unknown: true, asOf });
  }
  return lines;
}
