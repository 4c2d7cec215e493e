// A column of the Settlements tab deleted by hand (Currency, a date, a category's column), through
// the bundle: read as empty, the next import wrote the settlements back without their currency or
// dates, or with that category at 0.00 while Lines Total kept its money, in an "ok" run. Instead the
// import and Recategorise stop with CONFIG_INVALID naming the header, nothing is written, the report
// waits, and once the column is back everything carries on.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

function run(): InventoryRun {
  const r = new InventoryRun({
    offers: [{ sku: 'TEE-M', onHand: 5 }],
    settings: { 'Push mode': 'dry-run' },
    amazonExtra: { settlements: [{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) }] },
  });
  r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
  r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: smallFile('25000000002', '5.00', ['5.00']) } });
  r.advance('1h');
  return r;
}

describe('settlements: a Settlements column deleted', () => {
  for (const column of ['Currency', 'Start', 'Product sales']) {
    it(`(${column}) stops the import and Recategorise until it is back`, () => {
      const r = run();
      const grid = r.run.gas.spreadsheet.toDisplayJson()['Settlements']!;
      const at = grid[0]!.indexOf(column);
      r.run.gas.spreadsheet.sheet('Settlements')!.deleteCols(at + 1, 1);
      const after = r.run.gas.spreadsheet.toDisplayJson()['Settlements'];

      r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
      expect(r.syncLog().at(-1)!.Outcome).not.toBe('ok');
      expect(r.syncLog().at(-1)!.Message).toMatch(new RegExp(`"Settlements" tab has no "${column}" column`));
      r.step({ run: 'recategoriseSettlements' });
      expect(r.syncLog().at(-1)!.Outcome).not.toBe('ok');
      // Nothing written: the settlement's figures stay as they were, the new one waits.
      expect(r.run.gas.spreadsheet.toDisplayJson()['Settlements']).toEqual(after);
      expect(r.openExceptions('CONFIG_INVALID').map((e) => e.Entity)).toEqual(['Settlements tab', 'Settlements tab']);

      r.run.gas.spreadsheet.sheet('Settlements')!.insertCols(at + 1, 1);
      grid.forEach((row, i) => r.run.gas.spreadsheet.edit('Settlements', `${String.fromCharCode(65 + at)}${i + 1}`, row[at]!));
      r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
      expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
      expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000001', '25000000002']);
      // (The column put back here has no number format of its own: the figure is checked, not its look.)
      expect(r.tab('Settlements')[1]![column]).not.toBe('');
      r.step({ run: 'recategoriseSettlements' });
      expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
    });
  }
});
