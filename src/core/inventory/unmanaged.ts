// OFFER_UNMANAGED: a merchant-fulfilled offer the add-on no longer keeps in step (its SKU Map row
// is unticked, invalid or held, or names a 3PL SKU the 3PL does not list) while Amazon still shows
// more than the 3PL can pick. Nobody
// lowers that quantity any more, so Amazon can sell stock the warehouse does not have: High.

import { cellText } from '../cells';
import { exceptionKey, type RaisedException } from '../exceptions';
import { SKU_MAP_COLUMNS } from './sku-map';
import type { SkuMapRowResult } from './sku-map';
import { aggregateThreePlStock } from './stock';
import type { AmazonListing, RawRow, ThreePlStockRecord } from './types';

interface UnmanagedInput {
  marketplace: string;
  /** Raw SKU Map rows and their validation results, in the same order. */
  skuMapRows: ReadonlyArray<RawRow>;
  validated: ReadonlyArray<SkuMapRowResult>;
  threePlStock: ReadonlyArray<ThreePlStockRecord>;
  /** Settings "3PL locations"; empty = all. */
  locations: ReadonlyArray<string>;
  amazonListings: ReadonlyArray<AmazonListing>;
  threePlName?: string;
}

const WHY: Partial<Record<SkuMapRowResult['state'], string>> = {
  inactive: 'is unticked (Active is off)',
  invalid: 'is not valid',
  dual: 'is held',
};

/** One exception per FBM offer that no usable row manages and whose Amazon quantity exceeds the 3PL's pickable stock. */
export function findUnmanagedOffers(input: UnmanagedInput): RaisedException[] {
  const mkt = input.marketplace.toUpperCase();
  const tpl = input.threePlName || 'the 3PL';
  const stock = aggregateThreePlStock(input.threePlStock, input.locations);
  const managed = new Set<string>();
  const parked = new Map<string, { row: SkuMapRowResult; threePlSku: string; why?: string }>();
  input.validated.forEach((r, i) => {
    if (r.marketplace !== mkt || !r.sellerSku || (r.channel !== null && r.channel !== 'FBM')) return;
    const threePlSku = cellText(input.skuMapRows[i]?.[SKU_MAP_COLUMNS.threePlSku]);
    // A usable row whose 3PL SKU the 3PL does not list is held by the build (nothing proposed): it
    // manages nothing either, and with no stock record the 3PL can pick none of it.
    if (r.state === 'ok' && threePlSku && !stock.has(threePlSku)) {
      if (!parked.has(r.sellerSku)) parked.set(r.sellerSku, { row: r, threePlSku, why: `maps it to 3PL SKU ${threePlSku}, which ${tpl} does not list` });
    } else if (r.state === 'ok') managed.add(r.sellerSku);
    else if (WHY[r.state] && !parked.has(r.sellerSku)) parked.set(r.sellerSku, { row: r, threePlSku: cellText(input.skuMapRows[i]?.[SKU_MAP_COLUMNS.threePlSku]) });
  });
  const out: RaisedException[] = [];
  for (const l of input.amazonListings) {
    const shown = l.fbmQuantity ?? 0;
    if (!l.fbm || shown <= 0) continue;
    const p = parked.get(l.sellerSku);
    // Another row for the same offer that syncs it keeps it in step.
    if (!p || managed.has(l.sellerSku)) continue;
    const pickable = p.threePlSku ? stock.get(p.threePlSku)?.fulfillable ?? 0 : 0;
    if (shown <= pickable) continue;
    const stockText = p.threePlSku ? `${tpl} can pick only ${pickable} of 3PL SKU ${p.threePlSku}` : `the row names no 3PL SKU, so no warehouse stock backs it`;
    out.push({
      key: exceptionKey('OFFER_UNMANAGED', mkt, l.sellerSku),
      type: 'OFFER_UNMANAGED',
      entity: `${mkt} FBM ${l.sellerSku}`,
      message:
        `Amazon shows ${shown} units of Seller SKU ${l.sellerSku} (${mkt}, merchant-fulfilled), but SKU Map row ${p.row.sheetRow} ${p.why ?? WHY[p.row.state]}, ` +
        `so the add-on no longer updates this offer, and ${stockText}. Amazon can sell stock the warehouse does not have. ` +
        'Fix or tick the row so the sync sets the quantity, or lower it in Seller Central.',
    });
  }
  return out;
}
