// The add-on's own measure of Apps Script's daily trigger runtime (quotas page: "Triggers total
// runtime" 90 min / day consumer, 6 h / day Workspace, reset 24 hours after the first request), and
// the safe schedule interval for a measured run time.

import { describe, expect, it } from 'vitest';
import { safeSyncEveryMinutes } from '../../src/core/settings';
import { msPerFiring, parseRuntimeRecord, recordRun, triggerRuntimeProblem } from '../../src/core/trigger-runtime';
import type { RuntimeRecord } from '../../src/core/trigger-runtime';

const T0 = Date.parse('2026-11-02T08:00:00Z');
const MIN = 60_000;
const empty = (): RuntimeRecord => parseRuntimeRecord(null);

/** `n` scheduled runs of `ms` each, `everyMinutes` apart from T0. */
function scheduled(n: number, ms: number, everyMinutes: number, rec = empty()): RuntimeRecord {
  for (let i = 0; i < n; i++) {
    const start = T0 + i * everyMinutes * MIN;
    rec = recordRun(rec, { job: 'inventory', scheduledJob: true, trigger: true, start, end: start + ms });
  }
  return rec;
}

describe('recordRun', () => {
  it('counts trigger runs toward the window, every run of a scheduled job toward its average', () => {
    let rec = recordRun(empty(), { job: 'inventory', scheduledJob: true, trigger: false, start: T0, end: T0 + 20_000 });
    expect(rec).toMatchObject({ windowStart: null, usedMs: 0, avgMs: { inventory: 20_000 } });
    rec = recordRun(rec, { job: 'inventory', scheduledJob: true, trigger: true, start: T0 + MIN, end: T0 + MIN + 30_000 });
    expect(rec.windowStart).toBe(T0 + MIN);
    expect(rec.usedMs).toBe(30_000);
    // Recent runs weigh most: 20 s then 30 s averages to 23 s.
    expect(rec.avgMs['inventory']).toBe(23_000);
    // A job that never runs on the schedule (an undo) costs the schedule nothing.
    rec = recordRun(rec, { job: 'inventory-undo', scheduledJob: false, trigger: false, start: T0 + 2 * MIN, end: T0 + 3 * MIN });
    expect(msPerFiring(rec)).toBe(23_000);
  });

  it('starts a new window 24 hours after the first scheduled run, as the quota resets', () => {
    const rec = scheduled(3, 10_000, 60);
    expect(rec.usedMs).toBe(30_000);
    const next = recordRun(rec, { job: 'inventory', scheduledJob: true, trigger: true, start: T0 + 24 * 60 * MIN, end: T0 + 24 * 60 * MIN + 5_000 });
    expect(next.windowStart).toBe(T0 + 24 * 60 * MIN);
    expect(next.usedMs).toBe(5_000);
  });

  it('reads a damaged record as empty', () => {
    expect(parseRuntimeRecord('{oops')).toEqual(empty());
  });
});

describe('triggerRuntimeProblem', () => {
  const check = (rec: RuntimeRecord, everyMinutes: number, now = T0 + 60 * MIN, dailyQuotaMinutes = 90) =>
    triggerRuntimeProblem(rec, { now, everyMinutes, dailyQuotaMinutes });

  it('says nothing while a day of runs fits in 80% of the quota', () => {
    // 20 s every 15 minutes: 32 minutes a day.
    expect(check(scheduled(4, 20_000, 15), 15)).toBeNull();
    // Nothing ran on a schedule: nothing to project.
    expect(check(recordRun(empty(), { job: 'inventory', scheduledJob: true, trigger: false, start: T0, end: T0 + 300_000 }), 5)).toBeNull();
  });

  it('warns when the schedule would use the day up, says when and what interval fits', () => {
    // 20 s every 5 minutes: 96 minutes a day, more than the 90.
    const p = check(scheduled(12, 20_000, 5), 5)!;
    expect(p.key).toBe('QUOTA:trigger-runtime');
    expect(p.type).toBe('QUOTA');
    expect(p.message).toContain('Scheduled syncs have used 4 of the 90 minutes a day');
    expect(p.message).toContain('One scheduled sync takes about 20 s; every 5 minutes that is about 96 minutes a day.');
    // 86 minutes left at 20 s a run, one run every 5 minutes: about 21 h 30 min.
    expect(p.message).toContain('run out in about 21 h 30 min');
    expect(p.message).toContain('Set "Sync every (minutes)" to 10 or more');
    expect(p.message).toContain('"Daily trigger runtime (minutes)" to 360');
    // Out before the reset: every scheduled sync stops while Amazon keeps the last quantities.
    expect(p.severity).toBe('High');
  });

  it('warns when the window has used most of the quota, even if the schedule now fits', () => {
    // 75 minutes used by 15 slow runs earlier; now 15-minute runs of 20 s would fit.
    let rec = scheduled(15, 5 * MIN, 5);
    rec = { ...rec, avgMs: { inventory: 20_000 } };
    const p = check(rec, 15, T0 + 2 * 60 * MIN)!;
    expect(p.message).toContain('used 75 of the 90 minutes');
    expect(p.message).toContain('Runs have been slower than usual today');
    // The schedule itself fits: a warning, not a stop.
    expect(p.severity).toBeUndefined();
  });

  it('a Workspace quota (6 hours) fits what a consumer one does not', () => {
    expect(check(scheduled(12, 20_000, 5), 5, T0 + 60 * MIN, 360)).toBeNull();
  });

  it('says when even hourly is too much', () => {
    const p = check(scheduled(2, 4 * MIN, 60), 60, T0 + 2 * 60 * MIN)!;
    expect(p.message).toContain('Even hourly, syncs this long need about 96 minutes a day');
  });

  it('forgets a window that ended', () => {
    expect(check(scheduled(12, 20_000, 5), 5, T0 + 25 * 60 * MIN)).toBeNull();
  });
});

describe('safeSyncEveryMinutes', () => {
  it('is the shortest interval whose day of runs fits 80% of the daily quota', () => {
    expect(safeSyncEveryMinutes(10_000, 90)).toBe(5); // 288 × 10 s = 48 min
    expect(safeSyncEveryMinutes(20_000, 90)).toBe(10); // 96 min at 5, 48 at 10
    expect(safeSyncEveryMinutes(35_000, 90)).toBe(15); // 84 min at 10, 56 at 15
    expect(safeSyncEveryMinutes(60_000, 90)).toBe(30); // 96 min at 15, 48 at 30
    expect(safeSyncEveryMinutes(35_000, 360)).toBe(5); // Workspace: 168 of 360
    // Even hourly does not fit: hourly is the slowest the schedule offers.
    expect(safeSyncEveryMinutes(4 * 60_000, 90)).toBe(60);
  });
});
