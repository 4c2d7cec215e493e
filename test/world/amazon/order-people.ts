// The people on a simulated order: the buyer and the delivery address, seeded or made up from the
// order id, and the rules deciding which of their personal data Amazon hands out (Orders API
// v2026-01-01, M:orders-api-model/orders_2026-01-01.json Buyer / Recipient / CustomerAddress, and
// "Access Orders PII", https://developer-docs.amazon.com/sp-api/docs/access-orders-pii).

import type { SeedOrder, SeedRecipient } from './scenario';

export interface SimBuyer {
  buyerName: string;
  buyerEmail: string;
}

/**
 * Cities with a real outward postcode, so generated addresses look like what a 3PL gets; the
 * stateOrRegion is the nation, as in the model's own UK example (searchOrders, 200, second example).
 */
const PLACES: ReadonlyArray<readonly [city: string, outward: string, region: string]> = [
  ['London', 'E1', 'England'],
  ['Manchester', 'M1', 'England'],
  ['Leeds', 'LS1', 'England'],
  ['Bristol', 'BS1', 'England'],
  ['Birmingham', 'B1', 'England'],
  ['Glasgow', 'G1', 'Scotland'],
  ['Cardiff', 'CF10', 'Wales'],
  ['Belfast', 'BT1', 'Northern Ireland'],
];

/** Letters Royal Mail uses in the inward part of a postcode (never C, I, K, M, O, V). */
const INWARD = 'ABDEFGHJLNPQRSTUWXYZ';

function digitsOf(orderId: string): string {
  return orderId.replace(/\D/g, '');
}

/**
 * A fake UK delivery address, the same for the same order id, so every world carries personal
 * data a test can look for in the sheet. The phone is in Ofcom's 07700 900xxx range, kept for
 * fiction (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama).
 */
export function generatedRecipient(orderId: string): SeedRecipient {
  const d = digitsOf(orderId);
  const n = Number(d.slice(-7)) || 0;
  const [city, outward, region] = PLACES[n % PLACES.length]!;
  const r: SeedRecipient = {
    name: `Buyer ${d.slice(-4)}`,
    addressLine1: `${(n % 97) + 1} Example Street`,
    city,
    stateOrRegion: region,
    postalCode: `${outward} ${n % 10}${INWARD[n % 20]}${INWARD[Math.floor(n / 20) % 20]}`,
    countryCode: 'GB',
    phone: `+44 7700 900${d.slice(-3).padStart(3, '0')}`,
  };
  // Every other order has a second line, so both shapes are exercised.
  if (n % 2 === 1) r.addressLine2 = `Flat ${(n % 9) + 1}`;
  return r;
}

/**
 * The buyer: seeded fields win; the name defaults to the recipient's (v0's BuyerName is "The buyer
 * name or the recipient name", ordersV0.json BuyerInfo) and the e-mail to an anonymized relay
 * address on the marketplace's domain, as Amazon gives ("The anonymized email address of the
 * buyer", Buyer.buyerEmail; the model's examples use buyer-email@marketplace.amazon.co.uk).
 */
export function resolveBuyer(o: SeedOrder, recipient: SeedRecipient, domain: string): SimBuyer {
  const d = digitsOf(o.orderId);
  return {
    buyerName: o.buyer?.buyerName ?? recipient.name,
    buyerEmail: o.buyer?.buyerEmail ?? `${BigInt(d || '0').toString(36)}@marketplace.${domain}`,
  };
}

/**
 * Statuses for which Amazon gives buyer PII: "The order is in UNSHIPPED, PARTIALLY_SHIPPED, or
 * SHIPPED status" (Access Orders PII, conditions for the buyer's e-mail and name). The shipping
 * address follows the same rule, as Orders v0 documented it: "ShippingAddress is only available
 * for orders with the following status values: Unshipped, PartiallyShipped, Shipped and
 * InvoiceUnconfirmed" (ordersV0.json Order.ShippingAddress).
 */
const PII_STATUSES: ReadonlySet<string> = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

export interface PiiView {
  status: string;
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  /** fulfillment.deliverByWindow.latestDateTime (ms), when known. */
  latestDelivery: number | undefined;
  now: number;
}

/** Order.buyer for includedData=BUYER, or undefined when none of it may be shown. */
export function buyerJson(b: SimBuyer, v: PiiView): Record<string, string> | undefined {
  if (!PII_STATUSES.has(v.status)) return undefined;
  const out: Record<string, string> = { buyerName: b.buyerName };
  // "Only available for merchant-fulfilled (FBM) orders" (Buyer.buyerEmail).
  if (v.fulfilledBy === 'MERCHANT') out.buyerEmail = b.buyerEmail;
  return out;
}

/**
 * Order.recipient for includedData=RECIPIENT. The PII parts (Access Orders PII: name,
 * addressLine1-3, postalCode, phone) only for the statuses above; the rest (city, region, country,
 * company) always, as v0 gave non-PII address parts without a Restricted Data Token.
 */
export function recipientJson(r: SeedRecipient, v: PiiView): Record<string, unknown> {
  const a: Record<string, string> = {};
  const pii = PII_STATUSES.has(v.status);
  if (pii) a.name = r.name;
  if (r.companyName) a.companyName = r.companyName;
  if (pii) {
    a.addressLine1 = r.addressLine1;
    if (r.addressLine2) a.addressLine2 = r.addressLine2;
    if (r.addressLine3) a.addressLine3 = r.addressLine3;
  }
  a.city = r.city;
  if (r.stateOrRegion) a.stateOrRegion = r.stateOrRegion;
  if (pii) a.postalCode = r.postalCode;
  a.countryCode = r.countryCode;
  // CustomerAddress.phone: "suppressed ... [for] All FBA (Fulfillment by Amazon) orders [and]
  // Shipped FBM (Fulfilled by the merchant) orders when current date is past the latest delivery date."
  const pastDelivery = v.status === 'SHIPPED' && v.latestDelivery !== undefined && v.now > v.latestDelivery;
  if (pii && r.phone && v.fulfilledBy === 'MERCHANT' && !pastDelivery) a.phone = r.phone;
  return { deliveryAddress: a };
}
