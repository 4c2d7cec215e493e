// A run that changes no Exceptions row writes nothing to the Exceptions tab (issue 13: "Cells
// written per run when nothing changed"): before, the tab was rewritten whole on every run, so 50
// resolved rows cost 700 cells a run for as long as they stayed. A run that changes a row still
// writes the tab.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RangeApi } from '../world/gas/spreadsheet/range';
import { InventoryRun } from './builder';

afterEach(() => {
  vi.restoreAllMocks();
});

const writesOn = (spy: { mock: { contexts: unknown[] } }, tab: string) => (spy.mock.contexts as RangeApi[]).filter((r) => r._sh.name === tab).length;

describe('Exceptions writes only when a row changed', () => {
  it('resolved rows are not rewritten by a quiet run; a new problem is written', () => {
    // MUG-1 is unticked while Amazon shows more than the 3PL holds: High; then the stock covers it.
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 20 }, { sku: 'MUG-1', onHand: 3, amazonQty: 9, active: false }] });
    r.sync();
    expect(r.openExceptions('OFFER_UNMANAGED')).toHaveLength(1);
    r.setStock('SB-MUG-1', 30);
    r.advance('1h');
    r.sync();
    expect(r.openExceptions('OFFER_UNMANAGED')).toEqual([]);
    const tab = () => JSON.stringify(r.run.gas.spreadsheet.toDisplayJson()['Exceptions']);
    const before = tab();
    const setValues = vi.spyOn(RangeApi.prototype, 'setValues');
    r.advance('1h');
    r.sync();
    expect(tab()).toBe(before);
    expect(writesOn(setValues, 'Exceptions')).toBe(0);
    // A new problem is written.
    r.setStock('SB-MUG-1', 0);
    r.advance('1h');
    r.sync();
    expect(r.openExceptions('OFFER_UNMANAGED')).toHaveLength(1);
    expect(writesOn(setValues, 'Exceptions')).toBeGreaterThan(0);
  });
});
