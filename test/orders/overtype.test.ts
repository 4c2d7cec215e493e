// Cells of the Orders tab people overtype, through the bundle: Lines never drive a send or a
// confirmation (Amazon's lines are sent and put back), and a typed State the row's facts contradict
// is worked on as the facts say, named in ORDER_EDIT_INVALID, so no confirmation is lost.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld, HELD_CAP } from './world';

const world = ordersWorld;

type ThreePlOrder = { reference: string; status: string; items?: Array<{ sku: string; quantity: number }>; products?: Array<{ sku?: string; quantity?: number }> };
const threePlOrders = (r: InventoryRun) => r.run.threePl.snapshot().orders as ThreePlOrder[];
const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('the Orders Lines cell is for reading only', () => {
  it('sends Amazon\'s lines, never typed ones: the cell is put back and ORDER_EDIT_INVALID names it', () => {
    const r = new InventoryRun(
      world({
        ...HELD_CAP,
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }])],
      }),
    );
    r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ State: 'held', Lines: 'CAP-9 × 1' });

    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Lines: 'TEE-M × 20' });
    const run = r.syncOrders();
    expect(threePlOrders(r)).toEqual([]);
    expect(ledger(r, id(1))).toMatchObject({ State: 'held', Lines: 'CAP-9 × 1' });
    const edit = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit.map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:lines`]);
    expect(edit[0]!.Message).toMatch(/Lines cell of order .* "TEE-M × 20".*"CAP-9 × 1"/);
    expect(run.outcome).toBe('partial');

    // Once the SKU is mapped, what goes is Amazon's CAP-9 × 1.
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Lines: 'TEE-M × 20' });
    r.syncOrders();
    const sent = JSON.stringify(threePlOrders(r));
    expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
    expect(sent).toContain('SB-CAP-9');
    expect(sent).not.toContain('SB-TEE-M');
    expect(ledger(r, id(1))).toMatchObject({ State: 'sent', Lines: 'CAP-9 × 1' });
    r.assertInvariants();
  });
});

describe('the stock sync never counts typed Lines', () => {
  it('an unsent order whose Lines were overtyped counts Amazon\'s units; the orders run says the cell was put back', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'MUG-1', quantity: 1 }], { status: 'PENDING' })] }));
    r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ State: 'pending', Lines: 'MUG-1 × 1' });
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Lines: 'TEE-M × 20' });
    r.sync();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('1');
    expect(r.inventoryRow('TEE-M')!['Unsent Orders']).not.toBe('20');
    expect(ledger(r, id(1))!.Lines).toBe('MUG-1 × 1');
    const run = r.syncOrders();
    expect(r.openExceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:lines`]);
    expect(run.outcome).toBe('partial');
  });

  it('Lines typed as text that reads as no line (a decimal count): the message quotes what was typed, not ""', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'MUG-1', quantity: 1 }], { status: 'PENDING' })] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Lines: 'MUG-1 × 1.5' });
    r.sync();
    expect(ledger(r, id(1))!.Lines).toBe('MUG-1 × 1');
    r.syncOrders();
    const [edit] = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit!.Message).toMatch(/Lines cell of order .* was changed to "MUG-1 × 1.5"; Amazon's lines "MUG-1 × 1" were put back/);
  });
});

describe('a typed Orders State is checked against the row before it is used', () => {
  for (const typed of ['confirmed', 'cancelled']) {
    it(`"${typed}" on an order at the 3PL that Amazon still expects: worked on as sent, said, and the shipment is still confirmed`, () => {
      const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
      r.syncOrders();
      expect(ledger(r, id(1))!.State).toBe('sent');
      r.edit('Orders', { 'Amazon Order ID': id(1) }, { State: typed });
      const run = r.syncOrders();
      expect(ledger(r, id(1))!.State).toBe('sent');
      const edit = r.openExceptions('ORDER_EDIT_INVALID');
      expect(edit.map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:state`]);
      expect(edit[0]!.Message).toMatch(new RegExp(`State cell of order ${id(1)} was changed to "${typed}".*"ready"`));
      expect(run.outcome).toBe('partial');

      r.advance('3h');
      r.syncOrders();
      expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
      expect(ledger(r, id(1))!.State).toBe('confirmed');
      // The Note that explained it is gone: the next run resolves it.
      r.syncOrders();
      expect(r.openExceptions('ORDER_EDIT_INVALID')).toEqual([]);
    });
  }

  it('raises ORDER_STUCK past the ship-by date for an order typed "confirmed" that Amazon still shows unshipped', () => {
    const r = new InventoryRun(world({ threePlBehaviour: { shipAfter: '30d', carrier: 'Royal Mail', service: 'Tracked 48' }, orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { State: 'confirmed' });
    r.advance('3d');
    r.syncOrders();
    expect(r.openExceptions('ORDER_STUCK').map((e) => e.Key)).toEqual([`ORDER_STUCK:${id(1)}:ship`]);
  });

  it('"ready" typed on a held order is the documented retry: used as typed, no ORDER_EDIT_INVALID', () => {
    const r = new InventoryRun(
      world({
        ...HELD_CAP,
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }])],
      }),
    );
    r.syncOrders();
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { State: 'ready' });
    const run = r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('sent');
    expect(r.exceptions('ORDER_EDIT_INVALID')).toEqual([]);
    expect(run.outcome).toBe('ok');
  });
});

describe('an Orders row whose Amazon Order ID was cleared', () => {
  it('is read again from Amazon when the 3PL reports its order, so its shipment is still confirmed', () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('sent');
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Order ID': '' });
    r.syncOrders();
    r.advance('3h');
    r.syncOrders();
    expect(confirmations(r).map((c) => c.orderId)).toEqual([id(1)]);
    expect(ledger(r, id(1))!.State).toBe('confirmed');
    expect(threePlOrders(r)).toHaveLength(1);
  });
});

describe('the Lines seal holds a large backlog', () => {
  it('with 1,001 unsent orders, the oldest one overtyped is put back and counted as Amazon has it', () => {
    const many = Array.from({ length: 1001 }, (_, i) =>
      order(i + 1, [{ sku: 'MUG-1', quantity: i === 0 ? 50 : 1 }], { status: 'PENDING', created: new Date(Date.UTC(2026, 10, 1, 6) + i * 10_000).toISOString() }),
    );
    const r = new InventoryRun(world({ offers: [{ sku: 'TEE-M', onHand: 30 }, { sku: 'MUG-1', onHand: 3000 }], orders: many }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Lines: 'MUG-1 × 1' });
    r.sync();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('1050');
    expect(ledger(r, id(1))!.Lines).toBe('MUG-1 × 50');
    const run = r.syncOrders();
    expect(r.openExceptions('ORDER_EDIT_INVALID').map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:lines`]);
    expect(run.message).not.toMatch(/past the Lines seal's room/);
  }, 120_000);
});

describe('a 3PL Order ID typed over never points a cancel at another order', () => {
  it("Amazon cancels order 1 whose 3PL Order ID was typed as order 2's: order 2 still goes, order 1's own is cancelled", () => {
    const r = new InventoryRun(world({ orders: [order(1, [{ sku: 'MUG-1', quantity: 1 }]), order(2, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    const two = ledger(r, id(2))!['3PL Order ID']!;
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { '3PL Order ID': two });
    r.amazon('cancelOrder', { orderId: id(1) });
    r.advance('5m');
    r.syncOrders();
    // Before, the cancel went to the order the cell named: another buyer's parcel, cancelled at the 3PL.
    expect(Object.fromEntries(threePlOrders(r).map((o) => [o.reference, o.status]))).toEqual({ [id(1)]: 'Cancelled', [id(2)]: 'Processing' });
    expect(ledger(r, id(1))).toMatchObject({ State: 'cancelled' });
    expect(ledger(r, id(1))!['3PL Order ID']).not.toBe(two);
  });
});


describe('an Orders row whose Amazon Order ID was typed over', () => {
  const cap = HELD_CAP;

  it("puts Amazon's ID back on an unsent order (its lines tell which), says so, and sends the order once under it", () => {
    const r = new InventoryRun(world({ ...cap, orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Order ID': '202-9999999-9999999' });
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(r.tab('Orders').map((x) => [x['Amazon Order ID'], x.State])).toEqual([[id(1), 'sent']]);
    expect(threePlOrders(r).map((o) => o.reference)).toEqual([id(1)]);
    const edit = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edit.map((e) => e.Key)).toEqual([`ORDER_EDIT_INVALID:${id(1)}:id`]);
    expect(edit[0]!.Message).toMatch(/Amazon Order ID cell of order 202-1000001-0000001 was changed to "202-9999999-9999999"; 202-1000001-0000001 was put back/);
    expect(r.syncOrders().outcome).toBe('ok');
    expect(threePlOrders(r)).toHaveLength(1);
  });

  it('a row naming no Amazon order is held on its own with a note that says so; the other orders still go and the run does not fail', () => {
    // Two unsent orders with the same lines: which one was typed over cannot be told, so nothing is guessed.
    const r = new InventoryRun(world({ ...cap, orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }]), order(2, [{ sku: 'CAP-9', quantity: 1 }]), order(3, [{ sku: 'TEE-M', quantity: 1 }])] }));
    r.syncOrders();
    r.edit('Orders', { 'Amazon Order ID': id(1) }, { 'Amazon Order ID': '202-9999999-9999999' });
    r.edit('Orders', { 'Amazon Order ID': id(2) }, { 'Amazon Order ID': '202-9999999-9999998' });
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    const run = r.syncOrders();
    expect(run.outcome).not.toBe('failed');
    // The real orders are read back from Amazon (their rows are gone) and sent, each once.
    expect(threePlOrders(r).map((o) => o.reference).sort()).toEqual([id(1), id(2), id(3)]);
    for (const typed of ['202-9999999-9999999', '202-9999999-9999998']) {
      const row = ledger(r, typed)!;
      expect(row.State).toBe('held');
      expect(row.Note).toMatch(new RegExp(`Amazon has no order ${typed} \\(getOrder answered 404 Not Found\\), so nothing is sent for this row`));
    }
    // The note is the same next run: nothing to rewrite, and the row stays held.
    const before = ledger(r, '202-9999999-9999999')!.Note;
    r.syncOrders();
    expect(ledger(r, '202-9999999-9999999')!.Note).toBe(before);
    expect(threePlOrders(r)).toHaveLength(3);
  });
});
