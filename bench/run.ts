// `npm run bench`: the stock sync at 100, 1,000 and 10,000 mapped SKUs — spreadsheet calls per
// run, Amazon and ShipBob calls next to the minimum the page sizes allow, virtual seconds next to
// the rate-limit floor, Node CPU of the pure computation, the daily trigger runtime a schedule
// would use, and approve mode (the plan shown, approved and pushed). Prints tables and writes
// bench/results.json. `npm run bench -- --sizes 100,20000` runs other sizes.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { approveRows, runApprove } from './approve';
import type { ApproveReport } from './approve';
import { runSize } from './e2e';
import { triggerDay, triggerDayRows } from './trigger-day';
import { measurePureCpu } from './pure-cpu';
import { markdownTable, runRows, summaryRows, textTable } from './table';
import type { SizeResult } from './table';
import { generateWorld } from './world-gen';

const DEFAULT_SIZES = [100, 1_000, 10_000];

function sizesFrom(argv: string[]): number[] {
  const i = argv.indexOf('--sizes');
  if (i < 0) return DEFAULT_SIZES;
  const sizes = (argv[i + 1] ?? '').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes a comma-separated list of positive whole numbers, e.g. --sizes 100,1000');
  return sizes;
}

function main(argv: string[]): void {
  const sizes = sizesFrom(argv);
  const results: SizeResult[] = [];
  const approvals: ApproveReport[] = [];
  for (const n of sizes) {
    console.error(`N=${n}: generating the world and running the stock sync…`);
    const world = generateWorld(n);
    // Measured first, so the end-to-end run's garbage does not land in its samples.
    const pureCpu = measurePureCpu(world);
    const report = runSize(world, (line) => console.error(line));
    results.push({ ...report, pureCpu });
    console.error(`  N=${n}: ${report.runs.length} runs in ${(report.realMs / 1000).toFixed(1)} s real time; pure computation ${pureCpu.medianMs.toFixed(1)} ms CPU (median of ${pureCpu.samplesMs.length})`);
    approvals.push(runApprove(world, (line) => console.error(line)));
  }

  const summary = summaryRows(results);
  const perRun = runRows(results);
  const days = results.map(triggerDay);
  const triggerTable = triggerDayRows(days);
  const approveTable = approveRows(approvals);
  console.log(`\nStock sync benchmark (${new Date().toISOString()}, Node ${process.version})\n`);
  console.log(textTable(summary));
  console.log('\nPer run:\n');
  console.log(textTable(perRun));
  console.log('\nDaily trigger runtime of a schedule (✗ over the consumer 90 minutes, ! over 80% of it):\n');
  console.log(textTable(triggerTable));
  console.log('\nApprove mode:\n');
  console.log(textTable(approveTable));

  const dir = path.dirname(fileURLToPath(import.meta.url));
  const out = path.join(dir, 'results.json');
  writeFileSync(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, sizes: results, triggerDay: days, approve: approvals, markdown: { summary: markdownTable(summary), perRun: markdownTable(perRun), triggerDay: markdownTable(triggerTable), approve: markdownTable(approveTable) } }, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

main(process.argv.slice(2));
