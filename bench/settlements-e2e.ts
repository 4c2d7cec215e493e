// One settlement imported end to end through the built bundle in the local world (spreadsheet
// fake, Amazon simulator listing it with getReports, virtual clock): "Set up sheets", a small
// settlement imported first (the first import ever creates the Settlements and Settlement Lines
// tabs and counts the lines tab once, one-off costs kept out of the measured import), then the
// measured settlement appears and syncNow("settlements") runs every 10 virtual minutes until its
// Settlements row is written, then one more run that finds nothing new (the job's fixed cost). Each execution's counters are recorded,
// with the spreadsheet meter's calls by method and cells written, and, in "modelled" mode, the
// virtual time the Sheets cost model charged for those cells (settlements-meter.ts).

import { applyStep, createScenarioRun } from '../test/world/scenario/runner';
import type { ScenarioRun } from '../test/world/scenario/runner';
import { LINES_PER_APPEND } from '../src/jobs/settlements/import';
import { SETTLEMENT_KEYS } from '../src/jobs/settlements/state';
import { installSheetMeter } from './settlements-meter';
import { NO_COST } from '../test/world/cost-model';
import type { SheetCostModel } from './settlements-meter';
import { generateSettlement } from './settlements-gen';
import type { GeneratedSettlement } from './settlements-gen';

/** Enough for 200,000 lines at a quarter of the assumed Sheets speed (settlements-capacity.ts). */
export const MAX_EXECUTIONS = 12;
const BETWEEN_RUNS = '10m';

export type Mode = 'fake' | 'modelled';

export interface ExecutionReport {
  execution: number;
  /** Apps Script's end of the execution (ok / error / timeout) and the job's own outcome. */
  outcome: string;
  job: string;
  message: string;
  /** Lines the Settlement Lines tab gained in this execution, and holds after it. */
  linesAdded: number;
  linesInTab: number;
  /** Chunks appended: lines added over LINES_PER_APPEND, rounded up (every chunk but a settlement's last is full). */
  chunks: number;
  sheetCalls: number;
  cellsWritten: number;
  cellsRead: number;
  /** The execution's virtual time: simulator latency, plus the charged Sheets time in "modelled" mode. */
  virtualMs: number;
  chargedSheetMs: number;
  /** Node CPU of the execution (bundle, fakes and simulator together). */
  cpuMs: number;
  /** Counted spreadsheet calls by Class.method. */
  calls: Record<string, number>;
}

export interface ImportReport {
  lines: number;
  /** The file's own total (the sum of its lines), to check the tab against. */
  totalCents: number;
  mode: Mode;
  costModel: SheetCostModel | null;
  /** The first import ever (WARM_UP_LINES lines, before the measured one); null when skipped. */
  warmUp: ExecutionReport | null;
  executions: ExecutionReport[];
  /** Executions until the Settlements row was written; null when MAX_EXECUTIONS were not enough. */
  executionsToImport: number | null;
  /** A run after the import: nothing to download, only the job's fixed spreadsheet work. */
  idleRun: ExecutionReport | null;
  /** The measured settlement in the tabs at the end: its lines, their sum (cents) and its Settlements rows. */
  check: { linesInTab: number; amountCents: number; settlementsRows: number };
  realMs: number;
}

export const WARM_UP_LINES = 20;
const WARM_UP_ID = '24000999000';

const SETTINGS = [
  ['Key', 'Value', 'Help'],
  ['Amazon seller ID', 'A2BENCHSELLER', ''],
  ['Push mode', 'dry-run', ''],
];

/** Listed by getReports, DONE, served as plain text (no compressionAlgorithm). */
const report = (reportId: string, created: string, file: GeneratedSettlement) => ({ reportId, created, content: file.text });

export function settlementScenario(file: GeneratedSettlement, warmUp: boolean): Record<string, unknown> {
  const first = warmUp ? report('52000000000', '2026-10-03T06:00:00Z', generateSettlement(WARM_UP_LINES, 1, WARM_UP_ID)) : report('52000000001', '2026-10-17T06:00:00Z', file);
  return { name: `bench-settlement-${file.lines}`, start: '2026-11-02T08:00:00Z', sheet: { Settings: SETTINGS }, amazon: { sellerId: 'A2BENCHSELLER', settlements: [first] }, steps: [] };
}

/** Data rows of a tab in the fake's model as records by header, read without an execution (so nothing is counted). */
function tabRecords(run: ScenarioRun, name: string): Array<Record<string, unknown>> {
  const sheet = run.gas.spreadsheet.sheetByName(name);
  if (!sheet) return [];
  const header = (sheet.rows[0]?.v ?? []).map(String);
  const out: Array<Record<string, unknown>> = [];
  for (let r = 2; r <= sheet.lastRow(); r++) {
    const v = sheet.rows[r - 1]?.v ?? [];
    out.push(Object.fromEntries(header.map((h, i) => [h, v[i]])));
  }
  return out;
}

function linesInTab(run: ScenarioRun): number {
  const sheet = run.gas.spreadsheet.sheetByName('Settlement Lines');
  return sheet ? Math.max(0, sheet.lastRow() - 1) : 0;
}

const ofSettlement = (rows: ReadonlyArray<Record<string, unknown>>, id: string) => rows.filter((r) => String(r['Settlement ID']) === id);

function checkTabs(run: ScenarioRun, id: string): ImportReport['check'] {
  const lines = ofSettlement(tabRecords(run, 'Settlement Lines'), id);
  const amountCents = lines.reduce((n, l) => n + Math.round(Number(l['Amount']) * 100), 0);
  return { linesInTab: lines.length, amountCents, settlementsRows: ofSettlement(tabRecords(run, 'Settlements'), id).length };
}

interface JobSummary {
  outcome: string;
  message: string;
}

export function runImport(file: GeneratedSettlement, mode: Mode, costModel: SheetCostModel, log: (line: string) => void = () => {}, warmUp = true): ImportReport {
  const started = Date.now();
  const model = mode === 'modelled' ? costModel : null;
  const meter = installSheetMeter(model);
  try {
    const run = createScenarioRun(settlementScenario(file, warmUp));
    // This bench charges Sheets time with its own per-cell model (settlements-meter.ts) or none at
    // all ("fake"): the world's cost model (test/world/cost-model.ts) would count it twice.
    run.world.cost = NO_COST;
    applyStep(run, { run: 'setupSheets' }, 0);
    meter.take();
    const once = (i: number): ExecutionReport => {
      const before = linesInTab(run);
      applyStep(run, { run: 'syncNow', args: ['settlements'], as: 'sidebar' }, i);
      const result = run.results[run.results.length - 1]!;
      const rec = result.record;
      const tally = meter.take();
      const summary = (Array.isArray(result.value) ? result.value[0] : undefined) as JobSummary | undefined;
      const after = linesInTab(run);
      return {
        execution: i,
        outcome: rec.outcome,
        job: summary?.outcome ?? (result.error ? 'error' : 'none'),
        message: summary?.message ?? result.error ?? '',
        linesAdded: after - before,
        linesInTab: after,
        chunks: Math.ceil((after - before) / LINES_PER_APPEND),
        sheetCalls: rec.spreadsheetCalls,
        cellsWritten: tally.cellsWritten,
        cellsRead: tally.cellsRead,
        virtualMs: rec.virtualMs,
        chargedSheetMs: Math.round(tally.chargedMs),
        cpuMs: rec.cpuMs,
        calls: tally.calls,
      };
    };
    let first: ExecutionReport | null = null;
    if (warmUp) {
      first = once(0);
      if (first.job !== 'ok') throw new Error(`The warm-up import did not end ok: ${first.message}`);
      applyStep(run, { advance: BETWEEN_RUNS }, 0);
      applyStep(run, { world: { system: 'amazon', action: 'addSettlement', settlement: report('52000000001', '2026-10-17T06:00:00Z', file) } }, 0);
    }
    const executions: ExecutionReport[] = [];
    let executionsToImport: number | null = null;
    for (let i = 1; i <= MAX_EXECUTIONS && executionsToImport === null; i++) {
      if (i > 1) applyStep(run, { advance: BETWEEN_RUNS }, i);
      const x = once(i);
      executions.push(x);
      log(`  ${file.lines.toLocaleString('en-GB')} lines, ${mode}, execution ${i}: ${x.outcome}/${x.job} · +${x.linesAdded} lines (${x.linesInTab} in the tab) · ${x.sheetCalls} sheet calls · ${(x.virtualMs / 1000).toFixed(1)} virtual s · ${(x.cpuMs / 1000).toFixed(1)} CPU s`);
      // Imported: the Settlements row is written last, and the progress record is cleared with it.
      const done = ofSettlement(tabRecords(run, 'Settlements'), file.settlementId).length > 0 && run.gas.properties.document.data.get(SETTLEMENT_KEYS.partial) === undefined;
      if (done) executionsToImport = i;
      if (x.outcome !== 'ok') break;
    }
    let idleRun: ExecutionReport | null = null;
    if (executionsToImport !== null) {
      applyStep(run, { advance: BETWEEN_RUNS }, MAX_EXECUTIONS + 1);
      idleRun = once(executions.length + 1);
    }
    return { lines: file.lines, totalCents: file.totalCents, mode, costModel: model, warmUp: first, executions, executionsToImport, idleRun, check: checkTabs(run, file.settlementId), realMs: Date.now() - started };
  } finally {
    meter.uninstall();
  }
}
