// A settlement broken down (src/core/settlements/summary.ts) on the project's fixture files: the
// category sums, totals, difference and reserve of each are hand-computed from the fixture rows
// (test/fixtures/settlements/make-fixtures.ts) and written here as numbers, never recomputed.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTLEMENT_RULES, UNMAPPED } from '../../src/core/settlements/categories';
import { monthOf, parseSettlementFile } from '../../src/core/settlements/parse';
import { categoryColumns, centsByColumn, summarise } from '../../src/core/settlements/summary';
import type { ParsedSettlement, SettlementRule } from '../../src/core/settlements/types';
import { readFixture } from '../fixtures/settlements/read';

function settlement(name: string): ParsedSettlement {
  const r = parseSettlementFile(readFixture(name));
  if (!r.ok) throw new Error(r.message);
  return r.settlement;
}
const breakdown = (name: string, rules: readonly SettlementRule[] = DEFAULT_SETTLEMENT_RULES) => summarise(settlement(name), rules);
const UTC = (iso: string) => Date.parse(iso);

describe('fixture breakdowns (hand-computed)', () => {
  it('UK: sales, refunds, promotions, FBA fees, reimbursement, storage, subscription, advertising, reserves', () => {
    const { totals, lines } = breakdown('uk-2026-10.txt');
    expect(totals).toEqual({
      settlementId: '24000000001',
      start: UTC('2026-10-01T00:00:00Z'),
      end: UTC('2026-10-15T00:00:00Z'),
      depositDate: UTC('2026-10-17T00:00:00Z'),
      currency: 'GBP',
      reportedTotalCents: 4065,
      linesTotalCents: 4065,
      differenceCents: 0,
      byCategory: {
        'Product sales': 14247, // 39.98 + 12.50 + 89.99
        'Shipping & gift-wrap income': 698, // 3.99 + 2.99
        'Tax collected': 666,
        'Tax withheld by Amazon': -333, // -6.66 + 3.33
        Promotions: -649, // -3.99 - 2.50
        'Selling fees': -4898, // -6.00 - 1.88 - 13.50 + 3.00 - 0.60 - 30.00
        'FBA fees': -1736, // -5.40 - 2.85 - 6.12 - 2.99
        Refunds: -2332, // -19.99 - 3.33
        Reimbursements: 863,
        'Storage fees': -421,
        Advertising: -2540,
        Reserve: 500, // 40.00 - 35.00
      },
      reserve: { heldCents: -3500, releasedCents: 4000, netCents: 500 },
      unmapped: [],
    });
    expect(lines).toHaveLength(27);
    expect(lines[0]).toMatchObject({ lineNo: 3, category: 'Product sales', account: '', sku: 'TEE-RED-M', orderId: '206-0000000-0000001', posted: UTC('2026-10-02T09:15:00Z') });
    expect(lines.find((l) => l.amountDescription === 'Storage Fee')).toMatchObject({ transactionType: 'Other-Transaction', category: 'Storage fees' });
  });

  it('DE (gzipped, BOM, CRLF): decimal comma with thousands points, dotted dates', () => {
    const s = settlement('eu-de-2026-10.txt.gz');
    expect(s.decimal).toBe(',');
    expect(s.problems).toEqual([]);
    const { totals, lines } = summarise(s, DEFAULT_SETTLEMENT_RULES);
    expect(totals).toMatchObject({
      settlementId: '24000000002',
      start: UTC('2026-10-01T00:00:00Z'),
      end: UTC('2026-10-15T00:00:00Z'),
      depositDate: UTC('2026-10-17T00:00:00Z'),
      currency: 'EUR',
      reportedTotalCents: 176013,
      linesTotalCents: 176013,
      differenceCents: 0,
      reserve: { heldCents: -25000, releasedCents: 0, netCents: -25000 },
      unmapped: [],
    });
    expect(totals.byCategory).toEqual({
      'Product sales': 132956, // 1.234,56 + 95,00
      'Shipping & gift-wrap income': 499,
      'Selling fees': -22703, // -185,18 - 14,25 + 14,25 - 2,85 - 39,00
      'FBA fees': -1055, // -7,45 - 3,10
      Promotions: -950,
      Refunds: -9500,
      'Storage fees': -3234, // -12,34 - 20,00
      Reimbursements: 105000, // 1.050,00
      Reserve: -25000,
    });
    expect(lines[0]).toMatchObject({ lineNo: 3, sku: 'KAFFEEMÜHLE-XL', amountCents: 123456, posted: UTC('2026-10-03T10:00:00Z') });
  });

  it('a settlement spanning a month end splits by the posted month', () => {
    const { totals, lines } = breakdown('month-end.txt');
    expect(totals).toMatchObject({ currency: 'USD', reportedTotalCents: 4900, linesTotalCents: 4900, differenceCents: 0, start: UTC('2026-10-25T00:00:00Z'), end: UTC('2026-11-08T00:00:00Z') });
    const byMonth: Record<string, Record<string, number>> = {};
    for (const l of lines) {
      const month = monthOf(l.posted ?? NaN);
      const m = (byMonth[month] ??= {});
      m[l.category] = (m[l.category] ?? 0) + l.amountCents;
    }
    expect(byMonth).toEqual({
      '2026-10': { 'Product sales': 3500, 'Selling fees': -300, 'FBA fees': -250 }, // 20.00 + 15.00 (23:59:59 on the 31st)
      '2026-11': { 'Product sales': 3000, 'Tax collected': 240, 'Tax withheld by Amazon': -240, 'Selling fees': -450, 'Storage fees': -600 },
    });
    expect(lines.filter((l) => monthOf(l.posted ?? NaN) === '2026-10').map((l) => l.lineNo)).toEqual([3, 4, 5, 6]);
  });

  it('unknown triples go to UNMAPPED, one entry per triple whatever its case', () => {
    const { totals, lines } = breakdown('unknown-triple.txt');
    expect(totals.byCategory).toEqual({ 'Product sales': 5000, 'Selling fees': -150, [UNMAPPED]: -900 });
    expect(totals).toMatchObject({ reportedTotalCents: 3950, linesTotalCents: 3950, differenceCents: 0 });
    expect(totals.unmapped).toEqual([
      { transactionType: 'Order', amountType: 'ItemFees', amountDescription: 'MysteryFee', lines: 2, cents: -100 },
      { transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Vine Enrollment Fee', lines: 1, cents: -2000 },
      { transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'SAFE-T Reimbursement', lines: 1, cents: 1200 },
    ]);
    expect(lines.filter((l) => l.category === UNMAPPED).map((l) => l.lineNo)).toEqual([5, 6, 7, 8]);
  });

  it('a settlement whose lines do not sum to its total shows the difference', () => {
    const { totals } = breakdown('mismatch.txt');
    expect(totals).toMatchObject({ reportedTotalCents: 10000, linesTotalCents: 8765, differenceCents: 1235, byCategory: { 'Product sales': 10000, 'Selling fees': -1235 } });
  });

  it('a malformed file keeps its readable lines and reports the others by number', () => {
    const s = settlement('malformed-line.txt');
    expect(s.lines.map((l) => l.lineNo)).toEqual([3, 8]);
    expect(s.problems.map((p) => p.lineNo)).toEqual([4, 5, 6, 7]);
    expect(s.problems[0]?.message).toContain('"amount" holds "-3.0.0"');
    expect(s.problems[1]?.message).toContain('"posted-date-time" holds "2026-13-05 12:00:00 UTC": month 13 does not exist');
    expect(s.problems[2]?.message).toContain('"PROMO-10" is past the last column');
    expect(s.problems[3]?.message).toContain('"amount" is empty');
    const { totals } = summarise(s, DEFAULT_SETTLEMENT_RULES);
    expect(totals).toMatchObject({ reportedTotalCents: 1200, linesTotalCents: 1900, differenceCents: -700, byCategory: { 'Product sales': 2000, 'Storage fees': -100 } });
  });

  it('a negative payout keeps its sign, and releases the previous reserve', () => {
    const s = settlement('negative-payout.txt');
    expect(s.problems).toEqual([]);
    const { totals, lines } = summarise(s, DEFAULT_SETTLEMENT_RULES);
    expect(totals).toMatchObject({
      reportedTotalCents: -4630,
      linesTotalCents: -4630,
      differenceCents: 0,
      reserve: { heldCents: 0, releasedCents: 1000, netCents: 1000 },
      byCategory: {
        'Product sales': 1000,
        'Selling fees': -2350, // -1.50 + 3.75 - 0.75 - 25.00
        'FBA fees': -280,
        Refunds: -2500,
        Advertising: -1500,
        Reserve: 1000,
      },
    });
    expect(Object.keys(totals.byCategory)).toHaveLength(6);
    expect(lines[0]?.posted).toBe(UTC('2026-10-03T00:00:00Z')); // posted-date only (MM/DD/YY)
  });
});

describe('summary rules', () => {
  const lines = (specs: Array<[string, string, string, number]>): ParsedSettlement => ({
    summary: { settlementId: '1', start: null, end: null, depositDate: null, currency: 'GBP', totalCents: 0 },
    lines: specs.map(([t, a, d, c], i) => ({ lineNo: i + 3, settlementId: '1', transactionType: t, orderId: '', sku: '', amountType: a, amountDescription: d, amountCents: c, posted: null })),
    problems: [],
    decimal: '.',
  });

  it('rolls the reserve forward: held this period, released from the last, net', () => {
    const { totals } = summarise(lines([
      ['other-transaction', 'other-transaction', 'Previous Reserve Amount Balance', 12000],
      ['other-transaction', 'other-transaction', 'current reserve amount', -15050],
      ['Order', 'ItemPrice', 'Principal', 5000],
    ]), DEFAULT_SETTLEMENT_RULES);
    expect(totals.reserve).toEqual({ heldCents: -15050, releasedCents: 12000, netCents: -3050 });
    expect(totals.byCategory.Reserve).toBe(-3050);
    expect(totals.differenceCents).toBe(-1950); // reported 0 − lines (120.00 − 150.50 + 50.00 = 19.50)
  });

  it('counts the reserve by its description even when the map puts it elsewhere', () => {
    const rules: SettlementRule[] = [{ sheetRow: 2, transactionType: 'any', amountType: 'any', amountDescription: 'any', category: 'Other', account: '', notes: '' }];
    const { totals } = summarise(lines([['Transfer', 'Transfer', 'Current Reserve Amount', -700]]), rules);
    expect(totals.reserve).toEqual({ heldCents: -700, releasedCents: 0, netCents: -700 });
    expect(totals.byCategory).toEqual({ Other: -700 });
  });

  it('keeps a category whose lines cancel out, at zero', () => {
    const { totals } = summarise(lines([['Order', 'ItemPrice', 'Principal', 500], ['Order', 'ItemPrice', 'Principal', -500]]), DEFAULT_SETTLEMENT_RULES);
    expect(totals.byCategory).toEqual({ 'Product sales': 0 });
  });

  it('orders the Settlements tab columns: map order, then others seen, UNMAPPED once and last', () => {
    const r = (category: string): SettlementRule => ({ sheetRow: null, transactionType: 'x', amountType: 'y', amountDescription: 'z', category, account: '', notes: '' });
    expect(categoryColumns([r('Sales'), r('Fees'), r('UNMAPPED'), r('Sales'), r(' Tax ')], ['Fees', 'Legacy', 'unmapped', 'Sales', 'UNMAPPED', 'Legacy'])).toEqual(['Sales', 'Fees', 'Tax', 'Legacy', 'UNMAPPED']);
    expect(categoryColumns([], [])).toEqual(['UNMAPPED']);
    expect(categoryColumns(DEFAULT_SETTLEMENT_RULES, [])).toEqual([
      'Product sales', 'Shipping & gift-wrap income', 'Tax collected', 'Tax withheld by Amazon', 'Promotions', 'Selling fees', 'FBA fees',
      'Refunds', 'Reimbursements', 'Storage fees', 'Inbound & transport', 'Advertising', 'Reserve', 'Loans', 'UNMAPPED',
    ]);
  });

  it('keys categories without case or spacing: one column per category, and the columns add up to Lines Total', () => {
    const r = (amountDescription: string, category: string, sheetRow: number): SettlementRule => ({ sheetRow, transactionType: 'Order', amountType: 'ItemPrice', amountDescription, category, account: '', notes: '' });
    const rules = [r('Principal', 'Product sales', 2), r('Shipping, GiftWrap', 'product  SALES', 3)];
    const { totals } = summarise(lines([['Order', 'ItemPrice', 'Principal', 1000], ['Order', 'ItemPrice', 'Shipping', 698], ['Order', 'ItemPrice', 'Tax', 5]]), rules);
    expect(totals.byCategory).toEqual({ 'Product sales': 1698, UNMAPPED: 5 });
    const columns = categoryColumns(rules, Object.keys(totals.byCategory));
    expect(columns).toEqual(['Product sales', 'UNMAPPED']);
    // Breakdowns read back from a tab written by an older version may hold both spellings: they fold into one column.
    const { cells, left } = centsByColumn({ 'Product sales': 1000, 'product SALES': 698, unmapped: 5 }, columns);
    expect(cells).toEqual({ 'Product sales': 1698, UNMAPPED: 5 });
    expect(left).toEqual([]);
    expect(Object.values(cells).reduce((a, b) => a + b, 0)).toBe(totals.linesTotalCents);
    expect(centsByColumn({ Legacy: 7 }, columns).left).toEqual(['Legacy']);
  });
});
