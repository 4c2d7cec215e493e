// A Settlements row whose Settlement ID was typed over, through the bundle: the row kept counting in
// the paid-out figure under the typed id while its lines were raised as having no row, and importing
// the file again (what that exception asks for) added a second row: the payout counted twice in an
// "ok" run. Now the import gives the row its id back (one row, paid out once) and says so.

import { describe, expect, it } from 'vitest';
import { SETTLEMENTS_SUMMARY_KEY, parseSettlementsSummary } from '../../src/core/settlements/by-currency';
import type { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

function paidOut(r: InventoryRun): Array<[string, number, number]> {
  const summary = parseSettlementsSummary(r.run.gas.properties.document.data.get(SETTLEMENTS_SUMMARY_KEY) ?? null);
  return (summary?.lines ?? []).map((l) => [l.currency, l.settlements, l.paidCents]);
}

describe('settlements: a Settlement ID typed over', () => {
  it('is given back when the file is imported again, so the payout is counted once', () => {
    const first = smallFile('25000000001', '41.00', ['50.00', '-9.00']);
    // Another settlement of the same fortnight and total: never mistaken for the typed-over row.
    const r = importedFiles([
      { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: first },
      { reportId: 'r2', created: '2026-10-17T07:00:00Z', content: smallFile('25000000002', '41.00', ['41.00']) },
    ]);
    expect(paidOut(r)).toEqual([['GBP', 2, 8200]]);
    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { 'Settlement ID': '25000000099' });

    r.step({ run: 'importSettlementFile', args: ['s1.txt', Buffer.from(first).toString('base64')], as: 'sidebar' });
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/Settlements row 2 held settlement 25000000001's figures under Settlement ID 25000000099 \(typed over\?\): it was given its id back/);
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000001', '25000000002']);
    expect(paidOut(r)).toEqual([['GBP', 2, 8200]]);
    expect(r.tab('Settlement Lines').filter((l) => l['Settlement ID'] === '25000000001')).toHaveLength(2);
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toMatch(/Settlement ID held "25000000099", but the row's period, deposit date, currency and total are settlement 25000000001's/);
  });
});
