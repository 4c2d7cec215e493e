// A backlog of shipped orders that all wait for one cause (the 3PL's carrier is not in the Carrier
// Map) made one High ORDER_STUCK row per order, hundreds at scale, each e-mailed: only
// ORDER_ORPHANED was capped. Every per-order exception kind of the orders flow now names at most 50
// orders (the oldest or most urgent) and counts the rest in one row, which resolves like the others.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { MAX_ORDER_ROWS } from '../../src/core/orders/rules';
import { CARRIER_TYPO, order, ordersWorld } from './world';

const ORDERS = MAX_ORDER_ROWS + 6;

describe('a backlog of shipped orders held by one missing Carrier Map row', () => {
  it('names at most 50 orders in ORDER_STUCK and counts the rest in one row, all resolved once the carrier is mapped', () => {
    const orders = Array.from({ length: ORDERS }, (_, i) => order(i + 1, [{ sku: i % 2 ? 'TEE-M' : 'MUG-1', quantity: 1 }]));
    const r = new InventoryRun(ordersWorld({ offers: [{ sku: 'TEE-M', onHand: 200 }, { sku: 'MUG-1', onHand: 200 }], carrierMap: CARRIER_TYPO, orders }));
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    expect(r.tab('Orders').filter((x) => x.State === 'shipped')).toHaveLength(ORDERS);
    const stuck = r.openExceptions('ORDER_STUCK');
    expect(stuck).toHaveLength(MAX_ORDER_ROWS);
    const more = stuck.filter((x) => x.Key === 'ORDER_STUCK:+more:confirm');
    expect(more).toHaveLength(1);
    expect(more[0]!.Entity).toBe(`${ORDERS - MAX_ORDER_ROWS + 1} more orders`);
    expect(more[0]!.Message).toMatch(/not confirmed to Amazon in time either/);
    expect(r.openExceptions('CARRIER_UNMAPPED')).toHaveLength(1);

    r.edit('Carrier Map', { '3PL Carrier': 'Royal Mial' }, { '3PL Carrier': 'Royal Mail' });
    for (let i = 0; i < 4 && r.tab('Orders').some((x) => x.State !== 'confirmed'); i++) {
      r.advance('1h');
      r.syncOrders();
    }
    expect(r.tab('Orders').filter((x) => x.State === 'confirmed')).toHaveLength(ORDERS);
    expect(r.openExceptions('ORDER_STUCK')).toHaveLength(0);
  });
});
