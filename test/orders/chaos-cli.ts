// `npm run chaos -- --seeds N [--from K] [--log] [--mintsoft]`: runs N chaos seeds of the orders flow against the
// built bundle (docs/chaos.md), prints what the seeds went through and the invariant counts, lists
// the failing seeds with their broken invariants, and exits 1 when any count is not 0. `--log`
// also prints the world log (executions, world events, ⚡ chaos) of each failing seed. `--mintsoft` runs
// the seeds against the Mintsoft simulator instead of ShipBob.

import { CATEGORIES, checkInvariants, describe, type Category } from './chaos-invariants';
import { runChaos, type ChaosStats } from './chaos-run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} needs a whole number`);
    process.exit(2);
  }
  return v;
}

const seeds = arg('seeds', 200);
const from = arg('from', 1);
const showLog = process.argv.includes('--log');
const provider = process.argv.includes('--mintsoft') ? 'mintsoft' : 'shipbob';

const totals = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
const seen: Record<Exclude<keyof ChaosStats, 'settled'>, number> = {
  runs: 0, partial: 0, failed: 0, killed: 0, overlaps: 0, slowRuns: 0, midRunEvents: 0, staleLookups: 0, duplicate422: 0, faultsFired: 0, recoveryRuns: 0,
};
const failing: number[] = [];
let unsettled = 0;
let crashed = 0;
const started = Date.now();

for (let seed = from; seed < from + seeds; seed++) {
  let out;
  try {
    out = runChaos(seed, { provider });
  } catch (e) {
    crashed++;
    failing.push(seed);
    console.log(`seed ${seed} [harness] ${e instanceof Error ? e.stack : String(e)}`);
    continue;
  }
  const report = checkInvariants(out);
  for (const c of CATEGORIES) totals[c] += report.counts[c];
  for (const k of Object.keys(seen) as Array<keyof typeof seen>) seen[k] += out.stats[k];
  if (!out.stats.settled) unsettled++;
  if (report.violations.length) {
    failing.push(seed);
    console.log(describe(seed, report));
    if (showLog) console.log(out.run.world.logLines.join('\n'));
  }
  if ((seed - from + 1) % 50 === 0) console.error(`… ${seed - from + 1}/${seeds} seeds, ${failing.length} failing, ${Math.round((Date.now() - started) / 1000)} s`);
}

console.log('');
console.log(`Seeds run against ${provider}: ${seeds} (${from}–${from + seeds - 1}) in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(
  `What they went through: ${seen.runs} executions, ${seen.faultsFired} faults fired, ${seen.partial} runs cut at the time budget, ` +
    `${seen.killed} executions killed, ${seen.failed} failed runs, ${seen.overlaps} overlapping executions, ${seen.slowRuns} slow executions, ` +
    `${seen.midRunEvents} world events mid-run, ${seen.staleLookups} stale lookups, ${seen.duplicate422} 422 duplicate answers, ${seen.recoveryRuns} recovery runs; ` +
    `${unsettled} seed(s) not settled after the recovery period`,
);
const label: Record<Category, string> = {
  duplicates: 'Duplicates at the 3PL',
  wrongSends: 'Orders at the 3PL that must not be',
  doubleConfirmations: 'Double confirmations',
  unconfirmed: 'Shipments never confirmed',
  lostOrders: 'Lost orders',
  cancelLeaks: 'Cancellations not carried over',
  ledgerMismatches: 'Ledger mismatches',
  piiLeaks: 'PII leaks',
  overlapViolations: 'Overlapping runs that did work',
};
for (const c of CATEGORIES) console.log(`${label[c]}: ${totals[c]}`);
if (crashed) console.log(`Harness errors: ${crashed}`);
if (failing.length) console.log(`Failing seeds: ${failing.join(' ')}`);
process.exit(failing.length ? 1 : 0);
