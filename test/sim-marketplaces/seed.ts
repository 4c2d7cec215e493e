// A UK seller who also sells in DE and FR with one Seller Central account (scenario
// `marketplaces`): the worlds the per-marketplace simulator tests share.

import type { AmazonSectionInput } from '../world/amazon/scenario';

export const ukDeFr: AmazonSectionInput = {
  marketplace: 'UK',
  marketplaces: ['DE', 'FR'],
  sellerId: 'A2SELLER',
  listings: [
    { sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5, price: 10, title: 'Tee M' },
    // The same SKU in DE: its own listing (title, price), the SKU's one FBM quantity.
    { sku: 'TEE-M', marketplace: 'DE', channel: 'FBM', asin: 'B0TEE00001', price: 12, title: 'T-Shirt M' },
    { sku: 'MUG-DE', marketplace: 'amazon.de', channel: 'FBM', asin: 'B0MUG00001', quantity: 7, price: 9, title: 'Becher' },
    { sku: 'CAP-UK', channel: 'FBM', asin: 'B0CAP00001', quantity: 4, title: 'Cap' },
    { sku: 'BAG-FBA', channel: 'FBA', asin: 'B0BAG00001', fnsku: 'X00BAG0001', title: 'Bag' },
    { sku: 'BAG-FBA', marketplace: 'DE', channel: 'FBA', asin: 'B0BAG00001', fnsku: 'X00BAG0001', title: 'Tasche' },
    { sku: 'BAG-FBA', marketplace: 'FR', channel: 'FBA', asin: 'B0BAG00001', fnsku: 'X00BAG0001', title: 'Sac' },
  ],
  fbaInventory: [
    { sku: 'BAG-FBA', fulfillable: 10, reserved: 1 },
    { sku: 'BAG-FBA', marketplace: 'DE', fulfillable: 20, inboundShipped: 4 },
    { sku: 'BAG-FBA', marketplace: 'FR', fulfillable: 6 },
  ],
};

/** The same seller enrolled in Pan-European FBA: DE and FR stock is one pool, given once. */
export const panEu: AmazonSectionInput = {
  ...ukDeFr,
  panEu: true,
  fbaInventory: [
    { sku: 'BAG-FBA', fulfillable: 10, reserved: 1 },
    { sku: 'BAG-FBA', marketplace: 'DE', fulfillable: 26, inboundShipped: 4 },
  ],
};
