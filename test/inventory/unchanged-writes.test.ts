// A run that changes nothing writes nothing to the Inventory tab (issue: "Cells written per run when
// nothing changed: 0 for Inventory"): Updated At is when a row's figures last changed, and a tab
// whose rows are as they were is not rewritten. A real change still lands.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

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
});
