// Which Amazon order items one 3PL shipment carries (docs/design.md §3 "Orders" step 5): a split
// shipment confirms only its own items, so each package tells Amazon what is in it. 3PL lines are
// matched back to Amazon items through the SKU Map's 3PL SKU, never beyond what Amazon still
// expects (ordered − shipped).

import type { AmazonOrderItem } from './types';

export interface ShipmentLine {
  /** 3PL SKU. */
  sku: string;
  quantity: number;
}

export interface PackageItem {
  orderItemId: string;
  quantity: number;
}

/**
 * The items of `shipment`. `onlyShipmentLeft`: no other unconfirmed shipment of the order exists,
 * so when the 3PL's lines cannot be matched (no line detail, a bundle shipped as its components)
 * the package is everything Amazon still expects. null: the items cannot be told apart safely.
 */
export function packageItems(
  items: ReadonlyArray<AmazonOrderItem>,
  shipment: ReadonlyArray<ShipmentLine>,
  threePlSkuOf: (sellerSku: string) => string | null,
  onlyShipmentLeft: boolean,
): PackageItem[] | null {
  const open = items.map((i) => ({ item: i, left: Math.max(0, i.quantity - i.shipped), take: 0 }));
  let unmatched = false;
  for (const line of shipment) {
    let qty = line.quantity;
    for (const o of open) {
      if (qty <= 0) break;
      if (o.left - o.take <= 0 || threePlSkuOf(o.item.sku) !== line.sku) continue;
      const n = Math.min(qty, o.left - o.take);
      o.take += n;
      qty -= n;
    }
    if (qty > 0) unmatched = true;
  }
  const matched = open.filter((o) => o.take > 0).map((o) => ({ orderItemId: o.item.orderItemId, quantity: o.take }));
  if (onlyShipmentLeft && (unmatched || matched.length === 0)) {
    const all = open.filter((o) => o.left > 0).map((o) => ({ orderItemId: o.item.orderItemId, quantity: o.left }));
    return all.length ? all : null;
  }
  if (unmatched || matched.length === 0) return null;
  return matched;
}

/**
 * The 3PL order asks for the goods Amazon's order holds: each of its lines matches an item Amazon
 * ordered. Only then may an unmatched shipment (a bundle shipped as its components) be confirmed as
 * everything left: an order that asks for other goods (its lines changed by hand) must never tell
 * Amazon the buyer's items shipped. A 3PL that lists no order lines says nothing either way.
 */
export function orderAsksForAmazonItems(
  items: ReadonlyArray<AmazonOrderItem>,
  orderLines: ReadonlyArray<ShipmentLine>,
  threePlSkuOf: (sellerSku: string) => string | null,
): boolean {
  const lines = orderLines.filter((l) => l.sku && l.quantity > 0);
  return lines.length === 0 || packageItems(items.map((i) => ({ ...i, shipped: 0 })), lines, threePlSkuOf, false) !== null;
}

/**
 * A numeric packageReferenceId (Amazon accepts positive numbers only, jlevers/selling-partner-api#489)
 * that is the same for the same shipment every time, so a repeat is recognised by Amazon's packages.
 */
export function packageReference(shipmentId: string): string {
  if (/^[1-9]\d{0,14}$/.test(shipmentId)) return shipmentId;
  let h = 0;
  for (let i = 0; i < shipmentId.length; i++) h = (h * 31 + shipmentId.charCodeAt(i)) % 900_000_000_000;
  return String(100_000_000_000 + h);
}
