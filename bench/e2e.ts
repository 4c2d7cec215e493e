// Runs the built bundle against one benchmark world in-process (the scenario runner's world:
// spreadsheet fake, Amazon and ShipBob simulators, virtual clock): "Set up sheets", then "Sync now"
// for the stock job every 20 virtual minutes until a run finds nothing left to push after the
// read-back, recording each run's counters next to the minimum its work needs.

import { applyStep, createScenarioRun } from '../test/world/scenario/runner';
import type { ScenarioRun } from '../test/world/scenario/runner';
import type { ExecutionRecord } from '../test/world/world';
import { LWA_TOKEN_MS, floors, minimumCalls, total } from './floors';
import type { Floors, OpCalls, RunPhases } from './floors';
import type { BenchWorld } from './world-gen';

const BETWEEN_RUNS = '20m';
export const MAX_RUNS = 8;

interface JobSummary {
  outcome: string;
  counts: Record<string, number>;
  message: string;
}

export interface RunReport {
  run: number;
  /** The execution's end (ok/error/timeout: Apps Script's view) and the job's own outcome. */
  execution: ExecutionRecord['outcome'];
  job: string;
  message: string;
  sheetCalls: number;
  amazon: { spApi: number; lwa: number; s3: number; total: number; minimum: number };
  shipbob: { total: number; minimum: number };
  /** Observed calls per operation (Amazon's operationIds, ShipBob's operation names). */
  operations: Record<string, number>;
  minimumOperations: OpCalls[];
  http429: number;
  retries: number;
  virtualS: number;
  floor: Floors;
  /** CPU of the execution (bundle + fakes + simulators): counts toward the 6-minute budget here. */
  executionCpuMs: number;
  /** (virtual + CPU) / 6 minutes. */
  budgetShare: number;
  changes: number | null;
  applied: number | null;
}

export interface SizeReport {
  n: number;
  world: BenchWorld['counts'];
  setupSheetCalls: number;
  runs: RunReport[];
  /** Runs until one had nothing left to push after its read-back; null when MAX_RUNS were not enough. */
  runsToSettle: number | null;
  realMs: number;
  /** The add-on's own measure of one stock-sync run (quota.triggerRuntime avgMs), ms; null if absent. */
  measuredRunMs: number | null;
}

function hostCounts(fetches: Record<string, number>) {
  let spApi = 0;
  let lwa = 0;
  let s3 = 0;
  let shipbob = 0;
  for (const [host, n] of Object.entries(fetches)) {
    if (host === 'api.amazon.com') lwa += n;
    else if (host.startsWith('sellingpartnerapi')) spApi += n;
    else if (host.includes('amazonaws.com')) s3 += n;
    else if (host.includes('shipbob.com')) shipbob += n;
  }
  return { spApi, lwa, s3, shipbob };
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

function shipbobOps(run: ScenarioRun): Record<string, number> {
  return { ...run.threePl.counters.byOperation };
}

export function runSize(world: BenchWorld, log: (line: string) => void = () => {}): SizeReport {
  const started = Date.now();
  const run = createScenarioRun(world.scenario);
  applyStep(run, { run: 'setupSheets' }, 0);
  const setupSheetCalls = run.results[0]?.record.spreadsheetCalls ?? 0;
  const size = { listings: world.counts.listings, fbaSkus: world.counts.fba, threePlProducts: world.counts.threePlProducts, amazonOrders: world.counts.orders };

  const runs: RunReport[] = [];
  let runsToSettle: number | null = null;
  let readBack = false;
  let channelKnown = false;
  let tokenAt: number | null = null;
  for (let i = 1; i <= MAX_RUNS && runsToSettle === null; i++) {
    if (i > 1) applyStep(run, { advance: BETWEEN_RUNS }, i);
    const startMs = run.world.clock.now();
    const amazonBefore = run.amazon.calls.length;
    const shipbobBefore = shipbobOps(run);
    applyStep(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }, i);
    const result = run.results[run.results.length - 1]!;
    const rec = result.record;
    const summary = (Array.isArray(result.value) ? result.value[0] : undefined) as JobSummary | undefined;
    const hosts = hostCounts(rec.fetches);
    const amazonOps = countOps(run.amazon.calls.slice(amazonBefore));
    const sbOps = diffOps(shipbobOps(run), shipbobBefore);

    // The run's work, from what it called; its minimum counts only that work.
    const feedDone = (amazonOps['getFeedDocument'] ?? 0) > 0;
    const phases: RunPhases = {
      // A run read the systems when it asked the 3PL for stock (search pages or a report gave the listings).
      read: Object.keys(sbOps).some((op) => op.startsWith('get-all-inventory')) || (amazonOps['searchListingsItems'] ?? 0) > 0,
      listingsVia: (amazonOps['getReport'] ?? 0) > 0 || (amazonOps['createReport'] ?? 0) > 0 ? 'report' : 'search',
      reportRead: (amazonOps['getReport'] ?? 0) > 0,
      reportRequest: (amazonOps['createReport'] ?? 0) > 0,
      channelLookup: !channelKnown,
      token: tokenAt === null || startMs - tokenAt >= LWA_TOKEN_MS,
      feedDocument: (amazonOps['createFeedDocument'] ?? 0) > 0,
      feedCreate: (amazonOps['createFeed'] ?? 0) > 0,
      feedFollow: feedDone ? 'done' : (amazonOps['getFeed'] ?? 0) > 0 && !(amazonOps['createFeed'] ?? 0) ? 'waiting' : 'none',
      patches: amazonOps['patchListingsItem'] ?? 0,
    };
    if (phases.token) tokenAt = startMs;
    if (phases.read) channelKnown = true;
    const minimumOperations = minimumCalls(size, phases);
    const changes = summary?.counts['changes'] ?? null;
    const applied = summary?.counts['applied'] ?? null;
    if ((applied ?? 0) > 0) readBack = true;

    const report: RunReport = {
      run: i,
      execution: rec.outcome,
      job: summary?.outcome ?? (result.error ? 'error' : 'none'),
      message: summary?.message ?? result.error ?? '',
      sheetCalls: rec.spreadsheetCalls,
      amazon: { spApi: hosts.spApi, lwa: hosts.lwa, s3: hosts.s3, total: hosts.spApi + hosts.lwa + hosts.s3, minimum: total(minimumOperations, 'amazon') },
      shipbob: { total: hosts.shipbob, minimum: total(minimumOperations, 'shipbob') },
      operations: { ...amazonOps, ...(hosts.lwa ? { 'lwa-token': hosts.lwa } : {}), ...(hosts.s3 ? { s3: hosts.s3 } : {}), ...sbOps },
      minimumOperations,
      http429: rec.http429,
      retries: rec.retries,
      virtualS: rec.virtualMs / 1000,
      floor: floors(minimumOperations),
      executionCpuMs: rec.cpuMs,
      budgetShare: (rec.virtualMs + rec.cpuMs) / run.world.maxExecutionMs,
      changes,
      applied,
    };
    runs.push(report);
    log(
      `  N=${world.counts.skus} run ${i}: ${rec.outcome}/${report.job} · ${rec.spreadsheetCalls} sheet calls · Amazon ${report.amazon.total} (min ${report.amazon.minimum}) · ShipBob ${report.shipbob.total} (min ${report.shipbob.minimum}) · ${report.virtualS.toFixed(1)} virtual s · ${report.message}`,
    );
    // Settled: a full compute run that found nothing to push, after Amazon's quantities were read back.
    if (rec.outcome === 'ok' && summary?.outcome === 'ok' && changes === 0 && readBack) runsToSettle = i;
  }
  const record = run.gas.properties.document.data.get('quota.triggerRuntime');
  const measuredRunMs = record ? ((JSON.parse(record) as { avgMs?: Record<string, number> }).avgMs?.['inventory'] ?? null) : null;
  return { n: world.counts.skus, world: world.counts, setupSheetCalls, runs, runsToSettle, realMs: Date.now() - started, measuredRunMs };
}
