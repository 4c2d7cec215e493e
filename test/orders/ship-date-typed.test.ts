// The Orders tab's Latest Ship Date is Amazon's, for reading: text typed there ("next friday") is no
// date, so ORDER_STUCK never chased the order past Amazon's real one (and the text was erased in an
// ok run). Amazon's date is put back, the cell named, and the order still chased by it.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('the Orders Latest Ship Date cell typed as text', () => {
  it("gets Amazon's date back, is named, and ORDER_STUCK still fires past Amazon's date", () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Latest Ship Date': 'next friday' });
    r.advance('5d');
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(ledger(r, id(1))!['Latest Ship Date']).toBe('2026-11-04 23:00');
    expect(r.openExceptions('ORDER_STUCK').map((e) => e.Key)).toEqual([`ORDER_STUCK:${id(1)}:ship`]);
    const [edit] = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit!.Key).toBe(`ORDER_EDIT_INVALID:${id(1)}:shipdate`);
    expect(edit!.Message).toMatch(/Latest Ship Date cell of order .* read "next friday", which is no date: Amazon's \(2026-11-04 23:00 UTC\) was put back/);
  });
});
