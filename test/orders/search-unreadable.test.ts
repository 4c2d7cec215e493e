// Amazon answering searchOrders with a body the add-on cannot read (not JSON, or not the schema)
// failed the whole orders run for as long as it lasted: shipped orders already in the ledger were not
// confirmed and ready ones not sent, although each is read from Amazon again (getOrder) before it is
// sent or confirmed. Now the run goes on from the ledger, is "partial" and says the order list could
// not be read; once Amazon's answer is readable the new orders land and everything happens once.
// The same for a searchOrders that fails with 5xx even after retries while Amazon answers the rest:
// only no answer at all (timeouts, no token) keeps the steps that need Amazon waiting.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { HELD_CAP, id, order, ordersWorld } from './world';

const refs = (r: InventoryRun) => (r.run.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference).sort();
const confirmed = (r: InventoryRun) => (r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>).map((c) => c.orderId).sort();

const UNREADABLE = /Amazon's order list could not be read this run \(Amazon searchOrders returned an unexpected response/;
const FAILING = /Not reachable this run, tried again next run: Amazon searchOrders failed with HTTP 503/;

describe("searchOrders' body cannot be read, or searchOrders alone fails (503s)", () => {
  for (const [kind, said] of [['malformed', UNREADABLE], ['503', FAILING]] as const) it(`${kind}: orders already in the ledger are confirmed and sent; partial, said; new orders land once it clears`, () => {
    const r = new InventoryRun(ordersWorld({ ...HELD_CAP, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }]), order(2, [{ sku: 'CAP-9', quantity: 1 }])] }));
    r.syncOrders();
    expect(refs(r)).toEqual([id(1)]);
    // Order 2 becomes sendable, order 3 is placed, and ShipBob ships order 1 while Amazon's order list is broken.
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.amazon('newOrder', { order: order(3, [{ sku: 'MUG-1', quantity: 1 }], { created: '2026-11-02T08:01:00Z' }) });
    r.advance('3h');
    r.run.faults.add({ system: 'amazon', operation: 'searchOrders', kind, times: 1000 });
    const broken = r.syncOrders();
    expect(broken.execution).toBe('ok');
    expect(broken.outcome).toBe('partial');
    expect(broken.message).toMatch(said);
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

describe('Amazon failing the order details even after retries', () => {
  it('confirmations stop at the first shipped order Amazon fails to give: the rest are counted as left, then each is confirmed once', () => {
    const orders = [1, 2, 3, 4, 5].map((n) => order(n, [{ sku: 'TEE-M', quantity: 1 }]));
    const r = new InventoryRun(ordersWorld({ orders }));
    r.syncOrders();
    r.advance('3h');
    r.run.faults.add({ system: 'amazon', operation: 'getOrder', kind: '500', times: 1000 });
    const before = r.run.amazon.calls.filter((c) => c.operation === 'getOrder').length;
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/1 shipment not confirmed to Amazon/);
    expect(run.message).toMatch(/4 shipped orders left to confirm to Amazon in the next run/);
    // One order's tries, not five orders' worth.
    const asked = r.run.amazon.calls.filter((c) => c.operation === 'getOrder').length - before;
    expect(asked).toBeLessThanOrEqual(6);
    r.run.faults.clear();
    r.syncOrders();
    expect(confirmed(r)).toEqual([1, 2, 3, 4, 5].map(id));
    r.assertInvariants();
  });
});

describe('Amazon failing the details of orders to send, even after retries', () => {
  it('sending stops at the first: it is not sent, the rest are counted as left, then each is sent once', () => {
    const orders = [1, 2, 3].map((n) => order(n, [{ sku: 'TEE-M', quantity: 1 }]));
    // ShipBob is down for the first run, so the orders wait as "ready"; then Amazon's list cannot be read
    // (no fresh details) and getOrder fails: each order's address must be asked for, and none can be.
    const r = new InventoryRun(ordersWorld({ orders, faults: [{ system: 'threePl', operation: '*', kind: '500', times: 4 }] }));
    r.syncOrders();
    expect(r.tab('Orders').map((o) => o['State'])).toEqual(['ready', 'ready', 'ready']);
    r.run.faults.clear();
    r.run.faults.add({ system: 'amazon', operation: 'searchOrders', kind: 'malformed', times: 1000 });
    r.run.faults.add({ system: 'amazon', operation: 'getOrder', kind: '500', times: 1000 });
    const before = r.run.amazon.calls.filter((c) => c.operation === 'getOrder').length;
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/1 order not sent to ShipBob this run/);
    expect(run.message).toMatch(/2 orders left to send in the next run/);
    expect(r.run.amazon.calls.filter((c) => c.operation === 'getOrder').length - before).toBeLessThanOrEqual(6);
    expect(refs(r)).toEqual([]);
    r.run.faults.clear();
    r.syncOrders();
    expect(refs(r)).toEqual([1, 2, 3].map(id));
    r.assertInvariants();
  });
});
