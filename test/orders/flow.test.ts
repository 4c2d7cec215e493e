// The orders flow end to end through the built bundle: Amazon FBM orders to ShipBob exactly once,
// holds, pending orders, cancellations before and after shipping, split shipments, the Carrier Map,
// FBA orders ignored, lost answers settled without repeats, and no buyer data in the sheet or log.

import { describe, expect, it } from 'vitest';
import { THREEPL_KEYS } from '../../src/jobs/orders/threepl-status';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld, RM } from './world';

const BUYER = { name: 'Zelda Quirkworth', addressLine1: '77 Quirkworth Lane', city: 'Leeds', postalCode: 'LS1 4QQ', countryCode: 'GB', phone: '07700 900123' };


const world = ordersWorld;

function threePlOrders(r: InventoryRun) {
  return r.run.threePl.snapshot().orders as Array<{ id: number; reference: string; type: string; status: string; shipments: Array<{ id: number; status: string }> }>;
}
function confirmations(r: InventoryRun) {
  return r.run.amazon.snapshot().confirmations as Array<{ orderId: string; packageReferenceId: string; trackingNumber: string; carrierCode: string }>;
}
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('orders: Amazon to ShipBob exactly once', () => {
  it('sends each shippable merchant order once by its Amazon order id, ignores FBA orders, waits for PENDING ones, and keeps buyer data out of the sheet', () => {
    const r = new InventoryRun(
      world({
        orders: [
          order(1, [{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG-1', quantity: 1 }], { recipient: BUYER }),
          order(2, [{ sku: 'MUG-1', quantity: 1 }], { status: 'PENDING' }),
          order(3, [{ sku: 'TEE-M', quantity: 1 }], { fulfilledBy: 'AMAZON' }),
        ],
      }),
    );
    const first = r.syncOrders();
    expect(first.outcome).toBe('ok');
    expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
    expect(ledger(r, id(2))).toMatchObject({ State: 'pending', '3PL Order ID': '' });
    expect(ledger(r, id(3))).toBeUndefined();
    expect(ledger(r, id(1))).toMatchObject({ State: 'sent', Attempts: '1', Lines: 'TEE-M × 2\nMUG-1 × 1', 'Amazon Status': 'UNSHIPPED' });
    expect(r.tab('Orders').length).toBe(2);
    expect(Object.keys(r.tab('Orders')[0]!)).toEqual(['Amazon Order ID', 'Marketplace', 'Purchase Date', 'Latest Ship Date', 'Amazon Status', 'Lines', '3PL Order ID', '3PL Status', 'Attempts', 'Tracking', 'Carrier', 'Shipped At', 'Confirmed At', 'State', 'Note']);

    r.amazon('setOrderStatus', { orderId: id(2), status: 'UNSHIPPED' });
    r.advance('5m');
    r.syncOrders();
    r.syncOrders();
    expect(threePlOrders(r).map((o) => o.reference).sort()).toEqual([id(1), id(2)]);
    expect(ledger(r, id(2))).toMatchObject({ State: 'sent', Attempts: '1' });

    const seen = JSON.stringify(r.run.gas.spreadsheet.toDisplayJson()) + r.run.world.logLines.join('\n');
    for (const v of Object.values(BUYER).filter((x) => x.length > 3)) expect(seen).not.toContain(v);
    // ShipBob got the address Amazon gave.
    expect(JSON.stringify(r.run.threePl.state.orders.find((o: { referenceId: string }) => o.referenceId === id(1)))).toContain('Zelda Quirkworth');
  });

  it('holds an order with an unmapped, inactive or FBA-only SKU, naming it, and sends it once the SKU Map row is fixed', () => {
    const r = new InventoryRun(
      world({
        extraMapRows: [
          ['OLD-1', 'UK', 'FBM', 'SB-OLD-1', '', '', '', '', '', false, '', ''],
          ['FBA-1', 'UK', 'FBA', '', 'B0F0000001', 'X00F000001', '', '', '', '', '', ''],
          ['CAP-9', 'UK', 'FBM', '', '', '', '', '', '', '', '', ''],
        ],
        extraListings: [{ sku: 'CAP-9', channel: 'FBM', quantity: 3 }, { sku: 'OLD-1', channel: 'FBM', quantity: 1 }, { sku: 'FBA-1', channel: 'FBA' }, { sku: 'NEW-1', channel: 'FBM', quantity: 1 }],
        extraThreePl: [{ sku: 'SB-CAP-9', onHand: 5 }, { sku: 'SB-OLD-1', onHand: 5 }],
        orders: [
          order(1, [{ sku: 'TEE-M', quantity: 1 }, { sku: 'CAP-9', quantity: 1 }]),
          order(2, [{ sku: 'OLD-1', quantity: 1 }]),
          order(3, [{ sku: 'FBA-1', quantity: 1 }]),
          order(4, [{ sku: 'NEW-1', quantity: 1 }]),
        ],
      }),
    );
    r.syncOrders();
    expect(threePlOrders(r)).toEqual([]);
    const held = r.openExceptions('ORDER_HELD');
    expect(held.map((e) => e.Entity).sort()).toEqual([1, 2, 3, 4].map((n) => `UK order ${id(n)}`));
    expect(held.find((e) => (e.Key ?? "").endsWith(id(1)))!.Message).toMatch(/CAP-9's SKU Map row \(row \d+\) cannot be used/);
    expect(held.find((e) => (e.Key ?? "").endsWith(id(4)))!.Message).toMatch(/NEW-1 is not in the SKU Map for UK/);
    expect(held.find((e) => (e.Key ?? "").endsWith(id(2)))!.Message).toMatch(/OLD-1's SKU Map row .* not active/);
    expect(held.find((e) => (e.Key ?? "").endsWith(id(3)))!.Message).toMatch(/FBA-1 is mapped only as an FBA offer/);
    expect(ledger(r, id(1))).toMatchObject({ State: 'held', Attempts: '0' });

    // The stock sync counts the held units as unsent: Amazon has them, the 3PL does not.
    r.sync();
    expect(r.inventoryRow('TEE-M')!['Unsent Orders']).toBe('1');

    r.edit('SKU Map', { 'Seller SKU': 'OLD-1' }, { Active: true });
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.syncOrders();
    expect(threePlOrders(r).map((o) => o.reference).sort()).toEqual([id(1), id(2)]);
    const open = r.openExceptions('ORDER_HELD');
    expect(open.map((e) => e.Key).sort()).toEqual([`ORDER_HELD:${id(3)}`, `ORDER_HELD:${id(4)}`]);
    expect(r.exceptions('ORDER_HELD').find((e) => e.Key === `ORDER_HELD:${id(1)}`)!.Status).toBe('Resolved');
  });
});

describe('orders: cancellations', () => {
  it('cancels the ShipBob order while it has not shipped, and raises ORDER_STUCK when Amazon cancels after it shipped', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }]), order(2, [{ sku: 'MUG-1', quantity: 1 }]), order(3, [{ sku: 'MUG-1', quantity: 1 }])] }));
    r.syncOrders();
    expect(threePlOrders(r)).toHaveLength(3);
    // Before anything ships: cancelled at ShipBob too.
    r.amazon('cancelOrder', { orderId: id(1) });
    // An order cancelled before the add-on ever sent it is never sent.
    r.advance('5m');
    r.syncOrders();
    expect(threePlOrders(r).find((o) => o.reference === id(1))!.status).toBe('Cancelled');
    expect(ledger(r, id(1))).toMatchObject({ State: 'cancelled', 'Amazon Status': 'CANCELLED' });

    // Order 2 ships; Amazon cancels it before the confirmation goes (the buyer cancelled).
    r.threePl('ship', { reference: id(2) });
    r.amazon('cancelOrder', { orderId: id(2) });
    r.advance('5m');
    r.syncOrders();
    expect(ledger(r, id(2))!.State).toBe('cancel-too-late');
    const stuck = r.openExceptions('ORDER_STUCK');
    expect(stuck.map((e) => e.Key)).toEqual([`ORDER_STUCK:${id(2)}:cancelled-after-shipping`]);
    expect(confirmations(r).map((c) => c.orderId)).not.toContain(id(2));
    expect(threePlOrders(r).filter((o) => o.reference === id(2))).toHaveLength(1);
  });

  it('after a partial shipment, a cancellation cancels the rest at ShipBob and says part of it shipped', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 2 }])], threePlBehaviour: { carrier: 'Royal Mail', service: 'Tracked 48' } }));
    r.syncOrders();
    r.threePl('ship', { reference: id(1), partial: true });
    r.advance('5m');
    r.syncOrders();
    r.amazon('cancelOrder', { orderId: id(1) });
    r.advance('5m');
    r.syncOrders();
    const sb = threePlOrders(r)[0]!;
    expect(sb.shipments.map((x) => x.status).sort()).toEqual(['Cancelled', 'Completed']);
    expect(ledger(r, id(1))).toMatchObject({ State: 'cancel-too-late' });
    expect(ledger(r, id(1))!.Note).toMatch(/part of it \(the rest was cancelled there\)/);
    // Hours later nothing else ships.
    r.advance('6h');
    r.syncOrders();
    expect(threePlOrders(r)[0]!.shipments.filter((x) => x.status === 'Completed')).toHaveLength(1);
  });

  it('never sends an order Amazon cancelled before the first read of it was sent', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }], { status: 'PENDING' })] }));
    r.syncOrders();
    r.amazon('cancelOrder', { orderId: id(1) });
    r.advance('5m');
    r.syncOrders();
    expect(threePlOrders(r)).toEqual([]);
    expect(ledger(r, id(1))!.State).toBe('cancelled');
  });
});

describe('orders: shipments confirmed to Amazon exactly once', () => {
  it('confirms each part of a split shipment with its own items, one package each, then marks them uploaded', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG-1', quantity: 2 }])], threePlBehaviour: { carrier: 'Royal Mail', service: 'Tracked 48' } }));
    r.syncOrders();
    r.threePl('ship', { reference: id(1), lines: [{ sku: 'SB-TEE-M', quantity: 2 }] });
    r.advance('5m');
    r.syncOrders();
    const first = r.run.amazon.snapshot().orders.find((o: { orderId: string }) => o.orderId === id(1)) as { status: string; packages: Array<{ packageReferenceId: string; items: Array<{ orderItemId: string; quantity: number }> }> };
    expect(first.status).toBe('PARTIALLY_SHIPPED');
    expect(first.packages).toHaveLength(1);
    expect(first.packages[0]!.items).toHaveLength(1);
    expect(first.packages[0]!.items[0]!.quantity).toBe(2);
    expect(ledger(r, id(1))).toMatchObject({ State: 'shipped', 'Amazon Status': 'PARTIALLY_SHIPPED' });

    r.threePl('ship', { reference: id(1) });
    r.advance('5m');
    r.syncOrders();
    r.syncOrders();
    const shipments = threePlOrders(r)[0]!.shipments.filter((s) => s.status === 'Completed');
    expect(shipments).toHaveLength(2);
    const refs = confirmations(r).map((c) => c.packageReferenceId).sort();
    expect(refs).toEqual(shipments.map((s) => String(s.id)).sort());
    expect(ledger(r, id(1))).toMatchObject({ State: 'confirmed', 'Amazon Status': 'SHIPPED' });
    expect((ledger(r, id(1))!.Tracking ?? '').split('\n')).toHaveLength(2);
    const uploaded = r.run.threePl.state.orders[0]!.shipments.map((s: { isTrackingUploaded: boolean }) => s.isTrackingUploaded);
    expect(uploaded).toEqual([true, true]);
  });

  it('waits with CARRIER_UNMAPPED when the Carrier Map has no row for the carrier, and confirms once a row is added', () => {
    const r = new InventoryRun(world({ carrierMap: [['DPD', '', '', '', '', 'fill in']], orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.threePl('ship', { reference: id(1) });
    r.advance('5m');
    r.syncOrders();
    expect(confirmations(r)).toEqual([]);
    const keys = r.openExceptions('CARRIER_UNMAPPED').map((e) => e.Key).sort();
    expect(keys).toEqual(['CARRIER_UNMAPPED:row:2', 'CARRIER_UNMAPPED:royal mail:tracked 48']);
    expect(r.openExceptions('CARRIER_UNMAPPED').find((e) => e.Key === 'CARRIER_UNMAPPED:row:2')!.Message).toMatch(/column "Carrier Code"/);
    r.edit('Carrier Map', { '3PL Carrier': 'DPD' }, { '3PL Carrier': 'Royal Mail', 'Carrier Code': 'Royal Mail' });
    r.syncOrders();
    expect(confirmations(r)).toHaveLength(1);
    expect(confirmations(r)[0]!.carrierCode).toBe('Royal Mail');
    expect(r.openExceptions('CARRIER_UNMAPPED')).toEqual([]);
  });
});

describe('orders: lost answers and faults never duplicate', () => {
  it('adopts an order whose create answer was lost (one ShipBob order, no repeat)', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])], faults: [{ system: 'threePl', operation: 'create-order', kind: 'lost_response', times: 3 }] }));
    r.syncOrders();
    r.syncOrders();
    expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
    expect(ledger(r, id(1))!.State).toBe('sent');
    expect(ledger(r, id(1))!['3PL Order ID']).toBe(String(threePlOrders(r)[0]!.id));
  });

  it('checks Amazon before confirming again after a lost confirmShipment answer', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])], faults: [{ system: 'amazon', operation: 'confirmShipment', kind: 'lost_response', times: 1 }] }));
    r.syncOrders();
    r.threePl('ship', { reference: id(1) });
    r.advance('5m');
    r.syncOrders();
    r.syncOrders();
    expect(confirmations(r)).toHaveLength(1);
    expect(ledger(r, id(1))!.State).toBe('confirmed');
  });

  it('raises ORDER_ORPHANED when ShipBob cannot take an order for longer than the threshold, and clears it once sent', () => {
    const r = new InventoryRun(
      world({
        settings: { 'Push mode': 'dry-run', 'Order orphan threshold (minutes)': 30 },
        orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])],
        faults: [{ system: 'threePl', operation: 'get-orders', kind: '503', times: 40 }],
      }),
    );
    r.syncOrders();
    r.advance('40m');
    r.syncOrders();
    expect(threePlOrders(r)).toEqual([]);
    expect(r.openExceptions('ORDER_ORPHANED').map((e) => e.Key)).toEqual([`ORDER_ORPHANED:${id(1)}`]);
    r.run.faults.clear();
    r.advance('10m');
    r.syncOrders();
    r.syncOrders();
    expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
    expect(r.openExceptions('ORDER_ORPHANED')).toEqual([]);
  });
});

describe('orders: resumable across the time limit', () => {
  it('a run cut by the time budget leaves the rest for the next run; every order reaches ShipBob once', () => {
    const orders = Array.from({ length: 24 }, (_, i) => order(i + 1, [{ sku: i % 2 ? 'TEE-M' : 'MUG-1', quantity: 1 }]));
    const r = new InventoryRun(world({ orders, threePlLatencyMs: 12_000, offers: [{ sku: 'TEE-M', onHand: 100 }, { sku: 'MUG-1', onHand: 100 }] }));
    const first = r.syncOrders();
    expect(first.outcome).toBe('partial');
    expect(first.execution).toBe('ok');
    const afterFirst = threePlOrders(r).length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(24);
    for (let i = 0; i < 6 && threePlOrders(r).length < 24; i++) {
      r.advance('10m');
      r.syncOrders();
    }
    const refs = threePlOrders(r).map((o) => o.reference);
    expect(refs).toHaveLength(24);
    expect(new Set(refs).size).toBe(24);
    expect(r.tab('Orders').every((x) => x.State === 'sent')).toBe(true);
    // The order in flight at the cut stays `sending` and is looked up (then created) by the next run: at most one more attempt.
    const cuts = r.syncLog().filter((x) => x.Job === 'orders' && x.Outcome === 'partial').length;
    expect(cuts).toBeGreaterThan(0);
    expect(r.tab('Orders').filter((x) => x.Attempts !== '1').length).toBeLessThanOrEqual(cuts);
    expect(r.tab('Orders').every((x) => Number(x.Attempts) <= 2)).toBe(true);
  });
});

describe('orders: a 3PL order Amazon\'s ledger does not know', () => {
  it('raises ORDER_ORPHANED for it and keeps the row open on later runs that no longer see it change', () => {
    const r = new InventoryRun(world({ settings: { 'Push mode': 'dry-run', 'Order orphan threshold (minutes)': 30 }, threePlOrders: [{ reference: '202-7777777-7777777', items: [{ sku: 'SB-TEE-M', quantity: 1 }] }] }));
    // The 3PL order is seeded at the scenario's start; "Set up sheets" takes a few seconds (the fakes
    // charge Sheets time), so the ledger must count as started then, or the order predates it and is
    // rightly not judged (THREEPL_KEYS.since in src/jobs/orders/threepl-status.ts).
    r.run.gas.properties.document.data.set(THREEPL_KEYS.since, String(Date.parse('2026-11-02T08:00:00Z')));
    r.syncOrders();
    r.advance('40m');
    // The 3PL order changes (it ships), so the next run sees it in ShipBob's changes.
    r.threePl('ship', { reference: '202-7777777-7777777' });
    r.syncOrders();
    const key = 'ORDER_ORPHANED:threepl:202-7777777-7777777';
    expect(r.openExceptions('ORDER_ORPHANED').map((e) => e.Key)).toEqual([key]);
    r.advance('1h');
    r.syncOrders();
    r.advance('1h');
    r.syncOrders();
    expect(r.openExceptions('ORDER_ORPHANED').map((e) => e.Key)).toEqual([key]);
  });
});
