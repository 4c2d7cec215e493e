// Sync Log rows (one per job run) and their retention: old rows are trimmed so the growing tab
// stays far below the spreadsheet's 10-million-cell limit (PRODUCT.md §2).

import { cellText, cellTime } from './cells';

export type SyncOutcome = 'ok' | 'partial' | 'skipped' | 'failed';

export const SYNC_LOG_HEADERS = ['Run ID', 'Job', 'Start', 'End', 'Outcome', 'Counts', 'Amazon Calls', '3PL Calls', 'Message'] as const;

/** Sheets refuses cells over 50,000 characters; a log message never needs that much. */
export const MAX_LOG_MESSAGE = 2000;

export interface SyncLogEntry {
  runId: string;
  job: string;
  /** ms since the epoch */
  start: number;
  end: number | null;
  outcome: SyncOutcome;
  /** e.g. { proposed: 120, changed: 4 } → "proposed 120, changed 4" */
  counts: Readonly<Record<string, number>>;
  amazonCalls: number;
  threePlCalls: number;
  /** Plain words; the caller passes only non-secret data. */
  message: string;
}

export type SyncLogRecord = Record<string, unknown>;

/** "inventory-20261102T080000Z-k3f9": sortable, readable, and unique with a random suffix. */
export function makeRunId(job: string, start: number, suffix: string): string {
  const stamp = new Date(start).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${job}-${stamp}${suffix ? `-${suffix}` : ''}`;
}

/** Counts in insertion order: "proposed 120, changed 4, exceptions 0". */
export function formatCounts(counts: Readonly<Record<string, number>>): string {
  return Object.keys(counts)
    .map((k) => `${k} ${counts[k]}`)
    .join(', ');
}

export function syncLogRecord(entry: SyncLogEntry): SyncLogRecord {
  const message = entry.message.length > MAX_LOG_MESSAGE ? `${entry.message.slice(0, MAX_LOG_MESSAGE - 1)}…` : entry.message;
  return {
    'Run ID': entry.runId,
    Job: entry.job,
    Start: new Date(entry.start),
    End: entry.end === null ? '' : new Date(entry.end),
    Outcome: entry.outcome,
    Counts: formatCounts(entry.counts),
    'Amazon Calls': entry.amazonCalls,
    '3PL Calls': entry.threePlCalls,
    Message: message,
  };
}

export interface TrimResult {
  kept: SyncLogRecord[];
  /** Positions (0-based, in the input) of the removed rows, ascending. */
  removedIndexes: number[];
}

/**
 * Removes rows whose Start is more than `retentionDays` before `now`. Rows whose Start cannot be
 * read (a person's note) are kept: retention must never delete what it does not understand.
 */
export function trimSyncLog(rows: ReadonlyArray<SyncLogRecord>, options: { now: number; retentionDays: number }): TrimResult {
  const cutoff = options.now - options.retentionDays * 86_400_000;
  const kept: SyncLogRecord[] = [];
  const removedIndexes: number[] = [];
  rows.forEach((row, i) => {
    const start = cellTime(row['Start']);
    if (start !== null && start < cutoff) removedIndexes.push(i);
    else kept.push(row);
  });
  return { kept, removedIndexes };
}

/** End time of the latest run of `job` that finished ok (or partly ok), for STOCK_SYNC_TIMEOUT. */
export function lastSuccessfulRun(rows: ReadonlyArray<SyncLogRecord>, job: string): number | null {
  let best: number | null = null;
  for (const row of rows) {
    if (cellText(row['Job']) !== job) continue;
    const outcome = cellText(row['Outcome']);
    if (outcome !== 'ok' && outcome !== 'partial') continue;
    const t = cellTime(row['End']) ?? cellTime(row['Start']);
    if (t !== null && (best === null || t > best)) best = t;
  }
  return best;
}
