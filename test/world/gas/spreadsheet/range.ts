// The Range facade: a view (row, column, size) on one tab. Behaviour follows
// https://developers.google.com/apps-script/reference/spreadsheet/range and apps-script.md §2.1:
// getValues always returns numRows × numColumns with '' for empty cells; setValues checks dimensions
// with Google's texts; Range has clearContent() (singular) and no clearContents(). Also the tab's filter
// (createFilter/getFilter) and rich text (setRichTextValue(s)/getRichTextValue(s)).

import { rangeA1 } from './a1';
import { displayCell, numberFormatOf, readCell, writeCell, writeFormula, writeRow } from './cells';
import { displayAt, newSession, rawAt, readAt } from './cell-formulas';
import { hide, instrument, type Ctx } from './ctx';
import { MSG, SheetError, typeNames } from './errors';
import { FilterApi } from './filter';
import { newProtection, ProtectionApi } from './protection';
import { plainRichText, RichTextValue } from './rich-text';
import { SheetApi } from './sheet';
import type { Layer, Rect, SheetData, Style } from './sheet-data';
import { sortRect, type SortKey } from './sort';
import { DataValidationBuilder, DataValidationRule } from './validation';

/** Checks getRange-style coordinates as Apps Script does and builds the Range. */
export function makeRange(ctx: Ctx, sh: SheetData, args: unknown[], method: string): RangeApi {
  const [row, col, nr = 1, nc = 1] = args;
  const nums = [row, col, nr, nc];
  if (args.length < 2 || nums.some((n) => typeof n !== 'number' || Number.isNaN(n))) {
    throw new SheetError(MSG.signature(typeNames(args), method));
  }
  for (const n of nums as number[]) if (!Number.isInteger(n)) throw new SheetError(`Cannot convert '${n}' to int.`);
  const [r, c, h, w] = nums as number[];
  return rangeAt(ctx, sh, { r: r as number, c: c as number, nr: h as number, nc: w as number });
}

export function rangeAt(ctx: Ctx, sh: SheetData, rect: Rect): RangeApi {
  if (rect.r < 1) throw new SheetError(MSG.startRowTooSmall);
  if (rect.c < 1) throw new SheetError(MSG.startColTooSmall);
  if (rect.nr < 1) throw new SheetError(MSG.rowsAtLeastOne);
  if (rect.nc < 1) throw new SheetError(MSG.colsAtLeastOne);
  if (rect.r + rect.nr - 1 > sh.maxRows || rect.c + rect.nc - 1 > sh.maxCols) throw new SheetError(MSG.outsideSheet);
  return new RangeApi(ctx, sh, rect);
}

type Grid = unknown[][];

export class RangeApi {
  declare readonly _ctx: Ctx;
  declare readonly _sh: SheetData;
  declare readonly _rect: Rect;

  constructor(ctx: Ctx, sh: SheetData, rect: Rect) {
    hide(this, { _ctx: ctx, _sh: sh, _rect: { ...rect } });
  }

  toString(): string { return 'Range'; }

  _each(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { r, c, nr, nc } = this._rect;
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) fn(r + i, c + j, i, j);
  }

  _grid<T>(fn: (r: number, c: number) => T): T[][] {
    const { r, c, nr, nc } = this._rect;
    const out: T[][] = new Array(nr);
    for (let i = 0; i < nr; i++) {
      const row: T[] = new Array(nc);
      for (let j = 0; j < nc; j++) row[j] = fn(r + i, c + j);
      out[i] = row;
    }
    return out;
  }

  _checkGrid(values: unknown, method: string): Grid {
    if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
      throw new SheetError(MSG.signature(typeNames([values]), `SpreadsheetApp.Range.${method}`));
    }
    if (values.length !== this._rect.nr) throw new SheetError(MSG.dataRows(values.length, this._rect.nr));
    for (const row of values as unknown[][]) if (row.length !== this._rect.nc) throw new SheetError(MSG.dataCols(row.length, this._rect.nc));
    return values as Grid;
  }

  _style(key: keyof Style, value: unknown): this {
    this._each((r, c) => {
      const prev = this._sh.get('st', r, c);
      const next: Style = { ...prev };
      if (value === null || value === undefined) delete next[key];
      else (next as Record<string, unknown>)[key] = value;
      this._sh.set('st', r, c, Object.keys(next).length ? next : undefined);
    });
    return this;
  }

  _styles(key: keyof Style, grid: unknown, method: string): this {
    const g = this._checkGrid(grid, method);
    this._each((r, c, i, j) => {
      const next: Style = { ...this._sh.get('st', r, c) };
      const v = g[i]?.[j];
      if (v === null || v === undefined) delete next[key];
      else (next as Record<string, unknown>)[key] = v;
      this._sh.set('st', r, c, Object.keys(next).length ? next : undefined);
    });
    return this;
  }

  _styleGrid<T>(key: keyof Style, dflt: T): T[][] {
    return this._grid((r, c) => ((this._sh.get('st', r, c)?.[key] as T | undefined) ?? dflt));
  }

  _clear(layers: readonly Layer[]): this {
    this._sh.clearRect(this._rect, layers);
    return this;
  }

  // --- values ---
  // Formula cells read their current computed value (cell-formulas.ts); a tab without formulas keeps the
  // plain per-cell path.
  getValues(): unknown[][] { return this._values(); }
  _values(): unknown[][] {
    const { model, realm } = this._ctx;
    const sh = this._sh;
    if (sh.formulaCount === 0) {
      return this._grid((r, c) => {
        const row = sh.rows[r - 1];
        return row ? readCell(model, row.v?.[c - 1], row.nf?.[c - 1], realm.Date) : '';
      });
    }
    const session = newSession();
    return this._grid((r, c) => {
      const row = sh.rows[r - 1];
      if (!row) return '';
      if (row.f?.[c - 1] !== undefined) return readAt(model, sh, r, c, realm.Date, session);
      return readCell(model, row.v?.[c - 1], row.nf?.[c - 1], realm.Date);
    });
  }
  getValue(): unknown {
    const { r, c } = this._rect;
    return readAt(this._ctx.model, this._sh, r, c, this._ctx.realm.Date);
  }
  getDisplayValues(): string[][] {
    const doc = this._ctx.model;
    const sh = this._sh;
    if (sh.formulaCount === 0) return this._grid((r, c) => displayCell(doc, sh.get('v', r, c), sh.get('nf', r, c)));
    const session = newSession();
    return this._grid((r, c) => displayAt(doc, sh, r, c, session));
  }
  getDisplayValue(): string {
    const { r, c } = this._rect;
    return displayAt(this._ctx.model, this._sh, r, c);
  }
  setValues(values: unknown): this {
    const g = this._checkGrid(values, 'setValues');
    for (const row of g) for (const v of row) if (typeof v === 'string' && v.length > 50_000) throw new SheetError(MSG.cellTooLong);
    const { r, c } = this._rect;
    g.forEach((row, i) => writeRow(this._ctx.model, this._sh, r + i, c, row));
    return this;
  }
  setValue(value: unknown): this {
    if (typeof value === 'string' && value.length > 50_000) throw new SheetError(MSG.cellTooLong);
    this._each((r, c) => writeCell(this._ctx.model, this._sh, r, c, value));
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this._each((r, c) => { if (this._sh.hasContent(r, c)) blank = false; });
    return blank;
  }

  // --- formulas ---
  getFormulas(): string[][] { return this._grid((r, c) => this._sh.get('f', r, c) ?? ''); }
  getFormula(): string { return this._sh.get('f', this._rect.r, this._rect.c) ?? ''; }
  setFormula(formula: string): this { this._each((r, c) => writeFormula(this._sh, r, c, String(formula))); return this; }
  setFormulas(formulas: unknown): this {
    const g = this._checkGrid(formulas, 'setFormulas');
    this._each((r, c, i, j) => writeFormula(this._sh, r, c, String(g[i]?.[j] ?? '')));
    return this;
  }

  // --- number formats ---
  getNumberFormats(): string[][] { return this._grid((r, c) => numberFormatOf(this._sh.get('nf', r, c))); }
  getNumberFormat(): string { return numberFormatOf(this._sh.get('nf', this._rect.r, this._rect.c)); }
  setNumberFormat(format: string): this {
    const f = String(format);
    this._each((r, c) => this._sh.set('nf', r, c, f === '' ? undefined : f));
    return this;
  }
  setNumberFormats(formats: unknown): this {
    const g = this._checkGrid(formats, 'setNumberFormats');
    this._each((r, c, i, j) => { const f = String(g[i]?.[j] ?? ''); this._sh.set('nf', r, c, f === '' ? undefined : f); });
    return this;
  }

  // --- data validation ---
  _rule(rule: unknown, method: string): DataValidationRule | undefined {
    if (rule === null) return undefined;
    if (!(rule instanceof DataValidationRule)) throw new SheetError(MSG.signature(typeNames([rule]), `SpreadsheetApp.Range.${method}`));
    const list = rule.data.criteria === 'VALUE_IN_LIST' ? rule.data.values[0] : undefined;
    if (Array.isArray(list) && list.length > 500) throw new SheetError(MSG.listTooLong);
    return rule;
  }
  setDataValidation(rule: unknown): this {
    const dv = this._rule(rule, 'setDataValidation');
    this._each((r, c) => this._sh.set('dv', r, c, dv));
    return this;
  }
  setDataValidations(rules: unknown): this {
    const g = this._checkGrid(rules, 'setDataValidations');
    const parsed = g.map((row) => row.map((x) => this._rule(x ?? null, 'setDataValidations')));
    this._each((r, c, i, j) => this._sh.set('dv', r, c, parsed[i]?.[j]));
    return this;
  }
  getDataValidation(): DataValidationRule | null { return this._sh.get('dv', this._rect.r, this._rect.c) ?? null; }
  getDataValidations(): (DataValidationRule | null)[][] { return this._grid((r, c) => this._sh.get('dv', r, c) ?? null); }
  clearDataValidations(): this { return this._clear(['dv']); }

  // --- checkboxes: https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes() ---
  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    const rule = new DataValidationBuilder().requireCheckbox(checked, unchecked).build();
    const off = checked === undefined ? false : unchecked === undefined ? '' : unchecked;
    this._each((r, c) => {
      this._sh.set('dv', r, c, rule);
      this._sh.set('f', r, c, undefined);
      this._sh.set('rt', r, c, undefined);
      this._sh.set('v', r, c, off === '' ? undefined : (off as string | number | boolean));
    });
    return this;
  }
  removeCheckboxes(): this {
    this._each((r, c) => {
      const dv = this._sh.get('dv', r, c);
      if (dv?.data.criteria !== 'CHECKBOX') return;
      const [on = true, off = false] = dv.data.values;
      const v = this._sh.get('v', r, c);
      if (v === on || v === off) this._sh.set('v', r, c, undefined);
      this._sh.set('dv', r, c, undefined);
    });
    return this;
  }
  _setChecked(state: boolean): this {
    this._each((r, c) => {
      const dv = this._sh.get('dv', r, c);
      if (dv?.data.criteria !== 'CHECKBOX') return;
      const [on = true, off = false] = dv.data.values;
      this._sh.set('v', r, c, (state ? on : off) as string | number | boolean);
    });
    return this;
  }
  check(): this { return this._setChecked(true); }
  uncheck(): this { return this._setChecked(false); }
  isChecked(): boolean | null {
    let all: boolean | null = null;
    this._each((r, c) => {
      const dv = this._sh.get('dv', r, c);
      const on = dv?.data.criteria === 'CHECKBOX' ? (dv.data.values[0] ?? true) : undefined;
      const state = on === undefined ? null : this._sh.get('v', r, c) === on;
      all = all === null && r === this._rect.r && c === this._rect.c ? state : all === state ? all : null;
    });
    return all;
  }

  // --- clearing: https://developers.google.com/apps-script/reference/spreadsheet/range#clear() ---
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): this {
    const o = options ?? {};
    const layers: Layer[] = [];
    if (o.contentsOnly) layers.push('v', 'f');
    if (o.formatOnly) layers.push('nf', 'st');
    if (o.validationsOnly) layers.push('dv');
    if (o.commentsOnly) this._style('note', null);
    return this._clear(layers.length || o.commentsOnly ? layers : ['v', 'f', 'nf', 'st']);
  }
  clearContent(): this { return this._clear(['v', 'f']); }
  clearFormat(): this { return this._clear(['nf', 'st']); }
  clearNote(): this { return this._style('note', null); }

  // --- geometry ---
  getRow(): number { return this._rect.r; }
  getRowIndex(): number { return this._rect.r; }
  getColumn(): number { return this._rect.c; }
  getNumRows(): number { return this._rect.nr; }
  getNumColumns(): number { return this._rect.nc; }
  getHeight(): number { return this._rect.nr; }
  getWidth(): number { return this._rect.nc; }
  /** The END row of the range, not the last row with content (unlike Sheet.getLastRow). */
  getLastRow(): number { return this._rect.r + this._rect.nr - 1; }
  getLastColumn(): number { return this._rect.c + this._rect.nc - 1; }
  getA1Notation(): string { const { r, c, nr, nc } = this._rect; return rangeA1(r, c, nr, nc); }
  getSheet(): SheetApi { return new SheetApi(this._ctx, this._sh); }
  getGridId(): number { return this._sh.id; }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeApi {
    const { r, c, nr, nc } = this._rect;
    return rangeAt(this._ctx, this._sh, { r: r + rowOffset, c: c + columnOffset, nr: numRows ?? nr, nc: numColumns ?? nc });
  }
  getCell(row: number, column: number): RangeApi {
    return rangeAt(this._ctx, this._sh, { r: this._rect.r + row - 1, c: this._rect.c + column - 1, nr: 1, nc: 1 });
  }
  activate(): this { this._ctx.model.activeSheetId = this._sh.id; return this; }
  getMergedRanges(): RangeApi[] { return []; }

  // --- styles: stored so tests and exports can see them ---
  setFontWeight(w: string | null): this { return this._style('fontWeight', w); }
  setFontWeights(g: unknown): this { return this._styles('fontWeight', g, 'setFontWeights'); }
  getFontWeight(): string { return this._styleGrid('fontWeight', 'normal')[0]?.[0] ?? 'normal'; }
  getFontWeights(): string[][] { return this._styleGrid('fontWeight', 'normal'); }
  setFontStyle(s: string | null): this { return this._style('fontStyle', s); }
  setFontSize(n: number): this { return this._style('fontSize', n); }
  setFontFamily(f: string | null): this { return this._style('fontFamily', f); }
  setBackground(color: string | null): this { return this._style('background', color); }
  setBackgrounds(g: unknown): this { return this._styles('background', g, 'setBackgrounds'); }
  getBackground(): string { return this._styleGrid('background', '#ffffff')[0]?.[0] ?? '#ffffff'; }
  getBackgrounds(): string[][] { return this._styleGrid('background', '#ffffff'); }
  setFontColor(color: string | null): this { return this._style('fontColor', color); }
  setFontColors(g: unknown): this { return this._styles('fontColor', g, 'setFontColors'); }
  getFontColor(): string { return this._styleGrid('fontColor', '#000000')[0]?.[0] ?? '#000000'; }
  setWrap(wrap: boolean): this { return this._style('wrap', Boolean(wrap)); }
  getWrap(): boolean { return this._styleGrid('wrap', true)[0]?.[0] ?? true; }
  setWrapStrategy(s: unknown): this { return this._style('wrapStrategy', String(s)); }
  setHorizontalAlignment(a: string | null): this { return this._style('hAlign', a); }
  getHorizontalAlignment(): string { return this._styleGrid('hAlign', 'general')[0]?.[0] ?? 'general'; }
  setVerticalAlignment(a: string | null): this { return this._style('vAlign', a); }
  setBorder(...args: unknown[]): this { return this._style('border', args.some((a) => a === true) ? true : null); }
  setNote(note: string | null): this { return this._style('note', note === '' ? null : note); }
  setNotes(g: unknown): this { return this._styles('note', g, 'setNotes'); }
  getNote(): string { return this._styleGrid('note', '')[0]?.[0] ?? ''; }
  getNotes(): string[][] { return this._styleGrid('note', ''); }

  // --- filter: https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter() ---
  /** "You can't create more than one filter on a sheet." */
  createFilter(): FilterApi {
    if (this._sh.filter) throw new SheetError(MSG.filterExists);
    this._sh.filter = { rect: { ...this._rect }, criteria: new Map() };
    return new FilterApi(this._ctx, this._sh, this._sh.filter);
  }
  /** "Returns the filter on the sheet this range belongs to, or null if there is no filter on the sheet." */
  getFilter(): FilterApi | null { return this._sh.filter ? new FilterApi(this._ctx, this._sh, this._sh.filter) : null; }

  // --- rich text: https://developers.google.com/apps-script/reference/spreadsheet/range#setRichTextValue(RichTextValue) ---
  _richText(value: unknown, method: string): RichTextValue {
    if (!(value instanceof RichTextValue)) throw new SheetError(MSG.signature(typeNames([value]), `SpreadsheetApp.Range.${method}`));
    return value;
  }
  /** The cell holds the value's text as text (never parsed as a number or formula) and keeps its runs and links. */
  _writeRichText(r: number, c: number, rt: RichTextValue): void {
    const text = rt.getText();
    this._sh.set('f', r, c, undefined);
    this._sh.set('v', r, c, text === '' ? undefined : text);
    this._sh.set('rt', r, c, rt.hasFormatting() ? rt : undefined);
  }
  setRichTextValue(value: unknown): this {
    const rt = this._richText(value, 'setRichTextValue');
    this._each((r, c) => this._writeRichText(r, c, rt));
    return this;
  }
  setRichTextValues(values: unknown): this {
    const g = this._checkGrid(values, 'setRichTextValues');
    const parsed = g.map((row) => row.map((x) => this._richText(x, 'setRichTextValues')));
    this._each((r, c, i, j) => this._writeRichText(r, c, parsed[i]?.[j] as RichTextValue));
    return this;
  }
  /** "null if the cell value is not text": numbers, booleans and dates give null; an empty cell gives empty text. */
  _richTextAt(r: number, c: number): RichTextValue | null {
    const v = rawAt(this._ctx.model, this._sh, r, c);
    if (v !== undefined && typeof v !== 'string') return null;
    return this._sh.get('rt', r, c) ?? plainRichText(v ?? '', this._ctx.realm);
  }
  getRichTextValue(): RichTextValue | null { return this._richTextAt(this._rect.r, this._rect.c); }
  getRichTextValues(): (RichTextValue | null)[][] { return this._grid((r, c) => this._richTextAt(r, c)); }

  // --- protection and sorting ---
  protect(): ProtectionApi { return new ProtectionApi(this._ctx, newProtection(this._ctx, this._sh, { ...this._rect })); }
  sort(spec: unknown): this {
    const specs = Array.isArray(spec) ? spec : [spec];
    const keys: SortKey[] = specs.map((s) => {
      if (typeof s === 'number') return { column: s, ascending: true };
      const o = s as { column?: unknown; ascending?: unknown };
      if (!o || typeof o.column !== 'number') throw new SheetError(MSG.signature(typeNames([spec]), 'SpreadsheetApp.Range.sort'));
      return { column: o.column, ascending: o.ascending !== false };
    });
    for (const k of keys) {
      if (k.column < this._rect.c || k.column > this._rect.c + this._rect.nc - 1) throw new SheetError(MSG.rangeNotFound);
    }
    sortRect(this._ctx.model, this._sh, this._rect, keys);
    return this;
  }
}

instrument(RangeApi, 'Range', true);
