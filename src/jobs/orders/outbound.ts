// An Amazon order as the 3PL order the adapter creates (3pl-apis.md §6 OutboundOrderRequest): the
// reference is the Amazon order id, lines are the SKU Map's 3PL SKUs with Amazon's quantities, the
// recipient passes through from Amazon in memory only. Also the scrub that keeps a 3PL's echo of
// the buyer's details out of the ledger's Note.

import type { Order } from '../../amazon/schemas/orders';
import type { MappedLine } from '../../core/orders/lines';
import type { Address, OutboundOrderRequest } from '../../threepl/types';

/**
 * Amazon's fulfillmentServiceLevel (orders_2026-01-01.json OrderFulfillment) → the shipping method
 * names ShipBob accounts start with (Standard, Expedited, 2-Day, Overnight); unknown levels ship
 * Standard rather than hold the order.
 */
const SERVICE: Record<string, string> = {
  STANDARD: 'Standard',
  FREE_ECONOMY: 'Standard',
  SCHEDULED: 'Standard',
  EXPEDITED: 'Expedited',
  PRIORITY: 'Expedited',
  SECOND_DAY: '2-Day',
  NEXT_DAY: 'Overnight',
  SAME_DAY: 'Overnight',
};

export function serviceLevel(amazonLevel: string | undefined): string {
  return SERVICE[(amazonLevel ?? '').toUpperCase()] ?? 'Standard';
}

/** The delivery address, or null when Amazon gave none (the app lacks the shipping-address role). */
export function recipientOf(o: Order): Address | null {
  const a = o.recipient?.deliveryAddress;
  if (!a || !a.addressLine1 || !a.countryCode) return null;
  return {
    name: a.name ?? '',
    company: a.companyName,
    line1: a.addressLine1,
    line2: a.addressLine2,
    line3: a.addressLine3,
    city: a.city ?? '',
    region: a.stateOrRegion,
    postcode: a.postalCode ?? '',
    countryIso2: a.countryCode,
    phone: a.phone,
    email: o.buyer?.buyerEmail,
  };
}

export function outboundRequest(o: Order, shipTo: Address, lines: ReadonlyArray<MappedLine>, latestShipDate: number | null): OutboundOrderRequest {
  const price = new Map(o.orderItems.map((i) => [i.product?.sellerSku ?? '', i.product?.price?.unitPrice] as const));
  return {
    primaryReference: o.orderId,
    kind: 'mfn',
    shipTo,
    lines: lines.map((l) => {
      const p = price.get(l.sellerSku);
      const amount = p ? Number(p.amount) : NaN;
      return { sku: l.threePlSku, quantity: l.quantity, ...(Number.isFinite(amount) ? { unitPrice: amount, currency: p!.currencyCode } : {}) };
    }),
    serviceLevel: serviceLevel(o.fulfillment?.fulfillmentServiceLevel),
    purchaseDate: o.createdTime,
    ...(latestShipDate !== null ? { requiredShipBy: new Date(latestShipDate).toISOString() } : {}),
    tags: { amazon_order_id: o.orderId },
  };
}

/** A 3PL message with the buyer's own details blanked: the ledger's Note must never carry them. */
export function scrubBuyer(text: string, shipTo: Address | null): string {
  if (!shipTo) return text;
  const values = [shipTo.name, shipTo.company, shipTo.line1, shipTo.line2, shipTo.line3, shipTo.phone, shipTo.email, shipTo.postcode]
    .filter((v): v is string => !!v && v.trim().length >= 3)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of values) out = out.split(v.trim()).join('[buyer detail]');
  return out;
}
