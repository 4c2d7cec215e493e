// `npm run bench`: the stock sync at 100, 1,000 and 10,000 mapped SKUs — spreadsheet calls per
// run, Amazon and ShipBob calls next to the minimum the page sizes allow, virtual seconds next to
// the rate-limit floor, Node CPU of the pure computation, the daily trigger runtime a schedule
// would use, and approve mode (the plan shown, approved and pushed) — then the orders job at 100,
// 1,000 and 10,000 orders a day (bench/orders.ts), then settlements of 10,000 and 200,000 lines
// (bench/settlements-run.ts). Prints tables and writes bench/results.json.
// Options: `--sizes 100,20000` (stock SKUs), `--order-sizes 100,5000` (orders a day),
// `--only stock|orders|settlements` (one section; the others keep their place in results.json),
// `--orders-every 15` (the orders schedule's interval, minutes), `--no-backlog`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
import { DEFAULT_ORDER_SIZES, runOrdersBench } from './orders';
import { runSettlementsBench } from './settlements-run';

const DEFAULT_SIZES = [100, 1_000, 10_000];

function sizesFrom(argv: string[], flag: string, fallback: number[]): number[] {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const sizes = (argv[i + 1] ?? '').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${flag} takes a comma-separated list of positive whole numbers, e.g. ${flag} 100,1000`);
  return sizes;
}

function onlyFrom(argv: string[]): 'stock' | 'orders' | 'settlements' | null {
  const i = argv.indexOf('--only');
  if (i < 0) return null;
  const v = argv[i + 1];
  if (v !== 'stock' && v !== 'orders' && v !== 'settlements') throw new Error('--only takes "stock", "orders" or "settlements"');
  return v;
}

function everyFrom(argv: string[]): number {
  const i = argv.indexOf('--orders-every');
  if (i < 0) return 60;
  const v = Number(argv[i + 1]);
  // The intervals "Sync every (minutes)" offers (src/core/settings.ts).
  if (![5, 10, 15, 30, 60].includes(v)) throw new Error('--orders-every takes 5, 10, 15, 30 or 60');
  return v;
}

/** What results.json held before, so a one-section run keeps the other section. */
function previous(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function main(argv: string[]): void {
  const only = onlyFrom(argv);
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const out = path.join(dir, 'results.json');
  const before = previous(out);
  const stock = only === 'orders' || only === 'settlements' ? null : stockBench(sizesFrom(argv, '--sizes', DEFAULT_SIZES));
  const orders =
    only === 'stock' || only === 'settlements'
      ? null
      : runOrdersBench({ sizes: sizesFrom(argv, '--order-sizes', DEFAULT_ORDER_SIZES), everyMin: everyFrom(argv), backlog: !argv.includes('--no-backlog'), log: (line) => console.error(line) });
  let settlements: unknown = null;
  if (only === null || only === 'settlements') {
    const r = runSettlementsBench((line) => console.error(line));
    console.log(`\n${r.markdown}`);
    settlements = r.json;
  }
  const { generatedAt: _g, node: _n, orders: oldOrders, settlements: oldSettlements, ...oldStock } = before;
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, ...(stock ?? oldStock), orders: orders ?? oldOrders ?? null, settlements: settlements ?? oldSettlements ?? null }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

/** The stock sync section: prints its tables and returns what results.json keeps of it. */
function stockBench(sizes: number[]): Record<string, unknown> {
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

  return { sizes: results, triggerDay: days, approve: approvals, markdown: { summary: markdownTable(summary), perRun: markdownTable(perRun), triggerDay: markdownTable(triggerTable), approve: markdownTable(approveTable) } };
}

main(process.argv.slice(2));
