// When the 3PL stock walk stages its pages on Sync Staging: a walk that ends within the run writes
// nothing, however long it took (a quiet run of a large catalogue); one the run's time cuts stages
// every page it read, once, and the next run carries on from there.

import { describe, expect, it } from 'vitest';
import { WALK_STOP_MS, walkStock } from '../../src/jobs/reads/threepl-stock-walk';
import type { StagingTab } from '../../src/sheet/staging-tab';
import type { StockPages } from '../../src/threepl/types';

const RUN_MS = 360_000;

/** A catalogue of `count` pages, each taking `pageMs` of the run's clock to read. */
function world(count: number, pageMs: number) {
  let now = 1_800_000_000_000;
  const end = now + RUN_MS;
  const data = new Map<string, string>();
  const staged: string[][] = [];
  const store = { get: (k: string) => data.get(k) ?? null, set: (k: string, v: string) => void data.set(k, v), delete: (k: string) => void data.delete(k) };
  const parts = new Map<string, string[]>();
  const staging: StagingTab = {
    parts: (source, n) => (parts.get(source) ?? []).slice(0, n),
    put(source, first, chunks) {
      staged.push([...chunks]);
      parts.set(source, [...(parts.get(source) ?? []).slice(0, first), ...chunks]);
    },
    clear: (source) => void parts.delete(source),
  };
  const pages: StockPages = {
    next(cursor) {
      now += pageMs;
      const i = cursor === null ? 0 : Number(cursor);
      return { chunk: `page-${i}`, cursor: i + 1 < count ? String(i + 1) : null, items: 1 };
    },
    assemble: (chunks) => chunks.map((c) => ({ sku: c, warehouseId: 'W', onHand: 1, committed: 0, available: 1 }) as never),
  };
  const ports = { store: store as never, staging, clock: { now: () => now, sleep: (ms: number) => void (now += ms) }, deadline: { remainingMs: () => end - now } };
  return { pages, ports, staged, data };
}

describe('3PL stock walk staging', () => {
  it('stages nothing when the whole catalogue is read with time to spare, however long the walk', () => {
    // 200 s of pages: longer than the two minutes that used to trigger a checkpoint.
    const w = world(400, 500);
    const got = walkStock(w.pages, w.ports, 3_600_000, () => 'orders');
    expect(got.done).toBe(true);
    expect(w.staged).toEqual([]);
    expect(w.data.size).toBe(0);
  });

  it('stages every page read, once, when the run stops it, and the next run carries on from there', () => {
    const w = world(1000, 500);
    const got = walkStock(w.pages, w.ports, 3_600_000, () => 'orders');
    expect(got.done).toBe(false);
    const pageParts = w.staged.filter((chunks) => chunks.every((c) => c.startsWith('page-')));
    // Pages are read while WALK_STOP_MS of the run is left, then staged in one write.
    const read = (RUN_MS - WALK_STOP_MS) / 500 + 1;
    expect(pageParts).toEqual([Array.from({ length: read }, (_, i) => `page-${i}`)]);
    const next = world(1000, 500);
    for (const [k, v] of w.data) next.data.set(k, v);
    const parts = new Map<string, string[]>([['3pl-stock', pageParts[0]!], ['3pl-stock-orders', ['orders']]]);
    next.ports.staging.parts = (source, n) => (parts.get(source) ?? []).slice(0, n);
    const rest = walkStock(next.pages, next.ports, 3_600_000, () => 'orders');
    expect(rest.done).toBe(true);
    expect(rest.done && rest.pages).toBe(1000);
    expect(rest.done && rest.lines.map((l) => l.sku)).toEqual(Array.from({ length: 1000 }, (_, i) => `page-${i}`));
  });
});
