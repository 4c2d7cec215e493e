// The add-on's own trigger runtime per day (core/trigger-runtime): each run adds its time to one
// document property, written once at its end; each run checks the record first and raises QUOTA
// when the schedule is using up Apps Script's daily total, or resolves that row when it no longer is.

import { TRIGGER_RUNTIME_KEY, SCHEDULE_INTERVAL_KEY, parseRuntimeRecord, recordRun, triggerRuntimeProblem } from '../../core/trigger-runtime';
import { widenScope } from '../../core/exception-rows';
import type { ExceptionScope } from '../../core/exception-rows';
import type { KeyValueStore } from '../../ports/store';
import type { Job, JobContext } from './job';

const RECORD_KEY = 'quota.triggerRuntime';

interface RuntimeWatch {
  /**
   * The run's reconcile scope, widened to the QUOTA row when this run found the schedule within the
   * quota. The row belongs to no job: any run may resolve it, but only when it checked; an empty
   * scope stays empty, so a run that touches nothing else leaves the tab alone.
   */
  scope(resolves: ExceptionScope): ExceptionScope;
}

/** Checks the record earlier runs left; raises QUOTA on the run's context when the schedule would run out. */
export function watchTriggerRuntime(ctx: JobContext): RuntimeWatch {
  const { store } = ctx.ports;
  const installed = Number(store.get(SCHEDULE_INTERVAL_KEY));
  const problem = triggerRuntimeProblem(parseRuntimeRecord(store.get(RECORD_KEY)), {
    now: ctx.now,
    everyMinutes: installed > 0 ? installed : ctx.settings.syncEveryMinutes,
    dailyQuotaMinutes: ctx.settings.dailyTriggerRuntimeMinutes,
  });
  if (problem) ctx.raise(problem);
  return {
    scope(resolves) {
      if (problem || (Array.isArray(resolves) && resolves.length === 0)) return resolves;
      return widenScope(resolves, (row) => row.key === TRIGGER_RUNTIME_KEY);
    },
  };
}

/** Adds one run's time (start to end) to the record: toward the quota when a trigger started it. */
export function recordTriggerRuntime(store: KeyValueStore, job: Pick<Job, 'name' | 'scheduled'>, start: number, end: number, trigger: boolean): void {
  const rec = recordRun(parseRuntimeRecord(store.get(RECORD_KEY)), { job: job.name, scheduledJob: job.scheduled, trigger, start, end });
  store.set(RECORD_KEY, JSON.stringify(rec));
}
