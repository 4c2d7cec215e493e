// Assembles the Inventory tab's rows from the validated SKU Map, the 3PL stock, unsent orders and
// Amazon's listings and FBA summaries: proposes FBM quantities, fills the FBA columns, and holds
// (with an exception) every offer that must not be pushed.

import { utcMinute } from '../cells';
import { exceptionKey, type RaisedException } from '../exceptions';
import type { FbaBuckets, PreviousOffer } from './inventory-tab';
import { proposeFbmQuantity } from './proposal';
import { offerKey, type SkuMapValidation } from './sku-map';
import { aggregateThreePlStock, unsentBy3plSku } from './stock';
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

interface BuildInventoryInput {
  /** The Settings marketplace: SKU Map rows of other marketplaces are left out. */
  marketplace: string;
  /**
   * Settings "FBM marketplaces" (primary first). The 3PL stock is one pool for all of them: an offer
   * here takes only its share of a 3PL SKU that offers in the others also sell. Absent: the primary alone.
   */
  pooledMarketplaces?: readonly string[];
  skuMap: SkuMapValidation;
  threePlStock: ReadonlyArray<ThreePlStockRecord>;
  /** Settings "3PL locations"; empty = all. */
  locations: ReadonlyArray<string>;
  unsentOrders: ReadonlyArray<UnsentOrderLine>;
  /** Amazon listings of this marketplace; undefined when not read this run (no Amazon-side checks). */
  amazonListings?: ReadonlyArray<AmazonListing>;
  /** Why amazonListings may lack some listings (a search whose pages shifted); absent: it holds them all. */
  amazonListingsGap?: string;
  fbaSummaries: ReadonlyArray<FbaSummary>;
  /** How fbaSummaries were read; absent: getInventorySummaries, this run. */
  fbaRead?: FbaReadInfo;
  /** From the Inventory tab (see previousFromInventory), keyed by offer key. */
  previous: ReadonlyMap<string, PreviousOffer>;
  defaultSafetyBuffer: number;
  now: number;
  /** For messages, e.g. "ShipBob". */
  threePlName?: string;
}

/** How this run's FBA figures were read (jobs/inventory/fba-source.ts). */
export interface FbaReadInfo {
  via: 'summaries' | 'report';
  /** When the figures were true; when `unknown`, those the tab shows (0 = not recorded). */
  asOf: number;
  /** None were read this run (Amazon's report not ready): FBA rows keep the figures they showed. */
  unknown: boolean;
  /** Said in the FBA rows' Reason: where report figures come from, or why none were read. */
  note?: string;
}

interface BuildInventoryResult {
  /** In SKU Map order, one per offer of this marketplace (invalid offers included, with why). */
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

function hasFbaStock(s: FbaBuckets | undefined): boolean {
  if (!s) return false;
  return s.fulfillable + s.inboundWorking + s.inboundShipped + s.inboundReceiving + s.reserved + s.unfulfillable + s.researching + s.total > 0;
}

function fillThreePl(row: InventoryRow, stock: ThreePlStock | undefined): void {
  if (!stock) return;
  row.threePlOnHand = stock.onHand;
  row.threePlCommitted = stock.committed;
  row.threePlFulfillable = stock.fulfillable;
}

function fillFba(row: InventoryRow, s: FbaBuckets | undefined): void {
  if (!s) {
    row.reason = 'FBA offer: Amazon holds this stock and the add-on only reads it. Amazon reported no FBA inventory for this SKU.';
    return;
  }
  row.fbaFulfillable = s.fulfillable;
  row.fbaInboundWorking = s.inboundWorking;
  row.fbaInboundShipped = s.inboundShipped;
  row.fbaInboundReceiving = s.inboundReceiving;
  row.fbaReserved = s.reserved;
  row.fbaUnfulfillable = s.unfulfillable;
  row.fbaResearching = s.researching;
  row.fbaTotal = s.total;
  const inbound = s.inboundWorking + s.inboundShipped + s.inboundReceiving;
  row.reason =
    `FBA offer: Amazon holds this stock and the add-on only reads it. Sellable = FBA fulfillable ${s.fulfillable}; ` +
    `inbound ${inbound}, reserved ${s.reserved}, unfulfillable ${s.unfulfillable}, researching ${s.researching}; total ${s.total} (includes inbound, information only).`;
}

/**
 * What an FBA row's Reason adds when its figures are not this run's getInventorySummaries answer:
 * only a problem with Amazon's report (failed, late). Not the read's time: a Reason that changed
 * with every new report would rewrite every FBA row each time (thousands of rows at scale) although
 * no figure moved; the Sync Log says when the FBA report was read.
 */
function fbaReadNote(read: FbaReadInfo | undefined): string {
  if (!read || (read.via === 'summaries' && !read.unknown)) return '';
  return read.note ? ` ${read.note}` : '';
}

/**
 * An FBA row when this run read no FBA figures: the ones it showed, else "none" when the last read
 * found none, else not known yet (first run of a large catalogue).
 */
function fillFbaKept(row: InventoryRow, prev: PreviousOffer | undefined, read: FbaReadInfo): void {
  if (prev?.fba || (prev?.fba === null && read.asOf > 0)) {
    fillFba(row, prev.fba ?? undefined);
    row.reason += fbaReadNote(read);
    return;
  }
  row.reason = `FBA offer: Amazon holds this stock and the add-on only reads it. Its FBA figures have not been read yet.${read.note ? ` ${read.note}` : ''}`;
}

/** A valid FBM row that still cannot be synced: one MAPPING_INVALID under the offer's own key. */
function fbmMappingInvalid(entry: Pick<SkuMapEntry, 'marketplace' | 'sellerSku'>, message: string): RaisedException {
  return {
    key: exceptionKey('MAPPING_INVALID', entry.marketplace, 'FBM', entry.sellerSku),
    type: 'MAPPING_INVALID',
    entity: `${entry.marketplace} FBM ${entry.sellerSku}`,
    message,
  };
}

/** Builds the Inventory rows and proposes a quantity for every pushable FBM offer. */
export function buildInventory(input: BuildInventoryInput): BuildInventoryResult {
  const marketplace = input.marketplace.toUpperCase();
  const tpl = input.threePlName || 'the 3PL';
  const stock = aggregateThreePlStock(input.threePlStock, input.locations);
  const mine = (e: SkuMapEntry) => e.marketplace === marketplace;
  const fbmEntries = [...input.skuMap.entries, ...input.skuMap.held].filter((e) => mine(e) && e.channel === 'FBM');
  const unsent = unsentBy3plSku(input.unsentOrders, fbmEntries);
  // Inactive 3PL products and bundles: said in the Reason, and bundles share unsent units with their parts.
  const kinds = threePlSkuKinds(input.threePlStock);
  const offered3pl = new Set(fbmEntries.map((e) => e.threePlSku));
  let listings: Map<string, AmazonListing> | null = null;
  if (input.amazonListings) {
    listings = new Map();
    for (const l of input.amazonListings) listings.set(l.sellerSku, l);
  }
  const fba = new Map<string, FbaSummary>();
  for (const s of input.fbaSummaries) fba.set(s.sellerSku, s);
  const fbaUnknown = input.fbaRead?.unknown === true;
  // Unknown FBA stock must not weaken the FBA guard: it looks at the figures the FBA row showed.
  const fbaForGuard = (sku: string): FbaBuckets | undefined =>
    fbaUnknown ? input.previous.get(offerKey(marketplace, 'FBA', sku))?.fba ?? undefined : fba.get(sku);
  const fbaMappedSkus = new Set([...input.skuMap.entries, ...input.skuMap.held].filter((e) => mine(e) && e.channel === 'FBA').map((e) => e.sellerSku));
  const fbmMapped = new Set(fbmEntries.map((e) => e.sellerSku));
  const pooled = new Set([marketplace, ...(input.pooledMarketplaces ?? []).map((m) => m.toUpperCase())]);
  const shares = splitSharedStock(input.skuMap.entries.filter((e) => pooled.has(e.marketplace) && e.channel === 'FBM'), marketplace);

  const exceptions: RaisedException[] = [...input.skuMap.exceptions];
  const statuses = input.skuMap.rows.map((r) => r.status);
  const rows: InventoryRow[] = [];
  const emitted = new Set<string>();
  const where = `${marketplace}`;

  // A held offer is never pushed: no proposal, no push state, one exception and a Status line.
  // Its Reason starts "Held:" as the Status does: the tab sorts and colours held rows by it (row-order.ts).
  const hold = (row: InventoryRow, rowIndex: number, ex: RaisedException, reason: string) => {
    row.proposedQty = null;
    row.pushState = '';
    row.reason = `Held: ${reason}`;
    exceptions.push(ex);
    statuses[rowIndex] = `Held: ${reason}`;
  };

  const others = new Set<string>();
  for (const r of input.skuMap.rows) {
    // A usable row of another listed marketplace: this version's stock sync sets the primary's offers
    // only, so its Status must not say OK; its share of a pooled 3PL SKU is kept out of the primary's offers.
    if (r.marketplace !== marketplace && (r.state === 'ok' || r.state === 'dual') && r.sellerSku && r.channel && pooled.has(r.marketplace ?? '')) {
      statuses[r.rowIndex] =
        `Not synced yet: the stock sync sets ${marketplace} offers only (the first of Settings "Marketplaces"). ` +
        `Set this ${r.marketplace} quantity in Seller Central; ${r.channel === 'FBM' ? `its share of 3PL SKU ${r.entry?.threePlSku ?? ''} is kept out of the ${marketplace} offers.` : 'its FBA figures are not read.'}`;
      others.add(r.marketplace ?? '');
    }
    if (r.marketplace !== marketplace || !r.sellerSku || !r.channel) continue;
    if (r.state === 'invalid') {
      const key = `${r.marketplace}:${r.channel}:${r.sellerSku}`;
      if (emitted.has(key)) continue;
      emitted.add(key);
      const row = emptyRow({ key, sellerSku: r.sellerSku, marketplace: r.marketplace, channel: r.channel, threePlSku: '' }, input.previous.get(key), input.now);
      row.reason = `Not synced: the SKU Map row is invalid (${r.problems.join('; ')}).`;
      row.productTitle = listings?.get(r.sellerSku)?.title || row.productTitle;
      row.pushState = '';
      rows.push(row);
      continue;
    }
    const entry = r.entry;
    // Validation holds every copy of a duplicate, so ok and dual entries have unique keys.
    if (!entry || (r.state !== 'ok' && r.state !== 'dual')) continue;
    const row = emptyRow(entry, input.previous.get(entry.key), input.now);
    rows.push(row);
    const listing = listings?.get(entry.sellerSku);
    const summary = fba.get(entry.sellerSku);
    // Amazon's name for the product when this read has one; otherwise the one the row showed.
    if (listing?.title) row.productTitle = listing.title;
    // An FBA row of a listing sold both ways would show the merchant channel's quantity as its own.
    row.amazonFbmQty = entry.channel === 'FBA' && listing?.fba ? null : listing?.fbmQuantity ?? null;

    if (entry.channel === 'FBA') {
      // Amazon holds FBA stock: the row shows Amazon's figures and leaves the 3PL columns empty, so
      // the 3PL units its FBM twin shows are counted once when a column is summed.
      row.pushState = '';
      if (input.fbaRead?.unknown) fillFbaKept(row, input.previous.get(entry.key), input.fbaRead);
      else {
        fillFba(row, summary);
        row.reason += fbaReadNote(input.fbaRead);
      }
      if (r.state === 'dual') row.reason = `Held: ${r.status.replace(/^Held: /, '')} ${row.reason}`;
      else if (listing?.fbm && !listing.fba) {
        hold(row, r.rowIndex, dualOnAmazon(entry, 'FBA'), `Amazon lists Seller SKU ${entry.sellerSku} as merchant-fulfilled (FBM) only; nothing is pushed for it. ${row.reason}`);
      } else if (listing?.fbm) {
        // One listing with both channels (Amazon: "Multiple Fulfillment Channels with Default MFN and FBA").
        row.reason += fbmMapped.has(entry.sellerSku)
          ? ' Amazon also sells this SKU merchant-fulfilled: its FBM row sets that quantity (channel DEFAULT).'
          : ` Amazon also sells this SKU merchant-fulfilled, but no FBM row maps it, so that quantity (${listing.fbmQuantity ?? 0}) is not kept in step.`;
      }
      continue;
    }

    // FBM offer.
    fillThreePl(row, entry.threePlSku ? stock.get(entry.threePlSku) : undefined);
    if (r.state === 'dual') {
      row.pushState = '';
      row.reason = r.status;
      continue;
    }
    // A merchant quantity for an offer Amazon fulfils only as FBA would convert it to merchant-fulfilled
    // (fba-guard.ts); a listing that also has a DEFAULT channel takes the quantity on that channel alone.
    if (listing ? listing.fba && !listing.fbm : hasFbaStock(fbaForGuard(entry.sellerSku))) {
      hold(row, r.rowIndex, dualOnAmazon(entry, 'FBM'), `Amazon fulfils Seller SKU ${entry.sellerSku} as FBA only, so it is never pushed as FBM.`);
      continue;
    }
    // Neither a listing nor FBA figures to tell: a SKU the SKU Map also sells as FBA may be an FBA offer.
    if (!listings && fbaUnknown && fbaMappedSkus.has(entry.sellerSku) && !input.previous.get(offerKey(marketplace, 'FBA', entry.sellerSku))?.fba) {
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
      hold(
        row,
        r.rowIndex,
        fbmMappingInvalid(
          entry,
          `Amazon has no listing with Seller SKU ${entry.sellerSku} in ${where} (SKU Map row ${r.sheetRow}). ` +
            'There is no offer to update, so no quantity is pushed. Check the Seller SKU spelling against Seller Central, or untick the row.',
        ),
        `Amazon has no listing with Seller SKU ${entry.sellerSku} in ${where}: nothing to update.`,
      );
      continue;
    }
    const share = shares.get(entry.key);
    if (share && 'overbooked' in share) {
      hold(row, r.rowIndex, share.overbooked, `Offer % of the offers sharing 3PL SKU ${entry.threePlSku} add up to more than 100%: nothing is proposed.`);
      continue;
    }
    const s = stock.get(entry.threePlSku);
    // A 3PL SKU the 3PL does not know is a mapping problem (usually a typo), not an unmapped SKU:
    // proposing 0 would wrongly take the offer offline, so nothing is proposed and a person checks.
    if (!s) {
      hold(
        row,
        r.rowIndex,
        fbmMappingInvalid(
          entry,
          `SKU Map row ${r.sheetRow} maps Seller SKU ${entry.sellerSku} to 3PL SKU ${entry.threePlSku}, but ${tpl} does not list that SKU in its stock. ` +
            'No quantity is proposed, so Amazon keeps its current quantity, which may no longer match the warehouse. Check the 3PL SKU spelling in the SKU Map.',
        ),
        `3PL does not list this SKU (${entry.threePlSku}): nothing is proposed.`,
      );
      continue;
    }
    const { units: unsentUnits, viaOthers } = unsentUnitsFor(entry.threePlSku, unsent, kinds);
    const buffer = entry.safetyBuffer ?? input.defaultSafetyBuffer;
    const p = proposeFbmQuantity({
      fulfillable: s.fulfillable,
      unsentOrders: unsentUnits,
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
        fbmMappingInvalid(
          entry,
          `SKU Map row ${r.sheetRow} maps Seller SKU ${entry.sellerSku} to 3PL SKU ${entry.threePlSku}, but ${kind.notPickable}. ` +
            `0 is offered on Amazon for it. Reactivate it in ${tpl} if it should sell, or untick the SKU Map row.`,
        ),
      );
    }
    if (listing?.fba) row.reason += `. Amazon also fulfils this SKU as FBA: only the merchant quantity (channel DEFAULT) is set, the FBA stock stays Amazon's`;
    if (share) row.reason += `. 3PL SKU ${entry.threePlSku} is also offered as ${share.others.join(', ')}: ${share.explicit ? 'this offer takes its Offer %' : 'the offers without an Offer % share the rest equally'}, so together they never promise more than ${tpl} can pick.`;
  }
  for (const m of others) {
    exceptions.push({
      key: exceptionKey('MAPPING_INVALID', m, 'stock sync'),
      type: 'MAPPING_INVALID',
      entity: `${m} offers`,
      message:
        `Settings "Marketplaces" lists ${m}, but this version's stock sync sets ${marketplace} quantities only: the SKU Map rows of ${m} say "Not synced yet" and Amazon keeps their quantities as they are. ` +
        `Their share of each 3PL SKU they sell is kept out of the ${marketplace} offers, so the two never promise the same units; set the ${m} quantities in Seller Central, no higher than that share.`,
    });
  }
  return { rows, exceptions, statuses };
}

/** Shares within 1e-9 of each other are equal: 0.3 + 0.7 must not count as over 100%. */
const SHARE_EPSILON = 1e-9;

type SharedStock = { share: number; explicit: boolean; others: string[] } | { overbooked: RaisedException };

/**
 * Offers fed by one 3PL SKU split its pickable stock instead of each showing all of it, which
 * would promise the same units twice: an offer's Offer % is its part, offers without one share
 * what is left equally. Offer % adding up to over 100% cannot be honoured: those offers are held.
 * Offers with a 3PL SKU of their own are not in the map.
 */
function splitSharedStock(entries: ReadonlyArray<SkuMapEntry>, primary: string): Map<string, SharedStock> {
  const groups = new Map<string, SkuMapEntry[]>();
  for (const e of entries) {
    if (!e.threePlSku) continue;
    const g = groups.get(e.threePlSku);
    if (g) g.push(e);
    else groups.set(e.threePlSku, [e]);
  }
  const out = new Map<string, SharedStock>();
  for (const [threePlSku, group] of groups) {
    if (group.length < 2) continue;
    const fixed = group.reduce((sum, e) => sum + (e.offerShare ?? 0), 0);
    const open = group.filter((e) => e.offerShare === null);
    // Offers of other marketplaces are named with theirs: "TEE-M (DE)".
    const names = group.map((e) => (e.marketplace === primary ? e.sellerSku : `${e.sellerSku} (${e.marketplace})`));
    if (fixed > 1 + SHARE_EPSILON) {
      const ex: RaisedException = {
        key: exceptionKey('MAPPING_INVALID', group[0]!.marketplace, 'shared', threePlSku),
        type: 'MAPPING_INVALID',
        entity: `3PL SKU ${threePlSku}`,
        message:
          `Seller SKUs ${names.join(', ')} all sell 3PL SKU ${threePlSku}, and their Offer % add up to ${Math.round(fixed * 100)}%: together they would promise more than the warehouse can pick. ` +
          'No quantity is pushed for them until their Offer % add up to 100% or less (leave Offer % empty to share equally).',
      };
      for (const e of group) out.set(e.key, { overbooked: ex });
      continue;
    }
    const rest = open.length ? Math.max(0, 1 - fixed) / open.length : 0;
    group.forEach((e, i) => out.set(e.key, { share: e.offerShare ?? rest, explicit: e.offerShare !== null, others: names.filter((_, j) => j !== i) }));
  }
  return out;
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
