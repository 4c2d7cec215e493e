// WorkbookPort over SpreadsheetApp. Formats go on before values: a string such as "00123" written
// into a cell that is not plain text ('@') is converted to the number 123, as typed input would be
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).

import type { TabColumn, TabDef } from '../../core/tabs';
import type { CellFormat, CellValue, WorkbookPort } from '../../ports/workbook';

type Format = TabColumn['format'];
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets number-format patterns (not Java date patterns). */
const NUMBER_FORMATS: Record<NonNullable<Format>, string> = {
  text: '@',
  percent: '0%',
  integer: '0',
  datetime: 'yyyy-mm-dd hh:mm',
  // Two decimals with thousands groups; the currency is its own column, settlements mix none.
  money: '#,##0.00',
};

function sheetOrThrow(tab: string): Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`The tab "${tab}" is missing. Run "Set up sheets" from the add-on menu.`);
  return sheet;
}

/** Grows the grid so rows up to `lastRow` exist. */
function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}

function ensureColumns(sheet: Sheet, lastColumn: number): void {
  const max = sheet.getMaxColumns();
  if (lastColumn > max) sheet.insertColumnsAfter(max, lastColumn - max);
}

/** Applies one column's format and validation from row 2 to the bottom of the grid. */
function styleColumn(sheet: Sheet, column: number, col: TabColumn): void {
  const rows = sheet.getMaxRows();
  if (col.format) sheet.getRange(1, column, rows, 1).setNumberFormat(NUMBER_FORMATS[col.format]);
  if (col.validation && rows > 1) {
    const builder = SpreadsheetApp.newDataValidation();
    const rule =
      col.validation === 'checkbox'
        ? builder.requireCheckbox().build()
        : builder
            .requireValueInList([...col.validation.list], true)
            .setAllowInvalid(false)
            .setHelpText(`One of: ${col.validation.list.join(', ')}`)
            .build();
    sheet.getRange(2, column, rows - 1, 1).setDataValidation(rule);
  }
  if (col.width) sheet.setColumnWidth(column, col.width);
}

function writeBlock(sheet: Sheet, row: number, rows: CellValue[][], cellFormats?: Array<Array<CellFormat | undefined>>): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => (r.length === width ? r : [...r, ...new Array<CellValue>(width - r.length).fill('')]));
  ensureRows(sheet, row + grid.length - 1);
  ensureColumns(sheet, width);
  const range = sheet.getRange(row, 1, grid.length, width);
  if (cellFormats) {
    const current = range.getNumberFormats();
    range.setNumberFormats(
      current.map((r, i) => r.map((f, j) => {
        const wanted = cellFormats[i]?.[j];
        return wanted && wanted !== 'checkbox' ? NUMBER_FORMATS[wanted] : f;
      })),
    );
  }
  range.setValues(grid);
  // Tick boxes are data validation on single cells (a Settings row such as "Approve stock push").
  cellFormats?.forEach((formats, i) =>
    formats.forEach((f, j) => {
      if (f === 'checkbox') range.getCell(i + 1, j + 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    }),
  );
}

export function gasWorkbook(): WorkbookPort {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    tabNames: () => ss.getSheets().map((s) => s.getName()),

    readHeader(tab) {
      const sheet = ss.getSheetByName(tab);
      if (!sheet) return null;
      const lastColumn = sheet.getLastColumn();
      if (lastColumn === 0) return [];
      return sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as CellValue[];
    },

    read(tab) {
      const sheet = ss.getSheetByName(tab);
      if (!sheet) return null;
      const lastRow = sheet.getLastRow();
      const lastColumn = sheet.getLastColumn();
      if (lastRow === 0 || lastColumn === 0) return [];
      return sheet.getRange(1, 1, lastRow, lastColumn).getValues() as CellValue[][];
    },

    createTab(def: TabDef, rows, cellFormats) {
      const sheet = ss.insertSheet(def.name);
      // A new sheet has 26 columns; a wider tab needs its columns before they can be styled.
      ensureColumns(sheet, def.columns.length);
      def.columns.forEach((col, i) => styleColumn(sheet, i + 1, col));
      const header = sheet.getRange(1, 1, 1, def.columns.length);
      header.setValues([def.columns.map((c) => c.header)]);
      header.setFontWeight('bold');
      sheet.setFrozenRows(1);
      if (def.addOnOwned) {
        sheet.protect().setWarningOnly(true).setDescription('Written by FBA 3PL Sync: edits here are overwritten on the next run.');
      }
      writeBlock(sheet, 2, rows, cellFormats);
    },

    appendRows(tab, rows, cellFormats) {
      const sheet = sheetOrThrow(tab);
      writeBlock(sheet, sheet.getLastRow() + 1, rows, cellFormats);
    },

    addColumns(tab, startColumn, columns) {
      const sheet = sheetOrThrow(tab);
      ensureColumns(sheet, startColumn + columns.length - 1);
      columns.forEach((col, i) => styleColumn(sheet, startColumn + i, col));
      sheet.getRange(1, startColumn, 1, columns.length).setValues([columns.map((c) => c.header)]).setFontWeight('bold');
    },

    replaceRows(tab, rows, cellFormats) {
      const sheet = sheetOrThrow(tab);
      const previous = Math.max(0, sheet.getLastRow() - 1);
      writeBlock(sheet, 2, rows, cellFormats);
      if (previous > rows.length) {
        sheet.getRange(2 + rows.length, 1, previous - rows.length, Math.max(1, sheet.getLastColumn())).clearContent();
      }
    },

    writeCell(tab, row, column, value) {
      sheetOrThrow(tab).getRange(row, column).setValue(value);
    },

    writeColumn(tab, column, values) {
      if (values.length === 0) return;
      const sheet = sheetOrThrow(tab);
      ensureRows(sheet, values.length + 1);
      sheet.getRange(2, column, values.length, 1).setValues(values.map((v) => [v]));
    },
  };
}
