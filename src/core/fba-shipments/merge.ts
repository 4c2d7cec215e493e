// Amazon's view of each FBA shipment merged into the tab's rows (docs/design.md §3 "FBA
// replenishment"): new shipments are added unticked; a known one takes Amazon's plan, destination,
// status, items and received units; what people typed (the tick) and the 3PL's side stay as they are.

import type { AmazonShipmentView, FbaRow } from './types';
import { AMAZON_ARRIVED, AMAZON_DEAD } from './types';

function newRow(v: AmazonShipmentView): FbaRow {
  return {
    shipmentId: v.shipmentId,
    plan: v.plan,
    destination: v.destination,
    amazonStatus: v.status,
    items: v.items ?? [],
    send: false,
    threePlOrderId: '',
    threePlStatus: '',
    tracking: [],
    shipped: null,
    received: v.received ?? [],
    state: 'open',
    note: v.plan ? '' : "Made in Seller Central's old workflow (read from Fulfillment Inbound v0).",
  };
}

/**
 * The state that follows from Amazon's status once the 3PL has shipped: checked in, closed, or
 * cancelled under the boxes' feet (FBA_SHIPMENT_CANCELLED).
 */
export function afterArrival(row: FbaRow, receivedRead = false): FbaRow {
  if (row.state !== 'shipped' && row.state !== 'receiving') return row;
  if (AMAZON_DEAD.has(row.amazonStatus)) return { ...row, state: 'amazon-cancelled' };
  // Closed (and compared) only with the final received counts in hand, read after Amazon closed it.
  if (row.amazonStatus === 'CLOSED' && receivedRead) return { ...row, state: 'closed' };
  if (AMAZON_ARRIVED.has(row.amazonStatus)) return { ...row, state: 'receiving' };
  return row;
}

/** Rows in their order, new shipments added at the end. */
export function mergeAmazon(rows: ReadonlyArray<FbaRow>, views: ReadonlyArray<AmazonShipmentView>): FbaRow[] {
  const out = [...rows];
  const at = new Map<string, number>();
  out.forEach((r, i) => at.set(r.shipmentId, i));
  for (const v of views) {
    const i = at.get(v.shipmentId);
    if (i === undefined) {
      at.set(v.shipmentId, out.length);
      out.push(afterArrival(newRow(v), v.received !== undefined));
      continue;
    }
    const r = out[i]!;
    const next: FbaRow = {
      ...r,
      plan: v.plan || r.plan,
      destination: v.destination || r.destination,
      amazonStatus: v.status || r.amazonStatus,
      items: v.items && v.items.length ? v.items : r.items,
      received: v.received ?? r.received,
    };
    out[i] = afterArrival(next, v.received !== undefined);
  }
  return out;
}
