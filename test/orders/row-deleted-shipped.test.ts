// A shipped order waiting for its confirmation (its carrier not yet in the Carrier Map) whose Orders
// row is deleted: no later change at the 3PL brings it back to the status read, and the confirm step
// passed its shipment over as "not ours", so it was never confirmed to Amazon and nothing was said.
// Now the confirm step reads the order again from Amazon and confirms its shipment once.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { CARRIER_TYPO, id, order, ordersWorld } from './world';

const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('a shipped order whose Orders row is deleted before its confirmation', () => {
  it('is read back from Amazon and its shipment confirmed once', () => {
    const r = new InventoryRun(ordersWorld({ carrierMap: CARRIER_TYPO, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('shipped');
    const at = r.tab('Orders').findIndex((x) => x['Amazon Order ID'] === id(1));
    r.run.gas.spreadsheet.sheet('Orders')!.deleteRows(at + 2, 1);
    r.edit('Carrier Map', { '3PL Carrier': 'Royal Mial' }, { '3PL Carrier': 'Royal Mail' });
    r.advance('1h');
    const run = r.syncOrders();
    expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
    expect(ledger(r, id(1))!.State).toBe('confirmed');
    expect(run.message).toMatch(/1 shipped order whose row was deleted read back from Amazon, so its shipment is confirmed/);
    r.advance('1h');
    r.syncOrders();
    expect(confirmations(r)).toHaveLength(1);
  });
});
