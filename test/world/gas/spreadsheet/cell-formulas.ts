// Cell formulas recalculated on every read. Sheets recalculates a formula whenever a value it depends on
// changes (the default RecalculationInterval ON_CHANGE, "Recalculate only when values are changed",
// https://developers.google.com/apps-script/reference/spreadsheet/recalculation-interval), so a read always
// sees the current result; for the deterministic functions the fake knows, evaluating at read time is the
// same thing. A formula cell stores only its formula ('f'); getValue(s), getDisplayValue(s), the exported
// workbook (model.ts), conditional formats, filters, sorting and exported links all read its value here.
// A tab whose formula count is zero is read without looking at formulas at all.
//
// The subset evaluated (cf-formula.ts, formula-functions.ts; Sheets function list:
// https://support.google.com/docs/table/25273): numbers, "text", TRUE/FALSE, error literals (#N/A…),
// + - * / ^ % & = <> < <= > >=, references (A1, $A$1, A1:B9, A:A, A2:A, 1:1) on the cell's own tab or
// another ('Sync Log'!$D:$D, Sheet1!A1, 'It''s'!A1:B2), and IF, IFERROR, AND, OR, NOT, ISBLANK, ISNUMBER,
// ISTEXT, ISERROR, LEN, TRIM, UPPER, LOWER, LEFT, RIGHT, EXACT, ABS, SUM, MAX, MIN, MAXIFS, MINIFS, COUNTA,
// COUNTIF, COUNTIFS, DATE, TIME, HYPERLINK, REGEXMATCH. Values read as getValues returns them
// (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues(): Number, Boolean, Date
// or String, '' for empty): an error as its text ("#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NUM!"), a
// number in a date-formatted cell (its own format, or the date format inferred by formula-format.ts) as a
// Date in the spreadsheet's time zone.
//
// Limits, where the fake is not Sheets:
// - a formula outside the subset (another function, TODAY(), NOW(), RAND(), named ranges, an array result,
//   a syntax error) reads as '' (blank), as the fake always has; Sheets would compute it, or show #NAME? /
//   #ERROR!. The formula text is kept, so getFormula(s) still returns it;
// - inserting, deleting or sorting rows and columns does not rewrite references in formulas (Sheets shifts
//   them); renaming and deleting tabs does (formula-refs.ts);
// - getNumberFormat(s) reports the cell's own format, not the inferred one.

import { readCell, type DocCtx } from './cells';
import { CannotEvaluate, evaluateCellFormula, hyperlinkTarget, type CellSource } from './cf-formula';
import { inferredFormat, type FormatEnv } from './formula-format';
import { displayOf } from './formats';
import { FErr, isErr, type Scalar } from './formula-values';
import type { SheetData, Val } from './sheet-data';

/** What one read of the spreadsheet has worked out so far: a formula read twice is evaluated once. */
export interface ReadSession {
  values: Map<string, Scalar>;
  formats: Map<string, string | undefined>;
  /** Cells whose value (or inferred format) is being worked out: meeting one again is a cycle. */
  busyValues: Set<string>;
  busyFormats: Set<string>;
  sources: Map<SheetData, CellSource>;
}

export function newSession(): ReadSession {
  return { values: new Map(), formats: new Map(), busyValues: new Set(), busyFormats: new Set(), sources: new Map() };
}

const keyOf = (sh: SheetData, r: number, c: number): string => `${sh.id}:${r}:${c}`;

/**
 * The tab a formula names, matched ignoring case as tab names clash ignoring case (model.nameClash), so at
 * most one tab answers to a name.
 */
function tabNamed(doc: DocCtx, name: string): SheetData | undefined {
  const folded = name.toLowerCase();
  return doc.sheets.find((s) => s.name.toLowerCase() === folded);
}

/** `sh` as formulas read it: formula cells give their computed value. */
function sourceOf(doc: DocCtx, sh: SheetData, s: ReadSession): CellSource {
  let src = s.sources.get(sh);
  if (src) return src;
  let last: number | undefined;
  src = {
    maxRows: sh.maxRows,
    maxCols: sh.maxCols,
    lastRow: () => (last ??= sh.lastRow()),
    value: (r, c) => {
      const f = sh.formulaCount > 0 ? sh.get('f', r, c) : undefined;
      return f === undefined ? sh.get('v', r, c) : formulaValue(doc, sh, r, c, f, s);
    },
    format: (r, c) => formatAt(doc, sh, r, c, s),
    sheet: (name) => { const t = tabNamed(doc, name); return t ? sourceOf(doc, t, s) : null; },
  };
  s.sources.set(sh, src);
  return src;
}

/**
 * The source a conditional-format or filter formula of `sh` reads: the tab's cells with formula cells
 * computed, but no other tab (such formulas may reference only their own sheet, cf-formula.ts).
 */
export function ruleSource(doc: DocCtx, sh: SheetData): CellSource {
  const s = newSession();
  const full = sourceOf(doc, sh, s);
  return { maxRows: full.maxRows, maxCols: full.maxCols, value: full.value };
}

/** A formula cell's value; a cell that needs its own value is a circular dependency, which Sheets shows as #REF!. */
function formulaValue(doc: DocCtx, sh: SheetData, r: number, c: number, f: string, s: ReadSession): Scalar {
  const key = keyOf(sh, r, c);
  if (s.values.has(key)) return s.values.get(key) as Scalar;
  if (s.busyValues.has(key)) return new FErr('#REF!');
  s.busyValues.add(key);
  try {
    const v = evaluateCellFormula(f, sourceOf(doc, sh, s));
    s.values.set(key, v);
    return v;
  } finally {
    s.busyValues.delete(key);
  }
}

function formatEnv(doc: DocCtx): FormatEnv {
  return { date: doc.loc.dateFormat, time: doc.loc.timeFormat, dateTime: doc.loc.dateTimeFormat };
}

/** The number format a cell shows: its own, else for a formula cell the one Sheets infers (formula-format.ts). */
function formatAt(doc: DocCtx, sh: SheetData, r: number, c: number, s: ReadSession): string | undefined {
  const own = sh.get('nf', r, c);
  const f = own === undefined && sh.formulaCount > 0 ? sh.get('f', r, c) : undefined;
  if (f === undefined) return own;
  const key = keyOf(sh, r, c);
  if (s.formats.has(key)) return s.formats.get(key);
  if (s.busyFormats.has(key)) return undefined;
  s.busyFormats.add(key);
  try {
    const fmt = inferredFormat(f, sourceOf(doc, sh, s), formatEnv(doc));
    s.formats.set(key, fmt);
    return fmt;
  } finally {
    s.busyFormats.delete(key);
  }
}

/** A cell as stored values are: its raw value (an error as its code, blank as undefined) and its number format. */
export function computedCell(doc: DocCtx, sh: SheetData, r: number, c: number, s: ReadSession = newSession()): { raw: Val | undefined; fmt: string | undefined } {
  const own = sh.get('nf', r, c);
  const f = sh.formulaCount > 0 ? sh.get('f', r, c) : undefined;
  if (f === undefined) return { raw: sh.get('v', r, c), fmt: own };
  let v: Scalar;
  try {
    v = formulaValue(doc, sh, r, c, f, s);
  } catch (e) {
    if (e instanceof CannotEvaluate) return { raw: undefined, fmt: own };
    throw e;
  }
  const raw = v === null ? undefined : isErr(v) ? v.code : v;
  return { raw, fmt: own ?? (typeof raw === 'number' ? formatAt(doc, sh, r, c, s) : undefined) };
}

/** The raw value of a cell, formulas computed. */
export function rawAt(doc: DocCtx, sh: SheetData, r: number, c: number, s?: ReadSession): Val | undefined {
  return computedCell(doc, sh, r, c, s).raw;
}

/** What getValue() returns for the cell: a number in a date-formatted cell (its own format or inferred) is a Date. */
export function readAt(doc: DocCtx, sh: SheetData, r: number, c: number, DateCtor: DateConstructor, s?: ReadSession): unknown {
  const { raw, fmt } = computedCell(doc, sh, r, c, s);
  return readCell(doc, raw, fmt, DateCtor);
}

/** What getDisplayValue() returns for the cell. */
export function displayAt(doc: DocCtx, sh: SheetData, r: number, c: number, s?: ReadSession): string {
  const { raw, fmt } = computedCell(doc, sh, r, c, s);
  return displayOf(raw, fmt, doc.loc);
}

/** A =HYPERLINK(url, label) cell's computed target and shown text, for the exported links; null for other cells. */
export function formulaLink(doc: DocCtx, sh: SheetData, r: number, c: number, s: ReadSession = newSession()): { text: string; url: string } | null {
  const f = sh.get('f', r, c);
  if (f === undefined) return null;
  let url: string | null;
  try {
    url = hyperlinkTarget(f, sourceOf(doc, sh, s));
  } catch (e) {
    if (e instanceof CannotEvaluate) return null;
    throw e;
  }
  return url === null ? null : { text: String(rawAt(doc, sh, r, c, s) ?? ''), url };
}
