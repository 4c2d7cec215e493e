// An Amazon Order ID typed over with another order's id (so two rows hold it): the status seal, kept by
// id, put the other row's Amazon Status, Tracking and Confirmed At back on the confirmed order's row,
// turning it back into an unshipped "sent" order chased by ORDER_STUCK, and the typed row stayed as a
// phantom. Now a repeated id is never put back from the seal, and the row holding the other order's
// 3PL order gets that order's id back (its 3PL order carries it), named in ORDER_EDIT_INVALID.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld, HELD_CAP } from './world';

const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const rows = (r: InventoryRun) => r.tab('Orders').map((x) => [x['Amazon Order ID'], x.State, x['Amazon Status']]);

describe("an Amazon Order ID typed over with another order's id", () => {
  it('each order keeps its own row: both shipped and confirmed once, the typed cell named', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }]), order(2, [{ sku: 'MUG-1', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(2) }, { 'Amazon Order ID': id(1) });
    r.advance('3h');
    r.syncOrders();
    r.advance('1h');
    r.syncOrders();
    expect(rows(r)).toEqual([
      [id(1), 'confirmed', 'SHIPPED'],
      [id(2), 'confirmed', 'SHIPPED'],
    ]);
    expect(confirmations(r).map((c) => c.orderId).sort()).toEqual([id(1), id(2)]);
    expect(r.exceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(2)}:id`]);
    expect(r.openExceptions('ORDER_STUCK')).toEqual([]);
  });

  it('on orders the 3PL has not shipped: the typed row gets its own id back in the next run', () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }]), order(2, [{ sku: 'MUG-1', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(2) }, { 'Amazon Order ID': id(1) });
    r.advance('10m');
    const run = r.syncOrders();
    expect(rows(r)).toEqual([
      [id(1), 'sent', 'UNSHIPPED'],
      [id(2), 'sent', 'UNSHIPPED'],
    ]);
    expect(r.openExceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(2)}:id`]);
    expect(run.outcome).toBe('partial');
  });

  it('on unsent orders: the typed row gets its own id back from its lines, so no phantom row stays held or counted', () => {
    const r = new InventoryRun(
      ordersWorld({
        ...HELD_CAP,
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }]), order(2, [{ sku: 'CAP-9', quantity: 2 }])],
      }),
    );
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(2) }, { 'Amazon Order ID': id(1) });
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.syncOrders();
    r.syncOrders();
    expect(rows(r)).toEqual([
      [id(1), 'sent', 'UNSHIPPED'],
      [id(2), 'sent', 'UNSHIPPED'],
    ]);
    expect(r.openExceptions('ORDER_HELD')).toEqual([]);
    expect(r.exceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(2)}:id`]);
    r.sync();
    expect(r.inventoryRow('CAP-9')!['Unsent Orders']).toBe('0');
  });
});
