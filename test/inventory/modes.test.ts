// Push modes (dry-run / approve / auto), pushing only changed quantities, patch versus one
// JSON_LISTINGS_FEED followed to its processing report, and undo of the last push.

import { describe, expect, it } from 'vitest';
import { InventoryRun, manyOffers } from './builder';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';

const offers = () => [
  { sku: 'A-1', onHand: 10 },
  { sku: 'B-1', onHand: 6 },
  { sku: 'C-1', onHand: 3, amazonQty: 2 },
];

describe('dry-run', () => {
  it('computes and shows, pushes nothing, says so', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'dry-run' } });
    const s = r.sync();
    expect(s.outcome).toBe('ok');
    expect(s.message).toMatch(/Dry run: 2 FBM quantities would change; nothing was pushed/);
    expect(r.writes()).toEqual([]);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('dry-run');
    expect(r.inventoryRow('A-1')!['Proposed FBM Qty']).toBe('9');
    // C-1 is already right (3 − 1 = 2).
    expect(r.inventoryRow('C-1')!['Push State']).toBe('unchanged');
    r.advance('30m');
    r.sync();
    expect(r.writes()).toEqual([]);
    r.assertInvariants();
  });

  it('is the default when Settings says nothing', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': '' } });
    r.sync();
    expect(r.writes()).toEqual([]);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('dry-run');
    r.assertInvariants();
  });
});

describe('approve', () => {
  it('waits for "Approve stock push" and then pushes exactly the plan shown', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'approve' } });
    const first = r.sync();
    expect(first.message).toMatch(/2 change\(s\) await approval/);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('awaiting approval');
    r.advance('10m');
    r.sync();
    expect(r.writes()).toEqual([]);

    // Stock moves after the plan was shown: A-1's new figure was never shown, so it waits.
    r.setStock('SB-A-1', 8);
    const approved = r.approve();
    expect(approved.outcome).toBe('ok');
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['B-1=5']);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('awaiting approval');
    expect(r.inventoryRow('A-1')!['Proposed FBM Qty']).toBe('7');

    // Approving again sends what is now shown.
    r.approve();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['B-1=5', 'A-1=7']);
    r.assertInvariants();
  });

  it('accepts the ticked Settings cell "Approve stock push", and unticks it after pushing', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'approve' } });
    r.sync();
    expect(r.writes()).toEqual([]);
    r.setting('Approve stock push', true);
    r.sync();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['A-1=9', 'B-1=5']);
    const cell = r.tab('Settings').find((s) => s['Key'] === 'Approve stock push')!;
    expect(cell['Value']).toBe('FALSE');
    // With the cell unticked, a later change waits again.
    r.setStock('SB-B-1', 2);
    r.sync();
    expect(r.writes()).toHaveLength(2);
    expect(r.inventoryRow('B-1')!['Push State']).toBe('awaiting approval');
    r.assertInvariants();
  });
});

describe('auto', () => {
  it('pushes only changed quantities, by patchListingsItem to the DEFAULT channel', () => {
    const r = new InventoryRun({ offers: offers() });
    r.sync();
    expect(r.writes().map((w) => [w.operation, w.sku, w.fulfillmentChannelCode, w.quantity])).toEqual([
      ['patchListingsItem', 'A-1', 'DEFAULT', 9],
      ['patchListingsItem', 'B-1', 'DEFAULT', 5],
    ]);
    r.advance('20m');
    const again = r.sync();
    expect(again.message).toMatch(/No FBM quantity needed to change/);
    expect(r.writes()).toHaveLength(2);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('applied');
    r.setStock('SB-C-1', 9);
    r.sync();
    expect(r.writes().slice(2).map((w) => `${w.sku}=${w.quantity}`)).toEqual(['C-1=8']);
    r.assertInvariants();
  });
});

describe('scheduled runs', () => {
  it('the time trigger runs the stock sync on schedule, under the same rules', () => {
    const r = new InventoryRun({ offers: offers() });
    r.step({ run: 'enableScheduledSync' });
    r.step({ trigger: 'time', for: '3h' });
    const runs = r.syncLog().filter((l) => l['Job'] === 'inventory');
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((l) => l['Outcome'] === 'ok')).toBe(true);
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['A-1=9', 'B-1=5']);
    r.assertInvariants();
  });
});

describe('feed', () => {
  it('sends one JSON_LISTINGS_FEED at the Feed threshold and follows it to its processing report on later runs', () => {
    const r = new InventoryRun({ offers: manyOffers(6), settings: { 'Feed threshold': 5 } });
    const first = r.sync();
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/Feed \S+ was submitted to Amazon/);
    const feeds = r.run.amazon.snapshot().feeds as Array<{ feedType: string }>;
    expect(feeds.map((f) => f.feedType)).toEqual(['JSON_LISTINGS_FEED']);
    expect(r.inventoryRow('SKU-01')!['Push State']).toBe('queued');

    r.advance('3m');
    const second = r.sync();
    expect(second.outcome).toBe('ok');
    expect(second.message).toMatch(/6 FBM quantities accepted/);
    const writes = r.writes();
    expect(writes).toHaveLength(6);
    expect(new Set(writes.map((w) => w.operation))).toEqual(new Set(['JSON_LISTINGS_FEED']));
    // The run that sees the feed finish recomputes at once, and reads Amazon showing the quantities.
    expect(r.inventoryRow('SKU-01')!['Push State']).toBe('applied');
    r.advance('20m');
    r.sync();
    expect(r.inventoryRow('SKU-01')!['Push State']).toBe('applied');
    expect(r.run.amazon.snapshot().feeds).toHaveLength(1);
    expect(r.tracker.convergenceProblems()).toEqual([]);
    r.assertInvariants();
  });

  it('turns per-SKU issues in the processing report into STOCK_PUSH_REJECTED, and the rest are accepted', () => {
    const r = new InventoryRun({ offers: manyOffers(5), settings: { 'Feed threshold': 5 } });
    r.sync();
    // The listing is deleted in Seller Central while the feed waits in Amazon's queue.
    r.run.amazon.state.listings.delete('SKU-03');
    r.advance('3m');
    const s = r.sync();
    expect(s.message).toMatch(/4 FBM quantities accepted by Amazon, 1 rejected/);
    const rejected = r.openExceptions('STOCK_PUSH_REJECTED');
    expect(rejected.map((e) => e['Key'])).toEqual(['STOCK_PUSH_REJECTED:UK:SKU-03']);
    expect(rejected[0]!['Message']).toMatch(/does not exist/);
    // The same run recomputes: the deleted listing is now held as one with nothing to update.
    expect(r.inventoryRow('SKU-03')!['Reason']).toMatch(/Amazon has no listing with Seller SKU SKU-03/);
    expect(['accepted', 'applied']).toContain(r.inventoryRow('SKU-02')!['Push State']);
    r.assertInvariants();
  });

  it('uses patches below the threshold', () => {
    const r = new InventoryRun({ offers: manyOffers(4), settings: { 'Feed threshold': 5 } });
    r.sync();
    expect(r.writes().map((w) => w.operation)).toEqual(Array(4).fill('patchListingsItem'));
    expect(r.run.amazon.snapshot().feeds).toEqual([]);
    r.assertInvariants();
  });
});

describe('undo', () => {
  it('restores the quantities Amazon had before the last push', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10, amazonQty: 4 }, { sku: 'B-1', onHand: 6, amazonQty: 5 }, { sku: 'C-1', onHand: 8, amazonQty: 1 }] });
    r.sync();
    // Pushes show on Amazon once it has processed them (DEFAULT_PATCH_APPLY_DELAY).
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect([r.amazonQty('A-1'), r.amazonQty('B-1'), r.amazonQty('C-1')]).toEqual([9, 5, 7]);
    // A-1's buffer goes up (the 3PL still holds 10, so undoing back to 9 stays within pickable stock).
    r.edit('SKU Map', { 'Seller SKU': 'A-1' }, { 'Safety Buffer': 6 });
    r.sync();
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.amazonQty('A-1')).toBe(4);
    const u = r.undo();
    expect(u.outcome).toBe('ok');
    expect(u.message).toMatch(/Undo: 1 FBM quantity accepted/);
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    // Only the last push is undone: A-1 back to 9; C-1 keeps the first push's 7.
    expect([r.amazonQty('A-1'), r.amazonQty('B-1'), r.amazonQty('C-1')]).toEqual([9, 5, 7]);
    const log = r.syncLog();
    expect(log[log.length - 1]!['Job']).toBe('inventory-undo');
    r.assertInvariants();
  });

  it('says there is nothing to undo before any push', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'dry-run' } });
    r.sync();
    const u = r.undo();
    expect(u.outcome).toBe('ok');
    expect(u.message).toMatch(/no stock push to undo/i);
    expect(r.writes()).toEqual([]);
    r.assertInvariants();
  });
});

describe('the Push mode audit trail', () => {
  it('records the mode people typed, not the dry run a setting that cannot be used falls back to', () => {
    const r = new InventoryRun({ offers: offers() });
    r.sync();
    // A bad buffer setting makes the sync a dry run; Push mode still says auto and nobody changed it.
    r.setting('Default safety buffer', -3);
    const s = r.sync();
    expect(s.message).toMatch(/so this ran as a dry run/);
    r.setting('Default safety buffer', 1);
    r.sync();
    expect(r.syncLog().filter((l) => l['Job'] === 'audit').map((l) => l['Message'])).toEqual([]);
    // A mode people do type is recorded once.
    r.setting('Push mode', 'approve');
    r.sync();
    expect(r.syncLog().filter((l) => l['Job'] === 'audit').map((l) => l['Message'])).toEqual([expect.stringMatching(/^Push mode changed from "auto" to "approve" in Settings/)]);
  });
});
