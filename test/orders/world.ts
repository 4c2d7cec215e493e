// A small orders world for flow tests through the bundle: two FBM offers with ShipBob stock, a Carrier
// Map row for Royal Mail Tracked 48, dry-run pushes, and ShipBob shipping two hours after an order.

import type { InventoryWorld, OrderSeed } from '../inventory/builder';

export const RM = ['Royal Mail', '', 'Royal Mail', '', 'Tracked 48', ''];

/** The n-th Amazon order id of these tests. */
export const id = (n: number) => `202-${String(1000000 + n)}-0000001`;

export function order(n: number, items: OrderSeed['items'], over: Partial<OrderSeed> = {}): OrderSeed {
  return { orderId: id(n), created: '2026-11-02T07:30:00Z', latestShipDate: '2026-11-04T23:00:00Z', items, ...over };
}

export function ordersWorld(over: Partial<InventoryWorld> = {}): InventoryWorld {
  return {
    offers: [
      { sku: 'TEE-M', onHand: 30 },
      { sku: 'MUG-1', onHand: 30 },
    ],
    settings: { 'Push mode': 'dry-run' },
    carrierMap: [RM],
    threePlBehaviour: { shipAfter: '2h', carrier: 'Royal Mail', service: 'Tracked 48' },
    ...over,
  };
}

/** CAP-9: an FBM offer whose SKU Map row names no 3PL SKU, so its orders are held (ORDER_HELD) until the row gets one. */
export const HELD_CAP = {
  extraMapRows: [['CAP-9', 'UK', 'FBM', '', '', '', '', '', '', '', '', '']],
  extraListings: [{ sku: 'CAP-9', channel: 'FBM' as const, quantity: 3 }],
  extraThreePl: [{ sku: 'SB-CAP-9', onHand: 5 }],
} satisfies Partial<InventoryWorld>;

/** A Carrier Map whose only row misspells the 3PL's carrier ("Royal Mial"): shipped orders wait for their confirmation. */
export const CARRIER_TYPO = [['Royal Mial', '', 'Royal Mail', '', 'Tracked 48', '']];
