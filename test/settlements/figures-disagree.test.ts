// Settlements figures typed over with other numbers, through the bundle: a Reported Total typed as
// 99 was read as Amazon's total (the Dashboard's paid-out figure gained the money) while the row
// still said Difference 0.00, in "ok" runs. Reported Total − Lines Total must be Difference, as the
// add-on writes them: when they disagree the row is CELL_INVALID naming the figures, kept as typed,
// left out of the paid-out figure, and it resolves once the figures agree again.

import { describe, expect, it } from 'vitest';
import { SETTLEMENTS_SUMMARY_KEY, parseSettlementsSummary } from '../../src/core/settlements/by-currency';
import type { InventoryRun } from '../inventory/builder';
import { imported } from './one-settlement';

function paidOut(r: InventoryRun): Array<[string, number]> {
  const summary = parseSettlementsSummary(r.run.gas.properties.document.data.get(SETTLEMENTS_SUMMARY_KEY) ?? null);
  return (summary?.lines ?? []).map((l) => [l.currency, l.paidCents]);
}

describe('settlements: figures typed over so that they disagree', () => {
  it('names a Reported Total or Difference typed to another number, and leaves the settlement out meanwhile', () => {
    for (const [column, typed, says] of [
      ['Reported Total', 99, 'Difference holds 0.00, but Reported Total 99.00 − Lines Total 41.00 is 58.00'],
      ['Difference', 5, 'Difference holds 5.00, but Reported Total 41.00 − Lines Total 41.00 is 0.00'],
    ] as const) {
      const r = imported();
      expect(paidOut(r)).toEqual([['GBP', 4100]]);
      r.edit('Settlements', { 'Settlement ID': '25000000001' }, { [column]: typed });
      r.step({ run: 'recategoriseSettlements' });

      expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
      const [cell] = r.openExceptions('CELL_INVALID');
      expect(cell!.Message).toContain(`Settlements, column Difference, row 2 (cell H2), settlement 25000000001: ${says}: one of the three was typed over`);
      expect(r.tab('Settlements')[0]![column]).toBe(typed.toFixed(2));
      expect(paidOut(r)).toEqual([]);

      r.edit('Settlements', { 'Settlement ID': '25000000001' }, { [column]: column === 'Difference' ? 0 : 41 });
      r.step({ run: 'recategoriseSettlements' });
      expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
      expect(r.openExceptions('CELL_INVALID')).toEqual([]);
      expect(paidOut(r)).toEqual([['GBP', 4100]]);
    }
  });
});
