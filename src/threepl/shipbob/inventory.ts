// Stock per SKU and fulfilment centre from GET /inventory-level/locations (spec 2026-01
// get-all-inventory-levels-grouped-by-fulfillment-center; body-cursor paging). The pickable figure
// is fulfillable_quantity (on hand − committed); total_sellable_quantity is never used because
// ShipBob documents it two conflicting ways (3pl-apis.md §2.4).

import { AdapterError, type StockLine, type StockQuery } from '../types';
import { iso, type ShipBobContext } from './context';
import { collectCursorPages } from './paging';
import { cursorPage, inventoryByFcSchema, parseOrThrow } from './schemas';

/** Not documented; ShipBob's other lists cap at 250 [inferred]. */
const PAGE_SIZE = 250;
const byFcPage = cursorPage(inventoryByFcSchema);

export function getStock(ctx: ShipBobContext, query: StockQuery = {}): StockLine[] {
  const asOf = iso(ctx.clock.now());
  const wanted = query.warehouseIds?.length ? new Set(query.warehouseIds) : null;
  const onlyOne = query.warehouseIds?.length === 1 ? query.warehouseIds[0] : undefined;
  const got = collectCursorPages(
    ctx.api,
    {
      method: 'get',
      path: '/inventory-level/locations',
      query: { PageSize: PAGE_SIZE, LocationId: onlyOne, IsActive: true },
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
  const skuFilter = query.skus?.length ? new Set(query.skus) : null;
  const lines: StockLine[] = [];
  const seen = new Set<string>();
  for (const item of got.items) {
    const sku = item.sku;
    if (!sku || (skuFilter && !skuFilter.has(sku))) continue;
    seen.add(sku);
    const locs = (item.locations ?? []).filter((l) => !wanted || wanted.has(String(l.location_id)));
    for (const l of locs) {
      lines.push({
        sku,
        warehouseId: String(l.location_id),
        onHand: l.on_hand_quantity,
        allocated: l.committed_quantity,
        available: l.fulfillable_quantity,
        onHold: 0,
        inbound: l.awaiting_quantity,
        inTransit: l.internal_transfer_quantity,
        unknown: false,
        asOf,
      });
    }
    if (locs.length === 0) {
      // Known to ShipBob, held nowhere we count: a true zero.
      lines.push({ sku, warehouseId: onlyOne ?? '*', onHand: 0, allocated: 0, available: 0, onHold: 0, inbound: 0, inTransit: 0, unknown: false, asOf });
    }
  }
  for (const sku of query.skus ?? []) {
    if (!seen.has(sku)) lines.push({ sku, warehouseId: onlyOne ?? '*', onHand: 0, allocated: 0, available: 0, onHold: 0, inbound: 0, inTransit: 0, unknown: true, asOf });
  }
  return lines;
}
