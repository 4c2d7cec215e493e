// create-order body validation as ShipBob documents it: every required field, minLength,
// maxLength, enum, type and format of spec 2026-01 Orders.CreateOrderModel and the models it uses
// (Orders.RecipientInfoViewModel, Orders.AddressViewModel, Orders.AddProductToOrderByReferenceIdModel,
// Orders.AddProductToOrderByProductIdModel, Orders.AddProductToOrderModel, Orders.TagViewModel,
// Orders.Financials, Orders.ShippingTermsViewModel, Orders.RetailerProgramDataViewModel,
// Orders.RetailerProgramDataAddressViewModel), plus the FBA guide's rules for type "FBA"
// (developer.shipbob.com/guides/amazon-fba). Answers the 400 body shape the spec declares
// (Orders.Post.Api.Order.Bad.Request.Object: field → messages). Keys are the model paths and the
// messages ASP.NET's default validation wording [inferred: ShipBob publishes no example beyond the
// shape]. Each rule is listed in docs/shipbob-simulator.md ("create-order validation").

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** 2026-01 Orders.OrderType, plus "FBA" from the FBA guide (the spec's enum omits it). */
export const ORDER_TYPES = ['DTC', 'DropShip', 'B2B', 'FBA'];
/** 2026-01 Orders.SalesChannel (in 2025-07 a free string of at most 100 characters). */
const SALES_CHANNELS = ['amazon', 'bigcommerce', 'ebay', 'faire', 'macy', 'magento', 'shein', 'shopify', 'squarespace', 'targetplus', 'temu', 'tiktok', 'unleashed', 'walmart', 'woocommerce'];
const CARRIER_TYPES = ['Parcel', 'Freight'];
const PAYMENT_TERMS = ['Collect', 'ThirdParty', 'Prepaid', 'MerchantResponsible'];
/** FBA guide: "Prepaid" if ShipBob provides labels; "MerchantResponsible" if you upload your own. */
const FBA_PAYMENT_TERMS = ['Prepaid', 'MerchantResponsible'];
/** FBA guide: retailer_program_type "FBA-Manual" is "Required to route the order through the FBA Manual flow". */
export const FBA_RETAILER_PROGRAM = 'FBA-Manual';
const ADDRESS_TYPES = ['MarkFor', 'ShipFrom'];
const INT32_MAX = 2147483647;

/** RFC 3339 date-time (`format: date-time`): date, time and offset, and a real calendar date. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
/** `format: email`: local part, "@", a domain with a dot; no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isDateTime(v: string): boolean {
  const m = DATE_TIME.exec(v);
  if (!m || !Number.isFinite(Date.parse(v))) return false;
  // Date.parse rolls 2026-02-30 over; the calendar date must exist.
  const d = new Date(`${m[1]}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === m[1];
}

class Errors {
  readonly map: Record<string, string[]> = {};
  add(field: string, msg: string): void {
    (this.map[field] ??= []).push(msg);
  }
  get any(): boolean {
    return Object.keys(this.map).length > 0;
  }
}

const last = (field: string) => field.split('.').pop()!.replace(/\[\d+\]$/, '');
const required = (field: string) => `The ${last(field)} field is required.`;
const notConvertible = (type: string) => `The JSON value could not be converted to ${type}.`;

interface StringRule {
  required?: boolean;
  /** minLength 1 on a required string: "" is refused like a missing value. */
  min?: number;
  max?: number;
  nullable?: boolean;
  format?: 'email' | 'date-time';
  enumOf?: string[];
}

/** One string property: presence, JSON type, minLength, maxLength, enum, format. */
function checkString(e: Errors, field: string, v: unknown, r: StringRule): void {
  if (v === undefined || (v === null && r.nullable !== false)) {
    if (r.required) e.add(field, required(field));
    return;
  }
  if (v === null) {
    e.add(field, required(field));
    return;
  }
  if (typeof v !== 'string') {
    e.add(field, notConvertible(r.format === 'date-time' ? 'System.DateTime' : 'System.String'));
    return;
  }
  if (r.format === 'date-time') {
    if (!isDateTime(v)) e.add(field, notConvertible('System.DateTime'));
    return;
  }
  // .NET's RequiredAttribute, behind the spec's `required`, counts a whitespace-only string as
  // missing [inferred: the spec can only say minLength 1].
  if (r.required && v.trim().length === 0) {
    e.add(field, required(field));
    return;
  }
  if (r.min !== undefined && v.length < r.min) e.add(field, `The field ${last(field)} must be a string or array type with a minimum length of '${r.min}'.`);
  if (r.max !== undefined && v.length > r.max) e.add(field, `The field ${last(field)} must be a string with a maximum length of ${r.max}.`);
  if (r.format === 'email' && !EMAIL.test(v)) e.add(field, `The ${last(field)} field is not a valid e-mail address.`);
  if (r.enumOf && r.enumOf.indexOf(v) < 0) e.add(field, `The value '${v}' is not valid for ${last(field)}.`);
}

function checkInt(e: Errors, field: string, v: unknown, r: { required?: boolean; min?: number }): void {
  if (v === undefined || v === null) {
    if (r.required) e.add(field, required(field));
    return;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > INT32_MAX) {
    e.add(field, notConvertible('System.Int32'));
    return;
  }
  if (r.min !== undefined && v < r.min) e.add(field, `The field ${last(field)} must be between ${r.min} and ${INT32_MAX}.`);
}

function checkNumber(e: Errors, field: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) e.add(field, notConvertible('System.Decimal'));
}

function checkAddress(e: Errors, at: string, v: unknown, opts: { typed: boolean }): void {
  if (!isObj(v)) {
    e.add(at, v === undefined || v === null ? required(at) : notConvertible('AddressViewModel'));
    return;
  }
  // Orders.AddressViewModel: address1, city, country required with minLength 1; the rest nullable strings.
  checkString(e, `${at}.Address1`, v.address1, { required: true, min: 1, nullable: false });
  checkString(e, `${at}.City`, v.city, { required: true, min: 1, nullable: false });
  checkString(e, `${at}.Country`, v.country, { required: true, min: 1, nullable: false });
  for (const [k, name] of [['address2', 'Address2'], ['company_name', 'CompanyName'], ['state', 'State'], ['zip_code', 'ZipCode']] as const) {
    checkString(e, `${at}.${name}`, v[k], {});
  }
  // Orders.RetailerProgramDataAddressViewModel adds a required `type` (Orders.AddressType).
  if (opts.typed) checkString(e, `${at}.Type`, v.type, { required: true, nullable: false, enumOf: ADDRESS_TYPES });
}

function checkRecipient(e: Errors, v: unknown): void {
  if (!isObj(v)) {
    e.add('Recipient', v === undefined || v === null ? required('Recipient') : notConvertible('RecipientInfoViewModel'));
    return;
  }
  checkString(e, 'Recipient.Name', v.name, { required: true, min: 1, max: 300, nullable: false });
  checkAddress(e, 'Recipient.Address', v.address, { typed: false });
  checkString(e, 'Recipient.Email', v.email, { format: 'email' });
  checkString(e, 'Recipient.PhoneNumber', v.phone_number, { max: 50 });
}

function checkProducts(e: Errors, v: unknown): void {
  if (v === undefined || v === null) {
    e.add('Products', required('Products'));
    return;
  }
  if (!Array.isArray(v)) {
    e.add('Products', notConvertible('System.Collections.Generic.List'));
    return;
  }
  if (v.length < 1) e.add('Products', "The field Products must be a string or array type with a minimum length of '1'.");
  v.forEach((p, i) => {
    const at = `Products[${i}]`;
    if (!isObj(p)) {
      e.add(at, notConvertible('AddProductToOrderModel'));
      return;
    }
    // Orders.AddProductToOrderModel.quantity: int32, 1..2147483647, required by both line models.
    if (p.quantity === undefined || p.quantity === null) e.add(`${at}.Quantity`, required('Quantity'));
    else if (typeof p.quantity !== 'number' || !Number.isInteger(p.quantity)) e.add(`${at}.Quantity`, notConvertible('System.Int32'));
    else if (p.quantity < 1 || p.quantity > INT32_MAX) e.add(`${at}.Quantity`, `The field Quantity must be between 1 and ${INT32_MAX}.`);
    checkInt(e, `${at}.ExternalLineId`, p.external_line_id, {});
    checkString(e, `${at}.QuantityUnitOfMeasureCode`, p.quantity_unit_of_measure_code, {});
    if (p.id !== undefined && p.id !== null) {
      // Orders.AddProductToOrderByProductIdModel (its `required` says product_id and id; the property is `id`).
      checkInt(e, `${at}.Id`, p.id, { required: true });
      return;
    }
    // Orders.AddProductToOrderByReferenceIdModel.
    checkString(e, `${at}.ReferenceId`, p.reference_id, { required: true, min: 1, nullable: false });
    checkString(e, `${at}.Name`, p.name, {});
    checkString(e, `${at}.Sku`, p.sku, {});
    checkNumber(e, `${at}.UnitPrice`, p.unit_price);
    checkString(e, `${at}.Gtin`, p.gtin, { max: 50 });
    checkString(e, `${at}.Upc`, p.upc, { max: 50 });
  });
}

function checkTags(e: Errors, v: unknown): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v)) {
    e.add('Tags', notConvertible('System.Collections.Generic.List'));
    return;
  }
  v.forEach((t, i) => {
    const at = `Tags[${i}]`;
    if (!isObj(t)) {
      e.add(at, notConvertible('TagViewModel'));
      return;
    }
    // Orders.TagViewModel: name 1–50, value 1–500, both required.
    checkString(e, `${at}.Name`, t.name, { required: true, min: 1, max: 50, nullable: false });
    checkString(e, `${at}.Value`, t.value, { required: true, min: 1, max: 500, nullable: false });
  });
}

function checkShippingTerms(e: Errors, v: unknown, fba: boolean): void {
  if (v === undefined || v === null) {
    if (fba) e.add('ShippingTerms', 'ShippingTerms is required for FBA orders.');
    return;
  }
  if (!isObj(v)) {
    e.add('ShippingTerms', notConvertible('ShippingTermsViewModel'));
    return;
  }
  checkString(e, 'ShippingTerms.CarrierType', v.carrier_type, { required: fba, enumOf: CARRIER_TYPES });
  checkString(e, 'ShippingTerms.PaymentTerm', v.payment_term, { required: fba, enumOf: fba ? FBA_PAYMENT_TERMS : PAYMENT_TERMS });
}

function checkRetailerProgramData(e: Errors, v: unknown, fba: boolean): void {
  const at = 'RetailerProgramData';
  if (v === undefined || v === null) {
    if (fba) e.add(at, `RetailerProgramData with retailer_program_type "${FBA_RETAILER_PROGRAM}" is required for FBA orders.`);
    return;
  }
  if (!isObj(v)) {
    e.add(at, notConvertible('RetailerProgramDataViewModel'));
    return;
  }
  // The spec's `required` names purchaseOrderNumber and retailerProgramType, which are not property
  // names; the snake_case properties (minLength 1) are what the FBA guide sends and are required here.
  checkString(e, `${at}.PurchaseOrderNumber`, v.purchase_order_number, { required: true, min: 1, nullable: false });
  checkString(e, `${at}.RetailerProgramType`, v.retailer_program_type, { required: true, min: 1, nullable: false });
  if (fba && typeof v.retailer_program_type === 'string' && v.retailer_program_type && v.retailer_program_type !== FBA_RETAILER_PROGRAM) {
    e.add(`${at}.RetailerProgramType`, `FBA orders need retailer_program_type "${FBA_RETAILER_PROGRAM}".`);
  }
  for (const [k, name] of [['customer_ticket_number', 'CustomerTicketNumber'], ['department', 'Department'], ['mark_for_store', 'MarkForStore']] as const) {
    checkString(e, `${at}.${name}`, v[k], {});
  }
  for (const [k, name] of [['delivery_date', 'DeliveryDate'], ['doNotShipBeforeDate', 'DoNotShipBeforeDate'], ['shipByDate', 'ShipByDate']] as const) {
    checkString(e, `${at}.${name}`, v[k], { format: 'date-time' });
  }
  if (v.addresses === undefined || v.addresses === null) return;
  if (!Array.isArray(v.addresses)) {
    e.add(`${at}.Addresses`, notConvertible('System.Collections.Generic.List'));
    return;
  }
  v.addresses.forEach((a, i) => checkAddress(e, `${at}.Addresses[${i}]`, a, { typed: true }));
}

/**
 * The 400 field map for a create-order body, or null when it is valid. `version` picks the spec:
 * 2025-07's CreateOrderModel does not list `type` as required (its `required` array names
 * referenceId/shippingMethod, again not the property names) and its sales_channel is a free string
 * of at most 100 characters instead of 2026-01's Orders.SalesChannel enum.
 */
export function validateCreateOrder(b: unknown, version: string): Record<string, string[]> | null {
  const e = new Errors();
  if (!isObj(b)) {
    e.add('', 'A non-empty request body is required.');
    return e.map;
  }
  const v2025 = version < '2026-01';
  checkString(e, 'ReferenceId', b.reference_id, { required: true, min: 1, max: 300, nullable: false });
  checkString(e, 'OrderNumber', b.order_number, { max: 400 });
  checkString(e, 'ShippingMethod', b.shipping_method, { required: true, min: 1, nullable: false });
  checkString(e, 'Type', b.type, { required: !v2025, nullable: false, enumOf: ORDER_TYPES });
  checkString(e, 'GiftMessage', b.gift_message, { max: 500 });
  checkString(e, 'OriginPlatformProgram', b.origin_platform_program, { max: 100 });
  checkString(e, 'PurchaseDate', b.purchase_date, { format: 'date-time' });
  checkString(e, 'RequestedDeliveryDate', b.requested_delivery_date, { format: 'date-time' });
  if (v2025) checkString(e, 'SalesChannel', b.sales_channel, { max: 100 });
  else if (typeof b.sales_channel === 'string' && SALES_CHANNELS.indexOf(b.sales_channel.toLowerCase()) < 0) {
    e.add('SalesChannel', `The value '${b.sales_channel}' is not valid for SalesChannel.`);
  } else checkString(e, 'SalesChannel', b.sales_channel, {});
  checkInt(e, 'LocationId', b.location_id, {});
  if (b.financials !== undefined && b.financials !== null) {
    if (!isObj(b.financials)) e.add('Financials', notConvertible('Financials'));
    else checkNumber(e, 'Financials.TotalPrice', b.financials.total_price);
  }
  checkRecipient(e, b.recipient);
  checkProducts(e, b.products);
  checkTags(e, b.tags);
  const fba = b.type === 'FBA';
  // FBA guide, key fields: location_id "Required"; shipping_terms and retailer_program_data as listed.
  if (fba && (b.location_id === undefined || b.location_id === null)) e.add('LocationId', 'LocationId is required for FBA orders.');
  checkShippingTerms(e, b.shipping_terms, fba);
  checkRetailerProgramData(e, b.retailer_program_data, fba);
  return e.any ? e.map : null;
}
