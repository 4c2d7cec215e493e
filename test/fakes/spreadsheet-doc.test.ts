// Spreadsheet-level behaviour: tabs, active sheet, A1 with sheet prefix, toasts, time zone/locale and the
// 10,000,000-cell grid limit. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet ;
// apps-script.md §2.1 ("Size", insertSheet).
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';

describe('Spreadsheet', () => {
  it('getSheetByName returns null for a missing tab', () => {
    const { ss } = openFake();
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('Sheet1').getName()).toBe('Sheet1');
  });

  it('insertSheet makes a 1000×26 tab that becomes active; index is 0-based', () => {
    const { ss } = openFake();
    const a = ss.insertSheet('Settings');
    expect(a.getMaxRows()).toBe(1000);
    expect(a.getMaxColumns()).toBe(26);
    expect(ss.getActiveSheet().getName()).toBe('Settings');
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual(['First', 'Sheet1', 'Settings']);
    expect(ss.getSheetByName('Settings').getIndex()).toBe(3);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  it('insertSheet with a duplicate name throws Google\'s text', () => {
    const { ss } = openFake();
    ss.insertSheet('Sync Log');
    expect(() => ss.insertSheet('Sync Log')).toThrow('A sheet with the name "Sync Log" already exists. Please enter another name.');
    expect(() => ss.getSheetByName('Sheet1').setName('Sync Log')).toThrow(/already exists/);
  });

  // Sheets refuses a tab name that differs from another only in case, from the UI and the API
  // (github.com/socialpoint-labs/sheetfu/pull/26); the error names the name that was asked for.
  it('refuses a second tab whose name differs only in case, on insert and on rename', () => {
    const { ss } = openFake();
    ss.insertSheet('SKU Map');
    expect(() => ss.insertSheet('SKU map')).toThrow('A sheet with the name "SKU map" already exists. Please enter another name.');
    expect(() => ss.insertSheet('sku map', 0)).toThrow(/"sku map" already exists/);
    expect(() => ss.getSheetByName('Sheet1').setName('SKU MAP')).toThrow(/"SKU MAP" already exists/);
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual(['Sheet1', 'SKU Map']);
    // A tab may change the case of its own name.
    ss.getSheetByName('SKU Map').setName('Sku Map');
    expect(ss.getSheetByName('Sku Map')).not.toBeNull();
    // The default names skip a taken name in any case.
    ss.getSheetByName('Sheet1').setName('sheet3');
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  // getSheetByName matches the exact name: Google documents only "Returns a sheet with the given
  // name"; public Apps Script projects report it case-sensitive and add their own fallback.
  it('getSheetByName matches the exact name only', () => {
    const { ss } = openFake();
    ss.insertSheet('SKU Map');
    expect(ss.getSheetByName('SKU Map').getName()).toBe('SKU Map');
    expect(ss.getSheetByName('sku map')).toBeNull();
  });

  it('deleteSheet removes a tab but never the last one', () => {
    const { ss } = openFake();
    const t = ss.insertSheet('Temp');
    ss.deleteSheet(t);
    expect(ss.getSheetByName('Temp')).toBeNull();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(() => ss.deleteSheet(ss.getSheetByName('Sheet1'))).toThrow();
  });

  it('reports name, id, url, time zone and locale', () => {
    const { ss, model } = openFake({ timeZone: 'America/New_York', locale: 'en_US' });
    expect(ss.getId()).toBe(model.id);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${model.id}/edit`);
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
  });

  it('setActiveSheet changes getActiveSheet', () => {
    const { ss } = openFake();
    ss.insertSheet('B');
    ss.setActiveSheet(ss.getSheetByName('Sheet1'));
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
  });

  it('toast records message and title', () => {
    const { ss, ui } = openFake();
    ss.toast('Synced 12 SKUs', 'FBA 3PL Sync', 5);
    ss.toast('plain');
    expect(ui.toasts).toEqual([{ msg: 'Synced 12 SKUs', title: 'FBA 3PL Sync' }, { msg: 'plain', title: '' }]);
  });

  it("getRange('Tab!A1:B2') resolves quoted names and throws Range not found otherwise", () => {
    const { ss } = openFake({ tabs: { 'SKU Map': [['a', 'b'], ['c', 'd']] } });
    expect(ss.getRange("'SKU Map'!A1:B2").getValues()).toEqual([['a', 'b'], ['c', 'd']]);
    expect(ss.getRange("'SKU Map'!B2").getA1Notation()).toBe('B2');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => ss.getRange('not a range')).toThrow('Range not found');
  });

  it('refuses to grow the grid past 10,000,000 cells', () => {
    const { ss, model } = openFake();
    const limit = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    const sh = ss.getSheetByName('Sheet1');
    sh.insertRowsAfter(1000, 384_000 - 1000); // 384,000 × 26 = 9,984,000 cells
    expect(model.totalCells()).toBe(9_984_000);
    expect(() => ss.insertSheet('More')).toThrow(limit); // +26,000
    expect(() => sh.insertRowsAfter(1, 1000)).toThrow(limit);
    expect(() => sh.insertColumnsAfter(26, 1)).toThrow(limit);
    expect(() => sh.insertRows(1, 1000)).toThrow(limit);
    sh.insertRowsAfter(1, 615); // exactly 9,999,990
    expect(model.totalCells()).toBe(9_999_990);
    sh.getRange(sh.getMaxRows(), 1).setValue('last');
    expect(() => sh.appendRow(['x'])).toThrow(limit);
  });
});
