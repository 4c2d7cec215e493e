// The create-order body the client builds from Amazon data: cleaned to what ShipBob's spec accepts
// (trimmed, cut to the documented lengths, empty optional values left out, a numeric unit_price, a
// date-time purchase_date), the FBA Manual body as ShipBob's FBA guide lists it, and orders held
// before sending (with messages naming the field, never the buyer's data) when a required field
// cannot be made valid.
import { describe, expect, it } from 'vitest';
import { buildCreateOrderBody, checkOrderRequest } from '../../src/threepl/shipbob/order-body';
import type { OutboundOrderRequest } from '../../src/threepl/types';
import { nodeHttp } from '../world/node-ports';
import { rig } from './harness';

/** What Amazon hands over at its messiest: padding, line breaks, blanks, over-long text, a bad e-mail. */
function messyOrder(): OutboundOrderRequest {
  return {
    primaryReference: '202-5555555-0000001',
    secondaryReference: ' 202-5555555-0000001 ',
    kind: 'mfn',
    shipTo: {
      name: `  Ann\n  ${'B'.repeat(400)}`,
      company: '   ',
      line1: '',
      line2: ' 1 High St ',
      line3: 'Flat\t2',
      city: ' Leeds ',
      region: '',
      postcode: ' LS1 1AA ',
      countryIso2: 'gb',
      phone: ` +44 ${'1'.repeat(60)} `,
      email: 'not an email',
    },
    lines: [
      { sku: 'TEE-M', quantity: 2, unitPrice: 12.5, name: '  Tee   M ' },
      { sku: 'MUG', quantity: 1, unitPrice: Number.NaN, name: '   ' },
    ],
    serviceLevel: ' Standard ',
    purchaseDate: '2026-11-01T09:30:00+01:00',
    tags: { ' marketplace ': ' UK ', [`k${'x'.repeat(60)}`]: 'v'.repeat(600), empty: '  ', '  ': 'nameless' },
  };
}

describe('buildCreateOrderBody: Amazon data cleaned to the spec', () => {
  it('sends exactly the cleaned body', () => {
    const req = messyOrder();
    expect(checkOrderRequest(req)).toEqual([]);
    expect(buildCreateOrderBody(req)).toEqual({
      reference_id: '202-5555555-0000001',
      order_number: '202-5555555-0000001',
      type: 'DTC',
      shipping_method: 'Standard',
      recipient: {
        // Whitespace runs made one space, then cut to RecipientInfoViewModel.name maxLength 300.
        name: `Ann ${'B'.repeat(296)}`,
        // AddressLine1 was blank, so line 2 moves up; empty company and state are left out.
        address: { address1: '1 High St', address2: 'Flat 2', city: 'Leeds', zip_code: 'LS1 1AA', country: 'GB' },
        // The malformed e-mail is left out; the phone is cut to phone_number maxLength 50.
        phone_number: `+44 ${'1'.repeat(46)}`,
      },
      products: [
        { reference_id: 'TEE-M', name: 'Tee M', quantity: 2, unit_price: 12.5 },
        { reference_id: 'MUG', name: 'MUG', quantity: 1 },
      ],
      // TagViewModel: name 1–50, value 1–500; tags with an empty name or value are dropped.
      tags: [
        { name: 'marketplace', value: 'UK' },
        { name: `k${'x'.repeat(49)}`, value: 'v'.repeat(500) },
      ],
      purchase_date: '2026-11-01T08:30:00.000Z',
      sales_channel: 'amazon',
      origin_platform_program: 'FBM',
    });
  });

  it('keeps a valid e-mail and leaves out a purchase date that is not a date', () => {
    const req = { ...messyOrder(), purchaseDate: 'last Tuesday' };
    req.shipTo.email = ' buyer123@marketplace.amazon.co.uk ';
    const body = buildCreateOrderBody(req);
    expect((body.recipient as Record<string, unknown>).email).toBe('buyer123@marketplace.amazon.co.uk');
    expect(body).not.toHaveProperty('purchase_date');
  });

  it('a bare purchase date becomes midnight UTC; tags, when none are left, are not sent', () => {
    const body = buildCreateOrderBody({ ...messyOrder(), purchaseDate: '2026-11-01', tags: { a: '' } });
    expect(body.purchase_date).toBe('2026-11-01T00:00:00.000Z');
    expect(body).not.toHaveProperty('tags');
  });

  it('ShipBob accepts the cleaned body it would have refused raw', () => {
    const r = rig();
    const m = messyOrder();
    // What the client used to send: Amazon's values as they came.
    const raw = {
      reference_id: m.primaryReference,
      type: 'DTC',
      shipping_method: m.serviceLevel,
      recipient: { name: m.shipTo.name, email: m.shipTo.email, phone_number: m.shipTo.phone, address: { address1: m.shipTo.line1, company_name: m.shipTo.company, city: m.shipTo.city, country: m.shipTo.countryIso2 } },
      products: m.lines.map((l) => ({ reference_id: l.sku, name: l.name, quantity: l.quantity, unit_price: String(l.unitPrice) })),
      tags: Object.keys(m.tags).map((name) => ({ name, value: m.tags[name] })),
      purchase_date: 'last Tuesday',
    };
    const refused = nodeHttp(r.network, r.clock).fetch({
      url: 'https://api.shipbob.com/2026-01/order',
      method: 'post',
      headers: { Authorization: 'Bearer raw-token', shipbob_channel_id: '100001' },
      contentType: 'application/json',
      payload: JSON.stringify(raw),
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(JSON.parse(refused.text)).sort()).toEqual([
      'Products[0].UnitPrice', 'Products[1].UnitPrice', 'PurchaseDate', 'Recipient.Address.Address1', 'Recipient.Email', 'Recipient.Name', 'Recipient.PhoneNumber',
      'Tags[1].Name', 'Tags[1].Value', 'Tags[2].Value', 'Tags[3].Name',
    ]);
    const out = r.adapter.createOutboundOrder(messyOrder());
    expect(out.status).toBe('created');
    const sent = JSON.parse(r.calls.find((c) => c.method === 'POST')!.body) as Record<string, unknown>;
    expect(sent).toEqual(JSON.parse(JSON.stringify(buildCreateOrderBody(messyOrder()))));
  });
});

describe('FBA Manual order (developer.shipbob.com/guides/amazon-fba over the spec)', () => {
  const fbaRequest = (): OutboundOrderRequest => ({
    primaryReference: 'FBA15XYZ0001',
    kind: 'fba_replenishment',
    shipTo: { name: 'Amazon UK Services (BHX4)', line1: 'Plot 1 Ryton Road', city: 'Coventry', region: 'West Midlands', postcode: 'CV8 3AG', countryIso2: 'GB' },
    lines: [{ sku: 'TEE-L', quantity: 6, name: 'Tee L' }],
    serviceLevel: 'Standard',
    warehouseHint: '10',
    purchaseDate: '2026-11-01T12:00:00Z',
    requiredShipBy: '2026-11-05',
    tags: { RequiresAmazonProductLabels: '' },
    fba: { shipmentId: 'FBA15XYZ0001', destinationFc: 'BHX4', carrierType: 'freight', labelsBy: '3pl' },
  });

  it('sends the guide’s fields: type FBA, location_id, shipping_terms, retailer_program_data FBA-Manual with a MarkFor address', () => {
    const address = { address1: 'Plot 1 Ryton Road', city: 'Coventry', state: 'West Midlands', zip_code: 'CV8 3AG', country: 'GB' };
    expect(buildCreateOrderBody(fbaRequest())).toEqual({
      reference_id: 'FBA15XYZ0001',
      order_number: 'FBA15XYZ0001',
      type: 'FBA',
      shipping_method: 'Standard',
      location_id: 10,
      recipient: { name: 'Amazon UK Services (BHX4)', address },
      products: [{ reference_id: 'TEE-L', name: 'Tee L', quantity: 6 }],
      // The guide: the tag's value "is not used by ShipBob", yet TagViewModel.value has minLength 1.
      tags: [{ name: 'RequiresAmazonProductLabels', value: 'true' }],
      purchase_date: '2026-11-01T12:00:00.000Z',
      shipping_terms: { carrier_type: 'Freight', payment_term: 'Prepaid' },
      retailer_program_data: {
        retailer_program_type: 'FBA-Manual',
        purchase_order_number: 'FBA15XYZ0001',
        shipByDate: '2026-11-05T00:00:00.000Z',
        addresses: [{ type: 'MarkFor', ...address }],
      },
    });
  });

  it('merchant labels on parcels: MerchantResponsible and Parcel; ShipBob creates it as an FBA order', () => {
    const r = rig();
    const req = { ...fbaRequest(), requiredShipBy: undefined, tags: {}, fba: { shipmentId: 'FBA15XYZ0001', destinationFc: 'BHX4', carrierType: 'parcel' as const, labelsBy: 'merchant' as const } };
    const out = r.adapter.createOutboundOrder(req);
    expect(out.status).toBe('created');
    const sent = JSON.parse(r.calls.find((c) => c.method === 'POST')!.body) as Record<string, unknown>;
    expect(sent.shipping_terms).toEqual({ carrier_type: 'Parcel', payment_term: 'MerchantResponsible' });
    expect(sent.retailer_program_data).not.toHaveProperty('shipByDate');
    expect(r.sim.snapshot().orders[0]).toMatchObject({ reference: 'FBA15XYZ0001', type: 'FBA' });
  });

  it('holds an FBA order without its shipment details', () => {
    expect(checkOrderRequest({ ...fbaRequest(), fba: undefined })).toEqual([
      'an FBA replenishment order needs its FBA shipment id (retailer_program_data.purchase_order_number)',
    ]);
  });
});

describe('checkOrderRequest: held before sending, naming the field and not the buyer’s data', () => {
  const buyer = { name: 'Zed Quinlan-Private', line1: '99 Secret Lane', city: 'Hiddenton', postcode: 'ZZ9 9ZZ', countryIso2: 'GB', email: 'zed@example.com', phone: '07700 900999' };
  const base = (): OutboundOrderRequest => ({ primaryReference: '202-6666666-0000001', kind: 'mfn', shipTo: { ...buyer }, lines: [{ sku: 'MUG', quantity: 1 }], serviceLevel: 'Standard', tags: {} });

  it.each([
    ['no ship-to name', (r: OutboundOrderRequest) => (r.shipTo.name = ' \n '), 'the ship-to name is empty (recipient.name is required)'],
    ['no street line', (r: OutboundOrderRequest) => Object.assign(r.shipTo, { line1: ' ', line2: '', line3: undefined }), 'the ship-to address has no street line (recipient.address.address1 is required)'],
    ['no city', (r: OutboundOrderRequest) => (r.shipTo.city = ''), 'the ship-to city is empty (recipient.address.city is required)'],
    ['no country', (r: OutboundOrderRequest) => (r.shipTo.countryIso2 = '  '), 'the ship-to country is empty (recipient.address.country is required)'],
    ['no service level', (r: OutboundOrderRequest) => (r.serviceLevel = ' '), 'shipping_method (service level) is required'],
    ['a reference over 300', (r: OutboundOrderRequest) => (r.primaryReference = 'R'.repeat(301)), 'reference_id must be 1–300 characters'],
    ['a blank SKU', (r: OutboundOrderRequest) => (r.lines = [{ sku: ' ', quantity: 1 }]), 'line 1 has no SKU (products.reference_id is required)'],
    ['a location that is not a number', (r: OutboundOrderRequest) => (r.warehouseHint = 'Manchester'), 'the ShipBob location (location_id) must be a location number'],
  ])('%s', (_what, breakIt, message) => {
    const req = base();
    breakIt(req);
    const problems = checkOrderRequest(req);
    expect(problems).toEqual([message]);
    for (const value of Object.values(buyer)) expect(problems.join(' ')).not.toContain(value);
  });

  it('nothing reaches ShipBob for a held order', () => {
    const r = rig();
    const req = base();
    req.shipTo.name = '';
    req.shipTo.city = '';
    const out = r.adapter.createOutboundOrder(req);
    expect(out).toEqual({
      status: 'rejected',
      primaryReference: '202-6666666-0000001',
      messages: ['the ship-to name is empty (recipient.name is required)', 'the ship-to city is empty (recipient.address.city is required)'],
    });
    expect(r.calls).toHaveLength(0);
  });
});
