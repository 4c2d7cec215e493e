// Product titles as Amazon's simulator serves them: the merchant listings report's item-name column
// (in the seller's report language when the requested locale is not honoured) and the search's
// summaries itemName, both reduced to AmazonListing.title for the Inventory tab's Product Title.

import { describe, expect, it } from 'vitest';
import { parseMerchantListings } from '../../src/amazon/merchant-listings';
import { toAmazonListing } from '../../src/jobs/reads/amazon-listings';
import type { AmazonSectionInput } from '../world/amazon/scenario';
import { makeHarness } from '../amazon/harness';

const seed = (extra: Partial<AmazonSectionInput> = {}): AmazonSectionInput => ({
  listings: [
    { sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5, title: 'Organic Tee, Medium' },
    { sku: 'TEE-M-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEEM001', title: 'Organic Tee, Medium (FBA)' },
  ],
  fbaInventory: [{ sku: 'TEE-M-FBA', fulfillable: 40 }],
  ...extra,
});

function reportText(h: ReturnType<typeof makeHarness>): string {
  const c = h.client();
  const id = c.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' });
  h.clock.advance(61_000);
  return c.downloadReport(c.getReport(id).reportDocumentId!);
}

describe('product titles from Amazon', () => {
  it.each(['en_GB', 'de_DE', 'fr_FR', 'it_IT', 'es_ES'] as const)('the listings report gives each SKU its item-name (%s headers)', (language) => {
    const h = makeHarness(seed({ marketplace: language === 'en_GB' ? 'UK' : language.slice(3), reportLanguage: language }));
    expect(parseMerchantListings(reportText(h)).map((r) => [r.sku, r.title])).toEqual([
      ['TEE-M', 'Organic Tee, Medium'],
      ['TEE-M-FBA', 'Organic Tee, Medium (FBA)'],
    ]);
  });

  it('a report without an item-name column still parses, with no titles', () => {
    const text = 'seller-sku\tquantity\tfulfillment-channel\nTEE-M\t5\tDEFAULT\n';
    expect(parseMerchantListings(text)).toEqual([expect.objectContaining({ sku: 'TEE-M', title: undefined })]);
  });

  it("the search's summaries give itemName", () => {
    const h = makeHarness(seed());
    const listings = h.client().listAllListings().map(toAmazonListing);
    expect(listings.map((l) => [l.sellerSku, l.title])).toEqual([
      ['TEE-M', 'Organic Tee, Medium'],
      ['TEE-M-FBA', 'Organic Tee, Medium (FBA)'],
    ]);
  });
});
