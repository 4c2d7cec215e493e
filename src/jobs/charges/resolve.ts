// Which order each charged shipment belongs to. A ShipBob charge names the shipment, not the order
// (spec 2026-01 Billing.TransactionDtoV3 reference_type "Shipment", reference_id the shipment id),
// so the orders changed since a little before the earliest charge are read once (the adapter's
// listOrdersChangedSince: pages of up to 250 orders, each with its shipments) rather than one call
// per shipment; the order's 3PL id is looked up in the ledgers first, its own reference second.

import type { ChargeLedgers } from '../../core/charges/types';
import type { ThreePlAdapter } from '../../threepl/types';

/** Charges are dated when the label is bought; an order is last updated at or after that. */
const LOOKBACK_DAYS = 2;

/** Shipment id → the reference the ledgers know the order by; `complete` false when the read was cut short. */
export function resolveShipments(
  threePl: ThreePlAdapter,
  shipmentIds: ReadonlySet<string>,
  earliestDay: string,
  ledgers: ChargeLedgers,
): { refs: Map<string, string>; complete: boolean; orders: number } {
  const refs = new Map<string, string>();
  if (shipmentIds.size === 0) return { refs, complete: true, orders: 0 };
  const since = new Date(Date.parse(`${earliestDay}T00:00:00Z`) - LOOKBACK_DAYS * 86_400_000).toISOString();
  const got = threePl.listOrdersChangedSince(since);
  for (const o of got.orders) {
    const ref = ledgers.ordersByThreePlId.get(o.externalId) ?? ledgers.fbaByThreePlId.get(o.externalId) ?? o.primaryReference;
    for (const s of o.shipments) if (shipmentIds.has(s.externalId) && ref) refs.set(s.externalId, ref);
  }
  return { refs, complete: got.complete, orders: got.orders.length };
}
