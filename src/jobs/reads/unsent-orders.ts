// One walk of Amazon's merchant orders answers two questions of the stock sync: which units sit in
// open orders whose order id the 3PL does not hold yet (Amazon has taken them off the listing, the
// 3PL has not committed them, so they must not be offered again), and which orders were placed or
// cancelled since the last push (Amazon moved the FBM quantity itself; the read-back must know).

import { paginate } from '../../amazon/client';
import type { SearchOrdersParams, SpApiClient } from '../../amazon/client';
import type { OrderedLine, UnsentOrderLine } from '../../core/inventory/types';
import type { ThreePlAdapter } from '../../threepl/types';

/** How far back merchant orders are looked for: Amazon's ship-by windows are days, not months. */
const LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/**
 * Orders the 3PL must still receive. PENDING ("placed but payment not authorised", Orders API
 * v2026-01-01 fulfillmentStatus) already holds its units on Amazon (Seller Central help G40571:
 * "The quantity available for the listing is subtracted") and becomes UNSHIPPED once paid, yet it
 * never reaches the 3PL before that, so its units are unsent too.
 */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED']);

interface OpenOrder {
  id: string;
  created: number;
  items: UnsentOrderLine[];
}

interface OrdersRead {
  /** Unsent units per order line (open orders the 3PL does not hold). */
  lines: UnsentOrderLine[];
  /** How many orders those lines come from. */
  orders: number;
  /** Every line of the open and cancelled merchant orders seen, for the read-back. */
  ordered: OrderedLine[];
  /** Orders placed after this (ms) are not in the read: Amazon answers up to its createdBefore. */
  seenUntil: number;
}

/** searchOrders' createdBefore when Amazon does not echo it: two minutes before the call. */
const AMAZON_LAG_MS = 2 * 60_000;

type MerchantOrders = Omit<OrdersRead, 'lines' | 'orders'> & { open: OpenOrder[] };

function walkMerchantOrders(amazon: SpApiClient, now: number): MerchantOrders {
  const out: MerchantOrders = { open: [], ordered: [], seenUntil: now - AMAZON_LAG_MS };
  // By creation time, not last update: an order whose status changed in Amazon's last two minutes
  // (which searchOrders never returns) would otherwise drop out of the walk for a run.
  const query: SearchOrdersParams = {
    createdAfter: new Date(now - LOOKBACK_MS).toISOString(),
    fulfilledBy: ['MERCHANT'],
    statuses: ['PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'CANCELLED'],
  };
  let first = true;
  paginate(amazon.pages.searchOrders, query, (page) => {
    // Every page answers up to the first page's createdBefore: the token keeps the first query.
    const before = first && page.createdBefore ? Date.parse(page.createdBefore) : NaN;
    if (Number.isFinite(before)) out.seenUntil = before;
    first = false;
    for (const o of page.orders) {
      const status = o.fulfillment?.fulfillmentStatus ?? '';
      const created = Date.parse(o.createdTime);
      const cancelledAt = status === 'CANCELLED' ? Date.parse(o.lastUpdatedTime) : null;
      const items: UnsentOrderLine[] = [];
      for (const it of o.orderItems) {
        const sku = it.product?.sellerSku;
        if (!sku) continue;
        const shipped = it.fulfillment?.quantityFulfilled ?? 0;
        if (Number.isFinite(created) && (cancelledAt === null || Number.isFinite(cancelledAt))) {
          out.ordered.push({ sellerSku: sku, quantity: it.quantityOrdered, shipped, createdAt: created, cancelledAt });
        }
        const unfulfilled = it.fulfillment?.quantityUnfulfilled ?? it.quantityOrdered - shipped;
        if (OPEN_STATUSES.has(status) && unfulfilled > 0) items.push({ sellerSku: sku, quantity: unfulfilled });
      }
      if (items.length) out.open.push({ id: o.orderId, created, items });
    }
  });
  return out;
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

export function readUnsentOrders(amazon: SpApiClient, adapter: ThreePlAdapter, now: number): OrdersRead {
  const { open, ordered, seenUntil } = walkMerchantOrders(amazon, now);
  if (open.length === 0) return { lines: [], orders: 0, ordered, seenUntil };
  const since = Math.min(...open.map((o) => (Number.isFinite(o.created) ? o.created : now))) - 24 * 3600 * 1000;
  const atThreePl = threePlReferences(adapter, since);
  const unsent = open.filter((o) => !atThreePl.has(o.id));
  return { lines: unsent.flatMap((o) => o.items), orders: unsent.length, ordered, seenUntil };
}
