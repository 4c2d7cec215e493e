// An Invoice Date a person turned into a date cell (Format → Number → Date, then typed 2026-11-01),
// through the bundle, in spreadsheets east and west of UTC: Sheets holds it as the start of that day
// in the spreadsheet's time zone, and the add-on reads it as that day (not UTC's, which is 31 October
// east of UTC), so the charge stays in November on the Dashboard and the cell is written back as the
// day it shows.

import { describe, expect, it } from 'vitest';
import { ChargesRun } from './world';

describe.each(['Asia/Tokyo', 'Pacific/Auckland', 'America/Los_Angeles'])('an Invoice Date typed as a date in %s', (zone) => {
  it('is read as the day the cell shows', () => {
    const r = new ChargesRun();
    r.run.gas.spreadsheet.timeZone = zone;
    r.orders();
    r.threePl('charge', { fee: 'Warehousing Fee', amount: 18.4, referenceType: 'FC' });
    r.advance('1d');
    expect(r.charges().outcome).toBe('ok');
    const rows = r.tab('3PL Charges');
    const id = rows.find((x) => x.Reference.includes('fee Warehousing Fee'))!['Transaction ID'];
    const at = rows.findIndex((x) => x['Transaction ID'] === id) + 2;
    const col = Object.keys(rows[0]!).indexOf('Invoice Date') + 1;
    r.run.gas.spreadsheet.requireSheet('3PL Charges').set('nf', at, col, 'yyyy-mm-dd');
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': id }, set: { 'Invoice Date': '2026-11-01' } } });
    r.threePl('charge', { fee: 'Per Pick Fee', amount: 0.3, referenceType: 'FC' });
    r.advance('1d');
    expect(r.charges().outcome).toBe('ok');

    const row = r.tab('3PL Charges').find((x) => x['Transaction ID'] === id)!;
    expect(row['Invoice Date']).toBe('2026-11-01');
    const dash = r.run.gas.spreadsheet.toDisplayJson()['Dashboard']!;
    const storage = dash.filter((x) => /^\d{4}-\d{2} storage/.test(x[0]!)).map((x) => x[0]);
    expect(storage).toEqual(['2026-11 storage']);
  });
});
