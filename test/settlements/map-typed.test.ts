// A Settlement Map finance typed themselves, through the bundle: two rows for one triple that
// disagree, a category in another case, an empty Category above a catch-all row. Nothing is
// reinterpreted silently: each unusable row is an exception naming it, the run is not "ok", the
// lines those rows were meant for stay UNMAPPED, and the category columns add up to Lines Total.

import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { importedFiles } from './one-settlement';

const MAP = [
  ['Transaction Type', 'Amount Type', 'Amount Description', 'Category', 'Account', 'Notes', 'Reviewer'],
  ['Order', 'ItemPrice', 'Principal', 'Product sales', '4000', '', 'ann'],
  ['order', 'itemprice', 'principal ', 'Marketplace sales', '4010', 'newer rule', 'bob'],
  ['Order', 'ItemPrice', 'Shipping, GiftWrap', 'product SALES', '4000', '', 'ann'],
  ['Order', 'ItemFees', 'Commission', '', '6100', 'category to follow', 'ann'],
  ['any', 'any', 'any', 'Everything else', '9999', '', 'ann'],
];

const cents = (v: string | undefined) => Math.round(Number((v ?? '').replace(/,/g, '')) * 100);

function categoryCents(row: Record<string, string>): Record<string, number> {
  const header = Object.keys(row);
  const columns = header.slice(header.indexOf('Difference') + 1, header.indexOf('Reserve Held'));
  return Object.fromEntries(columns.map((c) => [c, cents(row[c])]));
}

describe('settlements: a Settlement Map typed by people', () => {
  it('reports unusable and conflicting rows, keeps their lines UNMAPPED, one column per category, and is not ok until fixed', () => {
    const r = importedFiles([{ reportId: '900101', created: '2026-10-17T06:00:00Z', content: readFixture('uk-2026-10.txt') }], MAP);

    const [row] = r.tab('Settlements');
    const byColumn = categoryCents(row!);
    // One column per category whatever its case, and every cent of Lines Total in a category column.
    expect(Object.keys(byColumn).filter((c) => c.toLowerCase() === 'product sales')).toEqual(['Product sales']);
    expect(Object.values(byColumn).reduce((a, b) => a + b, 0)).toBe(cents(row!['Lines Total']));
    expect(byColumn['Product sales']).toBe(698); // the Shipping lines of the "product SALES" row
    const lines = r.tab('Settlement Lines');
    const commission = lines.filter((l) => l['Amount Type'] === 'ItemFees' && l['Amount Description'] === 'Commission' && l['Transaction Type'] === 'Order');
    expect(commission.length).toBeGreaterThan(0);
    // Not swallowed by the catch-all row below the row with no Category.
    expect(commission.every((l) => l.Category === 'UNMAPPED')).toBe(true);
    expect(lines.filter((l) => l['Amount Description'] === 'Principal' && l['Amount Type'] === 'ItemPrice' && l['Transaction Type'] === 'Order').every((l) => l.Category === 'UNMAPPED')).toBe(true);

    const open = r.openExceptions('SETTLEMENT_UNMAPPED');
    const rowKeys = open.map((e) => e.Key).filter((k) => k!.startsWith('SETTLEMENT_UNMAPPED:row:'));
    expect(rowKeys.sort()).toEqual(['SETTLEMENT_UNMAPPED:row:3', 'SETTLEMENT_UNMAPPED:row:5']);
    expect(open.find((e) => e.Key === 'SETTLEMENT_UNMAPPED:row:3')!.Message).toMatch(/rows 2 and 3 both match/);
    expect(open.find((e) => e.Key === 'SETTLEMENT_UNMAPPED:row:5')!.Message).toMatch(/row 5, column "Category" is empty/);
    expect(open.find((e) => e.Key === 'SETTLEMENT_UNMAPPED:order|itemfees|commission')!.Message).toMatch(/row 5 matches it but cannot be used/);
    // A triple a row matches is not appended again: the row is what needs fixing.
    expect(r.tab('Settlement Map')).toHaveLength(MAP.length - 1);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/Settlement Map row 3, Settlement Map row 5/);

    r.edit('Settlement Map', { Notes: 'newer rule' }, { Category: 'Product sales', Account: '4000' });
    r.edit('Settlement Map', { Notes: 'category to follow' }, { Category: 'Selling fees' });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.openExceptions('SETTLEMENT_UNMAPPED').filter((e) => /^SETTLEMENT_UNMAPPED:(row|order\|itemprice\|principal|order\|itemfees\|commission)/.test(e.Key!))).toEqual([]);
    const after = r.tab('Settlements')[0]!;
    const fixed = categoryCents(after);
    expect(fixed['Product sales']).toBe(14247 + 698);
    expect(Object.values(fixed).reduce((a, b) => a + b, 0)).toBe(cents(after['Lines Total']));
  });
});
