// Localized merchant listings report headers and the charset each marketplace's document comes in.
//
// Headers: the report's columns follow the seller's Seller Central setting "Language for feed
// processing report" (amzn/selling-partner-api-models#2293: a Japan seller gets Japanese titles;
// the workaround is switching that setting to English) unless createReport asks for
// reportOptions.preferredReportDocumentLocale, "the preferred locale for report column headers"
// (https://developer-docs.amazon.com/sp-api/docs/report-type-values-inventory). Amazon does not
// publish the translated names; the ones below are those public report parsers match (GitHub code
// for GET_MERCHANT_LISTINGS_ALL_DATA: 出品者SKU / 数量 / フルフィルメント・チャンネル, Händler-SKU / Menge /
// Versender, sku-vendeur / quantité / canal-traitement, SKU venditore / Quantità / Canale di
// gestione, SKU del vendedor / Canal de gestión logística). A column without a known translation
// keeps its English name, as merchant-shipping-group does in Japanese reports.
//
// Charsets: EU merchant listings documents are served as "text/plain; charset=Cp1252"
// (jrl84/amazon-sp-api#144 for Spain, amzn/selling-partner-api-models#2748 and #1517), North
// America's as "text/plain; charset=utf8" (jrl84/amazon-sp-api#144), Japan's in Shift_JIS
// (amzn/selling-partner-api-models#2293, #545). Other report types stay UTF-8 (#2748: the VAT
// invoice report is UTF-8 while the listings report is Cp1252).

import type { Marketplace } from '../../../src/amazon/hosts';
import { encodeCp1252 } from './cp1252';
import type { REPORT_LANGUAGES } from './scenario';
import { encodeShiftJis } from './shift-jis';

export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

type Names = Partial<Record<string, string>>;

const GERMAN: Names = {
  'item-name': 'Artikelbezeichnung', 'seller-sku': 'Händler-SKU', price: 'Preis', quantity: 'Menge', 'open-date': 'Erstellungsdatum',
  'product-id-type': 'Produkt-ID-Typ', 'item-condition': 'Artikelzustand', asin1: 'ASIN 1', 'product-id': 'Produkt-ID',
  'fulfillment-channel': 'Versender', status: 'Status',
};
const FRENCH: Names = {
  'item-name': 'nom-produit', 'seller-sku': 'sku-vendeur', price: 'prix', quantity: 'quantité', 'product-id-type': 'type-id-produit',
  'item-condition': 'état-produit', 'product-id': 'id-produit', 'fulfillment-channel': 'canal-traitement', status: 'état',
};
const ITALIAN: Names = {
  'item-name': "Nome dell'articolo", 'seller-sku': 'SKU venditore', price: 'Prezzo', quantity: 'Quantità', 'open-date': 'Data di creazione',
  'product-id-type': 'Tipo di identificativo del prodotto', 'item-condition': "Condizione dell'articolo", 'product-id': 'Identificativo del prodotto',
  'fulfillment-channel': 'Canale di gestione', status: 'stato',
};
const SPANISH: Names = {
  'item-name': 'Título del producto', 'seller-sku': 'SKU del vendedor', quantity: 'cantidad', 'open-date': 'Fecha de creación',
  'product-id-type': 'Tipo de identificador de producto', 'item-condition': 'Estado del producto', 'product-id': 'Identificador del producto',
  'fulfillment-channel': 'Canal de gestión logística', status: 'estado',
};
const JAPANESE: Names = {
  'item-name': '商品名', 'listing-id': '出品ID', 'seller-sku': '出品者SKU', price: '価格', quantity: '数量', 'open-date': '出品日',
  'product-id-type': '商品IDタイプ', 'item-note': 'コンディション説明', 'item-condition': 'コンディション', asin1: 'ASIN 1',
  'will-ship-internationally': '国外へ配送可', 'expedited-shipping': '迅速な配送', 'product-id': '商品ID',
  // 在庫数 ("stock count") is what the Japanese report calls pending-quantity: a trap for parsers matching "stock".
  'pending-quantity': '在庫数', 'fulfillment-channel': 'フルフィルメント・チャンネル', status: 'ステータス',
};

const NAMES: Record<ReportLanguage, Names> = { en_US: {}, en_GB: {}, de_DE: GERMAN, fr_FR: FRENCH, it_IT: ITALIAN, es_ES: SPANISH, ja_JP: JAPANESE };

export function isReportLanguage(locale: string | undefined): locale is ReportLanguage {
  return locale !== undefined && Object.prototype.hasOwnProperty.call(NAMES, locale);
}

/** The merchant listings header a report prints: each English column name, translated where known. */
export function localizedHeader(english: ReadonlyArray<string>, language: ReportLanguage, own: Names = {}): string[] {
  const names = NAMES[language];
  return english.map((h) => own[h] ?? names[h] ?? h);
}

/** How a merchant listings report names its columns: a language, plus the scenario's own names. */
export interface ReportHeaders {
  language: ReportLanguage;
  own: Names;
}

/**
 * The language a merchant listings report comes in: the requested preferredReportDocumentLocale
 * when the simulator knows it, else the seller's report language (with the scenario's own column
 * names). `ignoreRequested` models "Reports are not cached by locale. Requesting the same report
 * within the cache period … may return headers in a different locale than requested"
 * (report-type-values-inventory).
 */
export function reportHeadersFor(
  requested: string | undefined,
  seller: { language: ReportLanguage | undefined; columnNames: Names | undefined },
  ignoreRequested: boolean,
): ReportHeaders {
  if (!ignoreRequested && isReportLanguage(requested)) return { language: requested, own: {} };
  return { language: seller.language ?? 'en_US', own: seller.columnNames ?? {} };
}

/** The charset label S3 announces for a merchant listings document of this marketplace, and its bytes. */
export function merchantListingsDocument(marketplace: Marketplace, text: string): { charset: string; bytes: Uint8Array } {
  if (marketplace.region === 'EU') return { charset: 'Cp1252', bytes: encodeCp1252(text) };
  if (marketplace.code === 'JP') return { charset: 'Shift_JIS', bytes: encodeShiftJis(text) };
  const charset = marketplace.region === 'NA' ? 'utf8' : 'UTF-8';
  return { charset, bytes: new Uint8Array(Buffer.from(text, 'utf8')) };
}
