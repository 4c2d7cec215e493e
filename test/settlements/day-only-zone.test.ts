// Settlement dates through the bundle in spreadsheets west and east of UTC, at a month boundary: a
// date without a time (posted-date "2026-11-01", "01.11.2026", "11/01/26"; a date-only period and
// deposit date) shows as that day in the spreadsheet's time zone and is in that day's month, while a
// date with a time and zone keeps its moment (so its day and month are the zone's own).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

const HDR = ['settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency', 'transaction-type', 'order-id', 'amount-type', 'amount-description', 'amount', 'posted-date', 'posted-date-time', 'sku'];

/** A 1–14 November settlement whose summary dates have no time, and lines posted on its first day and the day before. */
function file(extra: string[][] = []): string {
  const line = (order: string, amount: string, date: string, dateTime: string) => ['25000000009', '', '', '', '', '', 'Order', order, 'ItemPrice', 'Principal', amount, date, dateTime, 'TEE-M'];
  const rows = [
    ['25000000009', '2026-11-01', '2026-11-14', '16.11.2026', '100.00', 'USD', '', '', '', '', '', '', '', ''],
    line('111-0000000-0000001', '10.00', '2026-11-01', ''),
    line('111-0000000-0000002', '20.00', '01.11.2026', ''),
    line('111-0000000-0000003', '30.00', '11/01/26', ''),
    line('111-0000000-0000004', '15.00', '2026-10-31', ''),
    // A moment: 06:00 UTC on 1 November is still 31 October in Los Angeles.
    line('111-0000000-0000005', '25.00', '', '2026-11-01 06:00:00 UTC'),
    ...extra,
  ];
  return `${[HDR, ...rows].map((r) => r.join('\t')).join('\n')}\n`;
}

function importedIn(zone: string, content = file()): InventoryRun {
  const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run' } });
  // File → Settings → Time zone.
  r.run.gas.spreadsheet.timeZone = zone;
  r.step({ run: 'importSettlementFile', args: ['november.txt', Buffer.from(content).toString('base64')], as: 'sidebar' });
  return r;
}

const byOrder = (r: InventoryRun) => Object.fromEntries(r.tab('Settlement Lines').map((l) => [l['Order ID'], l]));

describe.each([
  ['America/Los_Angeles', '2026-10-31 23:00'],
  ['Asia/Tokyo', '2026-11-01 15:00'],
  ['Pacific/Auckland', '2026-11-01 19:00'],
])('a settlement imported in a spreadsheet in %s', (zone, sixUtc) => {
  it('shows each date-only Posted on its own day, in its own month', () => {
    const r = importedIn(zone);
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    const lines = byOrder(r);
    for (const order of ['111-0000000-0000001', '111-0000000-0000002', '111-0000000-0000003']) {
      expect(lines[order]!.Posted, order).toMatch(/^2026-11-01 00:00/);
      expect(lines[order]!.Month, order).toBe('2026-11');
    }
    expect(lines['111-0000000-0000004']!.Posted).toMatch(/^2026-10-31 00:00/);
    expect(lines['111-0000000-0000004']!.Month).toBe('2026-10');
  });

  it('keeps the moment of a posted date-time, its Month that of the day the sheet shows', () => {
    const line = byOrder(importedIn(zone))['111-0000000-0000005']!;
    expect(line.Posted).toMatch(new RegExp(`^${sixUtc}`));
    expect(line.Month).toBe(sixUtc.slice(0, 7));
  });

  it('shows the date-only period and deposit date on their own days, in Settlements and on the Dashboard', () => {
    const r = importedIn(zone);
    const [row] = r.tab('Settlements');
    expect(row!.Start).toMatch(/^2026-11-01 00:00/);
    expect(row!.End).toMatch(/^2026-11-14 00:00/);
    expect(row!['Deposit Date']).toMatch(/^2026-11-16 00:00/);
    const usd = r.tab('Dashboard').flatMap((rec) => Object.values(rec)).join(' | ');
    expect(usd).toContain('2026-11-16');
    expect(usd).not.toContain('2026-11-15');
  });
});

describe.each(['America/Los_Angeles', 'Asia/Tokyo'])('a line posted after its settlement ended, in %s', (zone) => {
  it('is named with the days the sheet shows', () => {
    const late = ['25000000009', '', '', '', '', '', 'Order', '111-0000000-0000006', 'ItemPrice', 'Principal', '0.00', '20.11.2026', '', 'TEE-M'];
    const r = importedIn(zone, file([late]));
    const [x] = r.openExceptions('SETTLEMENT_REPORT_FAILED');
    expect(x!.Message).toContain('ended on 2026-11-14');
    expect(x!.Message).toContain('line 8 (2026-11-20)');
    expect(byOrder(r)['111-0000000-0000006']!.Posted).toMatch(/^2026-11-20 00:00/);
  });
});

describe('scenarios/settlements-time-zone.json (spreadsheetTimeZone America/Los_Angeles)', () => {
  it('shows what workbook.json shows a person: the 1 November line on 1 November, in 2026-11', () => {
    const run = createScenarioRun(JSON.parse(readFileSync('scenarios/settlements-time-zone.json', 'utf8')), { baseDir: 'scenarios' });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const grid = run.gas.spreadsheet.toDisplayJson();
    const lines = grid['Settlement Lines']!.slice(1).map((r) => [r[1], r[2], r[4]]);
    expect(lines).toEqual([
      ['2026-10-31 00:00', '2026-10', '111-0000000-0000031'],
      ['2026-11-01 00:00', '2026-11', '111-0000000-0000032'],
      ['2026-10-31 23:00', '2026-10', '111-0000000-0000033'],
    ]);
    expect(grid['Settlements']![1]!.slice(1, 4)).toEqual(['2026-10-25 00:00', '2026-11-08 00:00', '2026-11-10 00:00']);
  });
});
