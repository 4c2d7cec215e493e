// What the stock sync needs from the Orders ledger (docs/design.md §3 "Inventory" step 2 and
// read-back): the units in orders Amazon has and the 3PL has not committed yet, and the order
// lines placed or cancelled, so the read-back can tell a sale from a lost push. From the ledger,
// not from a second search: searchOrders allows one call every 3 minutes.

import type { OrderedLine, UnsentOrderLine } from '../inventory/types';
import type { LedgerRow } from './types';
import { NOT_AT_THREE_PL, OPEN_AMAZON_STATUSES } from './types';

export function unsentFromLedger(rows: ReadonlyArray<LedgerRow>, marketplace: string): { lines: UnsentOrderLine[]; orders: number } {
  const lines: UnsentOrderLine[] = [];
  let orders = 0;
  for (const r of rows) {
    if (r.marketplace !== marketplace || !OPEN_AMAZON_STATUSES.has(r.amazonStatus) || !NOT_AT_THREE_PL.has(r.state)) continue;
    orders++;
    for (const l of r.lines) lines.push({ sellerSku: l.sku, quantity: l.quantity });
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
