// Issue 13, run 1 at 10,000 SKUs: the new rows of a large Inventory tab are written while the run
// waits for Amazon's first listings report (src/jobs/inventory/layout.ts), so the wait pays for the
// writing. Laid-out rows say nothing Amazon said (no Amazon quantity, no push state): a run that
// stops before the report leaves rows the next run reads as never pushed, and it pushes exactly
// what a run without the layout would. Rows already on the tab are never touched before Amazon's
// side is known.

import { describe, expect, it } from 'vitest';
import { inventoryRowFromRecord } from '../../src/core/inventory/inventory-tab';
import type { InventoryRow } from '../../src/core/inventory/types';
import { LAYOUT_MIN_NEW_ROWS, layOutNewRows } from '../../src/jobs/inventory/layout';
import { inventoryTab } from '../../src/sheet/inventory-tab';
import { memoryWorkbook } from '../security/memory-workbook';
import { InventoryRun, type FbmOffer } from './builder';
import { invRow } from '../core/inventory-fixtures';

const N = 1_100;
const offers = (): FbmOffer[] =>
  Array.from({ length: N }, (_, i) => ({ sku: `L-${String(i).padStart(5, '0')}`, onHand: 5 + (i % 7), ...(i % 4 === 0 ? { amazonQty: 4 + (i % 7) - 1 } : {}) }));

type Records = ReturnType<InventoryRun['tab']>;

/** The Inventory tab as it stood at each getReport call (what a person would have seen then). */
function atEachGetReport(r: InventoryRun): Records[] {
  const seen: Records[] = [];
  const calls = r.run.amazon.calls;
  const push = calls.push.bind(calls);
  calls.push = (...items) => {
    for (const c of items) if (c.operation === 'getReport') seen.push(r.tab('Inventory'));
    return push(...items);
  };
  return seen;
}

const pushed = (r: InventoryRun) => r.writes().map((w: { sku: string; quantity: number }) => [w.sku, w.quantity]).sort();

describe('new rows laid out while the listings report is prepared', () => {
  it('are on the tab before the first poll, without Amazon’s side; once the report is in, the run completes them and pushes', () => {
    const r = new InventoryRun({ offers: offers() });
    const seen = atEachGetReport(r);
    const first = r.sync();
    // Every offer changes, so the quantities go in one feed, followed by the next run.
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/Feed \d+ was submitted/);
    expect(seen).toHaveLength(1);
    const before = seen[0]!;
    expect(before).toHaveLength(N);
    // The 3PL side and the proposal are there; nothing Amazon said is.
    expect(before.every((row) => row['3PL Fulfillable'] !== '' && row['Proposed FBM Qty'] !== '')).toBe(true);
    expect(before.every((row) => row['Amazon FBM Qty'] === '' && row['Push State'] === '' && row['Last Pushed Qty'] === '')).toBe(true);
    // After: every offer's Amazon quantity and push state, and the quantities went out.
    const after = r.tab('Inventory');
    expect(after).toHaveLength(N);
    expect(after.every((row) => row['Amazon FBM Qty'] !== '' && row['Push State'] === 'queued')).toBe(true);
    r.advance('10m');
    expect(r.sync().outcome).not.toBe('failed');
    expect(pushed(r)).toHaveLength(N);
    expect(r.inventoryRow('L-00001')!['Push State']).toMatch(/accepted|applied/);
    r.assertInvariants();
  });

  it('a run that stops before the report leaves rows read as never pushed; the next run pushes what it would have', () => {
    const plain = new InventoryRun({ offers: offers(), amazonBehaviour: { reportProcessing: '20m' } });
    const stopped = plain.sync();
    expect(stopped.outcome).toBe('partial');
    expect(stopped.message).toMatch(/listings report/);
    expect(plain.writes()).toEqual([]);
    const laidOut = plain.tab('Inventory');
    expect(laidOut).toHaveLength(N);
    expect(laidOut.every((row) => row['Push State'] === '' && row['Amazon FBM Qty'] === '' && row['Last Pushed Qty'] === '' && row['Previous Qty'] === '')).toBe(true);
    plain.advance('30m');
    expect(plain.sync().message).toMatch(/Feed \d+ was submitted/);

    // The same world synced with the report ready in the first run: the same rows, the same push.
    const direct = new InventoryRun({ offers: offers() });
    direct.sync();
    const strip = (rows: Records) => rows.map(({ 'Updated At': _at, ...rest }) => rest);
    expect(strip(plain.tab('Inventory'))).toEqual(strip(direct.tab('Inventory')));
    for (const r of [plain, direct]) {
      r.advance('10m');
      r.sync();
    }
    expect(pushed(plain)).toHaveLength(N);
    expect(pushed(plain)).toEqual(pushed(direct));
    plain.assertInvariants();
  });
});

describe('layOutNewRows', () => {
  const rows = (keys: string[], over: Partial<InventoryRow> = {}): InventoryRow[] =>
    keys.map((k) => ({ ...invRow({ sellerSku: k, proposedQty: 3, amazonFbmQty: null, pushState: '' }), ...over }));
  const skus = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);

  it('writes only the rows the tab lacks, leaving the rows it holds (push state, last pushed) exactly as they were', () => {
    const wb = memoryWorkbook();
    const held = rows(skus(50, 'A'), { amazonFbmQty: 7, lastPushedQty: 7, previousQty: 2, pushState: 'accepted' });
    inventoryTab(wb).write(held);
    const before = wb.tabs.get('Inventory')!.map((r) => [...r]);
    const tab = inventoryTab(wb);
    // The layout's build knows nothing of Amazon: held rows would come back blank, and must not be written so.
    const built = [...rows(skus(50, 'A')), ...rows(skus(LAYOUT_MIN_NEW_ROWS, 'B'))];
    expect(layOutNewRows(tab, wb, 300_000, 50 + LAYOUT_MIN_NEW_ROWS, () => built)).toBe(LAYOUT_MIN_NEW_ROWS);
    const grid = wb.tabs.get('Inventory')!;
    expect(grid).toHaveLength(1 + 50 + LAYOUT_MIN_NEW_ROWS);
    const header = grid[0]!.map(String);
    const record = (row: unknown[]) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
    for (const row of before.slice(1)) {
      const sku = row[0];
      const now = grid.find((g) => g[0] === sku)!;
      expect(now).toEqual(row);
      expect(inventoryRowFromRecord(record(now))!.pushState).toBe('accepted');
    }
  });

  it('does nothing for a few new rows, or for more than one run writes (the tab then fills over runs)', () => {
    const wb = memoryWorkbook();
    const tab = inventoryTab(wb);
    let built = 0;
    expect(layOutNewRows(tab, wb, 300_000, LAYOUT_MIN_NEW_ROWS - 1, () => (built++, rows(skus(LAYOUT_MIN_NEW_ROWS - 1, 'A'))))).toBe(0);
    // Decided from the SKU Map's size before anything is built.
    expect(built).toBe(0);
    expect(layOutNewRows(tab, wb, 20_000, 5_000, () => rows(skus(5_000, 'A')))).toBe(0);
    expect(wb.tabs.has('Inventory')).toBe(false);
  });
});
