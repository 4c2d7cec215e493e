// Conformance with Amazon's own models: (1) every static sandbox response example of each
// operation the client uses parses through the client's zod schema; (2) every response the
// simulator gives during a tour of all those operations validates against the model's response
// definition; (3) the simulator accepts the models' request examples; (4) the client's rate
// table equals the models' usage plans.

import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import type { z } from 'zod';
import { RATE_LIMITS } from '../../src/amazon/rate-limits';
import { parseErrors } from '../../src/amazon/request';
import * as S from '../../src/amazon/schemas/orders';
import * as I from '../../src/amazon/schemas/inventory';
import * as L from '../../src/amazon/schemas/listings';
import * as F from '../../src/amazon/schemas/feeds';
import * as R from '../../src/amazon/schemas/reports';
import * as B from '../../src/amazon/schemas/inbound';
import { findOperation, modelOperations, readModelFile, type ModelName } from '../world/amazon/models';
import type { SimRequest, SimResponse } from '../world/http';
import { makeHarness, ukSeed } from './harness';
import { responseDefinition, validateDefinition } from './swagger-schema';

const USED: Array<{ model: ModelName; op: string; schema?: z.ZodType }> = [
  { model: 'orders2026', op: 'searchOrders', schema: S.searchOrdersResponseSchema },
  { model: 'orders2026', op: 'getOrder', schema: S.getOrderResponseSchema },
  { model: 'ordersV0', op: 'confirmShipment' },
  { model: 'inventory', op: 'getInventorySummaries', schema: I.getInventorySummariesResponseSchema },
  { model: 'listings', op: 'getListingsItem', schema: L.listingsItemSchema },
  { model: 'listings', op: 'patchListingsItem', schema: L.listingsSubmissionSchema },
  { model: 'listings', op: 'searchListingsItems', schema: L.searchListingsItemsResponseSchema },
  { model: 'feeds', op: 'createFeedDocument', schema: F.createFeedDocumentResponseSchema },
  { model: 'feeds', op: 'createFeed', schema: F.createFeedResponseSchema },
  { model: 'feeds', op: 'getFeed', schema: F.feedSchema },
  { model: 'feeds', op: 'getFeeds', schema: F.getFeedsResponseSchema },
  { model: 'feeds', op: 'getFeedDocument', schema: F.feedDocumentSchema },
  { model: 'reports', op: 'getReports', schema: R.getReportsResponseSchema },
  { model: 'reports', op: 'createReport', schema: R.createReportResponseSchema },
  { model: 'reports', op: 'getReport', schema: R.reportSchema },
  { model: 'reports', op: 'getReportDocument', schema: R.reportDocumentSchema },
  { model: 'inbound2024', op: 'listInboundPlans', schema: B.listInboundPlansResponseSchema },
  { model: 'inbound2024', op: 'getInboundPlan', schema: B.inboundPlanSchema },
  { model: 'inbound2024', op: 'getShipment', schema: B.shipmentSchema },
  { model: 'inbound2024', op: 'listShipmentItems', schema: B.listShipmentItemsResponseSchema },
  { model: 'inboundV0', op: 'getShipments', schema: B.getShipmentsV0ResponseSchema },
  { model: 'inboundV0', op: 'getShipmentItemsByShipmentId', schema: B.getShipmentItemsV0ResponseSchema },
  { model: 'inboundV0', op: 'getShipmentItems', schema: B.getShipmentItemsV0ResponseSchema },
];

function opSpec(model: ModelName, op: string) {
  const found = modelOperations().find((o) => o.model === model && o.operationId === op);
  if (!found) throw new Error(`${model}.${op} not in the models`);
  return found;
}

function examples(model: ModelName, op: string): Array<{ status: number; body: unknown }> {
  const out: Array<{ status: number; body: unknown }> = [];
  for (const [code, r] of Object.entries(opSpec(model, op).spec.responses as Record<string, Record<string, unknown>>)) {
    const statics = ((r['x-amzn-api-sandbox'] as { static?: Array<{ response: unknown }> } | undefined)?.static ?? []).map((s) => s.response);
    const ex = (r.examples as Record<string, unknown> | undefined)?.['application/json'];
    for (const body of ex === undefined ? statics : [...statics, ex]) out.push({ status: Number(code), body });
  }
  return out;
}

describe("Amazon's sandbox examples parse through the client's schemas", () => {
  for (const u of USED) {
    it(`${u.model}.${u.op}`, () => {
      const all = examples(u.model, u.op);
      const ok = all.filter((e) => e.status >= 200 && e.status < 300);
      if (u.model === 'inventory') {
        // FBA Inventory has a dynamic sandbox, so its model carries no static examples (sp-api.md §3.1).
        expect(all).toHaveLength(0);
        return;
      }
      expect(ok.length).toBeGreaterThan(0);
      for (const e of ok) {
        if (!u.schema) {
          expect(e.status).toBe(204);
          continue;
        }
        const r = u.schema.safeParse(e.body);
        expect(r.success, `${u.op} example: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 2))}`).toBe(true);
      }
      for (const e of all.filter((x) => x.status >= 400)) {
        const errors = parseErrors({ status: e.status, headers: {}, text: JSON.stringify(e.body), bytes: () => [] });
        expect(errors[0]?.code).toMatch(/\S/);
        expect(errors[0]?.message).toMatch(/\S/);
      }
    });
  }

  it('the processing report example parses', () => {
    const ex = readModelFile('schemas/feeds/listings-feed-processing-report-schema-v2.example.json');
    const r = F.processingReportSchema.safeParse(ex);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.summary?.messagesInvalid).toBe(2);
  });
});

describe('the client rate table', () => {
  it('equals the usage plans in the models', () => {
    for (const u of USED) {
      const spec = opSpec(u.model, u.op);
      expect(RATE_LIMITS[u.op], u.op).toEqual({ rate: spec.rate, burst: spec.burst });
    }
  });
});

/** Records every simulator answer on the SP-API hosts. */
function recorder(h: ReturnType<typeof makeHarness>): Array<{ req: SimRequest; res: SimResponse }> {
  const seen: Array<{ req: SimRequest; res: SimResponse }> = [];
  for (const origin of ['https://sellingpartnerapi-eu.amazon.com', 'https://sellingpartnerapi-na.amazon.com']) {
    const inner = h.network.handlerFor(origin)!;
    h.network.register(origin, (req) => {
      const res = inner(req);
      seen.push({ req, res });
      return res;
    });
  }
  return seen;
}

describe("the simulator's responses validate against the models", () => {
  it('for every operation the client uses, including error answers', () => {
    const h = makeHarness(
      {
        ...ukSeed,
        listings: [
          ...ukSeed.listings!,
          ...Array.from({ length: 25 }, (_, i) => ({ sku: `BULK-${i}`, channel: 'FBM' as const, asin: `B0BULK${String(i).padStart(4, '0')}`, quantity: i, price: 9.99 })),
        ],
        settlements: [{ reportId: '9001', created: '2026-10-20T00:00:00Z', content: 'settlement-id\ttotal-amount\n9001\t10.00\n', gzip: true }],
        inboundShipments: [
          { shipmentId: 'FBA15DJ9SVVD', status: 'RECEIVING', items: [{ sku: 'TEE-M-FBA', quantityShipped: 24, quantityReceived: 20 }] },
        ],
        removalOrders: [{ orderId: 'R-1', requestDate: '2026-10-01T00:00:00Z', lines: [{ sku: 'TEE-M-FBA', requested: 2 }] }],
      },
      [{ system: 'amazon', operation: 'getFeed', kind: '429', times: 1 }],
    );
    const seen = recorder(h);
    const c = h.client();
    c.searchOrders({ lastUpdatedAfter: '2026-10-01T00:00:00Z', maxResultsPerPage: 1 });
    const order = c.getOrder('202-1234567-1234567', ['PACKAGES']);
    c.confirmShipment(order.orderId, { packageReferenceId: 1, carrierCode: 'Royal Mail', trackingNumber: 'RM1', shipDate: '2026-11-02T07:00:00Z', orderItems: [{ orderItemId: '11111111111111', quantity: 2 }] });
    c.getOrder('202-1234567-1234567', ['PACKAGES']);
    expect(() => c.getOrder('999-0000000-0000000')).toThrow();
    c.getInventoryForSkus();
    c.getListingsItem('TEE-M', ['summaries', 'attributes', 'issues', 'offers', 'fulfillmentAvailability', 'productTypes']);
    expect(() => c.getListingsItem('NOPE')).toThrow();
    c.patchListingQuantity('TEE-M', 3);
    c.patchListingQuantity('TEE-M-FBA', 3);
    c.patchListingQuantity('TEE-M', 4, { validationPreview: true });
    c.listAllListings();
    const { feedId } = c.submitQuantityFeed([{ sku: 'TEE-L', quantity: 1 }, { sku: 'NOPE', quantity: 2 }]);
    c.getFeed(feedId);
    h.clock.advance(200_000);
    const feed = c.getFeed(feedId);
    c.getFeeds({ feedTypes: ['JSON_LISTINGS_FEED'], pageSize: 1 });
    c.getProcessingReport(feed.resultFeedDocumentId!);
    const reportId = c.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' });
    c.getReport(reportId);
    h.clock.advance(120_000);
    const rep = c.getReport(reportId);
    c.downloadReport(rep.reportDocumentId!);
    c.getReports({ reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', 'GET_MERCHANT_LISTINGS_ALL_DATA'], pageSize: 1 });
    expect(() => c.createReport({ reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2' })).toThrow(/not allowed/);
    const plans = c.listInboundPlans();
    const plan = c.getInboundPlan(plans.plans[0]!.inboundPlanId);
    c.getInboundShipment(plan.inboundPlanId, plan.shipments![0]!.shipmentId);
    c.listShipmentItems(plan.inboundPlanId, plan.shipments![0]!.shipmentId);
    c.getShipmentsV0({ statuses: ['RECEIVING'] });
    c.getShipmentItemsV0('FBA15DJ9SVVD');

    const covered = new Set<string>();
    let validated = 0;
    for (const { req, res } of seen) {
      if ('timeout' in res) continue;
      const found = findOperation(req.method, new URL(req.url).pathname)!;
      const def = responseDefinition(found.op.spec, res.status);
      if (res.status === 204) {
        covered.add(found.op.operationId);
        continue;
      }
      expect(def, `${found.op.operationId} ${res.status} has a schema in the model`).toBeDefined();
      const body = JSON.parse(String(res.body));
      expect(validateDefinition(found.op.model, def!, body), `${found.op.operationId} ${res.status}`).toEqual([]);
      covered.add(found.op.operationId);
      validated++;
    }
    expect(validated).toBeGreaterThan(30);
    const statuses = new Set(seen.map((s) => ('timeout' in s.res ? 0 : s.res.status)));
    expect([...statuses]).toEqual(expect.arrayContaining([200, 201, 202, 204, 400, 404, 429]));
    for (const u of USED) {
      if (u.op === 'getShipmentItems') continue; // only reached through a second page
      expect(covered.has(u.op), u.op).toBe(true);
    }
  });

  it('processing reports validate against the processing report schema', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    const { feedId } = c.submitQuantityFeed([{ sku: 'TEE-M', quantity: 1 }, { sku: 'TEE-M-FBA', quantity: 1 }, { sku: 'GONE', quantity: 1 }]);
    h.clock.advance(200_000);
    const docId = c.getFeed(feedId).resultFeedDocumentId!;
    const doc = JSON.parse(h.sim.docs.text(docId)!);
    const validate = new Ajv({ strict: false }).compile(readModelFile('schemas/feeds/listings-feed-processing-report-schema-v2.json') as object);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // DEFAULT on the FBA listing is accepted (it converts the offer: fulfilment-channels.test.ts); GONE is not.
    expect(doc.summary).toMatchObject({ messagesProcessed: 3, messagesAccepted: 2, messagesInvalid: 1 });
  });
});

describe("the simulator accepts the models' request examples", () => {
  function raw(h: ReturnType<typeof makeHarness>, method: SimRequest['method'], url: string, body?: unknown) {
    const c = h.client();
    c.getReports({ reportTypes: ['X'] }); // obtains an access token through the client
    const token = h.calls.find((r) => r.headers['x-amz-access-token'])!.headers['x-amz-access-token']!;
    const text = body === undefined ? '' : JSON.stringify(body);
    const res = h.network.handlerFor(url)!({ method, url, headers: { 'x-amz-access-token': token, 'content-type': 'application/json' }, body: text, bodyBytes: new Uint8Array(Buffer.from(text)) });
    if ('timeout' in res) throw new Error('timeout');
    return res;
  }
  const sandboxRequests = (model: ModelName, op: string) =>
    Object.entries(opSpec(model, op).spec.responses as Record<string, { 'x-amzn-api-sandbox'?: { static?: Array<{ request: { parameters: Record<string, { value?: unknown }> } }> } }>)
      .flatMap(([code, r]) => (r['x-amzn-api-sandbox']?.static ?? []).map((s) => ({ code: Number(code), params: s.request.parameters })));

  it('confirmShipment (both examples)', () => {
    const [good, bad] = [sandboxRequests('ordersV0', 'confirmShipment').find((r) => r.code === 204)!, sandboxRequests('ordersV0', 'confirmShipment').find((r) => r.code === 400)!];
    for (const ex of [good, bad]) {
      const h = makeHarness({
        marketplace: 'US',
        carrierCodes: ['FedEx', 'UPS', 'USPS', 'Other'],
        orders: [{ orderId: '902-1106328-1059050', created: '2022-02-10T00:00:00Z', items: [{ sku: 'S', quantity: 1, orderItemId: '79039765272157' }] }],
      });
      const res = raw(h, 'POST', `https://sellingpartnerapi-na.amazon.com/orders/v0/orders/${ex.params.orderId!.value}/shipmentConfirmation`, ex.params.body!.value);
      expect(res.status).toBe(ex.code);
    }
  });

  it('createFeedDocument, createReport, getReports, getFeeds, searchListingsItems, getShipments', () => {
    const cases: Array<{ model: ModelName; op: string; method: SimRequest['method']; path: string; seed?: object }> = [
      { model: 'feeds', op: 'createFeedDocument', method: 'POST', path: '/feeds/2021-06-30/documents' },
      { model: 'reports', op: 'createReport', method: 'POST', path: '/reports/2021-06-30/reports' },
      { model: 'reports', op: 'getReports', method: 'GET', path: '/reports/2021-06-30/reports' },
      { model: 'feeds', op: 'getFeeds', method: 'GET', path: '/feeds/2021-06-30/feeds' },
      { model: 'listings', op: 'searchListingsItems', method: 'GET', path: '/listings/2021-08-01/items/A2SELLER' },
      { model: 'inboundV0', op: 'getShipments', method: 'GET', path: '/fba/inbound/v0/shipments' },
    ];
    for (const cse of cases) {
      for (const ex of sandboxRequests(cse.model, cse.op)) {
        const h = makeHarness({ marketplace: 'US', listings: [{ sku: 'GM-ZDPI-9B4E', channel: 'FBM', asin: 'B071VG5N9D', quantity: 1 }] });
        const query = Object.entries(ex.params)
          .filter(([k, v]) => k !== 'body' && k !== 'sellerId' && v.value !== undefined)
          .map(([k, v]) => `${k}=${encodeURIComponent(Array.isArray(v.value) ? v.value.join(',') : String(v.value))}`)
          .join('&');
        const path = ex.params.sellerId ? cse.path.replace('A2SELLER', String(ex.params.sellerId.value)) : cse.path;
        const res = raw(h, cse.method, `https://sellingpartnerapi-na.amazon.com${path}${query ? `?${query}` : ''}`, ex.params.body?.value);
        const expected = ex.code >= 400 ? 'error' : 'success';
        expect(res.status >= 400 ? 'error' : 'success', `${cse.op} example (${ex.code}) → ${res.status} ${String(res.body)}`).toBe(expected);
      }
    }
  });

  it("the listings feed example document passes the simulator's validation", () => {
    const h = makeHarness({ sellerId: 'AXXXXXXXXXXXX', marketplace: 'US', listings: [{ sku: 'My-SKU-B', channel: 'FBM', asin: 'B0X', quantity: 0, productType: 'LUGGAGE' }] });
    const c = h.client();
    const doc = readModelFile('schemas/feeds/listings-feed-schema-v2.example.json');
    const { feedDocumentId, url } = c.createFeedDocument('application/json; charset=UTF-8');
    c.uploadFeedDocument(url, JSON.stringify(doc), 'application/json; charset=UTF-8');
    const feedId = c.createFeed('JSON_LISTINGS_FEED', feedDocumentId);
    h.clock.advance(200_000);
    const feed = c.getFeed(feedId);
    expect(feed.processingStatus).toBe('DONE');
    const report = c.getProcessingReport(feed.resultFeedDocumentId!);
    expect(report.issues?.some((i) => i.code === 'SCHEMA_VALIDATION')).toBe(false);
    expect(c.getFbmQuantity('My-SKU-B')).toBe(10); // message 2: PARTIAL_UPDATE DEFAULT 10
  });
});
