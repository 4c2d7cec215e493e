// Listings Items API 2021-08-01 per marketplace (listingsItems_2021-08-01.json): getListingsItem,
// patchListingsItem and searchListingsItems act on the listing of the marketplaceIds asked
// ("seller + sku + marketplace keyed", Amazon in amzn/selling-partner-api-docs#3167), while the FBM
// quantity is the seller SKU's in every marketplace ("If you have a unified SKU across EU
// marketplaces, inventory quantity is shared. That means updating quantity in one marketplace
// affects all EU marketplaces with that SKU", Amazon in amzn/selling-partner-api-models#4356).

import { describe, expect, it } from 'vitest';
import { parseDuration } from '../world/clock';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { DE, FR, IT, rawWorld, UK } from './raw-sp';
import { ukDeFr } from './seed';

const item = (sku: string, mps: string) => `/listings/2021-08-01/items/A2SELLER/${sku}?marketplaceIds=${mps}&includedData=summaries,fulfillmentAvailability,offers`;
const patch = (quantity: number) => ({ productType: 'PRODUCT', patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity }] }] });
const fbm = (json: any): number => json.fulfillmentAvailability.find((f: any) => f.fulfillmentChannelCode === 'DEFAULT').quantity;

describe('Listings Items API per marketplace', () => {
  it("getListingsItem answers with the asked marketplace's listing: its summary, price and currency", () => {
    const w = rawWorld(ukDeFr);
    const uk = w.call('GET', item('TEE-M', UK));
    const de = w.call('GET', item('TEE-M', DE));
    expect(uk.json.summaries[0]).toMatchObject({ marketplaceId: UK, itemName: 'Tee M' });
    expect(de.json.summaries[0]).toMatchObject({ marketplaceId: DE, itemName: 'T-Shirt M' });
    expect(de.json.offers[0]).toMatchObject({ marketplaceId: DE, price: { currencyCode: 'EUR', amount: '12.00' } });
    expect(uk.json.offers[0].price.currencyCode).toBe('GBP');
    expect(w.call('GET', item('MUG-DE', DE)).json.summaries[0].itemName).toBe('Becher');
  });

  it('a SKU listed elsewhere is NOT_FOUND in a marketplace where it is not listed', () => {
    const w = rawWorld(ukDeFr);
    expect(w.call('GET', item('MUG-DE', UK))).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND' }] } });
    expect(w.call('GET', item('TEE-M', FR)).status).toBe(404);
  });

  it('answers getListingsItem for the first of several marketplaceIds (amzn/selling-partner-api-docs#2362)', () => {
    const w = rawWorld(ukDeFr);
    expect(w.call('GET', item('TEE-M', `${DE},${UK}`)).json.summaries.map((s: any) => s.marketplaceId)).toEqual([DE]);
    expect(w.call('GET', item('TEE-M', `${UK},${DE}`)).json.summaries.map((s: any) => s.marketplaceId)).toEqual([UK]);
  });

  it('refuses a marketplace the seller does not sell in, as before', () => {
    const w = rawWorld(ukDeFr);
    expect(w.call('GET', item('TEE-M', IT))).toMatchObject({ status: 400, json: { errors: [{ code: 'InvalidInput', message: 'Invalid marketplaceIds.' }] } });
    expect(w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/TEE-M?marketplaceIds=${IT}`, patch(1)).status).toBe(400);
  });

  it("a patch to DE sets the SKU's one FBM quantity: the UK listing of the same SKU shows it too", () => {
    const w = rawWorld(ukDeFr);
    const r = w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/TEE-M?marketplaceIds=${DE}`, patch(3));
    expect(r.json.status).toBe('ACCEPTED');
    w.wait(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    expect(fbm(w.call('GET', item('TEE-M', DE)).json)).toBe(3);
    expect(fbm(w.call('GET', item('TEE-M', UK)).json)).toBe(3);
    // A DE-only SKU's write touches nothing in the UK.
    w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/MUG-DE?marketplaceIds=${DE}`, patch(2));
    w.wait(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    expect(fbm(w.call('GET', item('MUG-DE', DE)).json)).toBe(2);
    expect(fbm(w.call('GET', item('CAP-UK', UK)).json)).toBe(4);
  });

  it('a patch to FR for a SKU listed only in the UK is refused there and changes nothing', () => {
    const w = rawWorld(ukDeFr);
    const r = w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/CAP-UK?marketplaceIds=${FR}`, patch(9));
    expect(r.json).toMatchObject({ status: 'INVALID', issues: [{ code: 'LISTING_NOT_FOUND', severity: 'ERROR' }] });
    w.wait(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    expect(fbm(w.call('GET', item('CAP-UK', UK)).json)).toBe(4);
    expect(w.h.sim.snapshot().writes).toMatchObject([{ sku: 'CAP-UK', outcome: 'rejected', marketplace: 'FR' }]);
  });

  // "we don't support updating multiple marketplaces in a single API request" (Amazon,
  // amzn/selling-partner-api-models#4356); how it fails is undocumented: the simulator says 400.
  it('refuses a patch naming several marketplaces', () => {
    const w = rawWorld(ukDeFr);
    const r = w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/TEE-M?marketplaceIds=${UK},${DE}`, patch(1));
    expect(r).toMatchObject({ status: 400, json: { errors: [{ code: 'InvalidInput' }] } });
    expect(w.h.sim.snapshot().writes).toEqual([]);
  });

  it("searchListingsItems lists the asked marketplace's listings only", () => {
    const w = rawWorld(ukDeFr);
    const skus = (mp: string) => w.call('GET', `/listings/2021-08-01/items/A2SELLER?marketplaceIds=${mp}&sortBy=sku&sortOrder=ASC&pageSize=20`).json.items.map((i: any) => i.sku);
    expect(skus(UK)).toEqual(['BAG-FBA', 'CAP-UK', 'TEE-M']);
    expect(skus(DE)).toEqual(['BAG-FBA', 'MUG-DE', 'TEE-M']);
    expect(skus(FR)).toEqual(['BAG-FBA']);
  });
});

describe('world.json per marketplace', () => {
  it('gives listings and writes outside the main marketplace a `marketplace` code, and main ones no new field', () => {
    const w = rawWorld(ukDeFr);
    w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/MUG-DE?marketplaceIds=${DE}`, patch(6));
    w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/CAP-UK?marketplaceIds=${UK}`, patch(1));
    w.wait(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    const snap = w.h.sim.snapshot();
    expect(snap.listings).toEqual([
      { sku: 'TEE-M', channel: 'FBM', quantity: 5 },
      { sku: 'CAP-UK', channel: 'FBM', quantity: 1 },
      { sku: 'BAG-FBA', channel: 'FBA', quantity: 10 },
      { sku: 'TEE-M', channel: 'FBM', quantity: 5, marketplace: 'DE' },
      { sku: 'MUG-DE', channel: 'FBM', quantity: 6, marketplace: 'DE' },
      { sku: 'BAG-FBA', channel: 'FBA', quantity: 20, marketplace: 'DE' },
      { sku: 'BAG-FBA', channel: 'FBA', quantity: 6, marketplace: 'FR' },
    ]);
    expect(snap.writes.map((x) => [x.sku, x.marketplace])).toEqual([
      ['MUG-DE', 'DE'],
      ['CAP-UK', undefined],
    ]);
    expect(Object.keys(snap.writes[1]!)).not.toContain('marketplace');
  });

  it('a seller with one marketplace gets exactly the entries it got before', () => {
    const w = rawWorld({ marketplace: 'UK', listings: [{ sku: 'A', channel: 'FBM', asin: 'B0A', quantity: 2 }, { sku: 'B', channels: ['FBM', 'FBA'], asin: 'B0B', quantity: 1 }], fbaInventory: [{ sku: 'B', fulfillable: 3 }] });
    w.call('PATCH', `/listings/2021-08-01/items/A2SELLER/A?marketplaceIds=${UK}`, patch(4));
    w.wait(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    const snap = w.h.sim.snapshot();
    expect(JSON.stringify(snap.listings)).toBe('[{"sku":"A","channel":"FBM","quantity":4},{"sku":"B","channel":"FBM","quantity":1},{"sku":"B","channel":"FBA","quantity":3}]');
    expect(Object.keys(snap.writes[0]!)).toEqual(['at', 'operation', 'sku', 'fulfillmentChannelCode', 'quantity', 'outcome']);
  });
});
