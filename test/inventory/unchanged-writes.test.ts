// A run that changes nothing writes nothing to the Inventory tab (issue: "Cells written per run when
// nothing changed: 0 for Inventory"): Updated At is when a row's figures last changed, and a tab
// whose rows are as they were is not rewritten. A real change still lands, and only its row is
// written (issue 13: "Inventory rows whose values changed"), with no format read and rewritten per cell.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { RangeApi } from '../world/gas/spreadsheet/range';
import { InventoryRun } from './builder';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The ranges a spy saw on one tab, in A1 notation (read from the fake's own state, outside any execution). */
function rangesOn(spy: { mock: { contexts: unknown[] } }, tab: string): string[] {
  return (spy.mock.contexts as RangeApi[]).filter((r) => r._sh.name === tab).map((r) => {
    const { r: row, c, nr, nc } = r._rect;
    return `R${row}C${c}:R${row + nr - 1}C${c + nc - 1}`;
  });
}

describe('Inventory writes only what changed', () => {
  it('keeps Updated At and writes no Inventory cells when nothing changed; a stock change is written', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 20 }, { sku: 'MUG-1', onHand: 30 }], settings: { 'Push mode': 'dry-run' } });
    r.sync();
    r.advance('1h');
    r.sync();
    const first = r.inventoryRow('TEE-M')!['Updated At'];
    const inventory = () => JSON.stringify(r.run.gas.spreadsheet.toDisplayJson()['Inventory']);
    const before = inventory();
    // SpreadsheetApp calls of the last execution (the fake counts every call).
    const calls = () => r.run.world.executions.at(-1)!.spreadsheetCalls;
    r.advance('1h');
    r.sync();
    const quiet = calls();
    expect(inventory()).toBe(before);
    expect(r.inventoryRow('TEE-M')!['Updated At']).toBe(first);
    r.setStock('SB-TEE-M', 10);
    r.advance('1h');
    r.sync();
    const busy = calls();
    expect(r.inventoryRow('TEE-M')!['Updated At']).not.toBe(first);
    expect(r.inventoryRow('MUG-1')!['Updated At']).toBe(first);
    // Writing the tab costs calls a quiet run does not make.
    expect(busy).toBeGreaterThan(quiet);
  });

  it('a stock change writes its offer’s changed cells alone, no format set or read', () => {
    const offers = ['TEE-S', 'TEE-M', 'TEE-L', 'MUG-1', 'MUG-2'].map((sku, i) => ({ sku, onHand: 20 + i }));
    const r = new InventoryRun({ offers, settings: { 'Push mode': 'dry-run' } });
    r.sync();
    r.advance('1h');
    r.sync();
    const grid = () => r.run.gas.spreadsheet.toDisplayJson()['Inventory']!;
    const before = grid();
    const row = before.findIndex((cells) => cells[0] === 'TEE-L') + 1;
    const width = before[0]!.length;
    const setValues = vi.spyOn(RangeApi.prototype, 'setValues');
    const setNumberFormats = vi.spyOn(RangeApi.prototype, 'setNumberFormats');
    const getNumberFormats = vi.spyOn(RangeApi.prototype, 'getNumberFormats');
    r.setStock('SB-TEE-L', 3);
    r.advance('1h');
    r.sync();
    const after = grid();
    expect(after[row - 1]).not.toEqual(before[row - 1]);
    // One write, from the row's first changed cell to its last: the SKU and the columns before are not touched.
    const changed = after[row - 1]!.map((cell, j) => (cell === before[row - 1]![j] ? -1 : j + 1)).filter((j) => j > 0);
    expect(changed[0]).toBeGreaterThan(1);
    expect(rangesOn(setValues, 'Inventory')).toEqual([`R${row}C${changed[0]}:R${row}C${changed[changed.length - 1]}`]);
    expect(changed[changed.length - 1]).toBeLessThanOrEqual(width);
    expect(rangesOn(setNumberFormats, 'Inventory')).toEqual([]);
    expect(rangesOn(getNumberFormats, 'Inventory')).toEqual([]);
    after.forEach((cells, i) => {
      if (i !== row - 1) expect(cells).toEqual(before[i]);
    });
  });
});
