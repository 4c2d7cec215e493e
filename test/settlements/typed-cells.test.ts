// Figures people type over in the Settlements and Settlement Lines tabs, through the bundle: a cell
// that is not an amount is never read as 0 nor written back as 0.00; it stays as typed, one
// CELL_INVALID names the tab, column and row, the run is partial, and no category column loses or
// gains money until the cell is fixed. A line deleted from Settlement Lines is caught the same way.

import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../src/core/cells';
import { InventoryRun } from '../inventory/builder';
import { file, imported } from './one-settlement';


const settlement = (r: InventoryRun, id = '25000000001') => r.tab('Settlements').find((s) => s['Settlement ID'] === id)!;
const cellKeys = (r: InventoryRun) => r.openExceptions('CELL_INVALID').map((e) => e.Key).sort();

describe('settlements: figures typed over in Settlement Lines', () => {
  it('an Amount that is not money stays as typed, the settlement is left as it was, and the run is partial until it is fixed', () => {
    const r = imported();
    r.edit('Settlement Lines', { 'Amount Description': 'Commission' }, { Amount: 'seven fifty' });
    r.edit('Settlement Map', { 'Transaction Type': 'Order', 'Amount Type': 'ItemPrice', 'Amount Description': 'Principal' }, { Account: '4000' });
    r.step({ run: 'recategoriseSettlements' });

    const line = r.tab('Settlement Lines').find((l) => l['Amount Description'] === 'Commission')!;
    expect(line.Amount).toBe('seven fifty');
    expect(settlement(r)['Selling fees']).toBe('-7.50');
    expect(settlement(r)['Lines Total']).toBe('41.00');
    // Left as it was: not even the Account of its other lines moved.
    expect(r.tab('Settlement Lines').find((l) => l['Amount Description'] === 'Principal')!.Account).toBe('');
    const [e] = r.openExceptions('CELL_INVALID');
    expect(e!.Key).toBe('CELL_INVALID:Settlement Lines:row 3:Amount');
    expect(e!.Message).toMatch(/Settlement Lines, column Amount, row 3 \(cell I3\)/);
    expect(e!.Message).toMatch(/"seven fifty", not an amount/);
    expect(e!.Message).toMatch(/such as 7\.50 or -7\.50/);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/left as they were: 25000000001/);

    r.edit('Settlement Lines', { 'Amount Description': 'Commission' }, { Amount: -7.5 });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(cellKeys(r)).toEqual([]);
    expect(r.tab('Settlement Lines').find((l) => l['Amount Description'] === 'Principal')!.Account).toBe('4000');
    expect(settlement(r)['Selling fees']).toBe('-7.50');
  });

  it('an emptied Amount is no 0 either', () => {
    const r = imported();
    r.edit('Settlement Lines', { 'Amount Description': 'Commission' }, { Amount: '' });
    r.step({ run: 'recategoriseSettlements' });
    expect(settlement(r)['Selling fees']).toBe('-7.50');
    expect(r.openExceptions('CELL_INVALID')[0]!.Message).toMatch(/Amount is empty/);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
  });

  it('a deleted line leaves the settlement as it was and says so', () => {
    const r = imported();
    const lines = r.run.gas.spreadsheet.sheet('Settlement Lines')!;
    lines.deleteRows(3, 1); // the Commission line
    r.step({ run: 'recategoriseSettlements' });
    expect(settlement(r)['Selling fees']).toBe('-7.50');
    const [e] = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(e!.Key).toBe('SETTLEMENT_MISMATCH:lines:25000000001');
    expect(e!.Message).toMatch(/add up to 48\.50 GBP, but its Lines Total in Settlements is 41\.00 GBP/);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
  });
});

describe('settlements: figures typed over in the Settlements tab', () => {
  it('the next import keeps them as typed and names each cell; fixed, they resolve', () => {
    const r = imported();
    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { 'Reported Total': 'see email', 'Product sales': 'fifty' });
    r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: file('25000000002') } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });

    const first = settlement(r);
    expect(first['Reported Total']).toBe('see email');
    expect(first['Product sales']).toBe('fifty');
    expect(first['Selling fees']).toBe('-7.50');
    expect(settlement(r, '25000000002')['Product sales']).toBe('50.00');
    expect(cellKeys(r)).toEqual(['CELL_INVALID:Settlements:settlement 25000000001:Product sales', 'CELL_INVALID:Settlements:settlement 25000000001:Reported Total']);
    const reported = r.openExceptions('CELL_INVALID').find((e) => e.Key!.endsWith('Reported Total'))!;
    expect(reported.Message).toMatch(/Settlements, column Reported Total, row 2 \(cell F2\), settlement 25000000001: Reported Total holds "see email"/);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');

    // Recategorise leaves that settlement as it is, and still names the cells.
    r.step({ run: 'recategoriseSettlements' });
    expect(settlement(r)['Product sales']).toBe('fifty');
    expect(cellKeys(r)).toHaveLength(2);

    r.edit('Settlements', { 'Settlement ID': '25000000001' }, { 'Reported Total': 41, 'Product sales': 50 });
    r.step({ run: 'recategoriseSettlements' });
    expect(cellKeys(r)).toEqual([]);
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(settlement(r)['Product sales']).toBe('50.00');
  });

  it("a column of people's own right of the reserve is theirs: not a category, kept through the next import", () => {
    const r = imported();
    const header = r.run.gas.spreadsheet.toDisplayJson()['Settlements']![0]!;
    const col = columnLetters(header.length + 1);
    const sheet = r.run.gas.spreadsheet.sheet('Settlements')!;
    if (sheet.maxCols < header.length + 1) sheet.insertCols(sheet.maxCols + 1, 1); // Sheets: Insert 1 column right
    r.run.gas.spreadsheet.edit('Settlements', `${col}1`, 'Checked by');
    r.run.gas.spreadsheet.edit('Settlements', `${col}2`, 'ann, paid 3 Nov');
    r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: file('25000000002') } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(settlement(r)['Checked by']).toBe('ann, paid 3 Nov');
    expect(settlement(r, '25000000002')['Checked by']).toBe('');
    const after = r.run.gas.spreadsheet.toDisplayJson()['Settlements']![0]!;
    expect(after.at(-1)).toBe('Checked by');
    expect(cellKeys(r)).toEqual([]);
  });
});
