// A deterministic catalogue for the SKU Map builder's benches: listings and 3PL products that mix
// every kind of evidence (identical SKUs, case/dash/leading-zero variants, barcode-only matches,
// similar titles, lookalike pairs and no match).

import type { AmazonOffer, CatalogueProduct } from '../src/core/onboarding/types';
import { seededRandom } from '../test/world/faults';

const COLOURS = ['red', 'blue', 'green', 'black', 'white', 'grey', 'navy', 'pink', 'olive', 'sand', 'teal', 'plum'];
const SIZES = ['xs', 's', 'm', 'l', 'xl', 'xxl'];
const KINDS = ['tee', 'hoodie', 'mug', 'candle', 'scarf', 'sock', 'cap', 'tote', 'notebook', 'lamp', 'bottle', 'blanket', 'apron', 'glove', 'towel'];
const WORDS = ['organic', 'cotton', 'merino', 'ceramic', 'recycled', 'bamboo', 'linen', 'classic', 'premium', 'soft', 'travel', 'kids', 'vintage', 'striped', 'floral', 'heavy', 'light', 'eco', 'handmade', 'original'];

export function benchCatalogue(listings: number, products: number, seed = 18): { offers: AmazonOffer[]; catalogue: CatalogueProduct[] } {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const catalogue: CatalogueProduct[] = [];
  for (let i = 0; i < products; i++) {
    const name = `Hearth ${pick(WORDS)} ${pick(WORDS)} ${pick(KINDS)} ${pick(COLOURS)} ${pick(SIZES)} model ${i}`;
    catalogue.push({ sku: `SB-${String(i).padStart(6, '0')}`, name, barcodes: [String(5_000_000_000_000 + i)] });
  }
  const offers: AmazonOffer[] = [];
  for (let i = 0; i < listings; i++) {
    const p = catalogue[i % products]!;
    const roll = r();
    let sellerSku = `AMZ-${i}`;
    let title = `${pick(WORDS)} ${pick(KINDS)} gift ${i}`;
    const productIds: AmazonOffer['productIds'] = [];
    if (roll < 0.4) sellerSku = p.sku;
    else if (roll < 0.55) sellerSku = p.sku.toLowerCase().replace('-', ' ');
    else if (roll < 0.65) productIds.push({ type: 'EAN', value: p.barcodes[0]! });
    else if (roll < 0.85) title = p.name.replace(/model \d+/, `model ${i % products}`).toUpperCase();
    const channel = r() < 0.2 ? 'FBA' : 'FBM';
    offers.push({ sellerSku, marketplace: 'UK', channel, asin: `B0${String(i).padStart(8, '0')}`, fnsku: '', title, productIds });
  }
  return { offers, catalogue };
}
