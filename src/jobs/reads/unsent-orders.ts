// Units in Amazon's unshipped merchant orders whose order id the 3PL does not hold yet: Amazon has
// already taken them off the listing, the 3PL has not yet committed them, so the stock sync must
// not offer them again.

import { paginate } from '../../amazon/client';
import type { SearchOrdersParams, SpApiClient } from '../../amazon/client';
import type { UnsentOrderLine } from '../../core/inventory/types';
import type { ThreePlAdapter } from '../../threepl/types';

/** How far back unshipped merchant orders are looked for: Amazon's ship-by windows are days, not months. */
const UNSHIPPED_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

interface OpenOrder {
  id: string;
  created: number;
  items: UnsentOrderLine[];
}

function openMerchantOrders(amazon: SpApiClient, now: number): OpenOrder[] {
  const open: OpenOrder[] = [];
  const query: SearchOrdersParams = { lastUpdatedAfter: new Date(now - UNSHIPPED_LOOKBACK_MS).toISOString(), fulfilledBy: ['MERCHANT'], statuses: ['UNSHIPPED', 'PARTIALLY_SHIPPED'] };
  paginate(amazon.pages.searchOrders, query, (page) => {
    for (const o of page.orders) {
      const items: UnsentOrderLine[] = [];
      for (const it of o.orderItems) {
        const sku = it.product?.sellerSku;
        const qty = it.fulfillment?.quantityUnfulfilled ?? it.quantityOrdered - (it.fulfillment?.quantityFulfilled ?? 0);
        if (sku && qty > 0) items.push({ sellerSku: sku, quantity: qty });
      }
      if (items.length) open.push({ id: o.orderId, created: Date.parse(o.createdTime), items });
    }
  });
  return open;
}

/** References of the 3PL's live orders changed since `since` (a cancelled one no longer commits stock). */
function threePlReferences(adapter: ThreePlAdapter, since: number): Set<string> {
  const refs = new Set<string>();
  let cursor: string | null = new Date(since).toISOString();
  for (;;) {
    const page = adapter.listOrdersChangedSince(cursor);
    for (const o of page.orders) if (o.status !== 'cancelled') refs.add(o.primaryReference);
    if (page.complete) break;
    cursor = page.nextCursor;
  }
  return refs;
}

export function readUnsentOrders(amazon: SpApiClient, adapter: ThreePlAdapter, now: number): { lines: UnsentOrderLine[]; orders: number } {
  const open = openMerchantOrders(amazon, now);
  if (open.length === 0) return { lines: [], orders: 0 };
  const since = Math.min(...open.map((o) => (Number.isFinite(o.created) ? o.created : now))) - 24 * 3600 * 1000;
  const atThreePl = threePlReferences(adapter, since);
  const unsent = open.filter((o) => !atThreePl.has(o.id));
  return { lines: unsent.flatMap((o) => o.items), orders: unsent.length };
}
