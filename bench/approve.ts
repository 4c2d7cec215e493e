// Approve mode at N SKUs in the local world: sync until the plan is shown, "Approve stock push" 5
// virtual minutes later, then sync every 20 virtual minutes until every shown change reached Amazon.
// Records what the approval costs and how large the remembered plan is against Apps Script's 9 KB
// per property value (https://developers.google.com/apps-script/guides/services/quotas).

import { applyStep, createScenarioRun } from '../test/world/scenario/runner';
import type { ScenarioRun } from '../test/world/scenario/runner';
import type { BenchWorld } from './world-gen';

const MAX_RUNS = 8;

export interface ApproveReport {
  n: number;
  /** Runs until the Inventory tab showed the plan "awaiting approval". */
  runsToShow: number | null;
  /** Changes shown as awaiting approval. */
  shown: number;
  /** Bytes of inventory.shownPlan, and of the largest document property, after the plan was shown. */
  shownPlanBytes: number;
  maxPropertyBytes: number;
  /** The "Approve stock push" execution. */
  approve: { outcome: string; virtualS: number; cpuMs: number; sheetCalls: number; message: string };
  /** Runs after the approval until every shown change was written to Amazon; null if not within MAX_RUNS. */
  runsToPushed: number | null;
  pushed: number;
  realMs: number;
}

interface Summary {
  outcome: string;
  message: string;
  counts: Record<string, number>;
}

function last(run: ScenarioRun): { summary: Summary | undefined; record: ScenarioRun['results'][number]['record'] } {
  const r = run.results[run.results.length - 1]!;
  const v = r.value as Summary | Summary[] | undefined;
  return { summary: Array.isArray(v) ? v[0] : v, record: r.record };
}

/** The bench world with Settings "Push mode" = approve. */
function approveScenario(world: BenchWorld): Record<string, unknown> {
  const scenario = structuredClone(world.scenario) as { name: string; sheet: { Settings: unknown[][] } };
  scenario.name = `${scenario.name}-approve`;
  scenario.sheet.Settings = scenario.sheet.Settings.map((row) => (row[0] === 'Push mode' ? ['Push mode', 'approve', ''] : row));
  return scenario;
}

export function runApprove(world: BenchWorld, log: (line: string) => void = () => {}): ApproveReport {
  const started = Date.now();
  const run = createScenarioRun(approveScenario(world));
  let i = 0;
  const step = (s: Parameters<typeof applyStep>[1]) => applyStep(run, s, i++);
  step({ run: 'setupSheets' });
  const props = run.gas.properties.document.data;
  const bytes = (v: string | undefined) => Buffer.byteLength(v ?? '', 'utf8');

  let runsToShow: number | null = null;
  let shown = 0;
  for (let k = 1; k <= MAX_RUNS && runsToShow === null; k++) {
    if (k > 1) step({ advance: '20m' });
    step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    const { summary } = last(run);
    const waiting = /(\d+) change\(s\) await approval/.exec(summary?.message ?? '');
    if (waiting) {
      runsToShow = k;
      shown = Number(waiting[1]);
    }
  }
  const shownPlanBytes = bytes(props.get('inventory.shownPlan'));
  const maxPropertyBytes = Math.max(0, ...[...props.values()].map((v) => bytes(v)));

  step({ advance: '5m' });
  step({ run: 'approveStockPush' });
  const a = last(run);
  const approve = {
    outcome: a.record.outcome === 'ok' ? (a.summary?.outcome ?? 'none') : a.record.outcome,
    virtualS: a.record.virtualMs / 1000,
    cpuMs: a.record.cpuMs,
    sheetCalls: a.record.spreadsheetCalls,
    message: a.summary?.message ?? a.record.error ?? '',
  };
  log(`  N=${world.counts.skus} approve mode: shown after ${runsToShow} run(s), ${shown} changes, plan ${shownPlanBytes} B; approve run ${approve.outcome} ${approve.virtualS.toFixed(1)} s · ${approve.message}`);

  const pushed = () => (run.amazon.snapshot().writes as unknown[]).length;
  let runsToPushed: number | null = pushed() >= shown && shown > 0 ? 0 : null;
  for (let k = 1; k <= MAX_RUNS && runsToPushed === null; k++) {
    step({ advance: '20m' });
    step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    if (pushed() >= shown) runsToPushed = k;
  }
  return { n: world.counts.skus, runsToShow, shown, shownPlanBytes, maxPropertyBytes, approve, runsToPushed, pushed: pushed(), realMs: Date.now() - started };
}

export function approveRows(reports: ReadonlyArray<ApproveReport>): string[][] {
  const header = ['N SKUs', 'runs to show', 'changes shown', 'shownPlan bytes / largest property (limit 9,216)', 'approve run: outcome / virtual s / CPU ms / sheet calls', 'runs after approval until all pushed', 'pushed'];
  return [
    header,
    ...reports.map((r) => [
      r.n.toLocaleString('en-GB'),
      r.runsToShow === null ? `not in ${MAX_RUNS}` : String(r.runsToShow),
      String(r.shown),
      `${r.shownPlanBytes} / ${r.maxPropertyBytes}`,
      `${r.approve.outcome} / ${r.approve.virtualS.toFixed(1)} / ${r.approve.cpuMs} / ${r.approve.sheetCalls}`,
      r.runsToPushed === null ? `not in ${MAX_RUNS}` : String(r.runsToPushed),
      String(r.pushed),
    ]),
  ];
}
