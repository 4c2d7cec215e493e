// A first fill larger than one run can write goes in slices in tab order (core/inventory/tab-fill.ts):
// rows on the tab always stay, new ones come in order up to the limit, so each later slice appends.

import { describe, expect, it } from 'vitest';
import { cellsPerNewRow, fillRowsThisRun, fillSlice, newRowsThisRun, NEW_ROWS_PER_RUN } from '../../src/core/inventory/tab-fill';
import { invRow } from './inventory-fixtures';

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

  it('sizes the slice by what a new row costs: rows holding fewer cells come more to a run', () => {
    // A new FBM row holds 14 cells: SKU, Marketplace and 3PL SKU (literal text, no format cell),
    // Channel, the five 3PL and buffer figures, Offer %, the proposal, Amazon's quantity, the Change
    // and the time; no title, maximum, push, FBA figure or reason. Rows added to the grid also get the
    // two formatted columns' formats (Offer %, Updated At), filled or not: 16 cells.
    const fbm = invRow();
    expect(cellsPerNewRow([fbm])).toBe(14 + 2);
    // An FBA row: no 3PL side, its FBA figures instead.
    const fba = invRow({ sellerSku: 'TEE-FBA', channel: 'FBA', threePlSku: '', threePlOnHand: null, threePlCommitted: null, threePlFulfillable: null, unsentOrders: null, safetyBuffer: null, offerShare: null, proposedQty: null, amazonFbmQty: null, fbaFulfillable: 5, fbaInboundWorking: 0, fbaInboundShipped: 0, fbaInboundReceiving: 0, fbaReserved: 0, fbaUnfulfillable: 0, fbaResearching: 0, fbaTotal: 5 });
    expect(cellsPerNewRow([fba])).toBe(1 + 1 + 1 + 8 + 1 + 2);
    expect(cellsPerNewRow([fbm, fbm, fbm, fba])).toBeCloseTo((3 * 16 + 14) / 4, 9);
    // Unknown rows cost a whole row (28 values, 2 formats).
    expect(cellsPerNewRow([])).toBe(30);
    // 16 cells a row: about 45,000 rows in the run's 105 s of writes, against 24,137 whole rows.
    expect(newRowsThisRun(270_000, 16)).toBe(Math.floor(105_000 / (16 * 0.145)));
    expect(newRowsThisRun(270_000, 16)).toBeGreaterThan(NEW_ROWS_PER_RUN);
    expect(NEW_ROWS_PER_RUN).toBe(Math.floor(105_000 / (30 * 0.145)));
    // Half the remaining time still bounds it.
    expect(newRowsThisRun(100_000, 16)).toBe(Math.floor(50_000 / (16 * 0.145)));
  });

  it('lets a fill run write until what follows the write is left, up to three minutes', () => {
    // 270 s left, 60 s kept for what follows: 180 s of writes, the most a run writes.
    expect(fillRowsThisRun(270_000, 16)).toBe(Math.floor(180_000 / (16 * 0.145)));
    expect(fillRowsThisRun(Number.POSITIVE_INFINITY, 16)).toBe(Math.floor(180_000 / (16 * 0.145)));
    // 150 s left: 90 s of writes, more than the layout's half-the-time rule gives.
    expect(fillRowsThisRun(150_000, 16)).toBe(Math.floor(90_000 / (16 * 0.145)));
    expect(fillRowsThisRun(150_000, 16)).toBeGreaterThan(newRowsThisRun(150_000, 16));
    // No time beyond what follows: still a slice, so every run makes progress.
    expect(fillRowsThisRun(30_000, 16)).toBe(1_000);
  });
});
