// Memory of parsing and categorising one settlement, measured in a child Node process started with
// --expose-gc, so the parent's heap (other benchmarks, the text of other sizes) is not in it and a
// forced collection gives a clean baseline. Node has no peak-heap counter for a synchronous call, so
// three figures bracket it (all minus the baseline taken after the file's text exists and a GC):
//   - retained: heapUsed after a forced GC with the result still referenced (what the result keeps);
//   - heap right after: heapUsed straight after the call, before any forced GC (live result plus
//     garbage not yet collected: a lower bound on the peak, since minor GCs ran during the call);
//   - peak RSS growth: the process's maxRSS (getrusage) growth: resident memory at its high point,
//     heap and everything else (an upper bound on what the call needed, allocator slack included).
// The same three are taken for the floor, text.split('\n').map((l) => l.split('\t')). The child
// reads the file the parent wrote rather than generating it, so the generator's own high-water mark
// does not hide the call's in maxRSS.
//
// Child usage: node --expose-gc --import tsx bench/settlements-memory.ts <file> <parse|floor> <lines>

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SETTLEMENT_RULES } from '../src/core/settlements/categories';
import { parseSettlementFile } from '../src/core/settlements/parse';
import { summarise } from '../src/core/settlements/summary';
import type { GeneratedSettlement } from './settlements-gen';

export type MemoryTarget = 'parse' | 'floor';

export interface MemoryReading {
  lines: number;
  target: MemoryTarget;
  /** The file's text, UTF-8 bytes (held in the baseline). */
  textBytes: number;
  retainedBytes: number;
  heapAfterBytes: number;
  peakRssGrowthBytes: number;
  /** Lines the call returned (so the work is known to have happened). */
  outputLines: number;
}

function measureHere(file: string, target: MemoryTarget, lines: number): MemoryReading {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const text = readFileSync(file, 'utf8');
  gc();
  gc();
  const baseHeap = process.memoryUsage().heapUsed;
  const baseRss = process.resourceUsage().maxRSS * 1024;
  let result: unknown;
  let outputLines: number;
  if (target === 'parse') {
    const parsed = parseSettlementFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const summary = summarise(parsed.settlement, DEFAULT_SETTLEMENT_RULES);
    result = [parsed, summary];
    outputLines = summary.lines.length;
  } else {
    const cells = text.split('\n').map((l) => l.split('\t'));
    result = cells;
    outputLines = cells.length;
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  gc();
  const retained = process.memoryUsage().heapUsed;
  if (!result) throw new Error('no result');
  return {
    lines,
    target,
    textBytes: Buffer.byteLength(text, 'utf8'),
    retainedBytes: retained - baseHeap,
    heapAfterBytes: heapAfter - baseHeap,
    peakRssGrowthBytes: Math.max(0, peakRss - baseRss),
    outputLines,
  };
}

const SELF = fileURLToPath(import.meta.url);

/** Measures each target in a fresh child process, the file written once to a temporary folder. */
export function measureMemory(file: GeneratedSettlement, targets: readonly MemoryTarget[] = ['parse', 'floor']): MemoryReading[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'settlements-bench-'));
  try {
    const at = path.join(dir, 'settlement.txt');
    writeFileSync(at, file.text);
    return targets.map((target) => {
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, at, target, String(file.lines)], {
        cwd: path.resolve(path.dirname(SELF), '..'),
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`memory child for ${file.lines} lines (${target}) failed: ${child.stderr || child.error?.message || `exit ${child.status}`}`);
      return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as MemoryReading;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [file, target, lines] = [process.argv[2], process.argv[3], Number(process.argv[4])];
  if (!file || (target !== 'parse' && target !== 'floor') || !Number.isInteger(lines)) throw new Error('usage: settlements-memory.ts <file> <parse|floor> <lines>');
  console.log(JSON.stringify(measureHere(file, target, lines)));
}
