// What the rules over a tab do to its cells, as a person would see it: the conditional format a cell
// shows and the rows a filter hides. Conditional formats: a cell takes the format of the FIRST rule
// in the tab's list whose ranges hold it and whose condition holds ("Rules are evaluated in their
// input order", https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule));
// a custom formula is written for the top-left cell of the rule's first range. Filters: a data row
// (below the filter range's header row) is hidden when any column's criteria rejects its cell.

import { formulaHolds, relativeAxes, type CellSource } from './cf-formula';
import type { DocCtx } from './cells';
import { computedCell, ruleSource } from './cell-formulas';
import type { CondFormat } from './conditional';
import { meetsCriteria, type CellView, type CriteriaEnv } from './criteria';
import type { FilterCriteriaData } from './filter-criteria';
import { displayOf } from './formats';
import type { Rect, SheetData, StoredCondRule } from './sheet-data';
import { instantToSerial } from './tz';

/** The tab as rule formulas read it; formula cells give their current value (cell-formulas.ts). */
function source(doc: DocCtx, sh: SheetData): CellSource {
  if (sh.formulaCount > 0) return ruleSource(doc, sh);
  return { value: (r, c) => sh.get('v', r, c), maxRows: sh.maxRows, maxCols: sh.maxCols };
}

function view(doc: DocCtx, sh: SheetData, r: number, c: number): CellView {
  if (sh.formulaCount > 0) {
    const { raw, fmt } = computedCell(doc, sh, r, c);
    return { raw, display: () => displayOf(raw, fmt, doc.loc) };
  }
  const raw = sh.get('v', r, c);
  return { raw, display: () => displayOf(raw, sh.get('nf', r, c), doc.loc) };
}

function env(doc: DocCtx, sh: SheetData, anchor: { r: number; c: number }, at: { r: number; c: number }): CriteriaEnv {
  return {
    toSerial: (d) => instantToSerial(d.getTime(), doc.timeZone),
    formula: (f) => formulaHolds(f, source(doc, sh), anchor, at),
  };
}

/** The columns some rule's range covers on row `r`, ascending: only those cells can show a format. */
export function formattedColumns(sh: SheetData, r: number): number[] {
  const cols = new Set<number>();
  for (const rule of sh.cfRules) {
    for (const ref of rule.ranges) {
      if (ref.sh !== sh || r < ref.rect.r || r >= ref.rect.r + ref.rect.nr) continue;
      for (let c = ref.rect.c; c < ref.rect.c + ref.rect.nc; c++) cols.add(c);
    }
  }
  return [...cols].sort((a, b) => a - b);
}

function inside(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r && r < rect.r + rect.nr && c >= rect.c && c < rect.c + rect.nc;
}

/**
 * Answers already worked out while scanning a tab, by rule: a custom formula without relative columns
 * (or rows) has one answer a row (or column), so a whole-row rule is evaluated once a row.
 */
export type RuleMemo = WeakMap<StoredCondRule, Map<string, boolean>>;

/** True when `rule` colours the cell (r, c) of `sh` (its ranges hold the cell and its condition holds). */
export function ruleColours(doc: DocCtx, sh: SheetData, rule: StoredCondRule, r: number, c: number, memo?: RuleMemo): boolean {
  const first = rule.ranges[0];
  if (!first || !rule.ranges.some((ref) => ref.sh === sh && inside(ref.rect, r, c))) return false;
  const anchor = { r: first.rect.r, c: first.rect.c };
  if (!memo || rule.criteria !== 'CUSTOM_FORMULA') return meetsCriteria(rule.criteria, rule.values, view(doc, sh, r, c), env(doc, sh, anchor, { r, c }));
  let answers = memo.get(rule);
  if (!answers) memo.set(rule, (answers = new Map()));
  const axes = relativeAxes(String(rule.values[0] ?? ''));
  const key = `${axes.rows ? r : '*'}:${axes.cols ? c : '*'}`;
  let hit = answers.get(key);
  if (hit === undefined) {
    hit = meetsCriteria(rule.criteria, rule.values, view(doc, sh, r, c), env(doc, sh, anchor, { r, c }));
    answers.set(key, hit);
  }
  return hit;
}

/** The conditional format the cell shows, or null when no rule applies. */
export function conditionalFormatOf(doc: DocCtx, sh: SheetData, r: number, c: number, memo?: RuleMemo): CondFormat | null {
  for (const rule of sh.cfRules) if (ruleColours(doc, sh, rule, r, c, memo)) return { ...rule.format };
  return null;
}

function passes(doc: DocCtx, sh: SheetData, crit: FilterCriteriaData, rect: Rect, r: number, c: number): boolean {
  const cell = view(doc, sh, r, c);
  if (crit.hidden && crit.hidden.includes(cell.display())) return false;
  if (crit.visible && !crit.visible.includes(cell.display())) return false;
  if (crit.criteria === null) return true;
  return meetsCriteria(crit.criteria, crit.values, cell, env(doc, sh, { r: rect.r + 1, c }, { r, c }));
}

/** True when the tab's filter hides row `r` (never the header row, never rows outside the filter range). */
export function hiddenByFilter(doc: DocCtx, sh: SheetData, r: number): boolean {
  const f = sh.filter;
  if (!f || r <= f.rect.r || r >= f.rect.r + f.rect.nr) return false;
  for (const [c, crit] of f.criteria) if (!passes(doc, sh, crit, f.rect, r, c)) return true;
  return false;
}
