// GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA read by header name (shared/reference/sp-api.md §3.2;
// https://developer-docs.amazon.com/sp-api/docs/fba-inventory-reports-attributes: "the fields
// returned … may vary"): columns in any order and case, extra columns ignored, a missing column the
// stock sync needs is an error, empty quantities are 0. Also: the columns read are the ones Amazon
// documents, and the simulator's report agrees with its getInventorySummaries.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FBA_INVENTORY_REPORT_COLUMNS, FbaInventoryReportFormatError, parseFbaInventoryReport } from '../../src/amazon/fba-inventory-report';
import { MODELS_DIR } from '../world/amazon/models';
import { makeHarness, ukSeed } from './harness';

/** The columns sp-api.md §3.2 lists (Amazon's attributes page and the Airbyte fixture), in order. */
const HEADER = [
  'sku', 'fnsku', 'asin', 'product-name', 'condition', 'your-price', 'mfn-listing-exists', 'mfn-fulfillable-quantity',
  'afn-listing-exists', 'afn-warehouse-quantity', 'afn-fulfillable-quantity', 'afn-unsellable-quantity',
  'afn-reserved-quantity', 'afn-total-quantity', 'per-unit-volume', 'afn-inbound-working-quantity',
  'afn-inbound-shipped-quantity', 'afn-inbound-receiving-quantity', 'afn-researching-quantity',
  'afn-reserved-future-supply', 'afn-future-supply-buyable',
];

const tsv = (header: string[], rows: Array<Record<string, string | number>>): string =>
  [header.join('\t'), ...rows.map((r) => header.map((h) => String(r[h] ?? '')).join('\t'))].join('\r\n') + '\r\n';

const row = (sku: string, over: Record<string, string | number> = {}): Record<string, string | number> => ({
  sku, fnsku: `X00${sku}`, asin: 'B0TEE00001', 'product-name': `Tee ${sku}`, condition: 'New', 'your-price': '12.99',
  'mfn-listing-exists': 'No', 'mfn-fulfillable-quantity': '', 'afn-listing-exists': 'Yes',
  'afn-warehouse-quantity': 44, 'afn-fulfillable-quantity': 40, 'afn-unsellable-quantity': 1, 'afn-reserved-quantity': 3,
  'afn-total-quantity': 59, 'per-unit-volume': '0.12', 'afn-inbound-working-quantity': 2, 'afn-inbound-shipped-quantity': 12,
  'afn-inbound-receiving-quantity': 1, 'afn-researching-quantity': 0, 'afn-reserved-future-supply': 0, 'afn-future-supply-buyable': 0,
  ...over,
});

const TEE = { sellerSku: 'TEE', fulfillable: 40, inboundWorking: 2, inboundShipped: 12, inboundReceiving: 1, reserved: 3, unfulfillable: 1, researching: 0, total: 59 };

describe('FBA inventory report parser', () => {
  it('maps the documented columns to the FBA buckets: sellable = afn-fulfillable-quantity, total information only', () => {
    expect(parseFbaInventoryReport(tsv(HEADER, [row('TEE')]))).toEqual([TEE]);
  });

  it('finds columns by name whatever their order, case and separators, ignores unknown ones, and skips a BOM', () => {
    const shuffled = ['new-column-2027', ...[...HEADER].reverse()];
    const text = tsv(shuffled, [row('TEE', { 'new-column-2027': 'x' })])
      .replace('afn-fulfillable-quantity', 'AFN-Fulfillable-Quantity')
      .replace('afn-reserved-quantity', 'afn_reserved_quantity')
      .replace(/^/, '\uFEFF');
    expect(parseFbaInventoryReport(text)).toEqual([TEE]);
  });

  it('reads an empty quantity as 0, and a whole number written with decimals as that number', () => {
    const [s] = parseFbaInventoryReport(tsv(HEADER, [row('TEE', { 'afn-fulfillable-quantity': '', 'afn-reserved-quantity': '  ', 'afn-total-quantity': '18.0', 'afn-unsellable-quantity': 'n/a' })]));
    expect(s).toEqual({ ...TEE, fulfillable: 0, reserved: 0, unfulfillable: 0, total: 18 });
  });

  it('keeps the figures of a row whose FBA listing no longer exists: units Amazon still holds (stranded)', () => {
    const [s] = parseFbaInventoryReport(tsv(HEADER, [row('GONE', { 'afn-listing-exists': 'No', 'mfn-listing-exists': 'Yes', 'afn-fulfillable-quantity': 7 })]));
    expect(s).toMatchObject({ sellerSku: 'GONE', fulfillable: 7 });
  });

  it('reads a file without afn-researching-quantity (older files) as 0 researching', () => {
    const header = HEADER.filter((h) => h !== 'afn-researching-quantity');
    expect(parseFbaInventoryReport(tsv(header, [row('TEE', { 'afn-researching-quantity': 9 })]))).toEqual([TEE]);
  });

  it('throws a format error naming every missing column the stock sync reads', () => {
    const header = HEADER.filter((h) => h !== 'afn-fulfillable-quantity' && h !== 'afn-inbound-shipped-quantity');
    let error: unknown;
    try {
      parseFbaInventoryReport(tsv(header, [row('TEE')]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FbaInventoryReportFormatError);
    expect((error as FbaInventoryReportFormatError).missing).toEqual(['afn-fulfillable-quantity', 'afn-inbound-shipped-quantity']);
    expect((error as Error).message).toMatch(/no column "afn-fulfillable-quantity", "afn-inbound-shipped-quantity" \(its first columns: "sku", "fnsku"/);
    // A header in another report's shape is not an empty FBA catalogue either.
    expect(() => parseFbaInventoryReport('seller-sku\tquantity\nA\t1\n')).toThrow(FbaInventoryReportFormatError);
  });

  it('gives no rows for an empty document or a header alone, and keeps the first row of a repeated SKU', () => {
    expect(parseFbaInventoryReport('')).toEqual([]);
    expect(parseFbaInventoryReport(tsv(HEADER, []))).toEqual([]);
    expect(parseFbaInventoryReport(tsv(HEADER, [row('TEE'), row('TEE', { 'afn-fulfillable-quantity': 1 })]))).toEqual([TEE]);
  });
});

describe('FBA inventory report conformance', () => {
  it('reads only columns Amazon documents for this report (sp-api.md §3.2)', () => {
    const doc = readFileSync(path.resolve(MODELS_DIR, '../../sp-api.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### 3.2 Report GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA'), doc.indexOf('## 4.'));
    const listed = /`(sku, fnsku,[^`]+)`/.exec(section)?.[1]?.split(',').map((c) => c.trim());
    expect(listed).toEqual(HEADER);
    for (const c of FBA_INVENTORY_REPORT_COLUMNS) expect(listed).toContain(c);
    // The definitions the mapping relies on: fulfillable is sellable now, total includes inbound.
    expect(section).toMatch(/`afn-fulfillable-quantity` \| units in Amazon FCs that can be picked, packed and shipped/);
    expect(section).toMatch(/`afn-total-quantity` \| \*\*= warehouse \+ inbound-working \+ inbound-shipped \+ inbound-receiving\*\*/);
  });

  it("the simulator's report has those columns and the same buckets getInventorySummaries gives, stranded stock included", () => {
    const h = makeHarness({ ...ukSeed, behaviour: { gzipReports: false } });
    const c = h.client();
    // Converted to merchant-fulfilled: its FBA units stay at Amazon, stranded.
    h.sim.act({ action: 'setListingChannels', sku: 'TEE-M-FBA', channels: ['FBM'] });
    const id = c.createReport({ reportType: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA' });
    h.clock.advance(61_000);
    const text = c.downloadReport(c.getReport(id).reportDocumentId!);
    expect(text.split('\n')[0]!.split('\t')).toEqual(HEADER);
    expect(text).toMatch(/\nTEE-M-FBA\t.*\tYes\t\d*\tNo\t/);
    const fromReport = parseFbaInventoryReport(text);
    const fromApi = c.getInventoryForSkus(['TEE-M-FBA']).map((s) => ({
      sellerSku: s.sellerSku,
      fulfillable: s.inventoryDetails?.fulfillableQuantity,
      inboundWorking: s.inventoryDetails?.inboundWorkingQuantity,
      inboundShipped: s.inventoryDetails?.inboundShippedQuantity,
      inboundReceiving: s.inventoryDetails?.inboundReceivingQuantity,
      reserved: s.inventoryDetails?.reservedQuantity?.totalReservedQuantity,
      unfulfillable: s.inventoryDetails?.unfulfillableQuantity?.totalUnfulfillableQuantity,
      researching: s.inventoryDetails?.researchingQuantity?.totalResearchingQuantity,
      total: s.totalQuantity,
    }));
    expect(fromReport).toEqual(fromApi);
    expect(fromReport).toEqual([{ sellerSku: 'TEE-M-FBA', fulfillable: 40, inboundWorking: 2, inboundShipped: 12, inboundReceiving: 1, reserved: 3, unfulfillable: 1, researching: 0, total: 59 }]);
  });
});
