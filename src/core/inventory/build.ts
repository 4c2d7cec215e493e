// Assembles the Inventory tab's rows from the validated SKU Map, the 3PL stock, unsent orders and
// Amazon's listings and FBA summaries: proposes FBM quantities (fbm-row.ts), fills the FBA columns
// (fba-row.ts), and holds (with an exception) every offer that must not be pushed.

import type { RaisedException } from '../exceptions';
import type { PreviousOffer } from './inventory-tab';
import { buildLookups, type BuildInventoryInput } from './build-lookups';
import { fillFbaOfferRow } from './fba-row';
import { fillFbmOfferRow } from './fbm-row';
import type { BuildOut } from './offer-problems';
import { oneQuantityPerSku } from './one-quantity';
import { productTitle } from './product-titles';
import type { InventoryRow, SkuMapEntry } from './types';

/** Read by the jobs with the rows it fills (jobs/inventory/fba-source.ts says how FBA figures were read). */
export type { FbaReadInfo } from './fba-columns';

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

/** Builds the Inventory rows and proposes a quantity for every pushable FBM offer. */
export function buildInventory(input: BuildInventoryInput): BuildInventoryResult {
  const L = buildLookups(input);
  const { served, pooled, listings, at, tpl, names } = L;
  const exceptions: RaisedException[] = [...input.skuMap.exceptions];
  const statuses = input.skuMap.rows.map((r) => r.status);
  const rows: InventoryRow[] = [];
  const emitted = new Set<string>();
  const rowIndexOf = new Map<string, number>();

  // A held offer is never pushed: no proposal, no push state, one exception and a Status line.
  // Its Reason starts "Held:" as the Status does: the tab sorts and colours held rows by it (row-order.ts).
  const hold: BuildOut['hold'] = (row, rowIndex, ex, reason) => {
    row.proposedQty = null;
    row.pushState = '';
    row.reason = `Held: ${reason}`;
    exceptions.push(ex);
    statuses[rowIndex] = `Held: ${reason}`;
  };
  const out: BuildOut = { exceptions, statuses, hold };

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
    const listing = listings?.get(at(entry.marketplace, entry.sellerSku));
    // Amazon's name for the product when this read has one; otherwise the one the row showed, else the 3PL's.
    row.productTitle = productTitle(listing?.title, row.productTitle, names.get(entry.threePlSku));
    // An FBA row of a listing sold both ways would show the merchant channel's quantity as its own.
    row.amazonFbmQty = entry.channel === 'FBA' && listing?.fba ? null : listing?.fbmQuantity ?? null;

    if (entry.channel === 'FBA') fillFbaOfferRow(L, row, r, entry, listing, out);
    else fillFbmOfferRow(L, row, r, entry, listing, out);
  }
  // One marketplace: one row per Seller SKU already, nothing to align (and no pass over a large catalogue).
  if (served.size > 1) oneQuantityPerSku(rows, pooled, statuses, rowIndexOf, tpl);
  return { rows, exceptions, statuses };
}
