// Offers drawing on the same 3PL stock (one 3PL SKU, or a bundle and the SKUs it is made of) split
// it instead of each showing all of it, which would promise the same units twice (design §3 step 2,
// Offer %): used by build.ts for every pooled FBM offer.

import { exceptionKey, type RaisedException } from '../exceptions';
import { groupBy } from '../group';
import { stockPartsOf, type ThreePlSkuKinds } from './threepl-kinds';
import type { SkuMapEntry } from './types';

/** Shares within 1e-9 of each other are equal: 0.3 + 0.7 must not count as over 100%. */
const SHARE_EPSILON = 1e-9;

type SharedStock = { share: number; explicit: boolean; others: string[]; pool: string } | { overbooked: RaisedException };

/**
 * Groups entries whose units come out of the same 3PL stock: one 3PL SKU, or a bundle and the 3PL
 * SKUs it is made of (a bundle sold takes its parts), joined transitively. Keyed by the group's
 * first 3PL SKU in the entries' order.
 */
function stockGroups(entries: ReadonlyArray<SkuMapEntry>, kinds: ThreePlSkuKinds): Map<string, SkuMapEntry[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps a 100,000-row map linear.
    for (let at = x; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const e of entries) {
    const skus = [e.threePlSku, ...stockPartsOf(e.threePlSku, kinds).map((p) => p.sku)];
    for (const sku of skus) if (!parent.has(sku)) parent.set(sku, sku);
    const root = find(skus[0]!);
    for (const sku of skus.slice(1)) {
      const other = find(sku);
      if (other !== root) parent.set(other, root);
    }
  }
  const firstOf = new Map<string, string>();
  return groupBy(entries, (e) => {
    const root = find(e.threePlSku);
    if (!firstOf.has(root)) firstOf.set(root, e.threePlSku);
    return firstOf.get(root)!;
  });
}

/** "3PL SKU X", or for a bundle and its parts "the stock of 3PL SKU X (bundle B is made of it)". */
function poolName(all: ReadonlyArray<SkuMapEntry>, kinds: ThreePlSkuKinds): string {
  const skus = [...new Set(all.map((e) => e.threePlSku))];
  if (skus.length === 1) return `3PL SKU ${skus[0]}`;
  const bundles = skus.filter((s) => kinds.bundles.has(s));
  const parts = [...new Set(all.flatMap((e) => stockPartsOf(e.threePlSku, kinds).map((p) => p.sku)))];
  return `the stock of 3PL SKU ${parts.join(', ')} (${bundles.length > 1 ? 'bundles' : 'bundle'} ${bundles.join(', ')} ${bundles.length > 1 ? 'are' : 'is'} made of it)`;
}

/**
 * Offers fed by the same 3PL stock split it instead of each showing all of it, which would promise
 * the same units twice: an offer's Offer % is its part, offers without one share what is left
 * equally. A bundle and its parts are fed by the same stock (ShipBob's bundle stock is the whole
 * bundles its parts make), so they split too. Offer % adding up to over 100% cannot be honoured:
 * those offers are held. Offers with stock of their own are not in the map.
 *
 * One Seller SKU listed in several marketplaces is one quantity at Amazon ("inventory data (MFN
 * quantity…) is 'marketplace agnostic' and applied to the seller + sku", Amazon in
 * amzn/selling-partner-api-docs#3167; amzn/selling-partner-api-models#4356): its rows are one
 * offer here, taking one share (the smallest Offer % any of them gives).
 */
export function splitSharedStock(entries: ReadonlyArray<SkuMapEntry>, primary: string, kinds: ThreePlSkuKinds): Map<string, SharedStock> {
  const groups = stockGroups(entries.filter((e) => e.threePlSku), kinds);
  const out = new Map<string, SharedStock>();
  for (const [threePlSku, all] of groups) {
    const bySku = groupBy(all, (e) => e.sellerSku);
    if (bySku.size < 2) continue;
    const holders = [...bySku.values()];
    const shareOf = (h: SkuMapEntry[]): number | null => {
      const given = h.map((e) => e.offerShare).filter((x): x is number => x !== null);
      return given.length ? Math.min(...given) : null;
    };
    const fixed = holders.reduce((sum, h) => sum + (shareOf(h) ?? 0), 0);
    const open = holders.filter((h) => shareOf(h) === null);
    // Offers of other marketplaces are named with theirs: "TEE-M (DE)"; across marketplaces every one is.
    const across = all.some((e) => e.marketplace !== all[0]!.marketplace);
    const names = holders.map((h) => (h[0]!.marketplace === primary && !across ? h[0]!.sellerSku : `${h[0]!.sellerSku} (${h.map((e) => e.marketplace).join(', ')})`));
    const pool = poolName(all, kinds);
    if (fixed > 1 + SHARE_EPSILON) {
      const ex: RaisedException = {
        key: exceptionKey('MAPPING_INVALID', all[0]!.marketplace, 'shared', threePlSku),
        type: 'MAPPING_INVALID',
        entity: `3PL SKU ${threePlSku}`,
        message:
          `Seller SKUs ${names.join(', ')} all sell ${pool}, and their Offer % add up to ${Math.round(fixed * 100)}%: together they would promise more than the warehouse can pick. ` +
          'No quantity is pushed for them until their Offer % add up to 100% or less (leave Offer % empty to share equally).',
      };
      for (const e of all) out.set(e.key, { overbooked: ex });
      continue;
    }
    const rest = open.length ? Math.max(0, 1 - fixed) / open.length : 0;
    holders.forEach((h, i) => {
      const share = shareOf(h);
      for (const e of h) out.set(e.key, { share: share ?? rest, explicit: share !== null, others: names.filter((_, j) => j !== i), pool });
    });
  }
  return out;
}
