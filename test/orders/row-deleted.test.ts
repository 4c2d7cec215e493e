// An Orders row deleted while its order is not yet at the 3PL, through the bundle: the order is read
// back from Amazon (held again while its cause holds), and until then the stock sync counts its
// sealed units, so Amazon is never offered units the 3PL cannot pick because a row went missing.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import type { FaultSpec } from '../world/faults';
import { id, order, ordersWorld } from './world';

const noCity = { name: 'Jane Buyer', addressLine1: '1 High St', city: '  ', postalCode: 'LS1 1AA', countryCode: 'GB' };
const ledger = (r: InventoryRun, orderId: string) => r.tab('Orders').find((x) => x['Amazon Order ID'] === orderId);

function heldThenDeleted(faults: FaultSpec[] = []): InventoryRun {
  const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'MUG-1', quantity: 6 }], { recipient: noCity })], faults }));
  r.syncOrders();
  expect(ledger(r, id(1))).toMatchObject({ State: 'held', Lines: 'MUG-1 × 6' });
  r.sync();
  expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('6');
  const at = r.tab('Orders').findIndex((x) => x['Amazon Order ID'] === id(1));
  r.run.gas.spreadsheet.sheet('Orders')!.deleteRows(at + 2, 1);
  expect(ledger(r, id(1))).toBeUndefined();
  r.advance('10m');
  return r;
}

describe('a held order whose Orders row is deleted', () => {
  it('is read back from Amazon and held again; its units stay off the offer', () => {
    const r = heldThenDeleted();
    const run = r.syncOrders();
    expect(ledger(r, id(1))).toMatchObject({ State: 'held', Lines: 'MUG-1 × 6' });
    expect(run.message).toMatch(/1 order whose row was deleted read back from Amazon/);
    expect(r.openExceptions('ORDER_HELD').map((e) => e.Key)).toEqual([`ORDER_HELD:${id(1)}`]);
    r.sync();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('6');
    r.assertInvariants();
  });

  it('is counted from its sealed lines while Amazon cannot give it back, then read back', () => {
    // Amazon answers no getOrder for a while (the send took its recipient from the search).
    const r = heldThenDeleted([{ system: 'amazon', operation: 'getOrder', kind: '503', times: 8 }]);
    r.sync();
    expect(ledger(r, id(1))).toBeUndefined();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('6');
    const run = r.syncOrders();
    if (!ledger(r, id(1))) expect(run.message).toMatch(/not read back yet/);
    for (let i = 0; i < 10 && !ledger(r, id(1)); i++) {
      r.advance('10m');
      r.syncOrders();
    }
    expect(ledger(r, id(1))).toMatchObject({ State: 'held', Lines: 'MUG-1 × 6' });
    r.sync();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('6');
  });
});

describe('a deleted unsent order Amazon cannot give back', () => {
  it('is raised High (its units may be offered again), once, and left open for a person', () => {
    const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'MUG-1', quantity: 1 }], { status: 'PENDING' })] }));
    r.syncOrders();
    // The seal knows an order Amazon answers 404 for (its row deleted): as if Amazon no longer had it.
    const data = r.run.gas.properties.document.data;
    const chunk = JSON.parse(data.get('orders.linesSeal.0')!) as { v: string[]; k: Record<string, number> };
    chunk.k[id(9)] = chunk.v.push('MUG-1 × 4') - 1;
    data.set('orders.linesSeal.0', JSON.stringify(chunk));
    r.sync();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('5');
    r.syncOrders();
    const lost = r.openExceptions('ORDER_ORPHANED');
    expect(lost.map((e) => [e.Key, e.Severity])).toEqual([[`ORDER_ORPHANED:ledger:${id(9)}`, 'High']]);
    expect(lost[0]!.Message).toMatch(/MUG-1 × 4.*units may be offered on Amazon again/);
    r.advance('10m');
    r.syncOrders();
    expect(r.openExceptions('ORDER_ORPHANED').map((e) => e.Key)).toEqual([`ORDER_ORPHANED:ledger:${id(9)}`]);
    r.sync();
    expect(r.inventoryRow('MUG-1')!['Unsent Orders']).toBe('1');
  });
});
