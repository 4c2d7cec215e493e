// The stock sync against the ShipBob simulator: a run after a full read asks ShipBob what moved
// (orders and products updated since, each centre's inventory history) and reads every inventory
// page again only when something did: an order from another channel (stock committed, no inventory
// event yet), a stock adjustment, a pick, a deactivation; and every six hours whatever ShipBob says.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const PAGES = 'get-all-inventory-levels-grouped-by-fulfillment-center';
const HISTORY = 'query-inventory-history';

/** 1,500 more 3PL products: 7 inventory pages, so asking what moved (3 calls at one centre) is well worth it. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ sku: `FILL-${String(i).padStart(5, '0')}`, onHand: 3 }));

function world() {
  return new InventoryRun({
    offers: [
      { sku: 'A-1', onHand: 10, amazonQty: 1 },
      { sku: 'B-1', onHand: 7, amazonQty: 1 },
    ],
    extraThreePl: filler(1500),
  });
}

const calls = (r: InventoryRun, op: string) => r.run.threePl.counters.byOperation[op] ?? 0;
const lastCounts = (r: InventoryRun) => r.syncLog().at(-1)!['Counts'];
/** The last quantity the sync sent Amazon for a SKU. */
const sent = (r: InventoryRun, sku: string) => r.writes().filter((w) => w.sku === sku).at(-1)?.quantity;

describe('the stock sync reads ShipBob in full only when something moved', () => {
  it('uses the last full read while nothing moved, and says so in the Sync Log', () => {
    const r = world();
    expect(r.sync().outcome).toBe('ok');
    const pages = calls(r, PAGES);
    expect(pages).toBeGreaterThan(0);
    const writes = r.writes().length;
    r.advance('1h');
    expect(r.sync().outcome).toBe('ok');
    expect(calls(r, PAGES)).toBe(pages);
    // One centre holds the stock: one history question.
    expect(calls(r, HISTORY)).toBe(1);
    expect(lastCounts(r)).toMatch(/3PL stock read kept from an earlier run/);
    expect(r.writes()).toHaveLength(writes);
    expect(r.amazonQty('A-1')).toBe(sent(r, 'A-1'));
    // The Inventory tab's 3PL figures are those of the kept read.
    expect(r.inventoryRow('A-1')?.['3PL Fulfillable']).toBe('10');
    r.assertInvariants();
  });

  it('reads everything again after an order from another channel took stock, and pushes less', () => {
    const r = world();
    r.sync();
    const a = sent(r, 'A-1')!;
    r.advance('1h');
    r.sync();
    const pages = calls(r, PAGES);
    // A webstore order: ShipBob commits 4 units at once; nothing is picked, so no inventory event.
    r.threePl('placeOrder', { reference: 'WEB-1001', lines: [{ sku: 'SB-A-1', quantity: 4 }] });
    r.advance('1h');
    expect(r.sync().outcome).toBe('ok');
    expect(calls(r, PAGES)).toBeGreaterThan(pages);
    expect(lastCounts(r)).not.toMatch(/kept from an earlier run/);
    expect(sent(r, 'A-1')).toBe(a - 4);
    r.assertInvariants();
  });

  it('reads everything again after a stock adjustment, and after a deactivation', () => {
    const r = world();
    r.sync();
    r.advance('1h');
    r.setStock('SB-B-1', 2);
    r.sync();
    expect(r.inventoryRow('B-1')?.['3PL Fulfillable']).toBe('2');
    const pages = calls(r, PAGES);
    r.advance('1h');
    r.threePl('setActive', { sku: 'SB-B-1', active: false });
    r.sync();
    expect(calls(r, PAGES)).toBeGreaterThan(pages);
    expect(sent(r, 'B-1')).toBe(0);
    r.assertInvariants();
  });

  it('reads everything at least every six hours, however quiet ShipBob says it was', () => {
    const r = world();
    r.sync();
    const pages = calls(r, PAGES);
    expect(pages).toBe(8);
    for (let i = 0; i < 5; i++) {
      r.advance('1h');
      r.sync();
    }
    expect(calls(r, PAGES)).toBe(pages);
    r.advance('1h');
    r.advance('1m');
    r.sync();
    expect(calls(r, PAGES)).toBe(2 * pages);
    expect(lastCounts(r)).not.toMatch(/kept from an earlier run/);
  });

  it('reads a small catalogue in full every run: its pages cost less than the question and a read after it', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10, amazonQty: 1 }] });
    r.sync();
    r.advance('1h');
    r.sync();
    // One active and one inactive page each run; no history asked.
    expect(calls(r, PAGES)).toBe(4);
    expect(calls(r, HISTORY)).toBe(0);
    expect(r.tab('Sync Staging').filter((row) => row['Source'] === '3pl-stock-baseline')).toEqual([]);
  });
});
