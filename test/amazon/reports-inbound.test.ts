// Reports (settlements listed not requested, gzip and Cp1252 documents, states, paging) and
// inbound shipments (v0 received quantities, 2024-03-20 plans / shipments / items).

import { describe, expect, it } from 'vitest';
import { makeHarness, ukSeed } from './harness';

const settlement = (id: string, created: string, extra: object = {}) => ({
  reportId: id,
  created,
  content: `settlement-id\ttotal-amount\tcurrency\tamount-description\n${id}\t95,00\tGBP\tPrincipal £ – €\n`,
  ...extra,
});

describe('reports', () => {
  it('lists settlements by type and createdSince, pages with nextToken alone', () => {
    const h = makeHarness({
      ...ukSeed,
      settlements: [settlement('101', '2026-10-05T00:00:00Z'), settlement('102', '2026-10-19T00:00:00Z'), settlement('103', '2026-11-01T00:00:00Z'), settlement('001', '2026-06-01T00:00:00Z')],
    });
    const c = h.client();
    const p1 = c.getReports({ reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'], createdSince: '2026-10-01T00:00:00Z', pageSize: 2 });
    expect(p1.reports.map((r) => r.reportId)).toEqual(['103', '102']);
    const p2 = c.getReports({ nextToken: p1.nextToken! });
    expect(p2.reports.map((r) => r.reportId)).toEqual(['101']);
    expect(new URL(h.calls.filter((r) => r.url.includes('/reports?'))[1]!.url).search).toMatch(/^\?nextToken=[^&]+$/);
    // Older than 90 days: gone, as on Amazon.
    const all = c.getReports({ reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'], pageSize: 100 });
    expect(all.reports.map((r) => r.reportId)).not.toContain('001');
  });

  it('downloads gzipped and Cp1252 documents as text', () => {
    const h = makeHarness({ ...ukSeed, settlements: [settlement('201', '2026-10-05T00:00:00Z', { gzip: true }), settlement('202', '2026-10-06T00:00:00Z', { charset: 'Cp1252' })] });
    const c = h.client();
    for (const r of c.getReports({ reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'] }).reports) {
      const text = c.downloadReport(r.reportDocumentId!);
      expect(text).toContain(`${r.reportId}\t95,00\tGBP\tPrincipal £ – €`);
    }
  });

  it('refuses to create a settlement report', () => {
    const h = makeHarness(ukSeed);
    expect(() => h.client().createReport({ reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2' })).toThrow(/not allowed/);
  });

  it('a report without data ends CANCELLED; one with data goes IN_QUEUE → IN_PROGRESS → DONE', () => {
    const h = makeHarness({ ...ukSeed, customerReturns: [{ returnDate: '2026-10-20T00:00:00Z', orderId: '203-1-1', sku: 'TEE-M-FBA', licensePlateNumber: 'LPNRR123456789' }] });
    const c = h.client();
    const empty = c.createReport({ reportType: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA' });
    const returns = c.createReport({ reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', dataStartTime: '2026-10-01T00:00:00Z' });
    expect(c.getReport(returns).processingStatus).toBe('IN_QUEUE');
    h.clock.advance(25_000);
    expect(c.getReport(returns).processingStatus).toBe('IN_PROGRESS');
    h.clock.advance(40_000);
    expect(c.getReport(empty).processingStatus).toBe('CANCELLED');
    const done = c.getReport(returns);
    expect(done.processingStatus).toBe('DONE');
    expect(c.downloadReport(done.reportDocumentId!)).toMatch(/license-plate-number[\s\S]*LPNRR123456789/);
  });

  it('an expired pre-signed URL is replaced by a fresh getReportDocument', () => {
    const h = makeHarness({ ...ukSeed, settlements: [settlement('301', '2026-10-05T00:00:00Z')] });
    const c = h.client();
    const docId = c.getReports({ reportTypes: ['GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'] }).reports[0]!.reportDocumentId!;
    const stale = c.getReportDocument(docId).url;
    h.clock.advance(6 * 60_000);
    expect(h.network.handlerFor(stale)!({ method: 'GET', url: stale, headers: {}, body: '', bodyBytes: new Uint8Array() })).toMatchObject({ status: 403 });
    expect(c.downloadReport(docId)).toContain('301');
  });
});

describe('inbound shipments', () => {
  const seed = {
    ...ukSeed,
    inboundShipments: [
      { shipmentId: 'FBA15DJ9SVVD', name: 'Nov replenishment', status: 'RECEIVING' as const, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 24, quantityReceived: 20 }] },
      { shipmentId: 'FBA15DJ9SVVE', status: 'WORKING' as const, items: [{ sku: 'TEE-M-FBA', quantityShipped: 10 }] },
    ],
  };

  it('v0 gives shipped and received quantities by FBA shipment id', () => {
    const h = makeHarness(seed);
    const c = h.client();
    const shipments = c.getShipmentsV0({ statuses: ['RECEIVING', 'CLOSED'] });
    expect(shipments.shipments.map((s) => [s.ShipmentId, s.DestinationFulfillmentCenterId])).toEqual([['FBA15DJ9SVVD', 'BHX4']]);
    expect(c.getShipmentItemsV0('FBA15DJ9SVVD')).toEqual([
      { ShipmentId: 'FBA15DJ9SVVD', SellerSKU: 'TEE-M-FBA', FulfillmentNetworkSKU: 'X00TEEM001', QuantityShipped: 24, QuantityReceived: 20, QuantityInCase: 0 },
    ]);
    h.sim.act({ action: 'receiveInbound', shipmentId: 'FBA15DJ9SVVD', sku: 'TEE-M-FBA', quantity: 4, status: 'CLOSED' });
    expect(c.getShipmentItemsV0('FBA15DJ9SVVD')[0]!.QuantityReceived).toBe(24);
  });

  it('2024-03-20 plans lead to shipments (with the FBA id as shipmentConfirmationId) and items', () => {
    const h = makeHarness(seed);
    const c = h.client();
    const { plans } = c.listInboundPlans();
    expect(plans).toHaveLength(2);
    const plan = c.getInboundPlan(plans[0]!.inboundPlanId);
    const sh = c.getInboundShipment(plan.inboundPlanId, plan.shipments![0]!.shipmentId);
    expect(sh).toMatchObject({ shipmentConfirmationId: 'FBA15DJ9SVVD', destination: { warehouseId: 'BHX4' } });
    expect(c.listShipmentItems(plan.inboundPlanId, sh.shipmentId).items).toEqual([{ msku: 'TEE-M-FBA', fnsku: 'X00TEEM001', asin: 'B0TEE00001', quantity: 24, labelOwner: 'SELLER' }]);
  });
});
