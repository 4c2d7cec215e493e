// UNMAPPED_SKU and the SKU Map builder's proposals (issue 18): an unaccepted proposed row (Match
// set, Active unticked) maps nothing, so the problem stays open and names the row; ticking Active
// accepts it and the problem resolves.

import { describe, expect, it } from 'vitest';
import { findUnmappedSkus } from '../../src/core/inventory/unmapped';
import type { AmazonListing } from '../../src/core/inventory/types';

const listings: AmazonListing[] = [{ sellerSku: 'MUG-BLUE', fbm: true, fba: false, fbmQuantity: 4 }];
const proposed = { 'Seller SKU': 'MUG-BLUE', Marketplace: 'UK', Channel: 'FBM', '3PL SKU': 'mug-blue', Active: false, Match: 'SKU (normalised)', Confidence: 0.9 };
const people = { 'Seller SKU': 'TEE', Marketplace: 'UK', Channel: 'FBM', '3PL SKU': 'TEE', Active: true };

const unmapped = (rows: Record<string, unknown>[]) =>
  findUnmappedSkus({ marketplace: 'UK', skuMapRows: rows, defaultMarketplace: 'UK', amazonListings: listings, threePlStock: [{ sku: 'mug-blue', locationId: 1, onHand: 5, committed: 0 }] });

describe('UNMAPPED_SKU with a proposed row', () => {
  it('stays open while the proposal is unticked, and points at its row', () => {
    const ex = unmapped([people, proposed]);
    const amazon = ex.find((e) => e.key === 'UNMAPPED_SKU:UK:amazon:MUG-BLUE')!;
    expect(amazon.message).toContain('SKU Map row 3 proposes 3PL SKU mug-blue (Match SKU (normalised), 90%)');
    expect(amazon.action).toBe('Review SKU Map row 3 (proposed) and tick Active to accept it.');
    // The 3PL side too: the unaccepted row does not count as selling mug-blue.
    expect(ex.map((e) => e.key)).toContain('UNMAPPED_SKU:3PL:mug-blue');
  });

  it('resolves once a person ticks Active (the row is accepted)', () => {
    expect(unmapped([people, { ...proposed, Active: true }])).toEqual([]);
  });

  it("a row people unticked themselves (no Match) still counts as mentioning the SKU, as before", () => {
    const { Match: _m, ...theirs } = proposed;
    expect(unmapped([people, theirs])).toEqual([]);
  });
});

describe('UNMAPPED_SKU summary (more unmapped listings than one row each)', () => {
  const many: AmazonListing[] = ['A-1', 'A-2', 'A-3'].map((sellerSku) => ({ sellerSku, fbm: true, fba: false, fbmQuantity: 1 }));
  const summary = (rows: Record<string, unknown>[]) =>
    findUnmappedSkus({ marketplace: 'UK', skuMapRows: rows, defaultMarketplace: 'UK', amazonListings: many, maxIndividual: 2 }).find((e) => e.key === 'UNMAPPED_SKU:UK:amazon:many')!;

  it('points at the builder before it ran, and counts the proposals waiting after', () => {
    expect(summary([]).message).toContain('"Build SKU Map from Amazon and 3PL" proposes the rows');
    const rows = ['A-1', 'A-2', 'A-3'].map((s) => ({ 'Seller SKU': s, Channel: 'FBM', Active: false, Match: 'None' }));
    expect(summary(rows).message).toContain('3 of them have a proposed row waiting in the SKU Map');
  });
});
