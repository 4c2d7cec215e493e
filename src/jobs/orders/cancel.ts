// Amazon cancellations carried to the 3PL (docs/design.md §3 "Orders" step 4): an order the 3PL has
// not shipped is cancelled there; one it has shipped is `cancel-too-late` (ORDER_STUCK for a
// person). An order whose create was in doubt is looked up by reference first.

import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import type { ThreePlAdapter } from '../../threepl/types';
import type { Ledger } from './ledger';
import { withThreePl } from './threepl-status';

const SHIPPED = new Set(['shipped', 'delivered', 'partially_shipped']);

export function cancelOrders(ctx: { adapter: ThreePlAdapter; threePlName: string }, ledger: Ledger): { cancelled: number; tooLate: number } {
  const counts = { cancelled: 0, tooLate: 0 };
  const todo = ledger.rows.filter((r) => r.amazonStatus === 'CANCELLED' && ['sent', 'sending', 'unknown', 'shipped', 'confirmed'].includes(r.state));
  for (const row of todo) {
    const id = row.orderId;
    if (row.state === 'shipped' || row.state === 'confirmed') {
      ledger.update(id, { state: 'cancel-too-late', note: `Cancelled on Amazon after ${ctx.threePlName} shipped it.` });
      counts.tooLate++;
      continue;
    }
    try {
      let externalId = row.threePlOrderId;
      if (!externalId) {
        const found = ctx.adapter.findOrderByReference(id);
        if (found.kind === 'indeterminate') {
          ledger.update(id, { note: `Cancelled on Amazon; could not check ${ctx.threePlName} this run (${found.reason}).` });
          continue;
        }
        if (found.kind === 'absent') {
          ledger.update(id, { state: 'cancelled', note: `Cancelled on Amazon; ${ctx.threePlName} never had it.` });
          counts.cancelled++;
          continue;
        }
        ledger.set(withThreePl(ledger.get(id)!, found.order));
        externalId = found.order.externalId;
        if (SHIPPED.has(found.order.status)) {
          ledger.update(id, { state: 'cancel-too-late', note: `Cancelled on Amazon after ${ctx.threePlName} shipped it.` });
          counts.tooLate++;
          continue;
        }
      }
      const res = ctx.adapter.cancelOrder(externalId, `Cancelled on Amazon (order ${id})`);
      if (res.status === 'cancelled' || res.status === 'not_found') {
        ledger.update(id, { state: 'cancelled', threePlOrderId: externalId, threePlStatus: res.status === 'cancelled' ? 'Cancelled' : ledger.get(id)!.threePlStatus, note: res.status === 'cancelled' ? `Cancelled on Amazon and at ${ctx.threePlName}.` : `Cancelled on Amazon; ${ctx.threePlName} no longer has order ${externalId}.` });
        counts.cancelled++;
        continue;
      }
      // Not cancellable: shipped (too late) or being picked (try again next run).
      const now = ctx.adapter.getOrder(externalId);
      if (now) ledger.set(withThreePl(ledger.get(id)!, now));
      if (now && SHIPPED.has(now.status)) {
        ledger.update(id, { state: 'cancel-too-late', note: `Cancelled on Amazon after ${ctx.threePlName} shipped it.` });
        counts.tooLate++;
      } else {
        ledger.update(id, { note: `Cancelled on Amazon; ${ctx.threePlName} could not cancel it yet (${res.messages.join('; ')}). Tried again next run.` });
      }
    } catch (e) {
      if (e instanceof DeadlineExceeded) throw e;
      if (e instanceof RemoteError && e.retryable) {
        ledger.update(id, { note: `Cancelled on Amazon; ${ctx.threePlName} could not be reached to cancel it (${e.message}). Tried again next run.` });
        continue;
      }
      throw e;
    }
  }
  return counts;
}
