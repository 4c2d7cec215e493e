// GET_MERCHANT_LISTINGS_ALL_DATA in the seller's report language and the marketplace's charset:
// the simulator writes headers in the requested preferredReportDocumentLocale or, when none is
// asked for or Amazon serves a cached copy ("Reports are not cached by locale…",
// https://developer-docs.amazon.com/sp-api/docs/report-type-values-inventory), in the seller's
// "Language for feed processing report" (amzn/selling-partner-api-models#2293); EU documents are
// Cp1252 (jrl84/amazon-sp-api#144, amzn/selling-partner-api-models#2748), North America's utf8,
// Japan's Shift_JIS (#2293). The client decodes the announced charset and parseMerchantListings
// reads every header language to the same rows.

import { describe, expect, it } from 'vitest';
import { MerchantListingsFormatError, parseMerchantListings } from '../../src/amazon/merchant-listings';
import type { AmazonSectionInput } from '../world/amazon/scenario';
import { makeHarness } from './harness';

const seed = (extra: Partial<AmazonSectionInput>): AmazonSectionInput => ({
  listings: [
    { sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5, title: 'Tee – “Café” größe M' },
    { sku: 'TEE-L', channel: 'FBM', asin: 'B0TEE00002', quantity: 0 },
    { sku: 'TEE-M-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEEM001' },
  ],
  fbaInventory: [{ sku: 'TEE-M-FBA', fulfillable: 40 }],
  ...extra,
});

/** Requests the report, lets it finish, and returns the document's header line, content type and text. */
function fetchReport(h: ReturnType<typeof makeHarness>, reportOptions?: Record<string, string>) {
  const c = h.client();
  const id = c.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', ...(reportOptions ? { reportOptions } : {}) });
  h.clock.advance(61_000);
  const report = c.getReport(id);
  const text = c.downloadReport(report.reportDocumentId!);
  // The Content-Type S3 answers the download with.
  const contentType = h.sim.docs.get(report.reportDocumentId!)!.contentType;
  return { text, header: text.split('\n')[0]!.split('\t'), contentType };
}

const rowsOf = (text: string) => parseMerchantListings(text).map((r) => [r.sku, r.quantity, r.fulfillmentChannel, r.asin]);
const ENGLISH_ROWS = [
  ['TEE-M', 5, 'DEFAULT', 'B0TEE00001'],
  ['TEE-L', 0, 'DEFAULT', 'B0TEE00002'],
  ['TEE-M-FBA', null, 'AMAZON_EU', 'B0TEE00001'],
];

describe('merchant listings report language', () => {
  it('honours preferredReportDocumentLocale: a German seller asking for en_US gets English headers', () => {
    const h = makeHarness(seed({ marketplace: 'DE', reportLanguage: 'de_DE' }));
    const { header, text } = fetchReport(h, { preferredReportDocumentLocale: 'en_US' });
    expect(header.slice(0, 6)).toEqual(['item-name', 'item-description', 'listing-id', 'seller-sku', 'price', 'quantity']);
    expect(rowsOf(text)).toEqual(ENGLISH_ROWS);
  });

  it('without a locale the headers follow the seller’s report language, and still parse to the same rows', () => {
    const h = makeHarness(seed({ marketplace: 'DE', reportLanguage: 'de_DE' }));
    const { header, text } = fetchReport(h);
    expect(header).toContain('Händler-SKU');
    expect(header).toContain('Menge');
    expect(header).toContain('Versender');
    expect(rowsOf(text)).toEqual(ENGLISH_ROWS);
  });

  it('a cached copy ignores the requested locale (behaviour.ignoreReportLocale)', () => {
    const h = makeHarness(seed({ marketplace: 'FR', reportLanguage: 'fr_FR', behaviour: { ignoreReportLocale: true } }));
    const { header, text } = fetchReport(h, { preferredReportDocumentLocale: 'en_US' });
    expect(header).toContain('sku-vendeur');
    expect(header).toContain('quantité');
    expect(rowsOf(text)).toEqual(ENGLISH_ROWS);
  });

  it.each(['it_IT', 'es_ES', 'en_GB'] as const)('%s headers parse to the same rows', (language) => {
    const h = makeHarness(seed({ marketplace: 'IT', reportLanguage: language }));
    expect(rowsOf(fetchReport(h).text)).toEqual(ENGLISH_ROWS);
  });

  it('a scenario may name the columns itself; names the add-on does not know fail loudly, never as an empty catalogue', () => {
    const h = makeHarness(seed({ reportColumnNames: { 'seller-sku': 'Kolumna A', quantity: 'Kolumna B' } }));
    const { header, text } = fetchReport(h);
    expect(header).toContain('Kolumna A');
    expect(() => parseMerchantListings(text)).toThrow(MerchantListingsFormatError);
    expect(() => parseMerchantListings(text)).toThrow(/no column the add-on recognises as seller-sku, quantity/);
  });
});

describe('merchant listings report charset', () => {
  it('EU: served as Cp1252 (characters Cp1252 lacks become "?"), decoded by the client', () => {
    const h = makeHarness({ ...seed({ marketplace: 'UK' }), behaviour: { gzipReports: false } });
    const { contentType, text } = fetchReport(h, { preferredReportDocumentLocale: 'en_US' });
    expect(contentType).toBe('text/plain; charset=Cp1252');
    // “Café” and größe survive the round trip; the en dash too (0x96 in Cp1252).
    expect(text).toContain('Tee – “Café” größe M');
  });

  it('North America: served as utf8', () => {
    const h = makeHarness({ ...seed({ marketplace: 'US' }), behaviour: { gzipReports: false } });
    const { contentType, text } = fetchReport(h);
    expect(contentType).toBe('text/plain; charset=utf8');
    expect(text).toContain('Tee – “Café” größe M');
  });

  it('Japan: Shift_JIS with Japanese headers when the seller’s language is Japanese; 在庫数 is not taken for the quantity', () => {
    const h = makeHarness({
      marketplace: 'JP',
      reportLanguage: 'ja_JP',
      listings: [
        { sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5, title: 'Ｔシャツ　綿１００％ Ｍサイズ' },
        { sku: 'TEE-M-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEEM001' },
      ],
      behaviour: { gzipReports: false },
    });
    const { contentType, header, text } = fetchReport(h);
    expect(contentType).toBe('text/plain; charset=Shift_JIS');
    expect(header).toEqual(expect.arrayContaining(['商品名', '出品者SKU', '数量', '在庫数', 'フルフィルメント・チャンネル', 'ステータス']));
    expect(text).toContain('Ｔシャツ　綿１００％ Ｍサイズ');
    expect(rowsOf(text)).toEqual([
      ['TEE-M', 5, 'DEFAULT', 'B0TEE00001'],
      ['TEE-M-FBA', null, 'AMAZON_FE', 'B0TEE00001'],
    ]);
  });
});

describe('parseMerchantListings header matching', () => {
  it('ignores a byte-order mark, case, spacing, dashes and accents', () => {
    const text = '\uFEFFSELLER SKU\tQuantite\tFulfillment_Channel\tASIN1\n A-1 \t 3 \tDEFAULT\tB01\n';
    expect(rowsOf(text)).toEqual([['A-1', 3, 'DEFAULT', 'B01']]);
    // A UTF-8 BOM read as Windows-1252 is "ï»¿".
    expect(rowsOf('\u00EF\u00BB\u00BFseller-sku\tquantity\tfulfillment-channel\nA-1\t2\tAMAZON_EU\n')).toEqual([['A-1', 2, 'AMAZON_EU', undefined]]);
  });

  it('a header-only or empty document is an empty catalogue; rows without a Seller SKU are skipped', () => {
    expect(parseMerchantListings('')).toEqual([]);
    expect(parseMerchantListings('seller-sku\tquantity\tfulfillment-channel\n')).toEqual([]);
    expect(rowsOf('seller-sku\tquantity\tfulfillment-channel\n\t4\tDEFAULT\nB-1\t\tDEFAULT\n')).toEqual([['B-1', null, 'DEFAULT', undefined]]);
  });
});
