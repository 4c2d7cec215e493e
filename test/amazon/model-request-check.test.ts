// The simulator refuses what Amazon's models declare invalid (test/world/amazon/request-check.ts):
// enums of includedData / statuses, maxItems of marketplaceIds / sellerSkus / identifiers, pageSize
// bounds, required parameters under their exact (case-sensitive) names, body schemas.

import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../world/http';
import { CREDENTIALS, makeHarness, ukSeed } from './harness';

const UK = 'A1F83G8C2ARO7P';
const HOST = 'https://sellingpartnerapi-eu.amazon.com';

function raw(h: ReturnType<typeof makeHarness>, method: SimRequest['method'], pathAndQuery: string, body?: unknown) {
  const lwa = h.network.handlerFor('https://api.amazon.com')!;
  const form = `grant_type=refresh_token&refresh_token=${encodeURIComponent(CREDENTIALS.refreshToken)}&client_id=${CREDENTIALS.clientId}&client_secret=${CREDENTIALS.clientSecret}`;
  const tok = lwa({ method: 'POST', url: 'https://api.amazon.com/auth/o2/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form, bodyBytes: new Uint8Array() });
  const accessToken = JSON.parse(String('status' in tok ? tok.body : '{}')).access_token as string;
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = { 'x-amz-access-token': accessToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = h.network.handlerFor(HOST)!({ method, url: HOST + pathAndQuery, headers, body: text, bodyBytes: new TextEncoder().encode(text) });
  if ('timeout' in r) throw new Error('timeout');
  const parsed = r.body ? (JSON.parse(String(r.body)) as { errors?: Array<{ code: string; message: string }> }) : {};
  return { status: r.status, code: parsed.errors?.[0]?.code, message: parsed.errors?.[0]?.message ?? '' };
}

describe('model-declared request constraints', () => {
  const cases: Array<[string, SimRequest['method'], string, unknown?]> = [
    ['listings includedData outside the enum', 'GET', `/listings/2021-08-01/items/A2SELLER/TEE-M?marketplaceIds=${UK}&includedData=summaries,quantity`],
    ['patchListingsItem includedData outside identifiers/issues', 'PATCH', `/listings/2021-08-01/items/A2SELLER/TEE-M?marketplaceIds=${UK}&includedData=summaries`, { productType: 'PRODUCT', patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }] }] }],
    ['searchListingsItems pageSize above 20', 'GET', `/listings/2021-08-01/items/A2SELLER?marketplaceIds=${UK}&pageSize=21`],
    ['searchOrders includedData outside the enum', 'GET', `/orders/2026-01-01/orders?marketplaceIds=${UK}&createdAfter=2026-10-01T00:00:00Z&includedData=ITEMS`],
    ['searchOrders fulfillmentStatuses in v0 spelling', 'GET', `/orders/2026-01-01/orders?marketplaceIds=${UK}&createdAfter=2026-10-01T00:00:00Z&fulfillmentStatuses=Unshipped`],
    ['getInventorySummaries two marketplaceIds', 'GET', `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${UK}&marketplaceIds=${UK},A1PA6795UKMFR9`],
    ['getInventorySummaries marketplaceids mis-cased', 'GET', `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${UK}&marketplaceids=${UK}`],
    ['getReports 11 marketplaceIds', 'GET', `/reports/2021-06-30/reports?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA&marketplaceIds=${Array(11).fill(UK).join(',')}`],
    ['getFeeds processingStatuses outside the enum', 'GET', '/feeds/2021-06-30/feeds?feedTypes=JSON_LISTINGS_FEED&processingStatuses=FAILED'],
    ['listInboundPlans pageSize above 30', 'GET', '/inbound/fba/2024-03-20/inboundPlans?pageSize=31'],
    ['getShipments QueryType lower-case', 'GET', `/fba/inbound/v0/shipments?QueryType=shipment&MarketplaceId=${UK}`],
    ['getShipments marketplaceId mis-cased', 'GET', `/fba/inbound/v0/shipments?QueryType=SHIPMENT&marketplaceId=${UK}`],
    ['getInboundPlan id of the wrong length', 'GET', '/inbound/fba/2024-03-20/inboundPlans/wf123'],
    ['createReport with 26 marketplaceIds', 'POST', '/reports/2021-06-30/reports', { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: Array(26).fill(UK) }],
    ['confirmShipment with a numeric packageReferenceId', 'POST', '/orders/v0/orders/202-1234567-1234567/shipmentConfirmation', { marketplaceId: UK, packageDetail: { packageReferenceId: 1, carrierCode: 'DPD', trackingNumber: 'T1', shipDate: '2026-11-02T07:00:00Z', orderItems: [{ orderItemId: '11111111111111', quantity: 1 }] } }],
  ];
  for (const [name, method, path, body] of cases) {
    it(`400 InvalidInput: ${name}`, () => {
      const r = raw(makeHarness(ukSeed), method, path, body);
      expect(r.status).toBe(400);
      expect(r.code).toBe('InvalidInput');
    });
  }

  it('accepts the same requests when they follow the model', () => {
    const h = makeHarness(ukSeed);
    expect(raw(h, 'GET', `/listings/2021-08-01/items/A2SELLER/TEE-M?marketplaceIds=${UK}&includedData=summaries,fulfillmentAvailability`).status).toBe(200);
    expect(raw(h, 'GET', `/listings/2021-08-01/items/A2SELLER?marketplaceIds=${UK}&pageSize=20`).status).toBe(200);
    expect(raw(h, 'GET', `/orders/2026-01-01/orders?marketplaceIds=${UK}&createdAfter=2026-10-01T00:00:00Z&includedData=PACKAGES&fulfillmentStatuses=UNSHIPPED`).status).toBe(200);
    expect(raw(h, 'GET', `/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=${UK}&marketplaceIds=${UK}`).status).toBe(200);
    expect(raw(h, 'GET', '/inbound/fba/2024-03-20/inboundPlans?pageSize=30').status).toBe(200);
    expect(raw(h, 'GET', `/fba/inbound/v0/shipments?QueryType=SHIPMENT&MarketplaceId=${UK}`).status).toBe(200);
  });
});
