// Cell formulas recalculated on read: the functions the fake knows (MAX, MIN, MAXIFS, MINIFS, COUNTIFS,
// IFERROR, DATE, TIME…), error values as getValues returns them, references to other tabs (renamed,
// deleted), dates in the spreadsheet's time zone, inferred date formats, the exported workbook, and the
// untouched read path of tabs without formulas.
// https://support.google.com/docs/table/25273 (function list);
// https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';

const serial = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number =>
  (Date.UTC(y, m - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** One tab "Data" with rows of values, and a fresh "Calc" tab to write formulas on. */
function book(rows: unknown[][] = [], opts: { timeZone?: string } = {}) {
  const f = openFake({ tabs: { Data: rows.length ? rows : [['']], Calc: [['']] }, ...opts });
  const calc = f.ss.getSheetByName('Calc');
  /** Writes `formula` into Calc!A1 and returns what getValue shows. */
  const value = (formula: string): unknown => {
    calc.getRange('A1').setFormula(formula);
    return calc.getRange('A1').getValue();
  };
  return { ...f, calc, value };
}

const PRODUCT_FORMULA =
  `=MAX(DATE(2026,12,1)+TIME(19,0,5),IFERROR(MAXIFS('Sync Log'!$D:$D,'Sync Log'!$B:$B,"stock",'Sync Log'!$E:$E,"ok"),0),` +
  `IFERROR(MAXIFS('Sync Log'!$D:$D,'Sync Log'!$B:$B,"stock",'Sync Log'!$E:$E,"held"),0))`;

describe('cell formula functions', () => {
  const data = [
    ['Job', 'Qty', 'State', 'Note'],
    ['stock', 5, 'ok', 'a'],
    ['orders', 12, 'OK', 'b'],
    ['stock', 9, 'held', ''],
    ['stock', 'n/a', 'ok', 'c'],
    ['Stock', -2, 'ok', 'd'],
  ];

  it('MAX and MIN skip text and blanks in ranges; nothing numeric gives 0; text given directly is #VALUE!', () => {
    const { value } = book(data);
    expect(value('=MAX(Data!B:B)')).toBe(12);
    expect(value('=MIN(Data!B2:B6)')).toBe(-2);
    expect(value('=MAX(Data!A:A)')).toBe(0);
    expect(value('=MAX(Data!B2, 3, Data!C2)')).toBe(5);
    expect(value('=MIN(Data!D:D, 4)')).toBe(4);
    expect(value('=MAX("abc", 1)')).toBe('#VALUE!');
    expect(value('=MAX(Data!B:B, 1/0)')).toBe('#DIV/0!');
  });

  it('MAXIFS and MINIFS match every criterion like COUNTIF (case, operators, wildcards); no match is 0', () => {
    const { value } = book(data);
    expect(value('=MAXIFS(Data!B:B, Data!A:A, "stock", Data!C:C, "ok")')).toBe(5); // 'Stock' matches too, -2 < 5
    expect(value('=MINIFS(Data!B:B, Data!A:A, "stock", Data!C:C, "ok")')).toBe(-2);
    expect(value('=MAXIFS(Data!B2:B6, Data!B2:B6, "<9")')).toBe(5);
    expect(value('=MAXIFS(Data!B:B, Data!A:A, "st*", Data!C:C, "h?ld")')).toBe(9);
    expect(value('=MAXIFS(Data!B:B, Data!A:A, "returns")')).toBe(0);
    expect(value('=MINIFS(Data!B:B, Data!C:C, "nothing")')).toBe(0);
  });

  it('MAXIFS, MINIFS and COUNTIFS need ranges of one size (#VALUE!) and pairs of arguments (#N/A)', () => {
    const { value } = book(data);
    expect(value('=MAXIFS(Data!B2:B6, Data!A2:A5, "stock")')).toBe('#VALUE!');
    expect(value('=MINIFS(Data!B:B, Data!A1:A1000, "stock")')).toBe(value('=MINIFS(Data!B:B, Data!A:A, "stock")'));
    expect(value('=COUNTIFS(Data!A:A, "stock", Data!B1:C1000, ">0")')).toBe('#VALUE!');
    expect(value('=MAXIFS(Data!B:B, Data!A:A)')).toBe('#N/A');
    expect(value('=COUNTIFS(Data!A:A)')).toBe('#N/A');
  });

  it('COUNTIFS counts rows where every criterion holds, blanks included when a criterion matches blanks', () => {
    const { value } = book(data);
    expect(value('=COUNTIFS(Data!A:A, "stock", Data!C:C, "ok")')).toBe(3);
    expect(value('=COUNTIFS(Data!A2:A6, "stock", Data!B2:B6, ">4")')).toBe(2);
    expect(value('=COUNTIFS(Data!D1:D10, "")')).toBe(5); // D5 and the four rows past the data
    expect(value('=COUNTIF(Data!A1:A10, "")')).toBe(4);
  });

  it('IFERROR gives the fallback for any error, blank without one, and the value otherwise', () => {
    const { value, calc } = book(data);
    expect(value('=IFERROR(1/0, "none")')).toBe('none');
    expect(value('=IFERROR(MAXIFS(Data!B:B, Data!A:A, "stock", Data!C1:C2, "ok"), 0)')).toBe(0);
    expect(value('=IFERROR(Nope!A1, 7)')).toBe(7);
    expect(value('=IFERROR(#N/A)')).toBe('');
    expect(calc.getRange('A1').getDisplayValue()).toBe('');
    expect(value('=IFERROR(Data!B3, 0)')).toBe(12);
    expect(value('=IFERROR(1)')).toBe(1);
    expect(value('=IFERROR()')).toBe('#N/A');
  });

  it('DATE is a serial day from 1899-12-30: months and days roll over, years 0-1899 add 1900, text is #VALUE!', () => {
    const { value, calc } = book();
    calc.getRange('A1').setNumberFormat('0.######');
    expect(value('=DATE(2026,12,1)')).toBe(46357);
    expect(value('=DATE(1969,13,1)')).toBe(serial(1970, 1, 1));
    expect(value('=DATE(1969,1,32)')).toBe(serial(1969, 2, 1));
    expect(value('=DATE(2026,0,0)')).toBe(serial(2025, 11, 30));
    expect(value('=DATE(119,2,1)')).toBe(serial(2019, 2, 1));
    expect(value('=DATE(2026,12.75,1.9)')).toBe(46357);
    expect(value('=DATE(-1,1,1)')).toBe('#NUM!');
    expect(value('=DATE(10000,1,1)')).toBe('#NUM!');
    expect(value('=DATE("2026",1,1)')).toBe('#VALUE!');
    expect(value('=DATE(2026,1)')).toBe('#N/A');
  });

  it('TIME is a fraction of a day that wraps past midnight; decimals are truncated', () => {
    const { value, calc } = book();
    calc.getRange('A1').setNumberFormat('0.############');
    expect(value('=TIME(19,0,5)')).toBe((19 * 3600 + 5) / 86_400);
    expect(value('=TIME(25,0,0)')).toBe(1 / 24);
    expect(value('=TIME(12,0,60)')).toBe((12 * 60 + 1) / 1440);
    expect(value('=TIME(12.75,0,0)')).toBe(0.5);
    expect(value('=TIME(-1,0,0)')).toBe('#NUM!');
    expect(value('=TIME("1",0,0)')).toBe('#VALUE!');
  });

  it('errors read as their text through getValues and getDisplayValues', () => {
    const { calc } = book(data);
    calc.getRange('A1:F1').setFormulas([['=Nope!A1', '=1+"x"', '=#N/A', '=1/0', '=DATE(1,2)', '=A1']]);
    const errors = ['#REF!', '#VALUE!', '#N/A', '#DIV/0!', '#N/A', '#REF!'];
    expect(calc.getRange('A1:F1').getValues()).toEqual([errors]);
    expect(calc.getRange('A1:F1').getDisplayValues()).toEqual([errors]);
  });

  it('a formula outside the subset reads as "" and keeps its text', () => {
    const { value, calc } = book(data);
    expect(value('=TODAY()')).toBe('');
    expect(value('=VLOOKUP("stock", Data!A:B, 2, FALSE)')).toBe('');
    expect(value('=MAX(NOW(), 1)')).toBe('');
    expect(calc.getRange('A1').getFormula()).toBe('=MAX(NOW(), 1)');
  });

  it('a cell that depends on itself is #REF! (circular dependency)', () => {
    const { calc } = book();
    calc.getRange('A1:B1').setFormulas([['=B1+1', '=A1+1']]);
    calc.getRange('C1').setFormula('=C1');
    expect(calc.getRange('A1:C1').getValues()).toEqual([['#REF!', '#REF!', '#REF!']]);
  });
});

describe('references to other tabs', () => {
  it('reads quoted, bare and doubled-quote tab names, whole columns and whole rows', () => {
    const { ss, value } = book([['x', 1, 2], ['y', 3, 4]]);
    ss.insertSheet("It's").getRange('A1:B2').setValues([[10, 20], [30, 40]]);
    ss.insertSheet('Sync Log').getRange('D1:D3').setValues([['When'], [5], [8]]);
    expect(value('=Data!B1')).toBe(1);
    expect(value('=data!C2')).toBe(4); // tab names match ignoring case, as they clash ignoring case
    expect(value("=MAX('It''s'!A1:B2)")).toBe(40);
    expect(value("=MAX('Sync Log'!$D:$D)")).toBe(8);
    expect(value('=MAX(Data!2:2)')).toBe(4);
    expect(value('=MIN(Data!$1:$2)')).toBe(1);
    expect(value("=Data!A1&'It''s'!A2")).toBe('x30');
  });

  it('a tab that does not exist is #REF!, and becomes readable once the tab is created', () => {
    const { ss, value, calc } = book();
    expect(value("='Later'!A1+1")).toBe('#REF!');
    ss.insertSheet('Later').getRange('A1').setValue(41);
    expect(calc.getRange('A1').getValue()).toBe(42);
  });

  it('recalculates after the referenced tab changes (appendRow, setValue, clear)', () => {
    const { ss, calc } = book();
    const log = ss.insertSheet('Log');
    log.appendRow(['Job', 'Qty']);
    calc.getRange('A1').setFormula('=IFERROR(MAXIFS(Log!B:B, Log!A:A, "stock"), -1)');
    calc.getRange('A2').setFormula('=A1*2');
    expect(calc.getRange('A1:A2').getValues()).toEqual([[0], [0]]);
    log.appendRow(['stock', 7]);
    expect(calc.getRange('A1:A2').getValues()).toEqual([[7], [14]]);
    log.appendRow(['stock', 11]);
    log.appendRow(['orders', 99]);
    expect(calc.getRange('A1:A2').getValues()).toEqual([[11], [22]]);
    log.getRange('B3').setValue(3);
    expect(calc.getRange('A1').getValue()).toBe(7);
    log.clear();
    expect(calc.getRange('A1').getValue()).toBe(0);
  });

  it('deleting a tab turns references to it into #REF!, for good', () => {
    const { ss, calc } = book();
    ss.insertSheet('Gone').getRange('A1').setValue(5);
    calc.getRange('A1:B1').setFormulas([["='Gone'!A1*2", '=IFERROR(MAX(Gone!A:A, 1), -1)']]);
    expect(calc.getRange('A1:B1').getValues()).toEqual([[10, 5]]);
    ss.deleteSheet(ss.getSheetByName('Gone'));
    expect(calc.getRange('A1:B1').getValues()).toEqual([['#REF!', -1]]);
    expect(calc.getRange('A1:B1').getFormulas()).toEqual([['=#REF!*2', '=IFERROR(MAX(#REF!, 1), -1)']]);
    ss.insertSheet('Gone').getRange('A1').setValue(5);
    expect(calc.getRange('A1').getValue()).toBe('#REF!');
  });

  it('renaming a tab rewrites the formulas that name it; string literals are left alone', () => {
    const { ss, calc } = book([['stock', 4]]);
    calc.getRange('A1:C1').setFormulas([['=Data!B1+1', '=COUNTIFS(Data!A:A, "Data!A1")', "='Data'!B1&\"Data!B1\""]]);
    ss.getSheetByName('Data').setName('Sync Log');
    expect(calc.getRange('A1:C1').getFormulas()).toEqual([["='Sync Log'!B1+1", "=COUNTIFS('Sync Log'!A:A, \"Data!A1\")", "='Sync Log'!B1&\"Data!B1\""]]);
    expect(calc.getRange('A1:C1').getValues()).toEqual([[5, 0, '4Data!B1']]);
    ss.getSheetByName('Sync Log').setName("Bob's");
    expect(calc.getRange('A1').getFormula()).toBe("='Bob''s'!B1+1");
    ss.getSheetByName("Bob's").setName('Plain_1');
    expect(calc.getRange('A1').getFormula()).toBe('=Plain_1!B1+1');
    expect(calc.getRange('A1').getValue()).toBe(5);
  });
});

describe('dates and formats of formula results', () => {
  function syncLog(timeZone = 'Europe/London') {
    const f = openFake({ tabs: { Dashboard: [['Last stock sync']] }, timeZone });
    const log = f.ss.insertSheet('Sync Log');
    log.getRange('A1:E1').setValues([['Run', 'Job', 'Detail', 'When', 'Outcome']]);
    const dash = f.ss.getSheetByName('Dashboard');
    dash.getRange('B:B').setNumberFormat('yyyy-mm-dd hh:mm:ss');
    return { ...f, log, dash };
  }

  it('cross-tab MAXIFS over Dates written with setValues reads back as a Date in a date-time cell, and follows appends', () => {
    const { log, dash, model } = syncLog();
    const ok = new Date('2026-12-03T08:15:00Z');
    const held = new Date('2026-12-04T10:00:30Z');
    log.getRange('A2:E4').setValues([
      ['r1', 'stock', '', ok, 'ok'],
      ['r2', 'orders', '', new Date('2026-12-09T00:00:00Z'), 'ok'],
      ['r3', 'stock', '', held, 'held'],
    ]);
    dash.getRange('B1').setValue(PRODUCT_FORMULA);
    const v = dash.getRange('B1').getValue() as Date;
    expect(Object.prototype.toString.call(v)).toBe('[object Date]');
    expect(v.getTime()).toBe(held.getTime());
    expect(dash.getRange('B1').getDisplayValue()).toBe('2026-12-04 10:00:30');
    expect(dash.getRange('B1').getFormula()).toBe(PRODUCT_FORMULA);

    const later = new Date('2026-12-05T06:00:00Z');
    log.appendRow(['r4', 'stock', '', later, 'ok']);
    expect((dash.getRange('B1').getValues()[0]![0] as Date).getTime()).toBe(later.getTime());
    expect(model.cell('Dashboard', 1, 2)).toEqual(later);
  });

  it('with no runs logged, the DATE()+TIME() floor wins', () => {
    const { dash } = syncLog();
    dash.getRange('B1').setFormulas([[PRODUCT_FORMULA]]);
    expect((dash.getRange('B1').getValue() as Date).toISOString()).toBe('2026-12-01T19:00:05.000Z');
  });

  it('DATE()+TIME() and stored Dates compare on the wall clock of the spreadsheet time zone', () => {
    const { log, dash } = syncLog('America/New_York');
    // 19:30 in New York on 1 December is 00:30 UTC on the 2nd: later than the 19:00:05 floor.
    const run = new Date('2026-12-02T00:30:00Z');
    log.getRange('A2:E2').setValues([['r1', 'stock', '', run, 'ok']]);
    dash.getRange('B1').setValue(PRODUCT_FORMULA);
    expect((dash.getRange('B1').getValue() as Date).getTime()).toBe(run.getTime());
    // 18:00 New York time is before the floor, which reads back as 19:00:05 New York time.
    log.getRange('D2').setValue(new Date('2026-12-01T23:00:00Z'));
    expect((dash.getRange('B1').getValue() as Date).toISOString()).toBe('2026-12-02T00:00:05.000Z');
  });

  it('an unformatted cell takes a date format from DATE, TIME and MAX/MAXIFS over date cells', () => {
    const { ss, model } = openFake({ tabs: { Calc: [['']] } });
    const calc = ss.getSheetByName('Calc');
    const log = ss.insertSheet('Log');
    log.getRange('A1:B3').setValues([['Job', 'When'], ['stock', new Date('2026-11-02T08:00:00Z')], ['stock', new Date('2026-11-03T09:30:00Z')]]);
    calc.getRange('A1:A7').setFormulas([
      ['=DATE(2026,12,1)'], ['=TIME(19,0,5)'], ['=DATE(2026,12,1)+TIME(19,0,5)'], ['=MAX(Log!B:B)'],
      ['=MAXIFS(Log!B:B, Log!A:A, "stock")'], ['=Log!B2-Log!B3'], ['=MAX(1, 2)'],
    ]);
    expect(calc.getRange('A1:A7').getDisplayValues()).toEqual([
      ['01/12/2026'], ['19:00:05'], ['01/12/2026 19:00:05'], ['03/11/2026 09:30:00'], ['03/11/2026 09:30:00'], ['-1.0625'], ['2'],
    ]);
    const values = calc.getRange('A1:A7').getValues().map((r: unknown[]) => r[0]);
    expect(values.slice(0, 5).every((v: unknown) => Object.prototype.toString.call(v) === '[object Date]')).toBe(true);
    expect((values[3] as Date).toISOString()).toBe('2026-11-03T09:30:00.000Z');
    expect(values.slice(5)).toEqual([-1.0625, 2]);
    // The inferred format is the cell's computed one; getNumberFormat still reports the cell's own (none).
    expect(calc.getRange('A1').getNumberFormat()).toBe('0.###############');
    expect(model.exportSheet('Calc')!.numberFormats[0]).toEqual(['General']);
  });
});

describe('formula results elsewhere in the fake', () => {
  it('the exported workbook shows computed values, display text and formulas; HYPERLINK stays a link', () => {
    const { ss, model } = openFake({ tabs: { Dashboard: [['Total', '']], Data: [['Qty'], [3], [4]] } });
    const dash = ss.getSheetByName('Dashboard');
    dash.getRange('B1').setFormula('=MAX(Data!A:A)*10');
    dash.getRange('A2').setFormula('=HYPERLINK("https://x.example/" & Data!A2, "Open " & Data!A3)');
    const x = model.exportSheet('Dashboard')!;
    expect(x.values).toEqual([['Total', 40], ['Open 4', '']]);
    expect(x.displayValues).toEqual([['Total', '40'], ['Open 4', '']]);
    expect(x.formulas).toEqual([['', '=MAX(Data!A:A)*10'], ['=HYPERLINK("https://x.example/" & Data!A2, "Open " & Data!A3)', '']]);
    expect(x.links).toEqual([{ a1: 'A2', row: 2, column: 1, text: 'Open 4', url: 'https://x.example/3', source: 'formula' }]);
    expect(model.toDisplayJson()['Dashboard']).toEqual([['Total', '40'], ['Open 4', '']]);
    ss.getSheetByName('Data').getRange('A3').setValue(9);
    expect(model.exportSheet('Dashboard')!.values).toEqual([['Total', 90], ['Open 9', '']]);
  });

  it('conditional formats and sorting see computed values', () => {
    const { ss, app, model } = openFake({ tabs: { Calc: [['A'], ['B'], ['C']] } });
    const calc = ss.getSheetByName('Calc');
    calc.getRange('B1:B3').setFormulas([['=3'], ['=1'], ['=2']]);
    calc.setConditionalFormatRules([app.newConditionalFormatRule().whenNumberGreaterThan(1).setBackground('#ff0000').setRanges([calc.getRange('B1:B3')]).build()]);
    expect(model.rowsFormatted('Calc', { background: '#ff0000' })).toEqual([1, 3]);
    calc.getRange('A1:B3').sort(2);
    expect(calc.getRange('A1:B3').getValues()).toEqual([['B', 1], ['C', 2], ['A', 3]]);
    expect(calc.getRange('B1:B3').getFormulas()).toEqual([['=1'], ['=2'], ['=3']]);
    expect(model.sheet('Calc')!.formulaCount).toBe(3);
  });

  it('tabs without formulas keep the plain read path: the formula count is exact', () => {
    const { ss, model } = openFake({ tabs: { Big: Array.from({ length: 2000 }, (_, i) => [i, `sku-${i}`, i % 2 === 0]) } });
    const big = ss.getSheetByName('Big');
    const data = model.sheet('Big')!;
    expect(data.formulaCount).toBe(0);
    expect(big.getRange(1, 1, 3, 3).getValues()).toEqual([[0, 'sku-0', true], [1, 'sku-1', false], [2, 'sku-2', true]]);
    big.getRange('D1:D4').setFormulas([['=A2'], ['=A3'], ['=A4'], ['=A5']]);
    expect(data.formulaCount).toBe(4);
    expect(big.getRange('D1:D2').getValues()).toEqual([[1], [2]]);
    big.getRange('D1').setValue(7); // a value replaces the formula
    big.getRange(2, 4, 1, 1).setValues([['x']]); // so does setValues' fast path
    expect(data.formulaCount).toBe(2);
    big.deleteRow(3);
    expect(data.formulaCount).toBe(1);
    big.getRange('D4').setFormula('=1');
    big.getRange('C1:D10').clearContent();
    expect(data.formulaCount).toBe(0);
    big.getRange('E5').setFormula('=1');
    big.deleteColumn(5);
    expect(data.formulaCount).toBe(0);
  });
});
