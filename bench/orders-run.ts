// One measured orders run as the benchmark records it: the execution's counters next to the
// minimum calls its work needed and the floors those calls set, plus how far the world's orders
// have got. Shared by the day (orders-day.ts) and the backlog (orders-backlog.ts).

import { createScenarioRun, applyStep } from '../test/world/scenario/runner';
import type { ScenarioRun } from '../test/world/scenario/runner';
import { floors } from './floors';
import type { Floors, OpCalls } from './floors';
import { orderRunMinimum, tokenDue } from './orders-floors';
import { progress, runOrdersOnce, tallyShipBob } from './orders-measure';
import type { Progress, ShipBobTally } from './orders-measure';

export interface OrdersRun {
  run: number;
  /** Virtual start time (ISO). */
  at: string;
  /** Apps Script's view of the execution (ok / error / timeout) and the job's own outcome. */
  execution: string;
  job: string;
  message: string;
  sheetCalls: number;
  /** Every UrlFetchApp call of the execution (what the daily quota counts). */
  fetches: number;
  virtualS: number;
  cpuMs: number;
  amazon: Record<string, number>;
  shipbob: Record<string, number>;
  http429: { amazon: number; shipbob: number };
  minimum: OpCalls[];
  floor: Floors;
  counts: Record<string, number>;
  progress: { placed: number; sent: number; confirmed: number };
}

export interface Driver {
  run: ScenarioRun;
  tally: ShipBobTally;
  runs: OrdersRun[];
  lastTokenAt: number | null;
  channelKnown: boolean;
  last: Progress;
}

/** A world ready for orders runs: "Set up sheets" done, ShipBob calls tallied. */
export function startDriver(scenario: Record<string, unknown>): Driver {
  const run = createScenarioRun(scenario);
  const tally = tallyShipBob(run);
  applyStep(run, { run: 'setupSheets' }, 0);
  return { run, tally, runs: [], lastTokenAt: null, channelKnown: false, last: progress(run) };
}

const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function measuredRun(d: Driver): OrdersRun {
  const start = d.run.world.clock.now();
  const x = runOrdersOnce(d.run, d.tally, d.runs.length + 1);
  const token = tokenDue(d.lastTokenAt, start);
  if (token) d.lastTokenAt = start;
  const minimum = orderRunMinimum(x, { token, channel: !d.channelKnown });
  // The adapter looks ShipBob's channel up once, on its first call, and keeps it.
  if (Object.keys(x.shipbob).length > 0) d.channelKnown = true;
  d.last = progress(d.run);
  const r: OrdersRun = {
    run: d.runs.length + 1,
    at: new Date(start).toISOString(),
    execution: x.record.outcome,
    job: x.job?.outcome ?? (x.error ? 'error' : 'none'),
    message: clip(x.job?.message ?? x.error ?? ''),
    sheetCalls: x.record.spreadsheetCalls,
    fetches: x.fetches,
    virtualS: x.record.virtualMs / 1000,
    cpuMs: x.record.cpuMs,
    amazon: { ...x.amazon, ...(x.lwa ? { 'lwa-token': x.lwa } : {}) },
    shipbob: x.shipbob,
    http429: { amazon: x.amazon429, shipbob: x.shipbob429 },
    minimum,
    floor: floors(minimum),
    counts: x.job?.counts ?? {},
    progress: { placed: d.last.placed, sent: d.last.sent, confirmed: d.last.confirmed },
  };
  d.runs.push(r);
  return r;
}

export const sumOps = (runs: ReadonlyArray<OrdersRun>, pick: (r: OrdersRun) => Record<string, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(pick(r))) out[k] = (out[k] ?? 0) + v;
  return out;
};

export const minimumOps = (runs: ReadonlyArray<OrdersRun>, system: OpCalls['system']): Record<string, number> =>
  sumOps(runs, (r) => Object.fromEntries(r.minimum.filter((o) => o.system === system).map((o) => [o.operation, o.calls])));

export const totalOf = (ops: Record<string, number>): number => Object.values(ops).reduce((a, b) => a + b, 0);
