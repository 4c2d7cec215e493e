// A catalogue with more new offers than one run can write (core/inventory/tab-fill.ts newRowsThisRun)
// fills the Inventory tab over runs, and pushes nothing until every offer's row is on the tab: the
// tab is the push's durable record (issue 13: "no run over the budget"; docs/benchmarks.md).

import { describe, expect, it } from 'vitest';
import { newRowsThisRun } from '../../src/core/inventory/tab-fill';
import { InventoryRun } from './builder';

describe('a first fill larger than one run', () => {
  it('writes the tab in slices, then pushes once every row is there', () => {
    // These FBM rows cost about 16 cells each (tab-fill.ts cellsPerNewRow). The first run reads the
    // 3PL's 180 pages and lays rows out while Amazon prepares the listings (at most newRowsThisRun):
    // sized past that, so its slice is surely fewer rows than the catalogue.
    const most = newRowsThisRun(Number.POSITIVE_INFINITY, 16);
    const n = most + 40;
    const offers = Array.from({ length: n }, (_, i) => ({ sku: `SKU-${String(i).padStart(6, '0')}`, onHand: 5 + (i % 7), amazonQty: 0 }));
    const r = new InventoryRun({ offers, settings: { 'Push mode': 'auto' } });
    const tabRows = () => (r.run.gas.spreadsheet.toDisplayJson()['Inventory'] ?? []).length - 1;

    const first = r.sync();
    expect(first.outcome).toBe('partial');
    const onIt = Number(/Filling the Inventory tab: (\d+) of (\d+) rows are on it/.exec(first.message ?? '')?.[1]);
    expect(first.message ?? '').toContain(`of ${n} rows are on it`);
    expect(onIt).toBeGreaterThan(0);
    expect(onIt).toBeLessThanOrEqual(most);
    expect(tabRows()).toBe(onIt);
    expect(r.writes()).toEqual([]);

    // Later runs add the rest; nothing reaches Amazon until the tab holds every offer.
    let runs = 1;
    for (let last = first; (last.message ?? '').includes('Filling') && runs < 5; runs++) {
      expect(r.writes()).toEqual([]);
      r.advance('1h');
      last = r.sync();
    }
    expect(runs).toBeLessThan(5);
    expect(tabRows()).toBe(n);
    // The run that wrote the last rows asked ShipBob what moved instead of reading its pages again
    // (the read kept from the first run stood), so it pushed at once.
    expect(r.syncLog().at(-1)!['Counts']).toMatch(/3PL stock read kept from an earlier run/);
    expect(r.syncLog().at(-1)!['Message']).toMatch(/submitted to Amazon/);
    // Every offer's quantity reached Amazon (one feed), none twice.
    r.advance('1h');
    r.sync();
    const pushed = new Map(r.writes().map((w) => [w.sku, w.quantity]));
    expect(pushed.size).toBe(n);
    expect(pushed.get('SKU-000000')).toBe(4);
    expect(r.writes()).toHaveLength(n);
  }, 480_000);
});
