// What the 3PL says about the FBA orders it holds (docs/design.md §3 "FBA replenishment"): status,
// tracking and ship time back into the tab, `sent` → `shipped` once it left, and an order someone
// cancelled at the 3PL itself noted as such. Only orders still waiting to ship, or shipped without
// tracking yet, are asked about: after that nothing the row shows changes at the 3PL.

import type { FbaRow } from '../../core/fba-shipments/types';
import type { ThreePlRef } from '../../core/web-links';
import { noteShipment } from '../../threepl/page-refs';
import type { OutboundOrder, ThreePlAdapter } from '../../threepl/types';
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

export function needsThreePlLook(r: FbaRow): boolean {
  if (!r.threePlOrderId) return false;
  return r.state === 'sent' || (r.state === 'shipped' && r.tracking.length === 0);
}

/** `shipmentsSeen`: FBA shipment id → its 3PL shipment, for the run's exceptions (their link to the 3PL page). */
export function syncThreePlStatus(ctx: { adapter: ThreePlAdapter; threePlName: string; shipmentsSeen?: Map<string, ThreePlRef> }, rows: FbaRows): number {
  let looked = 0;
  for (const r of rows.rows.filter(needsThreePlLook)) {
    const o = ctx.adapter.getOrder(r.threePlOrderId);
    looked++;
    if (!o) {
      rows.update(r.shipmentId, { note: `${ctx.threePlName} does not show order ${r.threePlOrderId} any more.` });
      continue;
    }
    noteShipment(ctx.shipmentsSeen, r.shipmentId, ctx.adapter.provider, o);
    rows.update(r.shipmentId, withThreePlOrder(rows.get(r.shipmentId)!, o, ctx.threePlName));
  }
  return looked;
}
