// Turning the 3PL's per-location stock lines and the unsent Amazon orders into per-3PL-SKU
// figures the FBM proposal is computed from (docs/design.md §3, inventory steps 1–2).

import type { SkuMapEntry, ThreePlStock, ThreePlStockRecord, UnsentOrderLine } from './types';

function units(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/**
 * Sums stock per 3PL SKU over the chosen locations (Settings "3PL locations"; empty = all).
 * A SKU the 3PL lists only at other locations is still "listed" with zero stock, so it is not
 * mistaken for a SKU the 3PL does not know.
 */
export function aggregateThreePlStock(records: ReadonlyArray<ThreePlStockRecord>, locations: ReadonlyArray<string>): Map<string, ThreePlStock> {
  const chosen = new Set(locations.map((l) => String(l).trim()).filter(Boolean));
  const all = chosen.size === 0;
  const out = new Map<string, ThreePlStock>();
  for (const r of records) {
    const sku = String(r.sku).trim();
    if (!sku) continue;
    let s = out.get(sku);
    if (!s) {
      s = { sku, onHand: 0, committed: 0, fulfillable: 0, inbound: 0, locationsCounted: 0 };
      out.set(sku, s);
    }
    if (!all && !chosen.has(String(r.locationId).trim())) continue;
    const onHand = units(r.onHand);
    const committed = units(r.committed);
    // An over-committed location cannot lend pickable units to another one: floor each at 0.
    const fulfillable = Math.max(0, r.fulfillable === undefined ? onHand - committed : units(r.fulfillable));
    s.onHand += onHand;
    s.committed += committed;
    s.fulfillable += fulfillable;
    s.inbound += units(r.inbound);
    s.locationsCounted += 1;
  }
  return out;
}

/** Distinct SKUs in the 3PL's stock list, whatever the location (for the list-size guardrail). */
export function countThreePlSkus(records: ReadonlyArray<ThreePlStockRecord>): number {
  const skus = new Set<string>();
  for (const r of records) {
    const sku = String(r.sku).trim();
    if (sku) skus.add(sku);
  }
  return skus.size;
}

/** What mapping an order line to its 3PL SKU needs of a SKU Map row. */
export type OrderMapping = Pick<SkuMapEntry, 'marketplace' | 'sellerSku' | 'channel' | 'threePlSku'>;

/**
 * Unsent order units per 3PL SKU. Several Seller SKUs may share one 3PL product, and each unsent
 * order will take from that product's pickable stock, so units are summed per 3PL SKU. A line is
 * mapped through its own marketplace's row (a DE order through the DE row; absent: `primary`, else
 * the entries' first marketplace), since the same Seller SKU may map differently in each. Lines
 * whose Seller SKU is not mapped as FBM there are left out (the orders job holds those orders).
 * A later entry for the same offer wins.
 */
export function unsentBy3plSku(lines: ReadonlyArray<UnsentOrderLine>, fbmEntries: ReadonlyArray<OrderMapping>, primary?: string): Map<string, number> {
  const main = primary ?? fbmEntries[0]?.marketplace ?? '';
  const threePlOf = new Map<string, string>();
  for (const e of fbmEntries) if (e.channel === 'FBM' && e.threePlSku) threePlOf.set(`${e.marketplace}:${e.sellerSku}`, e.threePlSku);
  const out = new Map<string, number>();
  for (const line of lines) {
    const t = threePlOf.get(`${line.marketplace ?? main}:${line.sellerSku.trim()}`);
    if (!t) continue;
    out.set(t, (out.get(t) ?? 0) + units(line.quantity));
  }
  return out;
}
