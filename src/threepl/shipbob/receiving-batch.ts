// Many receiving orders read at once by their ids: get-multiple-warehouse-receiving-orders takes
// "IDs: Comma separated list of WRO IDs to filter by" (spec 2026-01 Receiving), so following N
// receipts costs ⌈N/50⌉ list pages instead of N lookups with their boxes and returns. The boxes are
// not read: the counts are on the WRO itself (inventory_quantities), so trackingNumbers stays empty.

import type { InboundReceipt } from '../types';
import type { ShipBobContext } from './context';
import { collectNumberedPages } from './paging';
import { mapWro } from './receiving';
import { parseOrThrow, wroListSchema } from './schemas';

/**
 * Ids per call: 100 ids of up to 9 digits keep the URL near 1 KB, inside Apps Script's URL Fetch
 * "URL length 2 KB" quota (developers.google.com/apps-script/guides/services/quotas).
 */
const IDS_PER_CALL = 100;

export function readWrosById(ctx: ShipBobContext, ids: readonly string[]): InboundReceipt[] {
  const out: InboundReceipt[] = [];
  const numeric = [...new Set(ids.filter((id) => /^\d+$/.test(id)))];
  for (let i = 0; i < numeric.length; i += IDS_PER_CALL) {
    const chunk = numeric.slice(i, i + IDS_PER_CALL);
    const got = collectNumberedPages(
      ctx.api,
      { method: 'get', path: '/receiving', query: { IDs: chunk.join(',') }, operation: 'get-multiple-warehouse-receiving-orders', retry: 'read' },
      IDS_PER_CALL,
      (body) => parseOrThrow(wroListSchema, body, 'get-multiple-warehouse-receiving-orders'),
      ctx.deadline,
    );
    out.push(...got.items.map((w) => mapWro(w, [])));
  }
  return out;
}
