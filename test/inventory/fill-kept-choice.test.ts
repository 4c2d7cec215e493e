// Which 3PL read a run of a first fill computes from (src/jobs/inventory/fill.ts): the read the fill
// began with, while more rows are to come than the run could write anyway; or, once the rest could
// fit, the 3PL's own answer, which with a kept full read that the 3PL can vouch for in a few calls
// (threepl-stock-baseline.ts baselineAskable) lets that run finish the fill and push.

import { describe, expect, it } from 'vitest';
import { fillReusesKeptStock, recordFill } from '../../src/jobs/inventory/fill';
import { baselineAskable, FULL_READ_EVERY_MS, keepBaseline } from '../../src/jobs/reads/threepl-stock-baseline';
import type { StockLine, ThreePlAdapter } from '../../src/threepl/types';
import { memoryStaging, memoryStore } from '../world/node-ports';

const T0 = Date.parse('2026-12-02T09:00:00Z');
const line = (sku: string): StockLine => ({ sku, warehouseId: '10', onHand: 5, allocated: 0, available: 5, onHold: 0, inbound: 0, inTransit: 0, unknown: false, asOf: '' });
const lines = [line('A'), line('B')];

function fillAfter(runs: Array<{ withheld: number; added: number; fresh: boolean }>) {
  const store = memoryStore();
  const staging = memoryStaging();
  for (const r of runs) recordFill(store, staging, { withheld: r.withheld, added: r.added }, { kept: !r.fresh, lines: r.fresh ? lines : null, walkStartedAt: T0 });
  return store;
}

describe('a fill run reuses the read it began with', () => {
  it('never without a fill under way', () => {
    expect(fillReusesKeptStock(memoryStore(), true)).toBe(false);
    expect(fillReusesKeptStock(memoryStore(), false)).toBe(false);
  });

  it('while more rows are to come than a run that reads the 3PL afresh managed', () => {
    // The run that read the 3PL (minutes of pages) wrote 20,000 rows; 80,000 wait.
    const store = fillAfter([{ withheld: 80_000, added: 20_000, fresh: true }]);
    expect(fillReusesKeptStock(store, false)).toBe(true);
    expect(fillReusesKeptStock(store, true)).toBe(true);
  });

  it('asks the 3PL once the rest fits a run like the last one, when it can vouch for its last full read', () => {
    // A run on the kept read wrote 50,000 rows; 30,000 wait: more than the fresh run managed, fewer
    // than the last run wrote.
    const store = fillAfter([
      { withheld: 80_000, added: 20_000, fresh: true },
      { withheld: 30_000, added: 50_000, fresh: false },
    ]);
    // The 3PL can say "nothing moved" in a few calls: this run asks, and can then finish and push.
    expect(fillReusesKeptStock(store, true)).toBe(false);
    // It cannot: reading it all again would leave too little time to finish, so the kept read will do.
    expect(fillReusesKeptStock(store, false)).toBe(true);
  });

  it('reads afresh when the rest fits what a fresh run managed, whatever the 3PL can answer', () => {
    const store = fillAfter([
      { withheld: 80_000, added: 20_000, fresh: true },
      { withheld: 10_000, added: 70_000, fresh: false },
    ]);
    expect(fillReusesKeptStock(store, false)).toBe(false);
    expect(fillReusesKeptStock(store, true)).toBe(false);
  });

  it('a finished fill forgets its state', () => {
    const store = fillAfter([{ withheld: 80_000, added: 20_000, fresh: true }]);
    recordFill(store, memoryStaging(), null, { kept: true, lines: null, walkStartedAt: T0 });
    expect(fillReusesKeptStock(store, true)).toBe(false);
  });
});

describe('baselineAskable', () => {
  const adapter = (account: string | null) => ({ ...(account ? { stockMoves: { account, since: () => null } } : {}) }) as unknown as ThreePlAdapter;
  const at = (ms: number) => ({ now: () => ms, sleep: () => undefined });

  it('is true for a kept full read of this account, up to six hours old, and makes no call', () => {
    const store = memoryStore();
    const staging = memoryStaging();
    const moves = { account: 'shipbob:abc', since: () => { throw new Error('no call expected'); } };
    keepBaseline({ stockMoves: moves } as unknown as ThreePlAdapter, { store, staging, clock: at(T0) }, lines, T0, 50);
    expect(baselineAskable({ stockMoves: moves } as unknown as ThreePlAdapter, { store, clock: at(T0 + 3600_000) })).toBe(true);
    expect(baselineAskable({ stockMoves: moves } as unknown as ThreePlAdapter, { store, clock: at(T0 + FULL_READ_EVERY_MS) })).toBe(true);
    expect(baselineAskable({ stockMoves: moves } as unknown as ThreePlAdapter, { store, clock: at(T0 + FULL_READ_EVERY_MS + 1) })).toBe(false);
    // Another token or host: another account's stock.
    expect(baselineAskable(adapter('shipbob:other'), { store, clock: at(T0 + 60_000) })).toBe(false);
    // A 3PL that cannot say what moved.
    expect(baselineAskable(adapter(null), { store, clock: at(T0 + 60_000) })).toBe(false);
  });

  it('is false with nothing kept', () => {
    expect(baselineAskable(adapter('shipbob:abc'), { store: memoryStore(), clock: at(T0) })).toBe(false);
  });
});
