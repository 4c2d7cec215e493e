// A run that leaves orders held (ORDER_HELD: an unmapped SKU, a refusal) is no successful sync: the
// orders are at no 3PL and nobody ships them, so the Sync Log says "partial" and how many, and the
// Dashboard's "Last successful sync" (ok rows only) does not move while every order waits.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { order, ordersWorld } from './world';

describe('orders: a run with held orders', () => {
  it('is partial, not ok, when every order is held for an unmapped SKU, and ok again once they are sent', () => {
    const r = new InventoryRun(
      ordersWorld({
        extraListings: [{ sku: 'CAP-9', channel: 'FBM', quantity: 3 }],
        extraThreePl: [{ sku: 'SB-CAP-9', onHand: 5 }],
        extraMapRows: [['CAP-9', 'UK', 'FBM', '', '', '', '', '', '', '', '', '']],
        orders: [order(1, [{ sku: 'CAP-9', quantity: 1 }]), order(2, [{ sku: 'CAP-9', quantity: 2 }])],
      }),
    );
    const first = r.syncOrders();
    expect(first.outcome).toBe('partial');
    expect(first.message).toContain('0 orders sent to ShipBob');
    expect(first.message).toContain('2 orders held (not sent, so nobody ships them until the cause is fixed: see ORDER_HELD)');
    expect(r.openExceptions('ORDER_HELD')).toHaveLength(2);
    // A later run that changes nothing still leaves them unshipped: still not ok.
    r.advance('5m');
    expect(r.syncOrders().outcome).toBe('partial');

    r.edit('SKU Map', { 'Seller SKU': 'CAP-9' }, { '3PL SKU': 'SB-CAP-9' });
    r.advance('5m');
    const sent = r.syncOrders();
    expect(sent.outcome).toBe('ok');
    expect(sent.message).toContain('2 orders sent to ShipBob');
    expect(sent.message).toContain('0 orders held,');
    expect(r.openExceptions('ORDER_HELD')).toEqual([]);
    expect(r.syncLog().map((x) => x['Outcome'])).toEqual(['partial', 'partial', 'ok']);
  });
});
