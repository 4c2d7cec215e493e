// Amazon answering getOrder with a body that is not what the API documents (cut short, not JSON) for
// the order whose shipment is to be confirmed failed the whole orders run, every run: nothing else
// was confirmed, and no new order was sent to the 3PL while it lasted. Now it is that order's problem
// (its Note says so, the run is partial) and every other order still goes.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

const threeplRefs = (r: InventoryRun) => (r.run.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference);

describe('a getOrder body Amazon broke', () => {
  it('holds back only the order it is about; a new order is still sent and the run is partial', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])], faults: [{ system: 'amazon', operation: 'getOrder', kind: 'malformed', times: 50 }] }));
    r.syncOrders();
    expect(threeplRefs(r)).toEqual([id(1)]);
    r.advance('3h');
    r.amazon('newOrder', { order: { orderId: id(2), items: [{ sku: 'MUG-1', quantity: 1 }] } });
    r.advance('5m');
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(threeplRefs(r)).toEqual([id(1), id(2)]);
    expect(r.tab('Orders').find((x) => x['Amazon Order ID'] === id(1))!.Note).toMatch(/Amazon could not be read to confirm it this run \(Amazon getOrder returned an unexpected response/);
    expect(run.message).toMatch(/1 shipment not confirmed to Amazon/);
  });
});
