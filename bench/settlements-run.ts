// The settlements benchmark: parse + categorise 10,000 and 200,000 generated settlement lines
// (time and memory, next to a bare split-on-tabs floor), then import each through the built bundle
// in the local world, once on the fake's own clock and once with a Sheets write-time model, to show
// the spreadsheet calls per import, the largest settlement one execution imports and how a larger
// one resumes. runSettlementsBench is what bench/run.ts calls; alone:
//   node build.mjs && npx tsx bench/settlements-run.ts [--sizes 10000,200000] [--modes fake,modelled]
//     [--ms-per-1000-cells 152.5] [--no-warm-up] [--json out.json]
// prints the Markdown section on stdout and progress on stderr. docs/benchmarks-settlements.md
// explains the tables.

import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LINES_PER_APPEND } from '../src/jobs/settlements/import';
import { capacity } from './settlements-capacity';
import type { CapacityInput } from './settlements-capacity';
import { measureCpu } from './settlements-cpu';
import type { CpuReport } from './settlements-cpu';
import { runImport } from './settlements-e2e';
import type { ExecutionReport, ImportReport, Mode } from './settlements-e2e';
import { generateSettlement } from './settlements-gen';
import { measureMemory } from './settlements-memory';
import type { MemoryReading } from './settlements-memory';
import { DEFAULT_COST_MODEL } from './settlements-meter';
import type { SheetCostModel } from './settlements-meter';
import { callsPerChunk, capacityRows, cpuRows, executionRows, importRows, memoryRows } from './settlements-table';
import type { CapacityRow } from './settlements-table';
import { markdownTable } from './table';

export const DEFAULT_SETTLEMENT_SIZES = [10_000, 200_000];
const SPEEDS: ReadonlyArray<[string, number]> = [
  ['2× faster', 0.5],
  ['as assumed', 1],
  ['2× slower', 2],
  ['4× slower', 4],
];

export interface SettlementsBenchOptions {
  sizes?: number[];
  modes?: Mode[];
  costModel?: SheetCostModel;
  /** Import a small settlement first, so one-off first-import costs stay out of the measured one (default true). */
  warmUp?: boolean;
}

/** The modelled execution the capacity table starts from: a resumed (partial) one if any, else the one with most chunks. */
function capacityInput(imports: readonly ImportReport[], cpu: readonly CpuReport[]): { input: CapacityInput; from: string; lines: number } | null {
  const modelled = imports.filter((r) => r.mode === 'modelled' && r.idleRun);
  const candidates = modelled.flatMap((r) => r.executions.filter((x) => x.chunks > 0).map((x) => ({ r, x })));
  if (candidates.length === 0) return null;
  const score = (c: { x: ExecutionReport }) => (c.x.job === 'partial' ? 1e9 : 0) + c.x.chunks;
  const { r, x } = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
  const idle = r.idleRun!;
  // Per line, so a short last chunk does not lower it; the idle run's writes are the Sync Log's and the Exceptions'.
  const cellsPerChunk = Math.round(((x.cellsWritten - idle.cellsWritten) / x.linesAdded) * LINES_PER_APPEND);
  const cpuMs = cpu.find((c) => c.lines === r.lines)?.both.medianMs ?? 0;
  return {
    input: { cellsPerChunk, networkMs: x.virtualMs - x.chargedSheetMs, otherCells: idle.cellsWritten, cpuMs },
    from: `${r.lines.toLocaleString('en-GB')}-line import, execution ${x.execution}`,
    lines: r.lines,
  };
}

export function runSettlementsBench(log: (line: string) => void, o: SettlementsBenchOptions = {}): { markdown: string; json: unknown } {
  const started = Date.now();
  const sizes = o.sizes ?? DEFAULT_SETTLEMENT_SIZES;
  const modes = o.modes ?? ['fake', 'modelled'];
  const costModel = o.costModel ?? DEFAULT_COST_MODEL;
  const cpu: CpuReport[] = [];
  const memory: MemoryReading[] = [];
  const imports: ImportReport[] = [];
  for (const n of sizes) {
    log(`Settlements: ${n.toLocaleString('en-GB')} lines…`);
    const file = generateSettlement(n);
    // Pure computation first, before the end-to-end runs leave their garbage in this heap.
    const c = measureCpu(file);
    cpu.push(c);
    log(`  parse + summarise ${c.both.medianMs.toFixed(1)} ms (median of ${c.both.samplesMs.length}), floor ${c.floor.medianMs.toFixed(1)} ms: ${c.ratio.toFixed(1)}×`);
    memory.push(...measureMemory(file));
    for (const mode of modes) imports.push(runImport(file, mode, costModel, log, o.warmUp ?? true));
  }

  const fakeSingles = imports.filter((r) => r.mode === 'fake' && r.executionsToImport === 1).map((r) => r.executions[0]!);
  const perChunk = fakeSingles.length >= 2 ? callsPerChunk(fakeSingles[0]!, fakeSingles[fakeSingles.length - 1]!) : null;
  const cap = capacityInput(imports, cpu);
  const capRows: CapacityRow[] = cap
    ? SPEEDS.map(([label, k]) => ({
        label,
        plain: capacity({ ...cap.input, cpuMs: 0 }, costModel.msPerCellWritten * k),
        withCpu: capacity(cap.input, costModel.msPerCellWritten * k),
      }))
    : [];

  const tables = {
    cpu: cpuRows(cpu),
    memory: memoryRows(memory),
    executions: executionRows(imports),
    imports: importRows(imports),
    ...(cap ? { capacity: capacityRows(capRows, Math.max(...sizes)) } : {}),
  };
  const perChunkText = perChunk
    ? `A chunk of ${LINES_PER_APPEND.toLocaleString('en-GB')} lines adds ${perChunk.total.toFixed(1)} spreadsheet calls: ${Object.entries(perChunk.byMethod)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(2)}`)
        .join(', ')}.`
    : '';
  const wallS = (Date.now() - started) / 1000;
  const meta = `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, ${wallS.toFixed(0)} s of real time.`;
  const markdown = [
    `Settlements benchmark: ${meta}`,
    '',
    '**Parse + categorise** (median of the samples; the floor is `text.split(\'\\n\').map(l => l.split(\'\\t\'))` over the same text):',
    '',
    markdownTable(tables.cpu),
    '',
    '**Memory** (each in a fresh `node --expose-gc` child, against a baseline taken after the text was read and a GC):',
    '',
    markdownTable(tables.memory),
    '',
    '**Import through the bundle, per execution** (`syncNow("settlements")` every 10 virtual minutes; the last row of each import is the next run, with nothing new):',
    '',
    markdownTable(tables.executions),
    '',
    '**Per import:**',
    '',
    markdownTable(tables.imports),
    ...(perChunkText ? ['', perChunkText] : []),
    ...(cap && tables.capacity
      ? ['', `**Lines per execution by Sheets write speed** (from the ${cap.from}: ${cap.input.cellsPerChunk.toLocaleString('en-GB')} cells written per chunk, ${(cap.input.networkMs / 1000).toFixed(1)} s of download latency; parse + summarise ${cap.input.cpuMs.toFixed(0)} ms as Node measured it):`, '', markdownTable(tables.capacity)]
      : []),
    '',
  ].join('\n');
  return {
    markdown,
    json: { generatedAt: new Date().toISOString(), node: process.version, sizes, modes, costModel, wallS, cpu, memory, imports, callsPerChunk: perChunk, capacity: cap ? { ...cap, rows: capRows.map((r) => ({ label: r.label, msPerCell: r.plain.msPerCell, chunkS: r.plain.chunkS, linesPerExecution: r.plain.linesPerExecution, linesPerExecutionWithCpu: r.withCpu.linesPerExecution, executionsForLargest: r.withCpu.executionsFor(cap.lines) })) } : null },
  };
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
}

function main(argv: string[]): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (!existsSync(path.join(root, 'dist', 'Code.js'))) throw new Error('dist/Code.js is missing: run `node build.mjs` first (npm run bench builds it).');
  const sizesText = flag(argv, '--sizes');
  const sizes = sizesText ? sizesText.split(',').map((s) => Number(s.replace(/_/g, ''))) : undefined;
  if (sizes && sizes.some((n) => !Number.isInteger(n) || n < 3)) throw new Error('--sizes takes whole numbers of lines, at least 3, e.g. --sizes 10000,200000');
  const modesText = flag(argv, '--modes');
  const modes = modesText ? (modesText.split(',') as Mode[]) : undefined;
  if (modes && modes.some((m) => m !== 'fake' && m !== 'modelled')) throw new Error('--modes takes fake, modelled or both');
  const speed = flag(argv, '--ms-per-1000-cells');
  const costModel = speed ? { msPerCellWritten: Number(speed) / 1000 } : undefined;
  if (costModel && !(costModel.msPerCellWritten > 0)) throw new Error('--ms-per-1000-cells takes a positive number');
  const out = flag(argv, '--json');
  const warmUp = !argv.includes('--no-warm-up');
  const result = runSettlementsBench((line) => console.error(line), { ...(sizes ? { sizes } : {}), ...(modes ? { modes } : {}), ...(costModel ? { costModel } : {}), warmUp });
  console.log(result.markdown);
  if (out) {
    writeFileSync(out, `${JSON.stringify(result.json, null, 2)}\n`);
    console.error(`Wrote ${out}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main(process.argv.slice(2));
