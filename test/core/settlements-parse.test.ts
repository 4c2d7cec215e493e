// The settlement file reader (src/core/settlements/parse.ts): columns by name, the summary row,
// the per-file decimal mark, every date style, and lines that cannot be read reported by number.

import { describe, expect, it } from 'vitest';
import { chooseDecimal, parseCents } from '../../src/core/settlements/amounts';
import { parseSettlementDate, slashOrderOf } from '../../src/core/settlements/dates';
import { monthOf, parseSettlementFile } from '../../src/core/settlements/parse';
import type { ParsedSettlement } from '../../src/core/settlements/types';
import { tsv, V2_HEADER, type Cells } from '../fixtures/settlements/make-fixtures';

const SUMMARY: Cells = { 'settlement-id': '123', 'settlement-start-date': '2026-10-01T00:00:00+00:00', 'settlement-end-date': '2026-10-15T00:00:00+00:00', 'deposit-date': '2026-10-17T00:00:00+00:00', 'total-amount': '10.00', currency: 'GBP' };
const line = (over: Cells = {}): Cells => ({ 'settlement-id': '123', 'transaction-type': 'Order', 'order-id': '206-1', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '10.00', 'posted-date-time': '2026-10-02 09:00:00 UTC', sku: 'SKU-1', ...over });

function parsed(text: string): ParsedSettlement {
  const r = parseSettlementFile(text);
  if (!r.ok) throw new Error(`not parsed: ${r.message}`);
  return r.settlement;
}
const notParsed = (text: string): string => {
  const r = parseSettlementFile(text);
  if (r.ok) throw new Error('parsed');
  return r.message;
};
const UTC = (iso: string) => Date.parse(iso);

describe('columns and rows', () => {
  it('reads the summary row and the lines by header name', () => {
    const s = parsed(tsv(V2_HEADER, [SUMMARY, line(), line({ 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '-1.50' })]));
    expect(s.summary).toEqual({ settlementId: '123', start: UTC('2026-10-01T00:00:00Z'), end: UTC('2026-10-15T00:00:00Z'), depositDate: UTC('2026-10-17T00:00:00Z'), currency: 'GBP', totalCents: 1000 });
    expect(s.lines).toEqual([
      { lineNo: 3, settlementId: '123', transactionType: 'Order', orderId: '206-1', sku: 'SKU-1', amountType: 'ItemPrice', amountDescription: 'Principal', amountCents: 1000, posted: UTC('2026-10-02T09:00:00Z') },
      { lineNo: 4, settlementId: '123', transactionType: 'Order', orderId: '206-1', sku: 'SKU-1', amountType: 'ItemFees', amountDescription: 'Commission', amountCents: -150, posted: UTC('2026-10-02T09:00:00Z') },
    ]);
    expect(s.problems).toEqual([]);
  });

  it('does not care about column order, header case and spaces, or extra columns', () => {
    const shuffled = [...V2_HEADER].reverse();
    const a = parsed(tsv(V2_HEADER, [SUMMARY, line()]));
    const b = parsed(tsv(shuffled, [SUMMARY, line()]));
    expect(b).toEqual(a);
    // Upper case, padded, and one more column whose value sits on the line.
    const [head = '', summary = '', first = ''] = tsv(V2_HEADER, [SUMMARY, line()]).split('\n');
    const shouted = [[...V2_HEADER.map((h) => ` ${h.toUpperCase()} `), 'promotion-id'].join('\t'), summary, `${first}\tPROMO-1`, ''].join('\n');
    expect(head).toBe(V2_HEADER.join('\t'));
    expect(parsed(shouted).lines).toEqual(a.lines);
  });

  it('reads a file without the optional columns (no sku, no order-id, no posted-date-time)', () => {
    const header = V2_HEADER.filter((h) => !['sku', 'order-id', 'posted-date-time'].includes(h));
    const s = parsed(tsv(header, [SUMMARY, line({ 'posted-date': '10/02/26' })]));
    expect(s.lines[0]).toMatchObject({ orderId: '', sku: '', amountCents: 1000, posted: UTC('2026-10-02T00:00:00Z') });
  });

  it('takes a BOM, CRLF, blank lines and a missing trailing newline', () => {
    const text = '\uFEFF' + tsv(V2_HEADER, [SUMMARY, line()], '\r\n').replace(/\r\n$/, '') + '\r\n\r\n';
    const s = parsed(text.replace(/(\r\n)(?=[^\r\n]*Order)/, '\r\n\t\t\r\n'));
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]?.lineNo).toBe(4); // header 1, summary 2, a blank line 3
    expect(s.summary.totalCents).toBe(1000);
  });

  it('fills an empty settlement-id on a line from the summary, and reports one that differs', () => {
    const s = parsed(tsv(V2_HEADER, [SUMMARY, line({ 'settlement-id': '' }), line({ 'settlement-id': '999' })]));
    expect(s.lines.map((l) => [l.lineNo, l.settlementId])).toEqual([[3, '123']]);
    expect(s.problems).toEqual([{ lineNo: 4, message: expect.stringContaining('"settlement-id" holds "999"'), otherSettlement: '999' }]);
  });

  it('refuses what is not a V2 settlement flat file, saying why', () => {
    expect(notParsed('')).toMatch(/empty/);
    expect(notParsed('<?xml version="1.0"?>\n<AmazonEnvelope/>')).toMatch(/XML/);
    expect(notParsed('sku\tquantity\nA\t1\n')).toMatch(/no settlement-id column/);
    expect(notParsed(V2_HEADER.join(',') + '\n')).toMatch(/not tab-separated/);
    expect(notParsed('settlement-id\ttotal-amount\tcurrency\tprice-type\tprice-amount\n1\t2.00\tGBP\t\t\n')).toMatch(/V1/);
    expect(notParsed(tsv(V2_HEADER.filter((h) => h !== 'amount'), [SUMMARY]))).toMatch(/no amount column/);
    expect(notParsed(tsv(V2_HEADER, []))).toMatch(/no summary row/);
    expect(notParsed(tsv(V2_HEADER, [line(), line()]))).toMatch(/line 2, the first data row, is not the settlement summary/i);
    expect(notParsed(tsv(V2_HEADER, [{ ...SUMMARY, 'total-amount': '' }, line()]))).toMatch(/total-amount is empty/);
    expect(notParsed(tsv(V2_HEADER, [{ ...SUMMARY, 'total-amount': 'ten' }, line()]))).toMatch(/total-amount "ten"/);
    expect(notParsed(tsv([...V2_HEADER, 'amount'], [SUMMARY]))).toMatch(/amount twice/);
  });

  it('refuses a summary row without a currency code: lines in two currencies would be added together', () => {
    const mixed = [line({ currency: 'GBP' }), line({ currency: 'EUR' })];
    expect(notParsed(tsv(V2_HEADER, [{ ...SUMMARY, currency: '' }, ...mixed]))).toMatch(/the summary row: currency is empty/);
    expect(notParsed(tsv(V2_HEADER, [{ ...SUMMARY, currency: 'Pounds' }, ...mixed]))).toMatch(/currency "Pounds" is not a three-letter currency code/);
    expect(parsed(tsv(V2_HEADER, [{ ...SUMMARY, currency: 'gbp' }, line()])).summary.currency).toBe('GBP');
  });
});

describe('lines that cannot be read', () => {
  it('reports each with its line number, the column and the value, and keeps the rest', () => {
    const rows = [
      SUMMARY,
      line(),
      line({ amount: '12.3.4' }),
      line({ amount: '' }),
      line({ 'posted-date-time': '2026-02-30 10:00:00 UTC' }),
      line({ 'posted-date-time': 'yesterday' }),
      line({ 'posted-date-time': '2026-10-02 09:00:00 XYZ' }),
      line({ amount: '-2.00' }),
    ];
    const s = parsed(tsv(V2_HEADER, rows));
    expect(s.lines.map((l) => [l.lineNo, l.amountCents])).toEqual([[3, 1000], [9, -200]]);
    expect(s.problems.map((p) => p.lineNo)).toEqual([4, 5, 6, 7, 8]);
    expect(s.problems[0]?.message).toBe('Line 4: column "amount" holds "12.3.4", which is not an amount written with a decimal point (e.g. -1,234.56) like the rest of the file.');
    expect(s.problems[1]?.message).toMatch(/"amount" is empty/);
    expect(s.problems[2]?.message).toMatch(/"posted-date-time" holds "2026-02-30 10:00:00 UTC": day 30 does not exist/);
    expect(s.problems[3]?.message).toMatch(/"posted-date-time" holds "yesterday": not a date/);
    expect(s.problems[4]?.message).toMatch(/time zone "XYZ"/);
  });

  it('reports a line with a value past the last column instead of guessing where its cells belong', () => {
    const text = tsv(V2_HEADER, [SUMMARY, line(), line()]).replace(/\n$/, '\tEXTRA\n');
    const s = parsed(text);
    expect(s.lines.map((l) => l.lineNo)).toEqual([3]);
    expect(s.problems).toEqual([{ lineNo: 4, message: expect.stringMatching(/24 cells but the header has 23 columns \("EXTRA"/) }]);
    // empty cells past the end (trailing tabs) are harmless
    expect(parsed(tsv(V2_HEADER, [SUMMARY, line()]).replace(/\n$/, '\t\t\n')).problems).toEqual([]);
  });

  it('reports a line cut short (a truncated download) instead of reading its missing cells as empty', () => {
    const whole = tsv(V2_HEADER, [SUMMARY, line(), line({ amount: '-1.01', 'amount-type': 'ItemFees', 'amount-description': 'Commission' })]).trimEnd();
    // The download stops inside the last line's amount: "-1.01" arrives as "-1.0" and every cell after it is gone.
    const cut = whole.slice(0, whole.lastIndexOf('-1.01') + 4);
    const s = parsed(cut);
    expect(s.lines.map((l) => l.lineNo)).toEqual([3]);
    expect(s.problems).toEqual([{ lineNo: 4, message: expect.stringMatching(/^Line 4: it has \d+ cells but the header has 23 columns, so it is cut short/) }]);
  });

  it('reports a line in another currency than the settlement instead of adding it to the totals', () => {
    const s = parsed(tsv(V2_HEADER, [SUMMARY, line({ currency: 'EUR' }), line({ currency: 'gbp' }), line()]));
    expect(s.lines.map((l) => l.lineNo)).toEqual([4, 5]);
    expect(s.problems).toEqual([{ lineNo: 3, message: expect.stringMatching(/column "currency" holds "EUR", not this settlement's GBP/) }]);
  });

  it('reports a summary date it cannot read and leaves that date empty', () => {
    const s = parsed(tsv(V2_HEADER, [{ ...SUMMARY, 'deposit-date': '17/17/2026' }, line()]));
    expect(s.summary.depositDate).toBeNull();
    expect(s.summary.start).toBe(UTC('2026-10-01T00:00:00Z'));
    expect(s.problems).toEqual([{ lineNo: 2, message: expect.stringContaining('"deposit-date" holds "17/17/2026"') }]);
  });
});

describe('amounts: one decimal mark per file', () => {
  it('reads point and comma amounts to exact cents', () => {
    expect(parseCents('1,234.56', '.')).toBe(123456);
    expect(parseCents('1.234,56', ',')).toBe(123456);
    expect(parseCents('95,00', ',')).toBe(9500);
    expect(parseCents('-0,5', ',')).toBe(-50);
    expect(parseCents('0.07', '.')).toBe(7);
    expect(parseCents('-0.00', '.')).toBe(0);
    expect(Object.is(parseCents('-0.00', '.'), -0)).toBe(false);
    expect(parseCents('1 234,56', ',')).toBe(123456);
    expect(parseCents('1\u202f234,56', ',')).toBe(123456);
    expect(parseCents('12345678.90', '.')).toBe(1234567890);
    expect(parseCents('+3', '.')).toBe(300);
    for (const bad of ['95,00', '1.234,56', '1,23', '12.345', '1.2.3', 'abc', '', '-', '1,234.5,6', '1,234 567.00']) expect(parseCents(bad, '.')).toBeNull();
    for (const bad of ['95.00', '1,234.56', '1.23', '12,345']) expect(parseCents(bad, ',')).toBeNull();
  });

  it('chooses the mark from the whole file, strong evidence first', () => {
    expect(chooseDecimal(['95,00', '12', ''])).toBe(',');
    expect(chooseDecimal(['1.234,56'])).toBe(',');
    expect(chooseDecimal(['1,234.56', '3'])).toBe('.');
    // Three digits after a single mark: a thousands separator, since amounts have at most two decimals.
    expect(chooseDecimal(['1.234', '5'])).toBe(',');
    expect(chooseDecimal(['1,234'])).toBe('.');
    // A decimal-looking value outweighs any number of grouping-only ones.
    expect(chooseDecimal(['1,234', '2,345', '3,456', '9.50'])).toBe('.');
    expect(chooseDecimal(['1.234', '2.345', '9,50'])).toBe(',');
    // Only whole numbers, or nothing at all: the choice changes nothing; the point.
    expect(chooseDecimal(['12', '-3', ''])).toBe('.');
    expect(chooseDecimal([])).toBe('.');
    // Mixed files: the majority wins and the minority cells are problems, not guesses.
    expect(chooseDecimal(['1,00', '2,00', '3.00'])).toBe(',');
  });

  it('reads a comma file whole, and reports the cells written the other way', () => {
    const rows = [{ ...SUMMARY, 'total-amount': '1.234,56', currency: 'eur' }, line({ amount: '1.300,00' }), line({ amount: '-65,44' }), line({ amount: '5.00' })];
    const s = parsed(tsv(V2_HEADER, rows));
    expect(s.decimal).toBe(',');
    expect(s.summary).toMatchObject({ totalCents: 123456, currency: 'EUR' });
    expect(s.lines.map((l) => l.amountCents)).toEqual([130000, -6544]);
    expect(s.problems).toEqual([{ lineNo: 5, message: expect.stringContaining('"5.00", which is not an amount written with a decimal comma') }]);
  });

  it('decides an ambiguous-looking file by its evidence: "1.234" with "95,00" is comma', () => {
    const s = parsed(tsv(V2_HEADER, [{ ...SUMMARY, 'total-amount': '1.329' }, line({ amount: '1.234' }), line({ amount: '95,00' })]));
    expect(s.decimal).toBe(',');
    expect(s.summary.totalCents).toBe(132900);
    expect(s.lines.map((l) => l.amountCents)).toEqual([123400, 9500]);
  });
});

describe('dates', () => {
  const at = (text: string, slash: 'MDY' | 'DMY' = 'MDY') => {
    const r = parseSettlementDate(text, slash);
    return r.ok ? r.ms : r.problem;
  };

  it('reads every settlement date style to the same instant', () => {
    const t = UTC('2026-10-01T14:05:09Z');
    expect(at('2026-10-01T14:05:09+00:00')).toBe(t);
    expect(at('2026-10-01T16:05:09+02:00')).toBe(t);
    expect(at('2026-10-01T07:05:09-07:00')).toBe(t);
    expect(at('2026-10-01T14:05:09Z')).toBe(t);
    expect(at('2026-10-01T14:05:09.000Z')).toBe(t);
    expect(at('2026-10-01 14:05:09 UTC')).toBe(t);
    expect(at('2026-10-01 15:05:09 BST')).toBe(t);
    expect(at('01.10.2026 14:05:09 UTC')).toBe(t);
    expect(at('01.10.2026 16:05:09 MESZ')).toBe(t);
    expect(at('01.10.2026 14:05:09')).toBe(t);
    expect(at('10/01/26 14:05:09 UTC')).toBe(t);
    expect(at('10/01/2026 14:05:09')).toBe(t);
    expect(at('2026/10/01 23:05:09 JST')).toBe(t);
  });

  it('reads date-only values as midnight GMT', () => {
    const d = UTC('2026-10-01T00:00:00Z');
    for (const v of ['2026-10-01', '01.10.2026', '10/01/26', '10/01/2026']) expect(at(v)).toBe(d);
    expect(at('01/10/26', 'DMY')).toBe(d);
    expect(at('')).toBeNull();
    expect(at('  ')).toBeNull();
  });

  it('names what is wrong with a date it cannot read', () => {
    expect(at('2026-13-01')).toBe('month 13 does not exist');
    expect(at('29.02.2026')).toBe('day 29 does not exist in month 2 of 2026');
    expect(at('29.02.2028')).toBe(UTC('2028-02-29T00:00:00Z'));
    expect(at('2026-10-01 24:00:00 UTC')).toBe('the time is not a time of day');
    expect(at('Oct 1, 2026')).toMatch(/^not a date/);
    expect(at('01-10-2026')).toMatch(/^not a date/);
    expect(at('2026-10/01')).toMatch(/^not a date/);
  });

  it('orders slashed dates MM/DD unless the file shows DD/MM', () => {
    expect(slashOrderOf(['10/02/26', '10/03/26'])).toBe('MDY');
    expect(slashOrderOf(['10/13/26'])).toBe('MDY');
    expect(slashOrderOf(['02/10/26', '13/10/26', '2026-10-02'])).toBe('DMY');
    const rows = [SUMMARY, line({ 'posted-date-time': '', 'posted-date': '13/10/26' }), line({ 'posted-date-time': '', 'posted-date': '02/10/26' })];
    expect(parsed(tsv(V2_HEADER, rows)).lines.map((l) => l.posted)).toEqual([UTC('2026-10-13T00:00:00Z'), UTC('2026-10-02T00:00:00Z')]);
  });

  it('prefers posted-date-time and falls back on posted-date', () => {
    const rows = [SUMMARY, line({ 'posted-date': '10/01/26', 'posted-date-time': '2026-10-02 09:00:00 UTC' }), line({ 'posted-date': '10/03/26', 'posted-date-time': '' })];
    expect(parsed(tsv(V2_HEADER, rows)).lines.map((l) => l.posted)).toEqual([UTC('2026-10-02T09:00:00Z'), UTC('2026-10-03T00:00:00Z')]);
  });

  it('makes a transaction line without a posted date a problem on that line, never a line without a Month', () => {
    const s = parsed(tsv(V2_HEADER, [SUMMARY, line(), line({ 'posted-date': '', 'posted-date-time': '' })]));
    expect(s.lines).toHaveLength(1);
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]!.message).toMatch(/^Line 4: .*"posted-date" are both empty/);
  });

  it('refuses a file whose header has no posted date column at all', () => {
    const header = V2_HEADER.filter((h) => h !== 'posted-date' && h !== 'posted-date-time');
    expect(notParsed(tsv(header, [SUMMARY, line()]))).toMatch(/neither a posted-date nor a posted-date-time column/);
  });

  it('gives the month of a moment in UTC', () => {
    expect(monthOf(UTC('2026-10-31T23:59:59Z'))).toBe('2026-10');
    expect(monthOf(UTC('2026-11-01T00:00:00Z'))).toBe('2026-11');
    expect(monthOf(UTC('2026-11-01T00:30:00+01:00'))).toBe('2026-10');
    expect(monthOf(UTC('2027-01-01T00:00:00Z'))).toBe('2027-01');
  });
});
