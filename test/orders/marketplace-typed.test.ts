// The Orders tab's Marketplace cell is Amazon's, for reading: one typed over ("Germany", "uk") took
// the order out of every marketplace served, so a held order was never sent once its SKU Map row was
// fixed, still held "for" its old reason. Amazon's marketplace is put back and ORDER_EDIT_INVALID
// names the cell; the order is then sent and confirmed once.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld, HELD_CAP } from './world';

type ThreePlOrder = { reference: string; status: string };
const threePlOrders = (r: InventoryRun) => r.run.threePl.snapshot().orders as ThreePlOrder[];
const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>;
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

describe('the Orders Marketplace cell typed over', () => {
  it('is put back from Amazon and named, so the held order is sent once its SKU Map row is fixed', () => {
    const r = new InventoryRun(
      ordersWorld({
        ...HELD_CAP,
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }]), order(2, [{ sku: 'TEE-M', quantity: 1 }])],
      }),
    );
    r.syncOrders();
    expect(ledger(r, id(1))!.State).toBe('held');

    r.edit('Orders', { 'Amazon Order ID': id(1) }, { Marketplace: 'Germany' });
    r.edit('Orders', { 'Amazon Order ID': id(2) }, { Marketplace: 'uk' });
    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.advance('5m');
    const run = r.syncOrders();
    expect(threePlOrders(r).map((o) => o.reference).sort()).toEqual([id(1), id(2)]);
    expect(ledger(r, id(1))).toMatchObject({ Marketplace: 'UK', State: 'sent' });
    expect(ledger(r, id(2))!.Marketplace).toBe('UK');
    const edits = r.openExceptions('ORDER_EDIT_INVALID');
    expect(edits.map((e) => e.Key).sort()).toEqual([`ORDER_EDIT_INVALID:${id(1)}:marketplace`, `ORDER_EDIT_INVALID:${id(2)}:marketplace`]);
    expect(edits.find((e) => e.Key!.includes(id(1)))!.Message).toContain('Marketplace cell of order');
    expect(edits.find((e) => e.Key!.includes(id(1)))!.Message).toContain('"Germany"');
    expect(run.outcome).toBe('partial');
    expect(r.openExceptions('ORDER_HELD')).toEqual([]);

    r.advance('3h');
    r.syncOrders();
    expect(confirmations(r).filter((c) => c.orderId === id(1))).toHaveLength(1);
  });
});
