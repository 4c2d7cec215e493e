// SheetStylePort over SpreadsheetApp: the one file that sets frozen rows, filters, data validation,
// protection, conditional format rules and rich-text links. Every method looks before it writes, and
// only with calls that read metadata, one cell or the grid's size, never a column's worth of cells.
// Ranges are given open at the bottom ("C2:C", A1 notation,
// https://developers.google.com/sheets/api/guides/concepts#cell), which Apps Script resolves to the
// grid's last row; rows the add-on inserts below that later are outside them, so a rule or filter that
// no longer reaches the bottom is set again.
// APIs as documented: Sheet.setFrozenRows / getFrozenRows, Range.createFilter and Sheet.getFilter
// (https://developers.google.com/apps-script/reference/spreadsheet/filter), Range.setDataValidation
// with SpreadsheetApp.newDataValidation(), Sheet.protect().setWarningOnly(true),
// Sheet.setConditionalFormatRules ("replaces all currently existing conditional format rules",
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule))
// and Range.setRichTextValues with SpreadsheetApp.newRichTextValue().

import type { CellRule, ConditionalFormat, LinkCell, SheetStylePort, StyleChange, TabStandard } from '../../ports/sheet-style';
import { sheetNamed } from './sheet-named';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const PROTECTION_NOTE = 'Written by FBA 3PL Sync: edits here are overwritten on the next run.';

/** 1 → A, 27 → AA. */
function letters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Columns `column`..`column + count - 1` from `row` to the bottom of the grid, however it grows. */
function openRange(sheet: Sheet, row: number, column: number, count = 1): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(`${letters(column)}${row}:${letters(column + count - 1)}`);
}

function validation(rule: CellRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  if (rule === 'checkbox') return b.requireCheckbox().build();
  return b
    .requireValueInList([...rule.list], true)
    .setAllowInvalid(!rule.strict)
    .setHelpText(`One of: ${rule.list.join(', ')}`)
    .build();
}

/**
 * A cell gets our rule when it has none, or when it has a drop-down that lacks some of our values (an
 * older version's list, e.g. Status before "Ignored"). Any other rule is a person's and stays.
 */
function wantsRule(current: GoogleAppsScript.Spreadsheet.DataValidation | null, rule: CellRule): boolean {
  if (!current) return true;
  if (rule === 'checkbox') return false;
  if (current.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST) return false;
  const values = current.getCriteriaValues()[0];
  const have = new Set(Array.isArray(values) ? values.map((v) => String(v)) : []);
  return rule.list.some((v) => !have.has(v));
}

/** The custom formula of a rule; null for rules of another kind (people's colour scales, text rules…). */
function formulaOf(rule: Rule): string | null {
  const c = rule.getBooleanCondition();
  if (!c || c.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return null;
  const f = c.getCriteriaValues()[0];
  return typeof f === 'string' ? f : null;
}

const colour = (c: string | null | undefined): string => (c ?? '').toLowerCase();

/** True when a rule on the tab is `want`: same formula, colours and columns, from row 2 down to `bottom`. */
function sameRule(have: Rule, want: ConditionalFormat, bottom: number): boolean {
  const c = have.getBooleanCondition();
  const ranges = have.getRanges();
  const r = ranges[0];
  return (
    c !== null &&
    formulaOf(have) === want.formula &&
    colour(c.getBackground()) === colour(want.background) &&
    colour(c.getFontColor()) === colour(want.fontColor) &&
    ranges.length === 1 &&
    r !== undefined &&
    r.getRow() === 2 &&
    r.getLastRow() >= bottom &&
    r.getColumn() === want.column &&
    r.getNumColumns() === want.columns
  );
}

function buildRule(sheet: Sheet, want: ConditionalFormat): Rule {
  let b = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(want.formula).setBackground(want.background);
  if (want.fontColor) b = b.setFontColor(want.fontColor);
  return b.setRanges([openRange(sheet, 2, want.column, want.columns)]).build();
}

/** Runs of cells in one column on consecutive rows, so each run is one write. */
function runsOf(cells: readonly LinkCell[]): LinkCell[][] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: LinkCell[][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.column === c.column && last.row + 1 === c.row) run.push(c);
    else runs.push([c]);
  }
  return runs;
}

export function gasSheetStyle(): SheetStylePort {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheetOf = (tab: string): Sheet | null => sheetNamed(ss, tab);

  /**
   * A filter over the header's columns down to the bottom of the grid. One that starts at A1 but no
   * longer covers the grid (rows or columns added since) is made again over it, keeping each column's
   * criteria; a filter people placed elsewhere stays as it is.
   */
  const ensureFilter = (sheet: Sheet, width: number): boolean => {
    if (width < 1) return false;
    const current = sheet.getFilter();
    if (current) {
      const r = current.getRange();
      if (r.getRow() !== 1 || r.getColumn() !== 1) return false;
      if (r.getLastRow() >= sheet.getMaxRows() && r.getNumColumns() >= width) return false;
      const kept: Array<[number, GoogleAppsScript.Spreadsheet.FilterCriteria]> = [];
      for (let c = 1; c <= r.getNumColumns(); c++) {
        const criteria = current.getColumnFilterCriteria(c);
        if (criteria) kept.push([c, criteria]);
      }
      current.remove();
      const made = openRange(sheet, 1, 1, Math.max(width, r.getNumColumns())).createFilter();
      for (const [c, criteria] of kept) made.setColumnFilterCriteria(c, criteria);
      return true;
    }
    openRange(sheet, 1, 1, width).createFilter();
    return true;
  };

  return {
    ensureStandard(std: TabStandard): StyleChange[] {
      const sheet = sheetOf(std.tab);
      if (!sheet) return [];
      const changes = new Set<StyleChange>();
      // A grid of the header row alone has no row 2 to format, and freezing every row is refused.
      if (sheet.getMaxRows() < 2) return [];
      if (std.freezeHeader && sheet.getFrozenRows() === 0) {
        sheet.setFrozenRows(1);
        changes.add('frozen header');
      }
      if (std.filter && ensureFilter(sheet, std.width)) changes.add('filter');
      for (const column of std.plainText) {
        // Existing values keep their type: only what is typed from now on is read as text.
        if (sheet.getRange(2, column).getNumberFormat() === '@') continue;
        openRange(sheet, 2, column).setNumberFormat('@');
        changes.add('plain text');
      }
      for (const { column, rule } of std.columnRules) {
        if (!wantsRule(sheet.getRange(2, column).getDataValidation(), rule)) continue;
        openRange(sheet, 2, column).setDataValidation(validation(rule));
        changes.add(rule === 'checkbox' ? 'tick boxes' : 'drop-downs');
      }
      for (const { row, column, rule } of std.cellRules) {
        const cell = sheet.getRange(row, column);
        if (!wantsRule(cell.getDataValidation(), rule)) continue;
        cell.setDataValidation(validation(rule));
        changes.add(rule === 'checkbox' ? 'tick boxes' : 'drop-downs');
      }
      if (std.protect && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
        sheet.protect().setWarningOnly(true).setDescription(PROTECTION_NOTE);
        changes.add('protection');
      }
      return [...changes];
    },

    setConditionalFormats(tab, rules, isOwn) {
      const sheet = sheetOf(tab);
      if (!sheet) return false;
      const theirs: Rule[] = [];
      const ours: Rule[] = [];
      for (const r of sheet.getConditionalFormatRules()) {
        const f = formulaOf(r);
        (f !== null && isOwn(f) ? ours : theirs).push(r);
      }
      const bottom = ours.length ? sheet.getMaxRows() : 0;
      if (ours.length === rules.length && rules.every((want, i) => sameRule(ours[i]!, want, bottom))) return false;
      // People's rules first: where theirs and ours both match a cell, theirs wins.
      sheet.setConditionalFormatRules([...theirs, ...rules.map((want) => buildRule(sheet, want))]);
      return true;
    },

    ensureFilter(tab, width) {
      const sheet = sheetOf(tab);
      return sheet ? ensureFilter(sheet, width) : false;
    },

    setLinks(tab, cells) {
      const sheet = sheetOf(tab);
      if (!sheet || cells.length === 0) return;
      for (const run of runsOf(cells.filter((c) => c.text !== ''))) {
        const values = run.map((c) => {
          const b = SpreadsheetApp.newRichTextValue().setText(c.text);
          // A place in this spreadsheet links as "#gid=<sheet id>&range=<A1>", the form Sheets' own
          // "Insert link → Sheets in this spreadsheet" writes; a tab that is gone leaves the text plain.
          const inSheet = c.sheetCell ? sheetOf(c.sheetCell.tab) : null;
          const url = c.sheetCell ? (inSheet ? `#gid=${inSheet.getSheetId()}&range=${c.sheetCell.a1}` : null) : c.url;
          return [(url ? b.setLinkUrl(0, c.text.length, url) : b).build()];
        });
        sheet.getRange(run[0]!.row, run[0]!.column, run.length, 1).setRichTextValues(values);
      }
    },
  };
}
