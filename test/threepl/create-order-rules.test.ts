// The simulator's create-order validation, one row per rule of the 2026-01 spec's
// Orders.CreateOrderModel (and the models it uses) plus the FBA guide's rules for type "FBA": each
// body breaks exactly one rule and must get ShipBob's 400 field map naming that field, with nothing
// created. The valid bodies must be accepted, so every rejection is the rule's doing.
import { describe, expect, it } from 'vitest';
import { nodeHttp } from '../world/node-ports';
import { rig } from './harness';

type Body = Record<string, unknown>;

const VALID: Body = {
  reference_id: '202-1111111-0000001',
  order_number: '202-1111111-0000001',
  type: 'DTC',
  shipping_method: 'Standard',
  recipient: {
    name: 'A Buyer',
    email: 'buyer@example.com',
    phone_number: '0113 496 0000',
    address: { address1: '1 High St', address2: 'Flat 2', company_name: 'Acme', city: 'Leeds', state: 'West Yorkshire', zip_code: 'LS1 1AA', country: 'GB' },
  },
  products: [{ reference_id: 'MUG', name: 'Mug', quantity: 1, unit_price: 9.5, gtin: '05012345678900', upc: '012345678905', external_line_id: 1 }],
  tags: [{ name: 'marketplace', value: 'UK' }],
  purchase_date: '2026-11-01T10:00:00Z',
  sales_channel: 'amazon',
  origin_platform_program: 'FBM',
  gift_message: 'Happy birthday',
  financials: { total_price: 9.5 },
};

/** An FBA Manual order as the FBA guide's key-field table describes it. */
const VALID_FBA: Body = {
  reference_id: 'FBA15XYZ0001',
  type: 'FBA',
  shipping_method: 'Standard',
  location_id: 10,
  recipient: { name: 'Amazon BHX4', address: { address1: 'Plot 1 Ryton Road', city: 'Coventry', zip_code: 'CV8 3AG', country: 'GB' } },
  products: [{ reference_id: 'TEE-L', name: 'Tee L', quantity: 2 }],
  purchase_date: '2026-11-01T10:00:00Z',
  shipping_terms: { carrier_type: 'Parcel', payment_term: 'MerchantResponsible' },
  retailer_program_data: {
    retailer_program_type: 'FBA-Manual',
    purchase_order_number: 'FBA15XYZ0001',
    shipByDate: '2026-11-05T00:00:00Z',
    addresses: [{ type: 'MarkFor', address1: 'Plot 1 Ryton Road', city: 'Coventry', zip_code: 'CV8 3AG', country: 'GB' }],
  },
};

const DEL = Symbol('delete');

/** A deep copy of `base` with `path` ("recipient.address.city", "products.0.quantity") set or deleted. */
function edit(base: Body, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Body;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const lastKey = keys[keys.length - 1]!;
  if (value === DEL) delete at[lastKey];
  else at[lastKey] = value;
  return copy;
}

function post(r: ReturnType<typeof rig>, body: unknown, version = '2026-01') {
  const res = nodeHttp(r.network, r.clock).fetch({
    url: `https://api.shipbob.com/${version}/order`,
    method: 'post',
    headers: { Authorization: 'Bearer rules-token', shipbob_channel_id: '100001' },
    contentType: 'application/json',
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : null };
}

const x = (n: number) => 'x'.repeat(n);

// [rule, base body, path, value, the field the 400 must name]
const CASES: Array<[string, Body, string, unknown, string]> = [
  ['reference_id required', VALID, 'reference_id', DEL, 'ReferenceId'],
  ['reference_id minLength 1', VALID, 'reference_id', '', 'ReferenceId'],
  ['reference_id maxLength 300', VALID, 'reference_id', x(301), 'ReferenceId'],
  ['reference_id is a string', VALID, 'reference_id', 2021111110, 'ReferenceId'],
  ['order_number maxLength 400', VALID, 'order_number', x(401), 'OrderNumber'],
  ['order_number is a string', VALID, 'order_number', 42, 'OrderNumber'],
  ['shipping_method required', VALID, 'shipping_method', DEL, 'ShippingMethod'],
  ['shipping_method minLength 1', VALID, 'shipping_method', '', 'ShippingMethod'],
  ['type required (2026-01)', VALID, 'type', DEL, 'Type'],
  ['type is not nullable', VALID, 'type', null, 'Type'],
  ['type enum', VALID, 'type', 'Wholesale', 'Type'],
  ['gift_message maxLength 500', VALID, 'gift_message', x(501), 'GiftMessage'],
  ['origin_platform_program maxLength 100', VALID, 'origin_platform_program', x(101), 'OriginPlatformProgram'],
  ['purchase_date format date-time (words)', VALID, 'purchase_date', 'yesterday', 'PurchaseDate'],
  ['purchase_date format date-time (no such day)', VALID, 'purchase_date', '2026-02-30T10:00:00Z', 'PurchaseDate'],
  ['purchase_date format date-time (date only)', VALID, 'purchase_date', '2026-11-01', 'PurchaseDate'],
  ['purchase_date is a string', VALID, 'purchase_date', 1793527200000, 'PurchaseDate'],
  ['requested_delivery_date format date-time', VALID, 'requested_delivery_date', 'soon', 'RequestedDeliveryDate'],
  ['sales_channel enum (2026-01)', VALID, 'sales_channel', 'Amazon Marketplace', 'SalesChannel'],
  ['location_id is an integer, not a string', VALID, 'location_id', '10', 'LocationId'],
  ['location_id is an integer, not a fraction', VALID, 'location_id', 10.5, 'LocationId'],
  ['financials.total_price is a number', VALID, 'financials.total_price', '9.50', 'Financials.TotalPrice'],
  ['recipient required', VALID, 'recipient', DEL, 'Recipient'],
  ['recipient.name required', VALID, 'recipient.name', DEL, 'Recipient.Name'],
  ['recipient.name minLength 1', VALID, 'recipient.name', '', 'Recipient.Name'],
  ['recipient.name maxLength 300', VALID, 'recipient.name', x(301), 'Recipient.Name'],
  ['recipient.email format email (empty)', VALID, 'recipient.email', '', 'Recipient.Email'],
  ['recipient.email format email (no @)', VALID, 'recipient.email', 'buyer.example.com', 'Recipient.Email'],
  ['recipient.email format email (space)', VALID, 'recipient.email', 'a buyer@example.com', 'Recipient.Email'],
  ['recipient.phone_number maxLength 50', VALID, 'recipient.phone_number', '0'.repeat(51), 'Recipient.PhoneNumber'],
  ['recipient.address required', VALID, 'recipient.address', DEL, 'Recipient.Address'],
  ['address1 minLength 1', VALID, 'recipient.address.address1', '', 'Recipient.Address.Address1'],
  ['city required', VALID, 'recipient.address.city', DEL, 'Recipient.Address.City'],
  ['country minLength 1', VALID, 'recipient.address.country', '', 'Recipient.Address.Country'],
  ['zip_code is a string', VALID, 'recipient.address.zip_code', 12345, 'Recipient.Address.ZipCode'],
  ['products required', VALID, 'products', DEL, 'Products'],
  ['products minItems 1', VALID, 'products', [], 'Products'],
  ['a product line is an object', VALID, 'products.0', 'MUG', 'Products[0]'],
  ['quantity required', VALID, 'products.0.quantity', DEL, 'Products[0].Quantity'],
  ['quantity minimum 1', VALID, 'products.0.quantity', 0, 'Products[0].Quantity'],
  ['quantity is an integer', VALID, 'products.0.quantity', 1.5, 'Products[0].Quantity'],
  ['quantity is a number, not a string', VALID, 'products.0.quantity', '2', 'Products[0].Quantity'],
  ['products reference_id minLength 1', VALID, 'products.0.reference_id', '', 'Products[0].ReferenceId'],
  ['unit_price is a number, not a string', VALID, 'products.0.unit_price', '9.50', 'Products[0].UnitPrice'],
  ['gtin maxLength 50', VALID, 'products.0.gtin', '1'.repeat(51), 'Products[0].Gtin'],
  ['upc maxLength 50', VALID, 'products.0.upc', '1'.repeat(51), 'Products[0].Upc'],
  ['external_line_id is an integer', VALID, 'products.0.external_line_id', 'first', 'Products[0].ExternalLineId'],
  ['product id is an integer', VALID, 'products.0', { id: 'abc', quantity: 1 }, 'Products[0].Id'],
  ['tags is an array', VALID, 'tags', { marketplace: 'UK' }, 'Tags'],
  ['tag name minLength 1', VALID, 'tags.0.name', '', 'Tags[0].Name'],
  ['tag name maxLength 50', VALID, 'tags.0.name', x(51), 'Tags[0].Name'],
  ['tag value required', VALID, 'tags.0.value', DEL, 'Tags[0].Value'],
  ['tag value minLength 1', VALID, 'tags.0.value', '', 'Tags[0].Value'],
  ['tag value maxLength 500', VALID, 'tags.0.value', x(501), 'Tags[0].Value'],
  ['tag value not whitespace only (required)', VALID, 'tags.0.value', '   ', 'Tags[0].Value'],
  ['shipping_terms.carrier_type enum', VALID, 'shipping_terms', { carrier_type: 'Boat' }, 'ShippingTerms.CarrierType'],
  ['shipping_terms.payment_term enum', VALID, 'shipping_terms', { payment_term: 'Cash' }, 'ShippingTerms.PaymentTerm'],
  ['retailer_program_data.purchase_order_number required', VALID, 'retailer_program_data', { retailer_program_type: 'Target' }, 'RetailerProgramData.PurchaseOrderNumber'],
  ['retailer_program_data.retailer_program_type minLength 1', VALID, 'retailer_program_data', { purchase_order_number: 'PO1', retailer_program_type: '' }, 'RetailerProgramData.RetailerProgramType'],
  ['retailer_program_data.shipByDate format date-time', VALID_FBA, 'retailer_program_data.shipByDate', 'Friday', 'RetailerProgramData.ShipByDate'],
  ['retailer_program_data address type enum', VALID_FBA, 'retailer_program_data.addresses.0.type', 'Home', 'RetailerProgramData.Addresses[0].Type'],
  ['retailer_program_data address city required', VALID_FBA, 'retailer_program_data.addresses.0.city', DEL, 'RetailerProgramData.Addresses[0].City'],
  ['FBA: location_id required (guide)', VALID_FBA, 'location_id', DEL, 'LocationId'],
  ['FBA: shipping_terms required (guide)', VALID_FBA, 'shipping_terms', DEL, 'ShippingTerms'],
  ['FBA: payment_term Prepaid or MerchantResponsible (guide)', VALID_FBA, 'shipping_terms.payment_term', 'Collect', 'ShippingTerms.PaymentTerm'],
  ['FBA: retailer_program_data required (guide)', VALID_FBA, 'retailer_program_data', DEL, 'RetailerProgramData'],
  ['FBA: retailer_program_type "FBA-Manual" (guide)', VALID_FBA, 'retailer_program_data.retailer_program_type', 'AmazonFBA', 'RetailerProgramData.RetailerProgramType'],
];

describe('create-order validation (spec 2026-01 Orders.CreateOrderModel; FBA guide)', () => {
  it.each([
    ['DTC', VALID],
    ['FBA', VALID_FBA],
  ])('accepts a valid %s body (201)', (_kind, body) => {
    const r = rig();
    const res = post(r, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reference_id: body.reference_id, type: body.type });
  });

  it.each(CASES)('refuses: %s', (_rule, base, path, value, field) => {
    const r = rig();
    const res = post(r, edit(base, path, value));
    expect(res.status).toBe(400);
    const errors = res.body as Record<string, unknown>;
    expect(Object.keys(errors)).toContain(field);
    // ShipBob's shape (Orders.Post.Api.Order.Bad.Request.Object): every value a list of messages.
    for (const msgs of Object.values(errors)) {
      expect(Array.isArray(msgs) && msgs.length > 0 && msgs.every((m) => typeof m === 'string' && m.length > 0)).toBe(true);
    }
    expect(r.sim.snapshot().orders).toHaveLength(0);
  });

  it('refuses a body that is not a JSON object with the whole-request key ""', () => {
    const r = rig();
    for (const body of ['[]', 'not json', '']) {
      const res = post(r, body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body as object)).toEqual(['']);
    }
  });

  it('names every broken field at once', () => {
    const r = rig();
    const body = edit(edit(VALID, 'recipient.address.city', '') as Body, 'tags.0.value', '');
    const res = post(r, body);
    expect(Object.keys(res.body as object).sort()).toEqual(['Recipient.Address.City', 'Tags[0].Value']);
  });

  it('2025-07: type may be left out (read as DTC) and sales_channel is free text of at most 100', () => {
    const r = rig();
    const res = post(r, edit(edit(VALID, 'type', DEL) as Body, 'sales_channel', 'Amazon Marketplace'), '2025-07');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'DTC' });
    const tooLong = post(r, edit(edit(VALID, 'reference_id', 'other') as Body, 'sales_channel', x(101)), '2025-07');
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body as object)).toEqual(['SalesChannel']);
  });
});
