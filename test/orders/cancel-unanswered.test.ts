// Amazon cancellations the 3PL could not be asked about: the run was cut (or the 3PL stopped
// answering) part-way through the cancellation step, and the step's counts were lost with it, so the
// Sync Log said "0 cancellations carried over" without the warning that the 3PL may ship them; each
// cancellation after the first waited through the same silence again. Now the first cancellation the
// 3PL gives no answer about stops the step: every cancellation not carried over is counted in the
// run's message and named in its row's Note, and each is carried over once the 3PL answers.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

const HOLD = { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' };

describe('Amazon cancellations while the 3PL gives no answer', () => {
  it('every one left is said in the Sync Log and its Note, and each is cancelled at ShipBob once it answers', () => {
    const orders = [1, 2, 3, 4].map((n) => order(n, [{ sku: 'TEE-M', quantity: 1 }]));
    const r = new InventoryRun(ordersWorld({ orders, threePlBehaviour: HOLD }));
    r.syncOrders();
    for (const n of [1, 2, 3, 4]) r.amazon('cancelOrder', { orderId: id(n) });
    r.advance('5m');
    // ShipBob lists its orders, but asking for one of them gets no answer.
    r.run.faults.add({ system: 'threePl', operation: 'get-order', kind: 'timeout', times: 1000 });
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/4 Amazon cancellations not carried over to ShipBob yet \(the order's Note says why; tried again next run\): until it is, ShipBob may ship the order/);
    expect(run.message).toMatch(/Not reachable this run, tried again next run: ShipBob did not answer \(get-order\)/);
    for (const o of r.tab('Orders')) expect(o['Note']).toMatch(/^Cancelled on Amazon; .*ShipBob.*Tried again next run\.$/);
    r.run.faults.clear();
    r.advance('10m');
    const back = r.syncOrders();
    expect(back.counts?.cancelled).toBe(4);
    expect(r.tab('Orders').map((o) => o['State'])).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    const at = r.run.threePl.snapshot().orders as Array<{ reference: string; status: string }>;
    expect(at.map((o) => o.status)).toEqual(['Cancelled', 'Cancelled', 'Cancelled', 'Cancelled']);
    r.assertInvariants();
  });
});
