// A 3PL Charges column deleted by hand (Invoice Date), through the bundle: read as empty, every charge
// lost its invoice date and dropped out of the Dashboard's monthly totals, in an "ok" run. Instead
// the job stops with CONFIG_INVALID naming the header and writes nothing until the column is back.

import { describe, expect, it } from 'vitest';
import { ChargesRun, ORDER_A } from './world';

describe('3PL charges: a column deleted', () => {
  it('stops the import, writing nothing, until the column is back', () => {
    const r = new ChargesRun();
    r.orders();
    r.advance('2h');
    r.orders();
    r.threePl('charge', { fee: 'Per Pick Fee', amount: 0.3, reference: ORDER_A });
    r.advance('1d');
    expect(r.charges().outcome).toBe('ok');
    const grid = r.run.gas.spreadsheet.toDisplayJson()['3PL Charges']!;
    const at = grid[0]!.indexOf('Invoice Date');
    r.run.gas.spreadsheet.sheet('3PL Charges')!.deleteCols(at + 1, 1);
    const after = r.run.gas.spreadsheet.toDisplayJson()['3PL Charges'];

    r.advance('2h');
    r.step({ run: 'syncNow', args: ['charges'], as: 'sidebar' });
    const log = r.tab('Sync Log').at(-1)!;
    expect(log['Outcome']).not.toBe('ok');
    expect(log['Message']).toMatch(/"3PL Charges" tab has no "Invoice Date" column/);
    expect(r.run.gas.spreadsheet.toDisplayJson()['3PL Charges']).toEqual(after);
    expect(r.openExceptions('CONFIG_INVALID').map((e) => e['Entity'])).toEqual(['3PL Charges tab']);

    r.run.gas.spreadsheet.sheet('3PL Charges')!.insertCols(at + 1, 1);
    grid.forEach((row, i) => r.run.gas.spreadsheet.edit('3PL Charges', `${String.fromCharCode(65 + at)}${i + 1}`, row[at]!));
    r.advance('2h');
    expect(r.charges().outcome).toBe('ok');
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
    expect(r.tab('3PL Charges').every((x) => x['Invoice Date'] !== '')).toBe(true);
  });
});
