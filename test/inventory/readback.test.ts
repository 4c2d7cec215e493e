// Read-back and the exceptions it raises: STOCK_PUSH_NOT_APPLIED when Amazon accepts a write and
// never applies it, INVENTORY_DRIFT when something else raises a quantity, STOCK_SYNC_TIMEOUT when
// no run has succeeded for too long; and the Exceptions tab's life cycle (one row per key, Count
// grows, resolved automatically, people's Acknowledged and Owner kept).

import { describe, expect, it } from 'vitest';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { InventoryRun } from './builder';

describe('read-back', () => {
  it('STOCK_PUSH_NOT_APPLIED when Amazon accepted a patch but still shows the old quantity; pushed again, then resolved', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'B-1', onHand: 6 }],
      faults: [{ system: 'amazon', operation: 'patchListingsItem', kind: 'not_applied', times: 1 }],
    });
    r.sync();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}:${w.outcome}`)).toEqual(['A-1=9:not_applied', 'B-1=5:applied']);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('accepted');
    r.advance('20m');
    const found = r.sync();
    const na = r.openExceptions('STOCK_PUSH_NOT_APPLIED');
    expect(na.map((e) => e['Key'])).toEqual(['STOCK_PUSH_NOT_APPLIED:UK:A-1']);
    // A push that did not land is no "ok" run, and the Sync Log says so in words.
    expect(found.outcome).toBe('partial');
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');
    expect(r.syncLog().at(-1)!['Message']).toMatch(/1 earlier update\(s\) accepted by Amazon but not applied \(see Exceptions, STOCK_PUSH_NOT_APPLIED\)/);
    expect(na[0]!['Message']).toMatch(/accepted quantity 9 .* still shows 0/);
    expect(r.inventoryRow('B-1')!['Push State']).toBe('applied');
    // The same run sends it again; this time it applies (once Amazon has processed it).
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.amazonQty('A-1')).toBe(9);
    r.advance('20m');
    r.sync();
    expect(r.exceptions('STOCK_PUSH_NOT_APPLIED')[0]!['Status']).toBe('Resolved');
    expect(r.inventoryRow('A-1')!['Push State']).toBe('applied');
    r.assertInvariants();
  });

  it('STOCK_PUSH_NOT_APPLIED for feed messages Amazon counted as accepted but never applied', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'B-1', onHand: 6 }, { sku: 'C-1', onHand: 7 }],
      settings: { 'Feed threshold': 2 },
      faults: [{ system: 'amazon', operation: 'createFeed', kind: 'not_applied', after: 1, times: 1 }],
    });
    r.sync();
    r.advance('3m');
    r.sync();
    r.advance('20m');
    r.sync();
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED').map((e) => e['Key'])).toEqual(['STOCK_PUSH_NOT_APPLIED:UK:B-1']);
    r.assertInvariants();
  });

  it('INVENTORY_DRIFT when a quantity is raised behind the add-on with no push pending; set back from the 3PL and resolved', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'B-1', onHand: 6 }] });
    r.sync();
    r.advance('20m');
    r.sync();
    expect(r.openExceptions()).toEqual([]);
    r.amazon('setListingQuantity', { sku: 'A-1', quantity: 50 });
    r.sync();
    const drift = r.openExceptions('INVENTORY_DRIFT');
    expect(drift.map((e) => e['Key'])).toEqual(['INVENTORY_DRIFT:UK:A-1']);
    expect(drift[0]!['Message']).toMatch(/Amazon shows 50 .* last pushed 9/);
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.amazonQty('A-1')).toBe(9);
    r.advance('20m');
    r.sync();
    expect(r.exceptions('INVENTORY_DRIFT')[0]!['Status']).toBe('Resolved');
    r.assertInvariants();
  });

  it('no INVENTORY_DRIFT when Amazon shows less (sales lower FBM quantities)', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }] });
    r.sync();
    r.advance('20m');
    r.amazon('setListingQuantity', { sku: 'A-1', quantity: 7 });
    r.sync();
    expect(r.exceptions('INVENTORY_DRIFT')).toEqual([]);
    r.assertInvariants();
  });
});

describe('STOCK_SYNC_TIMEOUT', () => {
  it('raised once failing runs pass the Settings timeout (3PL refuses the token), resolved by the next good run', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }],
      settings: { 'Stock sync timeout (minutes)': 30 },
    });
    r.sync();
    r.run.faults.add({ system: 'threePl', operation: '*', kind: 'auth_expired', times: 4 });
    for (let i = 0; i < 4; i++) {
      r.advance('15m');
      const s = r.sync();
      expect(s.outcome).toBe('failed');
    }
    const auth = r.openExceptions('AUTH_FAILED');
    expect(auth.map((e) => e['Key'])).toEqual(['AUTH_FAILED:threePl']);
    expect(Number(auth[0]!['Times Seen'])).toBe(4);
    const timeout = r.openExceptions('STOCK_SYNC_TIMEOUT');
    expect(timeout).toHaveLength(1);
    expect(timeout[0]!['Message']).toMatch(/"Stock sync timeout \(minutes\)" \(30\)/);
    // Raised at 45 and 60 minutes: one row, counted twice.
    expect(Number(timeout[0]!['Times Seen'])).toBe(2);
    r.advance('15m');
    expect(r.sync().outcome).toBe('ok');
    expect(r.exceptions('STOCK_SYNC_TIMEOUT')[0]!['Status']).toBe('Resolved');
    expect(r.exceptions('AUTH_FAILED')[0]!['Status']).toBe('Resolved');
    r.assertInvariants();
  });

  it('raised during a 503 storm at Amazon, with a clear message in the Sync Log', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }], settings: { 'Stock sync timeout (minutes)': 20 } });
    r.sync();
    r.run.faults.add({ system: 'amazon', operation: 'searchOrders', kind: '503', times: 10 });
    r.advance('15m');
    const first = r.sync();
    expect(first.outcome).toBe('failed');
    expect(r.syncLog().at(-1)!['Message']).toMatch(/searchOrders failed with HTTP 503/);
    r.advance('15m');
    r.sync();
    expect(r.openExceptions('STOCK_SYNC_TIMEOUT')).toHaveLength(1);
    r.assertInvariants();
  });
});

describe('Exceptions tab life cycle', () => {
  it('one row per key, Count grows, Acknowledged and Owner kept, resolved when the condition clears', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'BAD-1', onHand: 5, buffer: 'many' }],
    });
    r.sync();
    r.advance('20m');
    r.sync();
    const key = 'MAPPING_INVALID:UK:FBM:BAD-1';
    let row = r.exceptions().filter((e) => e['Key'] === key);
    expect(row).toHaveLength(1);
    expect(row[0]!['Times Seen']).toBe('2');
    expect(row[0]!['First Seen']).toBe('2026-11-02 08:00');
    r.edit('Exceptions', { Key: key }, { Status: 'Acknowledged', Owner: 'sam@example.co.uk' });
    r.advance('20m');
    r.sync();
    row = r.exceptions().filter((e) => e['Key'] === key);
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ 'Times Seen': '3', Status: 'Acknowledged', Owner: 'sam@example.co.uk', 'First Seen': '2026-11-02 08:00' });
    r.edit('SKU Map', { 'Seller SKU': 'BAD-1' }, { 'Safety Buffer': 1 });
    r.sync();
    row = r.exceptions().filter((e) => e['Key'] === key);
    expect(row[0]).toMatchObject({ Status: 'Resolved', Owner: 'sam@example.co.uk' });
    r.advance(DEFAULT_PATCH_APPLY_DELAY);
    expect(r.amazonQty('BAD-1')).toBe(4);
    // It comes back: same row, reopened.
    r.edit('SKU Map', { 'Seller SKU': 'BAD-1' }, { 'Safety Buffer': 'oops' });
    r.sync();
    row = r.exceptions().filter((e) => e['Key'] === key);
    expect(row).toHaveLength(1);
    expect(row[0]!['Status']).toBe('Open');
    r.assertInvariants();
  });

  it('a Sync Log row per run with outcome, counts, API calls and message', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }] });
    r.sync();
    r.sync();
    r.undo();
    // The undo also leaves an `audit` row (who asked for it, src/jobs/kit/audit.ts): not a run.
    const log = r.syncLog().filter((l) => l['Job'] !== 'audit');
    expect(log.map((l) => [l['Job'], l['Outcome']])).toEqual([['inventory', 'ok'], ['inventory', 'ok'], ['inventory-undo', 'ok']]);
    expect(Number(log[0]!['Amazon Calls'])).toBeGreaterThan(0);
    expect(Number(log[0]!['3PL Calls'])).toBeGreaterThan(0);
    // Counts in words (core/sync-log COUNT_WORDS).
    expect(log[0]!['Counts']).toMatch(/\b1 stock change pushed\b/);
    expect(new Set(log.map((l) => l['Run ID'])).size).toBe(3);
    r.assertInvariants();
  });
});
