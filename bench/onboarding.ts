// Bench of the SKU Map builder (issue 18): the pairing of 10,000 Amazon listings with 10,000 3PL
// products, CPU time measured (target: well under a minute; no all-pairs title comparison), then
// the whole build at that size in the local world (bench/onboarding-e2e.ts: does it fit one run?).
// Run alone: `node build.mjs && npx tsx bench/onboarding.ts [listings] [products]`;
// `npm run bench -- --only onboarding`.

import { buildCatalogue } from '../src/core/onboarding/pair';
import { proposalRecord, proposeRows } from '../src/core/onboarding/propose';
import { benchCatalogue } from './onboarding-gen';
import { runOnboardingE2e, type OnboardingE2e } from './onboarding-e2e';

export interface OnboardingBenchResult {
  listings: number;
  products: number;
  cpuMs: number;
  proposed: number;
  byMatch: Record<string, number>;
  /** The whole build in the local world at the same size. */
  e2e: OnboardingE2e;
}

export function runOnboardingBench(listings = 10_000, products = 10_000): OnboardingBenchResult {
  const { offers, catalogue } = benchCatalogue(listings, products);
  const start = process.cpuUsage();
  const result = proposeRows({ rows: [], offers, catalogue: buildCatalogue(catalogue), defaultMarketplace: 'UK' });
  const records = result.proposals.map(proposalRecord);
  const used = process.cpuUsage(start);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  return { listings, products, cpuMs, proposed: records.length, byMatch: result.byMatch, e2e: runOnboardingE2e(listings, products) };
}

/** Issue 18's target: well under a minute of CPU; a tenth of it is the line this bench holds itself to. */
const TARGET_MS = 6_000;
/** The add-on's budget for one execution (jobs/kit JOB_BUDGET_MS: 4.5 of Apps Script's 6 minutes). */
const ONE_RUN_MS = 270_000;

export function onboardingLine(r: OnboardingBenchResult): string {
  const kinds = Object.entries(r.byMatch).map(([k, n]) => `${k} ${n}`).join(', ');
  const e = r.e2e;
  const fits = e.outcome === 'ok' && e.virtualMs < ONE_RUN_MS;
  return (
    `SKU Map builder: ${r.listings} listings × ${r.products} products → ${r.proposed} proposals (${kinds}) in ${r.cpuMs} ms of CPU (target under ${TARGET_MS} ms) — ${r.cpuMs < TARGET_MS ? 'PASS' : 'MISS'}\n` +
    `  whole build in the local world: ${e.outcome}, ${Math.round(e.virtualMs / 1000)} s of one execution (${e.spreadsheetCalls} spreadsheet calls, ${e.fetches} fetches, ${e.rows} rows) — ${fits ? 'fits one run (PASS)' : 'does not fit one run (MISS)'}`
  );
}

if (process.argv[1] && /onboarding\.ts$/.test(process.argv[1])) {
  const [l, p] = process.argv.slice(2).map(Number);
  console.log(onboardingLine(runOnboardingBench(l || 10_000, p || 10_000)));
}
