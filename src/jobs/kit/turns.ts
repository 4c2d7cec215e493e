// Turns in a shared execution ("Sync all now", the schedule): jobs run in the list's order, each only
// with time left, so a job the ones before it keep leaving no time would wait for good while a system
// does not answer. A standalone job (needing no other job before it) skipped for time goes first in
// the next shared execution, for a bounded time; the others keep the order they depend on.

import type { Ports } from '../../ports';
import type { Job } from './job';

/** JSON array: the jobs a shared execution left no time to (runJob), first in the next one when standalone. */
const WAITED_KEY = 'runner.waitedForTime';

function waitedForTime(store: Ports['store']): string[] {
  try {
    const v = JSON.parse(store.get(WAITED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Records whether `job` waited for time this execution; writes only a change. */
export function noteWaited(store: Ports['store'], job: string, waited: boolean): void {
  const before = waitedForTime(store);
  if (before.includes(job) === waited) return;
  const after = waited ? [...before, job] : before.filter((n) => n !== job);
  if (after.length) store.set(WAITED_KEY, JSON.stringify(after));
  else store.delete(WAITED_KEY);
}

/**
 * The order of a shared execution: the list's own, except that standalone jobs the last executions
 * left no time to go first (in the list's order). The others keep their place behind the jobs they
 * follow (the stock sync after the orders it counts).
 */
export function inExecutionOrder(jobs: readonly Job[], store: Ports['store']): Array<{ job: Job; ahead: boolean }> {
  if (jobs.length < 2) return jobs.map((job) => ({ job, ahead: false }));
  const waited = new Set(waitedForTime(store));
  const first = jobs.filter((j) => j.standalone && waited.has(j.name));
  return [...first.map((job) => ({ job, ahead: true })), ...jobs.filter((j) => !first.includes(j)).map((job) => ({ job, ahead: false }))];
}

/** A job run ahead of its place takes at most this long, so the jobs it went before keep their time. */
export const AHEAD_BUDGET_MS = 90_000;
