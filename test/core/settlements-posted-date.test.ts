// A slashed posted date that reads both ways ("05/10/2026") is placed by the settlement's own
// period, never by a default; when the period cannot tell, the line is a problem naming both readings.

import { describe, expect, it } from 'vitest';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { parsePostedDate } from '../../src/core/settlements/posted-date';
import type { ParsedSettlement } from '../../src/core/settlements/types';
import { tsv, V2_HEADER, type Cells } from '../fixtures/settlements/make-fixtures';

const UTC = (iso: string) => Date.parse(iso);
const summary = (start: string, end: string): Cells => ({ 'settlement-id': '123', 'settlement-start-date': start, 'settlement-end-date': end, 'deposit-date': '', 'total-amount': '10.00', currency: 'GBP' });
const OCT = summary('2026-10-01T00:00:00+00:00', '2026-10-15T00:00:00+00:00');
const line = (postedDate: string): Cells => ({ 'settlement-id': '123', 'transaction-type': 'Order', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '10.00', 'posted-date': postedDate });

function parsed(rows: Cells[]): ParsedSettlement {
  const r = parseSettlementFile(tsv(V2_HEADER, rows));
  if (!r.ok) throw new Error(r.message);
  return r.settlement;
}

describe('an ambiguous slashed posted date', () => {
  it('is read day first when that puts it inside the settlement (05/10/2026 in 1–15 Oct is 5 October)', () => {
    const s = parsed([OCT, line('05/10/2026'), line('05/10/2026')]);
    expect(s.problems).toEqual([]);
    expect(s.lines.map((l) => l.posted)).toEqual([UTC('2026-10-05T00:00:00Z'), UTC('2026-10-05T00:00:00Z')]);
  });

  it('is read month first when that puts it inside (10/05/26 in 1–15 Oct is 5 October)', () => {
    expect(parsed([OCT, line('10/05/26')]).lines[0]!.posted).toBe(UTC('2026-10-05T00:00:00Z'));
  });

  it('takes the reading nearest the period when it is just outside it', () => {
    const s = parsed([summary('2026-10-02T00:00:00+00:00', '2026-10-16T00:00:00+00:00'), line('01/10/2026')]);
    expect(s.lines[0]!.posted).toBe(UTC('2026-10-01T00:00:00Z'));
  });

  it('is a line problem naming both readings when neither is in or near the period', () => {
    const s = parsed([OCT, line('03/04/2026'), line('10/05/26')]);
    expect(s.lines).toHaveLength(1);
    expect(s.problems).toEqual([{ lineNo: 3, message: expect.stringMatching(/"posted-date" holds "03\/04\/2026": it reads as 2026-03-04 \(month first\) or 2026-04-03 \(day first\), and neither falls in or near the settlement's period \(2026-10-01 to 2026-10-15\)/) }]);
  });

  it('when both readings fall in a long period: the order the file shows decides, else the line is a problem', () => {
    const long = summary('2026-01-01T00:00:00+00:00', '2026-02-28T00:00:00+00:00');
    const unsure = parsed([long, line('01/02/2026')]);
    expect(unsure.lines).toHaveLength(0);
    expect(unsure.problems[0]!.message).toMatch(/both fall in or near the settlement's period/);
    const dayFirst = parsed([long, line('01/02/2026'), line('13/01/2026')]);
    expect(dayFirst.problems).toEqual([]);
    expect(dayFirst.lines[0]!.posted).toBe(UTC('2026-02-01T00:00:00Z'));
  });

  it('without a period, uses the file\'s order as before', () => {
    expect(parsePostedDate('05/10/2026', { order: 'MDY', shown: false, start: null, end: null })).toEqual({ ok: true, ms: UTC('2026-05-10T00:00:00Z'), day: true });
    expect(parsePostedDate('05/10/2026', { order: 'DMY', shown: true, start: null, end: null })).toEqual({ ok: true, ms: UTC('2026-10-05T00:00:00Z'), day: true });
  });
});
