// Cuts and overlaps: a push stopped at the execution's time budget (gracefully, or killed by Apps
// Script) continues on the next run without pushing anything twice and without sending figures the
// 3PL no longer supports; a second run while one holds the document lock is skipped and says so;
// failures leave a clear message and never lose or duplicate the sheet's data; secrets never leak.

import { describe, expect, it } from 'vitest';
import { InventoryRun, SECRETS, manyOffers } from './builder';
import { visibleText } from './invariants';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';

/** Every write in order as "sku=qty". */
const pushed = (r: InventoryRun) => r.writes().map((w) => `${w.sku}=${w.quantity}`);

describe('time budget', () => {
  it('stops patching at the budget, says so, and the next run sends the rest once', () => {
    // 40 patches at 8 s each do not fit the 4.5-minute budget.
    const r = new InventoryRun({ offers: manyOffers(40), amazonBehaviour: { latency: '8s' } });
    const first = r.sync();
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/Out of time/);
    const sent = r.writes().length;
    expect(sent).toBeGreaterThan(5);
    expect(sent).toBeLessThan(40);
    r.advance('10m');
    const second = r.sync();
    expect(second.outcome).toBe('ok');
    expect(r.writes()).toHaveLength(40);
    expect(new Set(pushed(r)).size).toBe(40);
    // This run's patches show once Amazon has processed them.
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.tracker.convergenceProblems()).toEqual([]);
    r.advance('20m');
    r.sync();
    expect(r.writes()).toHaveLength(40);
    expect(r.tab('Inventory').every((row) => row['Push State'] === 'applied')).toBe(true);
    r.assertInvariants();
  });

  it('does not send the rest of a cut push with figures the 3PL no longer supports', () => {
    const r = new InventoryRun({ offers: manyOffers(40, 'SKU', { amazonQty: 5 }), amazonBehaviour: { latency: '8s' } });
    r.sync();
    const sent = r.writes().length;
    expect(sent).toBeLessThan(38);
    // Stock of the last offers (not yet sent) sells out before the next run.
    for (const i of [38, 39, 40]) r.setStock(`SB-SKU-${i}`, 0);
    r.advance('10m');
    r.sync();
    expect(r.writes().slice(sent).filter((w) => ['SKU-38', 'SKU-39', 'SKU-40'].includes(w.sku)).map((w) => w.quantity)).toEqual([0, 0, 0]);
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.tracker.convergenceProblems()).toEqual([]);
    r.assertInvariants();
  });

  it('an approved push cut by time continues without a second approval, but only at the approved figures', () => {
    const r = new InventoryRun({ offers: manyOffers(40), settings: { 'Push mode': 'approve' }, amazonBehaviour: { latency: '8s' } });
    r.sync();
    expect(r.writes()).toEqual([]);
    r.approve();
    const sent = r.writes().length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(40);
    r.setStock('SB-SKU-40', 5);
    r.advance('10m');
    r.sync();
    // Everything approved went out; SKU-40's figure changed after approval, so it waits.
    expect(r.writes()).toHaveLength(39);
    expect(r.writes().some((w) => w.sku === 'SKU-40')).toBe(false);
    expect(r.inventoryRow('SKU-40')!['Push State']).toBe('awaiting approval');
    r.assertInvariants();
  });
  it('a cut push stops when a person switches Push mode to dry-run', () => {
    const r = new InventoryRun({ offers: manyOffers(40), amazonBehaviour: { latency: '8s' } });
    r.sync();
    const sent = r.writes().length;
    r.setting('Push mode', 'dry-run');
    r.advance('10m');
    const s = r.sync();
    expect(s.message).toMatch(/Dry run: \d+ FBM quantities would change; nothing was pushed/);
    expect(r.writes()).toHaveLength(sent);
    r.assertInvariants();
  });
});

describe('killed executions', () => {
  // Budgets that cut runs mid-push: with Sheets, properties and UrlFetch charged (test/world/cost-model.ts),
  // a run reaches the push about 4 s later than when the fakes charged only latency (8 s then).
  it.each([
    ['patch', 1000, 12_000],
    ['feed', 5, 12_000],
  ])('converge without pushing twice when Apps Script kills runs mid-push (%s)', (_label, feedThreshold, budget) => {
    const r = new InventoryRun({ offers: manyOffers(12), settings: { 'Feed threshold': feedThreshold }, amazonBehaviour: { latency: '2s' } });
    r.run.world.maxExecutionMs = budget;
    let killed = 0;
    for (let i = 0; i < 25 && (r.tracker.convergenceProblems().length > 0 || i < 2); i++) {
      const s = r.sync();
      if (s.execution === 'timeout') killed++;
      r.advance('3m');
    }
    expect(killed).toBeGreaterThan(0);
    expect(r.tracker.convergenceProblems()).toEqual([]);
    // Each offer received its own quantity and no other. A patch whose answer a kill cut off is sent
    // once more by the next run (the same quantity: idempotent), because Amazon shows an ACCEPTED
    // patch only minutes later (DEFAULT_PATCH_APPLY_DELAY), so that run cannot see it landed.
    const writes = pushed(r);
    expect([...new Set(writes)].sort()).toEqual(manyOffers(12).map((o) => `${o.sku}=${o.onHand - 1}`).sort());
    expect(writes.length - new Set(writes).size).toBeLessThanOrEqual(killed);
    r.assertInvariants();
  });
});

describe('document lock', () => {
  it('a second run while one holds the lock is skipped, logged, and touches nothing', () => {
    const r = new InventoryRun({ offers: manyOffers(3) });
    const { world, gas } = r.run;
    // A scheduled run is half way through and holds the document lock.
    const holder = world.begin('onScheduledRun', 'time-trigger');
    expect(gas.locks.acquire('document', holder, world.clock.now())).toBe(true);
    world.suspend();
    const inventoryBefore = r.tab('Inventory');
    const callsBefore = r.run.amazon.calls.length;
    const s = r.sync();
    expect(s.outcome).toBe('skipped');
    expect(s.message).toMatch(/Another sync was running/);
    expect(r.syncLog().at(-1)).toMatchObject({ Outcome: 'skipped', 'Amazon Calls': '0', '3PL Calls': '0' });
    expect(r.writes()).toEqual([]);
    expect(r.run.amazon.calls.length).toBe(callsBefore);
    expect(r.tab('Inventory')).toEqual(inventoryBefore);
    world.resume(holder);
    gas.releaseLocksOf(holder.id);
    world.end('ok');
    expect(r.sync().outcome).toBe('ok');
    expect(r.writes()).toHaveLength(3);
    r.assertInvariants();
  });
});

describe('bad input', () => {
  it('an Amazon error body fails the run with Amazon\'s words, keeps the Inventory tab, and the next run recovers', () => {
    const r = new InventoryRun({ offers: manyOffers(3) });
    r.sync();
    r.advance('20m');
    r.sync();
    const before = r.tab('Inventory');
    r.run.faults.add({ system: 'amazon', operation: 'searchListingsItems', kind: '500', times: 5 });
    r.advance('20m');
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    expect(r.syncLog().at(-1)!['Message']).toMatch(/Amazon searchListingsItems failed with HTTP 500 — InternalFailure/);
    expect(r.tab('Inventory')).toEqual(before);
    r.advance('20m');
    expect(r.sync().outcome).toBe('ok');
    expect(r.tab('Inventory').map((row) => row['Seller SKU'])).toEqual(before.map((row) => row['Seller SKU']));
    expect(r.writes()).toHaveLength(3);
    r.assertInvariants();
  });

  it('a 3PL timeout fails the run with a clear message and pushes nothing', () => {
    const r = new InventoryRun({ offers: manyOffers(3), faults: [{ system: 'threePl', operation: '*', kind: 'timeout', times: 10 }] });
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    expect(s.message).toMatch(/^The 3PL \(ShipBob\) did not answer in time, even after retries .* the next run tries again\. Nothing was pushed to Amazon\.$/);
    expect(r.syncLog().at(-1)!['Message']).toBe(s.message);
    expect(r.writes()).toEqual([]);
    r.assertInvariants();
  });

  it('missing credentials are a CONFIG_INVALID exception in plain words, resolved once set', () => {
    const r = new InventoryRun({ offers: manyOffers(2) });
    const props = r.run.gas.properties.document.data;
    const token = props.get('threePl.token') ?? [...props.entries()].find(([, v]) => v === SECRETS.threePl.token)?.[0];
    const key = [...props.entries()].find(([, v]) => v === SECRETS.threePl.token)![0];
    props.delete(key);
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    const cfg = r.openExceptions('CONFIG_INVALID');
    expect(cfg).toHaveLength(1);
    expect(cfg[0]!['Message']).toMatch(/open the sidebar and save the ShipBob personal access token/);
    props.set(key, SECRETS.threePl.token);
    expect(r.sync().outcome).toBe('ok');
    expect(r.exceptions('CONFIG_INVALID')[0]!['Status']).toBe('Resolved');
    void token;
    r.assertInvariants();
  });
});

describe('secrets', () => {
  it('never appear in a cell, a log line or the world log, even when Amazon and the 3PL refuse them', () => {
    const r = new InventoryRun({
      offers: manyOffers(3),
      faults: [
        { system: 'lwa', operation: 'token', kind: 'auth_expired', times: 1 },
        { system: 'threePl', operation: '*', kind: 'auth_expired', times: 1, after: 0 },
      ],
    });
    r.sync();
    r.sync();
    r.sync();
    expect(r.exceptions('AUTH_FAILED').length).toBeGreaterThan(0);
    const text = visibleText(r.run);
    for (const secret of [SECRETS.amazon.clientSecret, SECRETS.amazon.refreshToken, SECRETS.threePl.token]) expect(text).not.toContain(secret);
    r.assertInvariants();
  });
});
