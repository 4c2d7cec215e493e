// Unidentified parcels at ShipBob. A box that arrives with no receiving order or tracking number
// ShipBob can match is put on hold as an Unidentified Receiving Order (URO): $25 when it enters the
// system and a fee for each day it stays unresolved, disposed of after 90 days unlinked
// (support.shipbob.com/en/articles/3956393-on-hold-receiving-uro). The API has no URO resource;
// the URO shows in billing as transactions with reference_type URO (3pl-apis.md §2.6), which
// POST /transactions:query filters by `reference_types` (spec 2026-01 Billing.TransactionRequestFilterV3).

import type { UnidentifiedReceipt } from '../types';
import type { ShipBobContext } from './context';
import { iso } from './context';
import { toDateTime } from './clean';
import { collectCursorPages } from './paging';
import { cursorPage, parseOrThrow, transactionSchema } from './schemas';

const txPage = cursorPage(transactionSchema);
/**
 * A URO charged within this long is still open: the daily fee runs while it is unresolved, and an
 * overage URO is free for its first 72 hours (same article), so a quiet 3 days means nothing is known.
 */
const OPEN_WITHIN_MS = 3 * 86_400_000 + 3600_000;

export function listUnidentifiedReceipts(ctx: ShipBobContext, range: { from: string; to: string }): UnidentifiedReceipt[] {
  const got = collectCursorPages(
    ctx.api,
    {
      method: 'post',
      path: '/transactions:query',
      body: { from_date: toDateTime(range.from), to_date: toDateTime(range.to, true), reference_types: ['URO'], page_size: 1000, sort_order: 'Ascending' },
      operation: 'search-transactions',
      retry: 'read',
    },
    (body) => {
      const page = parseOrThrow(txPage, body, 'search-transactions');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  const byId = new Map<string, { first: number; last: number; warehouse?: string; charged: number; currency: string }>();
  for (const t of got.items) {
    if (t.reference_type !== 'URO' || !t.reference_id) continue;
    const at = Date.parse(t.charge_date ?? '');
    const u = byId.get(t.reference_id) ?? { first: at, last: at, charged: 0, currency: t.currency_code ?? '' };
    u.first = Math.min(u.first, at);
    u.last = Math.max(u.last, at);
    u.charged += t.amount ?? 0;
    if (t.fulfillment_center) u.warehouse = t.fulfillment_center;
    byId.set(t.reference_id, u);
  }
  const now = ctx.clock.now();
  return [...byId].map(([id, u]) => ({
    id,
    since: Number.isFinite(u.first) ? iso(u.first) : '',
    ...(u.warehouse ? { warehouseId: u.warehouse } : {}),
    open: Number.isFinite(u.last) && now - u.last <= OPEN_WITHIN_MS,
    charged: Math.round(u.charged * 100) / 100,
    currency: u.currency,
  }));
}
