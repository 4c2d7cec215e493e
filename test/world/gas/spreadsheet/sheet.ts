// The Sheet facade (https://developers.google.com/apps-script/reference/spreadsheet/sheet): grid size,
// rows/columns, freezing, widths, clearing, protection, visibility, sorting, conditional format rules,
// the filter and embedded charts of one tab.
// Sheet.getLastRow()/getLastColumn() give the last position WITH CONTENT (0 when empty), unlike Range's
// methods of the same name. Growing the grid is checked against the 10,000,000-cell limit.

import { parseA1 } from './a1';
import { writeCell } from './cells';
import { hide, instrument, type Ctx } from './ctx';
import { enumName, SheetType } from './enums';
import { MSG, SheetError, typeNames } from './errors';
import { displayAt, newSession } from './cell-formulas';
import { renameTabRefs, rewriteFormulas } from './formula-refs';
import { newProtection, ProtectionApi } from './protection';
import { makeRange, rangeAt, RangeApi } from './range';
import type { Layer, SheetData, StoredCondRule } from './sheet-data';
import { hiddenByFilter } from './cell-rules';
import { cloneChart, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { ConditionalFormatRule } from './conditional';
import { FilterApi } from './filter';
import { rangeRefOf, type RangeRef } from './range-ref';
import { sortRect } from './sort';
import { SpreadsheetApi } from './spreadsheet';

const DEFAULT_WIDTH = 100;
const DEFAULT_HEIGHT = 21;

/** Resolves A1 notation (open ends filled from the grid) on `sh`. */
export function rangeFromA1(ctx: Ctx, sh: SheetData, a1: string): RangeApi {
  const ref = parseA1(a1);
  if (!ref) throw new SheetError(MSG.rangeNotFound);
  const r1 = ref.r1 ?? 1;
  const c1 = ref.c1 ?? 1;
  const r2 = ref.r2 ?? sh.maxRows;
  const c2 = ref.c2 ?? sh.maxCols;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return rangeAt(ctx, sh, { r: top, c: left, nr: Math.abs(r2 - r1) + 1, nc: Math.abs(c2 - c1) + 1 });
}

export class SheetApi {
  declare readonly _ctx: Ctx;
  declare readonly _sh: SheetData;

  constructor(ctx: Ctx, sh: SheetData) {
    hide(this, { _ctx: ctx, _sh: sh });
  }

  toString(): string { return 'Sheet'; }

  _rowsInGrid(start: number, n: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(n) || start < 1 || n < 1 || start + n - 1 > this._sh.maxRows) throw new SheetError(MSG.rowsOutOfBounds);
  }
  _colsInGrid(start: number, n: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(n) || start < 1 || n < 1 || start + n - 1 > this._sh.maxCols) throw new SheetError(MSG.colsOutOfBounds);
  }
  _insertRows(before: number, n: number): this {
    this._ctx.model.checkGrowth(n * this._sh.maxCols);
    this._sh.insertRows(before, n);
    return this;
  }
  _insertCols(before: number, n: number): this {
    this._ctx.model.checkGrowth(n * this._sh.maxRows);
    this._sh.insertCols(before, n);
    return this;
  }

  // --- identity ---
  getName(): string { return this._sh.name; }
  getSheetName(): string { return this._sh.name; }
  setName(name: string): this {
    const n = String(name);
    // Only another tab clashes: "Sku map" may be renamed "SKU Map".
    if (this._ctx.model.nameClash(n, this._sh)) throw new SheetError(MSG.sheetExists(n));
    const old = this._sh.name;
    this._sh.name = n;
    // Formulas naming the tab follow it to its new name, as in Sheets (formula-refs.ts).
    if (old !== n) rewriteFormulas(this._ctx.model.sheets, (f) => renameTabRefs(f, old, n));
    return this;
  }
  getSheetId(): number { return this._sh.id; }
  /** 1-based position among the tabs. */
  getIndex(): number { return this._ctx.model.sheets.indexOf(this._sh) + 1; }
  getParent(): SpreadsheetApi { return new SpreadsheetApi(this._ctx); }
  getType(): unknown { return SheetType.GRID; }
  activate(): this { this._ctx.model.activeSheetId = this._sh.id; this._sh.hidden = false; return this; }

  // --- ranges ---
  getRange(...args: unknown[]): RangeApi {
    if (args.length === 1 && typeof args[0] === 'string') return rangeFromA1(this._ctx, this._sh, args[0]);
    return makeRange(this._ctx, this._sh, args, 'SpreadsheetApp.Sheet.getRange');
  }
  /** From A1 to the last row and column with content; just A1 on an empty sheet. */
  getDataRange(): RangeApi { return this._dataRange(); }
  _dataRange(): RangeApi {
    return rangeAt(this._ctx, this._sh, { r: 1, c: 1, nr: Math.max(1, this._sh.lastRow()), nc: Math.max(1, this._sh.lastCol()) });
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const nr = numRows === -1 ? this._sh.lastRow() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? this._sh.lastCol() - startColumn + 1 : numColumns;
    const range = makeRange(this._ctx, this._sh, [startRow, startColumn, nr, nc], 'SpreadsheetApp.Sheet.getSheetValues');
    return range._values();
  }
  getLastRow(): number { return this._sh.lastRow(); }
  getLastColumn(): number { return this._sh.lastCol(); }
  getMaxRows(): number { return this._sh.maxRows; }
  getMaxColumns(): number { return this._sh.maxCols; }

  // --- rows and columns ---
  /** Writes after the last row with content, adding a row to the grid when it is full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw new SheetError(MSG.signature(typeNames([rowContents]), 'SpreadsheetApp.Sheet.appendRow'));
    const r = this._sh.lastRow() + 1;
    if (r > this._sh.maxRows) { this._ctx.model.checkGrowth(this._sh.maxCols); this._sh.maxRows = r; }
    if (rowContents.length > this._sh.maxCols) this._insertCols(this._sh.maxCols + 1, rowContents.length - this._sh.maxCols);
    rowContents.forEach((v, j) => writeCell(this._ctx.model, this._sh, r, j + 1, v));
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this { this._rowsInGrid(afterPosition, 1); return this._insertRows(afterPosition + 1, howMany); }
  insertRowsBefore(beforePosition: number, howMany: number): this { this._rowsInGrid(beforePosition, 1); return this._insertRows(beforePosition, howMany); }
  insertRowAfter(afterPosition: number): this { this._rowsInGrid(afterPosition, 1); return this._insertRows(afterPosition + 1, 1); }
  insertRowBefore(beforePosition: number): this { this._rowsInGrid(beforePosition, 1); return this._insertRows(beforePosition, 1); }
  insertRows(rowIndex: number, numRows = 1): void { this._rowsInGrid(rowIndex, 1); this._insertRows(rowIndex, numRows); }
  insertColumnsAfter(afterPosition: number, howMany: number): this { this._colsInGrid(afterPosition, 1); return this._insertCols(afterPosition + 1, howMany); }
  insertColumnsBefore(beforePosition: number, howMany: number): this { this._colsInGrid(beforePosition, 1); return this._insertCols(beforePosition, howMany); }
  insertColumnAfter(afterPosition: number): this { this._colsInGrid(afterPosition, 1); return this._insertCols(afterPosition + 1, 1); }
  insertColumnBefore(beforePosition: number): this { this._colsInGrid(beforePosition, 1); return this._insertCols(beforePosition, 1); }
  insertColumns(columnIndex: number, numColumns = 1): void { this._colsInGrid(columnIndex, 1); this._insertCols(columnIndex, numColumns); }
  _deleteRows(rowPosition: number, howMany: number): this {
    this._rowsInGrid(rowPosition, howMany);
    if (this._sh.maxRows - howMany <= this._sh.frozenRows) throw new SheetError(MSG.deleteAllRows);
    this._sh.deleteRows(rowPosition, howMany);
    return this;
  }
  _deleteCols(columnPosition: number, howMany: number): this {
    this._colsInGrid(columnPosition, howMany);
    if (this._sh.maxCols - howMany <= this._sh.frozenCols) throw new SheetError(MSG.deleteAllCols);
    this._sh.deleteCols(columnPosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void { this._deleteRows(rowPosition, howMany); }
  deleteRow(rowPosition: number): this { return this._deleteRows(rowPosition, 1); }
  deleteColumns(columnPosition: number, howMany: number): void { this._deleteCols(columnPosition, howMany); }
  deleteColumn(columnPosition: number): this { return this._deleteCols(columnPosition, 1); }

  // --- freezing, widths, visibility ---
  _count(n: unknown, args: unknown[], method: string): number {
    if (typeof n !== 'number' || Number.isNaN(n)) throw new SheetError(MSG.signature(typeNames(args), `SpreadsheetApp.Sheet.${method}`));
    return n;
  }
  /** Freezing every row of the grid is refused (MSG.freezeAllRows); a frozen header needs at least one row below it. */
  setFrozenRows(...args: unknown[]): void {
    const n = this._count(args[0], args, 'setFrozenRows');
    if (n >= this._sh.maxRows) throw new SheetError(MSG.freezeAllRows);
    this._sh.frozenRows = n;
  }
  getFrozenRows(): number { return this._sh.frozenRows; }
  setFrozenColumns(...args: unknown[]): void {
    const n = this._count(args[0], args, 'setFrozenColumns');
    if (n >= this._sh.maxCols) throw new SheetError(MSG.freezeAllCols);
    this._sh.frozenCols = n;
  }
  getFrozenColumns(): number { return this._sh.frozenCols; }
  // Widths and heights exist only for columns/rows inside the grid: column 0 or one past getMaxColumns()
  // throws "Those columns are out of bounds." (observed for getColumnWidth: github.com/mogsdad/SheetConverter/issues/20).
  setColumnWidth(...args: unknown[]): this {
    const [c, width] = args;
    this._count(c, args, 'setColumnWidth');
    this._count(width, args, 'setColumnWidth');
    this._colsInGrid(c as number, 1);
    this._sh.colWidths.set(c as number, width as number);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this._colsInGrid(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._sh.colWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this._colsInGrid(columnPosition, 1);
    return this._sh.colWidths.get(columnPosition) ?? DEFAULT_WIDTH;
  }
  /** Fits widths to the longest displayed text: an estimate (7 px a character + padding), not Google's font metrics. */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const last = this._sh.lastRow();
    const session = newSession();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= last; r++) longest = Math.max(longest, displayAt(this._ctx.model, this._sh, r, c, session).length);
      this._sh.colWidths.set(c, Math.max(21, longest * 7 + 10));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this { return this.autoResizeColumns(columnPosition, 1); }
  setRowHeight(rowPosition: number, height: number): this { this._rowsInGrid(rowPosition, 1); this._sh.rowHeights.set(rowPosition, height); return this; }
  getRowHeight(rowPosition: number): number { this._rowsInGrid(rowPosition, 1); return this._sh.rowHeights.get(rowPosition) ?? DEFAULT_HEIGHT; }
  hideColumns(columnIndex: number, numColumns = 1): void { for (let c = columnIndex; c < columnIndex + numColumns; c++) this._sh.hiddenCols.add(c); }
  showColumns(columnIndex: number, numColumns = 1): void { for (let c = columnIndex; c < columnIndex + numColumns; c++) this._sh.hiddenCols.delete(c); }
  isColumnHiddenByUser(columnPosition: number): boolean { return this._sh.hiddenCols.has(columnPosition); }
  hideRows(rowIndex: number, numRows = 1): void { for (let r = rowIndex; r < rowIndex + numRows; r++) this._sh.hiddenRows.add(r); }
  showRows(rowIndex: number, numRows = 1): void { for (let r = rowIndex; r < rowIndex + numRows; r++) this._sh.hiddenRows.delete(r); }
  isRowHiddenByUser(rowPosition: number): boolean { return this._sh.hiddenRows.has(rowPosition); }
  hideSheet(): this {
    if (this._ctx.model.sheets.filter((s) => !s.hidden && s !== this._sh).length === 0) throw new SheetError(MSG.hideLastSheet);
    this._sh.hidden = true;
    return this;
  }
  showSheet(): this { this._sh.hidden = false; return this; }
  isSheetHidden(): boolean { return this._sh.hidden; }
  setTabColor(color: string | null): this { this._sh.tabColor = color; return this; }
  getTabColor(): string | null { return this._sh.tabColor; }

  // --- clearing: https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear() ---
  _clearAll(layers: readonly Layer[]): this {
    this._sh.clearRect({ r: 1, c: 1, nr: this._sh.maxRows, nc: this._sh.maxCols }, layers);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const o = options ?? {};
    if (o.contentsOnly && !o.formatOnly) return this._clearAll(['v', 'f']);
    if (o.formatOnly && !o.contentsOnly) return this._clearAll(['nf', 'st']);
    return this._clearAll(['v', 'f', 'nf', 'st']);
  }
  /** "Clears the sheet of contents, while preserving formatting information." */
  clearContents(): this { return this._clearAll(['v', 'f']); }
  clearFormats(): this { return this._clearAll(['nf', 'st']); }
  clearNotes(): this {
    for (const row of this._sh.rows) row?.st?.forEach((s, i, arr) => { if (s?.note !== undefined) { const { note: _n, ...rest } = s; arr[i] = Object.keys(rest).length ? rest : undefined; } });
    return this;
  }

  // --- protection ---
  protect(): ProtectionApi {
    const existing = this._sh.protections.find((p) => p.rect === null);
    return new ProtectionApi(this._ctx, existing ?? newProtection(this._ctx, this._sh, null));
  }
  getProtections(type: unknown): ProtectionApi[] {
    const name = enumName(type);
    if (name !== 'RANGE' && name !== 'SHEET') throw new SheetError(MSG.signature(typeNames([type]), 'SpreadsheetApp.Sheet.getProtections'));
    return this._sh.protections.filter((p) => (p.rect ? 'RANGE' : 'SHEET') === name).map((p) => new ProtectionApi(this._ctx, p));
  }

  // --- conditional formats: https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
  /** "Replaces all currently existing conditional format rules in the sheet with the input rules. Rules are evaluated in their input order." */
  setConditionalFormatRules(...args: unknown[]): void {
    const [rules] = args;
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof ConditionalFormatRule))) {
      throw new SheetError(MSG.signature(typeNames(args), 'SpreadsheetApp.Sheet.setConditionalFormatRules'));
    }
    const stored: StoredCondRule[] = (rules as ConditionalFormatRule[]).map((rule) => {
      const ranges = rule.data.ranges.map((r) => rangeRefOf(r) as RangeRef);
      if (ranges.some((ref) => ref.sh !== this._sh)) throw new SheetError(MSG.cfOtherSheet);
      return { criteria: rule.data.criteria as StoredCondRule['criteria'], values: rule.data.values.slice(), format: { ...rule.data.format }, ranges };
    });
    this._sh.cfRules = stored;
  }
  /** Fresh rule objects with fresh Ranges on every call, as Apps Script returns them. */
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._sh.cfRules.map((rule) => new ConditionalFormatRule(Object.freeze({
      criteria: rule.criteria, values: rule.values.slice(), format: { ...rule.format },
      ranges: rule.ranges.map((ref) => new RangeApi(this._ctx, ref.sh, ref.rect)),
    }), this._ctx.realm));
  }
  clearConditionalFormatRules(): void { this._sh.cfRules = []; }

  // --- filter: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFilter() ---
  /** "Returns the filter in this sheet, or null if there is no filter." */
  getFilter(): FilterApi | null { return this._sh.filter ? new FilterApi(this._ctx, this._sh, this._sh.filter) : null; }
  /** "Returns whether the given row is hidden by a filter (not a filter view)." */
  isRowHiddenByFilter(rowPosition: number): boolean { return hiddenByFilter(this._ctx.model, this._sh, rowPosition); }

  // --- charts: https://developers.google.com/apps-script/reference/spreadsheet/sheet#newChart() ---
  newChart(): EmbeddedChartBuilder { return new EmbeddedChartBuilder(this._ctx); }
  _chart(chart: unknown, method: string): EmbeddedChart {
    if (!(chart instanceof EmbeddedChart)) throw new SheetError(MSG.signature(typeNames([chart]), `SpreadsheetApp.Sheet.${method}`));
    return chart;
  }
  /** "Adds a new chart to this sheet." The chart gets a new id, also on the object passed (see charts.ts). */
  insertChart(chart: unknown): void {
    const c = this._chart(chart, 'insertChart');
    const id = this._ctx.model.newChartId();
    if (c._data.id === null) c._data.id = id;
    this._sh.charts.push({ ...cloneChart(c._data), id });
  }
  getCharts(): EmbeddedChart[] { return this._sh.charts.map((d) => new EmbeddedChart(this._ctx, cloneChart(d))); }
  /** "Removes a chart from the parent sheet." A chart that is not on the sheet is left alone. */
  removeChart(chart: unknown): void {
    const c = this._chart(chart, 'removeChart');
    this._sh.charts = this._sh.charts.filter((d) => d.id !== c._data.id);
  }
  /** "Updates the chart on this sheet": the chart rebuilt through modify() keeps its id. */
  updateChart(chart: unknown): void {
    const c = this._chart(chart, 'updateChart');
    const i = this._sh.charts.findIndex((d) => d.id !== null && d.id === c._data.id);
    if (i < 0) throw new SheetError(MSG.chartNotOnSheet);
    this._sh.charts[i] = cloneChart(c._data);
  }

  // --- sorting: rows below the frozen rows, whole rows move ---
  sort(columnPosition: number, ascending = true): this {
    const first = this._sh.frozenRows + 1;
    const last = this._sh.lastRow();
    if (last >= first) sortRect(this._ctx.model, this._sh, { r: first, c: 1, nr: last - first + 1, nc: this._sh.maxCols }, [{ column: columnPosition, ascending }]);
    return this;
  }
}

instrument(SheetApi, 'Sheet', true);
