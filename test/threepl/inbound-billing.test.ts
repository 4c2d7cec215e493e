// Removals coming back: receiving orders (removal order id as purchase_order_number, tracking on
// boxes) and returns (matched by tracking number), received by world steps; charges for shipments
// and receipts through the billing API.
import { describe, expect, it } from 'vitest';
import type { InboundReceiptRequest } from '../../src/threepl/types';
import { mfnOrder, rig } from './harness';

const removal = (ref: string, tns = ['1Z111', '1Z222']): InboundReceiptRequest => ({
  reference: ref,
  trackingNumbers: tns,
  lpns: [],
  expectedDate: '2026-11-09T00:00:00Z',
  warehouseId: '10',
  lines: [
    { sku: 'TEE-M', quantity: 3 },
    { sku: 'MUG', quantity: 2 },
  ],
  kind: 'removal',
});

describe('receiving orders', () => {
  it('creates a WRO once, finds it by reference and by box tracking, and it waits until received', () => {
    const r = rig();
    const out = r.adapter.createInboundReceipt(removal('RMV-001'));
    expect(out.status).toBe('created');
    const body = JSON.parse(r.calls.find((c) => c.method === 'POST' && c.url.endsWith('/receiving'))!.body);
    expect(body).toMatchObject({ purchase_order_number: 'RMV-001', fulfillment_center: { id: 10 }, boxes: [{ tracking_number: '1Z111' }, { tracking_number: '1Z222' }] });
    expect(r.adapter.createInboundReceipt(removal('RMV-001')).status).toBe('already_exists');
    const byRef = r.adapter.findInbound({ reference: 'RMV-001' });
    expect(byRef).toHaveLength(1);
    expect(byRef[0]).toMatchObject({ objectType: 'wro', status: 'expected', trackingNumbers: ['1Z111', '1Z222'] });
    expect(byRef[0]!.lines).toEqual(expect.arrayContaining([{ sku: 'TEE-M', expected: 3, received: 0, stowed: 0 }]));
    expect(r.adapter.findInbound({ trackingNumber: '1Z222' }).map((x) => x.externalId)).toEqual([out.externalId]);
    // Awaiting stock shows as inbound.
    expect(r.adapter.getStock({ skus: ['MUG'] })[0]).toMatchObject({ warehouseId: '10', inbound: 2, onHand: 0 });
    r.clock.advance(7 * 24 * 3600_000);
    expect(r.adapter.findInbound({ reference: 'RMV-001' })[0]!.status).toBe('expected');
  });

  it('a receive step completes it: stock goes on hand, a short count reads as completed with the shortfall', () => {
    const r = rig();
    r.adapter.createInboundReceipt(removal('RMV-002'));
    r.sim.act({ action: 'receive', reference: 'RMV-002', lines: [{ sku: 'TEE-M', quantity: 2 }] });
    const got = r.adapter.findInbound({ reference: 'RMV-002' })[0]!;
    expect(got).toMatchObject({ status: 'completed', rawStatus: 'Incomplete' });
    expect(got.lines.find((l) => l.sku === 'TEE-M')).toMatchObject({ expected: 3, received: 2 });
    expect(r.adapter.getStock({ skus: ['MUG'] })[0]).toMatchObject({ onHand: 2, inbound: 0 });
  });

  it('arrival without counting reads as arrived', () => {
    const r = rig();
    r.adapter.createInboundReceipt(removal('RMV-003'));
    r.sim.act({ action: 'receive', trackingNumber: '1Z111', complete: false });
    expect(r.adapter.findInbound({ reference: 'RMV-003' })[0]!.status).toBe('arrived');
  });

  it('survives a lost response on create (adopts) and refuses unknown SKUs', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'create-warehouse-receiving-order', kind: 'lost_response' }] });
    expect(r.adapter.createInboundReceipt(removal('RMV-004')).status).toBe('already_exists');
    expect(r.sim.snapshot().receipts.filter((x) => (x as { purchase_order_number?: string }).purchase_order_number === 'RMV-004')).toHaveLength(1);
    const bad = r.adapter.createInboundReceipt({ ...removal('RMV-005'), lines: [{ sku: 'NOPE', quantity: 1 }] });
    expect(bad.status).toBe('rejected');
    expect(bad.messages.join(' ')).toMatch(/NOPE/);
  });

  it('requires a tracking number for a WRO box', () => {
    const r = rig();
    expect(r.adapter.createInboundReceipt(removal('RMV-006', [])).status).toBe('rejected');
  });
});

describe('returns', () => {
  it('creates a return, finds it by tracking number, and a receive step restocks it', () => {
    const r = rig();
    const out = r.adapter.createInboundReceipt({ ...removal('LPN00012345', ['TBA123']), kind: 'return', lines: [{ sku: 'TEE-L', quantity: 1 }] });
    expect(out.status).toBe('created');
    expect(r.adapter.findInbound({ trackingNumber: 'TBA123' })).toEqual([
      expect.objectContaining({ objectType: 'return', reference: 'LPN00012345', status: 'expected', trackingNumbers: ['TBA123'] }),
    ]);
    r.sim.act({ action: 'receive', trackingNumber: 'TBA123' });
    expect(r.adapter.findInbound({ reference: 'LPN00012345' })[0]).toMatchObject({ status: 'completed', lines: [{ sku: 'TEE-L', expected: 1, received: 1 }] });
    expect(r.adapter.getStock({ skus: ['TEE-L'] })[0]!.onHand).toBe(11);
  });

  it('seeded receiving orders and returns are there from the start', () => {
    const r = rig({
      seed: {
        receivingOrders: [{ purchaseOrderNumber: 'RMV-SEED', location: 11, boxes: [{ trackingNumber: 'TN-A', items: [{ sku: 'MUG', quantity: 4 }] }] }],
        returns: [{ referenceId: 'RMA-SEED', trackingNumber: 'TN-R', location: 10, items: [{ sku: 'TEE-M', quantity: 1 }] }],
      },
    });
    expect(r.adapter.findInbound({ reference: 'RMV-SEED' })[0]).toMatchObject({ warehouseId: '11', status: 'expected' });
    expect(r.adapter.findInbound({ trackingNumber: 'TN-R' })[0]).toMatchObject({ reference: 'RMA-SEED' });
  });
});

describe('billing', () => {
  it('charges shipments and receipts, invoices them the next day, and lists both', () => {
    const r = rig();
    r.adapter.createOutboundOrder(mfnOrder('202-3333333-0000001', [{ sku: 'TEE-M', quantity: 3 }]));
    r.adapter.createInboundReceipt(removal('RMV-100'));
    r.clock.advance(3 * 3600_000);
    r.sim.act({ action: 'receive', reference: 'RMV-100' });
    const charges = r.adapter.listCharges({ from: '2026-11-01', to: '2026-11-03' });
    const ship = charges.find((c) => c.referenceType === 'shipment')!;
    const shipmentId = r.sim.snapshot().orders[0]!.shipments[0] as { id: number };
    expect(ship).toMatchObject({ amount: 4.1, currency: 'GBP', feeType: 'Shipping', chargeKind: 'charge', referenceId: String(shipmentId.id), chargeDate: '2026-11-02' });
    const rec = charges.filter((c) => c.referenceType === 'receipt');
    expect(rec.reduce((n, c) => n + (c.amount ?? NaN), 0)).toBeCloseTo(1.5, 5);
    expect(ship.invoiceId).toBeUndefined();
    r.clock.advance(24 * 3600_000);
    const invoices = r.adapter.listInvoices({ from: '2026-11-01', to: '2026-11-30' });
    expect(invoices.map((i) => i.invoiceType).sort()).toEqual(['Inbound Fee', 'Shipping']);
    expect(invoices.find((i) => i.invoiceType === 'Shipping')).toMatchObject({ amount: 4.1, invoiceDate: '2026-11-02', currency: 'GBP' });
    const later = r.adapter.listCharges({ from: '2026-11-01', to: '2026-11-03' });
    expect(later.every((c) => c.invoiceId !== undefined)).toBe(true);
  });
});
