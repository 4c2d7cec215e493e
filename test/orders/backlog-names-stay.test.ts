// A capped backlog (more than 50 orders of one kind) named the 49 oldest each run: as the oldest were
// sent or cancelled, the next ones got rows of their own, so a 1,000-order onboarding backlog left
// 589 ORDER_ORPHANED rows in the Exceptions tab (each a new High row for the alert e-mail) although
// no more than 50 were open at a time. While the count row is shown, only the orders already named
// keep their rows now; the rest stay counted in it.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { MAX_ORDER_ROWS } from '../../src/core/orders/rules';
import { HELD_CAP, id, order, ordersWorld } from './world';

const ORDERS = MAX_ORDER_ROWS + 20;

describe('a backlog of held orders draining', () => {
  it('opens no row for an order the count row already counted', () => {
    const orders = Array.from({ length: ORDERS }, (_, i) => order(i + 1, [{ sku: 'CAP-9', quantity: 1 }], { created: new Date(Date.parse('2026-11-02T07:00:00Z') - i * 60_000).toISOString() }));
    const r = new InventoryRun(ordersWorld({ ...HELD_CAP, orders }));
    r.syncOrders();
    const held = () => r.exceptions('ORDER_HELD');
    expect(r.openExceptions('ORDER_HELD')).toHaveLength(MAX_ORDER_ROWS);
    // The buyers of the ten oldest (named) orders cancel them.
    for (let n = ORDERS; n > ORDERS - 10; n--) r.amazon('cancelOrder', { orderId: id(n) });
    r.advance('10m');
    r.syncOrders();
    expect(held()).toHaveLength(MAX_ORDER_ROWS);
    const open = r.openExceptions('ORDER_HELD');
    expect(open).toHaveLength(MAX_ORDER_ROWS - 10);
    expect(open.find((x) => x.Key === 'ORDER_HELD:+more')!.Entity).toBe('21 more orders');
  });
});
