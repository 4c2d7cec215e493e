// The orders flow under seeded, randomised faults (docs/chaos.md): lost answers, 422 duplicates,
// 429 storms, 5xx, time-outs, runs cut at the time budget, executions killed mid-run, overlapping
// executions and world events landing mid-run; after a fault-free recovery period the invariants of
// chaos-invariants.ts must hold for every seed. Needs the built bundle (`node build.mjs`). More
// seeds: `npm run chaos -- --seeds 5000`.

import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkInvariants, describe as describeViolations } from './chaos-invariants';
import { runChaos, type ChaosStats } from './chaos-run';

/** Seeds per `npm test`: about 1 s of CPU each (Code.js is loaded afresh per execution), so the file stays near 2 minutes on this 2-core machine. */
const SEEDS = 80;
/** The same flow against Mintsoft (`npm run chaos -- --mintsoft` for more). */
const MINTSOFT_SEEDS = 40;
const CHUNK = 20;
const MINTSOFT_CHUNK = 10;

const seen: Partial<Record<keyof ChaosStats, number>> = {};
const seenMintsoft: Partial<Record<keyof ChaosStats, number>> = {};

describe('orders chaos: every seed converges to the invariants after recovery', () => {
  const chunks = Array.from({ length: SEEDS / CHUNK }, (_, i) => [i * CHUNK + 1, (i + 1) * CHUNK] as const);
  it.each(chunks)('seeds %i–%i', (from, to) => {
    const failures: string[] = [];
    for (let seed = from; seed <= to; seed++) {
      const out = runChaos(seed);
      for (const [k, v] of Object.entries(out.stats)) seen[k as keyof ChaosStats] = (seen[k as keyof ChaosStats] ?? 0) + Number(v);
      const report = checkInvariants(out);
      if (report.violations.length) failures.push(describeViolations(seed, report));
      if (!out.stats.settled) failures.push(`seed ${seed} [settle] the world did not settle in ${out.stats.recoveryRuns} recovery runs`);
    }
    // One line per broken invariant, each naming its seed (replay: npx tsx test/orders/chaos-cli.ts --seeds 1 --from <seed> --log).
    expect(failures.join('\n')).toBe('');
  }, 120_000);

  it('the seeds really went through the faults the test is about', () => {
    // A harness that silently stopped injecting would pass every invariant: check that it did not.
    expect(seen.faultsFired ?? 0).toBeGreaterThan(300);
    expect(seen.partial ?? 0).toBeGreaterThan(10);
    expect(seen.killed ?? 0).toBeGreaterThan(10);
    expect(seen.overlaps ?? 0).toBeGreaterThan(5);
    expect(seen.duplicate422 ?? 0).toBeGreaterThan(0);
    expect(seen.midRunEvents ?? 0).toBeGreaterThan(5);
  });
});

describe('orders chaos against Mintsoft: every seed converges to the invariants after recovery', () => {
  // Smaller chunks: a Mintsoft seed takes a little longer (a login and the status names per run).
  const chunks = Array.from({ length: MINTSOFT_SEEDS / MINTSOFT_CHUNK }, (_, i) => [i * MINTSOFT_CHUNK + 1, (i + 1) * MINTSOFT_CHUNK] as const);
  it.each(chunks)('seeds %i–%i', (from, to) => {
    const failures: string[] = [];
    for (let seed = from; seed <= to; seed++) {
      const out = runChaos(seed, { provider: 'mintsoft' });
      for (const [k, v] of Object.entries(out.stats)) seenMintsoft[k as keyof ChaosStats] = (seenMintsoft[k as keyof ChaosStats] ?? 0) + Number(v);
      const report = checkInvariants(out);
      if (report.violations.length) failures.push(describeViolations(seed, report));
      if (!out.stats.settled) failures.push(`seed ${seed} [settle] the world did not settle in ${out.stats.recoveryRuns} recovery runs`);
    }
    // Replay: npx tsx test/orders/chaos-cli.ts --mintsoft --seeds 1 --from <seed> --log
    expect(failures.join('\n')).toBe('');
  }, 180_000);

  it('the Mintsoft seeds really went through the faults too, Success:false duplicates included', () => {
    expect(seenMintsoft.faultsFired ?? 0).toBeGreaterThan(150);
    expect(seenMintsoft.killed ?? 0).toBeGreaterThan(5);
    expect(seenMintsoft.staleLookups ?? 0).toBeGreaterThan(0);
    expect(seenMintsoft.duplicate422 ?? 0).toBeGreaterThan(0);
  });
});

describe('the invariants catch a broken world', () => {
  it('a faulty period without recovery leaves shipments unconfirmed, and the check says so', () => {
    // The first seed whose faulty period ends with a shipment still unconfirmed (most do).
    let seed = 1;
    let report = checkInvariants(runChaos(seed, { recovery: false }));
    while (report.counts.unconfirmed === 0 && seed < 20) report = checkInvariants(runChaos(++seed, { recovery: false }));
    expect(report.counts.unconfirmed).toBeGreaterThan(0);
    expect(describeViolations(seed, report)).toMatch(new RegExp(`^seed ${seed} \\[unconfirmed\\] shipment \\d+ of 202-\\d{7}-\\d{7}`, 'm'));
  });

  it('each tampering with a settled world breaks its own invariant', () => {
    const out = runChaos(2);
    const clean = checkInvariants(out);
    expect(clean.violations).toEqual([]);
    const count = () => checkInvariants(out).counts;
    const confirmed = [...out.run.amazon.state.orders.values()].find((o) => o.packages.length > 0)!;
    expect(confirmed).toBeDefined();
    const id = confirmed.orderId;

    // A second ShipBob order for the same reference.
    const sb = out.run.threePl.state.orderByReference(id)!;
    out.run.threePl.state.orders.push({ ...sb, id: sb.id + 90_000, shipments: [] });
    expect(count().duplicates).toBe(1);
    out.run.threePl.state.orders.pop();

    // The same parcel confirmed twice under another package reference.
    confirmed.packages.push({ ...confirmed.packages[0]!, packageReferenceId: '999999999' });
    expect(count().doubleConfirmations).toBeGreaterThanOrEqual(2);
    confirmed.packages.pop();

    // The buyer's name copied into the ledger's Note.
    out.run.gas.spreadsheet.editRows('Orders', { 'Amazon Order ID': id }, { Note: confirmed.recipient.name });
    expect(count().piiLeaks).toBe(1);
    out.run.gas.spreadsheet.editRows('Orders', { 'Amazon Order ID': id }, { Note: '' });

    // The ledger disagreeing with both systems.
    out.run.gas.spreadsheet.editRows('Orders', { 'Amazon Order ID': id }, { State: 'sent', '3PL Order ID': '1' });
    expect(count().ledgerMismatches).toBeGreaterThanOrEqual(2);

    // An order ShipBob never got.
    const shipBobIndex = out.run.threePl.state.orders.indexOf(sb);
    out.run.threePl.state.orders.splice(shipBobIndex, 1);
    expect(count().lostOrders).toBe(1);
    for (const c of CATEGORIES) expect(typeof clean.counts[c]).toBe('number');
  });
});
