// What the 3PL says about a 3PL SKU beyond its figures: that it is inactive (held but not
// pickable), or that it is a bundle whose stock its components decide. Turned into the Inventory
// tab's words and into the unsent order units that bundles and their components take from each other.

import type { ThreePlStock, ThreePlStockRecord } from './types';

type Component = { sku: string; quantity: number; inactive: boolean };

export interface ThreePlSkuKinds {
  inactive: ReadonlySet<string>;
  bundles: ReadonlyMap<string, ReadonlyArray<Component>>;
  /** Component SKU → the bundles that use it, with units per bundle. */
  partOf: ReadonlyMap<string, ReadonlyArray<{ bundle: string; quantity: number }>>;
}

export function threePlSkuKinds(records: ReadonlyArray<ThreePlStockRecord>): ThreePlSkuKinds {
  const inactive = new Set<string>();
  const bundles = new Map<string, ReadonlyArray<Component>>();
  const partOf = new Map<string, Array<{ bundle: string; quantity: number }>>();
  for (const r of records) {
    const sku = String(r.sku).trim();
    if (r.inactive) inactive.add(sku);
    if (!r.bundleOf || bundles.has(sku)) continue;
    bundles.set(sku, r.bundleOf);
    for (const c of r.bundleOf) {
      const list = partOf.get(c.sku) ?? [];
      list.push({ bundle: sku, quantity: c.quantity });
      partOf.set(c.sku, list);
    }
  }
  return { inactive, bundles, partOf };
}

/**
 * Unsent order units that will come out of this 3PL SKU's pickable stock. A bundle order takes its
 * components; a component order can break a bundle. Both are counted in full, never netted, so
 * the figure errs towards offering less.
 */
export function unsentUnitsFor(sku: string, unsent: ReadonlyMap<string, number>, kinds: ThreePlSkuKinds): { units: number; viaOthers: number } {
  const own = unsent.get(sku) ?? 0;
  let viaOthers = 0;
  for (const c of kinds.bundles.get(sku) ?? []) viaOthers += Math.ceil((unsent.get(c.sku) ?? 0) / c.quantity);
  for (const b of kinds.partOf.get(sku) ?? []) viaOthers += (unsent.get(b.bundle) ?? 0) * b.quantity;
  return { units: own + viaOthers, viaOthers };
}

interface KindDescription {
  /** Goes in front of the proposal's Reason. */
  reason: string;
  /** Set when nothing of it can be picked because the 3PL marks it (or a part of it) inactive. */
  notPickable?: string;
}

/**
 * Plain words for an inactive SKU or a bundle; null for an ordinary active SKU. `offered` holds the
 * 3PL SKUs of this marketplace's FBM offers: a bundle and its component both offered draw on the
 * same units, which the Reason says (build.ts splitSharedStock splits them).
 */
export function describeThreePlSku(
  sku: string,
  kinds: ThreePlSkuKinds,
  stock: ReadonlyMap<string, ThreePlStock>,
  opts: { tpl: string; viaOthers: number; offered: ReadonlySet<string> },
): KindDescription | null {
  const { tpl, viaOthers, offered } = opts;
  const parts = kinds.bundles.get(sku);
  const overlap = parts ? parts.map((c) => c.sku).filter((c) => offered.has(c)) : (kinds.partOf.get(sku) ?? []).map((b) => b.bundle).filter((b) => offered.has(b));
  const through = viaOthers > 0 ? ` ${viaOthers} of the unsent units come through ${parts ? 'orders for its components' : 'bundle orders'}.` : '';
  const alsoIn = overlap.length
    ? parts
      ? ` ${overlap.join(', ')} ${overlap.length > 1 ? 'are' : 'is'} also offered on ${overlap.length > 1 ? 'their' : 'its'} own: the offers draw on the same units, so they split them.`
      : ` ${sku} is also offered inside bundle ${overlap.join(', ')}: the offers draw on the same units, so they split them.`
    : '';
  if (!parts) {
    if (!kinds.inactive.has(sku)) return alsoIn || through ? { reason: `${alsoIn}${through}`.trim() } : null;
    const held = stock.get(sku)?.onHand ?? 0;
    const why = `${tpl} lists ${sku} as inactive, so none of it can be picked (${held} on hand)`;
    return { reason: `${why}: 0 is offered.${alsoIn}`, notPickable: why };
  }
  const list = parts.map((c) => `${c.quantity}× ${c.sku} (${c.inactive ? 'inactive' : `${stock.get(c.sku)?.fulfillable ?? 0} pickable`})`).join(' + ');
  const head = `${tpl} bundle ${sku} = ${list}; it holds no stock of its own, so the pickable figure is the whole bundles its components make at one location.`;
  if (kinds.inactive.has(sku)) {
    const why = `${tpl} lists bundle ${sku} as inactive, so none can be picked`;
    return { reason: `${why}: 0 is offered. ${head}`, notPickable: why };
  }
  const off = parts.filter((c) => c.inactive).map((c) => c.sku);
  if (off.length) {
    const why = `bundle ${sku} needs ${off.join(', ')}, which ${tpl} lists as inactive, so no bundle can be picked`;
    return { reason: `${why[0]!.toUpperCase()}${why.slice(1)}: 0 is offered. ${head}`, notPickable: why };
  }
  return { reason: `${head}${through}${alsoIn}` };
}

/** The 3PL SKUs whose stock one unit of `sku` takes, with units per one: a bundle its parts, anything else itself. */
export function stockPartsOf(sku: string, kinds: ThreePlSkuKinds): ReadonlyArray<{ sku: string; quantity: number }> {
  return kinds.bundles.get(sku) ?? [{ sku, quantity: 1 }];
}
