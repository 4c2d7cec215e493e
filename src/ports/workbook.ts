// Workbook port: the few batched operations jobs need on the spreadsheet. Each method is a small,
// fixed number of spreadsheet calls whatever the row count (docs/design.md §4: a job reads a tab once
// and writes it once), one for values and one per formatted column for each block of rows written.

/** One column of a tab as the add-on lays it out (the tabs themselves are listed in core/tabs). */
export interface TabColumn {
  /** How code names the column; never shown. */
  key: string;
  header: string;
  /** '@' plain text keeps "00123" as typed; 'percent' shows 0.5 as 50%; 'datetime' for timestamps; 'money' two decimals. */
  format?: 'text' | 'percent' | 'datetime' | 'integer' | 'money';
  /**
   * Text kept as written without a column format: each value goes out with a leading apostrophe,
   * which Sheets takes as "this is text" and neither stores nor shows (so "00123" keeps its zeros).
   * For a tab people do not type into, where '@' would cost a format cell on every row written.
   */
  literal?: true;
  /** Data validation: a list of allowed values, or a tick box. */
  validation?: { list: readonly string[] } | 'checkbox';
  width?: number;
  /** Former header texts: a tab that still has one is renamed in place, never given a second column. */
  was?: readonly string[];
}

export interface TabDef {
  name: string;
  columns: readonly TabColumn[];
  /** Written by the add-on: protected with a warning so people can still sort and filter. */
  addOnOwned?: boolean;
  /** Kept out of sight: working data of the add-on that people have no reason to read. */
  hidden?: boolean;
}

/**
 * A cell's format when written: a column number format, a tick box (checkbox validation), or
 * 'literal': no format, the value carrying its own leading apostrophe (TabColumn.literal). A cell
 * still formatted '@' (a tab made by an earlier version) would keep that apostrophe as a character,
 * so the adapter clears '@' from such a column before writing it.
 */
export type CellFormat = TabColumn['format'] | 'checkbox' | 'literal';

/** What a cell holds as Apps Script returns it. */
export type CellValue = string | number | boolean | Date;

/** Consecutive rows written in one range, from sheet row `row` (1-based) down. */
export interface RowBlock {
  row: number;
  /** The block's first column (1-based; 1 when absent): cells left of it and right of its rows are left alone. */
  column?: number;
  rows: CellValue[][];
}

/** `count` rows from sheet row `row` (1-based). */
export interface RowSpan {
  row: number;
  count: number;
}

/**
 * Every `tab` argument, here and in the sheet-style and dashboard ports, is found the way people
 * may have renamed it: exactly, else in another case or spacing ("sync  log", core/tabs findTabName);
 * the tab keeps the name people gave it.
 */
export interface WorkbookPort {
  tabNames(): string[];
  /** The header row alone (row 1), for appending to a tab that grows; null when the tab does not exist. */
  readHeader(tab: string): CellValue[] | null;
  /** Every value of the tab, header row first, rectangular; null when the tab does not exist. */
  read(tab: string): CellValue[][] | null;
  /**
   * The values of one column (1-based) from row 2 to the tab's last row: a check over a tall tab
   * (which settlements are in Settlement Lines) without reading its other columns. Null when the tab does not exist.
   */
  readColumn(tab: string, column: number): CellValue[] | null;
  /**
   * Every cell of the tab as people see it (getDisplayValues), header row first; null when the tab does
   * not exist. For small tabs whose values alone hide what was typed: "100%" is the number 1 once entered.
   */
  readShown(tab: string): string[][] | null;
  /**
   * One column (1-based) from row 2 to the tab's last row as people see it (getDisplayValues): for a
   * tall tab whose number cells may hide what was typed ("100%" or "£5" is a plain number once entered).
   */
  readShownColumn(tab: string, column: number): string[] | null;
  /** Creates the tab with its header, frozen row, column formats, validation and widths, then the rows. */
  createTab(def: TabDef, rows: CellValue[][], cellFormats?: Array<Array<CellFormat | undefined>>): void;
  /** Adds rows under the last row with content. `columns` gives each written column's format. */
  appendRows(tab: string, rows: CellValue[][], cellFormats?: Array<Array<CellFormat | undefined>>): void;
  /** Adds header cells right of the last column, with each column's format and validation. */
  addColumns(tab: string, startColumn: number, columns: readonly TabColumn[]): void;
  /**
   * Overwrites the data rows (row 2 on) in one write, clearing rows left over. `cellFormats` are
   * applied first (rows added to the grid carry no format of their own), one call per run of rows
   * sharing a format in a column.
   */
  replaceRows(tab: string, rows: CellValue[][], cellFormats?: Array<Array<CellFormat | undefined>>): void;
  /**
   * Overwrites each block of rows where it stands (one range write per block, from the block's
   * column, as wide as its widest row), growing the grid when a block runs past it.
   * `columnFormats[j]` is column j+1's format, set on each block's rows
   * with one call per column before the values; a column without one keeps the format people gave it.
   */
  writeRows(tab: string, blocks: readonly RowBlock[], columnFormats?: ReadonlyArray<CellFormat | undefined>): void;
  /**
   * Deletes each span of `deletes` in the order given (the lowest last, so each span's rows are still
   * where the caller saw them), then inserts blank rows before each span of `inserts` in the order
   * given (the highest last), giving them each column's number format (`columnFormats[j]`, column j+1).
   * One structural change per span, whatever the tab's size; values are written afterwards.
   */
  rearrangeRows(tab: string, deletes: readonly RowSpan[], inserts: readonly RowSpan[], columnFormats?: ReadonlyArray<CellFormat | undefined>): void;
  /** Commits the writes made so far (SpreadsheetApp.flush()): before a wait, so the wait pays for them. */
  flush(): void;
  /** Writes one cell (row and column 1-based). */
  writeCell(tab: string, row: number, column: number, value: CellValue): void;
}
