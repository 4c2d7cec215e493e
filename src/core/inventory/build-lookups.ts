// What the Inventory build looks things up in, worked out once a run from its inputs: the 3PL stock by
// SKU, Amazon's listings and FBA figures by marketplace and Seller SKU, the marketplaces the 3PL pool
// serves, shared stock and what parked offers still show. Plain data in, lookups out.

import type { FbaBuckets, PreviousOffer } from './inventory-tab';
import type { FbaReadInfo } from './fba-columns';
import { threePlNames } from './product-titles';
import { panEuPools } from './pan-eu';
import { offerKey, type SkuMapValidation } from './sku-map';
import { parkedFbmRows, parkedShown, unsentThroughEveryRow } from './parked';
import { aggregateThreePlStock } from './stock';
import { splitSharedStock } from './shared-stock';
import { threePlSkuKinds } from './threepl-kinds';
import type { AmazonListing, FbaSummary, ThreePlStockRecord, UnsentOrderLine } from './types';

export interface BuildInventoryInput {
  /** The primary marketplace (first of Settings "Marketplaces"): listings and FBA figures without a marketplace are its. */
  marketplace: string;
  /**
   * Settings "FBM marketplaces". The 3PL stock is one pool for all of them (and the primary): their
   * FBM offers are proposed and share each 3PL SKU they sell. Absent: the primary alone.
   */
  pooledMarketplaces?: readonly string[];
  /**
   * Settings "Marketplaces" (primary first): FBA rows of each are shown, and FBM rows of one the 3PL
   * does not ship to say they are not synced. Absent: the pooled marketplaces.
   */
  marketplaces?: readonly string[];
  skuMap: SkuMapValidation;
  threePlStock: ReadonlyArray<ThreePlStockRecord>;
  /** Settings "3PL locations"; empty = all. */
  locations: ReadonlyArray<string>;
  unsentOrders: ReadonlyArray<UnsentOrderLine>;
  /**
   * Amazon listings of the pooled marketplaces, each with its `marketplace` (absent: the primary's);
   * undefined when not read this run (no Amazon-side checks).
   */
  amazonListings?: ReadonlyArray<AmazonListing>;
  /** Why amazonListings may lack some listings (a search whose pages shifted); absent: it holds them all. */
  amazonListingsGap?: string;
  /** FBA figures, each with its `marketplace` (absent: the primary's). */
  fbaSummaries: ReadonlyArray<FbaSummary>;
  /** How fbaSummaries were read; absent: getInventorySummaries, this run. */
  fbaRead?: FbaReadInfo;
  /** How each marketplace's FBA figures were read, when they were read one marketplace at a time; else fbaRead for all. */
  fbaReadByMarket?: ReadonlyMap<string, FbaReadInfo>;
  /** From the Inventory tab (see previousFromInventory), keyed by offer key. */
  previous: ReadonlyMap<string, PreviousOffer>;
  defaultSafetyBuffer: number;
  now: number;
  /** For messages, e.g. "ShipBob". */
  threePlName?: string;
}

/** The lookups of one build (buildLookups). */
export type BuildLookups = ReturnType<typeof buildLookups>;

export function buildLookups(input: BuildInventoryInput) {
  const marketplace = input.marketplace.toUpperCase();
  const tpl = input.threePlName || 'the 3PL';
  const stock = aggregateThreePlStock(input.threePlStock, input.locations);
  const pooled = new Set([marketplace, ...(input.pooledMarketplaces ?? []).map((m) => m.toUpperCase())]);
  const served = new Set([...pooled, ...(input.marketplaces ?? []).map((m) => m.toUpperCase())]);
  const order = [...new Set([marketplace, ...(input.marketplaces ?? []).map((m) => m.toUpperCase()), ...pooled])];
  const fbmEntries = [...input.skuMap.entries, ...input.skuMap.held].filter((e) => pooled.has(e.marketplace) && e.channel === 'FBM');
  // Unsent orders of every pooled marketplace take from the one 3PL pool, those of parked rows too.
  const parkedRows = parkedFbmRows(input.skuMap.rows, pooled);
  const unsent = unsentThroughEveryRow(input.unsentOrders, input.skuMap.rows, pooled, marketplace);
  // Inactive 3PL products and bundles: said in the Reason, and bundles share unsent units with their parts.
  const kinds = threePlSkuKinds(input.threePlStock);
  const names = threePlNames(input.threePlStock);
  const offered3pl = new Set(fbmEntries.map((e) => e.threePlSku));
  // Listings and FBA figures are per marketplace: a SKU FBA-only in DE may be FBM in the UK.
  const at = (m: string | undefined, sku: string) => `${m ?? marketplace}:${sku}`;
  let listings: Map<string, AmazonListing> | null = null;
  if (input.amazonListings) {
    listings = new Map();
    for (const l of input.amazonListings) listings.set(at(l.marketplace, l.sellerSku), l);
  }
  // A Seller SKU typed in another case or with spaces names no listing: the message says Amazon's spelling.
  let spellings: Map<string, string> | null = null;
  const amazonSpelling = (m: string, sku: string): string | undefined => {
    if (!spellings) {
      spellings = new Map();
      for (const l of input.amazonListings ?? []) spellings.set(at(l.marketplace, l.sellerSku.trim().toLowerCase()), l.sellerSku);
    }
    return spellings.get(at(m, sku.trim().toLowerCase()));
  };
  /** What a Seller SKU Amazon does not list is called there, when only case or spaces differ; '' when nothing close. */
  const spellingHint = (m: string, sku: string): string => {
    const spelt = amazonSpelling(m, sku);
    return spelt ? ` Amazon lists "${spelt}", which differs only in case or spaces: type the Seller SKU as Amazon has it.` : '';
  };
  let threePlSpellings: Map<string, string> | null = null;
  const threePlSpelling = (sku: string): string | undefined => {
    const loose = (x: string) => x.replace(/\s+/g, '').toLowerCase();
    if (!threePlSpellings) {
      threePlSpellings = new Map();
      for (const k of stock.keys()) threePlSpellings.set(loose(k), k);
    }
    return threePlSpellings.get(loose(sku));
  };
  // "00777" typed into a cell that is not Plain text is the number 777: the 3PL's zero-padded SKU is named, never matched.
  let threePlPadded: Map<string, string> | null = null;
  const threePlZeroPadded = (sku: string): string | undefined => {
    if (!/^\d+$/.test(sku)) return undefined;
    if (!threePlPadded) {
      threePlPadded = new Map();
      for (const k of stock.keys()) if (/^0+\d+$/.test(k)) threePlPadded.set(String(Number(k)), k);
    }
    return threePlPadded.get(String(Number(sku)));
  };
  const fba = new Map<string, FbaSummary>();
  for (const s of input.fbaSummaries) fba.set(at(s.marketplace, s.sellerSku), s);
  const pools = panEuPools(input.fbaSummaries, order, marketplace);
  const fbaReadOf = (m: string): FbaReadInfo | undefined => input.fbaReadByMarket?.get(m) ?? input.fbaRead;
  const fbaUnknown = (m: string) => fbaReadOf(m)?.unknown === true;
  // Unknown FBA stock must not weaken the FBA guard: it looks at the figures the FBA row showed.
  const fbaForGuard = (m: string, sku: string): FbaBuckets | undefined =>
    fbaUnknown(m) ? input.previous.get(offerKey(m, 'FBA', sku))?.fba ?? undefined : fba.get(at(m, sku));
  // Amazon reports no FBA stock of this SKU: none in this run's figures (nor a Pan-EU pool), or, while
  // they are not read, none when last read. Figures not read yet say nothing either way.
  const fbaSaysNone = (m: string, sku: string): boolean =>
    !pools.has(at(m, sku)) && (fbaUnknown(m) ? input.previous.get(offerKey(m, 'FBA', sku))?.fba === null : !fba.has(at(m, sku)));
  const fbaMappedSkus = new Set([...input.skuMap.entries, ...input.skuMap.held].filter((e) => served.has(e.marketplace) && e.channel === 'FBA').map((e) => at(e.marketplace, e.sellerSku)));
  const fbmMapped = new Set(fbmEntries.map((e) => at(e.marketplace, e.sellerSku)));
  const shares = splitSharedStock(input.skuMap.entries.filter((e) => pooled.has(e.marketplace) && e.channel === 'FBM'), marketplace, kinds);
  // What offers the sync does not set still show comes off the stock the synced ones share.
  const parked = parkedShown(parkedRows, new Set(input.skuMap.entries.filter((e) => pooled.has(e.marketplace) && e.channel === 'FBM').map((e) => e.sellerSku)), fbmShownOf(input.amazonListings, pooled, marketplace), kinds);
  return { input, marketplace, tpl, stock, pooled, served, unsent, kinds, names, offered3pl, at, listings, spellingHint, threePlSpelling, threePlZeroPadded, fba, pools, fbaReadOf, fbaUnknown, fbaForGuard, fbaSaysNone, fbaMappedSkus, fbmMapped, shares, parked };
}

/** Amazon's merchant quantity per Seller SKU in the pooled marketplaces (one per Seller SKU: the largest seen); 0 when not read. */
function fbmShownOf(listings: ReadonlyArray<AmazonListing> | undefined, pooled: ReadonlySet<string>, primary: string): (sellerSku: string) => number {
  const shown = new Map<string, number>();
  for (const l of listings ?? []) {
    if (!l.fbm || !pooled.has(l.marketplace ?? primary)) continue;
    shown.set(l.sellerSku, Math.max(shown.get(l.sellerSku) ?? 0, l.fbmQuantity ?? 0));
  }
  return (sku) => shown.get(sku) ?? 0;
}
