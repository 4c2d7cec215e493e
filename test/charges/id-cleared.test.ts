// A 3PL Charges row whose Transaction ID a person cleared, through the bundle: the add-on could not
// tell which transaction it was, so the next write deleted the row, and its invoice (read already)
// was never read again: the charge left the tab and the Dashboard for good, in an "ok" run. Instead
// the row is named (CELL_INVALID), nothing is imported or written meanwhile, and once the id is back
// the run goes on with every charge still there.

import { describe, expect, it } from 'vitest';
import { ChargesRun, ORDER_A } from './world';

describe('3PL charges: a Transaction ID cleared by hand', () => {
  it('keeps the row, names its cell, imports nothing until the id is back', () => {
    const r = new ChargesRun();
    r.orders();
    r.advance('2h');
    r.orders();
    r.threePl('charge', { fee: 'Warehousing Fee', amount: 18.4, referenceType: 'FC' });
    r.advance('1d');
    expect(r.charges().outcome).toBe('ok');
    const before = r.tab('3PL Charges');
    const at = before.findIndex((x) => x['Matched To'] === ORDER_A);
    const id = before[at]!['Transaction ID'];
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': id }, set: { 'Transaction ID': '' } } });

    // A new invoice meanwhile: read only once the row has its id again.
    r.threePl('charge', { fee: 'Per Pick Fee', amount: 0.3, reference: ORDER_A });
    r.advance('1d');
    const s = r.charges();
    expect(s.outcome).toBe('partial');
    expect(s.message).toMatch(new RegExp(`have no Transaction ID \\(row ${at + 2}\\)`));
    const rows = r.tab('3PL Charges');
    expect(rows).toHaveLength(before.length);
    expect(rows[at]!['Amount']).toBe(before[at]!['Amount']);
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!['Entity']).toBe(`3PL Charges row ${at + 2}, Transaction ID`);

    r.step({ edit: { tab: '3PL Charges', match: { 'Matched To': ORDER_A, 'Transaction ID': '' }, set: { 'Transaction ID': id } } });
    const again = r.charges();
    expect(again.outcome).toBe('ok');
    expect(again.counts.chargesImported).toBe(1);
    expect(r.tab('3PL Charges')).toHaveLength(before.length + 1);
    expect(r.tab('3PL Charges').map((x) => x['Transaction ID'])).toContain(id);
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
  });
});
