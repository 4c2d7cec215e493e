// Runs the built bundle against one benchmark world in-process (the scenario runner's world:
// spreadsheet fake with the cost model, Amazon and ShipBob simulators, virtual clock): "Set up
// sheets", then "Sync now" for the stock job every 20 virtual minutes until the world is settled
// (Amazon holds every FBM quantity the world calls for, every push was read back, and a run found
// nothing to push), then the steady state: a quiet run (nothing changed) and two hourly runs with a
// small stock change each (the second follows the first one's push and sends its own, the typical
// scheduled run). Each run's counters are recorded; the minimum comes from the world alone
// (stock-floors.ts), never from these calls.

import { applyStep, createScenarioRun } from '../test/world/scenario/runner';
import type { ScenarioRun } from '../test/world/scenario/runner';
import type { ExecutionRecord } from '../test/world/world';
import { installCellMeter, tabTotal } from './stock-cells';
import type { CellMeter, TabCells } from './stock-cells';
import { settleMinimum } from './stock-floors';
import type { SettleMinimum } from './stock-floors';
import type { BenchWorld } from './world-gen';

const BETWEEN_RUNS = '20m';
/** The steady-state runs come at the published add-on's schedule: hourly. */
const STEADY_EVERY = '60m';
export const MAX_RUNS = 12;
/**
 * Consecutive runs without progress after which the sequence is called stalled (each one at 100,000
 * SKUs costs minutes of real time): failed runs, or runs that end with nothing to push but confirm
 * nothing either while pushes wait to be confirmed.
 */
export const STALL_AFTER = 3;
/** Share of FBM SKUs whose ShipBob stock moves between two steady runs. */
export const SMALL_CHANGE_SHARE = 0.01;

interface JobSummary {
  outcome: string;
  counts: Record<string, number>;
  message: string;
}

export type RunKind = 'settle' | 'quiet' | 'steady';

export interface RunReport {
  run: number;
  kind: RunKind;
  /** The execution's end (ok/error/timeout: Apps Script's view) and the job's own outcome. */
  execution: ExecutionRecord['outcome'];
  job: string;
  message: string;
  counts: Record<string, number>;
  /** Modelled wall time: the virtual clock, which now carries the cost model (ExecutionRecord.virtualMs). */
  virtualS: number;
  /** The cost model's share of virtualS (spreadsheet, properties, cache, UrlFetch's own time). */
  modelledS: number;
  /** Node CPU of the whole execution (bundle, fakes and simulators): shown, not added (docs/benchmarks.md). */
  cpuMs: number;
  sheetCalls: number;
  cellsRead: number;
  cellsWritten: number;
  flushes: number;
  bytesDownloaded: number;
  /** Cells by tab (stock-cells.ts); empty when the meter saw nothing. */
  tabs: TabCells;
  /** Every UrlFetchApp call, by system. */
  fetches: number;
  amazon: { spApi: number; lwa: number; s3: number; total: number };
  shipbob: number;
  /** Calls per operation: Amazon operationIds, 'lwa-token', 's3', ShipBob operation names. */
  operations: Record<string, number>;
  http429: number;
  retries: number;
}

export interface SizeReport {
  n: number;
  world: BenchWorld['counts'];
  setupSheetCalls: number;
  /** The settle sequence, in order (up to MAX_RUNS). */
  runs: RunReport[];
  /** Runs until the world was settled; null when MAX_RUNS were not enough or STALL_AFTER runs in a row failed. */
  runsToSettle: number | null;
  /** Runs of the settle sequence that failed (execution not ok, or the job's outcome 'failed'). */
  failedRuns: number;
  /** The sequence was given up after STALL_AFTER runs in a row that failed or made no progress. */
  stalled: boolean;
  /** FBM listings whose Amazon quantity differed from the world's expected one after the last run. */
  amazonMismatched: number;
  /** Quantities the job's runs reported pushed and read back (Sync Log counts). */
  pushed: number;
  applied: number;
  /** FBM rows the Inventory tab showed confirmed when the tab was consulted (0 when the counts sufficed). */
  confirmedOnTab: number;
  quiet: RunReport | null;
  /** Two runs with a small change each; the second is the typical scheduled run. */
  steady: RunReport[];
  smallChange: number;
  minimum: SettleMinimum;
  realMs: number;
  /** The add-on's own measure of one stock-sync run (quota.triggerRuntime avgMs), ms; null if absent. */
  measuredRunMs: number | null;
}

function hostCounts(fetches: Record<string, number>) {
  let spApi = 0;
  let lwa = 0;
  let s3 = 0;
  let shipbob = 0;
  let other = 0;
  for (const [host, n] of Object.entries(fetches)) {
    if (host === 'api.amazon.com') lwa += n;
    else if (host.startsWith('sellingpartnerapi')) spApi += n;
    else if (host.includes('amazonaws.com')) s3 += n;
    else if (host.includes('shipbob.com')) shipbob += n;
    else other += n;
  }
  return { spApi, lwa, s3, shipbob, other };
}

function countOps(list: ReadonlyArray<{ operation: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of list) out[c.operation] = (out[c.operation] ?? 0) + 1;
  return out;
}

function diffOps(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) out[k] = v - (before[k] ?? 0);
  return out;
}

export function isFailed(r: Pick<RunReport, 'execution' | 'job'>): boolean {
  return r.execution !== 'ok' || r.job === 'failed' || r.job === 'error' || r.job === 'none';
}

/** One "Sync now" of the stock job, measured. */
function syncOnce(run: ScenarioRun, meter: CellMeter, index: number, kind: RunKind, step: number): RunReport {
  const amazonBefore = run.amazon.calls.length;
  const shipbobBefore = { ...run.threePl.counters.byOperation };
  meter.take();
  applyStep(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }, step);
  const tabs = meter.take();
  const result = run.results[run.results.length - 1]!;
  const rec = result.record;
  const summary = (Array.isArray(result.value) ? result.value[0] : undefined) as JobSummary | undefined;
  const hosts = hostCounts(rec.fetches);
  const amazonOps = countOps(run.amazon.calls.slice(amazonBefore));
  const sbOps = diffOps({ ...run.threePl.counters.byOperation }, shipbobBefore);
  return {
    run: index,
    kind,
    execution: rec.outcome,
    job: summary?.outcome ?? (result.error ? 'error' : 'none'),
    message: summary?.message ?? result.error ?? rec.error ?? '',
    counts: summary?.counts ?? {},
    virtualS: rec.virtualMs / 1000,
    modelledS: (rec.modelledMs ?? 0) / 1000,
    cpuMs: rec.cpuMs,
    sheetCalls: rec.spreadsheetCalls,
    cellsRead: rec.cellsRead ?? 0,
    cellsWritten: rec.cellsWritten ?? 0,
    flushes: rec.flushes ?? 0,
    bytesDownloaded: rec.bytesDownloaded ?? 0,
    tabs,
    fetches: hosts.spApi + hosts.lwa + hosts.s3 + hosts.shipbob + hosts.other,
    amazon: { spApi: hosts.spApi, lwa: hosts.lwa, s3: hosts.s3, total: hosts.spApi + hosts.lwa + hosts.s3 },
    shipbob: hosts.shipbob,
    operations: { ...amazonOps, ...(hosts.lwa ? { 'lwa-token': hosts.lwa } : {}), ...(hosts.s3 ? { s3: hosts.s3 } : {}), ...sbOps },
    http429: rec.http429,
    retries: rec.retries,
  };
}

/** FBM listings whose Amazon quantity is not the one the world expects once settled. */
function mismatched(run: ScenarioRun, world: BenchWorld): number {
  let off = 0;
  const seen = new Set<string>();
  for (const l of run.amazon.snapshot().listings as Array<{ sku: string; channel: string; quantity: number | null }>) {
    if (l.channel !== 'FBM' || !world.expectedFbm.has(l.sku)) continue;
    seen.add(l.sku);
    if (l.quantity !== world.expectedFbm.get(l.sku)) off++;
  }
  return off + (world.expectedFbm.size - seen.size);
}

/**
 * FBM rows the Inventory tab shows as confirmed on Amazon (Push State "applied"). A run that
 * confirms the pushes but ends partial for another reason reports no `applied` count, so the tab
 * is the second witness of a read-back.
 */
function confirmedOnTab(run: ScenarioRun): number {
  const model = run.gas.spreadsheet as unknown as { sheet(name: string): { lastRow(): number; lastCol?: () => number } | undefined; cell(name: string, row: number, col: number): unknown };
  const sh = model.sheet('Inventory');
  if (!sh) return 0;
  let col = 0;
  for (let c = 1; c <= 60 && col === 0; c++) if (model.cell('Inventory', 1, c) === 'Push State') col = c;
  if (col === 0) return 0;
  let n = 0;
  for (let r = 2, last = sh.lastRow(); r <= last; r++) if (model.cell('Inventory', r, col) === 'applied') n++;
  return n;
}

/** Moves the ShipBob stock of `k` FBM SKUs (a different slice each round) by +5 units at the first location. */
function moveStock(run: ScenarioRun, world: BenchWorld, k: number, round: number, step: number): void {
  const lines = world.stock.filter((l) => l.location === world.stock[0]!.location);
  const stride = Math.max(1, Math.floor(lines.length / k));
  for (let i = 0; i < k; i++) {
    const line = lines[(i * stride + round) % lines.length]!;
    line.onHand += 5;
    applyStep(run, { world: { system: 'threePl', action: 'setStock', sku: line.sku, location: line.location, onHand: line.onHand } }, step);
  }
}

export function runSize(world: BenchWorld, log: (line: string) => void = () => {}): SizeReport {
  const started = Date.now();
  const run = createScenarioRun(world.scenario);
  const meter = installCellMeter();
  try {
    let step = 0;
    applyStep(run, { run: 'setupSheets' }, step++);
    const setupSheetCalls = run.results[0]?.record.spreadsheetCalls ?? 0;
    const minimum = settleMinimum(world.counts);
    const line = (r: RunReport) => {
      // The per-tab meter mirrors the cost model's classification; say so when the two disagree.
      if (tabTotal(r.tabs, 'written') !== r.cellsWritten) log(`  note: cells written by tab (${tabTotal(r.tabs, 'written')}) differ from the execution's count (${r.cellsWritten})`);
      log(
        `  N=${world.counts.skus} ${r.kind} run ${r.run}: ${r.execution}/${r.job} · ${r.virtualS.toFixed(1)} s modelled · ${r.sheetCalls} sheet calls, ${r.cellsRead} cells read, ${r.cellsWritten} written · ` +
          `${r.fetches} fetches (Amazon ${r.amazon.total}, ShipBob ${r.shipbob}) · ${r.message.slice(0, 140)}`,
      );
    };

    const runs: RunReport[] = [];
    let runsToSettle: number | null = null;
    let pushed = 0;
    let applied = 0;
    let off = world.expectedFbm.size;
    let confirmed = 0;
    // A partial run (a walk over several runs, a report not ready) is progress; an ok run that pushes and confirms nothing is not.
    const idle = (r: RunReport) => isFailed(r) || (r.job === 'ok' && (r.counts['changes'] ?? 0) === 0 && !r.counts['pushed'] && !r.counts['applied'] && !r.counts['queued']);
    const stalled = () => runs.length >= STALL_AFTER && runs.slice(-STALL_AFTER).every(idle);
    for (let i = 1; i <= MAX_RUNS && runsToSettle === null && !stalled(); i++) {
      if (i > 1) applyStep(run, { advance: BETWEEN_RUNS }, step++);
      const r = syncOnce(run, meter, i, 'settle', step++);
      runs.push(r);
      line(r);
      pushed += r.counts['pushed'] ?? 0;
      applied += r.counts['applied'] ?? 0;
      off = mismatched(run, world);
      // Settled: Amazon holds what the world calls for, every push was read back (by the job's counts,
      // or by the Inventory tab when the confirming run did not report it), and the run found nothing to push.
      if (!isFailed(r) && r.job === 'ok' && r.counts['changes'] === 0 && off === 0) {
        if (applied >= pushed && pushed >= world.counts.changes) runsToSettle = i;
        else if ((confirmed = confirmedOnTab(run)) >= world.counts.changes) runsToSettle = i;
      }
    }

    let quiet: RunReport | null = null;
    const steady: RunReport[] = [];
    const smallChange = Math.max(1, Math.round(world.counts.fbm * SMALL_CHANGE_SHARE));
    if (runsToSettle !== null) {
      applyStep(run, { advance: STEADY_EVERY }, step++);
      quiet = syncOnce(run, meter, runs.length + 1, 'quiet', step++);
      line(quiet);
      for (let k = 0; k < 2; k++) {
        moveStock(run, world, smallChange, k, step++);
        applyStep(run, { advance: STEADY_EVERY }, step++);
        const r = syncOnce(run, meter, runs.length + 2 + k, 'steady', step++);
        steady.push(r);
        line(r);
      }
    }
    const record = run.gas.properties.document.data.get('quota.triggerRuntime');
    const measuredRunMs = record ? ((JSON.parse(record) as { avgMs?: Record<string, number> }).avgMs?.['inventory'] ?? null) : null;
    return {
      n: world.counts.skus,
      world: world.counts,
      setupSheetCalls,
      runs,
      runsToSettle,
      failedRuns: runs.filter(isFailed).length,
      stalled: runsToSettle === null && stalled(),
      amazonMismatched: off,
      pushed,
      applied,
      confirmedOnTab: confirmed,
      quiet,
      steady,
      smallChange,
      minimum,
      realMs: Date.now() - started,
      measuredRunMs,
    };
  } finally {
    meter.uninstall();
  }
}
