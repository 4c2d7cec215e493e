// Faults on every create never make a second 3PL order (docs/design.md §3 "FBA replenishment",
// exactly once): ShipBob's create-order answer lost (the write happens, the caller sees a timeout),
// a 500/503, a 429, a timeout, on the first create and on its retries, and runs cut by the time
// budget. ShipBob refuses a second order with the same reference_id (422, developer.shipbob.com/errors);
// the add-on must not rely on that: the simulator's duplicate check is the safety net, the count the test.

import { describe, expect, it } from 'vitest';
import { FbaRun, fbaWorld, type InboundSeed } from './world';

const kinds = ['lost_response', '500', '503', '429', 'timeout'] as const;

function shipments(n: number): InboundSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    shipmentId: `FBA15B${String(i + 1).padStart(6, '0')}`,
    inboundPlanId: `wf${String(i + 1).padStart(8, '0')}-5a1e-4c0d-9e55-000000000001`,
    items: [{ sku: i % 2 ? 'TEE-M-FBA' : 'MUG-1-FBA', quantityShipped: 1 }],
  }));
}

function references(r: FbaRun): string[] {
  return r.threePlOrders().map((o) => o.reference);
}

describe('FBA Shipments: faults on every create', () => {
  for (const kind of kinds) {
    for (const times of [1, 3]) {
      it(`${kind} on ${times} create call(s): one ShipBob order per shipment, every row ends sent`, () => {
        const seeds = shipments(3);
        const r = new FbaRun(fbaWorld(seeds, { faults: [{ system: 'threePl', operation: 'create-order', kind, times }] }));
        r.syncFba();
        for (const s of seeds) r.tick(s.shipmentId);
        for (let i = 0; i < 4; i++) {
          r.advance('10m');
          r.syncFba();
        }
        const refs = references(r);
        expect(refs.sort()).toEqual(seeds.map((s) => s.shipmentId).sort());
        expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sent', 'sent', 'sent']);
        expect(r.openExceptions('FBA_SHIPMENT_OUTCOME_UNKNOWN')).toEqual([]);
        r.assertInvariants();
      });
    }
  }

  it('a lookup that cannot answer sends nothing that run, and the next run sends once', () => {
    const seeds = shipments(1);
    const r = new FbaRun(fbaWorld(seeds, { faults: [{ system: 'threePl', operation: 'get-orders', kind: '503', times: 30 }] }));
    r.syncFba();
    r.tick(seeds[0]!.shipmentId);
    const first = r.syncFba();
    expect(first.outcome).toBe('partial');
    expect(references(r)).toEqual([]);
    expect(r.shipment(seeds[0]!.shipmentId)!.State).not.toBe('sent');
    r.run.faults.clear();
    r.advance('10m');
    r.syncFba();
    expect(references(r)).toEqual([seeds[0]!.shipmentId]);
  });

  it('runs cut by the time budget carry on; every ticked shipment reaches ShipBob once', () => {
    const seeds = shipments(20);
    const r = new FbaRun(fbaWorld(seeds, { threePlLatencyMs: 12_000 }));
    r.syncFba();
    for (const s of seeds) r.tick(s.shipmentId);
    const first = r.syncFba();
    expect(first.outcome).toBe('partial');
    expect(first.execution).toBe('ok');
    expect(references(r).length).toBeLessThan(20);
    for (let i = 0; i < 10 && references(r).length < 20; i++) {
      r.advance('10m');
      r.syncFba();
    }
    const refs = references(r);
    expect(refs).toHaveLength(20);
    expect(new Set(refs).size).toBe(20);
  });
});

describe('FBA Shipments: an execution killed mid-create', () => {
  // Apps Script stops a script at its time limit wherever it is (the fake UrlFetchApp checks right after
  // a call, as test/orders/chaos-run.ts models it): the tab holds `sending`, written before any create.
  for (const performed of [true, false]) {
    it(`killed ${performed ? 'after ShipBob made the order' : 'before the create left'}: the next run ends with one order`, () => {
      const seeds = shipments(2);
      const r = new FbaRun(fbaWorld(seeds));
      r.syncFba();
      for (const s of seeds) r.tick(s.shipmentId);
      const killed = r.killAtFirstCreate(performed);
      const first = r.syncFba();
      expect(killed()).toBe(true);
      expect(first.execution).not.toBe('ok');
      expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sending', 'sending']);
      r.advance('10m');
      r.syncFba();
      expect(references(r).sort()).toEqual(seeds.map((s) => s.shipmentId).sort());
      expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sent', 'sent']);
    });
  }
});
