// A day of orders on the schedule: N merchant orders arrive at random times over 24 virtual hours,
// ShipBob ships each two hours after it gets it, and the orders job runs as the schedule starts it
// every "Sync every (minutes)" (60 by default) through the day, then on until every order is
// confirmed or six more hours have passed. Each run is measured (orders-run.ts).

import type { OrderSeed } from './orders-world';
import { dayWorld } from './orders-world';
import { measuredRun, startDriver } from './orders-run';
import type { OrdersRun } from './orders-run';

const DAY_MS = 24 * 3600_000;
/** After the day, runs go on this long at most for the last orders to ship and be confirmed. */
const TAIL_MS = 6 * 3600_000;

export interface DayReport {
  n: number;
  intervalMin: number;
  world: { orders: number; lines: number; units: number; skus: number };
  /** Runs started within the 24 hours (what a day of the schedule costs). */
  dayRuns: number;
  runs: OrdersRun[];
  /** The run after which every order was confirmed on Amazon; null when the tail was not enough. */
  clearedAtRun: number | null;
  final: { placed: number; sent: number; confirmed: number };
  /** Minutes from an order's arrival on Amazon to its last package confirmed (confirmed orders only). */
  lagMin: { median: number; p95: number; max: number } | null;
  realMs: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function runDay(n: number, intervalMin = 60, log: (line: string) => void = () => {}): DayReport {
  const started = Date.now();
  const world = dayWorld(n);
  const d = startDriver(world.scenario);
  const { clock } = d.run.world;
  // The schedule's hours count from the day's start, not from when set-up ended (it takes seconds).
  const t0 = Math.floor(clock.now() / 60_000) * 60_000;
  const step = intervalMin * 60_000;
  const created = new Map<string, number>();
  let next = 0;
  const arriveUntil = (t: number) => {
    while (next < world.arrivals.length && world.arrivals[next]!.at <= t) {
      const a = world.arrivals[next++]!;
      // An order placed while a run was still going is placed when the run ends (the clock cannot go back).
      if (a.at > clock.now()) clock.advanceTo(a.at);
      placeOrder(d.run.amazon, a.order);
      created.set(a.order.orderId, clock.now());
    }
  };
  let clearedAtRun: number | null = null;
  let dayRuns = 0;
  for (let k = 1; t0 + k * step <= t0 + DAY_MS + TAIL_MS; k++) {
    const at = t0 + k * step;
    arriveUntil(at);
    if (at > clock.now()) clock.advanceTo(at);
    const r = measuredRun(d);
    if (at <= t0 + DAY_MS) dayRuns++;
    log(`  ${n}/day run ${r.run} ${r.at.slice(11, 16)}: ${r.execution}/${r.job} · ${r.sheetCalls} sheet · ${r.fetches} fetches · ${r.virtualS.toFixed(1)} s · sent ${r.progress.sent}/${r.progress.placed}, confirmed ${r.progress.confirmed}`);
    if (at >= t0 + DAY_MS && r.progress.confirmed === world.counts.orders) {
      clearedAtRun = r.run;
      break;
    }
  }
  const lags = [...d.last.confirmedAt].map(([id, at]) => (at - (created.get(id) ?? at)) / 60_000).sort((a, b) => a - b);
  return {
    n,
    intervalMin,
    world: world.counts,
    dayRuns,
    runs: d.runs,
    clearedAtRun,
    final: { placed: d.last.placed, sent: d.last.sent, confirmed: d.last.confirmed },
    lagMin: lags.length ? { median: quantile(lags, 0.5), p95: quantile(lags, 0.95), max: lags[lags.length - 1]! } : null,
    realMs: Date.now() - started,
  };
}

/** The world action `newOrder` (docs/amazon-simulator.md "World actions"), as a scenario step would apply it. */
function placeOrder(amazon: { act(a: { action: string; [k: string]: unknown }): void }, order: OrderSeed): void {
  amazon.act({ action: 'newOrder', order });
}
