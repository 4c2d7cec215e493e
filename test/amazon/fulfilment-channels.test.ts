// Fulfilment channels in the Amazon simulator: a DEFAULT quantity sent to an FBA-only offer is
// accepted and converts it to merchant-fulfilled, stranding its FBA stock (Amazon changelog
// "Clarification on how to use the Inventory feed type Quantity attribute",
// https://developer-docs.amazon.com/sp-api/changelog/clarification-on-how-to-use-the-inventory-feed-type-quantity-attribute);
// one listing may carry both a DEFAULT and an AMAZON_* channel ("Multiple Fulfillment Channels
// with Default MFN and FBA",
// https://developer-docs.amazon.com/sp-api/docs/manage-advanced-multiple-offer-multiple-fulfillment-use-cases).

import { describe, expect, it } from 'vitest';
import { parseMerchantListings } from '../../src/amazon/merchant-listings';
import { parseTabDelimited } from '../../src/amazon/tsv';
import { parseAmazonSection, type AmazonSectionInput } from '../world/amazon/scenario';
import { makeHarness, ukSeed } from './harness';

/** ukSeed plus a listing sold both ways: TEE-S is merchant-fulfilled (DEFAULT 7) and FBA (AMAZON_EU). */
const dualSeed: AmazonSectionInput = {
  ...ukSeed,
  behaviour: { patchApplyDelay: '0s' },
  listings: [...ukSeed.listings!, { sku: 'TEE-S', channels: ['FBM', 'FBA'], asin: 'B0TEE00003', fnsku: 'X00TEES001', quantity: 7 }],
  fbaInventory: [...ukSeed.fbaInventory!, { sku: 'TEE-S', fulfillable: 11, reserved: 2 }],
};

const channelsOf = (item: { fulfillmentAvailability?: Array<{ fulfillmentChannelCode: string; quantity?: number }> }) =>
  (item.fulfillmentAvailability ?? []).map((f) => [f.fulfillmentChannelCode, f.quantity]);

function feedDoc(sku: string, code: string, quantity: number): string {
  return JSON.stringify({
    header: { sellerId: 'A2SELLER', version: '2.0' },
    messages: [
      {
        messageId: 1, sku, operationType: 'PATCH', productType: 'PRODUCT',
        patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: code, quantity }] }],
      },
    ],
  });
}

function runFeed(h: ReturnType<typeof makeHarness>, content: string) {
  const c = h.client();
  const { feedDocumentId, url } = c.createFeedDocument('application/json; charset=UTF-8');
  c.uploadFeedDocument(url, content, 'application/json; charset=UTF-8');
  const feedId = c.createFeed('JSON_LISTINGS_FEED', feedDocumentId);
  h.clock.advance(150_000);
  return c.getProcessingReport(c.getFeed(feedId).resultFeedDocumentId!);
}

describe('a DEFAULT quantity sent to an FBA-only offer converts it to merchant-fulfilled (changelog: Inventory feed Quantity)', () => {
  it('patchListingsItem: ACCEPTED; the listing turns DEFAULT-only with the sent quantity and its FBA stock is stranded', () => {
    const h = makeHarness({ ...ukSeed, behaviour: { patchApplyDelay: '0s' } });
    const c = h.client();
    const r = c.patchListingQuantity('TEE-M-FBA', 3);
    expect(r.status).toBe('ACCEPTED');
    expect(r.issues ?? []).toEqual([]);
    expect(channelsOf(c.getListingsItem('TEE-M-FBA', ['fulfillmentAvailability']))).toEqual([['DEFAULT', 3]]);
    const snap = h.sim.snapshot();
    expect(snap.listings.filter((l) => l.sku === 'TEE-M-FBA')).toEqual([{ sku: 'TEE-M-FBA', channel: 'FBM', quantity: 3 }]);
    expect(snap.writes).toMatchObject([{ operation: 'patchListingsItem', sku: 'TEE-M-FBA', fulfillmentChannelCode: 'DEFAULT', quantity: 3, outcome: 'applied', reason: expect.stringMatching(/converted it to merchant-fulfilled.*stranded/) }]);
    // The 40 units are still in Amazon's fulfilment centres: FBA inventory still reports them.
    expect(c.getInventoryForSkus(['TEE-M-FBA']).map((s) => s.inventoryDetails?.fulfillableQuantity)).toEqual([40]);
  });

  it('JSON_LISTINGS_FEED: the message is accepted with no issue and converts the offer the same way', () => {
    const h = makeHarness(ukSeed);
    const report = runFeed(h, feedDoc('TEE-M-FBA', 'DEFAULT', 6));
    expect(report.summary).toMatchObject({ messagesAccepted: 1, messagesInvalid: 0 });
    expect(report.issues ?? []).toEqual([]);
    expect(channelsOf(h.client().getListingsItem('TEE-M-FBA', ['fulfillmentAvailability']))).toEqual([['DEFAULT', 6]]);
    expect(h.sim.snapshot().writes[0]).toMatchObject({ operation: 'JSON_LISTINGS_FEED', sku: 'TEE-M-FBA', outcome: 'applied', reason: expect.stringMatching(/converted/) });
  });

  it('an AMAZON_* quantity is still refused, and a write Amazon accepts but never applies converts nothing', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'createFeed', kind: 'not_applied' }]);
    runFeed(h, feedDoc('TEE-M-FBA', 'DEFAULT', 6));
    expect(h.sim.snapshot().writes[0]!.outcome).toBe('not_applied');
    expect(channelsOf(h.client().getListingsItem('TEE-M-FBA', ['fulfillmentAvailability']))).toEqual([['AMAZON_EU', 40]]);
    const report = runFeed(h, feedDoc('TEE-M-FBA', 'AMAZON_EU', 6));
    expect(report.issues?.map((i) => i.code)).toEqual(['FBA_CHANNEL_NOT_WRITABLE']);
  });
});

describe('one listing with DEFAULT and AMAZON_EU channels (Amazon: Multiple Fulfillment Channels with Default MFN and FBA)', () => {
  it('getListingsItem and searchListingsItems show both fulfillmentAvailability entries', () => {
    const h = makeHarness(dualSeed);
    const c = h.client();
    expect(channelsOf(c.getListingsItem('TEE-S', ['fulfillmentAvailability']))).toEqual([['DEFAULT', 7], ['AMAZON_EU', 11]]);
    expect(c.listAllListings().find((l) => l.sku === 'TEE-S')!.channels).toEqual([{ code: 'DEFAULT', quantity: 7 }, { code: 'AMAZON_EU', quantity: 11 }]);
  });

  it('a DEFAULT quantity changes only the merchant entry; the FBA entry and its stock stay', () => {
    const h = makeHarness(dualSeed);
    const c = h.client();
    expect(c.patchListingQuantity('TEE-S', 2).status).toBe('ACCEPTED');
    expect(channelsOf(c.getListingsItem('TEE-S', ['fulfillmentAvailability']))).toEqual([['DEFAULT', 2], ['AMAZON_EU', 11]]);
    const w = h.sim.snapshot().writes[0]!;
    expect(w.outcome).toBe('applied');
    expect(w.reason).toBeUndefined();
    expect(h.sim.snapshot().listings.filter((l) => l.sku === 'TEE-S')).toEqual([
      { sku: 'TEE-S', channel: 'FBM', quantity: 2 },
      { sku: 'TEE-S', channel: 'FBA', quantity: 11 },
    ]);
  });

  it('the merchant listings report has a row per channel; the FBA inventory report marks both listings as existing', () => {
    const h = makeHarness({ ...dualSeed, behaviour: { gzipReports: false } });
    const c = h.client();
    const ids = ['GET_MERCHANT_LISTINGS_ALL_DATA', 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'].map((reportType) => c.createReport({ reportType }));
    h.clock.advance(61_000);
    const [listings, myi] = ids.map((id) => c.downloadReport(c.getReport(id).reportDocumentId!));
    const rows = parseMerchantListings(listings!).filter((r) => r.sku === 'TEE-S');
    expect(rows.map((r) => [r.fulfillmentChannel, r.quantity])).toEqual([['DEFAULT', 7], ['AMAZON_EU', null]]);
    const inv = parseTabDelimited(myi!).find((r) => r['sku'] === 'TEE-S')!;
    expect(inv).toMatchObject({ 'mfn-listing-exists': 'Yes', 'mfn-fulfillable-quantity': '7', 'afn-listing-exists': 'Yes', 'afn-fulfillable-quantity': '11' });
  });

  it('world action setListingChannels switches a listing between channels as Seller Central does', () => {
    const h = makeHarness(dualSeed);
    h.sim.act({ action: 'setListingChannels', sku: 'TEE-M', channels: ['FBA'] });
    expect(channelsOf(h.client().getListingsItem('TEE-M', ['fulfillmentAvailability']))).toEqual([['AMAZON_EU', 0]]);
    h.sim.act({ action: 'setListingChannels', sku: 'TEE-M', channels: ['FBM', 'FBA'] });
    expect(h.sim.snapshot().listings.filter((l) => l.sku === 'TEE-M').map((l) => l.channel)).toEqual(['FBM', 'FBA']);
    expect(() => h.sim.act({ action: 'setListingChannels', sku: 'NOPE', channels: ['FBA'] })).toThrow(/no listing/);
  });
});

describe('scenario listings: the optional "channels" field', () => {
  it('takes "channels" alone or with a "channel" it contains; the old "channel" alone still works', () => {
    const s = parseAmazonSection({
      listings: [
        { sku: 'A', channel: 'FBM', asin: 'B0A' },
        { sku: 'B', channels: ['FBM', 'FBA'], asin: 'B0B' },
        { sku: 'C', channel: 'FBA', channels: ['FBM', 'FBA'], asin: 'B0C' },
      ],
      fbaInventory: [{ sku: 'B', fulfillable: 1 }],
    });
    expect(s.listings.map((l) => l.sku)).toEqual(['A', 'B', 'C']);
  });

  it('refuses a listing without a channel, a "channel" outside "channels", and FBA stock for an FBM-only listing', () => {
    expect(() => parseAmazonSection({ listings: [{ sku: 'A', asin: 'B0A' }] })).toThrow(/amazon\.listings\.0\.channel: needs "channel"/);
    expect(() => parseAmazonSection({ listings: [{ sku: 'A', channel: 'FBA', channels: ['FBM'], asin: 'B0A' }] })).toThrow(/not one of "channels"/);
    expect(() => parseAmazonSection({ listings: [{ sku: 'A', channels: ['FBM'], asin: 'B0A' }], fbaInventory: [{ sku: 'A' }] })).toThrow(/not an FBA listing/);
  });
});
