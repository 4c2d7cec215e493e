// Exactly one receipt per removal under every fault on the receipt's create and on the lookup that
// guards it (a lost answer — ShipBob made it, the caller saw a timeout —, 5xx, 429, timeout), and
// across runs cut at the time budget. The create follows the adapter's lookup-first contract
// (3pl-apis.md §6.2 item 4): WROs have no duplicate check of their own (spec 2026-01 Receiving.*).

import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../world/faults';
import { removalWorld, RemovalsRun, type RemovalSeed } from './world';

const CREATE = 'create-warehouse-receiving-order';
const LOOKUP = 'get-multiple-warehouse-receiving-orders';

function removals(n: number): RemovalSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    orderId: `RMV-${String(i + 1).padStart(3, '0')}`,
    lines: [{ requested: 2 }],
    shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: `RM${String(i + 1).padStart(9, '0')}GB` }],
  }));
}

function settle(r: RemovalsRun, runs: number): void {
  for (let i = 0; i < runs; i++) {
    r.syncRemovals();
    r.advance('10m');
  }
}

function expectOneReceiptEach(r: RemovalsRun, seeds: RemovalSeed[]): void {
  for (const s of seeds) {
    const live = r.wrosFor(s.orderId).filter((w) => w.status !== 'Cancelled');
    expect(live, s.orderId).toHaveLength(1);
    expect(r.removal(s.orderId)).toMatchObject({ '3PL Receipt': String(live[0]!.id), State: 'expected' });
  }
  expect(r.openExceptions('REMOVAL_RECEIPT_FAILED')).toEqual([]);
}

const CASES: Array<[string, FaultSpec[]]> = [
  ['a lost answer on the create (ShipBob made it)', [{ system: 'threePl', operation: CREATE, kind: 'lost_response', times: 2 }]],
  ['a 500 on the create', [{ system: 'threePl', operation: CREATE, kind: '500', times: 2 }]],
  ['a 503 on the create', [{ system: 'threePl', operation: CREATE, kind: '503', times: 3 }]],
  ['a 429 on the create', [{ system: 'threePl', operation: CREATE, kind: '429', times: 3 }]],
  ['a timeout on the create', [{ system: 'threePl', operation: CREATE, kind: 'timeout', times: 2 }]],
  ['the lookup before the create failing', [{ system: 'threePl', operation: LOOKUP, kind: '500', times: 6 }]],
  ['the lookup after a lost create timing out', [{ system: 'threePl', operation: CREATE, kind: 'lost_response', times: 1 }, { system: 'threePl', operation: LOOKUP, kind: 'timeout', times: 3, after: 1 }]],
  ['random faults on every ShipBob call', [{ system: 'threePl', operation: '*', kind: 'lost_response', probability: 0.15, seed: 7 }, { system: 'threePl', operation: '*', kind: '500', probability: 0.1, seed: 11 }]],
  ['Amazon report calls failing', [{ system: 'amazon', operation: 'createReport', kind: '503', times: 2 }, { system: 'amazon', operation: 'getReport', kind: 'timeout', times: 2 }]],
];

describe('removals: one receipt per removal under faults', () => {
  for (const [name, faults] of CASES) {
    it(name, () => {
      const seeds = removals(3);
      const r = new RemovalsRun(removalWorld(seeds, { faults }));
      settle(r, 6);
      expect(r.run.faults.fired.length, 'the fault was hit').toBeGreaterThan(0);
      expectOneReceiptEach(r, seeds);
      r.assertInvariants();
    });
  }

  it('runs cut at the time budget carry on from the Removals tab without a second receipt', () => {
    const seeds = removals(8);
    // Slow ShipBob answers: a run reaches the budget part way through its creates.
    const r = new RemovalsRun(removalWorld(seeds, { threePlLatencyMs: 20_000 }));
    settle(r, 8);
    const partial = r.syncLog().filter((x) => x.Job === 'removals' && x.Outcome === 'partial').length;
    expect(partial).toBeGreaterThan(0);
    expectOneReceiptEach(r, seeds);
  });
});
