// A backlog of orders to send (an outage, onboarding) in an execution the jobs share ("Sync all now",
// the schedule): the orders job stops at its share of the time, so the stock sync after it still
// runs in the same execution rather than being skipped run after run while orders go out.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { order, ordersWorld } from './world';

describe('orders backlog in a shared execution', () => {
  it('leaves the stock sync its time', () => {
    const orders = Array.from({ length: 1200 }, (_, i) => order(i + 1, [{ sku: i % 2 ? 'TEE-M' : 'MUG-1', quantity: 1 }]));
    const r = new InventoryRun(ordersWorld({ orders, offers: [{ sku: 'TEE-M', onHand: 9000 }, { sku: 'MUG-1', onHand: 9000 }] }));
    r.step({ run: 'syncAllNow', as: 'sidebar' });
    const log = r.syncLog();
    const byJob = new Map(log.map((x) => [x['Job'], x['Outcome']] as const));
    // Orders still to send are said: the run is partial, never ok.
    expect(byJob.get('orders')).toBe('partial');
    expect(log.find((x) => x['Job'] === 'orders')!['Message']).toMatch(/left to send in the next run|Stopped before/);
    expect(byJob.get('inventory')).not.toBe('skipped');
    expect(byJob.get('inventory')).toBeDefined();
  });
});
