// Amazon cancellations carried to the 3PL (docs/design.md §3 "Orders" step 4): an order the 3PL has
// not shipped is cancelled there; one it has shipped is `cancel-too-late` (ORDER_STUCK for a
// person). An order whose create was in doubt is looked up by reference first. Only Amazon cancels:
// an Amazon Status cell that says CANCELLED when no read of Amazon did (typed over) is checked with
// Amazon first, and put back when Amazon still expects the order shipped (ORDER_EDIT_INVALID).

import type { SpApiClient } from '../../amazon/client';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import type { LedgerRow } from '../../core/orders/types';
import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError, threePlUnreachable } from '../../ports/errors';
import type { ThreePlRef } from '../../core/web-links';
import { isOrderFor } from '../../threepl/idempotent';
import { noteShipment } from '../../threepl/page-refs';
import { AdapterError, type OutboundOrder, type ThreePlAdapter } from '../../threepl/types';
import type { Ledger } from './ledger';
import { withThreePl } from './threepl-status';
import { orderView } from '../reads/amazon-orders';
import { getOrderWaitTooLong } from './order-pace';

const SHIPPED = new Set(['shipped', 'delivered', 'partially_shipped']);

/** Live shipments the 3PL has not shipped yet. */
function openShipments(o: OutboundOrder): number {
  return o.shipments.filter((s) => s.status !== 'cancelled' && !SHIPPED.has(s.status)).length;
}

function anyShipped(o: OutboundOrder): boolean {
  return o.shipments.some((s) => SHIPPED.has(s.status)) || SHIPPED.has(o.status);
}

/**
 * Whether Amazon itself shows the order cancelled, for a row whose CANCELLED no read of Amazon gave:
 * 'yes'; 'no' (the cell was put back to Amazon's status, with a Note that raises ORDER_EDIT_INVALID);
 * or 'unknown' (Amazon not readable now: nothing is cancelled this run).
 */
function amazonCancelled(ctx: { amazon: SpApiClient; threePlName: string; edits?: LedgerRow[] }, ledger: Ledger, row: LedgerRow): 'yes' | 'no' | 'unknown' {
  const wait = (why: string) => {
    ledger.update(row.orderId, { note: `Amazon Status says CANCELLED, but Amazon could not be asked this run (${why}), so nothing was cancelled at ${ctx.threePlName}; asked again next run.` });
    return 'unknown' as const;
  };
  if (getOrderWaitTooLong(ctx.amazon)) return wait("Amazon's rate limit for order details");
  let status: string;
  try {
    status = orderView(ctx.amazon.getOrder(row.orderId), row.marketplace).status;
  } catch (e) {
    // Any answer but the order's own leaves it as it is: a cell is never reason enough to cancel.
    if (e instanceof RemoteError) return wait(e.message);
    throw e;
  }
  if (status === 'CANCELLED') return 'yes';
  const edited = ledger.update(row.orderId, {
    amazonStatus: status,
    note:
      `${EDIT_NOTE} the Amazon Status cell of order ${row.orderId} read "CANCELLED", but Amazon's order is ${status || 'not cancelled'}: Amazon's status was put back and nothing was cancelled at ${ctx.threePlName}. ` +
      'Amazon Status is for reading only; cancel an order in Seller Central (the next orders run then cancels it at the 3PL).',
  })!;
  ctx.edits?.push(edited);
  return 'no';
}

export function cancelOrders(
  ctx: {
    adapter: ThreePlAdapter;
    threePlName: string;
    /** Reference → the shipment that went anyway, for ORDER_STUCK's link to it at the 3PL. */
    shipmentsSeen?: Map<string, ThreePlRef>;
    amazon: SpApiClient;
    /** Whether a read of Amazon (this run's, or the recent cancellations it recorded) showed the order cancelled. */
    cancelledOnAmazon(orderId: string): boolean;
    /** Rows whose Amazon Status cell was put back this run (their Note says so), for ORDER_EDIT_INVALID. */
    edits?: LedgerRow[];
  },
  ledger: Ledger,
  /** Counted into as the step goes, so a run cut or stopped part-way still says what it did and what is left. */
  counts: CancelCounts = { cancelled: 0, tooLate: 0 },
): CancelCounts {
  // Not carried over this run (Amazon or the 3PL could not be asked, or the 3PL could not cancel yet): the run says so.
  const left = () => void (counts.cancelLeft = (counts.cancelLeft ?? 0) + 1);
  const todo = ledger.rows.filter((r) => r.amazonStatus === 'CANCELLED' && ['sent', 'sending', 'unknown', 'shipped', 'confirmed'].includes(r.state));
  let i = 0;
  try {
    for (; i < todo.length; i++) cancelOne(ctx, ledger, todo[i]!, counts, left);
  } catch (e) {
    // Cut by the time budget, or the 3PL stopped answering: this cancellation and those after it are
    // not carried over, and the run must say so (until they are, the 3PL may ship them), not only the
    // Notes. Each would only wait through the same silence again.
    if (e instanceof DeadlineExceeded || threePlUnreachable(e)) {
      left();
      const why = e instanceof DeadlineExceeded ? "this run's time ran out" : `${ctx.threePlName} did not answer about an earlier one`;
      for (const rest of todo.slice(i + 1)) {
        if (!ctx.cancelledOnAmazon(rest.orderId)) continue;
        ledger.update(rest.orderId, { note: `Cancelled on Amazon; not carried over to ${ctx.threePlName} this run (${why}). Tried again next run.` });
        left();
      }
    }
    throw e;
  }
  return counts;
}

export interface CancelCounts {
  cancelled: number;
  tooLate: number;
  cancelLeft?: number;
}

function cancelOne(ctx: Parameters<typeof cancelOrders>[0], ledger: Ledger, row: LedgerRow, counts: CancelCounts, left: () => void): void {
  const name = ctx.threePlName;
  const id = row.orderId;
  // A buyer's order is never cancelled at the 3PL on the word of a cell alone.
  if (!ctx.cancelledOnAmazon(id)) {
    const said = amazonCancelled(ctx, ledger, row);
    if (said === 'unknown') left();
    if (said !== 'yes') return;
  }
  const tooLate = (note: string) => {
    ledger.update(id, { state: 'cancel-too-late', note });
    counts.tooLate++;
  };
  try {
    let order: OutboundOrder | null = null;
    // Only this Amazon order's own 3PL order is cancelled: a 3PL Order ID typed over with another
    // order's id (a typo, another buyer's order) names an order whose reference is not this one, so
    // it is looked past and this order's is found by its reference, as for a row with no id.
    const named = row.threePlOrderId ? ctx.adapter.getOrder(row.threePlOrderId) : null;
    if (named && isOrderFor(named, id)) order = named;
    else {
      const found = ctx.adapter.findOrderByReference(id);
      if (found.kind === 'indeterminate') {
        // As a 3PL that does not answer: this one's Note says so below, and those after it wait too (cancelOrders).
        throw new AdapterError('UPSTREAM', found.reason);
      }
      if (found.kind === 'found') order = found.order;
    }
    if (!order || order.status === 'cancelled') {
      ledger.update(id, { state: 'cancelled', ...(order ? { threePlOrderId: order.externalId, threePlStatus: order.rawStatus || 'Cancelled' } : {}), note: order ? `Cancelled on Amazon and at ${name}.` : `Cancelled on Amazon; ${name} does not have it.` });
      counts.cancelled++;
      return;
    }
    ledger.set(withThreePl(ledger.get(id)!, order));
    // Whatever has not shipped is cancelled at the 3PL, even when part of the order already went.
    if (openShipments(order) > 0) {
      const res = ctx.adapter.cancelOrder(order.externalId, `Cancelled on Amazon (order ${id})`);
      const after = ctx.adapter.getOrder(order.externalId) ?? order;
      ledger.set(withThreePl(ledger.get(id)!, after));
      if (openShipments(after) > 0) {
        ledger.update(id, { note: `Cancelled on Amazon; ${name} could not cancel it yet (${res.messages.join('; ')}). Tried again next run.` });
        left();
        return;
      }
      order = after;
    }
    if (anyShipped(order)) noteShipment(ctx.shipmentsSeen, id, ctx.adapter.provider, order);
    if (anyShipped(order)) tooLate(`Cancelled on Amazon after ${name} shipped ${openShipments(order) === 0 && order.shipments.some((s) => s.status === 'cancelled') ? 'part of it (the rest was cancelled there)' : 'it'}.`);
    else {
      ledger.update(id, { state: 'cancelled', threePlOrderId: order.externalId, threePlStatus: 'Cancelled', note: `Cancelled on Amazon and at ${name}.` });
      counts.cancelled++;
    }
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e;
    if (e instanceof RemoteError && e.retryable) {
      ledger.update(id, { note: `Cancelled on Amazon; ${name} could not be reached to cancel it (${e.message}). Tried again next run.` });
    }
    throw e;
  }
}
