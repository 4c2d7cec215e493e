// Dates without a time in a settlement file, in every form the reader accepts: each is the start of
// its calendar day where the reader places it (the spreadsheet's zone, here Los Angeles and
// Auckland), while a date with a time keeps its moment (parse.ts `dayStart`).

import { describe, expect, it } from 'vitest';
import { dayStarts } from '../../src/core/day-start';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { tsv, V2_HEADER, type Cells } from '../fixtures/settlements/make-fixtures';

const wallClock = (zone: string) => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (ms: number) => f.format(ms).replace(', ', ' ');
};
const line = (posted: Cells): Cells => ({ 'settlement-id': '123', 'transaction-type': 'Order', 'order-id': '206-1', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '1.00', sku: 'SKU-1', ...posted });

function read(zone: string, summary: Cells, posted: Cells[]) {
  const head: Cells = { 'settlement-id': '123', 'total-amount': `${posted.length}.00`, currency: 'GBP', ...summary };
  const r = parseSettlementFile(tsv(V2_HEADER, [head, ...posted.map(line)]), { dayStart: dayStarts(wallClock(zone)) });
  if (!r.ok) throw new Error(r.message);
  expect(r.settlement.problems).toEqual([]);
  return r.settlement;
}

describe.each([
  ['America/Los_Angeles', '2026-11-01T07:00:00Z', '2026-11-14T08:00:00Z'],
  ['Pacific/Auckland', '2026-10-31T11:00:00Z', '2026-11-13T11:00:00Z'],
])('in %s', (zone, nov1, nov14) => {
  it('places a posted-date without a time at the start of its day, whatever its form', () => {
    const forms = ['2026-11-01', '2026/11/01', '2026-11-1', '01.11.2026', '1.11.26', '11/01/26', '11/01/2026'];
    const s = read(zone, { 'settlement-start-date': '2026-11-01', 'settlement-end-date': '2026-11-14' }, forms.map((f) => ({ 'posted-date': f })));
    expect(s.lines.map((l) => new Date(l.posted!).toISOString())).toEqual(forms.map(() => new Date(nov1).toISOString()));
  });

  it('places day-first slashed dates (a file that shows DD/MM) the same way', () => {
    const s = read(zone, { 'settlement-start-date': '01/11/2026', 'settlement-end-date': '14/11/2026', 'deposit-date': '16/11/2026' }, [{ 'posted-date': '01/11/2026' }, { 'posted-date': '13/11/2026' }]);
    expect(new Date(s.lines[0]!.posted!).toISOString()).toBe(new Date(nov1).toISOString());
    expect(new Date(s.summary.end!).toISOString()).toBe(new Date(nov14).toISOString());
  });

  it('places the summary dates without a time, and keeps every date with a time at its moment', () => {
    const s = read(zone, { 'settlement-start-date': '01.11.2026', 'settlement-end-date': '2026-11-14T00:00:00+00:00', 'deposit-date': '2026-11-16 00:00:00 UTC' }, [
      { 'posted-date': '2026-11-01', 'posted-date-time': '2026-11-01 06:00:00 UTC' },
      { 'posted-date': '01.11.2026 00:00:00' },
      { 'posted-date': '11/01/26 10:00 PST' },
    ]);
    expect(s.summary.start).toBe(Date.parse(nov1));
    expect(s.summary.end).toBe(Date.parse('2026-11-14T00:00:00Z'));
    expect(s.summary.depositDate).toBe(Date.parse('2026-11-16T00:00:00Z'));
    expect(s.lines.map((l) => l.posted)).toEqual([Date.parse('2026-11-01T06:00:00Z'), Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-01T18:00:00Z')]);
  });
});

it('without a zone to place them in, a date without a time is UTC midnight (the settlement CLI)', () => {
  const r = parseSettlementFile(tsv(V2_HEADER, [{ 'settlement-id': '123', 'total-amount': '1.00', currency: 'GBP' }, line({ 'posted-date': '01.11.2026' })]));
  expect(r.ok && r.settlement.lines[0]!.posted).toBe(Date.parse('2026-11-01T00:00:00Z'));
});
