// Time of the settlements flow's pure computation (src/core/settlements: parseSettlementFile, then
// summarise with DEFAULT_SETTLEMENT_RULES) on one generated file, next to its floor: a bare
// text.split('\n').map((l) => l.split('\t')) over the same text, the least any reader of a
// tab-separated file does. Samples alternate between the two, so a change in the machine's load
// lands on both and the ratio stays honest; the median of each is reported.

import { DEFAULT_SETTLEMENT_RULES } from '../src/core/settlements/categories';
import { parseSettlementFile } from '../src/core/settlements/parse';
import { summarise } from '../src/core/settlements/summary';
import type { GeneratedSettlement } from './settlements-gen';

export interface Timing {
  /** Wall-clock ms (performance.now), median and min of the samples. */
  medianMs: number;
  minMs: number;
  /** CPU ms (user + system, every thread: the GC's helper threads too), median. */
  medianCpuMs: number;
  samplesMs: number[];
}

export interface CpuReport {
  lines: number;
  bytes: number;
  parse: Timing;
  summarise: Timing;
  /** parse + summarise, each sample the sum of the two back to back. */
  both: Timing;
  floor: Timing;
  /** both.medianMs / floor.medianMs (and the same for CPU). */
  ratio: number;
  cpuRatio: number;
  /** What the parse reported, so the work is known to have been done. */
  check: { lines: number; problems: number; differenceCents: number; unmappedLines: number };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timing(wall: number[], cpu: number[]): Timing {
  return { medianMs: median(wall), minMs: Math.min(...wall), medianCpuMs: median(cpu), samplesMs: wall };
}

/** Runs fn once, returning wall and CPU ms. */
function timed(fn: () => void): [number, number] {
  const cpu = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

export const defaultRepeats = (lines: number) => (lines <= 20_000 ? 15 : 5);

export function measureCpu(file: GeneratedSettlement, repeats = defaultRepeats(file.lines)): CpuReport {
  const { text } = file;
  let sink = 0;
  const parse = () => {
    const p = parseSettlementFile(text);
    if (!p.ok) throw new Error(p.message);
    return p.settlement;
  };
  const floor = () => {
    sink += text.split('\n').map((l) => l.split('\t')).length;
  };
  const parsed = parse();
  const check = summarise(parsed, DEFAULT_SETTLEMENT_RULES);
  // Warm-up (JIT, inline caches) for both sides; one is enough for a large file.
  for (let i = 0; i < (file.lines <= 20_000 ? 3 : 1); i++) {
    summarise(parse(), DEFAULT_SETTLEMENT_RULES);
    floor();
  }
  const wall = { parse: [] as number[], summarise: [] as number[], both: [] as number[], floor: [] as number[] };
  const cpu = { parse: [] as number[], summarise: [] as number[], both: [] as number[], floor: [] as number[] };
  for (let i = 0; i < repeats; i++) {
    let p: ReturnType<typeof parse> | null = null;
    const [pw, pc] = timed(() => void (p = parse()));
    const [sw, sc] = timed(() => void (sink += summarise(p!, DEFAULT_SETTLEMENT_RULES).lines.length));
    const [fw, fc] = timed(floor);
    wall.parse.push(pw);
    cpu.parse.push(pc);
    wall.summarise.push(sw);
    cpu.summarise.push(sc);
    // The pair as the job runs it, back to back.
    wall.both.push(pw + sw);
    cpu.both.push(pc + sc);
    wall.floor.push(fw);
    cpu.floor.push(fc);
  }
  if (sink <= 0) throw new Error('nothing was computed');
  const both = timing(wall.both, cpu.both);
  const fl = timing(wall.floor, cpu.floor);
  return {
    lines: file.lines,
    bytes: file.bytes,
    parse: timing(wall.parse, cpu.parse),
    summarise: timing(wall.summarise, cpu.summarise),
    both,
    floor: fl,
    ratio: both.medianMs / fl.medianMs,
    cpuRatio: both.medianCpuMs / fl.medianCpuMs,
    check: {
      lines: check.lines.length,
      problems: parsed.problems.length,
      differenceCents: check.totals.differenceCents,
      unmappedLines: check.totals.unmapped.reduce((n, u) => n + u.lines, 0),
    },
  };
}
