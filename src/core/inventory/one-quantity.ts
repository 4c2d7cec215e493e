// One merchant quantity per Seller SKU: Amazon keeps a single FBM quantity whatever the marketplace,
// so the rows of one Seller SKU in several marketplaces are aligned on the lowest proposal.

import { groupBy } from '../group';
import type { InventoryRow } from './types';

/**
 * Amazon keeps one merchant quantity per Seller SKU whatever the marketplace (amzn/selling-partner-api-docs#3167):
 * the rows of one Seller SKU in several marketplaces are all proposed the lowest of their
 * quantities (their buffers or Max Qty may differ), so no push overwrites a lower one with a
 * higher one. A row of a marketplace the 3PL does not ship to is told the quantity shows there too.
 */
export function oneQuantityPerSku(rows: InventoryRow[], pooled: ReadonlySet<string>, statuses: string[], rowIndexOf: ReadonlyMap<string, number>, tpl: string): void {
  const bySku = groupBy(rows.filter((r) => r.channel === 'FBM'), (r) => r.sellerSku);
  for (const [sku, list] of bySku) {
    const set = list.filter((r) => pooled.has(r.marketplace) && r.proposedQty !== null);
    if (list.length < 2 || set.length === 0) continue;
    const low = Math.min(...set.map((r) => r.proposedQty!));
    const where = set.map((r) => r.marketplace).join(', ');
    if (set.length > 1) {
      const alike = set.every((x) => x.proposedQty === low);
      for (const r of set) {
        const mine = r.proposedQty!;
        r.proposedQty = low;
        r.reason += alike
          ? `. Amazon keeps one merchant quantity for Seller SKU ${sku} in every marketplace: ${where} are set alike`
          : `. Amazon keeps one merchant quantity for Seller SKU ${sku} in every marketplace (${where}): each is set to the lowest of theirs, ${low}${mine !== low ? ` (this row alone: ${mine})` : ''}`;
      }
    }
    for (const r of list) {
      if (pooled.has(r.marketplace)) continue;
      r.reason += ` Amazon keeps one merchant quantity per Seller SKU, so the ${low} set for ${where} shows in ${r.marketplace} too: ${r.marketplace} buyers can order those units, and ${tpl} does not ship ${r.marketplace} orders (they are held). Use another Seller SKU in ${r.marketplace}, or untick this row's offer in Seller Central.`;
      const at = rowIndexOf.get(r.key);
      if (at !== undefined) statuses[at] = r.reason;
    }
  }
}
