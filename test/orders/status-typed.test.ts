// The Orders tab's Amazon Status cell is Amazon's, for reading: "Cancelled" typed there must not
// cancel the buyer's order at the 3PL (nobody would ship it, and nothing would say so). It is checked
// with Amazon, put back, named in ORDER_EDIT_INVALID, and the order still ships and is confirmed once;
// a real cancellation on Amazon still reaches the 3PL.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

type ThreePlOrder = { reference: string; status: string };
const threePlOrders = (r: InventoryRun) => r.run.threePl.snapshot().orders as ThreePlOrder[];
const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('the Orders Amazon Status cell typed over', () => {
  it('never cancels the 3PL order on a typed "Cancelled": Amazon is asked, the cell put back, the order shipped and confirmed once', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }]), order(2, [{ sku: 'MUG-1', quantity: 1 }])] }));
    r.syncOrders();
    expect(threePlOrders(r)).toHaveLength(2);

    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'Cancelled' });
    r.amazon('cancelOrder', { orderId: id(2) });
    r.advance('5m');
    const run = r.syncOrders();
    expect(threePlOrders(r).find((o) => o.reference === id(1))!.status).not.toBe('Cancelled');
    expect(ledger(r, id(1))).toMatchObject({ 'Amazon Status': 'UNSHIPPED', State: 'sent' });
    const [edit] = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit!.Key).toBe(`ORDER_EDIT_INVALID:${id(1)}:status`);
    expect(edit!.Message).toMatch(/Amazon Status cell of order .* "CANCELLED", but Amazon's order is UNSHIPPED/);
    expect(run.outcome).toBe('partial');
    // Amazon's own cancellation, read this run, still goes to the 3PL.
    expect(threePlOrders(r).find((o) => o.reference === id(2))!.status).toBe('Cancelled');

    r.advance('3h');
    r.syncOrders();
    expect(confirmations(r).filter((c) => c.orderId === id(1))).toHaveLength(1);
    expect(ledger(r, id(1))!.State).toBe('confirmed');
  });
});

describe('the Orders Amazon Status cell typed SHIPPED on an order sent and not yet confirmed', () => {
  it('with State typed "confirmed": both are named, the shipment is still confirmed to Amazon exactly once, and the exceptions clear', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'SHIPPED', State: 'confirmed' });
    r.advance('5m');
    expect(r.syncOrders().outcome).toBe('partial');
    // Not taken as confirmed: nothing of it has shipped, so it is followed (and chased) as sent.
    expect(ledger(r, id(1))!.State).toBe('sent');
    // One row, one exception: its message names both cells (the Amazon Status put back from the add-on's seal).
    const [both] = r.openExceptions('ORDER_EDIT_INVALID');
    expect(r.openExceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:status`]);
    expect(both!.Message).toMatch(/Amazon Status cell of order .* was changed to "SHIPPED", but Amazon's order is UNSHIPPED.*State cell of order .* was changed to "confirmed"/);
    expect(ledger(r, id(1))!['Amazon Status']).toBe('UNSHIPPED');
    r.advance('3h');
    r.syncOrders();
    expect(confirmations(r).filter((c) => c.orderId === id(1))).toHaveLength(1);
    expect(ledger(r, id(1))).toMatchObject({ State: 'confirmed', 'Amazon Status': 'SHIPPED' });
    r.advance('3h');
    expect(r.syncOrders().outcome).toBe('ok');
    expect(confirmations(r).filter((c) => c.orderId === id(1))).toHaveLength(1);
    expect(r.openExceptions('ORDER_EDIT_INVALID')).toEqual([]);
  });

  it('alone: the 3PL shipment is still confirmed to Amazon once, and the typed status named', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'SHIPPED' });
    r.advance('3h');
    expect(r.syncOrders().outcome).toBe('partial');
    expect(confirmations(r).filter((c) => c.orderId === id(1))).toHaveLength(1);
    expect(r.openExceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:status`]);
    r.advance('3h');
    r.syncOrders();
    expect(confirmations(r).filter((c) => c.orderId === id(1))).toHaveLength(1);
  });
});
