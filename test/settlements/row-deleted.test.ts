// A Settlements row deleted by hand, through the bundle: the settlement's lines are still in
// Settlement Lines but its money is in no Settlements total, so Recategorise and the next import
// raise it (never "ok" and silent) until the row is back or the file is imported again.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

function run(): InventoryRun {
  const r = importedFiles([
    { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
    { reportId: 'r2', created: '2026-10-31T06:00:00Z', content: smallFile('25000000002', '20.00', ['20.00']) },
  ]);
  expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
  return r;
}

const missingKeys = (r: InventoryRun) => r.openExceptions('SETTLEMENT_MISMATCH').map((e) => e.Key).filter((k) => k!.includes(':norow:'));

describe('settlements: a Settlements row deleted', () => {
  it('is raised by Recategorise and by the next import, and resolves when the file is imported again', () => {
    const r = run();
    r.run.gas.spreadsheet.sheet('Settlements')!.deleteRows(2, 1);
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(r.syncLog().at(-1)!.Message).toMatch(/25000000001/);
    expect(missingKeys(r)).toEqual(['SETTLEMENT_MISMATCH:norow:25000000001']);
    expect(r.openExceptions('SETTLEMENT_MISMATCH')[0]!.Message).toMatch(/2 line\(s\) in Settlement Lines adding up to 41\.00 but no row in Settlements/);

    r.amazon('addSettlement', { settlement: { reportId: 'r3', created: '2026-11-02T08:05:00Z', content: smallFile('25000000003', '5.00', ['5.00']) } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(missingKeys(r)).toEqual(['SETTLEMENT_MISMATCH:norow:25000000001']);

    const base64 = Buffer.from(smallFile('25000000001', '41.00', ['50.00', '-9.00'])).toString('base64');
    r.step({ run: 'importSettlementFile', args: ['s1.txt', base64], as: 'sidebar' });
    expect(missingKeys(r)).toEqual([]);
    expect(r.tab('Settlements').map((s) => s['Settlement ID']).sort()).toEqual(['25000000001', '25000000002', '25000000003']);
    expect(r.tab('Settlement Lines').filter((l) => l['Settlement ID'] === '25000000001')).toHaveLength(2);
  });
});
