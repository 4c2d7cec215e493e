// The Dashboard tab, refreshed after each run: the record in document properties is brought up to
// date, the tab (a few dozen cells) is read and only the rows whose cells changed are written. It
// reads the Exceptions tab, never the Inventory tab (the run passes its stock health). The chart is
// inserted once, over the fixed range of the last 30 days, and looked for again only when the tab
// is found empty (a new Dashboard from "Set up sheets"). Each job's last success is a formula over
// the Sync Log (core/dashboard-formulas), written only when the cell does not already show it, so a
// run that changes nothing else writes no Dashboard cell.

import { DASHBOARD_DATA, DASHBOARD_WIDTH, dashboardGrid, exceptionFigures, parseDashboardState, recordRun } from '../core/dashboard';
import type { DashboardGrid } from '../core/dashboard';
import { lastSuccessFloor, lastSuccessFormula } from '../core/dashboard-formulas';
import type { SyncLogColumns } from '../core/dashboard-formulas';
import { CHARGES_SUMMARY_KEY, parseChargesSummary } from '../core/charges/summary';
import { SETTLEMENTS_SUMMARY_KEY, parseSettlementsSummary } from '../core/settlements/by-currency';
import type { DashboardRun } from '../core/dashboard';
import { TAB, TABS, columnOf, findTabName, headerText, headersOf, sameName } from '../core/tabs';
import type { DashboardPort } from '../ports/dashboard';
import type { KeyValueStore } from '../ports/store';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { changedRuns } from './row-blocks';
import { readTable } from './table';

/** Document property holding the Dashboard's record (core/dashboard DashboardState). */
export const DASHBOARD_STATE_KEY = 'dashboard.state';

const CHART_TITLE = 'Stock changes pushed and new exceptions per day (last 30 days)';

/** A cell as it compares: dates to the second (what a sheet keeps of them), empty as ''. */
function comparable(v: CellValue | undefined): unknown {
  if (v === undefined || v === null) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') return Math.round((v as Date).getTime() / 1000);
  return v;
}

const sameRow = (a: readonly CellValue[], b: readonly CellValue[]) => Array.from({ length: DASHBOARD_WIDTH }, (_, j) => comparable(a[j]) === comparable(b[j])).every(Boolean);

/** Rows (0-based under the header) whose Item reads as a section ("— Stock health —"). */
function sectionRows(rows: ReadonlyArray<readonly CellValue[]>): number[] {
  return rows.flatMap((r, i) => (/^—.*—$/.test(String(r[0] ?? '').trim()) ? [i] : []));
}

const L = headersOf(TABS.syncLog);
/** The Dashboard's When column (1-based). */
const WHEN = TABS.dashboard.columns.findIndex((c) => c.key === 'when') + 1;

/** Where the Sync Log keeps Job, End and Outcome now (set-up's places when the tab or a header is missing). */
function syncLogColumns(wb: WorkbookPort): SyncLogColumns {
  const tab = findTabName(wb.tabNames(), TAB.syncLog) ?? TAB.syncLog;
  const header = (wb.readHeader(tab) ?? []).map(headerText);
  const at = (name: string) => {
    const found = columnOf(header, name);
    return (found >= 0 ? found : TABS.syncLog.columns.findIndex((c) => c.header === name)) + 1;
  };
  return { tab, job: at(L.job), end: at(L.end), outcome: at(L.outcome) };
}

/**
 * Puts each job's last-success formula in `next` (core/dashboard-formulas), or what the cell already
 * shows when it holds that formula and shows at least the recorded success (to the second): then
 * the cell is not written, as Sheets recalculates it from the Sync Log row this run appended. A cell
 * showing less (the success's row trimmed by retention or deleted by hand) is written again with the
 * recorded success as its floor.
 */
function lastSuccessCells(wb: WorkbookPort, shown: DashboardPort, grid: DashboardGrid, before: ReadonlyArray<readonly CellValue[]>, next: CellValue[][], zone: string): void {
  if (grid.lastOk.length === 0) return;
  const log = syncLogColumns(wb);
  const formulas = before.length > 0 ? shown.formulas(TAB.dashboard, { row: 2, column: WHEN, rows: before.length, columns: 1 }) : [];
  for (const { index, job, at } of grid.lastOk) {
    const wall = shown.wallClock(at, zone);
    const floor = lastSuccessFloor(formulas[index]?.[0] ?? '', job, log);
    const showing = before[index]?.[WHEN - 1];
    const shows = Object.prototype.toString.call(showing) === '[object Date]' ? (showing as Date).getTime() : NaN;
    if (floor !== null && shows >= at - 999) {
      next[index]![WHEN - 1] = showing as CellValue;
      continue;
    }
    const formula = lastSuccessFormula(job, wall, log);
    if (formula) next[index]![WHEN - 1] = formula;
  }
}

/** The tab is the add-on's layout only when its header row is: a person's own "Dashboard" tab is never written over. */
function isOurs(values: ReadonlyArray<readonly CellValue[]>): boolean {
  const header = values[0] ?? [];
  return TABS.dashboard.columns.every((c, i) => sameName(header[i], c.header));
}

/**
 * Records the run and redraws what changed. `now` values come from the run: nothing here reads a
 * clock. A missing Dashboard tab, or a tab of that name laid out otherwise (a person's
 * own), only updates the record ("Set up sheets" creates the tab).
 */
export function refreshDashboard(wb: WorkbookPort, shown: DashboardPort, store: KeyValueStore, run: DashboardRun): void {
  const zone = shown.timeZone();
  const today = shown.dayOf(run.end, zone);
  const stored = store.get(DASHBOARD_STATE_KEY);
  const state = recordRun(parseDashboardState(stored), run, today);
  const values = wb.read(TAB.dashboard);
  if (values && isOurs(values)) {
    const exceptions = readTable(wb, TAB.exceptions)?.records ?? [];
    const charges = parseChargesSummary(store.get(CHARGES_SUMMARY_KEY));
    const settlements = parseSettlementsSummary(store.get(SETTLEMENTS_SUMMARY_KEY));
    const grid = dashboardGrid({ state, exceptions: exceptionFigures(exceptions), timeZone: zone, today, charges, settlements });
    const before = values.slice(1);
    const empty = before.every((r) => r.every((v) => comparable(v) === ''));
    const blank = new Array<CellValue>(DASHBOARD_WIDTH).fill('');
    const height = Math.max(grid.rows.length, before.length);
    const next = Array.from({ length: height }, (_, i) => [...(grid.rows[i] ?? blank)]);
    lastSuccessCells(wb, shown, grid, before, next, zone);
    const changed = next.map((r, i) => !sameRow(before[i] ?? blank, r));
    // Each run of changed rows is written from its first changed column to its last: a run that only
    // moves a "last sync" time writes that cell, not its row (issue 13: a quiet run writes next to nothing).
    const blocks = changedRuns(changed).map((run) => {
      const rows = next.slice(run.start, run.start + run.count);
      const differs = (j: number) => rows.some((r, k) => comparable(r[j]) !== comparable((before[run.start + k] ?? blank)[j]));
      const cols = Array.from({ length: DASHBOARD_WIDTH }, (_, j) => j).filter(differs);
      const first = cols[0]!;
      const last = cols[cols.length - 1]!;
      return { row: run.start + 2, column: first + 1, rows: rows.map((r) => r.slice(first, last + 1)) };
    });
    // Formats are the tab's own (set-up styled each column): only values are written.
    if (blocks.length > 0) wb.writeRows(TAB.dashboard, blocks);
    const was = new Set(sectionRows(before));
    const now = new Set(grid.sections);
    const block = (i: number) => ({ row: i + 2, column: 1, rows: 1, columns: 4 });
    const plain = [...was].filter((i) => !now.has(i));
    const bold = [...now].filter((i) => !was.has(i) || empty);
    if (plain.length > 0) shown.setBold(TAB.dashboard, plain.map(block), false);
    if (bold.length > 0) shown.setBold(TAB.dashboard, bold.map(block), true);
    if (empty || !state.chart) {
      if (shown.chartCount(TAB.dashboard) === 0) {
        shown.insertChart(TAB.dashboard, { type: 'column', range: DASHBOARD_DATA, title: CHART_TITLE, at: { row: 2, column: DASHBOARD_WIDTH + 2 } });
      }
      state.chart = true;
    }
  }
  const text = JSON.stringify(state);
  if (text !== stored) store.set(DASHBOARD_STATE_KEY, text);
}
