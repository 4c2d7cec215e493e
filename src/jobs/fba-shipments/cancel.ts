// Unticking `Send from 3PL` before the 3PL ships cancels the 3PL order, and so does Amazon
// cancelling or deleting the shipment (docs/design.md §3 "FBA replenishment"). A create whose answer
// was lost is looked up by reference first; one the 3PL has shipped cannot be called back, so the
// row stays `shipped` and says so (an Amazon-cancelled one becomes FBA_SHIPMENT_CANCELLED).

import type { FbaRow } from '../../core/fba-shipments/types';
import { AMAZON_DEAD, AT_THREE_PL_UNSHIPPED, unticked } from '../../core/fba-shipments/types';
import type { ThreePlRef } from '../../core/web-links';
import { noteShipment } from '../../threepl/page-refs';
import { AdapterError, type OutboundOrder, type ThreePlAdapter } from '../../threepl/types';
import type { FbaRows } from './rows';
import { ownOrder, withThreePlOrder } from './threepl-status';

const SHIPPED = new Set(['shipped', 'delivered', 'partially_shipped']);

function unshippedLeft(o: OutboundOrder): boolean {
  return !SHIPPED.has(o.status) && o.status !== 'cancelled' && !o.shipments.some((s) => SHIPPED.has(s.status));
}

/** Why the row's 3PL order should not go ahead; null when it should. */
function cancelReason(r: FbaRow): string | null {
  if (AMAZON_DEAD.has(r.amazonStatus)) return `Amazon ${r.amazonStatus === 'DELETED' ? 'deleted' : 'cancelled'} the shipment`;
  // Words in the cell instead of a tick are no untick: nothing is called back on a guess (FBA_SHIPMENT_INVALID).
  if (unticked(r)) return 'Send from 3PL was unticked';
  return null;
}

/** Rows that were ticked but never reached the 3PL: nothing to call back. */
function settleUnsent(rows: FbaRows): void {
  for (const r of rows.rows) {
    if (r.state !== 'ready' && r.state !== 'held') continue;
    const why = cancelReason(r);
    if (!why) continue;
    rows.update(r.shipmentId, AMAZON_DEAD.has(r.amazonStatus) ? { state: 'cancelled', note: `${why} before it was sent; nothing was sent.` } : { state: 'open', note: '' });
  }
}

const TOO_LATE = 'it cannot be called back';

/** `shipmentsSeen`: FBA shipment id → the 3PL shipment that went anyway (FBA_SHIPMENT_CANCELLED links to it). */
/** `tally` is counted into as the step goes, so a step stopped part-way (the 3PL not answering) still says what it did. */
export function cancelFbaOrders(ctx: { adapter: ThreePlAdapter; threePlName: string; shipmentsSeen?: Map<string, ThreePlRef>; idsPutBack?: ReadonlyMap<string, string> }, rows: FbaRows, tally: { cancelled: number } = { cancelled: 0 }): { cancelled: number } {
  settleUnsent(rows);
  const name = ctx.threePlName;
  // Unticked once the boxes left: said on the row, since nothing the add-on does can change it.
  for (const r of rows.rows) {
    if (unticked(r) && (r.state === 'shipped' || r.state === 'receiving') && !r.note.includes(TOO_LATE)) rows.update(r.shipmentId, { note: `Send from 3PL was unticked after ${name} shipped it: ${TOO_LATE}.` });
  }
  for (const r of rows.rows.filter((x) => AT_THREE_PL_UNSHIPPED.has(x.state) && cancelReason(x) !== null)) {
    const id = r.shipmentId;
    const why = cancelReason(r)!;
    let order: OutboundOrder | null = null;
    // A typed-over 3PL Order ID put right stays said in the Note (FBA_SHIPMENT_INVALID), whatever follows.
    let said = ctx.idsPutBack?.get(id) ?? '';
    const note = (text: string) => (said ? `${said} ${text}` : text);
    if (r.threePlOrderId) {
      // Only this shipment's own order is ever cancelled, never the one a typed-over id names.
      const own = ownOrder(ctx.adapter, r, name);
      if ('undecided' in own) {
        rows.update(id, { note: `${why}; could not check ${name} this run (${own.undecided}). Tried again next run.` });
        // The 3PL failed a lookup even after retries: the rest would each wait through the same .
        throw new AdapterError('UPSTREAM', own.undecided);
      }
      if (own.fix) rows.update(id, own.fix);
      said = own.fix?.note ?? said;
      order = own.order;
    } else {
      const found = ctx.adapter.findOrderByReference(id);
      if (found.kind === 'indeterminate') {
        rows.update(id, { note: `${why}; could not check ${name} this run (${found.reason}). Tried again next run.` });
        throw new AdapterError('UPSTREAM', found.reason);
      }
      if (found.kind === 'found') order = found.order;
    }
    if (!order) {
      rows.update(id, AMAZON_DEAD.has(r.amazonStatus) ? { state: 'cancelled', note: note(`${why}; ${name} never had it.`) } : { state: 'open', note: note(`${why}; ${name} never had it.`) });
      continue;
    }
    if (unshippedLeft(order)) {
      const res = ctx.adapter.cancelOrder(order.externalId, `${why} (FBA shipment ${id})`);
      order = ctx.adapter.getOrder(order.externalId) ?? order;
      if (order.status !== 'cancelled') {
        rows.update(id, { ...withThreePlOrder(rows.get(id)!, order, name), note: note(`${why}; ${name} could not cancel it yet (${res.messages.join('; ')}). Tried again next run.`) });
        continue;
      }
    }
    if (order.status === 'cancelled') {
      rows.update(id, { threePlOrderId: order.externalId, threePlStatus: order.rawStatus || 'Cancelled', state: 'cancelled', note: note(`${why}; cancelled at ${name}.`) });
      tally.cancelled++;
      continue;
    }
    // Shipped before the cancel could reach it.
    noteShipment(ctx.shipmentsSeen, id, ctx.adapter.provider, order);
    rows.update(id, { ...withThreePlOrder(rows.get(id)!, order, name), note: note(`${why} after ${name} shipped it: ${TOO_LATE}.`) });
  }
  return tally;
}
