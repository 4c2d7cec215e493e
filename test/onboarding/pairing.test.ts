// The SKU Map builder's pairing rules (issue 18) on plain catalogues: every case the issue lists.
// Product identifiers follow the merchant listings report's product-id-type (1 ASIN, 2 ISBN, 3 UPC,
// 4 EAN: Seller Central help G202154120); 3PL barcodes follow ShipBob's variant upc / gtin /
// barcodes[].value (spec 2026-01 Products.VariantViewModelBase).

import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/core/onboarding/pair';
import { proposalRecord, proposeRows } from '../../src/core/onboarding/propose';
import { toCatalogueProducts } from '../../src/core/onboarding/catalogue-products';
import type { AmazonOffer, CatalogueProduct } from '../../src/core/onboarding/types';
import { validateSkuMap } from '../../src/core/inventory/sku-map';

const offer = (sellerSku: string, title: string, extra: Partial<AmazonOffer> = {}): AmazonOffer => ({
  sellerSku, marketplace: 'UK', channel: 'FBM', asin: `B0${sellerSku.replace(/\W/g, '').slice(0, 8)}`, fnsku: '', title, productIds: [], ...extra,
});
const product = (sku: string, name: string, barcodes: string[] = []): CatalogueProduct => ({ sku, name, barcodes });

const CATALOGUE: CatalogueProduct[] = [
  product('TEE-RED-M', 'Organic cotton t-shirt red medium'),
  product('mug-blue-350', 'Ceramic mug blue 350ml'),
  product('123', 'Beeswax candle tin'),
  product('SB-0042', 'Bamboo toothbrush soft 4 pack', ['5012345678900']),
  product('SOCK-WOOL-GREY-L', 'Merino wool hiking socks grey large'),
  product('SOCK-WOOL-GREY-M', 'Merino wool hiking socks grey medium'),
  product('MAILER-BOX-S', 'Mailer box small kraft'),
  product('TISSUE-PAPER', 'Tissue paper sheet white'),
  product('SCARF-SILK', 'Silk scarf floral print'),
];

function propose(offers: AmazonOffer[], rows: Record<string, unknown>[] = [], catalogue = CATALOGUE) {
  return proposeRows({ rows, offers, catalogue: buildCatalogue(catalogue), defaultMarketplace: 'UK' });
}
const only = (offers: AmazonOffer[], catalogue?: CatalogueProduct[]) => propose(offers, [], catalogue).proposals[0]!;

describe('pairing an Amazon offer with a 3PL product', () => {
  it('an identical SKU is an exact match: proposed with Active ticked, confidence 100%', () => {
    const p = only([offer('TEE-RED-M', 'Organic Cotton Tee - Red, M')]);
    expect(p.pairing).toMatchObject({ match: 'SKU', threePlSku: 'TEE-RED-M', active: true, confidence: 1 });
    expect(proposalRecord(p)).toMatchObject({ 'Seller SKU': 'TEE-RED-M', Channel: 'FBM', '3PL SKU': 'TEE-RED-M', Active: true, Match: 'SKU', Confidence: 1 });
  });

  it('case, space and dash variants pair as "SKU (normalised)", unticked', () => {
    for (const sku of ['MUG-BLUE-350', 'mug blue 350', 'MUGBLUE350']) {
      const p = only([offer(sku, 'Blue mug')]);
      expect(p.pairing, sku).toMatchObject({ match: 'SKU (normalised)', threePlSku: 'mug-blue-350', active: false });
      expect(p.notes).toContain('Tick Active to accept');
    }
  });

  it('a SKU that lost (or gained) its leading zeros pairs as normalised, unticked', () => {
    expect(only([offer('00123', 'Candle')]).pairing).toMatchObject({ match: 'SKU (normalised)', threePlSku: '123', active: false });
    expect(only([offer('SB-42', 'Toothbrush')]).pairing.match).toBe('None'); // zeros inside a SKU are not leading zeros
  });

  it("a barcode the 3PL holds equal to the listing's UPC/EAN pairs by barcode, unticked; 12-digit UPC meets its 13-digit EAN", () => {
    const ean = only([offer('AMZ-TOOTHBRUSH', 'Toothbrushes', { productIds: [{ type: 'EAN', value: '5012345678900' }] })]);
    expect(ean.pairing).toMatchObject({ match: 'Barcode', threePlSku: 'SB-0042', active: false });
    expect(ean.notes).toContain('EAN 5012345678900');
    const upc = only([offer('X-1', 'Thing', { productIds: [{ type: 'UPC', value: '012345678905' }] })], [product('P-1', 'Widget', ['0012345678905'])]);
    expect(upc.pairing).toMatchObject({ match: 'Barcode', threePlSku: 'P-1' });
    // An ASIN as product-id (type 1) is no barcode.
    expect(only([offer('X-2', 'Thing', { productIds: [{ type: 'ASIN', value: '5012345678900' }] })]).pairing.match).toBe('None');
  });

  it('a similar title above the threshold pairs by title, unticked, with its score', () => {
    const p = only([offer('AMZ-SCARF-01', 'Floral print silk scarf')]);
    expect(p.pairing).toMatchObject({ match: 'Title', threePlSku: 'SCARF-SILK', active: false });
    expect(p.pairing.confidence).toBeGreaterThanOrEqual(0.6);
    expect(p.pairing.confidence).toBeLessThanOrEqual(0.8);
  });

  it('two equally good title candidates: no 3PL SKU, no tick, both named in Notes', () => {
    const p = only([offer('AMZ-SOCKS', 'Merino wool hiking socks grey')]);
    expect(p.pairing).toMatchObject({ match: 'Ambiguous', threePlSku: '', active: false });
    expect(p.notes).toContain('SOCK-WOOL-GREY-L');
    expect(p.notes).toContain('SOCK-WOOL-GREY-M');
    expect(proposalRecord(p)).toMatchObject({ '3PL SKU': '', Active: false, Confidence: '' });
  });

  it('two 3PL SKUs that normalise alike are ambiguous, never ticked', () => {
    const p = only([offer('ab-1', 'x')], [product('AB-1', 'A'), product('ab 1', 'B')]);
    expect(p.pairing).toMatchObject({ match: 'Ambiguous', threePlSku: '', active: false });
  });

  it('no credible match: unpaired, with the closest candidates in Notes', () => {
    const p = only([offer('AMZ-CANDLE-XL', 'Large candle jar vanilla')]);
    expect(p.pairing).toMatchObject({ match: 'None', threePlSku: '', active: false });
    expect(p.notes).toMatch(/Not paired/);
    const none = only([offer('ZZZ', 'Completely unrelated gadget')]);
    expect(none.notes).toContain('no 3PL product has this SKU');
  });

  it('3PL packaging and other products no Amazon listing names are never proposed', () => {
    const r = propose([offer('TEE-RED-M', 'Tee'), offer('MUG-BLUE-350', 'Mug')]);
    const used = r.proposals.flatMap((p) => [p.offer.sellerSku, p.pairing.threePlSku]);
    expect(r.proposals).toHaveLength(2);
    for (const pack of ['MAILER-BOX-S', 'TISSUE-PAPER']) expect(used).not.toContain(pack);
  });

  it('an inactive or digital 3PL product is named but never ticked', () => {
    const cat = toCatalogueProducts([{ sku: 'OLD-1', name: 'Old', barcodes: [], inactive: true, digital: false }]);
    const p = only([offer('OLD-1', 'Old')], cat);
    expect(p.pairing).toMatchObject({ match: 'SKU', threePlSku: 'OLD-1', active: false });
    expect(p.notes).toContain('inactive');
  });
});

describe('which rows are proposed', () => {
  it('FBA offers get Channel FBA and are valid without a 3PL SKU once ticked; multi-channel listings get both rows', () => {
    const r = propose([offer('DUO-1', 'Duo', { channel: 'FBA' }), offer('DUO-1', 'Duo'), offer('FBA-ONLY', 'Gadget nobody stocks', { channel: 'FBA' })]);
    expect(r.proposals.map((p) => [p.offer.sellerSku, p.offer.channel])).toEqual([['DUO-1', 'FBM'], ['DUO-1', 'FBA'], ['FBA-ONLY', 'FBA']]);
    const fba = r.proposals[2]!;
    expect(fba.notes).toContain('FBA: Amazon holds this stock');
    // A person ticks it: the row is valid without a 3PL SKU.
    const v = validateSkuMap([{ ...proposalRecord(fba), Active: true }], { defaultMarketplace: 'UK' });
    expect(v.rows[0]!.state).toBe('ok');
  });

  it('offers that already have a row are left alone (re-running adds only what is new); so are rows people made', () => {
    const people = [
      { 'Seller SKU': 'TEE-RED-M', Marketplace: 'UK', Channel: 'FBM', '3PL SKU': 'SOMETHING-ELSE', Active: true },
      // "00123" typed into a number cell: it is someone's row for 00123.
      { 'Seller SKU': 123, Marketplace: '', Channel: 'FBM', '3PL SKU': '123' },
      // A Channel nobody can read covers both channels of its SKU.
      { 'Seller SKU': 'SCARF-1', Channel: 'fbx' },
    ];
    const offers = [offer('TEE-RED-M', 'Tee'), offer('TEE-RED-M', 'Tee', { channel: 'FBA' }), offer('00123', 'Candle'), offer('SCARF-1', 'Scarf'), offer('NEW-1', 'New')];
    const first = propose(offers, people);
    expect(first.proposals.map((p) => `${p.offer.sellerSku}/${p.offer.channel}`)).toEqual(['NEW-1/FBM', 'TEE-RED-M/FBA']);
    expect(first.covered).toBe(3);
    const again = propose(offers, [...people, ...first.proposals.map(proposalRecord)]);
    expect(again.proposals).toEqual([]);
  });
});
