// `npm run bench`: the stock sync at 1,000, 10,000, 50,000 and 100,000 mapped SKUs — runs to settle,
// modelled time, cells read and written, API calls next to the world-derived minimum, modelled time
// next to its floor, the daily trigger runtime and URL fetches of each schedule, issue 13's targets
// as PASS/MISS, and approve mode up to 10,000 — then the orders job at 100,
// 1,000 and 10,000 orders a day (bench/orders.ts), then settlements of 10,000 and 200,000 lines
// (bench/settlements-run.ts). Prints tables and writes bench/results.json.
// Options: `--sizes 100,20000` (stock SKUs), `--order-sizes 100,5000` (orders a day),
// `--only stock|orders|settlements|onboarding|charges` (one section; the others keep their place in results.json;
// onboarding is the SKU Map builder's pairing of 10,000 listings × 10,000 products, bench/onboarding.ts),
// `--orders-every 15` (the orders schedule's interval, minutes), `--no-backlog`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { approveRows, runApprove } from './approve';
import type { ApproveReport } from './approve';
import { runSize } from './e2e';
import { SAFE_SHARE, fastestRows, meanRun, scheduleDay, scheduleRows } from './trigger-day';
import type { ScheduleDay } from './trigger-day';
import { measurePureCpu } from './pure-cpu';
import { floorRows, markdownTable, opRows, runRows, settleRows, targetRows, textTable } from './table';
import type { SizeResult } from './table';
import { judge } from './stock-targets';
import type { Verdict } from './stock-targets';
import { generateWorld } from './world-gen';
import { DEFAULT_ORDER_SIZES, runOrdersBench } from './orders';
import { runSettlementsBench } from './settlements-run';
import { onboardingLine, runOnboardingBench } from './onboarding';
import { DEFAULT_CHARGE_SIZES, chargesLine, runChargesBench } from './charges';
import { DEFAULT_FBA_SIZES, fbaLines, runFbaBench } from './fba-shipments';
import { DEFAULT_REMOVAL_SIZES, removalsLines, runRemovalsBench } from './removals';

const DEFAULT_SIZES = [1_000, 10_000, 50_000, 100_000];

function sizesFrom(argv: string[], flag: string, fallback: number[]): number[] {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const sizes = (argv[i + 1] ?? '').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${flag} takes a comma-separated list of positive whole numbers, e.g. ${flag} 100,1000`);
  return sizes;
}

function onlyFrom(argv: string[]): 'stock' | 'orders' | 'settlements' | 'onboarding' | 'charges' | 'fba' | 'removals' | null {
  const i = argv.indexOf('--only');
  if (i < 0) return null;
  const v = argv[i + 1];
  if (v !== 'stock' && v !== 'orders' && v !== 'settlements' && v !== 'onboarding' && v !== 'charges' && v !== 'fba' && v !== 'removals') throw new Error('--only takes "stock", "orders", "settlements", "onboarding", "charges", "fba" or "removals"');
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
  if (only === 'charges') {
    // ShipBob calls per 1,000 charges (issue 16, bench/charges.ts).
    const r = DEFAULT_CHARGE_SIZES.map(runChargesBench);
    for (const x of r) console.log(chargesLine(x));
    writeFileSync(out, `${JSON.stringify({ ...before, generatedAt: new Date().toISOString(), node: process.version, charges: r }, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
    return;
  }
  if (only === 'fba') {
    // FBA replenishment: calls per shipment next to the minimum, spreadsheet calls per run (issue 15, bench/fba-shipments.ts).
    const r = DEFAULT_FBA_SIZES.map(runFbaBench);
    for (const x of r) console.log(fbaLines(x).join('\n'));
    writeFileSync(out, `${JSON.stringify({ ...before, generatedAt: new Date().toISOString(), node: process.version, fbaShipments: r }, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
    return;
  }
  if (only === 'removals') {
    // Removals: calls per removal next to the minimum, spreadsheet calls per run (issue 15, bench/removals.ts).
    const r = DEFAULT_REMOVAL_SIZES.map(runRemovalsBench);
    for (const x of r) console.log(removalsLines(x).join('\n'));
    writeFileSync(out, `${JSON.stringify({ ...before, generatedAt: new Date().toISOString(), node: process.version, removals: r }, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
    return;
  }
  if (only === 'onboarding') {
    const r = runOnboardingBench();
    console.log(onboardingLine(r));
    writeFileSync(out, `${JSON.stringify({ ...before, generatedAt: new Date().toISOString(), node: process.version, onboarding: r }, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
    return;
  }
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
  const onboarding = only === null ? runOnboardingBench() : before['onboarding'] ?? null;
  if (only === null) console.log(`\n${onboardingLine(onboarding as ReturnType<typeof runOnboardingBench>)}`);
  const { generatedAt: _g, node: _n, orders: oldOrders, settlements: oldSettlements, onboarding: _o, charges: oldCharges, ...oldStock } = before;
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, ...(stock ?? oldStock), orders: orders ?? oldOrders ?? null, settlements: settlements ?? oldSettlements ?? null, onboarding, charges: oldCharges ?? null }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
}

/** Approve mode is measured up to this size: above it the run would repeat the settle sequence's hours of work for one figure. */
const APPROVE_MAX = 10_000;

/** The stock sync section: prints its tables and returns what results.json keeps of it. */
function stockBench(sizes: number[]): Record<string, unknown> {
  const results: SizeResult[] = [];
  const approvals: ApproveReport[] = [];
  const days: ScheduleDay[] = [];
  const verdicts: Verdict[] = [];
  for (const n of sizes) {
    console.error(`N=${n}: generating the world and running the stock sync…`);
    const world = generateWorld(n);
    // Measured first, so the end-to-end run's garbage does not land in its samples.
    const pureCpu = measurePureCpu(world);
    const report = runSize(world, (line) => console.error(line));
    results.push({ ...report, pureCpu });
    // A size that never settled is shown with what its runs cost on average: what a schedule would repeat.
    const steady = report.steady[report.steady.length - 1];
    const day = steady ? scheduleDay(n, steady, 'steady') : report.runs.length ? scheduleDay(n, meanRun(report.runs), 'unsettled') : null;
    if (report.quiet) days.push(scheduleDay(n, report.quiet, 'quiet'));
    if (day) days.push(day);
    verdicts.push(...judge(report, day));
    console.error(`  N=${n}: ${report.runs.length} settle runs + ${report.steady.length + (report.quiet ? 1 : 0)} steady in ${(report.realMs / 1000).toFixed(1)} s real time; pure computation ${pureCpu.medianMs.toFixed(1)} ms CPU (median of ${pureCpu.samplesMs.length})`);
    if (n <= APPROVE_MAX) approvals.push(runApprove(world, (line) => console.error(line)));
  }

  const tables = {
    settle: settleRows(results),
    targets: targetRows(verdicts),
    floors: floorRows(results),
    operations: opRows(results),
    perRun: runRows(results),
    schedule: scheduleRows(days),
    fastestSafe: fastestRows(days),
    approve: approveRows(approvals),
  };
  console.log(`\nStock sync benchmark (${new Date().toISOString()}, Node ${process.version})\n`);
  console.log(textTable(tables.settle));
  console.log('\nTargets (issue 13):\n');
  console.log(textTable(tables.targets));
  console.log('\nWorld-derived minimum: the two runs of the settle sequence (bench/stock-floors.ts):\n');
  console.log(textTable(tables.floors));
  console.log('\nCalls of the settle sequence by operation, next to the minimum:\n');
  console.log(textTable(tables.operations));
  console.log('\nPer run (settle sequence, then a quiet run and two hourly runs with a small stock change):\n');
  console.log(textTable(tables.perRun));
  console.log(`\nDaily quotas of a schedule, consumer account (90 trigger minutes, 20,000 URL fetches; ✗ over ${SAFE_SHARE * 100}% of either):\n`);
  console.log(textTable(tables.schedule));
  console.log('\nFastest safe schedule (at most 25% of each daily quota; measured on the small-change run; a size that never settles has none):\n');
  console.log(textTable(tables.fastestSafe));
  if (approvals.length) {
    console.log(`\nApprove mode (sizes up to ${APPROVE_MAX.toLocaleString('en-GB')}):\n`);
    console.log(textTable(tables.approve));
  }
  const misses = verdicts.filter((v) => !v.pass);
  console.log(`\n${verdicts.length - misses.length} PASS, ${misses.length} MISS${misses.length ? `: ${misses.map((v) => `${v.target} at ${v.n.toLocaleString('en-GB')}`).join('; ')}` : ''}`);

  return {
    sizes: results,
    schedule: days,
    targets: verdicts,
    approve: approvals,
    markdown: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, markdownTable(v)])),
  };
}

main(process.argv.slice(2));
