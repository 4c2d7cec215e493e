// A settlement date kept as text (a cell formatted as plain text, then typed), through the bundle, in
// spreadsheets west and east of UTC: the text is read as the date and time the sheet shows, in the
// spreadsheet's time zone, as a typed date would be; never as UTC's (2026-11-01 is 31 October 17:00
// in Los Angeles), so a line's Month is checked against the day typed.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { file } from './one-settlement';

function importedIn(zone: string): InventoryRun {
  const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], settings: { 'Push mode': 'dry-run' } });
  r.run.gas.spreadsheet.timeZone = zone;
  r.step({ run: 'importSettlementFile', args: ['october.txt', Buffer.from(file('25000000001')).toString('base64')], as: 'sidebar' });
  return r;
}

/** Format → Number → Plain text on one cell, then type `text` into it. */
function typeText(r: InventoryRun, tab: string, match: Record<string, string>, column: string, text: string): void {
  const rows = r.tab(tab);
  const at = rows.findIndex((x) => Object.entries(match).every(([k, v]) => x[k] === v)) + 2;
  r.run.gas.spreadsheet.requireSheet(tab).set('nf', at, Object.keys(rows[0]!).indexOf(column) + 1, '@');
  r.edit(tab, match, { [column]: text });
}

describe.each([
  ['America/Los_Angeles', '2026-11-01', '2026-11'],
  ['Asia/Tokyo', '2026-10-31 20:00', '2026-10'],
])('a Posted typed as text in %s', (zone, posted, month) => {
  it('is the day typed: its Month is that day\'s month, and no other', () => {
    const r = importedIn(zone);
    typeText(r, 'Settlement Lines', { 'Amount Description': 'Principal' }, 'Posted', posted);
    r.edit('Settlement Lines', { 'Amount Description': 'Principal' }, { Month: month });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');

    r.edit('Settlement Lines', { 'Amount Description': 'Principal' }, { Month: '2026-09' });
    r.step({ run: 'recategoriseSettlements' });
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toContain(`the line was posted in ${month}`);
  });
});

describe('a Start typed as text in America/Los_Angeles', () => {
  it('keeps its day when the Settlements row is written again', () => {
    const r = importedIn('America/Los_Angeles');
    typeText(r, 'Settlements', { 'Settlement ID': '25000000001' }, 'Start', '2026-11-01');
    r.step({ run: 'importSettlementFile', args: ['second.txt', Buffer.from(file('25000000002')).toString('base64')], as: 'sidebar' });
    // The add-on writes the date back as a date: 1 November 00:00 in the sheet's zone (serial 46327).
    expect(r.run.gas.spreadsheet.cell('Settlements', 2, 2)).toBe(46327);
  });
});
