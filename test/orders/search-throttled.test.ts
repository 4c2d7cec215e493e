// Amazon answering searchOrders with 429 until the run's time is spent: the Sync Log names the rate
// limit, not the time limit, and the orders come in the next run, each once.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';

const id = (n: number) => `202-${String(1000000 + n)}-0000001`;

describe('orders: searchOrders throttled', () => {
  it('says Amazon throttled the read (not the time limit) and reads the orders next run', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 30 }],
      settings: { 'Push mode': 'dry-run' },
      orders: [{ orderId: id(1), created: '2026-11-02T07:30:00Z', latestShipDate: '2026-11-04T23:00:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] }],
      faults: [{ system: 'amazon', operation: 'searchOrders', kind: '429', times: 3 }],
    });
    const first = r.syncOrders();
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/rate limit|searchOrders allows/);
    expect(first.message).not.toMatch(/time limit/);
    r.run.faults.clear();
    r.advance('1h');
    const second = r.syncOrders();
    expect(second.outcome).toBe('ok');
    expect(r.tab('Orders').filter((x) => x['Amazon Order ID'] === id(1))).toHaveLength(1);
  });

  it('the stock sync waits for every order and says it is Amazon throttling the read, not the time limit', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 30 }],
      orders: [{ orderId: id(1), created: '2026-11-02T07:30:00Z', latestShipDate: '2026-11-04T23:00:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] }],
      faults: [{ system: 'amazon', operation: 'searchOrders', kind: '429', times: 3 }],
    });
    const first = r.sync();
    expect(first.outcome).not.toBe('ok');
    expect(first.message).toMatch(/rate limit for searchOrders/);
    expect(r.writes()).toEqual([]);
  });
});
