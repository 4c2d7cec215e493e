// A Settlement Lines row whose Settlement ID a person cleared, through the bundle: the line was read
// as no line at all, so the next rewrite of the tab (Recategorise, the line budget, a re-import)
// deleted it, and the SETTLEMENT_MISMATCH that followed asked people to put back a line the add-on
// had removed. Instead the row is kept as it stands, its cell is CELL_INVALID, and once the id is
// back Recategorise treats the line like any other.

import { describe, expect, it } from 'vitest';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

describe('settlements: a Settlement Lines row without its Settlement ID', () => {
  it('is kept through Recategorise, named, and counted again once the id is back', () => {
    const r = importedFiles([
      { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
      { reportId: 'r2', created: '2026-10-31T06:00:00Z', content: smallFile('25000000002', '20.00', ['20.00']) },
    ]);
    expect(r.tab('Settlement Lines').map((l) => l.Amount)).toEqual(['50.00', '-9.00', '20.00']);
    r.run.gas.spreadsheet.edit('Settlement Lines', 'A2', '');
    r.edit('Settlement Map', { 'Transaction Type': 'Order', 'Amount Type': 'ItemPrice', 'Amount Description': 'Principal' }, { Category: 'Sales' });
    r.step({ run: 'recategoriseSettlements' });

    const lines = r.tab('Settlement Lines');
    expect(lines.map((l) => l.Amount).sort()).toEqual(['-9.00', '20.00', '50.00']);
    // Where it was typed: the row above the other lines of its settlement.
    const orphan = lines.findIndex((l) => l['Settlement ID'] === '');
    expect(orphan).toBe(0);
    expect(lines[orphan]).toMatchObject({ Amount: '50.00', Category: 'Product sales' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    const cell = r.openExceptions('CELL_INVALID').find((e) => e.Entity === `Settlement Lines row ${orphan + 2}, Settlement ID`);
    expect(cell!.Message).toMatch(/Settlement ID is empty, so the line belongs to no settlement/);

    r.run.gas.spreadsheet.edit('Settlement Lines', `A${orphan + 2}`, '25000000001');
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
    expect(r.openExceptions('SETTLEMENT_MISMATCH')).toEqual([]);
    expect(r.tab('Settlement Lines').every((l) => l.Category === 'Sales')).toBe(true);
    expect(r.tab('Settlements').find((s) => s['Settlement ID'] === '25000000001')!['Sales']).toBe('41.00');
  });
});
