// The settlements job end to end through the bundle: reports Amazon lists imported once (by report
// and by settlement id), the Settlements and Settlement Lines tabs, unmapped triples appended to the
// Settlement Map and recategorised in place, mismatches and unreadable lines reported, a download
// that fails retried, and a file uploaded from the sidebar through the same import.

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { InventoryRun, type InventoryWorld } from '../inventory/builder';

interface Report {
  reportId: string;
  created: string;
  content: string;
  gzip?: boolean;
}

function run(reports: Report[], over: Partial<InventoryWorld> = {}): InventoryRun {
  return new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run' }, amazonExtra: { settlements: reports }, ...over });
}
const importNow = (r: InventoryRun) => r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
const recategorise = (r: InventoryRun) => r.step({ run: 'recategoriseSettlements' });
const upload = (r: InventoryRun, name: string, bytes: Buffer) => r.step({ run: 'importSettlementFile', args: [name, bytes.toString('base64')], as: 'sidebar' });
const dataLines = (text: string) => text.trim().split(/\r?\n/).length - 2;

describe('settlements: listed reports imported once', () => {
  it('imports a UK settlement into Settlements and Settlement Lines, with UNMAPPED last, and a second run changes nothing', () => {
    const uk = readFixture('uk-2026-10.txt');
    const r = run([{ reportId: '900001', created: '2026-10-17T06:00:00Z', content: uk }]);
    importNow(r);
    const rows = r.tab('Settlements');
    expect(rows).toHaveLength(1);
    const header = Object.keys(rows[0]!);
    expect(header.slice(0, 8)).toEqual(['Settlement ID', 'Start', 'End', 'Deposit Date', 'Currency', 'Reported Total', 'Lines Total', 'Difference']);
    expect(rows[0]).toMatchObject({ 'Settlement ID': '24000000001', Currency: 'GBP', 'Reported Total': '40.65', 'Lines Total': '40.65', Difference: '0.00' });
    const categories = header.slice(8, header.indexOf('Reserve Held'));
    expect(categories).toContain('Product sales');
    if (categories.includes('UNMAPPED')) expect(categories.at(-1)).toBe('UNMAPPED');
    // The category columns add up to the lines total, to the cent.
    const sum = categories.reduce((n, c) => n + Math.round(Number(rows[0]![c]!.replace(/,/g, '')) * 100), 0);
    expect(sum).toBe(4065);
    const lines = r.tab('Settlement Lines');
    expect(lines).toHaveLength(dataLines(uk));
    expect(lines.every((l) => /^\d{4}-\d{2}$/.test(l.Month ?? ''))).toBe(true);

    r.advance('1h');
    importNow(r);
    upload(r, 'uk.txt', Buffer.from(uk));
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(r.tab('Settlement Lines')).toHaveLength(dataLines(uk));
  });

  it('splits a settlement that spans a month end by posted month', () => {
    const text = readFixture('month-end.txt');
    const r = run([{ reportId: '900003', created: '2026-11-09T06:00:00Z', content: text }], { start: '2026-11-10T08:00:00Z' });
    importNow(r);
    const months = new Set(r.tab('Settlement Lines').map((l) => l.Month));
    expect([...months].sort()).toEqual(['2026-10', '2026-11']);
  });

  it('reads a gzipped EU file with comma decimals and dotted dates the same way', () => {
    const de = readFixture('eu-de-2026-10.txt.gz');
    const r = run([{ reportId: '900002', created: '2026-10-17T06:00:00Z', content: de, gzip: true }]);
    importNow(r);
    const [row] = r.tab('Settlements');
    expect(row!.Difference).toBe('0.00');
    expect(row!['Reported Total']).toBe(row!['Lines Total']);
    expect(r.tab('Settlement Lines')).toHaveLength(dataLines(de));
  });
});

describe('settlements: the Settlement Map and recategorising', () => {
  it('appends an unmapped triple to the Settlement Map once, raises SETTLEMENT_UNMAPPED, and recategorise moves exactly its lines', () => {
    const text = readFixture('unknown-triple.txt');
    const r = run([{ reportId: '900004', created: '2026-10-17T06:00:00Z', content: text }]);
    r.step({ run: 'setupSheets' });
    const before = r.tab('Settlement Map').length;
    importNow(r);
    const added = r.tab('Settlement Map').slice(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((x) => x.Category === 'UNMAPPED')).toBe(true);
    const mystery = added.find((x) => /mysteryfee/i.test(x['Amount Description'] ?? ''));
    expect(mystery).toBeDefined();
    // "MysteryFee" and "mysteryfee" are one triple: one row, one exception.
    expect(added.filter((x) => /mysteryfee/i.test(x['Amount Description'] ?? ''))).toHaveLength(1);
    const open = r.openExceptions('SETTLEMENT_UNMAPPED');
    expect(open.length).toBe(added.length);
    const unmappedLines = r.tab('Settlement Lines').filter((l) => l.Category === 'UNMAPPED');
    const linesBefore = r.tab('Settlement Lines');

    r.edit('Settlement Map', { 'Amount Description': mystery!['Amount Description']! }, { Category: 'Selling fees', Account: '6100' });
    recategorise(r);
    const after = r.tab('Settlement Lines');
    const moved = after.filter((l, i) => l.Category !== linesBefore[i]!.Category);
    expect(moved.length).toBe(unmappedLines.filter((l) => /mysteryfee/i.test(l['Amount Description'] ?? '')).length);
    expect(moved.every((l) => l.Category === 'Selling fees' && l.Account === '6100')).toBe(true);
    const stillOpen = r.openExceptions('SETTLEMENT_UNMAPPED');
    expect(stillOpen.length).toBe(open.length - 1);
    expect(r.exceptions('SETTLEMENT_UNMAPPED').some((x) => x.Status === 'Resolved' && /mysteryfee/i.test(x.Key ?? ''))).toBe(true);
    // The totals are the file's: recategorising changes categories only.
    expect(r.tab('Settlements')[0]!['Reported Total']).toBe('39.50');
  });
});

describe('settlements: problems are reported, never hidden', () => {
  it('raises SETTLEMENT_MISMATCH with the amount when the lines do not add up to the total', () => {
    const r = run([{ reportId: '900005', created: '2026-10-17T06:00:00Z', content: readFixture('mismatch.txt') }]);
    importNow(r);
    const [m] = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(m).toBeDefined();
    expect(m!.Message).toMatch(/difference -?\d+\.\d\d [A-Z]{3}/);
    expect(r.tab('Settlements')[0]!.Difference).not.toBe('0.00');
  });

  it('names an unreadable line by its number and imports the rest', () => {
    const text = readFixture('malformed-line.txt');
    const r = run([{ reportId: '900006', created: '2026-10-17T06:00:00Z', content: text }]);
    importNow(r);
    const failed = r.openExceptions('SETTLEMENT_REPORT_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.Message).toMatch(/line \d+:/);
    // The line number is said once per line.
    expect(failed[0]!.Message).not.toMatch(/line (\d+): Line \1/);
    const unread = Number(/^(\d+) line\(s\)/.exec(failed[0]!.Message ?? '')![1]);
    expect(unread).toBeGreaterThan(0);
    expect(r.tab('Settlement Lines').length + unread).toBe(dataLines(text));
    // What was not read shows as a difference, never as a silent zero.
    expect(r.tab('Settlements')[0]!.Difference).not.toBe('0.00');
    // Lines were left out: the run did not bring in everything, and the Sync Log says so.
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(new RegExp(`${unread} line\\(s\\) could not be read or used and were left out`));
  });

  it('retries a download that fails on the next run instead of skipping the report', () => {
    const uk = readFixture('uk-2026-10.txt');
    const r = run([{ reportId: '900001', created: '2026-10-17T06:00:00Z', content: uk }], {
      faults: [{ system: 'amazon', operation: 'getReportDocument', kind: '503', times: 30 }],
    });
    importNow(r);
    expect(r.tab('Settlements')).toHaveLength(0);
    expect(r.openExceptions('SETTLEMENT_REPORT_FAILED')).toHaveLength(1);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(r.syncLog().at(-1)!.Message).toMatch(/report 900001 could not be downloaded/);
    r.run.faults.clear();
    r.advance('1h');
    importNow(r);
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(r.openExceptions('SETTLEMENT_REPORT_FAILED')).toHaveLength(0);
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
  });

  it('logs an uploaded file with unreadable lines as partial', () => {
    const r = run([]);
    upload(r, 'bad-lines.txt', Buffer.from(readFixture('malformed-line.txt')));
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(r.syncLog().at(-1)!.Message).toMatch(/line\(s\) could not be read or used and were left out/);
  });

  it('imports a file uploaded from the sidebar (gzipped too), once', () => {
    const r = run([]);
    const text = readFixture('negative-payout.txt');
    upload(r, 'payout.txt.gz', gzipSync(Buffer.from(text)));
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(Number(r.tab('Settlements')[0]!['Reported Total'])).toBeLessThan(0);
    upload(r, 'payout.txt', Buffer.from(text));
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(r.syncLog().at(-1)!.Message).toMatch(/already imported/);
    const notAFile = upload(r, 'notes.txt', Buffer.from('hello\tworld\n'));
    expect(notAFile!.error ?? '').toBe('');
    expect(r.openExceptions('SETTLEMENT_REPORT_FAILED').map((x) => x.Entity)).toEqual(['Settlement report upload:notes.txt']);
  });
});

describe('settlements: reports Amazon could not produce, and a refused listing', () => {
  it('raises SETTLEMENT_REPORT_FAILED once for a FATAL report and still imports the next one', () => {
    const r = run([
      { reportId: '900010', created: '2026-10-03T06:00:00Z', content: '', processingStatus: 'FATAL' } as never,
      { reportId: '900011', created: '2026-10-17T06:00:00Z', content: readFixture('uk-2026-10.txt') },
    ]);
    importNow(r);
    const failed = r.openExceptions('SETTLEMENT_REPORT_FAILED');
    expect(failed.map((x) => x.Key)).toEqual(['SETTLEMENT_REPORT_FAILED:report:900010']);
    expect(failed[0]!.Message).toMatch(/ended FATAL.*import the file from the sidebar/);
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    importNow(r);
    expect(r.exceptions('SETTLEMENT_REPORT_FAILED')).toHaveLength(1);
  });

  it('says which role is missing when Amazon refuses to list settlement reports', () => {
    const r = run([{ reportId: '900011', created: '2026-10-17T06:00:00Z', content: readFixture('uk-2026-10.txt') }], {
      faults: [{ system: 'amazon', operation: 'getReports', kind: 'auth_expired', times: 10 }],
    });
    const res = importNow(r);
    expect(res!.error ?? '').toBe('');
    const [x] = r.openExceptions('SETTLEMENT_REPORT_FAILED');
    expect(x!.Message).toMatch(/Finance and Accounting/);
    expect(r.tab('Settlements')).toHaveLength(0);
  });
});

describe('settlements: lines never doubled, never lost to the budget unannounced', () => {
  it('re-importing a settlement whose Settlements row was deleted replaces its lines and says so', () => {
    const uk = readFixture('uk-2026-10.txt');
    const r = run([{ reportId: '900001', created: '2026-10-17T06:00:00Z', content: uk }]);
    importNow(r);
    const before = r.tab('Settlement Lines');
    r.edit('Settlements', { 'Settlement ID': '24000000001' }, { 'Settlement ID': '' });
    upload(r, 'uk.txt', Buffer.from(uk));
    expect(r.tab('Settlement Lines')).toHaveLength(before.length);
    expect(r.tab('Settlements').filter((x) => x['Settlement ID'] === '24000000001')).toHaveLength(1);
    expect(r.syncLog().at(-1)!.Message).toMatch(/Settlement 24000000001 had no Settlements row but \d+ of its lines were in Settlement Lines: they were replaced/);
    // Recategorising adds each line once.
    recategorise(r);
    expect(r.tab('Settlements').find((x) => x['Settlement ID'] === '24000000001')!['Lines Total']).toBe('40.65');
  });

  it('keeps every line of a settlement larger than "Settlement lines kept" and says the budget is exceeded', () => {
    const header = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\tposted-date-time';
    const rows = [header, '26000000002\t2026-10-01T00:00:00+00:00\t2026-10-15T00:00:00+00:00\t2026-10-17T00:00:00+00:00\t1200.00\tGBP\t\t\t\t\t\t'];
    for (let i = 0; i < 1_200; i++) rows.push(`26000000002\t\t\t\t\t\tOrder\t206-${i}\tItemPrice\tPrincipal\t1.00\t2026-10-05 12:00:00 UTC`);
    const r = run([{ reportId: '900020', created: '2026-10-17T06:00:00Z', content: rows.join('\n') }], { settings: { 'Push mode': 'dry-run', 'Settlement lines kept': '1000' } });
    importNow(r);
    expect(r.tab('Settlement Lines')).toHaveLength(1_200);
    const log = r.syncLog().at(-1)!;
    expect(log.Message).toMatch(/Settlement 26000000002 alone has 1200 lines, more than the 1000 of Settings "Settlement lines kept"/);
  });
});
