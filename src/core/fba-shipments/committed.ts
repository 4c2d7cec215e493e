// Units promised to FBA shipments that the 3PL's pickable figure does not show yet, and the 3PL
// stock lines with them taken off, for the stock sync (docs/design.md §3 "FBA replenishment": the
// stock sync treats units committed to an FBA shipment as unavailable for FBM).
//
// Reading of ShipBob's figures: fulfillable = on hand − committed, and committed counts the units
// allocated to open orders (spec 2026-01 Inventory.FulfillmentCenterResponse; 3pl-apis.md §2.4). An
// order commits what is free at its location as soon as it is created, so once the FBA order exists
// its units are already out of the fulfillable figure the stock sync reads (and an order ShipBob
// could only commit in part has taken every free unit, leaving fulfillable at 0). Until then, a
// shipment someone ticked is promised to Amazon's warehouse yet still counted as pickable: those are
// the units taken off here (ticked rows in states open — ticked since the last FBA run — ready,
// held, sending and unknown). `sending` and `unknown` may already exist at the 3PL; counting them
// twice offers less on Amazon for a run, never more.

import type { SkuMapValidation } from '../inventory/sku-map';
import type { ThreePlStockRecord } from '../inventory/types';
import { threePlSkuOf } from './lines';
import type { FbaRow } from './types';
import { NOT_YET_AT_THREE_PL } from './types';

/**
 * Units per 3PL SKU in ticked FBA shipments the 3PL has not committed yet (items without a mapping
 * cannot be counted). `stockReadOverRuns`: the stock figures were read over several runs, so an FBA
 * order created since the read began may be missing from them; orders created and not yet shipped
 * (`sent`) are then taken off too. The rows carry no creation time, so every such order is: the FBM
 * offer may be too low for that run, never too high.
 */
export function fbaCommittedUnits(rows: ReadonlyArray<FbaRow>, marketplace: string, map: SkuMapValidation, stockReadOverRuns = false): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    // A tick overtyped with words after the row left `open` may still go (it is neither sent nor
    // cancelled meanwhile): its units stay off, so the FBM offer errs low, never high.
    const promised = r.send || (r.sendTyped !== undefined && r.state !== 'open');
    if (!promised || !(NOT_YET_AT_THREE_PL.has(r.state) || (stockReadOverRuns && r.state === 'sent'))) continue;
    for (const i of r.items) {
      const m = threePlSkuOf(i.sku, marketplace, map);
      if ('threePlSku' in m && i.quantity > 0) out.set(m.threePlSku, (out.get(m.threePlSku) ?? 0) + i.quantity);
    }
  }
  return out;
}

/** The ShipBob location FBA orders go from: Settings "FBA ship-from location", else the one "3PL locations" entry; null when neither decides. */
export function fbaShipFromLocation(s: { fbaShipFromLocation: string; threePlLocations: ReadonlyArray<string> }): string | null {
  if (s.fbaShipFromLocation.trim()) return s.fbaShipFromLocation.trim();
  return s.threePlLocations.length === 1 ? s.threePlLocations[0]!.trim() : null;
}

function fulfillableOf(r: ThreePlStockRecord): number {
  return r.fulfillable === undefined ? Math.max(0, r.onHand - r.committed) : r.fulfillable;
}

/**
 * The stock lines as the 3PL will show them once the FBA orders exist: at the ship-from location
 * the units move from fulfillable to committed. When the location is not known (or does not list the
 * SKU) they come off the SKU at every location: the FBM offer may be too low for a while, never too
 * high. A bundle loses, at the same locations, the whole bundles its committed components could make.
 */
export function lessFbaCommitted(records: ReadonlyArray<ThreePlStockRecord>, committed: ReadonlyMap<string, number>, location: string | null): ThreePlStockRecord[] {
  if (committed.size === 0) return [...records];
  const at = (sku: string) => {
    const listed = location !== null && records.some((r) => String(r.sku).trim() === sku && String(r.locationId).trim() === location);
    return (r: ThreePlStockRecord) => !listed || String(r.locationId).trim() === location;
  };
  const places = new Map([...committed.keys()].map((sku) => [sku, at(sku)] as const));
  return records.map((r) => {
    const sku = String(r.sku).trim();
    let take = 0;
    const own = committed.get(sku);
    if (own && places.get(sku)!(r)) take = own;
    for (const c of r.bundleOf ?? []) {
      const units = committed.get(c.sku);
      if (units && c.quantity > 0 && places.get(c.sku)!(r)) take = Math.max(take, Math.ceil(units / c.quantity));
    }
    if (take === 0) return r;
    const before = fulfillableOf(r);
    const moved = Math.min(before, take);
    return { ...r, committed: r.committed + moved, fulfillable: before - moved };
  });
}
