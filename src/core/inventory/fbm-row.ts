// The Inventory row of an FBM offer: its 3PL stock and proposed quantity, or why nothing is proposed
// (a marketplace the 3PL does not ship to, an offer Amazon fulfils as FBA, no listing, shares past
// 100%, a 3PL SKU the 3PL does not list) with the exception that holds it.

import type { BuildLookups } from './build-lookups';
import { hasFbaStock } from './fba-columns';
import { dualOnAmazon, mappingInvalid, type BuildOut } from './offer-problems';
import { shownElsewhereFor } from './parked';
import { proposeFbmQuantity } from './proposal';
import { offerKey, type SkuMapRowResult } from './sku-map';
import { describeThreePlSku, unsentUnitsFor } from './threepl-kinds';
import type { AmazonListing, InventoryRow, SkuMapEntry, ThreePlStock } from './types';

export function fillFbmOfferRow(L: BuildLookups, row: InventoryRow, r: SkuMapRowResult, entry: SkuMapEntry, listing: AmazonListing | undefined, out: BuildOut): void {
  const { input, marketplace, tpl, stock, pooled, at, listings, kinds, unsent, offered3pl, parked, shares, fbaUnknown, fbaForGuard, fbaMappedSkus, spellingHint, threePlSpelling, threePlZeroPadded } = L;
  const { hold, statuses, exceptions } = out;
  const where = entry.marketplace;
  fillThreePl(row, entry.threePlSku ? stock.get(entry.threePlSku) : undefined);
  // A marketplace the 3PL does not ship to: its offers are set elsewhere, and take no share of the pool.
  if (!pooled.has(where)) {
    row.pushState = '';
    row.reason = notShippedText(where, [...pooled]);
    statuses[r.rowIndex] = row.reason;
    return;
  }
  if (r.state === 'dual') {
    row.pushState = '';
    row.reason = r.status;
    return;
  }
  // A merchant quantity for an offer Amazon fulfils only as FBA would convert it to merchant-fulfilled
  // (fba-guard.ts); a listing that also has a DEFAULT channel takes the quantity on that channel alone.
  if (listing ? listing.fba && !listing.fbm : hasFbaStock(fbaForGuard(where, entry.sellerSku))) {
    // Another marketplace says which: the SKU may well be merchant-fulfilled in the primary.
    const inWhere = where === marketplace ? '' : ` in ${where}`;
    hold(row, r.rowIndex, dualOnAmazon(entry, 'FBM'), `Amazon fulfils Seller SKU ${entry.sellerSku} as FBA only${inWhere}, so it is never pushed as FBM${inWhere}.`);
    return;
  }
  // Neither a listing nor FBA figures to tell: a SKU the SKU Map also sells as FBA may be an FBA offer.
  if (!listings && fbaUnknown(where) && fbaMappedSkus.has(at(where, entry.sellerSku)) && !input.previous.get(offerKey(where, 'FBA', entry.sellerSku))?.fba) {
    row.reason =
      `Not checked this run: Amazon's listings were not read and its FBA stock of Seller SKU ${entry.sellerSku} is not known yet, so it could be an FBA offer. ` +
      'Nothing is pushed for it until one of them is known; Last Pushed Qty stays as it was.';
    return;
  }
  // A read that may have missed listings proves nothing about this one: it keeps its last state.
  if (listings && !listing && input.amazonListingsGap) {
    row.reason =
      `Not checked this run: ${input.amazonListingsGap}, and Seller SKU ${entry.sellerSku} was not among the listings read. ` +
      'Nothing is pushed for it and no problem is concluded until a full read; Last Pushed Qty stays as it was.';
    return;
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
    return;
  }
  const share = shares.get(entry.key);
  if (share && 'overbooked' in share) {
    hold(row, r.rowIndex, share.overbooked, `Offer % of the offers sharing ${share.overbooked.entity} add up to more than 100%: nothing is proposed.`);
    return;
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
    return;
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

function fillThreePl(row: InventoryRow, stock: ThreePlStock | undefined): void {
  if (!stock) return;
  row.threePlOnHand = stock.onHand;
  row.threePlCommitted = stock.committed;
  row.threePlFulfillable = stock.fulfillable;
}

/** Reason and Status of an FBM row in a listed marketplace the 3PL does not ship to. */
function notShippedText(m: string, pooled: readonly string[]): string {
  return (
    `Not synced: Settings "FBM marketplaces" (${pooled.join(', ')}) does not include ${m}, so the 3PL ships no ${m} orders and the stock sync sets no ${m} quantity. ` +
    `Set it in Seller Central, or add ${m} to "FBM marketplaces" to share the 3PL stock with it.`
  );
}
