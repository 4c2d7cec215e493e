// A run whose confirmation to Amazon, or whose cancellation at the 3PL, failed on an API error (a
// timeout, a 500) did not do what was due: it said "ok" and "0 shipments confirmed" while the
// shipped order's Note said it was not confirmed, and a buyer's cancellation that never reached the
// 3PL (which may ship it) was not in the Sync Log at all, nor was an order left unsent because Amazon
// or the 3PL answered with an error. Now the run is "partial" and says so.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld, HELD_CAP } from './world';

const threeplRefs = (r: InventoryRun) => (r.run.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference);
const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;

describe('an orders run that could not do what was due is not "ok"', () => {
  it('a confirmation Amazon did not take (timeouts): partial, said, confirmed once later', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])], faults: [{ system: 'amazon', operation: 'confirmShipment', kind: 'timeout', times: 2 }] }));
    expect(r.syncOrders().outcome).toBe('ok');
    r.advance('3h');
    const run = r.syncOrders();
    expect(confirmations(r)).toEqual([]);
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/1 shipment not confirmed to Amazon: Amazon did not take the confirmation or could not be read/);
    r.advance('1h');
    for (let i = 0; i < 4 && confirmations(r).length === 0; i++) r.syncOrders();
    expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
    expect(r.syncOrders().outcome).toBe('ok');
  });

  it('a cancellation the 3PL could not take (500s): partial, said', () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])], faults: [{ system: 'threePl', operation: 'cancel-order', kind: '500', times: 20 }] }));
    r.syncOrders();
    r.amazon('cancelOrder', { orderId: id(1) });
    r.advance('5m');
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/1 Amazon cancellation not carried over to ShipBob yet/);
  });

  it("an order not sent because Amazon could not give its details (500s): partial, said, sent once later", () => {
    const r = new InventoryRun(
      ordersWorld({
        ...HELD_CAP,
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }])],
        faults: [{ system: 'amazon', operation: 'getOrder', kind: '500', times: 30 }],
      }),
    );
    r.syncOrders();
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    const run = r.syncOrders();
    expect(threeplRefs(r)).toEqual([]);
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/1 order not sent to ShipBob this run: ShipBob or Amazon answered with an error/);
    for (let i = 0; i < 6 && threeplRefs(r).length === 0; i++) r.syncOrders();
    expect(threeplRefs(r)).toEqual([id(1)]);
  });
});
