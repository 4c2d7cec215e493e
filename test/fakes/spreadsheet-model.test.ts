// The document model: seeding as typed input, display JSON, export, persistence across executions,
// and speed on 10k-row tabs (Apps Script scripts read/write whole tabs in one getValues/setValues).
import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { NODE_REALM } from '../world/gas/realm';
import { UiModel } from '../world/gas/ui';
import { makeSpreadsheetApp, SpreadsheetModel } from '../world/gas/spreadsheet';
import { openFake } from '../world/gas/spreadsheet/testing';

describe('SpreadsheetModel', () => {
  it('seed replaces the pristine Sheet1 and types the rows in', () => {
    const m = new SpreadsheetModel({ timeZone: 'Europe/London', locale: 'en_GB' });
    expect(m.sheetNames()).toEqual(['Sheet1']);
    m.seed({ 'SKU Map': [['Seller SKU', 'Qty', 'Active'], ['00123', '5', true]], Settings: [['Key', 'Value']] });
    expect(m.sheetNames()).toEqual(['SKU Map', 'Settings']);
    expect(m.cell('SKU Map', 2, 1)).toBe(123);
    expect(m.cell('SKU Map', 2, 3)).toBe(true);
    expect(m.toDisplayJson()).toEqual({ 'SKU Map': [['Seller SKU', 'Qty', 'Active'], ['123', '5', 'TRUE']], Settings: [['Key', 'Value']] });
  });

  it('edit() types into one cell as a person would', () => {
    const m = new SpreadsheetModel();
    m.seed({ Settings: [['Key', 'Value'], ['buffer', '']] });
    m.edit('Settings', 'B2', '12.5%');
    expect(m.cell('Settings', 2, 2)).toBe(0.125);
    expect(m.display('Settings', 2, 2)).toBe('12.50%');
  });

  it('exportSheet reports values, formats, frozen rows, validations, protections and widths', () => {
    const { ss, model, app } = openFake({ tabs: { Log: [['Run', 'When'], ['r1', '2026-11-02 08:00']] } });
    const sh = ss.getSheetByName('Log');
    sh.setFrozenRows(1);
    sh.setColumnWidth(2, 150);
    sh.getRange('C2:C5').setDataValidation(app.newDataValidation().requireValueInList(['FBM', 'FBA']).build());
    sh.protect().setWarningOnly(true).setDescription('add-on');
    sh.getRange('A1').setFormula('="R"&"un"');
    const x = model.exportSheet('Log')!;
    expect(x.values[1]![1]).toEqual(new Date('2026-11-02T08:00:00Z'));
    expect(x.formulas[0]![0]).toBe('="R"&"un"');
    expect(x.displayValues).toEqual([['Run', 'When'], ['r1', '2026-11-02 08:00:00']]);
    expect(x.numberFormats[1]).toEqual(['General', 'yyyy-mm-dd hh:mm:ss']);
    expect(x.frozenRows).toBe(1);
    expect(x.columnWidths).toEqual({ 2: 150 });
    expect(x.validations).toEqual([expect.objectContaining({ a1: 'C2:C5', rule: 'VALUE_IN_LIST(FBM,FBA)' })]);
    expect(x.protections).toEqual([{ a1: null, warningOnly: true, description: 'add-on' }]);
    expect(model.exportSheet('Nope')).toBeNull();
  });

  it('state lives across executions', () => {
    const world = new World('2026-11-02T09:00:00Z');
    const model = new SpreadsheetModel();
    const ui = new UiModel();
    const deps = { world, model, ui, realm: NODE_REALM, addonMode: false };
    world.begin('first', 'menu');
    (makeSpreadsheetApp(deps) as any).getActiveSpreadsheet().insertSheet('Sync Log').appendRow(['r1']);
    world.end('ok');
    world.begin('second', 'time-trigger');
    expect((makeSpreadsheetApp(deps) as any).getActive().getSheetByName('Sync Log').getRange('A1').getValue()).toBe('r1');
    world.end('ok');
    expect(world.executions[0]!.spreadsheetCalls).toBe(2);
  });

  // Speed is measured by `npm run bench`, not asserted here: this checks a large block round-trips.
  it('round-trips a 10,000 × 30 block with text, numbers and dates', () => {
    const { ss } = openFake();
    const sh = ss.insertSheet('Big');
    sh.insertRowsAfter(1000, 9000);
    sh.insertColumnsAfter(26, 4);
    sh.getRange(1, 1, 10_000, 1).setNumberFormat('@');
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      Array.from({ length: 30 }, (_, j) => (j === 0 ? `SKU-${i}` : j === 1 ? String(i) : j === 2 ? new Date(1_700_000_000_000 + i * 60_000) : i * j)));
    sh.getRange(1, 1, 10_000, 30).setValues(rows);
    const back = sh.getRange(1, 1, 10_000, 30).getValues();
    expect(back.length).toBe(10_000);
    expect(back[9_999]![1]).toBe(9_999);
    expect(back[5]![0]).toBe('SKU-5');
    expect((back[5]![2] as Date).getTime()).toBe(1_700_000_000_000 + 5 * 60_000);
    expect(sh.getLastRow()).toBe(10_000);
  });
});
