// The Settlements tab as people rearrange it, through the bundle: columns are found by header
// wherever they stand, a header is a category only by name (never by where it is), people's own
// columns anywhere are kept as typed and never read as money, and an emptied figure is never read
// as 0 when that would change the row's totals.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { file, imported } from './one-settlement';


function importSecond(r: InventoryRun): void {
  r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: file('25000000002') } });
  r.advance('1h');
  r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
}

const settlement = (r: InventoryRun, id = '25000000001') => r.tab('Settlements').find((s) => s['Settlement ID'] === id)!;
const header = (r: InventoryRun) => r.run.gas.spreadsheet.toDisplayJson()['Settlements']![0]!;
const cellKeys = (r: InventoryRun) => r.openExceptions('CELL_INVALID').map((e) => e.Key).sort();

describe('settlements: an emptied figure in the Settlements tab', () => {
  it('is not 0 when the row no longer adds up without it: kept empty, CELL_INVALID, until it is typed back', () => {
    const r = imported();
    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { 'Product sales': '' });
    importSecond(r);
    expect(settlement(r)['Product sales']).toBe('');
    expect(settlement(r)['Lines Total']).toBe('41.00');
    expect(cellKeys(r)).toEqual(['CELL_INVALID:Settlements:settlement 25000000001:Product sales']);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');

    r.step({ run: 'recategoriseSettlements' });
    expect(settlement(r)['Product sales']).toBe('');

    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { 'Product sales': 50 });
    r.step({ run: 'recategoriseSettlements' });
    expect(cellKeys(r)).toEqual([]);
    expect(settlement(r)['Product sales']).toBe('50.00');
  });

  it('an emptied 0.00 (the row still adds up) is 0, with nothing to report', () => {
    const r = imported();
    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { Refunds: '', 'Reserve Held': '' });
    importSecond(r);
    expect(cellKeys(r)).toEqual([]);
    expect(settlement(r).Refunds).toBe('0.00');
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
  });
});

describe('settlements: columns found by name', () => {
  it('the reserve columns moved next to Difference: every category keeps its money, and the order people chose stays', () => {
    const r = imported();
    const sheet = r.run.gas.spreadsheet.sheet('Settlements')!;
    const before = header(r);
    const held = before.indexOf('Reserve Held') + 1;
    sheet.deleteCols(held, 3);
    sheet.insertCols(9, 3);
    ['Reserve Held', 'Reserve Released', 'Reserve Net'].forEach((h, i) => {
      r.run.gas.spreadsheet.edit('Settlements', `${String.fromCharCode(73 + i)}1`, h);
      r.run.gas.spreadsheet.edit('Settlements', `${String.fromCharCode(73 + i)}2`, 0);
    });
    importSecond(r);
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    for (const id of ['25000000001', '25000000002']) {
      expect(settlement(r, id)['Product sales']).toBe('50.00');
      expect(settlement(r, id)['Selling fees']).toBe('-7.50');
    }
    expect(header(r).slice(8, 11)).toEqual(['Reserve Held', 'Reserve Released', 'Reserve Net']);
    r.step({ run: 'recategoriseSettlements' });
    expect(settlement(r)['Product sales']).toBe('50.00');
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
  });

  it("a column of people's own in the middle is theirs: kept as typed, never money, through imports and Recategorise", () => {
    const r = imported();
    r.run.gas.spreadsheet.sheet('Settlements')!.insertCols(5, 1);
    r.run.gas.spreadsheet.edit('Settlements', 'E1', 'Bank Ref');
    r.run.gas.spreadsheet.edit('Settlements', 'E2', 40012345);
    importSecond(r);
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(header(r)[4]).toBe('Bank Ref');
    expect(header(r).filter((h) => h === 'Bank Ref')).toHaveLength(1);
    expect(settlement(r)['Bank Ref']).toBe('40012345');
    expect(settlement(r, '25000000002')['Bank Ref']).toBe('');
    expect(settlement(r)['Product sales']).toBe('50.00');
    expect(cellKeys(r)).toEqual([]);
  });
});
