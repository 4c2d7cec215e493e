// A push larger than one JSON_LISTINGS_FEED (25,000 messages): split into feeds of 25,000 sent in
// the same run (Amazon takes 5 per 5 minutes), followed together, every quantity sent once.

import { describe, expect, it } from 'vitest';
import { InventoryRun, manyOffers } from './builder';

const N = 25_040;

describe('a push of more than 25,000 changes', () => {
  it('goes out as two feeds in one run and is recorded once both are processed', () => {
    const r = new InventoryRun({ offers: manyOffers(N, 'M', { amazonQty: 0, onHand: 7 }), settings: { 'Guardrail max to zero': 100_000 } });
    const createFeeds = () => r.run.amazon.calls.filter((c: { operation: string }) => c.operation === 'createFeed').length;
    // 25,040 new rows fill the Inventory tab over runs first (core/inventory/tab-fill.ts); nothing is sent meanwhile.
    let first = r.sync();
    for (let runs = 1; (first.message ?? '').includes('Filling the Inventory tab') && runs < 5; runs++) {
      expect(createFeeds()).toBe(0);
      r.advance('1h');
      first = r.sync();
    }
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/2 feeds \(.*\) were submitted/);
    const feeds = r.run.amazon.calls.filter((c: { operation: string }) => c.operation === 'createFeed');
    expect(feeds).toHaveLength(2);
    r.advance('20m');
    const second = r.sync();
    expect(second.outcome).not.toBe('failed');
    const writes = r.writes();
    // Every offer once, none twice.
    expect(writes).toHaveLength(N);
    expect(new Set(writes.map((w) => w.sku)).size).toBe(N);
    expect(r.inventoryRow('M-25040')?.['Push State']).not.toBe('next push');
    expect(r.run.amazon.calls.filter((c: { operation: string }) => c.operation === 'createFeed')).toHaveLength(2);
  }, 300_000);
});
