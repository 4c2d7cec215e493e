// The 3PL's own ids of what an exception is about, taken from what a job read (an order's shipments,
// a receipt), so the Exceptions tab can link the Entity to that page at the 3PL (core/web-links).

import type { RaisedException } from '../core/exceptions';
import type { ThreePlRef } from '../core/web-links';
import type { OutboundOrder, ProviderId } from './types';

/**
 * The order's shipment to open: the first one not cancelled, else the first. ShipBob creates an
 * order's shipment with the order (Orders.OrderViewModel.shipments, openapi-2026-01.json), and its
 * web app addresses an order by that shipment's id.
 */
export function shipmentRef(provider: ProviderId, order: Pick<OutboundOrder, 'shipments'>): ThreePlRef | undefined {
  const s = order.shipments.find((x) => x.status !== 'cancelled') ?? order.shipments[0];
  return s?.externalId ? { provider, kind: 'shipment', id: s.externalId } : undefined;
}

/**
 * Notes `order`'s shipment (shipmentRef) under `id` in `seen`, the map a job collects for its
 * problems' links; nothing when the job collects none or the order has no shipment to open.
 */
export function noteShipment(seen: Map<string, ThreePlRef> | undefined, id: string, provider: ProviderId, order: Pick<OutboundOrder, 'shipments'>): void {
  if (!seen) return;
  const ref = shipmentRef(provider, order);
  if (ref) seen.set(id, ref);
}

/** A receipt (ShipBob: a warehouse receiving order, WRO) by its id. */
export function receivingRef(provider: ProviderId, receiptId: string): ThreePlRef | undefined {
  return receiptId ? { provider, kind: 'receiving', id: receiptId } : undefined;
}

/** A shipment by its id (a charge names the shipment it pays for). */
export function shipmentIdRef(provider: ProviderId, shipmentId: string): ThreePlRef | undefined {
  return shipmentId ? { provider, kind: 'shipment', id: shipmentId } : undefined;
}

/** `raised` with each problem `refOf` knows a 3PL page for linked to that page; the others as they are. */
export function withThreePlRefs(raised: readonly RaisedException[], refOf: (e: RaisedException) => ThreePlRef | undefined): RaisedException[] {
  return raised.map((e) => {
    const ref = refOf(e);
    return ref ? { ...e, threePlRef: ref } : e;
  });
}
