// The Sync Log tab: one row per run (built by core/sync-log), appended by header name, its Start
// and End shown in the spreadsheet's time zone with the zone named; old rows trimmed by the
// retention rule; the latest runs read back for the sidebar.

import { syncLogRecord, syncLogTimeFormat, trimSyncLog } from '../core/sync-log';
import type { SyncLogEntry } from '../core/sync-log';
import { TAB, TABS, columnOf, headerText, headersOf } from '../core/tabs';
import type { TabDef } from '../core/tabs';
import type { DashboardPort } from '../ports/dashboard';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { isPeoplesTab } from './output-tabs';
import { appendRecords, readTable, writeTable } from './table';

const L = headersOf(TABS.syncLog);

export interface RecentRun {
  runId: string;
  job: string;
  /** ISO time, or the cell's text when it is not a date. */
  end: string;
  outcome: string;
  message: string;
}

/** The Sync Log without a format on its time columns: the zone-naming pattern goes on after the values. */
const UNFORMATTED_TIMES: TabDef = {
  ...TABS.syncLog,
  columns: TABS.syncLog.columns.map((c) => (c.key === 'start' || c.key === 'end' ? { ...c, format: undefined } : c)),
};

/**
 * Appends the run's row. With `shown` (the dashboard port), Start and End get a pattern naming the
 * spreadsheet's time zone, on that row only: the row number is the last row before the append plus
 * one (a size read that costs nothing extra, as the append reads it anyway). Without it (audit rows)
 * they keep the plain date-time format, still shown in the spreadsheet's zone.
 */
export function appendRun(wb: WorkbookPort, entry: SyncLogEntry, shown?: DashboardPort): void {
  // A person's own "Sync Log" gets no row among theirs (sheet/output-tabs): runs say why elsewhere.
  if (isPeoplesTab(wb, TABS.syncLog)) return;
  if (!shown) {
    appendRecords(wb, TABS.syncLog, [syncLogRecord(entry)]);
    return;
  }
  const row = shown.lastRow(TAB.syncLog) + 1;
  appendRecords(wb, UNFORMATTED_TIMES, [syncLogRecord(entry)]);
  const header = (wb.readHeader(TAB.syncLog) ?? []).map(headerText);
  const pattern = syncLogTimeFormat(shown.timeZone());
  // Start and End side by side (as set-up lays them out) take one call; apart, one each.
  const columns = [columnOf(header, L.start), columnOf(header, L.end)].filter((c) => c >= 0).sort((a, b) => a - b);
  if (columns.length === 2 && columns[1] === columns[0]! + 1) shown.setNumberFormat(TAB.syncLog, { row, column: columns[0]! + 1, rows: 1, columns: 2 }, pattern);
  else for (const c of columns) shown.setNumberFormat(TAB.syncLog, { row, column: c + 1, rows: 1, columns: 1 }, pattern);
}

/**
 * Removes rows older than the retention (docs/design.md §2: every growing tab has a retention rule).
 * Start and End keep the formats their cells have (the zone-naming pattern appendRun set): a
 * rewrite with the plain date-time format would drop the zone from every row kept.
 */
export function trimRuns(wb: WorkbookPort, now: number, retentionDays: number): void {
  const table = readTable(wb, TAB.syncLog);
  if (!table || isPeoplesTab(wb, TABS.syncLog)) return;
  const { kept, removedIndexes } = trimSyncLog(table.records, { now, retentionDays });
  if (removedIndexes.length > 0) writeTable(wb, UNFORMATTED_TIMES, table.header, kept);
}

const iso = (v: CellValue | undefined): string =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v ?? '');

/** The last `n` rows, newest first. */
export function recentRuns(wb: WorkbookPort, n: number): RecentRun[] {
  const table = readTable(wb, TAB.syncLog);
  if (!table || isPeoplesTab(wb, TABS.syncLog)) return [];
  return table.records
    .slice(-n)
    .reverse()
    .map((r) => ({
      runId: String(r[L.runId] ?? ''),
      job: String(r[L.job] ?? ''),
      end: iso(r[L.end]),
      outcome: String(r[L.outcome] ?? ''),
      message: String(r[L.message] ?? ''),
    }));
}
