// What the stock sync needs from the Orders ledger (docs/design.md §3 "Inventory" step 2 and
// read-back): the units in orders Amazon has and the 3PL has not committed yet, and the order
// lines placed or cancelled, so the read-back can tell a sale from a lost push. From the ledger,
// not from a second search: searchOrders allows one call every 3 minutes.

import type { OrderedLine, UnsentOrderLine } from '../inventory/types';
import type { LedgerRow } from './types';
import { NOT_AT_THREE_PL, OPEN_AMAZON_STATUSES } from './types';

function isUnsent(r: LedgerRow): boolean {
  return OPEN_AMAZON_STATUSES.has(r.amazonStatus) && NOT_AT_THREE_PL.has(r.state);
}

/**
 * What a stock read over several runs notes as it begins: the orders unsent then, and how far the
 * ledger had seen Amazon's orders (`since`, ms), since orders placed after that were not known yet.
 */
export interface WalkOrders {
  unsentIds: string[];
  since: number;
}

/** The marketplace, or every marketplace of the list (their orders take from one 3PL pool). */
const inList = (marketplaces: string | readonly string[]) => {
  const set = new Set(typeof marketplaces === 'string' ? [marketplaces] : marketplaces);
  return (r: LedgerRow) => set.has(r.marketplace);
};

export function walkOrdersNow(rows: ReadonlyArray<LedgerRow>, marketplaces: string | readonly string[], since: number): WalkOrders {
  const mine = inList(marketplaces);
  return { unsentIds: rows.filter((r) => mine(r) && isUnsent(r)).map((r) => r.orderId), since };
}

/** searchOrders shows an order up to two minutes after it is placed (sp-api.md §2.2). */
const AMAZON_LAG_MS = 2 * 60_000;

/**
 * Pages a stock read over several runs took before an order reached the 3PL do not show its units
 * committed. Such an order still counts unless Amazon cancelled it or it shipped before the read
 * began: one unsent as the read began, or one the ledger had not seen yet then.
 */
function missedByWalk(r: LedgerRow, walk: { orders: WalkOrders; startedAt: number; unsent: ReadonlySet<string> }): boolean {
  if (r.amazonStatus === 'CANCELLED') return false;
  if (r.shippedAt !== null && r.shippedAt < walk.startedAt) return false;
  return walk.unsent.has(r.orderId) || (r.purchaseDate !== null && r.purchaseDate >= walk.orders.since - AMAZON_LAG_MS);
}

/**
 * `marketplaces`: one, or every marketplace whose orders the 3PL ships (a DE order not yet at the 3PL
 * takes from the same pool as a UK one); each line says its marketplace. `walk`: set when the 3PL
 * stock was read over several runs (see missedByWalk).
 */
export function unsentFromLedger(rows: ReadonlyArray<LedgerRow>, marketplaces: string | readonly string[], walk?: { orders: WalkOrders; startedAt: number }): { lines: UnsentOrderLine[]; orders: number } {
  const seen = walk ? { ...walk, unsent: new Set(walk.orders.unsentIds) } : null;
  const mine = inList(marketplaces);
  const lines: UnsentOrderLine[] = [];
  let orders = 0;
  for (const r of rows) {
    if (!mine(r)) continue;
    const counted = isUnsent(r) || (seen !== null && missedByWalk(r, seen));
    if (!counted) continue;
    orders++;
    for (const l of r.lines) lines.push({ sellerSku: l.sku, quantity: l.quantity, marketplace: r.marketplace });
  }
  return { lines, orders };
}

/**
 * Every ledger order's lines for the read-back. A cancellation whose time was not recorded is
 * taken as immediate (it then nets out with the sale), which never makes a push look applied.
 */
export function orderedFromLedger(rows: ReadonlyArray<LedgerRow>, marketplace: string, cancelledAt: ReadonlyMap<string, number>): OrderedLine[] {
  const out: OrderedLine[] = [];
  for (const r of rows) {
    if (r.marketplace !== marketplace || r.purchaseDate === null) continue;
    const cancelled = r.amazonStatus === 'CANCELLED' ? (cancelledAt.get(r.orderId) ?? r.purchaseDate) : null;
    const shipped = r.amazonStatus === 'SHIPPED';
    for (const l of r.lines) out.push({ sellerSku: l.sku, quantity: l.quantity, shipped: shipped ? l.quantity : 0, createdAt: r.purchaseDate, cancelledAt: cancelled });
  }
  return out;
}
