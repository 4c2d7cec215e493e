// Sync Log rows (one per job run) and their retention: old rows are trimmed so the growing tab
// stays far below the spreadsheet's 10-million-cell limit (docs/design.md §2).

import { cellTime } from './cells';
import { TABS, headersOf } from './tabs';

type SyncOutcome = 'ok' | 'partial' | 'held' | 'skipped' | 'failed';

/** Sync Log column key → header (TABS.syncLog). */
const L = headersOf(TABS.syncLog);

/** Sheets refuses cells over 50,000 characters; a log message never needs that much. */
const MAX_LOG_MESSAGE = 2000;

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

type SyncLogRecord = Record<string, unknown>;

/** "inventory-20261102080000-3f9a": sortable by start time, unique with a random suffix. */
export function makeRunId(job: string, start: number, suffix: string): string {
  const stamp = new Date(start).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${job}-${stamp}${suffix ? `-${suffix}` : ''}`;
}

/** Counts in insertion order: "offers: 120, changes: 4". */
function formatCounts(counts: Readonly<Record<string, number>>): string {
  return Object.keys(counts)
    .map((k) => `${k}: ${counts[k]}`)
    .join(', ');
}

/** The Sync Log row of one run, keyed by header. */
export function syncLogRecord(entry: SyncLogEntry): SyncLogRecord {
  const message = entry.message.length > MAX_LOG_MESSAGE ? `${entry.message.slice(0, MAX_LOG_MESSAGE - 1)}…` : entry.message;
  return {
    [L.runId]: entry.runId,
    [L.job]: entry.job,
    [L.start]: new Date(entry.start),
    [L.end]: entry.end === null ? '' : new Date(entry.end),
    [L.outcome]: entry.outcome,
    [L.counts]: formatCounts(entry.counts),
    [L.amazonCalls]: entry.amazonCalls,
    [L.threePlCalls]: entry.threePlCalls,
    [L.message]: message,
  };
}

interface TrimResult {
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
    const start = cellTime(row[L.start]);
    if (start !== null && start < cutoff) removedIndexes.push(i);
    else kept.push(row);
  });
  return { kept, removedIndexes };
}
