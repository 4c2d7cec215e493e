// The settlements benchmark's tables (rows of strings, printed by bench/table.ts as text or
// Markdown): pure computation against its floor, memory, each execution of the end-to-end imports,
// spreadsheet calls against chunks, and lines per execution for Sheets speeds around the assumed one.

import { LINES_PER_APPEND } from '../src/jobs/settlements/import';
import type { Capacity } from './settlements-capacity';
import type { CpuReport } from './settlements-cpu';
import type { ExecutionReport, ImportReport } from './settlements-e2e';
import type { MemoryReading } from './settlements-memory';

const n0 = (x: number) => Math.round(x).toLocaleString('en-GB');
const f1 = (x: number) => x.toFixed(1);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

export function cpuRows(reports: readonly CpuReport[]): string[][] {
  const header = ['lines', 'file MB', 'parse ms', 'summarise ms', 'parse + summarise ms median (min)', 'CPU ms', 'floor ms median (min)', 'floor CPU ms', 'ratio to floor', 'CPU ratio', 'µs per line'];
  return [
    header,
    ...reports.map((r) => [
      n0(r.lines),
      mb(r.bytes),
      f1(r.parse.medianMs),
      f1(r.summarise.medianMs),
      `${f1(r.both.medianMs)} (${f1(r.both.minMs)})`,
      f1(r.both.medianCpuMs),
      `${f1(r.floor.medianMs)} (${f1(r.floor.minMs)})`,
      f1(r.floor.medianCpuMs),
      `${r.ratio.toFixed(1)}×`,
      `${r.cpuRatio.toFixed(1)}×`,
      ((r.both.medianMs * 1000) / r.lines).toFixed(2),
    ]),
  ];
}

export function memoryRows(readings: readonly MemoryReading[]): string[][] {
  const header = ['lines', 'text MB', 'what', 'retained MB (after GC)', 'heap right after MB', 'peak RSS growth MB', 'retained bytes per line'];
  return [
    header,
    ...readings.map((m) => [
      n0(m.lines),
      mb(m.textBytes),
      m.target === 'parse' ? 'parse + summarise' : 'floor (split)',
      mb(m.retainedBytes),
      mb(m.heapAfterBytes),
      mb(m.peakRssGrowthBytes),
      n0(m.retainedBytes / m.lines),
    ]),
  ];
}

const clockOf = (r: ImportReport) => (r.mode === 'fake' ? 'fake (no Sheets time)' : `modelled (${(r.costModel!.msPerCellWritten * 1000).toFixed(0)} ms / 1,000 cells)`);

function executionRow(r: ImportReport, x: ExecutionReport, label: string): string[] {
  return [
    n0(r.lines),
    clockOf(r),
    label,
    `${x.outcome}/${x.job}`,
    n0(x.linesAdded),
    n0(x.linesInTab),
    String(x.chunks),
    String(x.sheetCalls),
    n0(x.cellsWritten),
    n0(x.cellsRead),
    f1(x.virtualMs / 1000),
    f1(x.chargedSheetMs / 1000),
    f1(x.cpuMs / 1000),
  ];
}

export function executionRows(reports: readonly ImportReport[]): string[][] {
  const header = ['lines', 'clock', 'execution', 'outcome (Apps Script/job)', 'lines added', 'lines in tab', 'chunks', 'sheet calls', 'cells written', 'cells read', 'virtual s', 'of which Sheets s', 'CPU s'];
  const rows: string[][] = [header];
  for (const r of reports) {
    if (r.warmUp) rows.push(executionRow(r, r.warmUp, `before: first import ever (${n0(r.warmUp.linesAdded)} lines)`));
    for (const x of r.executions) rows.push(executionRow(r, x, String(x.execution)));
    if (r.idleRun) rows.push(executionRow(r, r.idleRun, 'next run (nothing new)'));
  }
  return rows;
}

/** Spreadsheet calls a chunk adds: the difference between two one-execution imports, per chunk. */
export function callsPerChunk(small: ExecutionReport, large: ExecutionReport): { total: number; byMethod: Record<string, number> } {
  const chunks = large.chunks - small.chunks;
  const byMethod: Record<string, number> = {};
  for (const k of new Set([...Object.keys(small.calls), ...Object.keys(large.calls)])) {
    const d = ((large.calls[k] ?? 0) - (small.calls[k] ?? 0)) / chunks;
    if (Math.abs(d) > 1e-9) byMethod[k] = d;
  }
  return { total: (large.sheetCalls - small.sheetCalls) / chunks, byMethod };
}

export function importRows(reports: readonly ImportReport[]): string[][] {
  const header = ['lines', 'chunks', 'clock', 'executions to import', 'lines in the first execution', 'sheet calls (all executions)', 'sheet calls per 1,000 lines', 'next run (nothing new): sheet calls', 'tab checked'];
  return [
    header,
    ...reports.map((r) => {
      const calls = r.executions.reduce((n, x) => n + x.sheetCalls, 0);
      const ok = r.check.linesInTab === r.lines && r.check.amountCents === r.totalCents && r.check.settlementsRows === 1;
      return [
        n0(r.lines),
        String(Math.ceil(r.lines / LINES_PER_APPEND)),
        clockOf(r),
        r.executionsToImport === null ? `not in ${r.executions.length}` : String(r.executionsToImport),
        n0(r.executions[0]?.linesAdded ?? 0),
        String(calls),
        f1((calls * 1000) / r.lines),
        r.idleRun ? String(r.idleRun.sheetCalls) : '-',
        ok ? `✓ ${n0(r.check.linesInTab)} lines, sum = total, 1 row` : `✗ ${n0(r.check.linesInTab)} lines, sum ${r.check.amountCents} vs ${r.totalCents}, ${r.check.settlementsRows} rows`,
      ];
    }),
  ];
}

export interface CapacityRow {
  label: string;
  plain: Capacity;
  withCpu: Capacity;
}

export function capacityRows(rows: readonly CapacityRow[], lines: number): string[][] {
  const header = ['Sheets write speed', 'ms per 1,000 cells', 's per chunk', 'lines per execution (CPU off the clock, as the fake)', `lines per execution (+ parse of ${n0(lines)} lines on the clock)`, `executions for ${n0(lines)} lines`];
  return [
    header,
    ...rows.map((r) => [
      r.label,
      (r.plain.msPerCell * 1000).toFixed(0),
      f1(r.plain.chunkS),
      n0(r.plain.linesPerExecution),
      n0(r.withCpu.linesPerExecution),
      String(r.withCpu.executionsFor(lines)),
    ]),
  ];
}
