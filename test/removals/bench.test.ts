// The removals bench's world (bench/removals.ts) as a test: each phase's calls stay at the minimum
// the APIs allow where the job can reach it — one lookup and one create per removal (WROs have no
// duplicate check, spec 2026-01 Receiving.*), and the counts read back in one
// get-multiple-warehouse-receiving-orders call by IDs ("Comma separated list of WRO IDs").

import { describe, expect, it } from 'vitest';
import { runRemovalsBench } from '../../bench/removals';

describe('removals bench', () => {
  it('reaches the minimum ShipBob calls per removal; reports cost the same whatever the number of removals', () => {
    const r = runRemovalsBench(12);
    expect(r.phases.map((p) => p.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const [sent, quiet, counted, closed] = r.phases;
    expect(sent!.threePl['create-warehouse-receiving-order']).toBe(12);
    expect(sent!.threePl['get-multiple-warehouse-receiving-orders']).toBe(12);
    expect(counted!.threePl).toEqual({ 'get-multiple-warehouse-receiving-orders': 1 });
    expect(quiet!.threePl).toEqual({});
    // Amazon's side is the same for 3 removals as for 12: reports, never a call per removal.
    const small = runRemovalsBench(3);
    expect(small.phases.map((p) => p.amazon)).toEqual(r.phases.map((p) => p.amazon));
    expect(closed!.amazon['createReport']).toBe(3);
  });
});
