// Assembles the Inventory tab's rows from the validated SKU Map, the 3PL stock, unsent orders and
// Amazon's listings and FBA summaries: proposes FBM quantities, fills the FBA columns, and holds
// (with an exception) every offer that must not be pushed.

import { exceptionKey, type RaisedException } from '../exceptions';
import { groupBy } from '../group';
import type { FbaBuckets, PreviousOffer } from './inventory-tab';
import { fbaReadNote, fillFba, fillFbaKept, hasFbaStock, type FbaReadInfo } from './fba-columns';
import { productTitle, threePlNames } from './product-titles';
import { proposeFbmQuantity } from './proposal';
import { panEuPools } from './pan-eu';
import { offerKey, type SkuMapValidation } from './sku-map';
import { parkedFbmRows, parkedShown, shownElsewhereFor, unsentThroughEveryRow } from './parked';
import { aggregateThreePlStock } from './stock';
import { splitSharedStock } from './shared-stock';
import { describeThreePlSku, threePlSkuKinds, unsentUnitsFor } from './threepl-kinds';
import type {
  AmazonListing,
  FbaSummary,
  InventoryRow,
  SkuMapEntry,
  ThreePlStock,
  ThreePlStockRecord,
  UnsentOrderLine,
} from './types';

/** Read by the jobs with the rows it fills (jobs/inventory/fba-source.ts says how FBA figures were read). */
export type { FbaReadInfo } from './fba-columns';

interface BuildInventoryInput {
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

interface BuildInventoryResult {
  /** In SKU Map order, one per offer of the listed marketplaces (invalid offers included, with why). */
  rows: InventoryRow[];
  /** The SKU Map's own exceptions plus what this run found (unknown 3PL SKU, FBA on Amazon…). */
  exceptions: RaisedException[];
  /** Status text per SKU Map row (same order as the rows given to validateSkuMap). */
  statuses: string[];
}

function emptyRow(entry: Pick<SkuMapEntry, 'key' | 'sellerSku' | 'marketplace' | 'channel' | 'threePlSku'>, prev: PreviousOffer | undefined, now: number): InventoryRow {
  return {
    key: entry.key,
    sellerSku: entry.sellerSku,
    productTitle: prev?.title ?? '',
    marketplace: entry.marketplace,
    channel: entry.channel,
    threePlSku: entry.threePlSku,
    threePlOnHand: null,
    threePlCommitted: null,
    threePlFulfillable: null,
    unsentOrders: null,
    safetyBuffer: null,
    offerShare: null,
    maxQty: null,
    proposedQty: null,
    amazonFbmQty: null,
    lastPushedQty: prev?.lastPushedQty ?? null,
    previousQty: prev?.previousQty ?? null,
    pushState: prev?.pushState ?? '',
    fbaFulfillable: null,
    fbaInboundWorking: null,
    fbaInboundShipped: null,
    fbaInboundReceiving: null,
    fbaReserved: null,
    fbaUnfulfillable: null,
    fbaResearching: null,
    fbaTotal: null,
    reason: '',
    updatedAt: now,
  };
}

function fillThreePl(row: InventoryRow, stock: ThreePlStock | undefined): void {
  if (!stock) return;
  row.threePlOnHand = stock.onHand;
  row.threePlCommitted = stock.committed;
  row.threePlFulfillable = stock.fulfillable;
}

/** A row that cannot be synced as it stands: one MAPPING_INVALID under its offer's own key (channel included). */
function mappingInvalid(channel: 'FBM' | 'FBA', entry: Pick<SkuMapEntry, 'marketplace' | 'sellerSku'>, message: string): RaisedException {
  return {
    key: exceptionKey('MAPPING_INVALID', entry.marketplace, channel, entry.sellerSku),
    type: 'MAPPING_INVALID',
    entity: `${entry.marketplace} ${channel} ${entry.sellerSku}`,
    message,
  };
}

/** Builds the Inventory rows and proposes a quantity for every pushable FBM offer. */
export function buildInventory(input: BuildInventoryInput): BuildInventoryResult {
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

  const exceptions: RaisedException[] = [...input.skuMap.exceptions];
  const statuses = input.skuMap.rows.map((r) => r.status);
  const rows: InventoryRow[] = [];
  const emitted = new Set<string>();
  const rowIndexOf = new Map<string, number>();

  // A held offer is never pushed: no proposal, no push state, one exception and a Status line.
  // Its Reason starts "Held:" as the Status does: the tab sorts and colours held rows by it (row-order.ts).
  const hold = (row: InventoryRow, rowIndex: number, ex: RaisedException, reason: string) => {
    row.proposedQty = null;
    row.pushState = '';
    row.reason = `Held: ${reason}`;
    exceptions.push(ex);
    statuses[rowIndex] = `Held: ${reason}`;
  };

  for (const r of input.skuMap.rows) {
    if (!served.has(r.marketplace ?? '') || !r.sellerSku || !r.channel) continue;
    if (r.state === 'invalid') {
      const key = `${r.marketplace}:${r.channel}:${r.sellerSku}`;
      if (emitted.has(key)) continue;
      emitted.add(key);
      const row = emptyRow({ key, sellerSku: r.sellerSku, marketplace: r.marketplace, channel: r.channel, threePlSku: '' }, input.previous.get(key), input.now);
      row.reason = `Not synced: the SKU Map row is invalid (${r.problems.join('; ')}).`;
      row.productTitle = listings?.get(at(r.marketplace, r.sellerSku))?.title || row.productTitle;
      row.pushState = '';
      rows.push(row);
      continue;
    }
    const entry = r.entry;
    // Validation holds every copy of a duplicate, so ok and dual entries have unique keys.
    if (!entry || (r.state !== 'ok' && r.state !== 'dual')) continue;
    const row = emptyRow(entry, input.previous.get(entry.key), input.now);
    rows.push(row);
    rowIndexOf.set(entry.key, r.rowIndex);
    const where = entry.marketplace;
    const listing = listings?.get(at(where, entry.sellerSku));
    const pool = pools.get(at(where, entry.sellerSku));
    // A Pan-EU pool is shown on one row only, so a column sum counts it once.
    const summary = pool && pool.shownOn !== where ? undefined : fba.get(at(where, entry.sellerSku));
    // Amazon's name for the product when this read has one; otherwise the one the row showed, else the 3PL's.
    row.productTitle = productTitle(listing?.title, row.productTitle, names.get(entry.threePlSku));
    // An FBA row of a listing sold both ways would show the merchant channel's quantity as its own.
    row.amazonFbmQty = entry.channel === 'FBA' && listing?.fba ? null : listing?.fbmQuantity ?? null;

    if (entry.channel === 'FBA') {
      // Amazon holds FBA stock: the row shows Amazon's figures and leaves the 3PL columns empty, so
      // the 3PL units its FBM twin shows are counted once when a column is summed.
      row.pushState = '';
      const fbaRead = fbaReadOf(where);
      if (fbaRead?.unknown) fillFbaKept(row, input.previous.get(entry.key), fbaRead);
      else if (pool && pool.shownOn !== where) {
        row.reason = `FBA offer: Amazon holds this stock and the add-on only reads it. Pan-European FBA: one pool serves ${pool.serves.join(', ')}; it is shown once, on the ${pool.shownOn} row, so a column sum counts it once.`;
      } else {
        fillFba(row, summary);
        if (pool) row.reason += ` Pan-European FBA: this one pool serves ${pool.serves.join(', ')}; their other rows leave it out, so a column sum counts it once.`;
        row.reason += fbaReadNote(fbaRead);
      }
      if (r.state === 'dual') row.reason = `Held: ${r.status.replace(/^Held: /, '')} ${row.reason}`;
      else if (listings && pooled.has(where) && !listing && !input.amazonListingsGap && fbaSaysNone(where, entry.sellerSku)) {
        // Neither a listing nor FBA figures: Amazon does not know this SKU, so the row reads nothing
        // (usually a typo); "no FBA inventory" alone would read as a sold-out offer. Only the pooled
        // marketplaces' listings are read: elsewhere a missing listing says nothing.
        const hint = spellingHint(where, entry.sellerSku);
        hold(
          row,
          r.rowIndex,
          mappingInvalid('FBA',
            entry,
            `Amazon has no listing with Seller SKU ${entry.sellerSku} in ${where} and reports no FBA inventory for it (SKU Map row ${r.sheetRow}, Channel FBA). ` +
              `The row shows no FBA stock because there is none to read.${hint || ' Check the Seller SKU spelling against Seller Central (Manage FBA Inventory), or untick the row.'}`,
          ),
          `Amazon has no listing with Seller SKU ${entry.sellerSku} in ${where} and no FBA inventory for it: nothing to read.${hint}`,
        );
      } else if (listing?.fbm && !listing.fba) {
        hold(row, r.rowIndex, dualOnAmazon(entry, 'FBA'), `Amazon lists Seller SKU ${entry.sellerSku} as merchant-fulfilled (FBM) only; nothing is pushed for it. ${row.reason}`);
      } else if (listing?.fbm) {
        // One listing with both channels (Amazon: "Multiple Fulfillment Channels with Default MFN and FBA").
        row.reason += fbmMapped.has(at(where, entry.sellerSku))
          ? ' Amazon also sells this SKU merchant-fulfilled: its FBM row sets that quantity (channel DEFAULT).'
          : ` Amazon also sells this SKU merchant-fulfilled, but no FBM row maps it, so that quantity (${listing.fbmQuantity ?? 0}) is not kept in step.`;
      }
      continue;
    }

    // FBM offer.
    fillThreePl(row, entry.threePlSku ? stock.get(entry.threePlSku) : undefined);
    // A marketplace the 3PL does not ship to: its offers are set elsewhere, and take no share of the pool.
    if (!pooled.has(where)) {
      row.pushState = '';
      row.reason = notShippedText(where, [...pooled]);
      statuses[r.rowIndex] = row.reason;
      continue;
    }
    if (r.state === 'dual') {
      row.pushState = '';
      row.reason = r.status;
      continue;
    }
    // A merchant quantity for an offer Amazon fulfils only as FBA would convert it to merchant-fulfilled
    // (fba-guard.ts); a listing that also has a DEFAULT channel takes the quantity on that channel alone.
    if (listing ? listing.fba && !listing.fbm : hasFbaStock(fbaForGuard(where, entry.sellerSku))) {
      // Another marketplace says which: the SKU may well be merchant-fulfilled in the primary.
      const inWhere = where === marketplace ? '' : ` in ${where}`;
      hold(row, r.rowIndex, dualOnAmazon(entry, 'FBM'), `Amazon fulfils Seller SKU ${entry.sellerSku} as FBA only${inWhere}, so it is never pushed as FBM${inWhere}.`);
      continue;
    }
    // Neither a listing nor FBA figures to tell: a SKU the SKU Map also sells as FBA may be an FBA offer.
    if (!listings && fbaUnknown(where) && fbaMappedSkus.has(at(where, entry.sellerSku)) && !input.previous.get(offerKey(where, 'FBA', entry.sellerSku))?.fba) {
      row.reason =
        `Not checked this run: Amazon's listings were not read and its FBA stock of Seller SKU ${entry.sellerSku} is not known yet, so it could be an FBA offer. ` +
        'Nothing is pushed for it until one of them is known; Last Pushed Qty stays as it was.';
      continue;
    }
    // A read that may have missed listings proves nothing about this one: it keeps its last state.
    if (listings && !listing && input.amazonListingsGap) {
      row.reason =
        `Not checked this run: ${input.amazonListingsGap}, and Seller SKU ${entry.sellerSku} was not among the listings read. ` +
        'Nothing is pushed for it and no problem is concluded until a full read; Last Pushed Qty stays as it was.';
      continue;
    }
    if (listings && !listing) {
      const hint = spellingHint(where, entry.sellerSku);
      hold(
        row,
        r.rowIndex,
        mappingInvalid('FBM',
          entry,
          `Amazon has no listing with Seller SKU ${entry.sellerSku} in ${where} (SKU Map row ${r.sheetRow}). ` +
            `There is no offer to update, so no quantity is pushed.${hint || ' Check the Seller SKU spelling against Seller Central, or untick the row.'}`,
        ),
        `Amazon has no listing with Seller SKU ${entry.sellerSku} in ${where}: nothing to update.${hint}`,
      );
      continue;
    }
    const share = shares.get(entry.key);
    if (share && 'overbooked' in share) {
      hold(row, r.rowIndex, share.overbooked, `Offer % of the offers sharing ${share.overbooked.entity} add up to more than 100%: nothing is proposed.`);
      continue;
    }
    const s = stock.get(entry.threePlSku);
    // A 3PL SKU the 3PL does not know is a mapping problem (usually a typo), not an unmapped SKU:
    // proposing 0 would wrongly take the offer offline, so nothing is proposed and a person checks.
    if (!s) {
      // Never matched silently in another case: the 3PL may tell them apart. The message names its spelling.
      const spelt = threePlSpelling(entry.threePlSku);
      const padded = spelt ? undefined : threePlZeroPadded(entry.threePlSku);
      const hint = spelt
        ? ` ${tpl} lists "${spelt}", which differs only in case or spaces: type the 3PL SKU as ${tpl} has it.`
        : padded
          ? ` ${tpl} lists "${padded}": Sheets dropped the leading zeros when it was typed into a cell that is not Plain text. Format the 3PL SKU column as Plain text (Format → Number → Plain text), then type "${padded}" again.`
          : '';
      hold(
        row,
        r.rowIndex,
        mappingInvalid('FBM',
          entry,
          `SKU Map row ${r.sheetRow} maps Seller SKU ${entry.sellerSku} to 3PL SKU ${entry.threePlSku}, but ${tpl} does not list that SKU in its stock. ` +
            `No quantity is proposed, so Amazon keeps its current quantity, which may no longer match the warehouse.${hint || ' Check the 3PL SKU spelling in the SKU Map.'}`,
        ),
        `3PL does not list this SKU (${entry.threePlSku}): nothing is proposed.${hint}`,
      );
      continue;
    }
    const { units: unsentUnits, viaOthers } = unsentUnitsFor(entry.threePlSku, unsent, kinds);
    const buffer = entry.safetyBuffer ?? input.defaultSafetyBuffer;
    const elsewhere = shownElsewhereFor(entry.threePlSku, parked, kinds);
    const p = proposeFbmQuantity({
      fulfillable: s.fulfillable,
      unsentOrders: unsentUnits,
      shownElsewhere: elsewhere.units,
      shownElsewhereBy: elsewhere.by,
      offerShare: share ? share.share : entry.offerShare,
      safetyBuffer: buffer,
      bufferIsDefault: entry.safetyBuffer === null,
      maxQty: entry.maxQty,
    });
    row.unsentOrders = unsentUnits;
    row.safetyBuffer = buffer;
    row.offerShare = share ? share.share : entry.offerShare ?? 1;
    row.maxQty = entry.maxQty;
    row.proposedQty = p.quantity;
    row.reason = p.reason;
    if (s.locationsCounted === 0) row.reason += ` (${tpl} lists ${entry.threePlSku} only at locations not chosen in Settings)`;
    const kind = describeThreePlSku(entry.threePlSku, kinds, stock, { tpl, viaOthers, offered: offered3pl });
    if (kind) row.reason = `${kind.reason} ${row.reason}`;
    // Not pickable at the 3PL is never read as "sold out": 0 is offered and a person is told why.
    if (kind?.notPickable) {
      exceptions.push(
        mappingInvalid('FBM',
          entry,
          `SKU Map row ${r.sheetRow} maps Seller SKU ${entry.sellerSku} to 3PL SKU ${entry.threePlSku}, but ${kind.notPickable}. ` +
            `0 is offered on Amazon for it. Reactivate it in ${tpl} if it should sell, or untick the SKU Map row.`,
        ),
      );
    }
    if (listing?.fba) row.reason += `. Amazon also fulfils this SKU as FBA: only the merchant quantity (channel DEFAULT) is set, the FBA stock stays Amazon's`;
    if (share) row.reason += `. ${share.pool[0]!.toUpperCase()}${share.pool.slice(1)} is also offered as ${share.others.join(', ')}: ${share.explicit ? 'this offer takes its Offer %' : 'the offers without an Offer % share the rest equally'}, so together they never promise more than ${tpl} can pick.`;
  }
  // One marketplace: one row per Seller SKU already, nothing to align (and no pass over a large catalogue).
  if (served.size > 1) oneQuantityPerSku(rows, pooled, statuses, rowIndexOf, tpl);
  return { rows, exceptions, statuses };
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

/** Reason and Status of an FBM row in a listed marketplace the 3PL does not ship to. */
function notShippedText(m: string, pooled: readonly string[]): string {
  return (
    `Not synced: Settings "FBM marketplaces" (${pooled.join(', ')}) does not include ${m}, so the 3PL ships no ${m} orders and the stock sync sets no ${m} quantity. ` +
    `Set it in Seller Central, or add ${m} to "FBM marketplaces" to share the 3PL stock with it.`
  );
}


/**
 * Amazon keeps one merchant quantity per Seller SKU whatever the marketplace (amzn/selling-partner-api-docs#3167):
 * the rows of one Seller SKU in several marketplaces are all proposed the lowest of their
 * quantities (their buffers or Max Qty may differ), so no push overwrites a lower one with a
 * higher one. A row of a marketplace the 3PL does not ship to is told the quantity shows there too.
 */
function oneQuantityPerSku(rows: InventoryRow[], pooled: ReadonlySet<string>, statuses: string[], rowIndexOf: ReadonlyMap<string, number>, tpl: string): void {
  const bySku = groupBy(rows.filter((r) => r.channel === 'FBM'), (r) => r.sellerSku);
  for (const [sku, list] of bySku) {
    const set = list.filter((r) => pooled.has(r.marketplace) && r.proposedQty !== null);
    if (list.length < 2 || set.length === 0) continue;
    const low = Math.min(...set.map((r) => r.proposedQty!));
    const where = set.map((r) => r.marketplace).join(', ');
    if (set.length > 1) {
      const alike = set.every((x) => x.proposedQty === low);
      for (const r of set) {
        const mine = r.proposedQty!;
        r.proposedQty = low;
        r.reason += alike
          ? `. Amazon keeps one merchant quantity for Seller SKU ${sku} in every marketplace: ${where} are set alike`
          : `. Amazon keeps one merchant quantity for Seller SKU ${sku} in every marketplace (${where}): each is set to the lowest of theirs, ${low}${mine !== low ? ` (this row alone: ${mine})` : ''}`;
      }
    }
    for (const r of list) {
      if (pooled.has(r.marketplace)) continue;
      r.reason += ` Amazon keeps one merchant quantity per Seller SKU, so the ${low} set for ${where} shows in ${r.marketplace} too: ${r.marketplace} buyers can order those units, and ${tpl} does not ship ${r.marketplace} orders (they are held). Use another Seller SKU in ${r.marketplace}, or untick this row's offer in Seller Central.`;
      const at = rowIndexOf.get(r.key);
      if (at !== undefined) statuses[at] = r.reason;
    }
  }
}

/** A row for the channel Amazon's listing does not have (Amazon lists the SKU with the other one only). */
function dualOnAmazon(entry: SkuMapEntry, mapped: 'FBM' | 'FBA'): RaisedException {
  const other = mapped === 'FBM' ? 'FBA' : 'FBM';
  return {
    key: exceptionKey('DUAL_CHANNEL_SKU', entry.marketplace, entry.sellerSku),
    type: 'DUAL_CHANNEL_SKU',
    entity: `${entry.marketplace} ${entry.sellerSku}`,
    message:
      `Seller SKU ${entry.sellerSku} is mapped as ${mapped} in the SKU Map, but Amazon lists it as ${other} only in ${entry.marketplace}. ` +
      'The add-on must never set a quantity on an FBA offer (a merchant quantity would turn it into a merchant-fulfilled offer), so it pushes nothing for this SKU. ' +
      'Check in Seller Central how the offer is fulfilled and make the SKU Map Channel match; a listing sold both ways needs both channels on Amazon and an FBM and an FBA row.',
  };
}
