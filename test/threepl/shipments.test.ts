// Orders progressing at the simulated warehouse, and tracking flowing back exactly once through
// HasTracking/IsTrackingUploaded and shipment:batchUpdateTrackingUpload.
import { describe, expect, it } from 'vitest';
import { mfnOrder, rig } from './harness';

describe('order progression and tracking', () => {
  it('ships after shipAfter with the scenario carrier, and is listed as unsynced until marked', () => {
    const r = rig();
    const out = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000001'));
    r.clock.advance(90 * 60_000);
    expect(r.adapter.listUnsyncedShipments()).toHaveLength(0);
    expect(r.adapter.getOrder(out.externalId!)?.status).toBe('processing');
    r.clock.advance(31 * 60_000);
    const unsynced = r.adapter.listUnsyncedShipments();
    expect(unsynced).toHaveLength(1);
    const s = unsynced[0]!.shipment;
    expect(unsynced[0]!.order.primaryReference).toBe('202-2222222-0000001');
    expect(s).toMatchObject({ status: 'shipped', carrier: 'Royal Mail', carrierService: 'Tracked 48', warehouseId: '10', trackingSynced: false });
    expect(s.trackingNumbers[0]).toMatch(/^RO\d{9}GB$/);
    const created = Date.parse(r.adapter.getOrder(out.externalId!)!.createdAt!);
    expect(Date.parse(s.shippedAt!)).toBe(created + 2 * 3600_000);
    expect(s.lines).toEqual([{ sku: 'TEE-M', quantity: 2 }]);
    const query = new URL(r.calls.filter((c) => new URL(c.url).pathname === '/2026-01/order').pop()!.url).searchParams;
    expect(query.get('HasTracking')).toBe('true');
    expect(query.get('IsTrackingUploaded')).toBe('false');

    expect(r.adapter.markShipmentsSynced([s.externalId, '999999'])).toEqual({ synced: [s.externalId], failed: [{ externalId: '999999', message: 'Shipment 999999 not found' }] });
    expect(r.adapter.listUnsyncedShipments()).toHaveLength(0);
    expect(r.sim.snapshot().orders[0]!.shipments[0]).toMatchObject({ isTrackingUploaded: true });
  });

  it('ships in part on a world step: order partially shipped, the rest stays open', () => {
    const r = rig({ seed: { behaviour: { carrier: 'DPD', service: 'Next Day' } } });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000002', [{ sku: 'TEE-M', quantity: 2 }, { sku: 'TEE-L', quantity: 2 }]));
    r.sim.act({ action: 'ship', reference: '202-2222222-0000002', partial: true });
    let o = r.adapter.getOrder(out.externalId!)!;
    expect(o.status).toBe('partially_shipped');
    expect(o.shipments.map((s) => s.status).sort()).toEqual(['processing', 'shipped']);
    expect(o.shipments.find((s) => s.status === 'shipped')!.lines).toEqual([{ sku: 'TEE-M', quantity: 2 }]);
    expect(r.adapter.listUnsyncedShipments()).toHaveLength(1);
    // Without shipAfter nothing ships by itself.
    r.clock.advance(24 * 3600_000);
    expect(r.adapter.getOrder(out.externalId!)!.status).toBe('partially_shipped');
    r.sim.act({ action: 'ship', reference: '202-2222222-0000002' });
    o = r.adapter.getOrder(out.externalId!)!;
    expect(o.status).toBe('shipped');
    expect(r.adapter.listUnsyncedShipments()).toHaveLength(2);
  });

  it('holds and exceptions show through and stop automatic shipping', () => {
    const r = rig();
    const a = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000003'));
    const b = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000004'));
    r.sim.act({ action: 'hold', reference: '202-2222222-0000003' });
    r.sim.act({ action: 'exception', reference: '202-2222222-0000004' });
    r.clock.advance(5 * 3600_000);
    expect(r.adapter.getOrder(a.externalId!)).toMatchObject({ status: 'on_hold', rawStatus: 'Processing' });
    expect(r.adapter.getOrder(b.externalId!)).toMatchObject({ status: 'exception', rawStatus: 'Exception' });
    r.sim.act({ action: 'release', reference: '202-2222222-0000003' });
    r.clock.advance(2 * 3600_000);
    expect(r.adapter.getOrder(a.externalId!)!.status).toBe('shipped');
  });

  it('creates holdSkus orders on hold', () => {
    const r = rig({ seed: { holdSkus: ['TEE-L'] } });
    const a = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000005', [{ sku: 'TEE-L', quantity: 1 }]));
    expect(r.adapter.getOrder(a.externalId!)!.status).toBe('on_hold');
  });

  it('marks delivery after deliverAfter', () => {
    const r = rig({ seed: { behaviour: { shipAfter: '1h', deliverAfter: '1d', carrier: 'Evri', service: 'Standard' } } });
    const a = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000006'));
    r.clock.advance(26 * 3600_000);
    const o = r.adapter.getOrder(a.externalId!)!;
    expect(o.status).toBe('delivered');
    expect(Date.parse(o.shipments[0]!.deliveredAt!)).toBe(Date.parse(o.createdAt!) + 25 * 3600_000);
  });

  it('cancels while cancellable; not once shipped; a repeat reads as cancelled', () => {
    const r = rig();
    const a = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000007'));
    expect(r.adapter.cancelOrder(a.externalId!, 'Amazon order cancelled').status).toBe('cancelled');
    expect(r.adapter.getOrder(a.externalId!)!.status).toBe('cancelled');
    expect(r.adapter.getStock({ skus: ['TEE-M'] }).find((l) => l.warehouseId === '10')!.allocated).toBe(3);
    expect(r.adapter.cancelOrder(a.externalId!, 'again').status).toBe('cancelled');
    const b = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000008'));
    r.clock.advance(3 * 3600_000);
    const c = r.adapter.cancelOrder(b.externalId!, 'too late');
    expect(c.status).toBe('not_cancellable');
    expect(c.messages.join(' ')).toMatch(/cannot be cancelled/);
    expect(r.adapter.cancelOrder('123', 'x').status).toBe('not_found');
  });

  it('a lost response on cancel is retried and ends cancelled', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'cancel-order', kind: 'lost_response' }] });
    const a = r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000009'));
    expect(r.adapter.cancelOrder(a.externalId!, 'x').status).toBe('cancelled');
  });

  it('lists orders changed since a cursor, and the cursor moves forward', () => {
    const r = rig();
    r.adapter.createOutboundOrder(mfnOrder('202-2222222-0000010'));
    const first = r.adapter.listOrdersChangedSince(null);
    expect(first.orders.map((o) => o.primaryReference)).toEqual(['202-2222222-0000010']);
    r.clock.advance(3 * 3600_000);
    const second = r.adapter.listOrdersChangedSince(first.nextCursor);
    expect(second.orders.map((o) => `${o.primaryReference}:${o.status}`)).toEqual(['202-2222222-0000010:shipped']);
    r.clock.advance(3600_000);
    expect(r.adapter.listOrdersChangedSince(second.nextCursor).orders).toHaveLength(0);
  });

  it('testConnection resolves the write channel and lists locations', () => {
    const r = rig({ seed: { channels: [{ id: 7, name: 'ShipBob Default', scopes: ['orders_read'] }, { id: 8, name: 'Sync', scopes: ['orders_read', 'orders_write'] }] } });
    expect(r.adapter.testConnection()).toEqual({
      provider: 'shipbob',
      accountKey: '8',
      accountName: 'Sync',
      warehouses: [
        { id: '10', name: 'Manchester', active: true },
        { id: '11', name: 'Tamworth', active: true },
      ],
    });
  });
});
