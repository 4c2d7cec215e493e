// UNMAPPED_SKU: FBM listings on Amazon and stocked 3PL products that no SKU Map row mentions, so
// their quantities are not kept in step. Any row naming the SKU (even inactive or invalid) counts
// as mapped: those rows have their own status and exception.

import { cellText } from '../cells';
import { exceptionKey, type RaisedException } from '../exceptions';
import { findMarketplace } from '../marketplaces';
import { isPendingSuggestion, pendingSuggestions, suggestionText } from '../onboarding/suggestions';
import { SKU_MAP_COLUMNS, findLostLeadingZeros, lostZerosText, rowMarketplace } from './sku-map';
import type { AmazonListing, RawRow, ThreePlStockRecord } from './types';

interface UnmappedInput {
  marketplace: string;
  /** Raw SKU Map rows (as given to validateSkuMap). */
  skuMapRows: ReadonlyArray<RawRow>;
  /** Marketplace of rows whose Marketplace cell is empty. */
  defaultMarketplace: string;
  /** undefined: the 3PL was not read this run. */
  threePlStock?: ReadonlyArray<ThreePlStockRecord>;
  /** undefined: Amazon listings were not read this run. */
  amazonListings?: ReadonlyArray<AmazonListing>;
  threePlName?: string;
  /** Beyond this many per side, one summary exception instead (keeps the tab readable on day one). */
  maxIndividual?: number;
}

const DEFAULT_MAX_INDIVIDUAL = 100;

export function findUnmappedSkus(input: UnmappedInput): RaisedException[] {
  const mkt = input.marketplace.toUpperCase();
  const tpl = input.threePlName || 'the 3PL';
  const max = input.maxIndividual ?? DEFAULT_MAX_INDIVIDUAL;
  const sellerSkus = new Set<string>();
  const threePlSkus = new Set<string>();
  for (const row of input.skuMapRows) {
    // A row the SKU Map builder proposed maps nothing until a person ticks it (core/onboarding/suggestions).
    if (isPendingSuggestion(row)) continue;
    const rowMkt = rowMarketplace(row, input.defaultMarketplace);
    const s = cellText(row[SKU_MAP_COLUMNS.sellerSku]);
    // A row whose Marketplace names no marketplace has its own MAPPING_INVALID: it still mentions the SKU.
    if (s && (rowMkt === mkt || !findMarketplace(rowMkt))) sellerSkus.add(s);
    const t = cellText(row[SKU_MAP_COLUMNS.threePlSku]);
    if (t) threePlSkus.add(t);
  }
  const out: RaisedException[] = [];

  const missing = new Set<string>();
  for (const l of input.amazonListings ?? []) if (l.fbm && !sellerSkus.has(l.sellerSku)) missing.add(l.sellerSku);
  const amazonMissing = [...missing];
  // Products with nothing on hand are usually retired lines: flagging them would bury real problems.
  // A mapped bundle sells its components, so they count as mapped too.
  for (const r of input.threePlStock ?? []) if (r.bundleOf && threePlSkus.has(String(r.sku).trim())) for (const c of r.bundleOf) threePlSkus.add(c.sku);
  const stocked = new Map<string, number>();
  for (const r of input.threePlStock ?? []) {
    const sku = String(r.sku).trim();
    // Inactive products cannot be sold, and a bundle's "stock" is its components' units, flagged on their own.
    if (r.inactive || r.bundleOf) continue;
    if (sku && !threePlSkus.has(sku)) stocked.set(sku, (stocked.get(sku) ?? 0) + (Number.isFinite(r.onHand) ? r.onHand : 0));
  }
  const threePlMissing = [...stocked].filter(([, onHand]) => onHand > 0).map(([sku]) => sku);

  // "00123" typed into a cell that was not plain text became 123: say so rather than "not mapped".
  const where = { marketplace: mkt, defaultMarketplace: input.defaultMarketplace };
  const lostZeros = new Map(findLostLeadingZeros(input.skuMapRows, amazonMissing, where).map((z) => [z.amazonSku, z] as const));
  const suggested = pendingSuggestions(input.skuMapRows, input.defaultMarketplace);
  const waiting = (skus: readonly string[]) => skus.filter((s) => suggested.has(`${mkt}:${s}`)).length;
  const amazonText = (sku: string) => {
    const suggestion = suggested.get(`${mkt}:${sku}`);
    if (suggestion) {
      return (
        `Amazon has a merchant-fulfilled (FBM) listing with Seller SKU ${sku} in ${mkt} that no accepted SKU Map row maps. ${suggestionText(suggestion)}. ` +
        'Until then the add-on does not update its quantity, so it can oversell or show stale stock.'
      );
    }
    const zeros = lostZeros.get(sku);
    if (zeros) {
      return (
        `Amazon has a merchant-fulfilled (FBM) listing with Seller SKU ${sku} in ${mkt} that no SKU Map row matches. ${lostZerosText(zeros)}. ` +
        'Until then the add-on does not update its quantity, so it can oversell or show stale stock.'
      );
    }
    return (
      `Amazon has a merchant-fulfilled (FBM) listing with Seller SKU ${sku} in ${mkt} that no SKU Map row mentions. ` +
      'The add-on does not update its quantity, so it can oversell or show stale stock. Add a SKU Map row (Channel FBM, with its 3PL SKU), or close the listing.'
    );
  };
  const tplText = (sku: string, onHand: number) =>
    `${tpl} holds ${onHand} units of ${sku}, but no SKU Map row uses this 3PL SKU, so this stock is not offered on Amazon. ` +
    'Map it in the SKU Map if it should be sold, otherwise ignore or acknowledge this.';

  if (amazonMissing.length > max) {
    out.push({
      key: exceptionKey('UNMAPPED_SKU', mkt, 'amazon', 'many'),
      type: 'UNMAPPED_SKU',
      entity: `${mkt} Amazon FBM listings`,
      message:
        `${amazonMissing.length} merchant-fulfilled (FBM) listings in ${mkt} have no SKU Map row, for example ${amazonMissing.slice(0, 10).join(', ')}. ` +
        'The add-on does not update their quantities. Add them to the SKU Map (or close the listings)' +
        (waiting(amazonMissing) ? `: ${waiting(amazonMissing)} of them have a proposed row waiting in the SKU Map; check each and tick Active to accept it.` : '; "Build SKU Map from Amazon and 3PL" proposes the rows.'),
    });
  } else {
    for (const sku of amazonMissing) {
      const suggestion = suggested.get(`${mkt}:${sku}`);
      const action = suggestion ? `Review SKU Map row ${suggestion.sheetRow} (proposed) and tick Active to accept it.` : undefined;
      out.push({ key: exceptionKey('UNMAPPED_SKU', mkt, 'amazon', sku), type: 'UNMAPPED_SKU', entity: `${mkt} FBM ${sku}`, message: amazonText(sku), ...(action ? { action } : {}) });
    }
  }
  if (threePlMissing.length > max) {
    out.push({
      key: exceptionKey('UNMAPPED_SKU', '3PL', 'many'),
      type: 'UNMAPPED_SKU',
      entity: '3PL products',
      message:
        `${threePlMissing.length} products with stock at ${tpl} have no SKU Map row, for example ${threePlMissing.slice(0, 10).join(', ')}. ` +
        'Their stock is not offered on Amazon. Map the ones that should be sold.',
    });
  } else {
    for (const sku of threePlMissing) out.push({ key: exceptionKey('UNMAPPED_SKU', '3PL', sku), type: 'UNMAPPED_SKU', entity: `3PL ${sku}`, message: tplText(sku, stocked.get(sku) ?? 0) });
  }
  return out;
}
