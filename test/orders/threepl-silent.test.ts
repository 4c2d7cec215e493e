// A 3PL that gave no answer at all, even after retries (timeouts on every call, ShipBob or Mintsoft),
// failed the whole orders run: the transport's own error was not the 3PL's retryable RemoteError, so
// the run stopped as "failed" instead of going on without the 3PL. Now the Amazon side still happens
// (new orders land in the Orders tab), the run is "partial" and names the 3PL, and when the 3PL
// answers again each order is sent and confirmed exactly once.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import { InventoryRun } from '../inventory/builder';
import { id, order, ordersWorld } from './world';

const refs = (r: InventoryRun) => (r.run.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference).sort();
const confirmed = (r: InventoryRun) => (r.run.amazon.snapshot().confirmations as Array<{ orderId: string }>).map((c) => c.orderId).sort();

describe('the 3PL gives no answer for a whole run', () => {
  for (const kind of ['timeout', 'lost_response'] as const) {
    it(`${kind} on every ShipBob call: Amazon's new order lands, partial naming ShipBob, then sent and confirmed once`, () => {
      const r = new InventoryRun(ordersWorld({ orders: [order(1, [{ sku: 'TEE-M', quantity: 1 }])] }));
      expect(r.syncOrders().outcome).toBe('ok');
      r.amazon('newOrder', { order: order(2, [{ sku: 'MUG-1', quantity: 1 }], { created: '2026-11-02T08:01:00Z' }) });
      r.advance('3h');
      r.run.faults.add({ system: 'threePl', operation: '*', kind, times: 1000 });
      const down = r.syncOrders();
      expect(down.execution).toBe('ok');
      expect(down.outcome).toBe('partial');
      expect(down.message).toMatch(/Not reachable this run, tried again next run: ShipBob did not answer/);
      expect(down.message).toMatch(/1 order from Amazon waits to be sent to ShipBob/);
      // The Amazon side went on: the new order is in the ledger, waiting.
      expect(r.tab('Orders').map((o) => o['Amazon Order ID']).sort()).toEqual([id(1), id(2)]);
      expect(r.tab('Orders').find((o) => o['Amazon Order ID'] === id(2))?.['State']).toBe('ready');
      expect(refs(r)).toEqual([id(1)]);
      r.run.faults.clear();
      r.advance('10m');
      r.syncOrders();
      r.advance('3h');
      r.syncOrders();
      r.syncOrders();
      expect(refs(r)).toEqual([id(1), id(2)]);
      expect(confirmed(r)).toEqual([id(1), id(2)]);
      r.assertInvariants();
    });
  }
});

describe('Mintsoft gives no answer for a whole run', () => {
  it('the bundled Mintsoft orders scenario: orders land, partial naming Mintsoft, then each is at Mintsoft once', () => {
    const seed = JSON.parse(readFileSync('scenarios/orders-small-mintsoft.json', 'utf8')) as { steps: unknown[] };
    const r = createScenarioRun({ ...seed, steps: [] });
    let n = 0;
    const step = (s: Step) => applyStep(r, s, n++);
    const sync = () => {
      step({ run: 'syncNow', args: ['orders'], as: 'sidebar' });
      const v = r.results.at(-1)!;
      return { execution: v.record.outcome, ...((Array.isArray(v.value) ? v.value[0] : v.value) as { outcome: string; message: string }) };
    };
    step({ run: 'setupSheets' });
    // A first run logs in and keeps the key: the outage then hits the order calls themselves.
    sync();
    const msOrders = () => (r.mintsoft!.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference);
    const before = msOrders().length;
    r.amazon.act({ action: 'newOrder', order: { orderId: '202-1000009-0000009', created: '2026-11-02T08:01:00Z', status: 'UNSHIPPED', latestShipDate: '2026-11-03T23:59:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] } });
    step({ advance: '5m' });
    r.faults.add({ system: 'threePl', operation: '*', kind: 'timeout', times: 1000 });
    const down = sync();
    expect(down.execution).toBe('ok');
    expect(down.outcome).toBe('partial');
    expect(down.message).toMatch(/Not reachable this run, tried again next run: Mintsoft did not answer/);
    const ledger = r.gas.spreadsheet.toDisplayJson()['Orders']!;
    expect(ledger.some((row) => row[0] === '202-1000009-0000009')).toBe(true);
    expect(msOrders()).toHaveLength(before);
    r.faults.clear();
    step({ advance: '5m' });
    sync();
    sync();
    const at = msOrders();
    expect(at.filter((x) => x === '202-1000009-0000009')).toHaveLength(1);
    expect(new Set(at).size).toBe(at.length);
  });
});

describe('the 3PL stops answering while orders are being sent', () => {
  it('the first order whose lookup gets no answer stops the sending: the rest wait as they were, said, each sent once later', () => {
    const orders = [1, 2, 3, 4, 5, 6].map((n) => order(n, [{ sku: 'TEE-M', quantity: 1 }]));
    // The first two calls (the order list, the shipments) answer; every lookup before a create times out.
    const r = new InventoryRun(ordersWorld({ orders, faults: [{ system: 'threePl', operation: 'get-orders', kind: 'timeout', after: 2, times: 1000 }] }));
    const run = r.syncOrders();
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/Not reachable this run, tried again next run: .*ShipBob did not answer \(get-orders\)/);
    expect(run.message).toMatch(/6 orders from Amazon wait to be sent to ShipBob/);
    const states = r.tab('Orders').map((o) => o['State']);
    // None left "sending" by a cut: the silence was heard once, and nothing else was tried.
    expect(states).toEqual(['ready', 'ready', 'ready', 'ready', 'ready', 'ready']);
    expect(r.tab('Orders').filter((o) => (o['Note'] ?? '').startsWith('Not sent this run')).length).toBe(1);
    r.run.faults.clear();
    r.advance('10m');
    r.syncOrders();
    expect(refs(r)).toEqual([1, 2, 3, 4, 5, 6].map(id));
    r.assertInvariants();
  });
});

describe('the 3PL gives no usable answer to any create', () => {
  for (const kind of ['timeout', '500'] as const) {
    it(`${kind} on every create: one order tried (unknown, looked up next run), the rest wait ready, each sent once later`, () => {
      const orders = [1, 2, 3, 4].map((n) => order(n, [{ sku: 'TEE-M', quantity: 1 }]));
      const r = new InventoryRun(ordersWorld({ orders, faults: [{ system: 'threePl', operation: 'create-order', kind, times: 1000 }] }));
      const run = r.syncOrders();
      expect(run.outcome).toBe('partial');
      expect(run.message).toMatch(/Not reachable this run, tried again next run: .*ShipBob gave no usable answer to creating the order for/);
      // Two creates for the first order (the contract's bound), none for the others.
      expect(r.run.faults.fired.length).toBe(2);
      expect(r.tab('Orders').map((o) => o['State']).sort()).toEqual(['ready', 'ready', 'ready', 'unknown']);
      r.run.faults.clear();
      r.advance('10m');
      r.syncOrders();
      expect(refs(r)).toEqual([1, 2, 3, 4].map(id));
      r.assertInvariants();
    });
  }
});
