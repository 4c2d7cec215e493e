// The create-order body sent to ShipBob (spec 2026-01 Orders.CreateOrderModel) from our normalised
// request, with Amazon's data cleaned to what the spec accepts (clean.ts), and the problems
// that hold an order before anything is sent. FBA replenishment follows ShipBob's FBA guide where
// it and the spec disagree (developer.shipbob.com/guides/amazon-fba; see fbaFields).

import type { Address, OutboundOrderRequest } from '../types';
import { cleanEmail, cleanText, locationId, MAX, toDateTime } from './clean';

/**
 * The guide's order type for FBA Manual orders. The spec's `Orders.OrderType` enum lists only DTC,
 * DropShip and B2B (2026-01 and 2025-07); the guide's key-field table says `type: "FBA"`.
 */
const FBA_ORDER_TYPE = 'FBA';
/** "Required to route the order through the FBA Manual flow" (FBA guide, key fields). */
const FBA_RETAILER_PROGRAM = 'FBA-Manual';
/**
 * "Include the RequiresAmazonProductLabels tag if items need Amazon product labels"; its value "is
 * not used by ShipBob" (FBA guide), yet TagViewModel.value has minLength 1.
 */
const AMAZON_LABELS_TAG = 'RequiresAmazonProductLabels';

function orderType(kind: OutboundOrderRequest['kind']): string {
  if (kind === 'fba_replenishment') return FBA_ORDER_TYPE;
  if (kind === 'b2b') return 'B2B';
  return 'DTC';
}

/** Address lines, cleaned; a blank first line lets the next one move up (Amazon leaves AddressLine1 empty in some marketplaces). */
function addressLines(a: Address): string[] {
  return [a.line1, a.line2, a.line3].map((l) => cleanText(l)).filter((l): l is string => l !== undefined);
}

/**
 * What would make ShipBob refuse the order and cannot be cleaned away. Each message names the field,
 * never its value: names and addresses are the buyer's personal data.
 */
export function checkOrderRequest(req: OutboundOrderRequest): string[] {
  const problems: string[] = [];
  const ref = req.primaryReference ?? '';
  // The reference is the order's identity at ShipBob: it is never trimmed or cut.
  if (!ref.trim() || ref.length > MAX.referenceId) problems.push(`reference_id must be 1–${MAX.referenceId} characters`);
  if (!req.lines.length) problems.push('an order needs at least one line');
  req.lines.forEach((l, i) => {
    if (!l.sku || !l.sku.trim()) problems.push(`line ${i + 1} has no SKU (products.reference_id is required)`);
    else if (!(l.quantity >= 1) || Math.floor(l.quantity) !== l.quantity) problems.push(`quantity for ${l.sku} must be a whole number ≥ 1`);
  });
  if (!cleanText(req.serviceLevel)) problems.push('shipping_method (service level) is required');
  const a = req.shipTo;
  if (!cleanText(a.name)) problems.push('the ship-to name is empty (recipient.name is required)');
  if (!addressLines(a).length) problems.push('the ship-to address has no street line (recipient.address.address1 is required)');
  if (!cleanText(a.city)) problems.push('the ship-to city is empty (recipient.address.city is required)');
  if (!cleanText(a.countryIso2)) problems.push('the ship-to country is empty (recipient.address.country is required)');
  if (req.warehouseHint !== undefined && locationId(req.warehouseHint) === undefined) {
    problems.push('the ShipBob location (location_id) must be a location number');
  }
  if (req.kind === 'fba_replenishment') {
    // FBA guide: "location_id — Required. Must match the ShipBob FC you are shipping inventory from".
    if (!req.warehouseHint) problems.push('an FBA replenishment order needs the ShipBob location (location_id)');
    if (!req.fba || !cleanText(req.fba.shipmentId)) problems.push('an FBA replenishment order needs its FBA shipment id (retailer_program_data.purchase_order_number)');
  }
  return problems;
}

function addressFields(a: Address): Record<string, string> {
  const lines = addressLines(a);
  const out: Record<string, string> = { address1: lines[0] ?? '' };
  const rest = lines.slice(1).join(', ');
  if (rest) out.address2 = rest;
  const optional: Array<[string, string | undefined]> = [
    ['company_name', cleanText(a.company)],
    ['city', cleanText(a.city)],
    ['state', cleanText(a.region)],
    ['zip_code', cleanText(a.postcode)],
    ['country', cleanText(a.countryIso2)?.toUpperCase()],
  ];
  for (const [k, v] of optional) if (v !== undefined) out[k] = v;
  return out;
}

function tagsOf(req: OutboundOrderRequest): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const raw of Object.keys(req.tags)) {
    const name = cleanText(raw, MAX.tagName);
    let value = cleanText(req.tags[raw], MAX.tagValue);
    if (name === AMAZON_LABELS_TAG && value === undefined) value = 'true';
    if (name !== undefined && value !== undefined) out.push({ name, value });
  }
  return out;
}

/**
 * FBA Manual fields as the guide lists them (developer.shipbob.com/guides/amazon-fba, "Key Fields"):
 * shipping_terms {carrier_type Parcel|Freight, payment_term Prepaid (ShipBob buys labels) |
 * MerchantResponsible (Amazon's labels uploaded)}, and retailer_program_data {retailer_program_type
 * "FBA-Manual", purchase_order_number, shipByDate, addresses [{type "MarkFor", the destination
 * Amazon FC}]}. Where the spec differs: Orders.RetailerProgramDataViewModel names its required
 * properties `purchaseOrderNumber`/`retailerProgramType`, which are not its property names (the
 * properties are snake_case), and leaves retailer_program_type free text; the guide's snake_case
 * names and "FBA-Manual" are sent. Orders.PaymentShipTerm also allows Collect and ThirdParty; the
 * guide allows only the two used here. Amazon gives no separate purchase order number for an
 * inbound shipment, so the shipment id is sent as it [inferred].
 */
function fbaFields(req: OutboundOrderRequest, fba: NonNullable<OutboundOrderRequest['fba']>): Record<string, unknown> {
  const rpd: Record<string, unknown> = {
    retailer_program_type: FBA_RETAILER_PROGRAM,
    purchase_order_number: cleanText(fba.shipmentId),
    addresses: [{ type: 'MarkFor', ...addressFields(req.shipTo) }],
  };
  const shipBy = toDateTime(req.requiredShipBy);
  if (shipBy) rpd.shipByDate = shipBy;
  return {
    shipping_terms: {
      carrier_type: fba.carrierType === 'freight' ? 'Freight' : 'Parcel',
      payment_term: fba.labelsBy === '3pl' ? 'Prepaid' : 'MerchantResponsible',
    },
    retailer_program_data: rpd,
  };
}

/** The body for POST /order. Call only when checkOrderRequest found nothing. */
export function buildCreateOrderBody(req: OutboundOrderRequest): Record<string, unknown> {
  const a = req.shipTo;
  const recipient: Record<string, unknown> = { name: cleanText(a.name, MAX.recipientName), address: addressFields(a) };
  const email = cleanEmail(a.email);
  if (email) recipient.email = email;
  const phone = cleanText(a.phone, MAX.phone);
  if (phone) recipient.phone_number = phone;
  const body: Record<string, unknown> = {
    reference_id: req.primaryReference,
    order_number: cleanText(req.secondaryReference, MAX.orderNumber) ?? req.primaryReference,
    type: orderType(req.kind),
    shipping_method: cleanText(req.serviceLevel),
    recipient,
    // By reference_id (the SKU) as ShipBob recommends; the name lets ShipBob create an unknown product.
    products: req.lines.map((l) => {
      const p: Record<string, unknown> = { reference_id: l.sku, name: cleanText(l.name) ?? l.sku, quantity: l.quantity };
      // `unit_price` is a number (format double); a price that is not one is left out.
      if (typeof l.unitPrice === 'number' && Number.isFinite(l.unitPrice)) p.unit_price = l.unitPrice;
      return p;
    }),
  };
  const tags = tagsOf(req);
  if (tags.length) body.tags = tags;
  const purchased = toDateTime(req.purchaseDate);
  if (purchased) body.purchase_date = purchased;
  const loc = locationId(req.warehouseHint);
  if (loc !== undefined) body.location_id = loc;
  if (req.kind === 'mfn') {
    // Spec 2026-01 Orders.SalesChannel enum includes "amazon"; origin_platform_program ≤ 100.
    body.sales_channel = 'amazon';
    body.origin_platform_program = 'FBM';
  }
  if (req.kind === 'fba_replenishment' && req.fba) Object.assign(body, fbaFields(req, req.fba));
  return body;
}
