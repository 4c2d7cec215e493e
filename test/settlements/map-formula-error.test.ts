// A Settlement Map cell whose formula failed (a lookup of categories from another tab, "#DIV/0!",
// "#REF!"), through the bundle: a read gives the error's text, which was taken as a category of that
// name (a "#DIV/0!" column in Settlements) or an account. The row is unusable instead: an exception
// naming the cell, its lines UNMAPPED, the run not "ok".

import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { importedFiles } from './one-settlement';

const MAP = [
  ['Transaction Type', 'Amount Type', 'Amount Description', 'Category', 'Account', 'Notes'],
  ['Order', 'ItemPrice', 'Principal', '=1/0', '4000', 'p'],
  ['Order', 'ItemFees', 'Commission', 'Selling fees', '=1/0', 'c'],
  ['any', 'any', 'any', 'Other', '', ''],
];

describe('settlements: a Settlement Map cell showing a formula error', () => {
  it('is an unusable row naming the cell, never a category or account called #DIV/0!', () => {
    const r = importedFiles([{ reportId: '900101', created: '2026-10-17T06:00:00Z', content: readFixture('uk-2026-10.txt') }], MAP);

    const [row] = r.tab('Settlements');
    expect(Object.keys(row!).filter((h) => h.startsWith('#'))).toEqual([]);
    const lines = r.tab('Settlement Lines');
    expect(lines.filter((l) => (l.Account ?? '').startsWith('#') || (l.Category ?? '').startsWith('#'))).toEqual([]);
    const principal = lines.filter((l) => l['Transaction Type'] === 'Order' && l['Amount Type'] === 'ItemPrice' && l['Amount Description'] === 'Principal');
    expect(principal.map((l) => l.Category)).toEqual(['UNMAPPED', 'UNMAPPED', 'UNMAPPED']);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    const open = r.openExceptions('SETTLEMENT_UNMAPPED');
    expect(open.find((e) => e.Key === 'SETTLEMENT_UNMAPPED:row:2')!.Message).toMatch(/row 2, column "Category" shows #DIV\/0!, a formula that failed/);
    expect(open.find((e) => e.Key === 'SETTLEMENT_UNMAPPED:row:3')!.Message).toMatch(/row 3, column "Account" shows #DIV\/0!/);
  });
});
