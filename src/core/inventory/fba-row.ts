// The Inventory row of an FBA offer: Amazon holds that stock, so the row shows Amazon's figures (or a
// Pan-European pool once), leaves the 3PL columns empty, and is held when Amazon does not know the SKU
// or lists it merchant-fulfilled only.

import { fbaReadNote, fillFba, fillFbaKept } from './fba-columns';
import type { BuildLookups } from './build-lookups';
import { dualOnAmazon, mappingInvalid, type BuildOut } from './offer-problems';
import type { SkuMapRowResult } from './sku-map';
import type { AmazonListing, InventoryRow, SkuMapEntry } from './types';

export function fillFbaOfferRow(L: BuildLookups, row: InventoryRow, r: SkuMapRowResult, entry: SkuMapEntry, listing: AmazonListing | undefined, { hold }: BuildOut): void {
  const { input, at, listings, pooled, pools, fba, fbaReadOf, fbaSaysNone, fbmMapped, spellingHint } = L;
  const where = entry.marketplace;
  const pool = pools.get(at(where, entry.sellerSku));
  // A Pan-EU pool is shown on one row only, so a column sum counts it once.
  const summary = pool && pool.shownOn !== where ? undefined : fba.get(at(where, entry.sellerSku));
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
}
