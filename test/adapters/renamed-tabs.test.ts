// The Apps Script adapters find a tab people renamed in another case or spacing: Sheets'
// getSheetByName is case-sensitive, so without this every port call on "sync  log " or "exceptions"
// missed the tab, and a module then tried to create "Sync Log" beside it, which Sheets refuses.

import { afterEach, describe, expect, it } from 'vitest';
import { gasDashboard } from '../../src/adapters/gas/dashboard';
import { gasSheetStyle } from '../../src/adapters/gas/sheet-style';
import { gasWorkbook } from '../../src/adapters/gas/workbook';
import { stagingTab } from '../../src/sheet/staging-tab';
import { openFake, type FakeSheets } from '../world/gas/spreadsheet/testing';

function open(tabs: Record<string, unknown[][]>): FakeSheets {
  const fake = openFake({ tabs });
  (globalThis as Record<string, unknown>).SpreadsheetApp = fake.app;
  return fake;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).SpreadsheetApp;
});

describe('a tab renamed in another case or spacing', () => {
  it('is read and written by the workbook adapter under the name people gave it', () => {
    const fake = open({ 'sync  log ': [['Time', 'Job'], ['t1', 'inventory']] });
    const wb = gasWorkbook();
    expect(wb.readHeader('Sync Log')).toEqual(['Time', 'Job']);
    expect(wb.read('Sync Log')).toEqual([['Time', 'Job'], ['t1', 'inventory']]);
    wb.appendRows('Sync Log', [['t2', 'orders']]);
    wb.writeCell('SYNC LOG', 2, 2, 'charges');
    expect(fake.model.sheetNames()).toEqual(['sync  log ']);
    expect(wb.read('sync  log ')).toEqual([['Time', 'Job'], ['t1', 'charges'], ['t2', 'orders']]);
    expect(wb.read('Exceptions')).toBeNull();
  });

  it('the exact name wins when both a tab and its spaced twin exist', () => {
    open({ 'Sync Log ': [['twin']], 'Sync Log': [['exact']] });
    expect(gasWorkbook().readHeader('Sync Log')).toEqual(['exact']);
  });

  it('is found by the dashboard and sheet-style adapters', () => {
    const fake = open({ dashboard: [['a'], ['b'], ['c']], exceptions: [['Key', 'Type'], ['K', 'T']] });
    expect(gasDashboard().lastRow('Dashboard')).toBe(3);
    expect(gasSheetStyle().ensureFilter('Exceptions', 2)).toBe(true);
    expect(fake.ss.getSheetByName('exceptions').getFilter()).not.toBeNull();
  });

  it('the hidden staging tab renamed "sync staging" is used, not made again', () => {
    const fake = open({ 'sync staging': [['Source', 'Part', 'Data']] });
    const t = stagingTab(gasWorkbook());
    t.put('3pl-stock', 0, ['{"a":1}']);
    expect(t.parts('3pl-stock', 1)).toEqual(['{"a":1}']);
    expect(fake.model.sheetNames()).toEqual(['sync staging']);
  });
});
