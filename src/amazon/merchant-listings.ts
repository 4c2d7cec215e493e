// GET_MERCHANT_LISTINGS_ALL_DATA rows by column meaning, whatever language the headers are in.
// Amazon writes the headers in the seller's "Language for feed processing report" unless
// reportOptions.preferredReportDocumentLocale is honoured, and "Reports are not cached by locale …
// [they] may return headers in a different locale than requested"
// (https://developer-docs.amazon.com/sp-api/docs/report-type-values-inventory;
// amzn/selling-partner-api-models#2293 shows a Japanese one). So the English names and the
// translations public parsers of this report match are all recognised, ignoring case, accents,
// spacing, dashes and a byte-order mark; a report whose key columns cannot be found is an error,
// never an empty catalogue.

interface MerchantListingRow {
  sku: string;
  asin: string | undefined;
  /** null for FBA rows, whose quantity Amazon leaves empty. */
  quantity: number | null;
  /** DEFAULT = merchant-fulfilled, AMAZON_EU / AMAZON_NA... = FBA. */
  fulfillmentChannel: string;
  status: string | undefined;
  /** item-name: the product's name, for people; undefined when the report has no such column. */
  title: string | undefined;
  /** product-id and its product-id-type (1 ASIN, 2 ISBN, 3 UPC, 4 EAN: Seller Central help G202154120, Inventory Loader fields); undefined when absent. */
  productId: string | undefined;
  productIdType: string | undefined;
}

type Column = 'seller-sku' | 'quantity' | 'fulfillment-channel' | 'asin1' | 'status' | 'item-name' | 'product-id' | 'product-id-type';

/** Header names by column: English first, then German, French, Italian, Spanish, Japanese. */
const NAMES: Record<Column, string[]> = {
  'seller-sku': ['seller-sku', 'sku', 'merchant-sku', 'Händler-SKU', 'Haendler-SKU', 'sku-vendeur', 'SKU venditore', 'SKU del vendedor', '出品者SKU'],
  quantity: ['quantity', 'Menge', 'quantité', 'Quantità', 'cantidad', '数量'],
  'fulfillment-channel': ['fulfillment-channel', 'fulfilment-channel', 'Versender', 'canal-traitement', 'Canale di gestione', 'Canal de gestión logística', 'フルフィルメント・チャンネル'],
  asin1: ['asin1', 'ASIN 1', 'asin'],
  status: ['status', 'statut', 'état', 'stato', 'estado', 'ステータス'],
  'item-name': ['item-name', 'Artikelbezeichnung', 'nom-produit', "Nome dell'articolo", 'Título del producto', '商品名'],
  'product-id': ['product-id', 'Produkt-ID', 'id-produit', 'Identificativo del prodotto', 'Identificador del producto', '商品ID'],
  'product-id-type': ['product-id-type', 'Produkt-ID-Typ', 'type-id-produit', 'Tipo di identificativo del prodotto', 'Tipo de identificador de producto', '商品IDタイプ'],
};

/** Without these the report cannot say which offers are merchant-fulfilled and how many units they show. */
const REQUIRED: ReadonlyArray<Column> = ['seller-sku', 'quantity', 'fulfillment-channel'];

/** "Händler-SKU", "HANDLER SKU" and "\uFEFFhändler_sku" compare equal. */
function normaliseHeader(name: string): string {
  return name
    .replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, '') // a BOM, or a UTF-8 BOM read as Windows-1252
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_.'’·\u30fb]+/g, '');
}

const BY_NAME = new Map<string, Column>();
for (const column of Object.keys(NAMES) as Column[]) for (const n of NAMES[column]) BY_NAME.set(normaliseHeader(n), column);

/** The report's header row matched no known name for a column the stock sync needs. */
export class MerchantListingsFormatError extends Error {
  constructor(
    readonly missing: ReadonlyArray<string>,
    readonly header: ReadonlyArray<string>,
  ) {
    const shown = header.slice(0, 8).map((h) => `"${h}"`).join(', ');
    super(`The listings report has no column the add-on recognises as ${missing.join(', ')} (its first columns: ${shown || 'none'}).`);
    this.name = 'MerchantListingsFormatError';
  }
}

/** Rows of a GET_MERCHANT_LISTINGS_ALL_DATA document; throws MerchantListingsFormatError when its key columns are missing. */
export function parseMerchantListings(text: string): MerchantListingRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const headerLine = lines.shift();
  if (headerLine === undefined) return [];
  const header = headerLine.split('\t').map((h) => h.trim());
  const at: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const column = BY_NAME.get(normaliseHeader(h));
    if (column && at[column] === undefined) at[column] = i;
  });
  const missing = REQUIRED.filter((c) => at[c] === undefined);
  if (missing.length) throw new MerchantListingsFormatError(missing, header);
  const cell = (cells: string[], c: Column): string => (at[c] === undefined ? '' : (cells[at[c]!] ?? '').trim());
  const rows: MerchantListingRow[] = [];
  for (const line of lines) {
    const cells = line.split('\t');
    const sku = cell(cells, 'seller-sku');
    if (!sku) continue;
    const q = cell(cells, 'quantity');
    rows.push({
      sku,
      asin: cell(cells, 'asin1') || undefined,
      quantity: /^\d+$/.test(q) ? Number(q) : null,
      fulfillmentChannel: cell(cells, 'fulfillment-channel') || 'DEFAULT',
      status: cell(cells, 'status') || undefined,
      title: cell(cells, 'item-name') || undefined,
      productId: cell(cells, 'product-id') || undefined,
      productIdType: cell(cells, 'product-id-type') || undefined,
    });
  }
  return rows;
}
