// A Type or Amount typed over in the 3PL Charges tab, through the bundle: the next import keeps
// the cell as typed (never "other" or 0.00), names it in a CELL_INVALID with the allowed values, is
// partial, and leaves the row out of the Dashboard's totals rather than counting it somewhere wrong;
// fixed, the problem resolves and the money is back where it belongs.

import { describe, expect, it } from 'vitest';
import { ChargesRun, ORDER_A } from './world';

function dashboardLines(r: ChargesRun): string[][] {
  const dash = r.run.gas.spreadsheet.toDisplayJson()['Dashboard']!;
  return dash.map((row) => [row[0]!, row[3]!]).filter((x) => /^\d{4}-\d{2} /.test(x[0]!));
}

function imported(): ChargesRun {
  const r = new ChargesRun();
  r.orders();
  r.threePl('charge', { fee: 'Warehousing Fee', amount: 18.4, referenceType: 'FC' });
  r.threePl('charge', { fee: 'Address Correction', amount: 1.5, referenceType: 'Ticket Number', referenceId: 'T-88' });
  r.advance('1d');
  expect(r.charges().outcome).toBe('ok');
  return r;
}

const row = (r: ChargesRun, fee: string) => r.tab('3PL Charges').find((x) => x['Reference'].includes(`fee ${fee}`))!;

describe('3PL charges: cells typed over', () => {
  it('keeps an unknown Type and an Amount in words as typed, names each cell, and moves no money', () => {
    const r = imported();
    const storageId = row(r, 'Warehousing Fee')['Transaction ID'];
    const otherId = row(r, 'Address Correction')['Transaction ID'];
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': storageId }, set: { Type: 'Storage fees' } } });
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': otherId }, set: { Amount: 'one fifty' } } });
    r.threePl('charge', { fee: 'Per Pick Fee', amount: 0.3, reference: ORDER_A });
    r.advance('1d');
    const s = r.charges();

    expect(row(r, 'Warehousing Fee').Type).toBe('Storage fees');
    expect(row(r, 'Address Correction').Amount).toBe('one fifty');
    expect(s.outcome).toBe('partial');
    const open = r.openExceptions('CELL_INVALID');
    expect(open.map((e) => e.Key).sort()).toEqual([`CELL_INVALID:3PL Charges:transaction ${otherId}:Amount`, `CELL_INVALID:3PL Charges:transaction ${storageId}:Type`].sort());
    const type = open.find((e) => e.Key!.endsWith(':Type'))!;
    const at = r.tab('3PL Charges').findIndex((x) => x['Transaction ID'] === storageId) + 2;
    expect(type.Message).toContain(`3PL Charges, column Type, row ${at}`);
    expect(type.Message).toContain('one of fulfilment, shipping, receiving, storage, returns, other');
    expect(open.find((e) => e.Key!.endsWith(':Amount'))!.Message).toMatch(/Amount holds "one fifty", not an amount/);
    // Neither row is counted anywhere: not as "other", not as 0.00.
    const lines = dashboardLines(r);
    expect(lines.find((x) => x[0] === '2026-11 storage')).toBeUndefined();
    expect(lines.find((x) => x[0] === '2026-11 other')).toBeUndefined();

    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': storageId }, set: { Type: 'storage' } } });
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': otherId }, set: { Amount: 1.5 } } });
    r.advance('2h');
    expect(r.charges().outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
    const fixed = dashboardLines(r);
    expect(fixed.find((x) => x[0] === '2026-11 storage')![1]).toBe('GBP 18.40');
    expect(fixed.find((x) => x[0] === '2026-11 other')![1]).toBe('GBP 1.50');
  });

  it('names an emptied Invoice, keeps the charge in the totals, and resolves once the id is back', () => {
    const r = imported();
    const storageId = row(r, 'Warehousing Fee')['Transaction ID'];
    const invoice = row(r, 'Warehousing Fee').Invoice;
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': storageId }, set: { Invoice: '' } } });
    r.advance('2h');
    expect(r.charges().outcome).toBe('partial');
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Key).toBe(`CELL_INVALID:3PL Charges:transaction ${storageId}:Invoice`);
    expect(cell!.Message).toMatch(/3PL Charges, column Invoice, row \d+, transaction \S+: Invoice is empty\. Type the 3PL's invoice id the charge was billed on back/);
    expect(dashboardLines(r).find((x) => x[0] === '2026-11 storage')![1]).toBe('GBP 18.40');

    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': storageId }, set: { Invoice: invoice } } });
    r.advance('2h');
    expect(r.charges().outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
  });

  it('keeps a note typed over a State and names it, instead of writing over it; an emptied State is just put back', () => {
    const r = imported();
    const storageId = row(r, 'Warehousing Fee')['Transaction ID'];
    const otherId = row(r, 'Address Correction')['Transaction ID'];
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': storageId }, set: { State: 'paid 3 Nov' } } });
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': otherId }, set: { State: '' } } });
    r.advance('2h');
    expect(r.charges().outcome).toBe('partial');
    expect(row(r, 'Warehousing Fee').State).toBe('paid 3 Nov');
    expect(row(r, 'Address Correction').State).toMatch(/^account/);
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Key).toBe(`CELL_INVALID:3PL Charges:transaction ${storageId}:State`);
    expect(cell!.Message).toContain('State holds "paid 3 Nov", not a state the add-on writes. Type one of matched, unmatched, cancelled order, duplicate, receipt, account, or empty it');
    expect(dashboardLines(r).find((x) => x[0] === '2026-11 storage')![1]).toBe('GBP 18.40');

    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': storageId }, set: { State: '' } } });
    r.advance('2h');
    expect(r.charges().outcome).toBe('ok');
    expect(row(r, 'Warehousing Fee').State).toMatch(/^account/);
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
  });
});
