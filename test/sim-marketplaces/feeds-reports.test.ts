// JSON_LISTINGS_FEED and the listing / FBA stock reports per marketplace. A feed is applied to
// "marketplaces that you want the feed to be applied to" (feeds_2021-06-30.json
// CreateFeedSpecification.marketplaceIds); what a listings feed does with several is undocumented,
// so the simulator refuses more than one. Listing reports: "You can only specify one marketplace per
// report. When requesting a report with multiple marketplaceIds, only the first marketplaceId in the
// list will be accepted" (https://developer-docs.amazon.com/sp-api/docs/report-type-values-inventory).

import { describe, expect, it } from 'vitest';
import { DE, FR, IT, rawWorld, rows, UK } from './raw-sp';
import { ukDeFr } from './seed';

describe('JSON_LISTINGS_FEED per marketplace', () => {
  it("a feed to DE applies its messages to DE's listings: a SKU listed only in the UK is not found there", () => {
    const w = rawWorld(ukDeFr);
    const feed = w.quantityFeed([DE], { 'MUG-DE': 1, 'CAP-UK': 9 });
    expect(feed.status).toBe(202);
    w.wait(5 * 60_000);
    expect(w.call('GET', `/feeds/2021-06-30/feeds/${feed.json.feedId}`).json.processingStatus).toBe('DONE');
    const snap = w.h.sim.snapshot();
    expect(snap.listings.filter((l) => l.sku !== 'BAG-FBA')).toEqual([
      { sku: 'TEE-M', channel: 'FBM', quantity: 5 },
      { sku: 'CAP-UK', channel: 'FBM', quantity: 4 },
      { sku: 'TEE-M', channel: 'FBM', quantity: 5, marketplace: 'DE' },
      { sku: 'MUG-DE', channel: 'FBM', quantity: 1, marketplace: 'DE' },
    ]);
    expect(snap.writes.map((x) => [x.sku, x.outcome, x.marketplace])).toEqual([
      ['MUG-DE', 'applied', 'DE'],
      ['CAP-UK', 'rejected', 'DE'],
    ]);
  });

  it('refuses a JSON_LISTINGS_FEED naming several marketplaces, and one the seller does not sell in', () => {
    const w = rawWorld(ukDeFr);
    expect(w.quantityFeed([UK, DE], { 'TEE-M': 1 })).toMatchObject({ status: 400, json: { errors: [{ code: 'InvalidInput' }] } });
    expect(w.quantityFeed([IT], { 'TEE-M': 1 })).toMatchObject({ status: 400, json: { errors: [{ message: 'Invalid marketplaceIds.' }] } });
    expect(w.h.sim.state.feeds).toEqual([]);
  });
});

describe('listing and FBA stock reports per marketplace', () => {
  it("GET_MERCHANT_LISTINGS_ALL_DATA lists the report's marketplace's listings, in its currency's prices", () => {
    const w = rawWorld(ukDeFr);
    const listed = (mps: string[]) => rows(w.report('GET_MERCHANT_LISTINGS_ALL_DATA', mps)).map((r) => [r['seller-sku'], r['item-name'], r.quantity, r['fulfillment-channel']]);
    expect(listed([UK])).toEqual([
      ['TEE-M', 'Tee M', '5', 'DEFAULT'],
      ['CAP-UK', 'Cap', '4', 'DEFAULT'],
      ['BAG-FBA', 'Bag', '', 'AMAZON_EU'],
    ]);
    expect(listed([DE])).toEqual([
      ['TEE-M', 'T-Shirt M', '5', 'DEFAULT'],
      ['MUG-DE', 'Becher', '7', 'DEFAULT'],
      ['BAG-FBA', 'Tasche', '', 'AMAZON_EU'],
    ]);
    // Several marketplaceIds: the first one only.
    expect(listed([FR, UK])).toEqual([['BAG-FBA', 'Sac', '', 'AMAZON_EU']]);
    expect(rows(w.report('GET_MERCHANT_LISTINGS_DATA', [DE])).map((r) => r['seller-sku'])).toEqual(['TEE-M', 'MUG-DE', 'BAG-FBA']);
  });

  it("GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA gives the report's marketplace's FBA stock", () => {
    const w = rawWorld(ukDeFr);
    const stock = (mp: string) => rows(w.report('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', [mp])).map((r) => [r.sku, r['afn-fulfillable-quantity'], r['afn-inbound-shipped-quantity'], r['product-name']]);
    expect(stock(UK)).toEqual([['BAG-FBA', '10', '0', 'Bag']]);
    expect(stock(DE)).toEqual([['BAG-FBA', '20', '4', 'Tasche']]);
    expect(stock(FR)).toEqual([['BAG-FBA', '6', '0', 'Sac']]);
  });
});
