// The Orders tab's Purchase Date is Amazon's, for reading: text typed there ("last week") is no date,
// so ORDER_ORPHANED never chased an order that did not reach the 3PL (its age could not be told), and
// nothing was said. Amazon's date is put back, the cell named, and the order chased by it.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('the Orders Purchase Date cell typed as text', () => {
  it("gets Amazon's date back, is named, and ORDER_ORPHANED still fires for an order not at the 3PL", () => {
    // ShipBob cannot be read, so the order is never sent.
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])], faults: [{ system: 'threePl', operation: 'get-orders', kind: '503', times: 500 }] }));
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('ready');
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Purchase Date': 'last week' });
    r.advance('3h');
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(ledger(r, id(1))!['Purchase Date']).toBe('2026-11-02 07:30');
    expect(r.openExceptions('ORDER_ORPHANED').map((e) => e.Key)).toEqual([`ORDER_ORPHANED:${id(1)}`]);
    const [edit] = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit!.Key).toBe(`ORDER_EDIT_INVALID:${id(1)}:purchasedate`);
    expect(edit!.Message).toMatch(/Purchase Date cell of order .* read "last week", which is no date: Amazon's \(2026-11-02 07:30 UTC\) was put back/);
  });
});
