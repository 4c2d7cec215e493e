// The 3PL read kept for a fill over runs (src/jobs/reads/threepl-stock-kept.ts): given back whole or
// not at all, and readThreePlStockInRuns uses it only when told the run pushes nothing.

import { describe, expect, it } from 'vitest';
import { forgetKeptStock, hasKeptStock, keepStock, keptStock } from '../../src/jobs/reads/threepl-stock-kept';
import { readThreePlStockInRuns } from '../../src/jobs/reads/threepl-stock';
import type { ClockPort, Deadline } from '../../src/ports/clock';
import type { StockLine, StockPages, ThreePlAdapter } from '../../src/threepl/types';
import { memoryStaging, memoryStore } from '../world/node-ports';

const line = (sku: string, available: number): StockLine => ({ sku, warehouseId: 'W1', onHand: available, allocated: 0, available, inbound: 0, asOf: '2026-12-01T00:00:00Z' }) as StockLine;

/** Two pages of two SKUs each; `calls` counts the 3PL requests. */
function pagedAdapter(stock: Record<string, number>) {
  const calls = { n: 0 };
  const skus = Object.keys(stock);
  const pages: StockPages = {
    next(cursor) {
      calls.n++;
      const at = cursor === null ? 0 : Number(cursor);
      const slice = skus.slice(at, at + 2);
      return { chunk: JSON.stringify(slice.map((s) => line(s, stock[s]!))), cursor: at + 2 < skus.length ? String(at + 2) : null, items: slice.length };
    },
    assemble: (chunks) => chunks.flatMap((c) => JSON.parse(c) as StockLine[]),
  };
  const adapter = { stockPages: () => pages, getStock: () => [] } as unknown as ThreePlAdapter;
  return { adapter, calls };
}

const clock: ClockPort = { now: () => Date.parse('2026-12-01T01:00:00Z'), sleep: () => undefined };
const deadline: Deadline = { remainingMs: () => 200_000 };

describe('the 3PL read kept while the Inventory tab fills', () => {
  it('gives back every kept line, and nothing once a part is missing', () => {
    const store = memoryStore();
    const staging = memoryStaging();
    const lines = Array.from({ length: 1_200 }, (_, i) => line(`S${i}`, i % 5));
    keepStock(staging, store, lines, 42);
    expect(keptStock(staging, store)).toEqual({ lines, startedAt: 42 });
    // A person emptied part of the hidden tab: never a partial catalogue (its SKUs would read as 0).
    staging.data.set('3pl-stock-kept', staging.data.get('3pl-stock-kept')!.slice(0, 1));
    expect(keptStock(staging, store)).toBeNull();
    expect(hasKeptStock(store)).toBe(false);
  });

  it('is used only when the caller pushes nothing, and the 3PL is not called then', () => {
    const store = memoryStore();
    const staging = memoryStaging();
    const { adapter, calls } = pagedAdapter({ A: 1, B: 2, C: 3 });
    const ports = { store, staging, clock, deadline };
    const first = readThreePlStockInRuns(adapter, ports, 30 * 60_000, () => '');
    if ('waiting' in first) throw new Error(first.waiting);
    expect(first.kept).toBe(false);
    expect(calls.n).toBe(2);
    keepStock(staging, store, first.lines!, first.walkStartedAt);
    // The stock moved at the 3PL since: a run that pushes must see that.
    const { adapter: moved, calls: movedCalls } = pagedAdapter({ A: 0, B: 2, C: 3 });
    const reused = readThreePlStockInRuns(moved, ports, 30 * 60_000, () => '', true);
    if ('waiting' in reused) throw new Error(reused.waiting);
    expect(reused.kept).toBe(true);
    expect(movedCalls.n).toBe(0);
    expect(reused.records.find((r) => r.sku === 'A')?.fulfillable).toBe(1);
    const fresh = readThreePlStockInRuns(moved, ports, 30 * 60_000, () => '');
    if ('waiting' in fresh) throw new Error(fresh.waiting);
    expect(fresh.kept).toBe(false);
    expect(fresh.records.find((r) => r.sku === 'A')?.fulfillable).toBe(0);
    forgetKeptStock(staging, store);
    expect(staging.data.has('3pl-stock-kept')).toBe(false);
  });
});
