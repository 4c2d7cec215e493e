// WorkbookPort over SpreadsheetApp. Formats go on before values: a string such as "00123" written
// into a cell that is not plain text ('@') is converted to the number 123, as typed input would be
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).

import type { TabColumn, TabDef } from '../../core/tabs';
import type { CellFormat, CellValue, WorkbookPort } from '../../ports/workbook';
import { sheetNamed } from './sheet-named';

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
  const sheet = sheetNamed(SpreadsheetApp.getActiveSpreadsheet(), tab);
  if (!sheet) throw new Error(`The tab "${tab}" is missing. Run "Set up sheets" from the add-on menu.`);
  return sheet;
}

/** Grows the grid so rows up to `lastRow` exist; returns the first row it added (past the end when none). */
function ensureRows(sheet: Sheet, lastRow: number): number {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
  return max + 1;
}

/**
 * The formats a write still has to set. A column's own number format (the same for every row
 * written) was set over the whole grid when the tab or column was made (styleColumn) and on every
 * row added since, so rewriting rows inside the grid does not set it again: at 100,000 rows that
 * would double the cells a write touches. Plain text ('@') is set every time all the same, so an
 * identifier such as "00123" can never land in a cell someone reformatted; per-row formats (the
 * Settings tab's Value column) and tick boxes are set as before.
 */
function formatsToSet(row: number, rowCount: number, width: number, firstNew: number, formatAt: FormatAt): FormatAt {
  const uniform: boolean[] = [];
  for (let j = 0; j < width; j++) {
    const f = formatAt(0, j);
    let same = true;
    for (let i = 1; i < rowCount && same; i++) same = formatAt(i, j) === f;
    uniform.push(same);
  }
  return (i, j) => {
    const f = formatAt(i, j);
    if (f === 'literal') return undefined;
    if (!f || f === 'text' || f === 'checkbox' || !uniform[j]) return f;
    return row + i >= firstNew ? f : undefined;
  };
}

function ensureColumns(sheet: Sheet, lastColumn: number): void {
  const max = sheet.getMaxColumns();
  if (lastColumn > max) sheet.insertColumnsAfter(max, lastColumn - max);
}

/**
 * Applies one column's format and validation from row 2 to the bottom of the grid (`rows` rows,
 * read once by the caller: a size read after a write commits the pending writes first).
 */
function styleColumn(sheet: Sheet, column: number, col: TabColumn, rows: number): void {
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

/** A cell's wanted format by its offset (row i, column j) in a written span; undefined keeps the cell's own. */
type FormatAt = (i: number, j: number) => CellFormat | undefined;

/**
 * Calls `apply` once per run of consecutive rows of a column that want the same format, so a
 * column with one format costs one call whatever the row count, and a column whose cells differ
 * (the Settings tab's Value column) one call per run.
 */
function eachRun(rowCount: number, width: number, formatAt: FormatAt, apply: (i: number, j: number, count: number, f: NonNullable<CellFormat>) => void): void {
  for (let j = 0; j < width; j++) {
    for (let i = 0; i < rowCount; ) {
      const f = formatAt(i, j);
      let end = i + 1;
      while (end < rowCount && formatAt(end, j) === f) end++;
      if (f) apply(i, j, end - i, f);
      i = end;
    }
  }
}

/** Number formats go on before values: "00123" must land in a cell that is already plain text. */
function setNumberFormats(sheet: Sheet, row: number, rowCount: number, width: number, formatAt: FormatAt, column = 1): void {
  eachRun(rowCount, width, formatAt, (i, j, count, f) => {
    if (f !== 'checkbox' && f !== 'literal') sheet.getRange(row + i, column + j, count, 1).setNumberFormat(NUMBER_FORMATS[f]);
  });
}

/**
 * Each column's own number format over `rowCount` rows from `row`, as rows new to the grid need it.
 * Plain text is left to the writes, which set it with every value (formatsToSet).
 */
function setColumnFormats(sheet: Sheet, row: number, rowCount: number, columnFormats: ReadonlyArray<CellFormat | undefined>): void {
  setNumberFormats(sheet, row, rowCount, columnFormats.length, (_i, j) => (columnFormats[j] === 'text' || columnFormats[j] === 'literal' ? undefined : columnFormats[j]));
}

/**
 * A literal column (ports/workbook.ts CellFormat) formatted '@' by an earlier version of the tab
 * would keep each value's apostrophe as a character: its '@' is cleared once, over the whole
 * column, when its first data cell still has it. `checked` remembers the columns looked at in this
 * execution, so a run pays one read of a cell per literal column.
 */
function clearPlainTextOfLiterals(sheet: Sheet, columnFormats: ReadonlyArray<CellFormat | undefined>, checked: Set<string>): void {
  columnFormats.forEach((f, j) => {
    if (f !== 'literal') return;
    const column = j + 1;
    const key = `${sheet.getSheetId()}:${column}`;
    if (checked.has(key)) return;
    checked.add(key);
    const rows = sheet.getMaxRows() - 1;
    if (rows < 1 || sheet.getRange(2, column).getNumberFormat() !== NUMBER_FORMATS.text) return;
    sheet.getRange(2, column, rows, 1).clearFormat();
  });
}

/** Tick boxes are data validation on their cells (a Settings row such as "Approve stock push"). */
function setCheckboxes(sheet: Sheet, row: number, rowCount: number, width: number, formatAt: FormatAt, column = 1): void {
  eachRun(rowCount, width, formatAt, (i, j, count, f) => {
    if (f === 'checkbox') sheet.getRange(row + i, column + j, count, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  });
}

/** Rows padded to one width, as setValues needs a rectangle. */
function rectangle(rows: readonly CellValue[][], width: number): CellValue[][] {
  return rows.map((r) => (r.length === width ? r : [...r, ...new Array<CellValue>(width - r.length).fill('')]));
}

const widthOf = (rows: readonly CellValue[][]): number => rows.reduce((w, r) => Math.max(w, r.length), 0);

function writeBlock(sheet: Sheet, row: number, rows: CellValue[][], cellFormats?: Array<Array<CellFormat | undefined>>): void {
  if (rows.length === 0) return;
  const width = widthOf(rows);
  const firstNew = ensureRows(sheet, row + rows.length - 1);
  ensureColumns(sheet, width);
  const formatAt = formatsToSet(row, rows.length, width, firstNew, (i, j) => cellFormats?.[i]?.[j]);
  if (cellFormats) setNumberFormats(sheet, row, rows.length, width, formatAt);
  sheet.getRange(row, 1, rows.length, width).setValues(rectangle(rows, width));
  if (cellFormats) setCheckboxes(sheet, row, rows.length, width, formatAt);
}

/** From A1 to the last row and column with content; null on an empty sheet. */
function usedRange(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Range | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  return lastRow === 0 || lastColumn === 0 ? null : sheet.getRange(1, 1, lastRow, lastColumn);
}

export function gasWorkbook(): WorkbookPort {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  /** Literal columns already looked at for an old '@' in this execution (clearPlainTextOfLiterals). */
  const literalsChecked = new Set<string>();
  const clearLiterals = (sheet: Sheet, formats: ReadonlyArray<CellFormat | undefined> | undefined) => {
    if (formats) clearPlainTextOfLiterals(sheet, formats, literalsChecked);
  };
  return {
    tabNames: () => ss.getSheets().map((s) => s.getName()),

    readHeader(tab) {
      const sheet = sheetNamed(ss, tab);
      if (!sheet) return null;
      const lastColumn = sheet.getLastColumn();
      if (lastColumn === 0) return [];
      return sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as CellValue[];
    },

    read(tab) {
      const sheet = sheetNamed(ss, tab);
      if (!sheet) return null;
      const used = usedRange(sheet);
      return used ? (used.getValues() as CellValue[][]) : [];
    },

    readShown(tab) {
      const sheet = sheetNamed(ss, tab);
      if (!sheet) return null;
      const used = usedRange(sheet);
      return used ? used.getDisplayValues() : [];
    },

    readShownColumn(tab, column) {
      const sheet = sheetNamed(ss, tab);
      if (!sheet) return null;
      const lastRow = sheet.getLastRow();
      if (lastRow < 2 || column > sheet.getMaxColumns()) return [];
      return sheet.getRange(2, column, lastRow - 1, 1).getDisplayValues().map((r) => r[0] ?? '');
    },

    readColumn(tab, column) {
      const sheet = sheetNamed(ss, tab);
      if (!sheet) return null;
      const lastRow = sheet.getLastRow();
      if (lastRow < 2 || column > sheet.getMaxColumns()) return [];
      return sheet.getRange(2, column, lastRow - 1, 1).getValues().map((r) => r[0] as CellValue);
    },

    createTab(def: TabDef, rows, cellFormats) {
      const sheet = ss.insertSheet(def.name);
      // A new sheet has 26 columns; a wider tab needs its columns before they can be styled.
      ensureColumns(sheet, def.columns.length);
      const gridRows = sheet.getMaxRows();
      def.columns.forEach((col, i) => styleColumn(sheet, i + 1, col, gridRows));
      const header = sheet.getRange(1, 1, 1, def.columns.length);
      header.setValues([def.columns.map((c) => c.header)]);
      header.setFontWeight('bold');
      sheet.setFrozenRows(1);
      if (def.addOnOwned) {
        sheet.protect().setWarningOnly(true).setDescription('Written by FBA 3PL Sync: edits here are overwritten on the next run.');
      }
      if (def.hidden) sheet.hideSheet();
      writeBlock(sheet, 2, rows, cellFormats);
    },

    appendRows(tab, rows, cellFormats) {
      const sheet = sheetOrThrow(tab);
      clearLiterals(sheet, cellFormats?.[0]);
      writeBlock(sheet, sheet.getLastRow() + 1, rows, cellFormats);
    },

    addColumns(tab, startColumn, columns) {
      const sheet = sheetOrThrow(tab);
      ensureColumns(sheet, startColumn + columns.length - 1);
      const gridRows = sheet.getMaxRows();
      columns.forEach((col, i) => styleColumn(sheet, startColumn + i, col, gridRows));
      sheet.getRange(1, startColumn, 1, columns.length).setValues([columns.map((c) => c.header)]).setFontWeight('bold');
    },

    replaceRows(tab, rows, cellFormats) {
      const sheet = sheetOrThrow(tab);
      const previous = Math.max(0, sheet.getLastRow() - 1);
      clearLiterals(sheet, cellFormats?.[0]);
      writeBlock(sheet, 2, rows, cellFormats);
      if (previous > rows.length) {
        sheet.getRange(2 + rows.length, 1, previous - rows.length, Math.max(1, sheet.getLastColumn())).clearContent();
      }
    },

    writeRows(tab, blocks, columnFormats) {
      const written = blocks.filter((b) => b.rows.length > 0);
      if (written.length === 0) return;
      const sheet = sheetOrThrow(tab);
      // reduce, not Math.max(...): thousands of arguments can overflow the call stack.
      const last = written.reduce((m, b) => Math.max(m, b.row + b.rows.length - 1), 0);
      const right = written.reduce((m, b) => Math.max(m, (b.column ?? 1) + widthOf(b.rows) - 1), 0);
      const firstNew = ensureRows(sheet, last);
      ensureColumns(sheet, right);
      clearLiterals(sheet, columnFormats);
      // Rows added to the grid get each column's own number format at once, over every added row: a
      // block may leave a column out where its cells are blank, and a value written there later
      // (inside the grid, so without its format again) must show as the column shows its values.
      if (columnFormats && last >= firstNew) setColumnFormats(sheet, firstNew, last - firstNew + 1, columnFormats);
      // Formats per block, not over the span from the first block to the last: a span would touch
      // every unchanged row between them, and far-apart blocks on a 100,000-row tab span it all.
      for (const b of written) {
        // Each block as wide as its own rows: padding a narrow block would blank the cells right of it.
        const col = b.column ?? 1;
        const width = widthOf(b.rows);
        // The rows added to the grid have their uniform formats already (above): none is new here.
        const formatAt = formatsToSet(b.row, b.rows.length, width, Number.POSITIVE_INFINITY, (_i, j) => columnFormats?.[col - 1 + j]);
        if (columnFormats) setNumberFormats(sheet, b.row, b.rows.length, width, formatAt, col);
        sheet.getRange(b.row, col, b.rows.length, width).setValues(rectangle(b.rows, width));
        if (columnFormats) setCheckboxes(sheet, b.row, b.rows.length, width, formatAt, col);
      }
    },

    rearrangeRows(tab, deletes, inserts, columnFormats) {
      if (deletes.length === 0 && inserts.length === 0) return;
      const sheet = sheetOrThrow(tab);
      // Before rows are inserted: they would take an old '@' from their neighbours.
      clearLiterals(sheet, columnFormats);
      for (const d of deletes) sheet.deleteRows(d.row, d.count);
      for (const ins of inserts) {
        sheet.insertRowsBefore(ins.row, ins.count);
        // Rows inserted take whatever format their neighbour had, or none: each column's own goes on,
        // as on rows added to the grid (writeRows sets plain text and tick boxes with the values).
        if (columnFormats) setColumnFormats(sheet, ins.row, ins.count, columnFormats);
      }
    },

    flush() {
      SpreadsheetApp.flush();
    },

    writeCell(tab, row, column, value) {
      sheetOrThrow(tab).getRange(row, column).setValue(value);
    },
  };
}
