// One job run at a time in a scenario world, measured: the calls it made per Amazon operation and
// per 3PL operation, next to a minimum the caller states, and its spreadsheet calls. Shared by the
// FBA shipments and removals benches, which walk one flow through its phases.

import { applyStep, type ScenarioRun } from '../test/world/scenario/runner';
import type { Step } from '../test/world/scenario/schema';

export interface Phase {
  phase: string;
  amazon: Record<string, number>;
  threePl: Record<string, number>;
  calls: number;
  minimum: number;
  spreadsheetCalls: number;
  outcome: string;
}

/** `step` applies a scenario step; `measure` runs `job` once as a phase and records it in `phases`. */
export function phaseMeter(run: ScenarioRun, job: string) {
  let i = 0;
  const step = (s: Step) => applyStep(run, s, i++);
  const phases: Phase[] = [];
  const measure = (phase: string, minimum: number) => {
    const a0 = run.amazon.calls.length;
    const t0 = { ...run.threePl.counters.byOperation };
    step({ run: 'syncNow', args: [job] });
    const amazon: Record<string, number> = {};
    for (const c of run.amazon.calls.slice(a0)) if (c.operation !== 'unknown') amazon[c.operation] = (amazon[c.operation] ?? 0) + 1;
    const threePl: Record<string, number> = {};
    for (const [op, k] of Object.entries(run.threePl.counters.byOperation)) if (k - (t0[op] ?? 0) > 0) threePl[op] = k - (t0[op] ?? 0);
    const rec = run.results.at(-1)!.record;
    const calls = [...Object.values(amazon), ...Object.values(threePl)].reduce((a, b) => a + b, 0);
    phases.push({ phase, amazon, threePl, calls, minimum, spreadsheetCalls: rec.spreadsheetCalls, outcome: rec.outcome });
  };
  return { step, measure, phases };
}
