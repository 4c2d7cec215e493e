// The Orders tab's Amazon Status and Confirmed At are the add-on's own record, kept in a seal
// (jobs/reads/status-seal.ts): a value typed there is put back before any step reads it and named
// in ORDER_EDIT_INVALID, so a person's SHIPPED never silences ORDER_STUCK, never keeps an unsent
// order from the 3PL, and a typed Confirmed At never stands in for a confirmation to Amazon.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld, HELD_CAP, CARRIER_TYPO } from './world';

type ThreePlOrder = { reference: string; status: string };
const threePlOrders = (r: InventoryRun) => r.run.threePl.snapshot().orders as ThreePlOrder[];
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);
const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const keys = (r: InventoryRun, type: string) => r.openExceptions(type).map((e) => e.Key);

describe('an Amazon Status typed SHIPPED on an order the 3PL never ships', () => {
  it('is put back and named, and ORDER_STUCK still fires past the latest ship date', () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('sent');
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'SHIPPED' });
    r.advance('3d');
    const run = r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ 'Amazon Status': 'UNSHIPPED', State: 'sent' });
    expect(keys(r, 'ORDER_STUCK')).toEqual([`ORDER_STUCK:${id(1)}:ship`]);
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:status`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/Amazon Status cell of order 202-1000001-0000001 was changed to "SHIPPED", but Amazon's order is UNSHIPPED/);
    expect(run.outcome).toBe('partial');
    // A later run still chases it: the cell says Amazon's status now.
    r.advance('1h');
    r.syncOrders();
    expect(keys(r, 'ORDER_STUCK')).toEqual([`ORDER_STUCK:${id(1)}:ship`]);
  });

  for (const typed of ['SHIPPED', 'pending', 'done']) {
    it(`"${typed}" typed on an order not yet sent (held) never keeps it from the 3PL once it is released`, () => {
      const r = new InventoryRun(
        ordersWorld({
          ...HELD_CAP,
          orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }])],
        }),
      );
      r.syncOrders();
      expect(ledger(r, id(1))!.State).toBe('held');
      r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': typed });
      r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
      r.syncOrders();
      expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
      expect(ledger(r, id(1))).toMatchObject({ 'Amazon Status': 'UNSHIPPED', State: 'sent' });
      expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:status`]);
    });
  }

  it('a status Amazon itself gives in the same run is no edit: nothing is said', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.amazon('cancelOrder', { orderId: id(1) });
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'CANCELLED' });
    r.advance('5m');
    r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ 'Amazon Status': 'CANCELLED', State: 'cancelled' });
    expect(r.exceptions('ORDER_EDIT_INVALID')).toEqual([]);
  });
});

describe('a Confirmed At typed with State "confirmed" on a shipped order Amazon was never told about', () => {
  it('is put back and named, and the shipment is confirmed to Amazon once the confirmation can go', () => {
    const r = new InventoryRun(ordersWorld({ carrierMap: CARRIER_TYPO, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    // Shipped at the 3PL; its carrier is not in the Carrier Map, so the confirmation waits.
    expect(ledger(r, id(1))!.State).toBe('shipped');
    expect(confirmations(r)).toEqual([]);
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'SHIPPED', State: 'confirmed', 'Confirmed At': '2026-11-02 11:30' });
    r.edit('Carrier Map', { '3PL Carrier': 'Royal Mial' }, { '3PL Carrier': 'Royal Mail' });
    r.advance('10m');
    const run = r.syncOrders();
    expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
    expect(ledger(r, id(1))).toMatchObject({ State: 'confirmed', 'Amazon Status': 'SHIPPED' });
    expect(ledger(r, id(1))!['Confirmed At']).not.toMatch(/11:30/);
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:confirmedat`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/Confirmed At cell of order 202-1000001-0000001 read "2026-11-02 11:30", but it was emptied again: the add-on has not confirmed this order to Amazon/);
    expect(run.outcome).toBe('partial');
    r.advance('1h');
    r.syncOrders();
    expect(confirmations(r)).toHaveLength(1);
  });

  it("on a row the seal does not hold (past its room): the confirm step asks Amazon's packages, confirms once and names the cell", () => {
    const r = new InventoryRun(ordersWorld({ carrierMap: CARRIER_TYPO, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('shipped');
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'SHIPPED', State: 'confirmed', 'Confirmed At': '2026-11-02 11:30' });
    r.edit('Carrier Map', { '3PL Carrier': 'Royal Mial' }, { '3PL Carrier': 'Royal Mail' });
    const props = r.run.gas.properties.document.data;
    for (const k of [...props.keys()]) if (k.startsWith('orders.statusSeal')) props.delete(k);
    r.advance('10m');
    const run = r.syncOrders();
    expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
    expect(ledger(r, id(1))).toMatchObject({ State: 'confirmed', 'Amazon Status': 'SHIPPED' });
    expect(ledger(r, id(1))!['Confirmed At']).not.toMatch(/11:30/);
    const edits = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edits.map((e) => e.Key)).toContain(`ORDER_EDIT_INVALID:${id(1)}:confirmedat`);
    expect(edits.find((e) => e.Key?.endsWith(':confirmedat'))!.Message).toMatch(/Confirmed At cell of order 202-1000001-0000001 read "2026-11-02 11:30" with State "confirmed", but Amazon had no confirmation of its shipment: the shipment was confirmed to Amazon now/);
    expect(run.outcome).toBe('partial');
    r.advance('1h');
    r.syncOrders();
    expect(confirmations(r)).toHaveLength(1);
  });
});

describe('a 3PL Order ID, Tracking or Shipped At typed where the add-on wrote none', () => {
  it('a 3PL Order ID with State "sent" on an unsent order: emptied, named; the order stays unsent (counted by the stock sync) and is sent once released', () => {
    const r = new InventoryRun(
      ordersWorld({
        ...HELD_CAP,
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }])],
      }),
    );
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { '3PL Order ID': '999', State: 'sent' });
    const run = r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ '3PL Order ID': '', State: 'held' });
    expect(keys(r, 'ORDER_HELD')).toEqual([`ORDER_HELD:${id(1)}`]);
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:threeplid`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/3PL Order ID cell of order 202-1000001-0000001 read "999", but the add-on had written none there/);
    expect(run.outcome).toBe('partial');
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { '3PL Order ID': '999', State: 'sent' });
    r.sync();
    // Not at the 3PL: its unit is still off the offer.
    expect(r.inventoryRow('CAP-9')!['Unsent Orders']).toBe('1');
    r.syncOrders();
    expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
    expect(ledger(r, id(1))!.State).toBe('sent');
    expect(ledger(r, id(1))!['3PL Order ID']).not.toBe('999');
  });

  it('a Tracking with State "shipped" on an order the 3PL never ships: emptied, named, and ORDER_STUCK still fires', () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Tracking: 'RM123', 'Shipped At': '2026-11-02 09:00', State: 'shipped' });
    r.advance('3d');
    const run = r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ Tracking: '', 'Shipped At': '', State: 'sent' });
    expect(keys(r, 'ORDER_STUCK')).toEqual([`ORDER_STUCK:${id(1)}:ship`]);
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:tracking`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/Tracking cell of order .* read "RM123".*Shipped At cell of order .* read "2026-11-02 09:00".*State cell of order .* was changed to "shipped"/);
    expect(run.outcome).toBe('partial');
  });
});

describe('a later Latest Ship Date typed (a real date, not Amazon\'s)', () => {
  it("gets Amazon's date back from the seal, is named, and ORDER_STUCK still fires past Amazon's date", () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Latest Ship Date': '2027-01-01' });
    r.advance('5d');
    const run = r.syncOrders();
    expect(ledger(r, id(1))!['Latest Ship Date']).toBe('2026-11-04 23:00');
    expect(keys(r, 'ORDER_STUCK')).toEqual([`ORDER_STUCK:${id(1)}:ship`]);
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:shipdate`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/Latest Ship Date cell of order .* read "2027-01-01 00:00", but Amazon's is 2026-11-04 23:00 UTC/);
    expect(run.outcome).toBe('partial');
  });
});

describe('an Attempts cell typed over', () => {
  it('gets the add-on\'s count back and is named, quoting what was typed', () => {
    const r = new InventoryRun(ordersWorld({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    expect(ledger(r, id(1))!.Attempts).toBe('1');
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Attempts: 'lots' });
    const run = r.syncOrders();
    expect(ledger(r, id(1))!.Attempts).toBe('1');
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:attempts`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/Attempts cell of order .* read "lots", but the add-on had started 1 create call: 1 was put back/);
    expect(run.outcome).toBe('partial');
  });
});

describe('cells typed on a confirmed order', () => {
  it('an Amazon Status typed UNSHIPPED no longer reopens it as "sent" under a State nobody typed', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('confirmed');
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Status': 'UNSHIPPED' });
    r.advance('3d');
    const run = r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ State: 'confirmed', 'Amazon Status': 'SHIPPED' });
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:status`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).not.toMatch(/State cell/);
    expect(run.message).toMatch(/0 open in the ledger/);
    expect(r.openExceptions('ORDER_STUCK')).toEqual([]);
  });

  it('a State typed "sent" is put back to confirmed and named, so the order is not open for good', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { State: 'sent' });
    const run = r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('confirmed');
    expect(keys(r, 'ORDER_EDIT_INVALID')).toEqual([`ORDER_EDIT_INVALID:${id(1)}:state`]);
    expect(r.openExceptions('ORDER_EDIT_INVALID')[0]!.Message).toMatch(/State cell of order .* was changed to "sent", but the order is confirmed/);
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/0 open in the ledger/);
  });
});
