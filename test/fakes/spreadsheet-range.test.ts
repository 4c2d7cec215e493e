// Range values, typed-input conversion, formulas, formats, clearing and geometry.
// https://developers.google.com/apps-script/reference/spreadsheet/range ; apps-script.md §2.1 ;
// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED)
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';

function blank() {
  const f = openFake();
  return { ...f, sh: f.ss.getActiveSheet() };
}

describe('Range values', () => {
  it('getValues is always numRows × numCols with "" for empty cells', () => {
    const { sh } = blank();
    sh.getRange('B2').setValue(7);
    expect(sh.getRange(1, 1, 3, 3).getValues()).toEqual([['', '', ''], ['', 7, ''], ['', '', '']]);
    expect(sh.getRange(900, 1, 2, 2).getValues()).toEqual([['', ''], ['', '']]);
  });

  it('keeps numbers, booleans and Dates as such', () => {
    const { sh } = blank();
    const when = new Date('2026-11-02T08:30:00Z');
    sh.getRange(1, 1, 1, 4).setValues([[12.5, true, when, 'text']]);
    const [row] = sh.getRange(1, 1, 1, 4).getValues();
    expect(row.slice(0, 2)).toEqual([12.5, true]);
    expect(Object.prototype.toString.call(row[2])).toBe('[object Date]');
    expect((row[2] as Date).getTime()).toBe(when.getTime());
    expect(row[3]).toBe('text');
  });

  it('setValues with the wrong shape throws Google\'s texts', () => {
    const { sh } = blank();
    expect(() => sh.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sh.getRange(1, 1, 1, 24).setValues([[1, 2, 3, 4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 24.',
    );
    expect(sh.getRange('A1').getValue()).toBe(''); // nothing was written
  });

  it('converts strings like typed input unless the cell is formatted "@"', () => {
    const { sh } = blank();
    sh.getRange(1, 1, 1, 7).setValues([['00123', '1,000', '12.5', '50%', '£2.99', 'TRUE', 'SKU-1']]);
    expect(sh.getRange(1, 1, 1, 7).getValues()).toEqual([[123, 1000, 12.5, 0.5, 2.99, true, 'SKU-1']]);
    expect(sh.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([['123', '1,000', '12.5', '50%', '£2.99']]);
    sh.getRange(2, 1, 1, 3).setNumberFormat('@');
    sh.getRange(2, 1, 1, 3).setValues([['00123', '2026-11-02', '=1+1']]);
    expect(sh.getRange(2, 1, 1, 3).getValues()).toEqual([['00123', '2026-11-02', '=1+1']]);
  });

  it('parses typed dates in the spreadsheet time zone; ISO strings with T stay text', () => {
    const { sh } = blank(); // Europe/London, en_GB
    sh.getRange(1, 1, 1, 4).setValues([['2026-11-02', '2026-07-01 08:00', '02/11/2026', '2026-11-02T08:00:00Z']]);
    const v = sh.getRange(1, 1, 1, 4).getValues()[0];
    expect((v[0] as Date).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect((v[1] as Date).toISOString()).toBe('2026-07-01T07:00:00.000Z'); // BST
    expect((v[2] as Date).toISOString()).toBe('2026-11-02T00:00:00.000Z'); // day-first in en_GB
    expect(v[3]).toBe('2026-11-02T08:00:00Z');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2026-11-02');
  });

  it('an apostrophe forces text and is not stored', () => {
    const { sh } = blank();
    sh.getRange('A1').setValue("'00123");
    expect(sh.getRange('A1').getValue()).toBe('00123');
  });

  it('formulas: stored, computed when read ("" outside the fake\'s subset), returned by getFormulas', () => {
    const { sh } = blank();
    sh.getRange(1, 1, 1, 4).setValues([['=1+2*3', '=SUM(B2:B9)', '=HYPERLINK("https://x.test","Open")', '=TODAY()']]);
    expect(sh.getRange(1, 1, 1, 4).getValues()).toEqual([[7, 0, 'Open', '']]);
    expect(sh.getRange(1, 1, 1, 3).getFormulas()).toEqual([['=1+2*3', '=SUM(B2:B9)', '=HYPERLINK("https://x.test","Open")']]);
    expect(sh.getRange('A2').getFormula()).toBe('');
    sh.getRange('A2').setFormula('=2+2');
    expect(sh.getRange('A2').getValue()).toBe(4);
    sh.getRange(3, 1, 1, 2).setFormulas([['="a"&"b"', '']]);
    expect(sh.getRange(3, 1, 1, 2).getValues()).toEqual([['ab', '']]);
    expect(sh.getLastRow()).toBe(3);
  });

  it('setValue fills every cell; null and "" clear', () => {
    const { sh } = blank();
    sh.getRange('A1:B2').setValue('x');
    expect(sh.getRange('A1:B2').getValues()).toEqual([['x', 'x'], ['x', 'x']]);
    sh.getRange(1, 1, 1, 2).setValues([[null, '']]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sh.getLastRow()).toBe(2);
  });

  it('refuses text longer than 50,000 characters', () => {
    const { sh } = blank();
    expect(() => sh.getRange('A1').setValue('x'.repeat(50_001))).toThrow(/maximum of 50000 characters/);
  });
});

describe('Range formats and display', () => {
  it('getNumberFormat on a fresh cell is 0.###############', () => {
    const { sh } = blank();
    expect(sh.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('setNumberFormat(s) change the display, not the value', () => {
    const { sh } = blank();
    sh.getRange(1, 1, 1, 4).setValues([[1234.567, 0.125, 46328.5, 7]]);
    sh.getRange(1, 1, 1, 4).setNumberFormats([['#,##0.00', '0.0%', 'yyyy-mm-dd hh:mm', '@']]);
    expect(sh.getRange(1, 1, 1, 4).getDisplayValues()).toEqual([['1,234.57', '12.5%', '2026-11-02 12:00', '7']]);
    expect(sh.getRange('A1').getValue()).toBe(1234.567);
    expect(sh.getRange(1, 1, 1, 2).getNumberFormats()).toEqual([['#,##0.00', '0.0%']]);
  });

  it('displays dates in the spreadsheet time zone, with the locale default for unformatted cells', () => {
    const { sh, ss } = blank();
    sh.getRange('A1').setValue(new Date('2026-07-01T12:00:00Z'));
    expect(sh.getRange('A1').getDisplayValue()).toBe('01/07/2026 13:00:00');
    ss.setSpreadsheetTimeZone('UTC');
    expect(sh.getRange('A1').getDisplayValue()).toBe('01/07/2026 13:00:00'); // the wall clock is what is stored
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('clear() drops contents and formats; clearContent() keeps formats; clearFormat() keeps values', () => {
    const { sh } = blank();
    const r = sh.getRange('A1');
    r.setValue(5).setNumberFormat('0.00').setBackground('#eeeeee');
    r.clearContent();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground()]).toEqual(['', '0.00', '#eeeeee']);
    r.setValue(5);
    r.clearFormat();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground()]).toEqual([5, '0.###############', '#ffffff']);
    r.setNumberFormat('0.00');
    r.clear();
    expect([r.getValue(), r.getNumberFormat()]).toEqual(['', '0.###############']);
    expect(r.clearContents).toBeUndefined();
  });

  it('stores styles and notes', () => {
    const { sh } = blank();
    const r = sh.getRange('A1:B1').setFontWeight('bold').setFontColor('#333333').setWrap(true).setHorizontalAlignment('center').setNote('hi');
    expect([r.getFontWeight(), r.getFontColor(), r.getWrap(), r.getHorizontalAlignment(), r.getNote()]).toEqual(['bold', '#333333', true, 'center', 'hi']);
    expect(r.getNotes()).toEqual([['hi', 'hi']]);
  });
});

describe('Range geometry', () => {
  it('reports position, A1 notation, sheet, offset and cells', () => {
    const { sh } = blank();
    const r = sh.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 3, 4, 5, 5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(r.getSheet().getName()).toBe('Sheet1');
    expect(r.offset(1, 1).getA1Notation()).toBe('D3:H6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('D3');
    expect(sh.getRange(1, 27 - 26, 1, 26).getA1Notation()).toBe('A1:Z1');
  });

  it('Range.sort sorts by absolute column numbers', () => {
    const { sh } = blank();
    sh.getRange(1, 2, 3, 2).setValues([['b', 2], ['a', 3], ['c', 1]]);
    sh.getRange(1, 2, 3, 2).sort({ column: 3, ascending: true });
    expect(sh.getRange(1, 2, 3, 2).getValues()).toEqual([['c', 1], ['b', 2], ['a', 3]]);
    sh.getRange(1, 2, 3, 2).sort(2);
    expect(sh.getRange(1, 2, 3, 1).getValues().flat()).toEqual(['a', 'b', 'c']);
  });

  it('activate() makes the range\'s sheet active', () => {
    const { ss } = blank();
    const other = ss.insertSheet('Other');
    ss.setActiveSheet(ss.getSheetByName('Sheet1'));
    other.getRange('A1').activate();
    expect(ss.getActiveSheet().getName()).toBe('Other');
  });
});
