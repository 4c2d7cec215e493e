// A first fill larger than one run can write goes in slices in tab order (core/inventory/tab-fill.ts):
// rows on the tab always stay, new ones come in order up to the limit, so each later slice appends.

import { describe, expect, it } from 'vitest';
import { fillSlice, newRowsThisRun, NEW_ROWS_PER_RUN } from '../../src/core/inventory/tab-fill';

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `K${String(from + i).padStart(6, '0')}` }));

describe('fillSlice', () => {
  it('is null when every new row fits one run', () => {
    expect(fillSlice(rows(10), new Set(), 10)).toBeNull();
    expect(fillSlice(rows(NEW_ROWS_PER_RUN), new Set())).toBeNull();
  });

  it('takes the first new rows in order and says how many wait', () => {
    const all = rows(25);
    const first = fillSlice(all, new Set(), 10)!;
    expect(first.rows.map((r) => r.key)).toEqual(all.slice(0, 10).map((r) => r.key));
    expect(first).toMatchObject({ withheld: 15, total: 25 });
    // The next run holds the first slice: the second slice is appended after it.
    const second = fillSlice(all, new Set(first.rows.map((r) => r.key)), 10)!;
    expect(second.rows.map((r) => r.key)).toEqual(all.slice(0, 20).map((r) => r.key));
    expect(second.withheld).toBe(5);
    expect(fillSlice(all, new Set(second.rows.map((r) => r.key)), 10)).toBeNull();
  });

  it('never leaves out a row the tab already holds, wherever it sorts', () => {
    const all = rows(30);
    const onTab = new Set(['K000029', 'K000015']);
    const slice = fillSlice(all, onTab, 5)!;
    expect(slice.rows.map((r) => r.key)).toEqual(['K000000', 'K000001', 'K000002', 'K000003', 'K000004', 'K000015', 'K000029']);
    expect(slice.withheld).toBe(23);
  });

  it('gives a run with little time left a smaller slice, never none', () => {
    expect(newRowsThisRun(270_000)).toBe(NEW_ROWS_PER_RUN);
    expect(newRowsThisRun(100_000)).toBeLessThan(NEW_ROWS_PER_RUN);
    expect(newRowsThisRun(100_000)).toBeGreaterThan(5_000);
    expect(newRowsThisRun(0)).toBe(1_000);
  });
});
