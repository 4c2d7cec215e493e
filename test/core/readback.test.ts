import { describe, expect, it } from 'vitest';
import { checkStockSyncTimeout, classifyReadback } from '../../src/core/inventory/readback';
import { invRow } from './inventory-fixtures';

const NOW = Date.UTC(2026, 10, 2, 8);
const MIN = 60_000;

describe('classifyReadback after a push', () => {
  const pushed = [
    invRow({ sellerSku: 'OK', lastPushedQty: 7, amazonFbmQty: 2, pushState: 'accepted' }),
    invRow({ sellerSku: 'LOST', lastPushedQty: 5, amazonFbmQty: 1, pushState: 'accepted' }),
  ];
  const amazonQty = new Map([
    ['OK', 7],
    ['LOST', 1],
  ]);

  it('marks matches applied and mismatches STOCK_PUSH_NOT_APPLIED once settled', () => {
    const r = classifyReadback({ rows: pushed, amazonQty, pushedAt: NOW - 20 * MIN, now: NOW });
    expect(r.rows.map((x) => [x.sellerSku, x.pushState, x.amazonFbmQty])).toEqual([
      ['OK', 'applied', 7],
      ['LOST', 'accepted but not applied', 1],
    ]);
    expect(r.exceptions).toEqual([expect.objectContaining({ key: 'STOCK_PUSH_NOT_APPLIED:UK:LOST', type: 'STOCK_PUSH_NOT_APPLIED' })]);
    expect(r.exceptions[0]!.message).toContain('accepted quantity 5');
    expect(r.exceptions[0]!.message).toContain('still shows 1');
    expect([r.applied, r.notApplied, r.pending]).toEqual([1, 1, 0]);
  });

  it('waits while the push is younger than the settle time', () => {
    const r = classifyReadback({ rows: pushed, amazonQty, pushedAt: NOW - 5 * MIN, now: NOW, settleMinutes: 15 });
    expect(r.rows.map((x) => x.pushState)).toEqual(['applied', 'accepted']);
    expect(r.exceptions).toEqual([]);
    expect(r.pending).toBe(1);
  });

  it('re-raises a not-applied push until Amazon catches up', () => {
    const row = invRow({ sellerSku: 'LOST', lastPushedQty: 5, pushState: 'accepted but not applied' });
    expect(classifyReadback({ rows: [row], amazonQty: new Map([['LOST', 1]]), pushedAt: NOW, now: NOW }).exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
    const caught = classifyReadback({ rows: [row], amazonQty: new Map([['LOST', 5]]), pushedAt: NOW, now: NOW });
    expect(caught.rows[0]!.pushState).toBe('applied');
    expect(caught.exceptions).toEqual([]);
  });
});

describe('classifyReadback drift', () => {
  it('raises INVENTORY_DRIFT when Amazon rises above the last pushed quantity with nothing pending', () => {
    const r = classifyReadback({ rows: [invRow({ sellerSku: 'D', lastPushedQty: 4, pushState: 'applied' })], amazonQty: new Map([['D', 9]]), pushedAt: null, now: NOW });
    expect(r.exceptions).toEqual([expect.objectContaining({ key: 'INVENTORY_DRIFT:UK:D', type: 'INVENTORY_DRIFT' })]);
    expect(r.exceptions[0]!.message).toContain('Amazon shows 9');
    expect(r.drifted).toBe(1);
  });

  it('without order data, a lower quantity may be orders and is not drift', () => {
    const r = classifyReadback({ rows: [invRow({ sellerSku: 'D', lastPushedQty: 4, pushState: 'unchanged' })], amazonQty: new Map([['D', 2]]), pushedAt: null, now: NOW });
    expect(r.exceptions).toEqual([]);
  });

  it('ignores queued pushes, FBA rows, never-pushed rows and SKUs not read', () => {
    const r = classifyReadback({
      rows: [
        invRow({ sellerSku: 'Q', lastPushedQty: 4, pushState: 'queued' }),
        invRow({ sellerSku: 'F', channel: 'FBA', lastPushedQty: 4 }),
        invRow({ sellerSku: 'N', lastPushedQty: null, pushState: 'dry-run' }),
        invRow({ sellerSku: 'X', lastPushedQty: 4, amazonFbmQty: 4, pushState: 'applied' }),
      ],
      amazonQty: new Map([
        ['Q', 9],
        ['F', 9],
        ['N', 9],
      ]),
      pushedAt: null,
      now: NOW,
    });
    expect(r.exceptions).toEqual([]);
    expect(r.rows[3]!.amazonFbmQty).toBe(4);
    expect(r.rows[2]!.amazonFbmQty).toBe(9);
  });
});

describe('checkStockSyncTimeout', () => {
  it('raises STOCK_SYNC_TIMEOUT only after the timeout', () => {
    expect(checkStockSyncTimeout({ marketplace: 'UK', lastSuccessAt: NOW - 180 * MIN, now: NOW, timeoutMinutes: 180 })).toBeNull();
    const ex = checkStockSyncTimeout({ marketplace: 'UK', lastSuccessAt: NOW - 181 * MIN, now: NOW, timeoutMinutes: 180 });
    expect(ex).toMatchObject({ key: 'STOCK_SYNC_TIMEOUT:UK', type: 'STOCK_SYNC_TIMEOUT' });
    expect(ex!.message).toContain('181 minutes ago');
  });

  it('measures from trackingSince when there was never a success, and stays quiet without either', () => {
    expect(checkStockSyncTimeout({ marketplace: 'UK', lastSuccessAt: null, now: NOW, timeoutMinutes: 60 })).toBeNull();
    const ex = checkStockSyncTimeout({ marketplace: 'UK', lastSuccessAt: null, trackingSince: NOW - 61 * MIN, now: NOW, timeoutMinutes: 60 });
    expect(ex!.message).toContain('has never succeeded');
  });
});
