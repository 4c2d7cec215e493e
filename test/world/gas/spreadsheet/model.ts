// The spreadsheet document of the local world: tabs, cells and settings that live across executions.
// Tests and scenarios seed it "as a person typing", read what a person would see, and export it; the
// SpreadsheetApp facade (app.ts) reads and writes the same state. Grid size limit: 10,000,000 cells
// counted on maxRows × maxColumns over all tabs (apps-script.md §2.1 "Size"). Tests can also ask what
// the rules over a tab show: the conditional format of a cell, the rows formatted a given way, the rows
// a filter hides (cell-rules.ts).

import { cellA1, parseA1, rangeA1 } from './a1';
import { isDateLike, writeCell, type DocCtx } from './cells';
import { displayAt, formulaLink, newSession, readAt } from './cell-formulas';
import { conditionalFormatOf, formattedColumns, hiddenByFilter, type RuleMemo } from './cell-rules';
import { normaliseColor } from './colors';
import type { CondFormat } from './conditional';
import { MSG, SheetError } from './errors';
import { dropTabRefs, rewriteFormulas } from './formula-refs';
import { localeInfo, type LocaleInfo } from './locale';
import {
  chartsOf, conditionalFormatsOf, filterOf, linksOf,
  type ChartExport, type ConditionalFormatExport, type FilterExport, type LinkExport,
} from './overlay-export';
import { SheetData, type Rect } from './sheet-data';
import { checkTimeZone } from './tz';
import type { DataValidationRule } from './validation';

export const CELL_LIMIT = 10_000_000;
const NEW_ROWS = 1000;
const NEW_COLS = 26;

export interface SheetExport {
  values: unknown[][];
  /** '=…' for formula cells, '' elsewhere (values holds the formula's current computed value). */
  formulas: string[][];
  displayValues: string[][];
  /** Number formats as set; 'General' where nobody set one (Apps Script itself reports '0.###############'). */
  numberFormats: string[][];
  frozenRows: number;
  frozenColumns: number;
  validations: Array<{ a1: string; rule: string; criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string }>;
  protections: Array<{ a1: string | null; warningOnly: boolean; description: string }>;
  columnWidths: Record<number, number>;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  /** Rules in the tab's order (the first that holds formats a cell). */
  conditionalFormats: ConditionalFormatExport[];
  filter: FilterExport | null;
  /** Cells with a link: rich-text links and =HYPERLINK formulas. */
  links: LinkExport[];
  charts: ChartExport[];
}

export class SpreadsheetModel implements DocCtx {
  name: string;
  readonly id: string;
  timeZone: string;
  private localeName: string;
  loc: LocaleInfo;
  sheets: SheetData[] = [];
  activeSheetId: number;
  private nextSheetId = 0;
  private nextProtectionId = 1;
  /** Sheets chart ids are integers unique in the spreadsheet. */
  private nextChartId = 1_000_001;
  /** True while the document is a fresh spreadsheet with only its untouched "Sheet1". */
  private pristine = true;

  constructor(opts: { timeZone?: string; locale?: string; name?: string } = {}) {
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.timeZone = opts.timeZone ?? 'Europe/London';
    checkTimeZone(this.timeZone);
    this.localeName = opts.locale ?? 'en_GB';
    this.loc = localeInfo(this.localeName);
    this.id = '1' + fakeId(this.name);
    const first = this.addSheet('Sheet1');
    this.activeSheetId = first.id;
  }

  get locale(): string { return this.localeName; }
  set locale(v: string) { this.localeName = v; this.loc = localeInfo(v); }

  newProtectionId(): number { return this.nextProtectionId++; }
  newChartId(): number { return this.nextChartId++; }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  /** Throws Google's cell-limit error if growing the grid by `delta` cells would pass 10,000,000. */
  checkGrowth(delta: number): void {
    if (delta > 0 && this.totalCells() + delta > CELL_LIMIT) throw new SheetError(MSG.cellLimit);
  }

  addSheet(name: string, index?: number, rows = NEW_ROWS, cols = NEW_COLS): SheetData {
    if (this.nameClash(name)) throw new SheetError(MSG.sheetExists(name));
    this.checkGrowth(rows * cols);
    const sh = new SheetData(name, this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919);
    this.nextSheetId++;
    sh.maxRows = rows;
    sh.maxCols = cols;
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sh);
    else this.sheets.splice(Math.max(0, index), 0, sh);
    if (this.sheets.length > 1) this.pristine = false;
    return sh;
  }

  removeSheet(sh: SheetData): void {
    if (this.sheets.length <= 1) throw new SheetError(MSG.lastSheet);
    this.sheets = this.sheets.filter((s) => s !== sh);
    sh.deleted = true;
    // Formulas that read the deleted tab now show #REF!, even if a tab of that name comes back (formula-refs.ts).
    rewriteFormulas(this.sheets, (f) => dropTabRefs(f, sh.name));
    if (this.activeSheetId === sh.id) this.activeSheetId = (this.sheets[0] as SheetData).id;
  }

  /**
   * getSheetByName's match: the exact name. Google documents only "Returns a sheet with the given
   * name" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String));
   * independent Apps Script projects report it case-sensitive (a differently cased name gives null,
   * so scripts add their own case-insensitive fallback). One report claims the opposite; unconfirmed.
   */
  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * The tab a new or renamed tab called `name` would clash with. Sheets refuses a name that differs
   * from another tab's only in case, in the UI and through the API ("trying to create 2 sheets with
   * the same name but different cases fails", github.com/socialpoint-labs/sheetfu/pull/26), with
   * the duplicate-name error (MSG.sheetExists).
   */
  nameClash(name: string, except?: SheetData): SheetData | undefined {
    const folded = name.toLowerCase();
    return this.sheets.find((s) => s !== except && s.name.toLowerCase() === folded);
  }

  activeSheet(): SheetData {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? (this.sheets[0] as SheetData);
  }

  /**
   * Lays out tabs as a person typing the rows (strings parsed as typed input unless the cell is '@').
   * A still-pristine document loses its empty default "Sheet1" unless `tabs` names it.
   */
  seed(tabs: Record<string, unknown[][]>): void {
    const dropDefault = this.pristine && !('Sheet1' in tabs);
    for (const [name, rows] of Object.entries(tabs)) {
      const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
      const sh = this.sheetByName(name) ?? this.addSheet(name, undefined, Math.max(NEW_ROWS, rows.length), Math.max(NEW_COLS, width));
      if (sh.maxRows < rows.length) { this.checkGrowth((rows.length - sh.maxRows) * sh.maxCols); sh.maxRows = rows.length; }
      if (sh.maxCols < width) { this.checkGrowth((width - sh.maxCols) * sh.maxRows); sh.maxCols = width; }
      rows.forEach((row, i) => row.forEach((v, j) => writeCell(this, sh, i + 1, j + 1, v)));
    }
    if (dropDefault) {
      const def = this.sheetByName('Sheet1');
      if (def && this.sheets.length > 1) this.removeSheet(def);
    }
    this.pristine = false;
  }

  /** A person types `text` into one cell (e.g. editing a Settings value between executions). */
  edit(sheetName: string, a1: string, value: unknown): void {
    const sh = this.requireSheet(sheetName);
    const ref = parseA1(a1);
    if (!ref || ref.r1 === undefined || ref.c1 === undefined) throw new Error(`Not a cell: ${a1}`);
    writeCell(this, sh, ref.r1, ref.c1, value);
  }

  /**
   * A person edits every row whose cells under the `match` headers equal the given values (as
   * stored or as displayed), typing the `set` values under their headers. Returns the rows edited.
   */
  editRows(wanted: string, match: Record<string, unknown>, set: Record<string, unknown>): number {
    // A person finds a tab and a column by what they read: "Key" is the column a tab headed "key"
    // has (people retype headers in another case, and the add-on reads them so); exact wins first.
    const folded = (t: string) => t.trim().toLowerCase();
    const sheetName = this.sheetByName(wanted) ? wanted : this.sheets.find((s) => folded(s.name) === folded(wanted))?.name ?? wanted;
    const sh = this.requireSheet(sheetName);
    const width = sh.lastCol();
    const header = Array.from({ length: width }, (_, c) => this.display(sheetName, 1, c + 1).trim());
    const colOf = (h: string) => {
      const exact = header.indexOf(h.trim());
      const i = exact >= 0 ? exact : header.findIndex((x) => folded(x) === folded(h));
      if (i < 0) throw new Error(`"${sheetName}" has no column "${h}" (headers: ${header.join(', ')})`);
      return i + 1;
    };
    const matchCols = Object.entries(match).map(([h, v]) => [colOf(h), v === null ? '' : String(v)] as const);
    const setCols = Object.entries(set).map(([h, v]) => [colOf(h), v] as const);
    if (matchCols.length === 0) return 0;
    let edited = 0;
    for (let r = 2; r <= sh.lastRow(); r++) {
      const hit = matchCols.every(([c, want]) => {
        const raw = this.cell(sheetName, r, c);
        return String(raw) === want || this.display(sheetName, r, c) === want;
      });
      if (!hit) continue;
      for (const [c, v] of setCols) writeCell(this, sh, r, c, v);
      edited++;
    }
    return edited;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetData | undefined {
    return this.sheetByName(name);
  }

  requireSheet(name: string): SheetData {
    const sh = this.sheetByName(name);
    if (!sh) throw new Error(`No tab named "${name}" (tabs: ${this.sheetNames().join(', ')})`);
    return sh;
  }

  /** The value getValue() would return for one cell (Node Dates); a formula cell gives its current result. */
  cell(name: string, row: number, col: number): unknown {
    return readAt(this, this.requireSheet(name), row, col, Date);
  }

  /** What a person sees in one cell. */
  display(name: string, row: number, col: number): string {
    return displayAt(this, this.requireSheet(name), row, col);
  }

  /** The whole tab's display values, trimmed to the data extent (getLastRow × getLastColumn). */
  displayGrid(sh: SheetData): string[][] {
    const nr = sh.lastRow();
    const nc = sh.lastCol();
    const out: string[][] = [];
    const session = newSession();
    for (let r = 1; r <= nr; r++) {
      const row: string[] = [];
      for (let c = 1; c <= nc; c++) row.push(displayAt(this, sh, r, c, session));
      out.push(row);
    }
    return out;
  }

  toDisplayJson(): Record<string, string[][]> {
    const out: Record<string, string[][]> = {};
    for (const sh of this.sheets) out[sh.name] = this.displayGrid(sh);
    return out;
  }

  exportSheet(name: string): SheetExport | null {
    const sh = this.sheetByName(name);
    if (!sh) return null;
    const nr = sh.lastRow();
    const nc = sh.lastCol();
    const values: unknown[][] = [];
    const numberFormats: string[][] = [];
    const formulas: string[][] = [];
    const session = newSession();
    for (let r = 1; r <= nr; r++) {
      const vr: unknown[] = [];
      const fr: string[] = [];
      const xr: string[] = [];
      for (let c = 1; c <= nc; c++) {
        vr.push(readAt(this, sh, r, c, Date, session));
        fr.push(sh.get('nf', r, c) ?? 'General');
        xr.push(sh.get('f', r, c) ?? '');
      }
      values.push(vr);
      numberFormats.push(fr);
      formulas.push(xr);
    }
    const columnWidths: Record<number, number> = {};
    for (const [c, w] of sh.colWidths) columnWidths[c] = w;
    return {
      values, formulas, displayValues: this.displayGrid(sh), numberFormats,
      frozenRows: sh.frozenRows, frozenColumns: sh.frozenCols,
      validations: validationRuns(sh),
      protections: sh.protections.map((p) => ({ a1: p.rect ? rangeOf(p.rect) : null, warningOnly: p.warningOnly, description: p.description })),
      columnWidths, hidden: sh.hidden, maxRows: sh.maxRows, maxColumns: sh.maxCols,
      conditionalFormats: conditionalFormatsOf(sh), filter: filterOf(sh),
      links: linksOf(sh, (r, c) => formulaLink(this, sh, r, c, session)), charts: chartsOf(sh),
    };
  }

  /**
   * The conditional format the cell shows ("A5" or row, column), or null when no rule colours it.
   * Throws CannotEvaluate for a custom formula outside the fake's subset (cf-formula.ts).
   */
  conditionalFormatAt(sheetName: string, a1OrRow: string | number, col?: number): CondFormat | null {
    const sh = this.requireSheet(sheetName);
    const { r, c } = cellOf(a1OrRow, col);
    return conditionalFormatOf(this, sh, r, c);
  }

  /**
   * The rows (1-based, ascending) where some cell within the data extent shows a conditional format
   * with every property of `want`, e.g. { background: '#f4c7c3' } for "which rows are red".
   */
  rowsFormatted(sheetName: string, want: Partial<CondFormat>): number[] {
    const sh = this.requireSheet(sheetName);
    const norm = (k: keyof CondFormat, v: unknown): unknown => ((k === 'background' || k === 'fontColor') && typeof v === 'string' ? normaliseColor(v) : v);
    const keys = Object.keys(want) as (keyof CondFormat)[];
    const rows: number[] = [];
    const lastCol = sh.lastCol();
    const memo: RuleMemo = new WeakMap();
    for (let r = 1; r <= sh.lastRow(); r++) {
      for (const c of formattedColumns(sh, r)) {
        if (c > lastCol) break;
        const f = conditionalFormatOf(this, sh, r, c, memo);
        if (f && keys.every((k) => norm(k, f[k]) === norm(k, want[k]))) { rows.push(r); break; }
      }
    }
    return rows;
  }

  /** The rows the tab's filter hides, ascending; [] when the tab has no filter. */
  rowsHiddenByFilter(sheetName: string): number[] {
    const sh = this.requireSheet(sheetName);
    const f = sh.filter;
    if (!f) return [];
    const rows: number[] = [];
    for (let r = f.rect.r + 1; r < f.rect.r + f.rect.nr; r++) if (hiddenByFilter(this, sh, r)) rows.push(r);
    return rows;
  }
}

function cellOf(a1OrRow: string | number, col?: number): { r: number; c: number } {
  if (typeof a1OrRow === 'number') {
    if (col === undefined) throw new Error('conditionalFormatAt(sheet, row, column) needs the column');
    return { r: a1OrRow, c: col };
  }
  const ref = parseA1(a1OrRow);
  if (!ref || ref.r1 === undefined || ref.c1 === undefined) throw new Error(`Not a cell: ${a1OrRow}`);
  return { r: ref.r1, c: ref.c1 };
}

function rangeOf(rect: Rect): string {
  return rangeA1(rect.r, rect.c, rect.nr, rect.nc);
}

/** Groups each column's cells that share one rule object into runs such as 'C2:C1000'. */
function validationRuns(sh: SheetData): SheetExport['validations'] {
  const out: SheetExport['validations'] = [];
  for (let c = 1; c <= sh.maxCols; c++) {
    let start = 0;
    let cur: DataValidationRule | undefined;
    const flush = (end: number): void => {
      if (cur) {
        const rule = cur;
        const a1 = start === end ? cellA1(start, c) : `${cellA1(start, c)}:${cellA1(end, c)}`;
        const values = rule.data.values.map((v) => (isDateLike(v) ? new Date(v.getTime()) : v));
        out.push({ a1, rule: rule.describe(), criteria: rule.data.criteria, values, allowInvalid: rule.data.allowInvalid, helpText: rule.data.helpText });
      }
    };
    for (let r = 1; r <= sh.maxRows; r++) {
      const rule = sh.get('dv', r, c);
      if (rule !== cur) { flush(r - 1); cur = rule; start = r; }
    }
    flush(sh.maxRows);
  }
  return out;
}

function fakeId(name: string): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < 43; i++) { h = Math.imul(h ^ i, 16777619) >>> 0; s += alphabet[h % 64]; }
  return s;
}
