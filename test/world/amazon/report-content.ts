// Tab-delimited report documents generated from the account state. Columns by report type:
// GET_MERCHANT_LISTINGS_ALL_DATA (the long-standing "All Listings" header, confirmed by many
// public parsers; headers in the report's language, report-locales.ts), GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA
// (sp-api.md §3.2), removal order / removal shipment detail and customer returns (sp-api.md §8).

import type { SimCtx } from './context';
import { localizedHeader, type ReportHeaders } from './report-locales';
import { removalReport } from './report-removals';

const MERCHANT_LISTINGS_HEADER = [
  'item-name', 'item-description', 'listing-id', 'seller-sku', 'price', 'quantity', 'open-date', 'image-url',
  'item-is-marketplace', 'product-id-type', 'zshop-shipping-fee', 'item-note', 'item-condition', 'zshop-category1',
  'zshop-browse-path', 'zshop-storefront-feature', 'asin1', 'asin2', 'asin3', 'will-ship-internationally',
  'expedited-shipping', 'zshop-boldface', 'product-id', 'bid-for-featured-placement', 'add-delete', 'pending-quantity',
  'fulfillment-channel', 'merchant-shipping-group', 'status',
];

const PRODUCT_ID_TYPE = { ISBN: '2', UPC: '3', EAN: '4' } as const;

const MYI_HEADER = [
  'sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity',
  'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity',
  'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity',
  'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity', 'afn-researching-quantity',
  'afn-reserved-future-supply', 'afn-future-supply-buyable',
];

/** `shown` is the header line as printed (a translation of `header`, whose names key the rows). */
function tsv(header: string[], rows: Array<Record<string, string | number | undefined>>, shown: string[] = header): string {
  const lines = [shown.join('\t')];
  for (const r of rows) lines.push(header.map((h) => String(r[h] ?? '').replace(/[\t\r\n]/g, ' ')).join('\t'));
  return lines.join('\n') + '\n';
}

export const GENERATED_REPORT_TYPES = [
  'GET_MERCHANT_LISTINGS_ALL_DATA',
  'GET_MERCHANT_LISTINGS_DATA',
  'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
  'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA',
  'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA',
  'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
];

/** The report's text, or null when there is no data (Amazon then CANCELs the report). */
export function generateReport(
  ctx: SimCtx,
  reportType: string,
  range: { start?: number; end?: number },
  headers: ReportHeaders = { language: 'en_US', own: {} },
  marketplaceId = ctx.marketplace.id,
): string | null {
  const s = ctx.state;
  // The listings and FBA stock of the report's one marketplace (ops-reports.ts processReport).
  const listings = s.listingsIn(marketplaceId);
  const stock = s.inventoryIn(marketplaceId);
  const inRange = (iso: string): boolean => {
    const t = Date.parse(iso);
    return (range.start === undefined || t >= range.start) && (range.end === undefined || t <= range.end);
  };
  switch (reportType) {
    case 'GET_MERCHANT_LISTINGS_ALL_DATA':
    case 'GET_MERCHANT_LISTINGS_DATA': {
      const rows = [...listings.values()]
        .filter((l) => reportType === 'GET_MERCHANT_LISTINGS_ALL_DATA' || l.status === 'Active')
        // One row per channel: Amazon does not document this report for a listing with both a
        // DEFAULT and an AMAZON_* channel; the simulator lists each channel as its own offer row,
        // as Seller Central shows them (state.ts channelEntries).
        .flatMap((l, i) => s.channelEntries(l).map((c) => ({ l, i, fbm: c.channel === 'FBM' })))
        .map(({ l, i, fbm }) => ({
          'item-name': l.title,
          'listing-id': `0${(1000000 + i).toString(36).toUpperCase()}SIM`,
          'seller-sku': l.sku,
          price: l.price?.toFixed(2),
          // Amazon leaves quantity empty on FBA rows; the FBA number is in the FBA reports.
          quantity: fbm ? l.quantity : '',
          'open-date': new Date(l.created).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC'),
          'item-is-marketplace': 'y',
          // product-id-type: 1 ASIN, 2 ISBN, 3 UPC, 4 EAN (Seller Central help G202154120, Inventory Loader fields).
          'product-id-type': l.productId ? PRODUCT_ID_TYPE[l.productId.type] : '1',
          'item-condition': '11',
          asin1: l.asin,
          'product-id': l.productId?.value ?? l.asin,
          'pending-quantity': fbm ? 0 : '',
          'fulfillment-channel': fbm ? 'DEFAULT' : ctx.fbaChannelCode,
          status: l.status,
        }));
      return rows.length ? tsv(MERCHANT_LISTINGS_HEADER, rows, localizedHeader(MERCHANT_LISTINGS_HEADER, headers.language, headers.own)) : null;
    }
    case 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA': {
      // "Current details of active (not archived) inventory" (reporttype-values.md, FBA Manage
      // Inventory, amzn/selling-partner-api-docs): inventory, not offers, so an Inactive or
      // Incomplete listing's stock is listed, and so is stock whose FBA offer is gone (converted to
      // merchant-fulfilled: stranded), since the page this report downloads "lists all the
      // relationships between listings and inventory items (FNSKUs) even if the listing no longer
      // exists" (https://www.amazon.co.uk/gp/help/customer/display.html?nodeId=200299090) — with
      // afn-listing-exists No. The same SKUs getInventorySummaries answers for (state.fbaSkus).
      // The simulator has no archived listings.
      const fbaSkus = new Set(s.fbaSkus(marketplaceId));
      const rows = [...listings.values()]
        .filter((l) => fbaSkus.has(l.sku))
        .map((l) => {
          const f = stock.get(l.sku);
          const fulfillable = f?.fulfillable ?? 0;
          const warehouse = fulfillable + (f?.unfulfillable ?? 0) + (f?.reserved ?? 0);
          const inbound = (f?.inboundWorking ?? 0) + (f?.inboundShipped ?? 0) + (f?.inboundReceiving ?? 0);
          return {
            sku: l.sku, fnsku: l.fnsku, asin: l.asin, 'product-name': l.title, condition: 'New', 'your-price': l.price?.toFixed(2),
            // Both "exists" columns are Yes for a SKU with both channels (Seller Central help 200740930, FBA Manage Inventory report).
            'mfn-listing-exists': l.fbm ? 'Yes' : 'No', 'mfn-fulfillable-quantity': l.fbm ? l.quantity : '', 'afn-listing-exists': l.fba ? 'Yes' : 'No',
            'afn-warehouse-quantity': warehouse, 'afn-fulfillable-quantity': fulfillable,
            'afn-unsellable-quantity': f?.unfulfillable ?? 0, 'afn-reserved-quantity': f?.reserved ?? 0,
            'afn-total-quantity': warehouse + inbound, 'per-unit-volume': '',
            'afn-inbound-working-quantity': f?.inboundWorking ?? 0, 'afn-inbound-shipped-quantity': f?.inboundShipped ?? 0,
            'afn-inbound-receiving-quantity': f?.inboundReceiving ?? 0, 'afn-researching-quantity': f?.researching ?? 0,
            'afn-reserved-future-supply': 0, 'afn-future-supply-buyable': 0,
          };
        });
      return rows.length ? tsv(MYI_HEADER, rows) : null;
    }
    // As of the virtual clock, with shipped and in-process counts from the boxes shipped so far (report-removals.ts).
    case 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA':
    case 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA':
    case 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA':
      return removalReport(ctx, reportType, (ms) => inRange(new Date(ms).toISOString()));
    default:
      return null;
  }
}
