// A Settlements row whose Settlement ID a person cleared, through the bundle: the row was read as no
// row, so the next rewrite of the tab (Recategorise, an import) deleted it, with its reported total,
// period and deposit date that only the file holds, and the SETTLEMENT_MISMATCH that followed asked
// people to put back the row the add-on had removed. Instead the row stays where it stands, its cell
// is CELL_INVALID, and typing the id back brings everything back in step.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

describe('settlements: a Settlements row without its Settlement ID', () => {
  it('is kept through Recategorise and imports, named, and read again once the id is back', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      amazonExtra: { settlements: [{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) }] },
    });
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    const [before] = r.tab('Settlements');
    r.run.gas.spreadsheet.edit('Settlements', 'A2', '');

    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(r.tab('Settlements')).toEqual([{ ...before, 'Settlement ID': '' }]);
    const cell = r.openExceptions('CELL_INVALID').find((e) => e.Entity === 'Settlements row 2, Settlement ID');
    expect(cell!.Message).toMatch(/cell A2.*Settlement ID is empty, so the row is no settlement the add-on knows/);

    r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: smallFile('25000000002', '5.00', ['5.00']) } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).not.toBe('ok');
    expect(r.tab('Settlements').map((s) => [s['Settlement ID'], s['Reported Total']])).toEqual([
      ['', '41.00'],
      ['25000000002', '5.00'],
    ]);

    r.run.gas.spreadsheet.edit('Settlements', 'A2', '25000000001');
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
    expect(r.openExceptions('SETTLEMENT_MISMATCH')).toEqual([]);
    expect(r.tab('Settlements')[0]).toEqual(before);
  });
});
