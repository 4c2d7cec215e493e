// Tables of the orders benchmark: a day on the schedule per size (quotas included), calls per order
// next to the minimum, one line per run, and the backlog next to its rate-limit floor.

import type { BacklogReport } from './orders-backlog';
import type { DayReport } from './orders-day';
import { dayFloor } from './orders-floors';
import { minimumOps, sumOps, totalOf } from './orders-run';
import type { OrdersRun } from './orders-run';

/** Apps Script quotas (https://developers.google.com/apps-script/guides/services/quotas). */
export const QUOTAS = { fetchConsumer: 20_000, fetchWorkspace: 100_000, triggerMinConsumer: 90, triggerMinWorkspace: 360, executionS: 360 } as const;

const n0 = (x: number) => Math.round(x).toLocaleString('en-GB');
const s1 = (x: number) => x.toFixed(1);

function duration(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  const m = Math.round(s / 60);
  return m < 90 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

function outcomes(runs: ReadonlyArray<OrdersRun>): string {
  const c: Record<string, number> = {};
  for (const r of runs) {
    const k = r.execution === 'ok' ? r.job : r.execution;
    c[k] = (c[k] ?? 0) + 1;
  }
  return Object.entries(c).map(([k, v]) => `${v} ${k}`).join(', ');
}

export interface DayTotals {
  fetches: number;
  triggerMin: number;
  sheetMin: number;
  sheetMax: number;
  slowestS: number;
  slowestShare: number;
}

/** What the day's scheduled runs (the 24 hours, not the tail) cost. */
export function dayTotals(d: DayReport): DayTotals {
  const day = d.runs.slice(0, d.dayRuns);
  const slowest = day.reduce((a, b) => (b.virtualS * 1000 + b.cpuMs > a.virtualS * 1000 + a.cpuMs ? b : a), day[0]!);
  return {
    fetches: day.reduce((s, r) => s + r.fetches, 0),
    triggerMin: day.reduce((s, r) => s + r.virtualS * 1000 + r.cpuMs, 0) / 60_000,
    sheetMin: Math.min(...day.map((r) => r.sheetCalls)),
    sheetMax: Math.max(...day.map((r) => r.sheetCalls)),
    slowestS: slowest.virtualS + slowest.cpuMs / 1000,
    slowestShare: (slowest.virtualS * 1000 + slowest.cpuMs) / (QUOTAS.executionS * 1000),
  };
}

const mark = (v: number, limit: number) => `${v > limit ? ' ✗' : v > 0.8 * limit ? ' !' : ''}`;

export function daySummaryRows(days: ReadonlyArray<DayReport>): string[][] {
  const header = [
    'orders/day',
    'runs (every min)',
    'outcomes in the day',
    'sheet calls/run (min–max)',
    'URL fetches/day / floor (20k / 100k)',
    'trigger min/day / floor (90 / 360)',
    'slowest run s (of 360)',
    'cleared',
    'sent / confirmed at the end',
    'order → confirmed: median / max',
  ];
  return [
    header,
    ...days.map((d) => {
      const t = dayTotals(d);
      const f = dayFloor(d.n, d.intervalMin);
      return [
        n0(d.n),
        `${d.dayRuns} (${d.intervalMin})`,
        outcomes(d.runs.slice(0, d.dayRuns)),
        `${t.sheetMin}–${t.sheetMax}`,
        `${n0(t.fetches)}${mark(t.fetches, QUOTAS.fetchConsumer)} / ${n0(f.fetches)}${mark(f.fetches, QUOTAS.fetchConsumer)}`,
        `${s1(t.triggerMin)}${mark(t.triggerMin, QUOTAS.triggerMinConsumer)} / ${s1(f.triggerMin)}${mark(f.triggerMin, QUOTAS.triggerMinConsumer)}`,
        `${s1(t.slowestS)} (${Math.round(t.slowestShare * 100)}%)`,
        d.clearedAtRun === null ? `no (${d.runs.length} runs)` : `run ${d.clearedAtRun}`,
        `${n0(d.final.sent)} / ${n0(d.final.confirmed)} of ${n0(d.final.placed)}`,
        d.lagMin ? `${duration(d.lagMin.median * 60)} / ${duration(d.lagMin.max * 60)}` : '–',
      ];
    }),
  ];
}

/** Operations shown per order, in the job's order: [system, key, label]. */
const PER_ORDER_OPS: ReadonlyArray<['amazon' | 'shipbob', string, string]> = [
  ['amazon', 'searchOrders', 'searchOrders'],
  ['amazon', 'getOrder', 'getOrder'],
  ['amazon', 'confirmShipment', 'confirmShipment'],
  ['amazon', 'lwa-token', 'LWA token'],
  ['shipbob', 'get-orders (changes)', 'SB changes page'],
  ['shipbob', 'get-orders (lookup)', 'SB lookup'],
  ['shipbob', 'create-order', 'SB create'],
  ['shipbob', 'get-orders (tracking)', 'SB tracking page'],
  ['shipbob', 'mark-tracking-uploaded', 'SB mark uploaded'],
];

/** Calls per order over every run of the day and its tail (each order's whole life), job / minimum. */
export function perOrderRows(days: ReadonlyArray<DayReport>): string[][] {
  const header = ['orders/day', ...PER_ORDER_OPS.map(([, , l]) => l), 'Amazon all', 'ShipBob all'];
  const f = (x: number) => (x === 0 ? '0' : x < 0.01 ? x.toFixed(4) : x.toFixed(3));
  return [
    header,
    ...days.map((d) => {
      const am = sumOps(d.runs, (r) => r.amazon);
      const sb = sumOps(d.runs, (r) => r.shipbob);
      const amMin = minimumOps(d.runs, 'amazon');
      const sbMin = minimumOps(d.runs, 'shipbob');
      const n = d.final.placed || d.n;
      const cell = (job: number, min: number) => `${f(job / n)} / ${f(min / n)}`;
      return [
        n0(d.n),
        ...PER_ORDER_OPS.map(([sys, key]) => (sys === 'amazon' ? cell(am[key] ?? 0, amMin[key] ?? 0) : cell(sb[key] ?? 0, sbMin[key] ?? 0))),
        cell(totalOf(am), totalOf(amMin)),
        cell(totalOf(sb), totalOf(sbMin)),
      ];
    }),
  ];
}

function opsCell(ops: Record<string, number>, keys: ReadonlyArray<[string, string]>): string {
  return keys.map(([k, l]) => `${l}${ops[k] ?? 0}`).join(' ');
}

const AMAZON_KEYS: ReadonlyArray<[string, string]> = [['searchOrders', 's'], ['getOrder', 'g'], ['confirmShipment', 'c'], ['lwa-token', 't']];
const SHIPBOB_KEYS: ReadonlyArray<[string, string]> = [['get-orders (changes)', 'ch'], ['get-orders (lookup)', 'lk'], ['create-order', 'cr'], ['get-orders (tracking)', 'tr'], ['mark-tracking-uploaded', 'mk']];

export function orderRunRows(days: ReadonlyArray<DayReport>): string[][] {
  const header = ['orders/day', 'run', 'at', 'outcome', 'sheet calls', 'fetches', 'Amazon s/g/c/t', 'Amazon min', 'ShipBob ch/lk/cr/tr/mk', 'ShipBob min', 'virtual s', 'rate floor s (binding)', 'seq. floor s', 'CPU ms', 'sent / confirmed / placed', 'what the run did'];
  const rows: string[][] = [];
  for (const d of days) {
    for (const r of d.runs) {
      const min = (sys: string) => r.minimum.filter((o) => o.system === sys).reduce((s, o) => s + o.calls, 0);
      rows.push([
        n0(d.n),
        String(r.run),
        r.at.slice(11, 16) + (r.run > d.dayRuns ? ' +1d' : ''),
        r.execution === 'ok' ? r.job : r.execution,
        String(r.sheetCalls),
        String(r.fetches),
        opsCell(r.amazon, AMAZON_KEYS),
        String(min('amazon')),
        opsCell(r.shipbob, SHIPBOB_KEYS),
        String(min('shipbob')),
        s1(r.virtualS),
        `${s1(r.floor.rateS)} (${r.floor.bindingLimit})`,
        s1(r.floor.sequentialS),
        String(r.cpuMs),
        `${r.progress.sent} / ${r.progress.confirmed} / ${r.progress.placed}`,
        r.message.length > 80 ? `${r.message.slice(0, 79)}…` : r.message,
      ]);
    }
  }
  return [header, ...rows];
}

export function backlogRows(backlogs: ReadonlyArray<BacklogReport>): string[][] {
  const header = ['orders waiting', 'runs (every 5 min)', 'ended', 'all sent: virtual / floor', 'all confirmed: virtual / floor (binding)', 'sent / confirmed at the end', 'trigger min used', 'URL fetches used', 'outcomes'];
  return [
    header,
    ...backlogs.map((b) => [
      n0(b.n),
      String(b.runs.length),
      b.ended,
      `${b.allSentS === null ? 'not all' : duration(b.allSentS)} / ${duration(b.floor.allSentS)}`,
      `${b.allConfirmedS === null ? 'not all' : duration(b.allConfirmedS)} / ${duration(b.floor.allConfirmedS)} (${b.floor.binding})`,
      `${n0(b.final.sent)} / ${n0(b.final.confirmed)} of ${n0(b.final.placed)}`,
      s1(b.triggerMin),
      n0(b.fetches),
      outcomes(b.runs),
    ]),
  ];
}
