// The audit trail: who (the user key Apps Script offers) changed credentials, approved or undid a
// stock push, changed the push mode or the schedule, and when — one `audit` row in the Sync Log each,
// in plain words. Callers pass names of things, never values: no secret reaches these rows.

import { makeRunId } from '../../core/sync-log';
import type { KeyValueStore } from '../../ports/store';
import type { DashboardPort } from '../../ports/dashboard';
import type { WorkbookPort } from '../../ports/workbook';
import { appendRun } from '../../sheet/sync-log-tab';

const AUDIT_JOB = 'audit';
/** Document property: the push mode the last run saw, to notice a change made by typing in Settings. */
export const LAST_PUSH_MODE_KEY = 'audit.pushMode';

/** "user key tak-1x2y" or, when Apps Script offers no key, "an unidentified user". */
export function whoLabel(userKey: string): string {
  return userKey ? `user key ${userKey}` : 'an unidentified user';
}

/** Appends one audit row: `what` is a sentence without the actor, e.g. "Amazon credentials saved (client ID)". */
export function audit(wb: WorkbookPort, now: number, userKey: string, what: string, shown?: DashboardPort): void {
  const suffix = Math.floor(Math.random() * 0xffff).toString(16).padStart(4, '0');
  appendRun(wb, {
    runId: makeRunId(AUDIT_JOB, now, suffix),
    job: AUDIT_JOB,
    start: now,
    end: now,
    outcome: 'ok',
    counts: {},
    amazonCalls: 0,
    threePlCalls: 0,
    message: `${what} by ${whoLabel(userKey)}.`,
  }, shown);
}

/**
 * Push mode is typed into Settings, so no function sees it change: each run compares it with the
 * last value a run saw and records a change once. The actor is the user whose run noticed it;
 * Sheets' version history shows who typed it.
 */
export function auditPushMode(wb: WorkbookPort, store: KeyValueStore, now: number, userKey: string, pushMode: string, shown?: DashboardPort): void {
  const last = store.get(LAST_PUSH_MODE_KEY);
  if (last === pushMode) return;
  store.set(LAST_PUSH_MODE_KEY, pushMode);
  // The first run after install has nothing to compare with: that is no change.
  if (last === null) return;
  audit(wb, now, userKey, `Push mode changed from "${last}" to "${pushMode}" in Settings (Sheets' version history shows who typed it); noticed in a run started`, shown);
}
