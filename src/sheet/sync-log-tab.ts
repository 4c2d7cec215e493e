// The Sync Log tab: one row per run (built by core/sync-log), appended by header name; old rows
// trimmed by the retention rule; the latest runs read back for the sidebar.

import { syncLogRecord, trimSyncLog } from '../core/sync-log';
import type { SyncLogEntry } from '../core/sync-log';
import { TAB, TABS, headersOf } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';
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

export function appendRun(wb: WorkbookPort, entry: SyncLogEntry): void {
  appendRecords(wb, TABS.syncLog, [syncLogRecord(entry)]);
}

/** Removes rows older than the retention (docs/design.md §2: every growing tab has a retention rule). */
export function trimRuns(wb: WorkbookPort, now: number, retentionDays: number): void {
  const table = readTable(wb, TAB.syncLog);
  if (!table) return;
  const { kept, removedIndexes } = trimSyncLog(table.records, { now, retentionDays });
  if (removedIndexes.length > 0) writeTable(wb, TABS.syncLog, table.header, kept);
}

const iso = (v: CellValue | undefined): string =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v ?? '');

/** The last `n` rows, newest first. */
export function recentRuns(wb: WorkbookPort, n: number): RecentRun[] {
  const table = readTable(wb, TAB.syncLog);
  if (!table) return [];
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
