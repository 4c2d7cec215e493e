// Runs one job under the document lock and records it as one Sync Log row. A second run while
// one holds the lock is skipped and says so (PRODUCT.md §4). Error messages are redacted of
// secrets before they reach the sheet.

import type { Ports } from '../adapters/gas/context';
import { TAB, TABS } from '../core/tabs';
import { trimSyncLog } from '../core/sync-log';
import { readSettings } from './settings-source';
import { readTable, writeTable } from './tables';
import { redact } from '../core/secrets';
import { countingHttp } from './counting-http';
import { deadlineFrom } from '../ports/clock';
import type { Deadline } from '../ports/clock';

/** The Sync Log is trimmed at most once a day: trimming reads the whole tab. */
const TRIM_KEY = 'syncLog.trimmedAt';
const DAY_MS = 86_400_000;

/** Removes Sync Log rows older than "Log retention (days)" (PRODUCT.md §2: every growing tab has a retention rule). */
function trimLog(ports: Ports, now: number): void {
  if (now - Number(ports.store.get(TRIM_KEY) ?? 0) < DAY_MS) return;
  ports.store.set(TRIM_KEY, String(now));
  const table = readTable(ports.workbook, TAB.syncLog);
  if (!table) return;
  const { kept, removedIndexes } = trimSyncLog(table.records, { now, retentionDays: readSettings(ports.workbook).settings.logRetentionDays });
  if (removedIndexes.length > 0) writeTable(ports.workbook, TABS.syncLog, table.header, kept);
}

/** Stop starting new work here, leaving a minute for writing results before the 6-minute kill. */
export const JOB_BUDGET_MS = 4.5 * 60 * 1000;

export interface JobOutcome {
  outcome: 'ok' | 'partial' | 'held' | 'failed' | 'skipped';
  counts: Record<string, number>;
  message: string;
}

export type JobFn = (ports: Ports, deadline: Deadline) => JobOutcome;

export interface RunSummary extends JobOutcome {
  runId: string;
  job: string;
}

function runId(job: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${job}-${stamp}-${Math.floor(Math.random() * 0xffff).toString(16).padStart(4, '0')}`;
}

export function runJob(job: string, fn: JobFn, ports: Ports, secrets: ReadonlyArray<string | null>): RunSummary {
  const start = ports.clock.now();
  const id = runId(job, start);
  const { http, counts: calls } = countingHttp(ports.http);
  let result: JobOutcome;
  if (!ports.lock.tryLock(10_000)) {
    result = { outcome: 'skipped', counts: {}, message: 'Another sync was running, so this one was skipped.' };
  } else {
    try {
      result = fn({ ...ports, http }, deadlineFrom(ports.clock, JOB_BUDGET_MS - (ports.clock.now() - start)));
    } catch (e) {
      const message = e instanceof Object && 'message' in e ? String((e as Error).message) : String(e);
      result = { outcome: 'failed', counts: {}, message: redact(message, secrets) };
    } finally {
      ports.lock.release();
    }
  }
  const countsText = Object.entries(result.counts).map(([k, v]) => `${k}: ${v}`).join(', ');
  ports.workbook.appendRows(TAB.syncLog, [[
    id, job, new Date(start), new Date(ports.clock.now()), result.outcome, countsText, calls.amazon, calls.threePl, result.message,
  ]], [['text', undefined, 'datetime', 'datetime']]);
  trimLog(ports, ports.clock.now());
  ports.log.info(`${id} ${result.outcome}: ${result.message}`);
  return { ...result, runId: id, job };
}
