// A Settlements Currency typed over ("Pounds") or emptied, through the bundle: the Dashboard keeps
// paid-out totals per currency, so the settlement silently became a currency of its own ("POUNDS",
// "(no currency)") in an "ok" run. Instead the cell is CELL_INVALID, kept as typed, and the
// settlement is left out of the Dashboard's figure until it is fixed; "gbp" is GBP.

import { describe, expect, it } from 'vitest';
import { SETTLEMENTS_SUMMARY_KEY, parseSettlementsSummary } from '../../src/core/settlements/by-currency';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

function paidOut(r: InventoryRun): Array<[string, number]> {
  const summary = parseSettlementsSummary(r.run.gas.properties.document.data.get(SETTLEMENTS_SUMMARY_KEY) ?? null);
  return (summary?.lines ?? []).map((l) => [l.currency, l.paidCents]);
}

describe('settlements: a Currency typed over in the Settlements tab', () => {
  it('is named and left out of the per-currency totals, never a currency of its own', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      amazonExtra: { settlements: [{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) }] },
    });
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { Currency: 'Pounds' });
    r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: smallFile('25000000002', '5.00', ['5.00']) } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });

    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(r.tab('Settlements')[0]!.Currency).toBe('Pounds');
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toMatch(/column Currency, row 2.*Currency holds "Pounds", not a currency code\. Type a three-letter currency code/);
    expect(paidOut(r)).toEqual([['GBP', 500]]);

    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { Currency: 'gbp' });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
    expect(r.tab('Settlements')[0]!.Currency).toBe('GBP');
    expect(paidOut(r)).toEqual([['GBP', 4600]]);
  });

  it('names any text that is not three letters, whatever its case ("£", "POUNDS", "GB")', () => {
    for (const typed of ['£', 'POUNDS', 'GB']) {
      const r = new InventoryRun({
        offers: [{ sku: 'TEE-M', onHand: 5 }],
        settings: { 'Push mode': 'dry-run' },
        amazonExtra: { settlements: [{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) }] },
      });
      r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
      r.edit('Settlements', { 'Settlement ID': '25000000001' }, { Currency: typed });
      r.step({ run: 'recategoriseSettlements' });

      expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
      expect(r.tab('Settlements')[0]!.Currency).toBe(typed);
      const [cell] = r.openExceptions('CELL_INVALID');
      expect(cell!.Message).toContain(`Currency holds "${typed}", not a currency code`);
      expect(paidOut(r)).toEqual([]);
    }
  });
});
