// Every ShipBob product variant with what the SKU Map builder pairs by: SKU, name and barcodes
// (GET /product, spec 2026-01 get-products; Products.VariantViewModelBase: sku, name, status, upc
// "Universal Product Code - 12-digit barcode identifier", gtin "Global Trade Item Number",
// barcodes[].value "The barcode value (e.g., UPC, EAN, GTIN, or other barcode format)",
// is_digital, bundle_definition). Pages of 250 ("PageSize 1-250"), cursor links in the body.

import { z } from 'zod';
import { AdapterError, type ThreePlProduct } from '../types';
import type { ShipBobContext } from './context';
import { collectCursorPages } from './paging';
import { cursorPage, parseOrThrow } from './schemas';

const PAGE_SIZE = 250;
const str = z.string().nullish();

const catalogueProductSchema = z.object({
  id: z.number().int(),
  name: str,
  type: str,
  variants: z
    .array(
      z.object({
        sku: str,
        name: str,
        status: str,
        upc: str,
        gtin: str,
        is_digital: z.boolean().nullish(),
        barcodes: z.array(z.object({ value: str })).nullish(),
        bundle_definition: z.array(z.object({ variant_sku: str })).nullish(),
      }),
    )
    .nullish(),
});

const page = cursorPage(catalogueProductSchema);

/** Every variant with a SKU. A walk the run's time cut short throws: a missing product would read as "no match". */
export function listProducts(ctx: ShipBobContext): ThreePlProduct[] {
  const got = collectCursorPages(
    ctx.api,
    { method: 'get', path: '/product', query: { PageSize: PAGE_SIZE }, operation: 'get-products', retry: 'read' },
    (body) => {
      const p = parseOrThrow(page, body, 'get-products');
      return { items: p.items ?? [], next: p.next };
    },
    ctx.deadline,
  );
  if (!got.complete) throw new AdapterError('UPSTREAM', 'ShipBob product list could not be read to the end within this run');
  const out: ThreePlProduct[] = [];
  for (const p of got.items) {
    for (const v of p.variants ?? []) {
      if (!v.sku) continue;
      const barcodes = [v.upc, v.gtin, ...(v.barcodes ?? []).map((b) => b.value)].filter((b): b is string => !!b && b.trim() !== '');
      out.push({
        sku: v.sku,
        name: v.name || p.name || '',
        barcodes: [...new Set(barcodes.map((b) => b.trim()))],
        inactive: !!v.status && v.status.trim().toLowerCase() !== 'active',
        digital: v.is_digital === true,
        bundle: (v.bundle_definition ?? []).length > 0,
      });
    }
  }
  return out;
}
