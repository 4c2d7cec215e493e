import { describe, expect, it } from 'vitest';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { findUnmanagedOffers } from '../../src/core/inventory/unmanaged';
import type { AmazonListing, RawRow } from '../../src/core/inventory/types';

const row = (sku: string, over: Record<string, unknown> = {}): RawRow => ({
  'Seller SKU': sku,
  Marketplace: 'UK',
  Channel: 'FBM',
  '3PL SKU': `${sku}-3PL`,
  Active: true,
  ...over,
});
const listing = (sku: string, qty: number): AmazonListing => ({ sellerSku: sku, fbm: true, fba: false, fbmQuantity: qty });
const stock = (sku: string, fulfillable: number) => ({ sku, locationId: 1, onHand: fulfillable, committed: 0, fulfillable });

function run(rows: RawRow[], listings: AmazonListing[], records = [stock('A-3PL', 3), stock('B-3PL', 3), stock('C-3PL', 3)]) {
  const validated = validateSkuMap(rows, { defaultMarketplace: 'UK' }).rows;
  return findUnmanagedOffers({ marketplace: 'UK', skuMapRows: rows, validated, threePlStock: records, locations: [], amazonListings: listings, threePlName: 'ShipBob' });
}

describe('findUnmanagedOffers', () => {
  it('raises a High OFFER_UNMANAGED for an unticked row whose Amazon quantity exceeds what the 3PL can pick', () => {
    const out = run([row('A', { Active: false })], [listing('A', 10)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.key).toBe('OFFER_UNMANAGED:UK:A');
    expect(out[0]!.message).toContain('Amazon shows 10 units of Seller SKU A');
    expect(out[0]!.message).toContain('is unticked');
    expect(out[0]!.message).toContain('ShipBob can pick only 3 of 3PL SKU A-3PL');
  });

  it('also covers invalid rows, and a row without a 3PL SKU counts as no stock', () => {
    const out = run([row('B', { 'Safety Buffer': 'lots' }), row('C', { Active: false, '3PL SKU': '' })], [listing('B', 4), listing('C', 1)]);
    expect(out.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:B', 'OFFER_UNMANAGED:UK:C']);
    expect(out[0]!.message).toContain('is not valid');
    expect(out[1]!.message).toContain('no warehouse stock backs it');
  });

  it('covers a usable row whose 3PL SKU the 3PL does not list (the sync holds it): Amazon still offers what nobody holds', () => {
    const out = run([row('D')], [listing('D', 5)]);
    expect(out.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:D']);
    expect(out[0]!.message).toContain('maps it to 3PL SKU D-3PL, which ShipBob does not list');
    expect(out[0]!.message).toContain('ShipBob can pick only 0 of 3PL SKU D-3PL');
    expect(run([row('D')], [listing('D', 0)])).toEqual([]);
  });

  it('stays quiet when Amazon shows no more than the 3PL can pick, or a valid row manages the offer', () => {
    expect(run([row('A', { Active: false })], [listing('A', 3)])).toEqual([]);
    expect(run([row('A', { Active: false }), row('A')], [listing('A', 50)])).toEqual([]);
  });

  it('ignores rows of another marketplace, FBA rows and listings nobody mapped (UNMAPPED_SKU covers those)', () => {
    expect(run([row('A', { Active: false, Marketplace: 'DE' })], [listing('A', 10)])).toEqual([]);
    expect(run([row('A', { Active: false, Channel: 'FBA' })], [listing('A', 10)])).toEqual([]);
    expect(run([], [listing('A', 10)])).toEqual([]);
  });
});
