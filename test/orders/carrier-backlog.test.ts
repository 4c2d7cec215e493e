// Shipped orders waiting for a Carrier Map row were each read from Amazon (getOrder, one call every
// 2 s after a burst of 30) before the carrier was looked at, in the same order every run: a backlog
// of them used the whole run's time and rate, was reported as "left to confirm (this run's time or
// Amazon's rate ran out)", and an order shipped later with a mapped carrier was never reached, so it
// was never confirmed. Now shipments the Carrier Map can translate go first, and one whose carrier it cannot
// translate is read from Amazon only ten a run, while getOrder needs no wait (to see one confirmed by hand).

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { CARRIER_TYPO, id, order, ordersWorld } from './world';

const WAITING = 160;
const confirmed = (r: InventoryRun) => (r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>).map((c) => c.orderId);

describe('a backlog of shipments whose carrier is not in the Carrier Map', () => {
  it('does not hold back an order shipped later with a mapped carrier, and spends only a few getOrder calls on the waiting ones', () => {
    const orders = Array.from({ length: WAITING }, (_, i) => order(i + 1, [{ sku: i % 2 ? 'TEE-M' : 'MUG-1', quantity: 1 }]));
    const r = new InventoryRun(ordersWorld({
      offers: [{ sku: 'TEE-M', onHand: 400 }, { sku: 'MUG-1', onHand: 400 }],
      carrierMap: [['Royal Mail', 'Tracked 48', 'Royal Mail', '', 'Tracked 48', '']],
      threePlBehaviour: { shipAfter: '2h', carrier: 'Royal Mail', service: 'Tracked 24' },
      orders,
    }));
    r.syncOrders();
    r.syncOrders();
    r.advance('3h');
    // ShipBob ships them all (read on this run) with a service the Carrier Map does not have.
    r.syncOrders();
    // ShipBob now ships with the service the Carrier Map has; one more order comes in and ships.
    (r.run.threePl.state.seed.behaviour as { service: string }).service = 'Tracked 48';
    r.amazon('newOrder', { order: order(WAITING + 1, [{ sku: 'TEE-M', quantity: 1 }], { created: '2026-11-02T11:00:00Z' }) });
    r.advance('10m');
    r.syncOrders();
    expect(r.tab('Orders').find((x) => x['Amazon Order ID'] === id(WAITING + 1))!.State).toBe('sent');
    r.advance('3h');
    const before = r.run.amazon.calls.filter((c) => c.operation === 'getOrder').length;
    const run = r.syncOrders();
    expect(confirmed(r)).toEqual([id(WAITING + 1)]);
    // The waiting shipments are said as waiting for the Carrier Map, not as left for lack of time.
    expect(run.message).not.toMatch(/left to confirm/);
    expect(r.openExceptions('CARRIER_UNMAPPED')).toHaveLength(1);
    // A few getOrder calls for the waiting ones (a confirmation made by hand is still seen), not the run's time at one call every 2 s.
    expect(r.run.amazon.calls.filter((c) => c.operation === 'getOrder').length - before).toBeLessThanOrEqual(15);
    expect(r.tab('Orders').filter((x) => x.State === 'shipped' && /Tracked 24 is not in the Carrier Map/.test(x.Note ?? ''))).toHaveLength(WAITING);
  });
});

describe('a shipment waiting for a Carrier Map row', () => {
  it('makes the orders run partial and says so, until the row is added', () => {
    const r = new InventoryRun(ordersWorld({ carrierMap: CARRIER_TYPO, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.advance('3h');
    const waiting = r.syncOrders();
    expect(confirmed(r)).toEqual([]);
    expect(waiting.outcome).toBe('partial');
    expect(waiting.message).toMatch(/1 shipment not confirmed to Amazon: no usable Carrier Map row for its carrier \(see CARRIER_UNMAPPED\)/);
    r.edit('Carrier Map', { '3PL Carrier': 'Royal Mial' }, { '3PL Carrier': 'Royal Mail' });
    r.advance('10m');
    expect(r.syncOrders().outcome).toBe('ok');
    expect(confirmed(r)).toEqual([id(1)]);
  });
});
