// Amazon answering searchOrders with a body the add-on cannot read (not JSON, or not the schema)
// failed the whole orders run for as long as it lasted: shipped orders already in the ledger were not
// confirmed and ready ones not sent, although each is read from Amazon again (getOrder) before it is
// sent or confirmed. Now the run goes on from the ledger, is "partial" and says the order list could
// not be read; once Amazon's answer is readable the new orders land and everything happens once.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { HELD_CAP, id, order, ordersWorld } from './world';

const refs = (r: InventoryRun) => (r.run.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference).sort();
const confirmed = (r: InventoryRun) => (r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>).map((c) => c.orderId).sort();

describe("searchOrders' body cannot be read", () => {
  it('orders already in the ledger are confirmed and sent; partial, said; new orders land once it clears', () => {
    const r = new InventoryRun(ordersWorld({ ...HELD_CAP, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }]), order(2, [{ sku: 'CAP-9', quantity: 1 }])] }));
    r.syncOrders();
    expect(refs(r)).toEqual([id(1)]);
    // Order 2 becomes sendable, order 3 is placed, and ShipBob ships order 1 while Amazon's order list is broken.
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.amazon('newOrder', { order: order(3, [{ sku: 'MUG-1', quantity: 1 }], { created: '2026-11-02T08:01:00Z' }) });
    r.advance('3h');
    r.run.faults.add({ system: 'amazon', operation: 'searchOrders', kind: 'malformed', times: 1000 });
    const broken = r.syncOrders();
    expect(broken.execution).toBe('ok');
    expect(broken.outcome).toBe('partial');
    expect(broken.message).toMatch(/Amazon's order list could not be read this run \(Amazon searchOrders returned an unexpected response/);
    expect(confirmed(r)).toEqual([id(1)]);
    expect(refs(r)).toEqual([id(1), id(2)]);
    expect(r.tab('Orders').some((o) => o['Amazon Order ID'] === id(3))).toBe(false);
    r.run.faults.clear();
    r.advance('10m');
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    r.syncOrders();
    expect(refs(r)).toEqual([id(1), id(2), id(3)]);
    expect(confirmed(r)).toEqual([id(1), id(2), id(3)]);
    r.assertInvariants();
  });
});
