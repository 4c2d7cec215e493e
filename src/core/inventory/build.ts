// Assembles the Inventory tab's rows from the validated SKU Map, the 3PL stock, unsent orders and
// Amazon's listings and FBA summaries: proposes FBM quantities, fills the FBA columns, and holds
// (with an exception) every offer that must not be pushed.

import { exceptionKey, type RaisedException } from '../exceptions';
import { proposeFbmQuantity } from './proposal';
import type { SkuMapValidation } from './sku-map';
import { aggregateThreePlStock, unsentBy3plSku } from './stock';
import type {
  AmazonListing,
  FbaSummary,
  InventoryRow,
  PreviousPush,
  SkuMapEntry,
  ThreePlStock,
  ThreePlStockRecord,
  UnsentOrderLine,
} from './types';

export interface BuildInventoryInput {
  /** The Settings marketplace: SKU Map rows of other marketplaces are left out. */
  marketplace: string;
  skuMap: SkuMapValidation;
  threePlStock: ReadonlyArray<ThreePlStockRecord>;
  /** Settings "3PL locations"; empty = all. */
  locations: ReadonlyArray<string>;
  unsentOrders: ReadonlyArray<UnsentOrderLine>;
  /** Amazon listings of this marketplace; undefined when not read this run (no Amazon-side checks). */
  amazonListings?: ReadonlyArray<AmazonListing>;
  fbaSummaries: ReadonlyArray<FbaSummary>;
  /** From the Inventory tab (see previousFromInventory), keyed by offer key. */
  previous: ReadonlyMap<string, PreviousPush>;
  defaultSafetyBuffer: number;
  now: number;
  /** For messages, e.g. "ShipBob". */
  threePlName?: string;
}

export interface BuildInventoryResult {
  /** In SKU Map order, one per offer of this marketplace (invalid offers included, with why). */
  rows: InventoryRow[];
  /** The SKU Map's own exceptions plus what this run found (unknown 3PL SKU, FBA on Amazon…). */
  exceptions: RaisedException[];
  /** Status text per SKU Map row (same order as the rows given to validateSkuMap). */
  statuses: string[];
}

function emptyRow(entry: Pick<SkuMapEntry, 'key' | 'sellerSku' | 'marketplace' | 'channel' | 'threePlSku'>, prev: PreviousPush | undefined, now: number): InventoryRow {
  return {
    key: entry.key,
    sellerSku: entry.sellerSku,
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

function hasFbaStock(s: FbaSummary | undefined): boolean {
  if (!s) return false;
  return s.fulfillable + s.inboundWorking + s.inboundShipped + s.inboundReceiving + s.reserved + s.unfulfillable + s.researching + s.total > 0;
}

function fillThreePl(row: InventoryRow, stock: ThreePlStock | undefined): void {
  if (!stock) return;
  row.threePlOnHand = stock.onHand;
  row.threePlCommitted = stock.committed;
  row.threePlFulfillable = stock.fulfillable;
}

function fillFba(row: InventoryRow, s: FbaSummary | undefined): void {
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

/** Builds the Inventory rows and proposes a quantity for every pushable FBM offer. */
/** A valid FBM row that still cannot be synced: one MAPPING_INVALID under the offer's own key. */
function fbmMappingInvalid(entry: Pick<SkuMapEntry, 'marketplace' | 'sellerSku'>, message: string): RaisedException {
  return {
    key: exceptionKey('MAPPING_INVALID', entry.marketplace, 'FBM', entry.sellerSku),
    type: 'MAPPING_INVALID',
    entity: `${entry.marketplace} FBM ${entry.sellerSku}`,
    message,
  };
}

export function buildInventory(input: BuildInventoryInput): BuildInventoryResult {
  const marketplace = input.marketplace.toUpperCase();
  const tpl = input.threePlName || 'the 3PL';
  const stock = aggregateThreePlStock(input.threePlStock, input.locations);
  const mine = (e: SkuMapEntry) => e.marketplace === marketplace;
  const fbmEntries = [...input.skuMap.entries, ...input.skuMap.held].filter((e) => mine(e) && e.channel === 'FBM');
  const unsent = unsentBy3plSku(input.unsentOrders, fbmEntries);
  let listings: Map<string, AmazonListing> | null = null;
  if (input.amazonListings) {
    listings = new Map();
    for (const l of input.amazonListings) listings.set(l.sellerSku, l);
  }
  const fba = new Map<string, FbaSummary>();
  for (const s of input.fbaSummaries) fba.set(s.sellerSku, s);
  // Offers sharing one 3PL product each show all of its stock: worth saying in the Reason.
  const uses = new Map<string, number>();
  for (const e of fbmEntries) uses.set(e.threePlSku, (uses.get(e.threePlSku) ?? 0) + 1);
  const sellersOf3pl = new Map<string, string[]>();
  for (const e of fbmEntries) {
    if ((uses.get(e.threePlSku) ?? 0) < 2) continue;
    const list = sellersOf3pl.get(e.threePlSku);
    if (list) list.push(e.sellerSku);
    else sellersOf3pl.set(e.threePlSku, [e.sellerSku]);
  }

  const exceptions: RaisedException[] = [...input.skuMap.exceptions];
  const statuses = input.skuMap.rows.map((r) => r.status);
  const rows: InventoryRow[] = [];
  const emitted = new Set<string>();
  const where = `${marketplace}`;

  // A held offer is never pushed: no proposal, no push state, one exception and a Status line.
  const hold = (row: InventoryRow, rowIndex: number, ex: RaisedException, reason: string) => {
    row.proposedQty = null;
    row.pushState = '';
    row.reason = reason;
    exceptions.push(ex);
    statuses[rowIndex] = `Held: ${reason}`;
  };

  for (const r of input.skuMap.rows) {
    if (r.marketplace !== marketplace || !r.sellerSku || !r.channel) continue;
    if (r.state === 'invalid') {
      const key = `${r.marketplace}:${r.channel}:${r.sellerSku}`;
      if (emitted.has(key)) continue;
      emitted.add(key);
      const row = emptyRow({ key, sellerSku: r.sellerSku, marketplace: r.marketplace, channel: r.channel, threePlSku: '' }, input.previous.get(key), input.now);
      row.reason = `Not synced: the SKU Map row is invalid (${r.problems.join('; ')}).`;
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
    row.amazonFbmQty = listing?.fbmQuantity ?? null;
    fillThreePl(row, entry.threePlSku ? stock.get(entry.threePlSku) : undefined);

    if (entry.channel === 'FBA') {
      row.pushState = '';
      fillFba(row, summary);
      if (r.state === 'dual') row.reason = `Held: ${r.status.replace(/^Held: /, '')} ${row.reason}`;
      else if (listing?.fbm) {
        hold(row, r.rowIndex, dualOnAmazon(entry, 'FBA'), `Amazon also lists Seller SKU ${entry.sellerSku} as merchant-fulfilled (FBM); nothing is pushed for it. ${row.reason}`);
      }
      continue;
    }

    // FBM offer.
    if (r.state === 'dual') {
      row.pushState = '';
      row.reason = r.status;
      continue;
    }
    if (listing?.fba || hasFbaStock(summary)) {
      hold(row, r.rowIndex, dualOnAmazon(entry, 'FBM'), `Amazon fulfils Seller SKU ${entry.sellerSku} as FBA, so it is never pushed as FBM.`);
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
    const unsentUnits = unsent.get(entry.threePlSku) ?? 0;
    const buffer = entry.safetyBuffer ?? input.defaultSafetyBuffer;
    const p = proposeFbmQuantity({
      fulfillable: s.fulfillable,
      unsentOrders: unsentUnits,
      offerShare: entry.offerShare,
      safetyBuffer: buffer,
      bufferIsDefault: entry.safetyBuffer === null,
      maxQty: entry.maxQty,
    });
    row.unsentOrders = unsentUnits;
    row.safetyBuffer = buffer;
    row.offerShare = entry.offerShare ?? 1;
    row.maxQty = entry.maxQty;
    row.proposedQty = p.quantity;
    row.reason = p.reason;
    if (s.locationsCounted === 0) row.reason += ` (${tpl} lists ${entry.threePlSku} only at locations not chosen in Settings)`;
    const sharing = sellersOf3pl.get(entry.threePlSku)?.filter((x) => x !== entry.sellerSku);
    if (sharing && sharing.length) row.reason += `. 3PL SKU ${entry.threePlSku} is also offered as ${sharing.join(', ')}: each offer shows the same stock.`;
  }
  return { rows, exceptions, statuses };
}

function dualOnAmazon(entry: SkuMapEntry, mapped: 'FBM' | 'FBA'): RaisedException {
  const other = mapped === 'FBM' ? 'FBA' : 'FBM';
  return {
    key: exceptionKey('DUAL_CHANNEL_SKU', entry.marketplace, entry.sellerSku),
    type: 'DUAL_CHANNEL_SKU',
    entity: `${entry.marketplace} ${entry.sellerSku}`,
    message:
      `Seller SKU ${entry.sellerSku} is mapped as ${mapped} in the SKU Map, but Amazon also shows it as ${other} in ${entry.marketplace}. ` +
      'The add-on must never set a quantity on an FBA offer, so it pushes nothing for this SKU. ' +
      `Check in Seller Central how the offer is fulfilled and make the SKU Map Channel match (one channel per Seller SKU).`,
  };
}
