// The two catalogue reads the SKU Map builder relies on, against the simulators: the merchant
// listings report's product-id / product-id-type (Seller Central help G202154120, Inventory Loader
// fields: 1 ASIN, 2 ISBN, 3 UPC, 4 EAN) and ShipBob's product variants with upc, gtin and
// barcodes[].value (spec 2026-01 get-products, Products.VariantViewModelBase).

import { describe, expect, it } from 'vitest';
import { makeHarness } from '../amazon/harness';
import { rig } from '../threepl/harness';
import { offersFromReport } from '../../src/jobs/onboarding/amazon-offers';

describe('Amazon: offers from the merchant listings report', () => {
  it('gives each channel of a listing as an offer, with its ASIN, title and the UPC/EAN it was matched by', () => {
    const h = makeHarness({
      sellerId: 'A2SELLER',
      listings: [
        { sku: 'BRUSH', channel: 'FBM', asin: 'B0BRUSH001', quantity: 2, title: 'Toothbrush', productId: { type: 'EAN', value: '5012345678900' } },
        { sku: 'LAMP', channels: ['FBM', 'FBA'], asin: 'B0LAMP0001', fnsku: 'X00LAMP001', quantity: 1, title: 'Lamp', productId: { type: 'UPC', value: '012345678905' } },
        { sku: 'PLAIN', channel: 'FBA', asin: 'B0PLAIN001', title: 'Plain' },
      ],
    });
    const c = h.client();
    const id = c.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' });
    h.clock.advance(61_000);
    const offers = offersFromReport(c.downloadReport(c.getReport(id).reportDocumentId!), 'UK');
    const of = (sku: string, channel: string) => offers.find((o) => o.sellerSku === sku && o.channel === channel);
    expect(of('BRUSH', 'FBM')).toMatchObject({ asin: 'B0BRUSH001', title: 'Toothbrush', productIds: [{ type: 'EAN', value: '5012345678900' }] });
    expect(of('LAMP', 'FBM')!.productIds).toEqual([{ type: 'UPC', value: '012345678905' }]);
    expect(of('LAMP', 'FBA')).toBeDefined();
    // Without an industry identifier the report names the ASIN as product-id (type 1).
    expect(of('PLAIN', 'FBA')!.productIds).toEqual([{ type: 'ASIN', value: 'B0PLAIN001' }]);
    expect(offers).toHaveLength(4);
  });
});

describe('ShipBob: every product with its barcodes', () => {
  it('lists every variant across pages with upc, gtin and barcodes, marking inactive ones and bundles', () => {
    const products = Array.from({ length: 260 }, (_, i) => ({ sku: `P-${i}`, name: `Product ${i}` }));
    const r = rig({
      seed: {
        products: [
          ...products,
          { sku: 'TEE-M', name: 'Tee M', upc: '012345678905', gtin: '00012345678905', barcodes: ['5012345678900'] },
          { sku: 'OLD', name: 'Old', active: false },
          { sku: 'PACK', name: 'Pack', bundle: [{ sku: 'TEE-M', quantity: 2 }] },
        ],
        inventory: [],
      },
    });
    const all = r.adapter.listProducts!();
    expect(all).toHaveLength(263);
    expect(r.count('GET', '/product')).toBe(2); // 250 a page
    expect(all.find((p) => p.sku === 'TEE-M')).toEqual({ sku: 'TEE-M', name: 'Tee M', barcodes: ['012345678905', '00012345678905', '5012345678900'], inactive: false, digital: false, bundle: false });
    expect(all.find((p) => p.sku === 'OLD')).toMatchObject({ inactive: true });
    expect(all.find((p) => p.sku === 'PACK')).toMatchObject({ bundle: true, barcodes: [] });
  });
});
