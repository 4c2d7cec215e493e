// Scenario world steps that name a listing take an optional `marketplace` (code or ID, one of the
// seller's marketplaces; absent: the main one), as orders[].marketplace does.

import { describe, expect, it } from 'vitest';
import { rawWorld } from './raw-sp';
import { ukDeFr } from './seed';

const listing = (w: ReturnType<typeof rawWorld>, marketplace: string | undefined, sku: string) =>
  w.h.sim.snapshot().listings.filter((l) => l.marketplace === marketplace && l.sku === sku);

describe('world steps per marketplace', () => {
  it('addListing puts the listing in its marketplace; the same SKU may be added to another one', () => {
    const w = rawWorld(ukDeFr);
    w.h.sim.act({ action: 'addListing', listing: { sku: 'CAP-UK', marketplace: 'FR', channel: 'FBM', asin: 'B0CAP00001' } });
    // It joins the SKU's one FBM quantity (state.ts fbmPool), 4 from its UK listing.
    expect(listing(w, 'FR', 'CAP-UK')).toEqual([{ sku: 'CAP-UK', channel: 'FBM', quantity: 4, marketplace: 'FR' }]);
    expect(() => w.h.sim.act({ action: 'addListing', listing: { sku: 'CAP-UK', marketplace: 'FR', channel: 'FBM', asin: 'B0CAP00001' } })).toThrow(/SKU CAP-UK exists in FR/);
    expect(() => w.h.sim.act({ action: 'addListing', listing: { sku: 'NEW', marketplace: 'IT', channel: 'FBM', asin: 'B0N' } })).toThrow(/"IT" is not one of the seller's marketplaces/);
  });

  it("setListingQuantity sets the named marketplace's listing, which is the SKU's quantity everywhere", () => {
    const w = rawWorld(ukDeFr);
    w.h.sim.act({ action: 'setListingQuantity', sku: 'MUG-DE', marketplace: 'DE', quantity: 1 });
    expect(listing(w, 'DE', 'MUG-DE')[0]!.quantity).toBe(1);
    expect(() => w.h.sim.act({ action: 'setListingQuantity', sku: 'MUG-DE', quantity: 1 })).toThrow(/"MUG-DE" is not an FBM listing$/);
    w.h.sim.act({ action: 'setListingQuantity', sku: 'TEE-M', marketplace: 'A1PA6795UKMFR9', quantity: 8 });
    expect([...listing(w, undefined, 'TEE-M'), ...listing(w, 'DE', 'TEE-M')].map((l) => l.quantity)).toEqual([8, 8]);
  });

  it('setListingChannels changes the named marketplace only; a new FBM entry takes the SKU quantity it already has', () => {
    const w = rawWorld(ukDeFr);
    w.h.sim.act({ action: 'setListingChannels', sku: 'TEE-M', marketplace: 'DE', channels: ['FBA'] });
    expect(listing(w, 'DE', 'TEE-M')).toEqual([{ sku: 'TEE-M', channel: 'FBA', quantity: 0, marketplace: 'DE' }]);
    expect(listing(w, undefined, 'TEE-M')).toEqual([{ sku: 'TEE-M', channel: 'FBM', quantity: 5 }]);
    w.h.sim.act({ action: 'setListingChannels', sku: 'TEE-M', marketplace: 'DE', channels: ['FBM'] });
    expect(listing(w, 'DE', 'TEE-M')).toEqual([{ sku: 'TEE-M', channel: 'FBM', quantity: 5, marketplace: 'DE' }]);
    // A SKU FBM nowhere else starts at 0, as before.
    w.h.sim.act({ action: 'setListingChannels', sku: 'BAG-FBA', marketplace: 'FR', channels: ['FBM', 'FBA'] });
    expect(listing(w, 'FR', 'BAG-FBA').map((l) => [l.channel, l.quantity])).toEqual([['FBM', 0], ['FBA', 6]]);
  });
});
