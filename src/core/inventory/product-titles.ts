// The Inventory tab's Product Title: Amazon's name for the listing wins; a run that reads none keeps
// the title the row showed; only a row with no title at all takes the 3PL's name for the product.

import type { ThreePlStockRecord } from './types';

/** 3PL SKU → the 3PL's product name (the first record that carries one). */
export function threePlNames(records: ReadonlyArray<ThreePlStockRecord>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    const sku = String(r.sku).trim();
    const name = r.name?.trim();
    if (sku && name && !out.has(sku)) out.set(sku, name);
  }
  return out;
}

/**
 * The title to show. The row's own title outranks the 3PL's name because the row cannot say where
 * it came from: a title Amazon gave on an earlier run must not turn into the 3PL's name on a run
 * that did not read listings (the stock sync reads them only from time to time), and back again.
 */
export function productTitle(amazonTitle: string | undefined, shown: string | undefined, threePlName: string | undefined): string {
  return amazonTitle || shown || threePlName || '';
}
