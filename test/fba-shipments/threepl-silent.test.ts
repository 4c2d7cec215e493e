// A 3PL that stops answering (timeouts, or only 5xx even after retries) while ticked FBA shipments are
// sent: each shipment's lookup before its create waited through its own retries and the loop went on
// to the next, so a silent 3PL cost minutes per shipment and the run's time budget cut the run. The
// first such failure now stops the sending: that shipment and the rest stay as they were (ticked, not
// sent), the run is partial and names the 3PL as not reachable, the Amazon-only step still runs, and
// once the 3PL answers each shipment is created exactly once.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import { FbaRun, fbaWorld, type InboundSeed } from './world';

function shipments(n: number): InboundSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    shipmentId: `FBA15S${String(i + 1).padStart(6, '0')}`,
    inboundPlanId: `wf${String(i + 1).padStart(8, '0')}-5a1e-4c0d-9e55-000000000001`,
    items: [{ sku: i % 2 ? 'TEE-M-FBA' : 'MUG-1-FBA', quantityShipped: 1 }],
  }));
}

const refs = (r: FbaRun) => r.threePlOrders().map((o) => o.reference).sort();

/**
 * A run while every ShipBob order look-up fails: partial, naming it, and one look-up (with its
 * retries) made, not one per row. The outage ends with the run.
 */
function syncWhileLookupsFail(r: FbaRun): void {
  r.run.faults.add({ system: 'threePl', operation: 'get-orders', kind: '500', times: 1000 });
  const run = r.syncFba();
  expect(run.outcome).toBe('partial');
  expect(run.message).toMatch(/Not reachable this run, tried again next run: ShipBob get-orders failed \(500\)/);
  const fired = r.run.faults.fired.length;
  r.run.faults.clear();
  expect(fired).toBeLessThanOrEqual(4);
}

describe('ShipBob stops answering while FBA shipments are sent', () => {
  for (const kind of ['timeout', '500'] as const) {
    it(`${kind} on every lookup: the first stops the sending, the rest wait as they were, each sent once later`, () => {
      const seeds = shipments(5);
      const r = new FbaRun(fbaWorld(seeds));
      r.syncFba();
      for (const s of seeds) r.tick(s.shipmentId);
      r.run.faults.add({ system: 'threePl', operation: 'get-orders', kind, times: 1000 });
      const run = r.syncFba();
      expect(run.execution).toBe('ok');
      expect(run.outcome).toBe('partial');
      expect(run.message).toMatch(/Not reachable this run, tried again next run: .*ShipBob/);
      expect(run.message).toMatch(/5 ticked shipments not sent yet/);
      expect(run.counts?.fbaDeferred).toBe(5);
      const rows = r.tab('FBA Shipments');
      // None left "sending", and only one shipment heard the silence.
      expect(rows.map((x) => x.State).filter((s) => s !== 'ready' && s !== 'open')).toEqual([]);
      expect(rows.filter((x) => (x.Note ?? '').startsWith('Not sent this run')).length).toBe(1);
      expect(rows.every((x) => x['Send from 3PL'] === 'TRUE')).toBe(true);
      expect(refs(r)).toEqual([]);
      r.run.faults.clear();
      r.advance('10m');
      expect(r.syncFba().outcome).toBe('ok');
      expect(refs(r)).toEqual(seeds.map((s) => s.shipmentId).sort());
      expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
      r.assertInvariants();
    });
  }
});

describe('ShipBob gives no usable answer to any create', () => {
  // Lookups answer (absent) but every create times out or fails with 5xx: the contract's two creates
  // and lookups for one shipment end `unknown`, and each shipment after it would spend the same.
  for (const kind of ['timeout', '500'] as const) {
    it(`${kind} on every create: one shipment tried (unknown, looked up next run), the rest wait, each created once later`, () => {
      const seeds = shipments(5);
      const r = new FbaRun(fbaWorld(seeds));
      r.syncFba();
      for (const s of seeds) r.tick(s.shipmentId);
      r.run.faults.add({ system: 'threePl', operation: 'create-order', kind, times: 1000 });
      const run = r.syncFba();
      expect(run.execution).toBe('ok');
      expect(run.outcome).toBe('partial');
      expect(run.message).toMatch(/Not reachable this run, tried again next run: ShipBob gave no usable answer to creating the order for FBA shipment FBA15S000001/);
      expect(run.message).toMatch(/4 ticked shipments not sent yet/);
      // Two creates for the first shipment (the contract's bound), none for the others.
      expect(r.run.faults.fired.length).toBe(2);
      expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['unknown', 'open', 'open', 'open', 'open']);
      r.run.faults.clear();
      r.advance('10m');
      expect(r.syncFba().outcome).toBe('ok');
      expect(refs(r)).toEqual(seeds.map((s) => s.shipmentId).sort());
      expect(r.openExceptions('FBA_SHIPMENT_OUTCOME_UNKNOWN')).toEqual([]);
      r.assertInvariants();
    });
  }
});

describe('ShipBob fails every lookup by reference while orders are followed or called back', () => {
  it("3PL Order IDs typed over on sent rows: the first lookup that fails stops the step, not one lookup per row", () => {
    const seeds = shipments(4);
    const r = new FbaRun(fbaWorld(seeds));
    r.syncFba();
    for (const s of seeds) r.tick(s.shipmentId);
    r.syncFba();
    expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sent', 'sent', 'sent', 'sent']);
    // An id ShipBob does not have: each row's own order is then looked up by reference.
    for (const s of seeds) r.edit('FBA Shipments', { 'FBA Shipment ID': s.shipmentId }, { '3PL Order ID': '999999' });
    syncWhileLookupsFail(r);
    r.advance('10m');
    r.syncFba();
    expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(refs(r)).toEqual(seeds.map((s) => s.shipmentId).sort());
  });

  it('unticked rows left sending by a killed run: the first lookup that fails stops the cancellations; later each is settled once', () => {
    const seeds = shipments(4);
    const r = new FbaRun(fbaWorld(seeds));
    r.syncFba();
    for (const s of seeds) r.tick(s.shipmentId);
    // Killed as the first create leaves (nothing made): every prepared row stays `sending`.
    r.killAtFirstCreate(false);
    r.syncFba();
    expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['sending', 'sending', 'sending', 'sending']);
    for (const s of seeds) r.tick(s.shipmentId, false);
    syncWhileLookupsFail(r);
    r.advance('10m');
    r.syncFba();
    expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['open', 'open', 'open', 'open']);
    expect(refs(r)).toEqual([]);
  });
});

describe('Mintsoft gives no answer while FBA shipments are sent', () => {
  it('the bundled Mintsoft FBA scenario: partial naming Mintsoft, nothing left sending, then each at Mintsoft once', () => {
    const seed = JSON.parse(readFileSync('scenarios/fba-replenishment-mintsoft.json', 'utf8')) as { steps: unknown[] };
    const r = createScenarioRun({ ...seed, steps: [] });
    let n = 0;
    const step = (s: Step) => applyStep(r, s, n++);
    const sync = () => {
      step({ run: 'syncNow', args: ['fbaShipments'], as: 'sidebar' });
      const v = r.results.at(-1)!;
      return { execution: v.record.outcome, ...((Array.isArray(v.value) ? v.value[0] : v.value) as { outcome: string; message: string }) };
    };
    const tab = () => r.gas.spreadsheet.toDisplayJson()['FBA Shipments']!;
    step({ run: 'setupSheets' });
    sync();
    const ids = ['FBA15REPL001', 'FBA15REPL002', 'FBA15REPL003'];
    for (const id of ids) step({ edit: { tab: 'FBA Shipments', match: { 'FBA Shipment ID': id }, set: { 'Send from 3PL': true } } });
    // A first run logs in and keeps the key; the lookups before the creates then time out.
    r.faults.add({ system: 'threePl', operation: '*', kind: 'timeout', times: 1000, after: 2 });
    const down = sync();
    expect(down.execution).toBe('ok');
    expect(down.outcome).toBe('partial');
    expect(down.message).toMatch(/Not reachable this run, tried again next run: .*Mintsoft did not answer/);
    const state = tab()[0]!.indexOf('State');
    expect(tab().slice(1).map((row) => row[state])).not.toContain('sending');
    const msOrders = () => (r.mintsoft!.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference);
    expect(msOrders().filter((x) => ids.includes(x))).toEqual([]);
    r.faults.clear();
    step({ advance: '10m' });
    sync();
    sync();
    const at = msOrders().filter((x) => ids.includes(x));
    expect(at.sort()).toEqual(ids);
  });
});
