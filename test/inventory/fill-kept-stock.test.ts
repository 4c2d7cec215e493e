// A first fill over several runs reuses the 3PL read it began with while more rows are to come than
// a run that reads the 3PL could write (src/jobs/inventory/fill.ts), and never pushes figures from
// that kept read: the run after the last rows reads the 3PL afresh, so stock that moved meanwhile is
// what reaches Amazon (docs/design.md §3: never promise more than the 3PL can pick).

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const shipBobStockCalls = (r: InventoryRun, from: number) =>
  r.run.gas.urlFetch.requests.slice(from).filter((q) => /shipbob/.test(q.url) && /inventory/i.test(q.url)).length;

describe('a fill from the kept 3PL read', () => {
  it('reads the 3PL once for the rows, again before the push, and pushes the fresh figures', () => {
    const n = 15_000;
    const offers = Array.from({ length: n }, (_, i) => ({ sku: `SKU-${String(i).padStart(5, '0')}`, onHand: 6, amazonQty: 0 }));
    // A slow Amazon (35 s a call) leaves run 1 little time for rows after its reads: the tab fills over runs.
    const r = new InventoryRun({ offers, amazonBehaviour: { latency: '35s' } });
    const requests = () => r.run.gas.urlFetch.requests.length;

    let at = requests();
    const first = r.sync();
    expect(first.message ?? '').toMatch(new RegExp(`Filling the Inventory tab: \\d+ of ${n} rows`));
    expect(shipBobStockCalls(r, at)).toBeGreaterThan(0);
    const onIt = Number(/: (\d+) of/.exec(first.message ?? '')?.[1]);
    // More rows to come than a run that reads the 3PL writes: the next runs fill from the kept read.
    expect(n - onIt).toBeGreaterThan(onIt);

    // The 3PL's stock moves while the tab fills.
    r.setStock('SB-SKU-00000', 2);
    r.advance('20m');
    at = requests();
    const second = r.sync();
    expect(shipBobStockCalls(r, at)).toBe(0);
    expect(second.outcome).toBe('partial');
    // It put the last rows on the tab, but from the kept read: it says so and pushes nothing.
    expect(second.message ?? '').toContain('the next run reads the 3PL afresh and pushes');
    expect(r.tab('Inventory')).toHaveLength(n);
    expect(r.writes()).toEqual([]);
    // The kept read's figures, shown while the tab fills: never pushed.
    expect(r.tab('Inventory').find((row) => row['Seller SKU'] === 'SKU-00000')?.['3PL Fulfillable']).toBe('6');

    // The next run reads the 3PL afresh and pushes (a large push may take more than one run).
    let freshReads = 0;
    for (let k = 0; k < 5 && r.writes().length < n; k++) {
      r.advance('20m');
      at = requests();
      r.sync();
      freshReads += shipBobStockCalls(r, at) > 0 ? 1 : 0;
    }
    expect(freshReads).toBeGreaterThan(0);
    expect(r.tab('Inventory')).toHaveLength(n);
    const pushed = new Map(r.writes().map((w) => [w.sku, w.quantity]));
    expect(pushed.size).toBe(n);
    expect(r.writes()).toHaveLength(n);
    // Safety buffer 1: the moved SKU goes out at its fresh figure, the others at the one they always had.
    expect(pushed.get('SKU-00000')).toBe(1);
    expect(pushed.get('SKU-00001')).toBe(5);
    // Nothing of the kept read is left on the hidden tab.
    expect(r.tab('Sync Staging').filter((row) => row['Source'] === '3pl-stock-kept')).toEqual([]);
    r.assertInvariants();
  }, 600_000);
});
