// What a schedule of stock syncs uses of Apps Script's daily quotas at each "Sync every (minutes)"
// interval, from one steady-state run: trigger runtime (its modelled time × runs a day) against
// "Triggers total runtime" and URL fetches (its fetches × runs a day, plus one LWA token an hour)
// against "URL Fetch calls" — consumer 90 min / 20,000 a day, Workspace 6 h / 100,000
// (https://developers.google.com/apps-script/guides/services/quotas; apps-script.md §3). A published
// editor add-on may run at most hourly; a bound script may go down to 5 minutes (apps-script.md §2.7).

import type { RunReport } from './e2e';

export const INTERVALS = [5, 10, 15, 30, 60] as const;
export type Interval = (typeof INTERVALS)[number];

export const QUOTAS = {
  consumer: { triggerMinutes: 90, urlFetches: 20_000 },
  workspace: { triggerMinutes: 360, urlFetches: 100_000 },
} as const;

/** "Safe": a schedule uses at most this share of each daily quota (issue 13's criterion), leaving the rest for the other jobs. */
export const SAFE_SHARE = 0.25;
/** Editor add-on time triggers: "cannot run more frequently than once per hour". */
export const ADD_ON_FASTEST = 60;
const TOKENS_PER_DAY = 24;

export interface IntervalUse {
  runs: number;
  triggerMinutes: number;
  urlFetches: number;
  /** Shares of the consumer quotas. */
  triggerShare: number;
  fetchShare: number;
  safe: boolean;
  safeWorkspace: boolean;
}

export interface ScheduleDay {
  n: number;
  /** The run measured: the typical small-change run, the quiet run, or (a size that never settled) the mean of its runs. */
  basis: 'steady' | 'quiet' | 'unsettled';
  /** Modelled seconds of one run (virtual time; CPU not added, see docs/benchmarks.md). */
  runS: number;
  /** URL fetches of one run, LWA token left out (one an hour is added per day). */
  fetchesPerRun: number;
  use: Record<Interval, IntervalUse>;
  /** Shortest safe interval on a consumer account (bound script); null when even hourly is not safe. */
  fastestSafe: Interval | null;
  fastestSafeWorkspace: Interval | null;
  /** The published add-on's only schedule, hourly, within the safe share. */
  addOnHourlySafe: boolean;
}

/** What a schedule repeats: one run's modelled seconds and URL fetches (LWA tokens apart). */
export type RunCost = Pick<RunReport, 'virtualS' | 'fetches'> & { amazon: Pick<RunReport['amazon'], 'lwa'> };

/** The mean of several runs, for a size whose runs never reached a steady state. */
export function meanRun(runs: ReadonlyArray<RunCost>): RunCost {
  const mean = (f: (r: RunCost) => number) => runs.reduce((s, r) => s + f(r), 0) / Math.max(1, runs.length);
  return { virtualS: mean((r) => r.virtualS), fetches: mean((r) => r.fetches), amazon: { lwa: mean((r) => r.amazon.lwa) } };
}

export function scheduleDay(n: number, run: RunCost, basis: ScheduleDay['basis']): ScheduleDay {
  const fetchesPerRun = run.fetches - run.amazon.lwa;
  const use = {} as Record<Interval, IntervalUse>;
  for (const m of INTERVALS) {
    const runs = (24 * 60) / m;
    const triggerMinutes = (runs * run.virtualS) / 60;
    const urlFetches = runs * fetchesPerRun + Math.min(runs, TOKENS_PER_DAY);
    const share = (q: { triggerMinutes: number; urlFetches: number }) => Math.max(triggerMinutes / q.triggerMinutes, urlFetches / q.urlFetches);
    use[m] = {
      runs,
      triggerMinutes,
      urlFetches,
      triggerShare: triggerMinutes / QUOTAS.consumer.triggerMinutes,
      fetchShare: urlFetches / QUOTAS.consumer.urlFetches,
      safe: share(QUOTAS.consumer) <= SAFE_SHARE,
      safeWorkspace: share(QUOTAS.workspace) <= SAFE_SHARE,
    };
  }
  // A size that never settles has no safe schedule, whatever its runs cost.
  const fastest = (ok: (u: IntervalUse) => boolean) => (basis === 'unsettled' ? null : (INTERVALS.find((m) => ok(use[m])) ?? null));
  return {
    n,
    basis,
    runS: run.virtualS,
    fetchesPerRun,
    use,
    fastestSafe: fastest((u) => u.safe),
    fastestSafeWorkspace: fastest((u) => u.safeWorkspace),
    addOnHourlySafe: basis !== 'unsettled' && use[ADD_ON_FASTEST].safe,
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function scheduleRows(days: ReadonlyArray<ScheduleDay>): string[][] {
  const header = ['N SKUs', 'run measured', 'run s / fetches', ...INTERVALS.map((m) => `every ${m} min: trigger min (%) · fetches (%)`)];
  return [
    header,
    ...days.map((d) => [
      d.n.toLocaleString('en-GB'),
      d.basis === 'steady' ? 'small change' : d.basis === 'quiet' ? 'quiet' : 'mean of its runs (never settled)',
      `${d.runS.toFixed(1)} / ${Math.round(d.fetchesPerRun)}`,
      ...INTERVALS.map((m) => {
        const u = d.use[m];
        return `${Math.round(u.triggerMinutes)} (${pct(u.triggerShare)}) · ${Math.round(u.urlFetches).toLocaleString('en-GB')} (${pct(u.fetchShare)})${u.safe ? '' : ' ✗'}`;
      }),
    ]),
  ];
}

export function fastestRows(days: ReadonlyArray<ScheduleDay>): string[][] {
  const header = ['N SKUs', 'bound script, consumer account', 'bound script, Workspace', 'published add-on (hourly at most)'];
  const show = (d: ScheduleDay, m: Interval | null) => (d.basis === 'unsettled' ? 'none: the sync does not settle' : m === null ? 'none (hourly > 25%)' : m === 60 ? 'every hour' : `every ${m} min`);
  return [
    header,
    ...days
      .filter((d) => d.basis !== 'quiet')
      .map((d) => [
        d.n.toLocaleString('en-GB'),
        show(d, d.fastestSafe),
        show(d, d.fastestSafeWorkspace),
        d.basis === 'unsettled' ? 'none: the sync does not settle' : d.addOnHourlySafe ? 'hourly' : 'none (hourly is over 25% of a consumer quota)',
      ]),
  ];
}
