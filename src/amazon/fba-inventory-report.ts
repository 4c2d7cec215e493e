// GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA ("FBA Manage Inventory") rows as FBA summaries, read by
// header name: Amazon adds columns over time and "the fields returned … may vary based on the
// marketplace, region, and the seller's selection of fields in the Seller Central UI"
// (https://developer-docs.amazon.com/sp-api/docs/fba-inventory-reports-attributes; columns and
// meanings in shared/reference/sp-api.md §3.2). A report without the columns the stock sync reads
// is an error, never a catalogue without FBA stock.

import type { FbaSummary } from '../core/inventory/types';

type Bucket = Exclude<keyof FbaSummary, 'sellerSku' | 'marketplace'>;

/** Report column → FbaSummary bucket (sp-api.md §3.2 "Definitions"). */
const BUCKETS: ReadonlyArray<readonly [string, Bucket]> = [
  // Sellable now: the only figure that decides anything (sp-api.md §0.6).
  ['afn-fulfillable-quantity', 'fulfillable'],
  ['afn-inbound-working-quantity', 'inboundWorking'],
  ['afn-inbound-shipped-quantity', 'inboundShipped'],
  ['afn-inbound-receiving-quantity', 'inboundReceiving'],
  ['afn-reserved-quantity', 'reserved'],
  ['afn-unsellable-quantity', 'unfulfillable'],
  ['afn-researching-quantity', 'researching'],
  // warehouse + inbound: information only, like getInventorySummaries' totalQuantity.
  ['afn-total-quantity', 'total'],
];

/**
 * Without these the report cannot give the buckets the Inventory tab shows. afn-researching-quantity
 * is not among them: older files of this report lack it (it came after the MWS-era columns), and
 * researching units are shown for information only, so a file without it reads as 0 researching.
 */
const REQUIRED: ReadonlyArray<string> = ['sku', ...BUCKETS.map(([c]) => c).filter((c) => c !== 'afn-researching-quantity')];

/** The report's header row lacks a column the stock sync reads. */
export class FbaInventoryReportFormatError extends Error {
  constructor(
    readonly missing: ReadonlyArray<string>,
    readonly header: ReadonlyArray<string>,
  ) {
    const shown = header.slice(0, 8).map((h) => `"${h}"`).join(', ');
    super(`The FBA inventory report has no column ${missing.map((m) => `"${m}"`).join(', ')} (its first columns: ${shown || 'none'}).`);
    this.name = 'FbaInventoryReportFormatError';
  }
}

/** "\uFEFFAFN_Fulfillable Quantity" and "afn-fulfillable-quantity" compare equal. */
function normaliseHeader(name: string): string {
  return name
    .replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, '') // a BOM, or a UTF-8 BOM read as Windows-1252
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Units in a cell: empty (Amazon leaves a bucket empty when it has none) or unreadable is 0. */
function units(cell: string | undefined): number {
  const v = (cell ?? '').trim();
  if (/^\d+$/.test(v)) return Number(v);
  // A whole number written with a decimal part ("12.0"), as some exports do.
  if (/^\d+\.0*$/.test(v)) return Math.trunc(Number(v));
  return 0;
}

/**
 * One FbaSummary per SKU of the report. Rows whose afn-listing-exists is "No" are kept with their
 * figures: the FBA inventory page this report downloads "lists all the relationships between
 * listings and inventory items (FNSKUs) even if the listing no longer exists"
 * (https://www.amazon.co.uk/gp/help/customer/display.html?nodeId=200299090), so such a row counts
 * units Amazon still holds for a SKU whose FBA offer is gone: stranded inventory, e.g. after the
 * offer was changed to merchant-fulfilled (https://sellercentral.amazon.com/gp/help/external/201436600). getInventorySummaries counts them too, so
 * both sources show the same buckets, and the FBA guard still sees that Amazon holds stock of
 * that SKU. A SKU repeated on a later row keeps its first row.
 */
export function parseFbaInventoryReport(text: string): FbaSummary[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const headerLine = lines.shift();
  if (headerLine === undefined) return [];
  const header = headerLine.split('\t').map((h) => h.trim());
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const name = normaliseHeader(h);
    if (!at.has(name)) at.set(name, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length) throw new FbaInventoryReportFormatError(missing, header);
  const skuAt = at.get('sku')!;
  const bySku = new Map<string, FbaSummary>();
  for (const line of lines) {
    const cells = line.split('\t');
    const sku = (cells[skuAt] ?? '').trim();
    if (!sku || bySku.has(sku)) continue;
    const s: FbaSummary = { sellerSku: sku, fulfillable: 0, inboundWorking: 0, inboundShipped: 0, inboundReceiving: 0, reserved: 0, unfulfillable: 0, researching: 0, total: 0 };
    for (const [column, bucket] of BUCKETS) {
      const i = at.get(column);
      if (i !== undefined) s[bucket] = units(cells[i]);
    }
    bySku.set(sku, s);
  }
  return [...bySku.values()];
}

/** The columns the parser reads, for the conformance check against Amazon's documented list. */
export const FBA_INVENTORY_REPORT_COLUMNS: ReadonlyArray<string> = ['sku', ...BUCKETS.map(([c]) => c)];
