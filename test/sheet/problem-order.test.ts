// The Inventory tab shows problem rows first (issue 14), moving them with row-moves.ts. When
// thousands of rows change problem state at once (a guardrail holding a bulk push, a 3PL outage)
// moving each would cost minutes at scale (issue 13, "no dead ends"): the tab then keeps Seller SKU
// order, and the rows move to the top again once few enough are problems to move cheaply.

import { describe, expect, it } from 'vitest';
import type { InventoryRow, PushState } from '../../src/core/inventory/types';
import type { WorkbookPort } from '../../src/ports/workbook';
import { inventoryTab, PROBLEM_MOVES_ALLOWANCE_CELLS } from '../../src/sheet/inventory-tab';
import { invRow } from '../core/inventory-fixtures';
import { memoryWorkbook } from '../security/memory-workbook';

// Enough rows that rewriting the tab costs more than the allowance (PROBLEM_MOVES_ALLOWANCE_CELLS).
const N = 5_000;
const sku = (i: number) => `S-${String(i).padStart(5, '0')}`;
const rows = (state: (i: number) => PushState): InventoryRow[] =>
  Array.from({ length: N }, (_, i) => invRow({ sellerSku: sku(i), pushState: state(i), updatedAt: 1 }));

/** The memory workbook with the calls that move or rewrite rows counted, and the cells written. */
function counted() {
  const wb = memoryWorkbook();
  const calls = { moves: 0, rewrites: 0, cells: 0 };
  const port: WorkbookPort = {
    ...wb,
    rearrangeRows: (t, d, i, f) => ((calls.moves += d.length + i.length), wb.rearrangeRows(t, d, i, f)),
    replaceRows: (t, r, f) => ((calls.rewrites += 1), (calls.cells += r.length * (r[0]?.length ?? 0)), wb.replaceRows(t, r, f)),
    writeRows: (t, b, f) => ((calls.cells += b.reduce((n, x) => n + x.rows.reduce((m, r) => m + r.length, 0), 0)), wb.writeRows(t, b, f)),
  };
  const order = () => wb.tabs.get('Inventory')!.slice(1).map((r) => String(r[0]));
  const reset = () => Object.assign(calls, { moves: 0, rewrites: 0, cells: 0 });
  return { port, calls, order, reset };
}

describe('problem rows on the Inventory tab', () => {
  it('a few move to the top, a row move each', () => {
    const w = counted();
    inventoryTab(w.port).write(rows(() => 'applied'));
    w.reset();
    inventoryTab(w.port).write(rows((i) => (i === 100 || i === 1500 ? 'rejected' : 'applied')));
    expect(w.order().slice(0, 3)).toEqual([sku(100), sku(1500), sku(0)]);
    expect(w.calls.rewrites).toBe(0);
    expect(w.calls.moves).toBe(3);
  });

  it('thousands at once stay in Seller SKU order, written where they stand, and go first again once few', () => {
    expect(N * 28).toBeGreaterThan(PROBLEM_MOVES_ALLOWANCE_CELLS);
    const w = counted();
    inventoryTab(w.port).write(rows(() => 'applied'));
    w.reset();
    // A guardrail holds a push to every other offer.
    inventoryTab(w.port).write(rows((i) => (i % 2 === 0 ? 'held by guardrail' : 'applied')));
    expect(w.order()).toEqual(Array.from({ length: N }, (_, i) => sku(i)));
    expect(w.calls).toMatchObject({ moves: 0, rewrites: 0 });
    // The Push State cells (and the Updated At the change brings), not whole rows.
    expect(w.calls.cells).toBeLessThan(N * 4);

    // The hold lifts except for two rows: those go first, again by moving them.
    w.reset();
    inventoryTab(w.port).write(rows((i) => (i === 4 || i === 8 ? 'held by guardrail' : 'applied')));
    expect(w.order().slice(0, 3)).toEqual([sku(4), sku(8), sku(0)]);
    expect(w.calls.rewrites).toBe(0);
    expect(w.calls.moves).toBeLessThanOrEqual(3);
  });
});
