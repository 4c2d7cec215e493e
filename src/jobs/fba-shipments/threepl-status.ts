// What the 3PL says about the FBA orders it holds (docs/design.md §3 "FBA replenishment"): status,
// tracking and ship time back into the tab, `sent` → `shipped` once it left, and an order someone
// cancelled at the 3PL itself noted as such. Only orders still waiting to ship, or shipped without
// tracking yet, are asked about: after that nothing the row shows changes at the 3PL.

import { FBA_EDIT_NOTE } from '../../core/fba-shipments/record';
import type { FbaRow } from '../../core/fba-shipments/types';
import type { ThreePlRef } from '../../core/web-links';
import { isOrderFor } from '../../threepl/idempotent';
import { noteShipment } from '../../threepl/page-refs';
import { AdapterError, type OutboundOrder, type ThreePlAdapter } from '../../threepl/types';
import type { FbaRows } from './rows';

const SHIPPED = new Set(['shipped', 'delivered', 'partially_shipped']);

/** The row as the 3PL's order shows it. */
export function withThreePlOrder(row: FbaRow, o: OutboundOrder, threePlName: string): FbaRow {
  const live = o.shipments.filter((s) => s.status !== 'cancelled');
  const tracking = [...new Set(live.flatMap((s) => s.trackingNumbers))];
  const times = live.map((s) => (s.shippedAt ? Date.parse(s.shippedAt) : NaN)).filter(Number.isFinite);
  const next: FbaRow = {
    ...row,
    threePlOrderId: o.externalId,
    threePlStatus: o.rawStatus || o.status,
    tracking: tracking.length ? tracking : row.tracking,
    shipped: times.length ? Math.min(...times) : row.shipped,
  };
  const shipped = SHIPPED.has(o.status) || live.some((s) => SHIPPED.has(s.status));
  if (shipped && (row.state === 'sent' || row.state === 'sending' || row.state === 'unknown')) {
    next.state = 'shipped';
    next.shipped ??= Date.parse(o.updatedAt ?? '') || null;
    next.note = '';
  } else if (o.status === 'cancelled' && row.state === 'sent') {
    next.state = 'cancelled';
    next.note = `Cancelled at ${threePlName}, not by the add-on. Tick Send from 3PL again only after checking with ${threePlName}: it keeps the reference ${row.shipmentId}.`;
  }
  return next;
}

/**
 * The row's 3PL order, followed only when it is this shipment's (its reference is the FBA shipment
 * id, as every FBA order the add-on makes or adopts has). A 3PL Order ID typed over (a typo, another
 * FBA shipment's or a customer order's id) is never reported on or cancelled as if it were this
 * one: the shipment's own order is looked up by reference instead and put back, and `fix` says so
 * (FBA_SHIPMENT_INVALID); with none at the 3PL the row is as if never sent (its tick sends it, after
 * the create's own look-up). `undecided`: the look-up could not answer, so nothing is changed.
 */
export function ownOrder(adapter: ThreePlAdapter, row: FbaRow, threePlName: string): { order: OutboundOrder | null; fix?: Partial<FbaRow> } | { undecided: string } {
  const typed = row.threePlOrderId;
  const o = typed ? adapter.getOrder(typed) : null;
  if (o && isOrderFor(o, row.shipmentId)) return { order: o };
  const found = adapter.findOrderByReference(row.shipmentId);
  if (found.kind === 'indeterminate') return { undecided: found.reason };
  const why = o ? `${threePlName}'s order ${typed} has reference ${o.primaryReference || '(none)'}, not this shipment's` : `${threePlName} has no order ${typed}`;
  const said = `${FBA_EDIT_NOTE} the 3PL Order ID cell of FBA shipment ${row.shipmentId} reads "${typed}", but ${why}`;
  if (found.kind === 'found') {
    return { order: found.order, fix: { threePlOrderId: found.order.externalId, note: `${said}. ${threePlName}'s order ${found.order.externalId} with reference ${row.shipmentId} was put back; the add-on writes this cell.` } };
  }
  return {
    order: null,
    fix: {
      threePlOrderId: '',
      threePlStatus: '',
      state: row.send ? 'sending' : 'open',
      note: `${said}, and ${threePlName} holds no order with reference ${row.shipmentId}: it is worked on as never sent${row.send ? ' (ticked: created once, after a look-up)' : ''}. The add-on writes this cell.`,
    },
  };
}

export function needsThreePlLook(r: FbaRow): boolean {
  if (!r.threePlOrderId) return false;
  return r.state === 'sent' || (r.state === 'shipped' && r.tracking.length === 0);
}

/** `shipmentsSeen`: FBA shipment id → its 3PL shipment, for the run's exceptions (their link to the 3PL page). */
/** `idsPutBack`: FBA shipment id → the Note saying its typed 3PL Order ID was put right this run, kept by the cancel step. */
export function syncThreePlStatus(ctx: { adapter: ThreePlAdapter; threePlName: string; shipmentsSeen?: Map<string, ThreePlRef>; idsPutBack?: Map<string, string> }, rows: FbaRows): number {
  let looked = 0;
  for (const r of rows.rows.filter(needsThreePlLook)) {
    const own = ownOrder(ctx.adapter, r, ctx.threePlName);
    looked++;
    if ('undecided' in own) {
      rows.update(r.shipmentId, { note: `${ctx.threePlName} does not show order ${r.threePlOrderId} as this shipment's, and looking its reference up failed (${own.undecided}); tried again next run.` });
      // The 3PL failed a lookup even after retries: the rows after this one would each wait through the same.
      throw new AdapterError('UPSTREAM', own.undecided);
    }
    if (own.fix) {
      rows.update(r.shipmentId, own.fix);
      if (own.fix.note) ctx.idsPutBack?.set(r.shipmentId, own.fix.note);
    }
    const o = own.order;
    if (!o) continue;
    noteShipment(ctx.shipmentsSeen, r.shipmentId, ctx.adapter.provider, o);
    rows.update(r.shipmentId, withThreePlOrder(rows.get(r.shipmentId)!, o, ctx.threePlName));
  }
  return looked;
}
