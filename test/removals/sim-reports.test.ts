// The Amazon simulator's removal reports as of the virtual clock (test/world/amazon/report-removals.ts):
// a report shows what has happened by the time Amazon makes it. Columns and meaning:
// https://developer-docs.amazon.com/sp-api/docs/fba-removals-reports-attributes (sp-api.md §8:
// shipped-quantity, in-process-quantity, order-status Pending / Completed / Cancelled).

import { describe, expect, it } from 'vitest';
import { parseTabDelimited } from '../../src/amazon/tsv';
import { makeHarness, ukSeed } from '../amazon/harness';

const REMOVAL = {
  orderId: 'RMV-9',
  requestDate: '2026-10-30T09:00:00Z',
  lines: [{ sku: 'TEE-M-FBA', requested: 4 }],
  shipments: [
    { shipmentDate: '2026-11-01T10:00:00Z', sku: 'TEE-M-FBA', quantity: 2, carrier: 'Royal Mail', trackingNumber: 'RM1GB' },
    { shipmentDate: '2026-11-05T10:00:00Z', sku: 'TEE-M-FBA', quantity: 2, carrier: 'Royal Mail', trackingNumber: 'RM2GB' },
  ],
};

function read(h: ReturnType<typeof makeHarness>, type: string) {
  const c = h.client();
  const id = c.createReport({ reportType: type, dataStartTime: '2026-10-01T00:00:00Z' });
  h.clock.advance(120_000);
  const r = c.getReport(id);
  return r.processingStatus === 'DONE' ? parseTabDelimited(c.downloadReport(r.reportDocumentId!)) : [];
}

describe('removal reports as of the virtual clock', () => {
  it('shows only the boxes shipped so far, with shipped and in-process counts and status to match', () => {
    const h = makeHarness({ ...ukSeed, removalOrders: [REMOVAL] });
    const early = read(h, 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA');
    expect(early[0]).toMatchObject({ 'order-id': 'RMV-9', 'shipped-quantity': '2', 'in-process-quantity': '2', 'order-status': 'Pending' });
    expect(read(h, 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA').map((r) => r['tracking-number'])).toEqual(['RM1GB']);
    h.clock.advance(5 * 86_400_000);
    expect(read(h, 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA')[0]).toMatchObject({ 'shipped-quantity': '4', 'in-process-quantity': '0', 'order-status': 'Completed' });
    expect(read(h, 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA').map((r) => r['tracking-number'])).toEqual(['RM1GB', 'RM2GB']);
  });

  it('a removal requested, or a return received, after the report is made is not in it', () => {
    const h = makeHarness({
      ...ukSeed,
      removalOrders: [{ ...REMOVAL, requestDate: '2026-11-20T09:00:00Z', shipments: [] }],
      customerReturns: [{ returnDate: '2026-11-20T00:00:00Z', orderId: '203-1-1', sku: 'TEE-M-FBA', licensePlateNumber: 'LPNRR1' }],
    });
    expect(read(h, 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA')).toEqual([]);
    expect(read(h, 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA')).toEqual([]);
  });
});
