// An Amazon Order ID typed over on an order already at the 3PL: the real order came back as a second
// row (read again from Amazon when its 3PL order changed), and the typed one stayed for good, raising
// ORDER_STUCK High for an order Amazon does not have, with nothing naming the cell. Now the row that
// holds the 3PL order gets its own id back (Amazon answering it does not know the typed one), one
// row, and ORDER_EDIT_INVALID names the cell; the shipment is still confirmed once.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const TYPED = '202-9999999-9999999';

describe('an Amazon Order ID typed over on an order at the 3PL', () => {
  it('is put back on its row when the 3PL order changes, named, and the shipment confirmed once', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Order ID': TYPED });
    r.advance('3h');
    const run = r.syncOrders();
    expect(r.tab('Orders').map((x) => [x['Amazon Order ID'], x.State])).toEqual([[id(1), 'confirmed']]);
    expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
    const [edit] = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit!.Key).toBe(`ORDER_EDIT_INVALID:${id(1)}:id`);
    expect(edit!.Message).toMatch(/Amazon Order ID cell of order 202-1000001-0000001 was changed to "202-9999999-9999999", which Amazon does not know/);
    expect(run.outcome).toBe('partial');
    r.advance('5d');
    r.syncOrders();
    expect(r.openExceptions('ORDER_STUCK')).toEqual([]);
    expect(confirmations(r)).toHaveLength(1);
  });
});
