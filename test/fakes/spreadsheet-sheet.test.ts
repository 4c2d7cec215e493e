// Sheet behaviour: getRange argument checks, data extent, appendRow, inserting/deleting rows, freezing,
// widths, clearing, protection, visibility, conditional formats and sorting.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet ; apps-script.md §2.1
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';

function sheetWith(rows: unknown[][]) {
  const f = openFake({ tabs: { Data: rows } });
  return { ...f, sh: f.ss.getSheetByName('Data') };
}

describe('Sheet.getRange', () => {
  it('throws Google\'s texts for bad sizes and starts', () => {
    const { sh } = sheetWith([['h']]);
    expect(() => sh.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sh.getRange(2, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sh.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sh.getRange(1, 0)).toThrow('The starting column of the range is too small.');
  });

  it('the classic header-only case getRange(2, 1, getLastRow() - 1, n) throws', () => {
    const { sh } = sheetWith([['SKU', 'Qty']]);
    expect(() => sh.getRange(2, 1, sh.getLastRow() - 1, 2)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('does not grow the grid: ranges past getMaxRows/getMaxColumns throw', () => {
    const { sh } = sheetWith([['h']]);
    expect(() => sh.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sh.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sh.getRange('A990:A1001')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sh.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('rejects non-numbers and non-integers', () => {
    const { sh } = sheetWith([['h']]);
    expect(() => sh.getRange(undefined, 1)).toThrow(/don't match the method signature for SpreadsheetApp.Sheet.getRange/);
    expect(() => sh.getRange(1.5, 1)).toThrow("Cannot convert '1.5' to int.");
  });

  it('understands A1 forms: cells, blocks, whole columns and open-ended rows', () => {
    const { sh } = sheetWith([['h']]);
    expect(sh.getRange('B2:C3').getNumRows()).toBe(2);
    const col = sh.getRange('A:B');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 1000, 2]);
    const open = sh.getRange('A2:C');
    expect([open.getRow(), open.getLastRow(), open.getLastColumn()]).toEqual([2, 1000, 3]);
  });
});

describe('Sheet extent and rows', () => {
  it('getLastRow/getLastColumn are 0 on an empty sheet, and getDataRange is A1', () => {
    const { ss } = openFake();
    const sh = ss.getActiveSheet();
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([0, 0]);
    expect(sh.getDataRange().getA1Notation()).toBe('A1');
  });

  it('Sheet.getLastRow is the last row with content; Range.getLastRow is the range end', () => {
    const { sh } = sheetWith([['a', 'b'], ['c', '']]);
    sh.getRange(1, 1, 50, 5).setNumberFormat('@'); // formatting is not content
    expect(sh.getLastRow()).toBe(2);
    expect(sh.getLastColumn()).toBe(2);
    expect(sh.getRange(3, 1, 10, 2).getLastRow()).toBe(12);
    expect(sh.getRange(3, 2, 10, 4).getLastColumn()).toBe(5);
    expect(sh.getDataRange().getA1Notation()).toBe('A1:B2');
  });

  it('appendRow writes after the last content row and grows a full grid', () => {
    const { sh, model } = sheetWith([['SKU', 'Qty']]);
    sh.appendRow(['00123', 5]);
    expect(sh.getRange(2, 1, 1, 2).getValues()).toEqual([[123, 5]]);
    const before = model.totalCells();
    sh.getRange(1000, 1).setValue('bottom');
    sh.appendRow(['grown']);
    expect(sh.getMaxRows()).toBe(1001);
    expect(sh.getRange(1001, 1).getValue()).toBe('grown');
    expect(model.totalCells()).toBe(before + 26);
  });

  it('insertRowsAfter shifts content down and deleteRows pulls it up', () => {
    const { sh } = sheetWith([['r1'], ['r2'], ['r3']]);
    sh.insertRowsAfter(1, 2);
    expect(sh.getMaxRows()).toBe(1002);
    expect(sh.getRange(1, 1, 5, 1).getValues()).toEqual([['r1'], [''], [''], ['r2'], ['r3']]);
    sh.deleteRows(2, 2);
    sh.deleteRow(1);
    expect(sh.getRange(1, 1, 2, 1).getValues()).toEqual([['r2'], ['r3']]);
    expect(sh.getMaxRows()).toBe(999);
    expect(() => sh.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
  });

  it('insertColumnsAfter grows columns', () => {
    const { sh } = sheetWith([['a', 'b']]);
    sh.insertColumnsAfter(1, 1);
    expect(sh.getMaxColumns()).toBe(27);
    expect(sh.getRange(1, 1, 1, 3).getValues()).toEqual([['a', '', 'b']]);
  });
});

describe('Sheet layout, clearing and protection', () => {
  it('freezes rows and columns, stores widths, autoresizes', () => {
    const { sh } = sheetWith([['A much longer header than usual', 'b']]);
    sh.setFrozenRows(1);
    sh.setFrozenColumns(2);
    sh.setColumnWidth(2, 240);
    sh.autoResizeColumns(1, 1);
    expect([sh.getFrozenRows(), sh.getFrozenColumns(), sh.getColumnWidth(2), sh.getColumnWidth(3)]).toEqual([1, 2, 240, 100]);
    expect(sh.getColumnWidth(1)).toBeGreaterThan(100);
  });

  it('clear() removes contents and formats; clearContents() keeps formats', () => {
    const { sh } = sheetWith([['a', 1]]);
    sh.getRange('B1').setNumberFormat('0.00');
    sh.clearContents();
    expect(sh.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sh.getRange('B1').getNumberFormat()).toBe('0.00');
    sh.getRange('B1').setValue(2);
    expect(sh.getRange('B1').getDisplayValue()).toBe('2.00');
    sh.clear({ contentsOnly: true });
    expect(sh.getRange('B1').getNumberFormat()).toBe('0.00');
    sh.clear();
    expect(sh.getRange('B1').getNumberFormat()).toBe('0.###############');
  });

  it('protect() gives a Protection with warning-only mode and description, listed by type and removable', () => {
    const { sh, app, ss } = sheetWith([['a']]);
    const p = sh.protect().setDescription('Written by the add-on').setWarningOnly(true);
    expect([p.isWarningOnly(), p.getDescription()]).toEqual([true, 'Written by the add-on']);
    expect(sh.protect().getDescription()).toBe('Written by the add-on'); // one sheet protection per sheet
    sh.getRange('A1:B2').protect().setDescription('range');
    expect(sh.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sh.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A1:B2');
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    p.remove();
    expect(sh.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  it('hides and shows sheets, but not the last visible one; ids, tab colour and index', () => {
    const { sh, ss } = sheetWith([['a']]);
    expect(() => sh.hideSheet()).toThrow();
    const other = ss.insertSheet('Other');
    sh.hideSheet();
    expect(sh.isSheetHidden()).toBe(true);
    sh.showSheet();
    expect(sh.isSheetHidden()).toBe(false);
    sh.setTabColor('#ff0000');
    expect(sh.getTabColor()).toBe('#ff0000');
    expect(sh.getSheetId()).not.toBe(other.getSheetId());
    expect(other.getIndex()).toBe(2);
    other.activate();
    expect(ss.getActiveSheet().getName()).toBe('Other');
  });

  it('conditional format rules are replaced as a whole', () => {
    const { sh, app } = sheetWith([[1]]);
    const r1 = app.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#f4c7c3').setRanges([sh.getRange('A1:A9')]).build();
    sh.setConditionalFormatRules([r1]);
    const got = sh.getConditionalFormatRules();
    expect(got).toHaveLength(1);
    expect(got[0].getBooleanCondition().getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_LESS_THAN);
    expect(got[0].getBooleanCondition().getCriteriaValues()).toEqual([0]);
    expect(got[0].getRanges()[0].getA1Notation()).toBe('A1:A9');
    sh.setConditionalFormatRules([]);
    expect(sh.getConditionalFormatRules()).toHaveLength(0);
  });

  it('sort(col, asc) orders rows below the frozen header, blanks last', () => {
    const { sh } = sheetWith([['SKU', 'Qty'], ['b', 2], ['a', 10], ['c', ''], ['B2', 1]]);
    sh.setFrozenRows(1);
    sh.sort(2, false);
    expect(sh.getDataRange().getValues()).toEqual([['SKU', 'Qty'], ['a', 10], ['b', 2], ['B2', 1], ['c', '']]);
    sh.sort(1);
    expect(sh.getRange(2, 1, 4, 1).getValues().flat()).toEqual(['a', 'b', 'B2', 'c']);
  });
});
