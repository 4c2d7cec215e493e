// Stock per SKU and warehouse from GET /api/Product/Inventory/Bulk (PageNo + Limit, at most 500 a
// page; one row per bin location, so rows are summed per SKU and warehouse; DISCOVERY.md). Mintsoft
// has no "available" field (3pl-apis.md §3.4), so pickable is worked out here, on the side that never
// offers Amazon more than can be picked:
//   pickable = max(0, min(StockLevel, OnHand − Allocated − InQuarantine))
// StockLevel is Mintsoft's free stock (UI "Stock Level", quarantine left out: help-mintsoft 11694802);
// OnHand − Allocated − InQuarantine is the same figure read from its parts. Whichever reading of the
// fields is right on an account, the smaller one is the one that can surely be picked. SKUs Mintsoft
// does not list (no inventory record, or a bundle: "you'll only get results where inventory record
// exists") are unknown, never zero. The rows carry no product name (BulkInventoryItem's fields,
// 3pl-apis.md §3.4), so Mintsoft stock lines have none and the Inventory tab's titles are Amazon's.

import { AdapterError, type StockLine, type StockPages, type StockQuery } from '../types';
import type { MintsoftContext } from './context';
import { readJson, toAdapterError } from './http';
import { walkPages } from './orders';
import { bulkInventorySchema, parseOrThrow, type BulkRow } from './schemas';

/** "Default 100 – Max 500" (DISCOVERY.md, from the Swagger). */
export const STOCK_PAGE_SIZE = 500;

/** A row as a chunk keeps it between executions: SKU, warehouse, StockLevel, OnHand, Allocated, InQuarantine, OnOrder, in transit. */
type Slim = [string, number, number | null, number, number, number, number, number];

function onlyOneOf(q: StockQuery): string | undefined {
  return q.warehouseIds?.length === 1 ? q.warehouseIds[0] : undefined;
}

function readPage(ctx: MintsoftContext, pageNo: number, q: StockQuery): BulkRow[] {
  const one = onlyOneOf(q);
  const res = ctx.api.send({ op: 'inventory', query: { PageNo: pageNo, Limit: STOCK_PAGE_SIZE, WarehouseId: one && /^\d+$/.test(one) ? one : undefined }, retry: 'read' });
  if (res.status !== 200) throw toAdapterError(res, 'inventory');
  return parseOrThrow(bulkInventorySchema, readJson(res, 'inventory'), 'inventory');
}

function slim(rows: BulkRow[]): Slim[] {
  return rows
    .filter((r) => r.SKU && r.WarehouseId !== null && r.WarehouseId !== undefined)
    .map((r) => [r.SKU!, r.WarehouseId!, r.StockLevel ?? null, r.OnHand ?? 0, r.Allocated ?? 0, r.InQuarantine ?? 0, r.OnOrder ?? 0, (r.InTransit ?? 0) + (r.InTransition ?? 0)]);
}

/** Pickable from summed figures (the rule at the top of this file). */
export function pickable(stockLevel: number | null, onHand: number, allocated: number, quarantine: number): number {
  const parts = onHand - allocated - quarantine;
  return Math.max(0, stockLevel === null ? parts : Math.min(stockLevel, parts));
}

function linesFrom(rows: Slim[], q: StockQuery, asOf: string): StockLine[] {
  const wanted = q.warehouseIds?.length ? new Set(q.warehouseIds) : null;
  const skuFilter = q.skus?.length ? new Set(q.skus) : null;
  const sums = new Map<string, { sku: string; wh: string; level: number | null; onHand: number; allocated: number; quarantine: number; onOrder: number; transit: number }>();
  for (const [sku, wh, level, onHand, allocated, quarantine, onOrder, transit] of rows) {
    const w = String(wh);
    if ((wanted && !wanted.has(w)) || (skuFilter && !skuFilter.has(sku))) continue;
    const k = `${sku}\u0000${w}`;
    const s = sums.get(k) ?? { sku, wh: w, level: 0, onHand: 0, allocated: 0, quarantine: 0, onOrder: 0, transit: 0 };
    // One row without a StockLevel makes the whole figure come from the parts.
    s.level = s.level === null || level === null ? null : s.level + level;
    s.onHand += onHand;
    s.allocated += allocated;
    s.quarantine += quarantine;
    s.onOrder += onOrder;
    s.transit += transit;
    sums.set(k, s);
  }
  const lines: StockLine[] = [...sums.values()].map((s) => ({
    sku: s.sku,
    warehouseId: s.wh,
    onHand: s.onHand,
    allocated: s.allocated,
    available: pickable(s.level, s.onHand, s.allocated, s.quarantine),
    onHold: s.quarantine,
    inbound: s.onOrder,
    inTransit: s.transit,
    unknown: false,
    asOf,
  }));
  const seen = new Set(lines.map((l) => l.sku));
  const fallback = onlyOneOf(q) ?? '*';
  for (const sku of q.skus ?? []) {
    if (!seen.has(sku)) lines.push({ sku, warehouseId: fallback, onHand: 0, allocated: 0, available: 0, onHold: 0, inbound: 0, inTransit: 0, unknown: true, asOf });
  }
  return lines;
}

export function getStock(ctx: MintsoftContext, q: StockQuery = {}): StockLine[] {
  const asOf = new Date(ctx.clock.now()).toISOString();
  const got = walkPages(ctx, (n) => readPage(ctx, n, q), STOCK_PAGE_SIZE);
  // A partial list would read as "stock vanished" and push zeros to Amazon.
  if (!got.complete) throw new AdapterError('UPSTREAM', 'Mintsoft stock list could not be read to the end within this run');
  return linesFrom(slim(got.items), q, asOf);
}

/** getStock a page at a time; the cursor is the next page number. */
export function stockPages(ctx: MintsoftContext, q: StockQuery = {}): StockPages {
  return {
    next(cursor) {
      const pageNo = cursor ? Number(cursor) : 1;
      const rows = readPage(ctx, pageNo, q);
      return { chunk: JSON.stringify(slim(rows)), cursor: rows.length < STOCK_PAGE_SIZE ? null : String(pageNo + 1), items: rows.length };
    },
    assemble(chunks) {
      return linesFrom(chunks.flatMap((c) => JSON.parse(c) as Slim[]), q, new Date(ctx.clock.now()).toISOString());
    },
  };
}
