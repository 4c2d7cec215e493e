// How one cell is written and read, shared by Range.setValues and SpreadsheetModel.seed:
// - getValues "may be of type Number, Boolean, Date, or String… Empty cells are represented by an empty
//   string" (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()). A cell is a
//   date when its number format is a date/time format; it then holds a serial number (tz.ts).
// - setValues parses strings as typed input unless the cell is formatted '@' (input.ts), and
//   "If a value begins with =, it's interpreted as a formula"
//   (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)). A formula
//   cell keeps only its formula; its value is computed whenever it is read (cell-formulas.ts).
// - A Date written to an unformatted cell gets the locale's date-time format, as Sheets does.
// Data validation is not enforced on script writes (Apps Script writes invalid values; the cell only
// shows the rule's warning). Any write of a value or formula drops the cell's rich text (its links):
// the new content has its own, plain, text.

import { DEFAULT_NUMBER_FORMAT, displayOf, isDateFormat } from './formats';
import { parseTyped } from './input';
import type { LocaleInfo } from './locale';
import { MSG, SheetError } from './errors';
import type { SheetData, Val } from './sheet-data';
import { instantToSerial, serialToInstant } from './tz';

export interface DocCtx {
  timeZone: string;
  loc: LocaleInfo;
  /** Every tab, for formulas that reference other tabs. */
  sheets: readonly SheetData[];
}

const MAX_CELL_CHARS = 50_000;

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Writes `input` into (r, c) as Apps Script's setValue would. */
export function writeCell(doc: DocCtx, sh: SheetData, r: number, c: number, input: unknown): void {
  const fmt = sh.get('nf', r, c);
  sh.set('f', r, c, undefined);
  sh.set('rt', r, c, undefined);
  if (input === null || input === undefined || input === '') { sh.set('v', r, c, undefined); return; }
  if (typeof input === 'number' || typeof input === 'boolean') { sh.set('v', r, c, input); return; }
  if (isDateLike(input)) {
    const ms = input.getTime();
    if (!Number.isFinite(ms)) { sh.set('v', r, c, 'Invalid Date'); return; }
    sh.set('v', r, c, instantToSerial(ms, doc.timeZone));
    if (fmt === undefined) sh.set('nf', r, c, doc.loc.dateTimeFormat);
    return;
  }
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_CELL_CHARS) throw new SheetError(MSG.cellTooLong);
  if (fmt === '@') { sh.set('v', r, c, text); return; }
  const t = parseTyped(text, doc.loc);
  if (t.kind === 'formula') {
    // The value is computed whenever the cell is read (cell-formulas.ts), as Sheets recalculates it.
    sh.set('f', r, c, t.f);
    sh.set('v', r, c, undefined);
    return;
  }
  if (t.kind === 'text' || t.kind === 'bool') { sh.set('v', r, c, t.v); return; }
  sh.set('v', r, c, t.v);
  if (t.fmt !== undefined && fmt === undefined) sh.set('nf', r, c, t.fmt);
}

/**
 * writeCell for a run of cells in one row, with the common cases (numbers, booleans, blanks, text in
 * '@' cells, ordinary words) written straight into the row arrays so whole-tab writes stay fast.
 */
export function writeRow(doc: DocCtx, sh: SheetData, r: number, c: number, values: readonly unknown[]): void {
  const row = sh.row(r);
  const v = (row.v ??= []);
  const end = c - 1 + values.length;
  while (v.length < end) v.push(undefined);
  for (let j = 0; j < values.length; j++) {
    const col = c - 1 + j;
    const x = values[j];
    if (row.f !== undefined && row.f[col] !== undefined) { row.f[col] = undefined; sh.noteFormulaCleared(); }
    if (row.rt !== undefined && row.rt[col] !== undefined) row.rt[col] = undefined;
    if (typeof x === 'number' || typeof x === 'boolean') { v[col] = x; continue; }
    if (x === '' || x === null || x === undefined) { v[col] = undefined; continue; }
    if (typeof x === 'string' && x.length <= MAX_CELL_CHARS) {
      const fmt = row.nf?.[col];
      if (fmt === '@') { v[col] = x; continue; }
      const t = parseTyped(x, doc.loc);
      if (t.kind === 'text' || t.kind === 'bool') { v[col] = t.v; continue; }
    }
    writeCell(doc, sh, r, col + 1, x);
  }
}

export function writeFormula(sh: SheetData, r: number, c: number, formula: string): void {
  sh.set('rt', r, c, undefined);
  sh.set('v', r, c, undefined);
  sh.set('f', r, c, formula === '' ? undefined : formula.startsWith('=') ? formula : `=${formula}`);
}

/** The value getValues() returns; Dates are built with `DateCtor` (the caller's realm). */
export function readCell(doc: DocCtx, raw: Val | undefined, fmt: string | undefined, DateCtor: DateConstructor): unknown {
  if (raw === undefined) return '';
  if (typeof raw === 'number' && isDateFormat(fmt)) return new DateCtor(serialToInstant(raw, doc.timeZone));
  return raw;
}

export function displayCell(doc: DocCtx, raw: Val | undefined, fmt: string | undefined): string {
  return displayOf(raw, fmt, doc.loc);
}

export function numberFormatOf(fmt: string | undefined): string {
  return fmt ?? DEFAULT_NUMBER_FORMAT;
}
