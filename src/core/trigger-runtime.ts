// Apps Script's daily total runtime for time triggers, as the add-on measures its own: the record kept
// between runs, and when to warn (QUOTA) before the schedule uses it up. Google's quotas page
// (https://developers.google.com/apps-script/guides/services/quotas) gives "Triggers total runtime"
// 90 min / day for consumer accounts and 6 h / day for Google Workspace; quotas "reset 24 hours
// after the first request". Past it every trigger fails ("Service using too much computer time for
// one day") and nothing syncs until the reset, while Amazon keeps showing the last quantities.

import { exceptionKey } from './exceptions';
import type { RaisedException } from './exceptions';
import { TRIGGER_RUNTIME_HEADROOM, safeSyncEveryMinutes } from './settings';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Weight of the newest run in a job's average run time: recent runs count most, one slow run does not dominate. */
const NEWEST_WEIGHT = 0.3;

export const TRIGGER_RUNTIME_KEY = exceptionKey('QUOTA', 'trigger-runtime');
/** Document property: the interval the installed trigger runs at (a published add-on may fall back to hourly). */
export const SCHEDULE_INTERVAL_KEY = 'schedule.everyMinutes';

/** What the add-on remembers (one document property, written once per run). */
export interface RuntimeRecord {
  /** Start of the quota's 24-hour window: the first scheduled run after the last window ended. */
  windowStart: number | null;
  /** Run time of scheduled (trigger) runs in the window, ms. */
  usedMs: number;
  /** Average run time of each scheduled job, ms, over all its runs: one firing of the schedule runs each once. */
  avgMs: Record<string, number>;
  /** A QUOTA warning is open: a later run that sees no problem resolves it. */
  warned?: boolean;
}

export function parseRuntimeRecord(text: string | null): RuntimeRecord {
  try {
    const v = JSON.parse(text ?? '') as Partial<RuntimeRecord>;
    return {
      windowStart: typeof v.windowStart === 'number' ? v.windowStart : null,
      usedMs: typeof v.usedMs === 'number' ? v.usedMs : 0,
      avgMs: v.avgMs && typeof v.avgMs === 'object' ? { ...v.avgMs } : {},
      ...(v.warned ? { warned: true } : {}),
    };
  } catch {
    return { windowStart: null, usedMs: 0, avgMs: {} };
  }
}

/** The window as it stands at `now`: an ended window counts nothing any more. */
function current(rec: RuntimeRecord, now: number): RuntimeRecord {
  return rec.windowStart !== null && now >= rec.windowStart + DAY ? { ...rec, windowStart: null, usedMs: 0 } : rec;
}

/** Adds one run. Only scheduled runs use the trigger quota; every run of a scheduled job tells how long a firing takes. */
export function recordRun(rec: RuntimeRecord, run: { job: string; scheduledJob: boolean; trigger: boolean; start: number; end: number }): RuntimeRecord {
  const ms = Math.max(0, run.end - run.start);
  let next = current(rec, run.start);
  if (run.trigger) {
    next = { ...next, windowStart: next.windowStart ?? run.start, usedMs: next.usedMs + ms };
  }
  if (run.scheduledJob) {
    const before = next.avgMs[run.job];
    next = { ...next, avgMs: { ...next.avgMs, [run.job]: before === undefined ? ms : before * (1 - NEWEST_WEIGHT) + ms * NEWEST_WEIGHT } };
  }
  return next;
}

/** How long one firing of the schedule takes: each scheduled job once. */
export function msPerFiring(rec: RuntimeRecord): number {
  return Object.values(rec.avgMs).reduce((a, b) => a + b, 0);
}

const minutes = (ms: number) => Math.round(ms / MIN);
function duration(ms: number): string {
  const m = Math.max(1, Math.round(ms / MIN));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/**
 * A QUOTA warning when the scheduled runs of this window have used, or at this schedule would use,
 * more than TRIGGER_RUNTIME_HEADROOM of the daily trigger runtime; null when they fit (or nothing
 * ran on a schedule in the last 24 hours). `everyMinutes` is the interval the trigger runs at.
 */
export function triggerRuntimeProblem(rec: RuntimeRecord, opts: { now: number; everyMinutes: number; dailyQuotaMinutes: number }): RaisedException | null {
  const win = current(rec, opts.now);
  if (win.windowStart === null || win.usedMs === 0) return null;
  const quotaMs = opts.dailyQuotaMinutes * MIN;
  const firing = msPerFiring(win);
  const perDay = firing * (DAY / (opts.everyMinutes * MIN));
  const limit = TRIGGER_RUNTIME_HEADROOM * quotaMs;
  if (perDay <= limit && win.usedMs <= limit) return null;

  const safe = safeSyncEveryMinutes(firing, opts.dailyQuotaMinutes);
  const resetIn = win.windowStart + DAY - opts.now;
  const outIn = Math.max(0, ((quotaMs - win.usedMs) / firing) * opts.everyMinutes * MIN);
  const runsOut =
    perDay > quotaMs
      ? ` At this pace the ${opts.dailyQuotaMinutes} minutes run out in about ${duration(outIn)}`
      : ` That leaves little room for slow runs before the ${opts.dailyQuotaMinutes} minutes run out`;
  // Running out before the reset stops every scheduled sync while Amazon keeps the last quantities
  // pushed: stock the 3PL sells meanwhile stays on offer, an oversell risk, so High (and e-mailed).
  const stopsBeforeReset = perDay > quotaMs && outIn < resetIn;
  const hourly = firing * 24;
  const fix =
    hourly > limit
      ? `Even hourly, syncs this long need about ${minutes(hourly)} minutes a day: set "Sync every (minutes)" to 60 and run the add-on from a Google Workspace account`
      : safe > opts.everyMinutes
        ? `Set "Sync every (minutes)" to ${safe}${safe < 60 ? ' or more' : ''}`
        : 'Runs have been slower than usual today: watch the Sync Log';
  return {
    key: TRIGGER_RUNTIME_KEY,
    type: 'QUOTA',
    entity: 'Apps Script trigger runtime',
    ...(stopsBeforeReset ? { severity: 'High' as const } : {}),
    message:
      `Scheduled syncs have used ${minutes(win.usedMs)} of the ${opts.dailyQuotaMinutes} minutes a day Apps Script allows time triggers (quota resets in about ${duration(resetIn)}). ` +
      `One scheduled sync takes about ${Math.round(firing / 1000)} s; every ${opts.everyMinutes} minutes that is about ${minutes(perDay)} minutes a day.${runsOut}, ` +
      'after which no scheduled sync runs and Amazon keeps showing the last quantities pushed until the reset. ' +
      `${fix}, or, on a Google Workspace account (6 hours a day), set "Daily trigger runtime (minutes)" to 360.`,
  };
}
