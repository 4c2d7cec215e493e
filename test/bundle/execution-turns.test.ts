// "Sync all now" and the schedule run every job in one execution, in a fixed order, each starting
// only with time left. With Amazon not answering (each call waits out its timeout), the orders and
// FBA shipments jobs used the whole execution every time, so the jobs after them were skipped in
// every execution for as long as it lasted: the 3PL charges import, which needs no Amazon call, and
// a settlement file waiting to be imported never ran. A job that needs no other job before it and
// was skipped for time now goes first in the next shared execution; the stock sync keeps its place
// after the orders and FBA shipments jobs.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';

const syncAll = (r: InventoryRun) => r.step({ run: 'syncNow', args: ['all'], as: 'sidebar' });
/** Each job's outcome in the latest shared execution, in the order they ran. */
const lastExecution = (r: InventoryRun) => r.syncLog().slice(-6).map((row) => `${row.Job} ${row.Outcome}`);

describe('jobs left without time in a shared execution', () => {
  it('run first in the next one, when they need no job before them', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      faults: [{ system: 'amazon', operation: '*', kind: 'timeout', times: 100_000 }],
    });
    syncAll(r);
    const first = lastExecution(r);
    expect(first.slice(0, 2).map((s) => s.split(' ')[0])).toEqual(['orders', 'fbaShipments']);
    const waited = first.filter((s) => s.endsWith('skipped')).map((s) => s.split(' ')[0]);
    expect(waited).toEqual(expect.arrayContaining(['charges']));

    r.advance('30m');
    syncAll(r);
    const second = lastExecution(r);
    // The jobs that waited and need no other job first run first; charges needs no Amazon call at all.
    expect(second[0]).toMatch(/^(settlements|charges|removals) /);
    expect(second).toContain('charges ok');
    // The stock sync still never runs before the orders job of its execution.
    const names = second.map((s) => s.split(' ')[0]);
    expect(names.indexOf('inventory')).toBeGreaterThan(names.indexOf('orders'));
    expect(names.indexOf('inventory')).toBeGreaterThan(names.indexOf('fbaShipments'));
  });
});
