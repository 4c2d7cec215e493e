// Apps Script's daily total runtime for triggers ("Triggers total runtime" 90 min / day consumer,
// 6 h / day Google Workspace: https://developers.google.com/apps-script/guides/services/quotas) that
// scheduled stock syncs use at each "Sync every (minutes)" interval, from a steady-state run's time
// (virtual time + the execution's CPU, as Apps Script counts runtime), and the shortest interval the
// add-on calls safe for it (safeSyncEveryMinutes: within 80% of the quota).

import { safeSyncEveryMinutes } from '../src/core/settings';
import type { SizeReport } from './e2e';

export const INTERVALS = [5, 10, 15, 30, 60] as const;

export interface TriggerDay {
  n: number;
  /** One scheduled firing: the last (settled) run's virtual time + execution CPU, ms. */
  firingMs: number;
  /** The add-on's own measure (its running average over the bench's runs), ms. */
  measuredMs: number | null;
  /** Minutes of trigger runtime a day at each interval. */
  minutesPerDay: Record<(typeof INTERVALS)[number], number>;
  safeConsumer: number;
  safeWorkspace: number;
}

export function triggerDay(report: SizeReport): TriggerDay {
  const settled = report.runs[report.runs.length - 1]!;
  const firingMs = settled.virtualS * 1000 + settled.executionCpuMs;
  const minutesPerDay = Object.fromEntries(INTERVALS.map((m) => [m, (firingMs * ((24 * 60) / m)) / 60_000])) as TriggerDay['minutesPerDay'];
  return {
    n: report.n,
    firingMs,
    measuredMs: report.measuredRunMs,
    minutesPerDay,
    safeConsumer: safeSyncEveryMinutes(firingMs, 90),
    safeWorkspace: safeSyncEveryMinutes(firingMs, 360),
  };
}

export function triggerDayRows(days: ReadonlyArray<TriggerDay>): string[][] {
  const header = ['N SKUs', 'one firing s (add-on\'s measure)', ...INTERVALS.map((m) => `every ${m} min: min/day`), 'safe interval consumer (90) / Workspace (360)'];
  return [
    header,
    ...days.map((d) => [
      d.n.toLocaleString('en-GB'),
      `${(d.firingMs / 1000).toFixed(1)} (${d.measuredMs === null ? '–' : (d.measuredMs / 1000).toFixed(1)})`,
      ...INTERVALS.map((m) => {
        const v = d.minutesPerDay[m];
        return `${Math.round(v)}${v > 90 ? ' ✗' : v > 72 ? ' !' : ''}`;
      }),
      `${d.safeConsumer} / ${d.safeWorkspace} min`,
    ]),
  ];
}
