// The scenario's per-marketplace listings and FBA stock (extensions `listings[].marketplace`,
// `fbaInventory[].marketplace`, `panEu`): accepted like orders[].marketplace, refused with the
// field's path when they name a marketplace the seller does not sell in or repeat one.

import { describe, expect, it } from 'vitest';
import { parseAmazonSection, type AmazonSectionInput } from '../world/amazon/scenario';
import { SimState } from '../world/amazon/state';
import { DE, FR, UK } from './raw-sp';
import { panEu, ukDeFr } from './seed';

const fails = (seed: AmazonSectionInput): string => {
  try {
    parseAmazonSection(seed);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('scenario: listings and FBA stock per marketplace', () => {
  it('puts each listing in the marketplace it names (code, ID or domain), the main one when it names none', () => {
    const s = new SimState(parseAmazonSection({ ...ukDeFr, listings: [...ukDeFr.listings!, { sku: 'SOCK', marketplace: FR, channel: 'FBM', asin: 'B0SOCK0001', quantity: 1 }] }), 0);
    expect([...s.listingsIn(UK).keys()].sort()).toEqual(['BAG-FBA', 'CAP-UK', 'TEE-M']);
    expect([...s.listingsIn(DE).keys()].sort()).toEqual(['BAG-FBA', 'MUG-DE', 'TEE-M']);
    expect([...s.listingsIn(FR).keys()].sort()).toEqual(['BAG-FBA', 'SOCK']);
    // The main marketplace's listings are still `listings`, as before there were several.
    expect(s.listings).toBe(s.listingsIn(UK));
    expect(s.listingsIn(DE).get('TEE-M')).toMatchObject({ marketplaceId: DE, title: 'T-Shirt M', price: 12 });
  });

  it('refuses a marketplace the seller does not sell in, naming the field', () => {
    expect(fails({ ...ukDeFr, listings: [{ sku: 'X', marketplace: 'IT', channel: 'FBM', asin: 'B0X', quantity: 1 }] })).toMatch(/^amazon\.listings\.0\.marketplace: "IT" is not one of the seller's marketplaces/);
    expect(fails({ ...ukDeFr, fbaInventory: [{ sku: 'BAG-FBA', marketplace: 'Narnia', fulfillable: 1 }] })).toMatch(/amazon\.fbaInventory\.0\.marketplace: "Narnia" is not one of the seller's marketplaces/);
  });

  it('takes one SKU once per marketplace', () => {
    const twice = { ...ukDeFr, listings: [...ukDeFr.listings!, { sku: 'MUG-DE', marketplace: 'DE', channel: 'FBM' as const, asin: 'B0MUG00001', quantity: 7 }] };
    expect(fails(twice)).toMatch(/amazon\.listings\.7\.sku: duplicate SKU "MUG-DE" in DE/);
    expect(fails({ ...ukDeFr, fbaInventory: [...ukDeFr.fbaInventory!, { sku: 'BAG-FBA', marketplace: 'FR', fulfillable: 1 }] })).toMatch(/amazon\.fbaInventory\.3\.sku: FBA stock of "BAG-FBA" in FR: given twice/);
  });

  it('refuses FBA stock for a SKU that is not an FBA listing in that marketplace', () => {
    expect(fails({ ...ukDeFr, fbaInventory: [{ sku: 'BAG-FBA', marketplace: 'DE' }, { sku: 'MUG-DE', marketplace: 'DE' }] })).toMatch(/amazon\.fbaInventory\.1\.sku: "MUG-DE" is not an FBA listing in DE/);
  });

  // Amazon keeps one FBM quantity per seller SKU across the marketplaces it is listed in
  // (amzn/selling-partner-api-docs#3167, amzn/selling-partner-api-models#4356; state.ts fbmPool):
  // one SKU seeded with two quantities is a world Amazon cannot show.
  it('refuses one SKU seeded with two different FBM quantities, and shares the one given', () => {
    const listings = ukDeFr.listings!.map((l) => (l.sku === 'TEE-M' && l.marketplace === 'DE' ? { ...l, quantity: 3 } : l));
    expect(fails({ ...ukDeFr, listings })).toMatch(/amazon\.listings\.1\.quantity: "TEE-M" is FBM in UK with quantity 5: Amazon keeps one FBM quantity per seller SKU/);
    const s = new SimState(parseAmazonSection(ukDeFr), 0);
    expect(s.listingsIn(DE).get('TEE-M')!.quantity).toBe(5);
  });

  // Pan-EU: one pool for the Pan-EU marketplaces (amzn/selling-partner-api-models#452), given once.
  it("with panEu, takes a SKU's Pan-EU stock once, in any Pan-EU marketplace", () => {
    expect(parseAmazonSection(panEu).panEu).toBe(true);
    expect(fails({ ...panEu, fbaInventory: [...panEu.fbaInventory!, { sku: 'BAG-FBA', marketplace: 'FR', fulfillable: 1 }] })).toMatch(/amazon\.fbaInventory\.2\.sku: FBA stock of "BAG-FBA" in FR: Pan-EU pools it with DE: give it once/);
    // Without Pan-EU the same stock per marketplace is fine.
    expect(() => parseAmazonSection({ ...panEu, panEu: false, fbaInventory: [...panEu.fbaInventory!, { sku: 'BAG-FBA', marketplace: 'FR', fulfillable: 1 }] })).not.toThrow();
  });
});
