// A 3PL catalogue whose stock takes longer to read than one execution: the read is walked page by
// page across runs (cursor in document properties, pages in the hidden Sync Staging tab), never
// restarts from page one, never pushes from part of the catalogue, and an order sent to the 3PL
// between two runs of one walk is still counted against the pages read before it was sent.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const STOCK_OP = 'get-all-inventory-levels-grouped-by-fulfillment-center';
const ORDER_ID = '202-5000000-0000001';

/** 2,600 more 3PL products: 11 pages of 250 on the active side, then the inactive side's page. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ sku: `FILL-${String(i).padStart(5, '0')}`, onHand: 3 }));

function world(extra: Partial<ConstructorParameters<typeof InventoryRun>[0]> = {}) {
  return new InventoryRun({
    offers: [
      { sku: 'A-1', onHand: 10, amazonQty: 1 },
      { sku: 'B-1', onHand: 7, amazonQty: 1 },
    ],
    extraThreePl: filler(2600),
    // 25 s a ShipBob call: the 12 stock pages alone take five minutes, more than a run has.
    threePlLatencyMs: 25_000,
    ...extra,
  });
}

const stockCalls = (r: InventoryRun) => r.run.threePl.counters.byOperation[STOCK_OP] ?? 0;
const staging = (r: InventoryRun) => r.run.gas.spreadsheet.sheet('Sync Staging');

describe('a 3PL stock read longer than one run', () => {
  it('carries on from the page where the last run stopped, pushes only once every page is in, then clears its pages', () => {
    const r = world();
    const first = r.sync();
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/read in part \(\d+ pages/);
    expect(r.writes()).toEqual([]);
    const readFirst = stockCalls(r);
    expect(readFirst).toBeGreaterThan(0);
    expect(readFirst).toBeLessThan(12);
    // The pages read so far wait in a hidden tab, not in memory that the next execution loses.
    expect(staging(r)?.hidden).toBe(true);
    expect(r.run.gas.properties.document.data.get('inventory.stockWalk')).toBeTruthy();

    let last = first;
    for (let i = 0; i < 4 && last.outcome !== 'ok'; i++) {
      r.advance('10m');
      last = r.sync();
    }
    expect(last.outcome).toBe('ok');
    // Every page once: 11 active pages, one inactive page — no page read twice across the runs.
    expect(stockCalls(r)).toBe(12);
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['A-1=9', 'B-1=6']);
    expect(r.run.gas.properties.document.data.get('inventory.stockWalk')).toBeUndefined();
    // The walk's pages are gone; only the completed read stays, kept to be used again while nothing moves.
    const left = r.tab('Sync Staging');
    expect(left.length).toBeGreaterThan(0);
    expect(new Set(left.map((row) => row['Source']))).toEqual(new Set(['3pl-stock-baseline']));
    r.assertInvariants();
  });

  it('an order unsent when the walk began and sent to the 3PL before it ended is still taken off the stock', () => {
    const r = world({ orders: [{ orderId: ORDER_ID, items: [{ sku: 'A-1', quantity: 2 }] }] });
    expect(r.sync().outcome).toBe('partial');
    // The orders job sends it now: pages already read do not show its units committed.
    r.advance('2m');
    r.syncOrders();
    expect(r.tab('Orders').find((o) => o['Amazon Order ID'] === ORDER_ID)?.['State']).not.toMatch(/ready|held/);
    let last = r.sync();
    for (let i = 0; i < 4 && last.outcome !== 'ok'; i++) {
      r.advance('10m');
      last = r.sync();
    }
    expect(last.outcome).toBe('ok');
    // 10 on hand − 2 ordered − buffer 1: the order's units are not offered twice.
    expect(r.writes().find((w) => w.sku === 'A-1')?.quantity).toBe(7);
    r.assertInvariants();
  });

  it('pages lost from the hidden tab make the read start again: nothing is pushed from part of the catalogue', () => {
    const r = world();
    expect(r.sync().outcome).toBe('partial');
    r.edit('Sync Staging', { Source: '3pl-stock' }, { Data: 'typed over' });
    r.advance('10m');
    const next = r.sync();
    expect(r.writes()).toEqual([]);
    expect(next.outcome).toBe('partial');
    expect(next.message).toMatch(/starts again/);
    expect(r.run.gas.properties.document.data.get('inventory.stockWalk')).toBeUndefined();
  });

  it('a walk begun longer ago than "Stock data max age (minutes)" starts again rather than push from old pages', () => {
    const r = world();
    expect(r.sync().outcome).toBe('partial');
    const before = stockCalls(r);
    r.advance('3h');
    r.sync();
    // Page one again: the walk restarted.
    expect(stockCalls(r) - before).toBeGreaterThan(12 - before);
    r.assertInvariants();
  });
});
