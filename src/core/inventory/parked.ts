// Offers the sync no longer sets (their SKU Map row is unticked, invalid or held) still show their
// quantity on Amazon, and a buyer of one takes units from the same 3PL stock the synced offers are
// given. So what parked offers show comes off that stock before the synced offers share it: a row
// unticked while Amazon still shows 10 must not let its siblings offer those 10 again.

import type { SkuMapRowResult } from './sku-map';
import { stockPartsOf, type ThreePlSkuKinds } from './threepl-kinds';
import type { UnsentOrderLine } from './types';
import { unsentBy3plSku, type OrderMapping } from './stock';

/** Units parked offers show, per 3PL SKU whose stock they take (a bundle's parts, not the bundle). */
export interface ParkedShown {
  units: Map<string, number>;
  /** The parked Seller SKUs taking each 3PL SKU's stock, for the Reason. */
  by: Map<string, string[]>;
}

const PARKED_STATES = new Set<SkuMapRowResult['state']>(['inactive', 'invalid', 'dual']);

/** FBM rows of the pooled marketplaces the sync does not set, that name a 3PL SKU. */
export function parkedFbmRows(rows: ReadonlyArray<SkuMapRowResult>, pooled: ReadonlySet<string>): SkuMapRowResult[] {
  return rows.filter((r) => PARKED_STATES.has(r.state) && r.channel === 'FBM' && r.sellerSku && r.threePlSku && pooled.has(r.marketplace));
}

function asOrderMappings(rows: ReadonlyArray<SkuMapRowResult>): OrderMapping[] {
  return rows.map((r) => ({ sellerSku: r.sellerSku, marketplace: r.marketplace, channel: 'FBM' as const, threePlSku: r.threePlSku }));
}

/**
 * Unsent order units per 3PL SKU, through every FBM row of the pooled marketplaces that names one:
 * an order for an unticked row's Seller SKU still takes its 3PL SKU's units (the orders job holds
 * it, but the buyer paid for them). A Seller SKU that also has a usable row maps through that one.
 */
export function unsentThroughEveryRow(lines: ReadonlyArray<UnsentOrderLine>, rows: ReadonlyArray<SkuMapRowResult>, pooled: ReadonlySet<string>, primary: string): Map<string, number> {
  const usable = rows.filter((r) => r.state === 'ok' && r.channel === 'FBM' && r.threePlSku && pooled.has(r.marketplace));
  return unsentBy3plSku(lines, [...asOrderMappings(parkedFbmRows(rows, pooled)), ...asOrderMappings(usable)], primary);
}

/**
 * What parked offers show, per 3PL SKU. Amazon keeps one merchant quantity per Seller SKU, so a
 * Seller SKU counts once (its largest quantity); one the sync sets through another row is not parked.
 */
export function parkedShown(
  parked: ReadonlyArray<SkuMapRowResult>,
  synced: ReadonlySet<string>,
  fbmQuantity: (sellerSku: string) => number,
  kinds: ThreePlSkuKinds,
): ParkedShown {
  const out: ParkedShown = { units: new Map(), by: new Map() };
  const seen = new Set<string>();
  for (const r of parked) {
    if (synced.has(r.sellerSku) || seen.has(r.sellerSku)) continue;
    seen.add(r.sellerSku);
    const shown = fbmQuantity(r.sellerSku);
    if (shown <= 0) continue;
    for (const part of stockPartsOf(r.threePlSku, kinds)) {
      out.units.set(part.sku, (out.units.get(part.sku) ?? 0) + shown * part.quantity);
      out.by.set(part.sku, [...(out.by.get(part.sku) ?? []), r.sellerSku]);
    }
  }
  return out;
}

/**
 * The units of `threePlSku` (in its own units: whole bundles for a bundle) that parked offers
 * already show. A bundle counts every part's parked units, rounded up, as unsent orders do
 * (threepl-kinds.ts unsentUnitsFor): it errs towards offering less.
 */
export function shownElsewhereFor(threePlSku: string, parked: ParkedShown, kinds: ThreePlSkuKinds): { units: number; by: string[] } {
  let units = 0;
  const by = new Set<string>();
  for (const part of stockPartsOf(threePlSku, kinds)) {
    const u = parked.units.get(part.sku) ?? 0;
    if (u <= 0) continue;
    units += Math.ceil(u / part.quantity);
    for (const s of parked.by.get(part.sku) ?? []) by.add(s);
  }
  return { units, by: [...by] };
}
