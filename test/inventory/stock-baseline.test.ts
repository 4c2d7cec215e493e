// The last full 3PL read, used again while the 3PL says nothing moved since
// (src/jobs/reads/threepl-stock-baseline.ts): never for another account, never past six hours,
// never after a hand edit of the hidden tab, never when the question fails.

import { describe, expect, it } from 'vitest';
import { FULL_READ_EVERY_MS, MOVES_OVERLAP_MS } from '../../src/jobs/reads/threepl-stock-baseline';
import { readThreePlStockInRuns } from '../../src/jobs/reads/threepl-stock';
import { DeadlineExceeded, type Deadline } from '../../src/ports/clock';
import { AdapterError, type StockLine, type StockPages, type ThreePlAdapter } from '../../src/threepl/types';
import { memoryStaging, memoryStore } from '../world/node-ports';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const HOUR = 3600_000;

const line = (sku: string, available: number, warehouseId = '10', extra: Partial<StockLine> = {}): StockLine => ({
  sku, warehouseId, onHand: available + 1, allocated: 1, available, onHold: 0, inbound: 2, inTransit: 0, unknown: false, asOf: '', ...extra,
});

/** A paged 3PL whose stock the test sets (a line a page), that answers "what moved?" as the test says. */
function threePl(stock: StockLine[], account = 'shipbob:abc') {
  const calls = { pages: 0, asked: [] as Array<{ since: string; warehouses: readonly string[] }> };
  const state = { stock, moved: null as string | null | Error };
  const pages: StockPages = {
    next(cursor) {
      calls.pages++;
      const at = cursor === null ? 0 : Number(cursor);
      const slice = state.stock.slice(at, at + 1);
      return { chunk: JSON.stringify(slice), cursor: at + 1 < state.stock.length ? String(at + 1) : null, items: slice.length };
    },
    assemble: (chunks) => chunks.flatMap((c) => JSON.parse(c) as StockLine[]),
  };
  const adapter = {
    stockPages: () => pages,
    getStock: () => state.stock,
    stockMoves: {
      account,
      since(sinceIso: string, warehouses: readonly string[]) {
        calls.asked.push({ since: sinceIso, warehouses });
        if (state.moved instanceof Error) throw state.moved;
        return state.moved;
      },
    },
  } as unknown as ThreePlAdapter;
  return { adapter, calls, state };
}

function world() {
  let now = T0;
  const clock = { now: () => now, sleep: () => undefined };
  const deadline: Deadline = { remainingMs: () => 200_000 };
  const ports = { store: memoryStore(), staging: memoryStaging(), clock, deadline };
  const read = (adapter: ThreePlAdapter) => {
    const r = readThreePlStockInRuns(adapter, ports, 90 * 60_000, () => '');
    if ('waiting' in r) throw new Error(r.waiting);
    return r;
  };
  const fulfillable = (r: ReturnType<typeof read>) => Object.fromEntries(r.records.map((x) => [`${x.sku}@${x.locationId}`, x.fulfillable]));
  return { ports, read, fulfillable, advance: (ms: number) => (now += ms) };
}

/** Eight pages (and one call to assemble them) at two centres: well over the question's four calls. */
const STOCK = [line('A', 5), line('B', 3), line('B', 4, '11'), line('C', 0), line('D', 1), line('E', 2), line('F', 3), line('G', 4)];
const FULL = STOCK.length;
const moved = (a: number, ...rest: StockLine[]) => [line('A', a), ...STOCK.slice(1), ...rest];

describe('the last full 3PL read, used again while nothing moved', () => {
  it('is used when the 3PL reports nothing since: no page read, the same figures, good as of this run', () => {
    const w = world();
    const t = threePl(STOCK);
    const first = w.read(t.adapter);
    expect(t.calls.pages).toBe(FULL);
    expect(first.unchangedSince).toBeUndefined();
    w.advance(HOUR);
    const second = w.read(t.adapter);
    expect(t.calls.pages).toBe(FULL);
    expect(w.fulfillable(second)).toEqual(w.fulfillable(first));
    expect(second.records).toEqual(first.records);
    expect(second.unchangedSince).toBe(T0);
    // The data's age is this run's: the guardrail on stale stock judges when it was last known true.
    expect(second.snapshotAt).toBe(T0 + HOUR);
    // Asked about every fulfilment centre the read holds, from a little before the read began.
    expect(t.calls.asked).toEqual([{ since: new Date(T0 - MOVES_OVERLAP_MS).toISOString(), warehouses: ['10', '11'] }]);
    // The next question starts from the last time nothing had moved, not from the full read.
    w.advance(HOUR);
    w.read(t.adapter);
    expect(t.calls.asked[1]!.since).toBe(new Date(T0 + HOUR - MOVES_OVERLAP_MS).toISOString());
    expect(t.calls.pages).toBe(FULL);
  });

  it('reads everything again when something moved, and keeps the new read', () => {
    const w = world();
    const t = threePl(STOCK);
    w.read(t.adapter);
    w.advance(HOUR);
    t.state.stock = moved(1);
    t.state.moved = 'ShipBob order 7 was placed or changed';
    const second = w.read(t.adapter);
    expect(t.calls.pages).toBe(2 * FULL);
    expect(second.unchangedSince).toBeUndefined();
    expect(w.fulfillable(second)['A@10']).toBe(1);
    w.advance(HOUR);
    t.state.moved = null;
    const third = w.read(t.adapter);
    expect(t.calls.pages).toBe(2 * FULL);
    expect(w.fulfillable(third)['A@10']).toBe(1);
    expect(third.unchangedSince).toBe(T0 + HOUR);
  });

  it('reads everything at least every six hours, however quiet the 3PL says it was', () => {
    const w = world();
    const t = threePl(STOCK);
    w.read(t.adapter);
    w.advance(FULL_READ_EVERY_MS + 1);
    expect(w.read(t.adapter).unchangedSince).toBeUndefined();
    expect(t.calls.pages).toBe(2 * FULL);
    expect(t.calls.asked).toEqual([]);
  });

  it('is never used for another account or token', () => {
    const w = world();
    w.read(threePl(STOCK, 'shipbob:one').adapter);
    w.advance(HOUR);
    const other = threePl(moved(0), 'shipbob:two');
    const r = w.read(other.adapter);
    expect(other.calls.pages).toBe(FULL);
    expect(w.fulfillable(r)['A@10']).toBe(0);
  });

  it('is dropped when a person edited the hidden tab it is kept on', () => {
    const w = world();
    const t = threePl(STOCK);
    w.read(t.adapter);
    const parts = w.ports.staging.data.get('3pl-stock-baseline')!;
    w.ports.staging.data.set('3pl-stock-baseline', [parts[0]!.replace('["A","10",6,1,5', '["A","10",60,1,59')]);
    expect(w.ports.staging.data.get('3pl-stock-baseline')).not.toEqual(parts);
    w.advance(HOUR);
    const r = w.read(t.adapter);
    expect(t.calls.pages).toBe(2 * FULL);
    expect(w.fulfillable(r)['A@10']).toBe(5);
  });

  it('is not used when the question fails; a run out of time or refused stops rather than reading everything', () => {
    const w = world();
    const t = threePl(STOCK);
    w.read(t.adapter);
    w.advance(HOUR);
    t.state.moved = new AdapterError('UPSTREAM', 'ShipBob query-inventory-history returned a body that is not JSON (200)');
    expect(w.read(t.adapter).unchangedSince).toBeUndefined();
    expect(t.calls.pages).toBe(2 * FULL);
    w.advance(HOUR);
    t.state.moved = new DeadlineExceeded('query-inventory-history', 60_000, 1_000, 'ShipBob');
    expect(() => w.read(t.adapter)).toThrow(DeadlineExceeded);
    expect(t.calls.pages).toBe(2 * FULL);
    // A refused token would refuse the full read too: the run fails at once, as it says AUTH_FAILED.
    t.state.moved = new AdapterError('AUTH', 'ShipBob refused the access token (401)');
    expect(() => w.read(t.adapter)).toThrow(/refused the access token/);
    expect(t.calls.pages).toBe(2 * FULL);
  });

  it('keeps nothing for a 3PL that cannot say what moved, and no line the 3PL did not report', () => {
    const w = world();
    const t = threePl(STOCK);
    delete (t.adapter as { stockMoves?: unknown }).stockMoves;
    w.read(t.adapter);
    expect(w.ports.staging.data.has('3pl-stock-baseline')).toBe(false);
    const u = threePl([...STOCK, line('Z', 0, '*', { unknown: true })]);
    w.read(u.adapter);
    w.advance(HOUR);
    const r = w.read(u.adapter);
    expect(r.unchangedSince).toBe(T0);
    expect(r.records.map((x) => x.sku)).not.toContain('Z');
    expect(r.records).toHaveLength(STOCK.length);
    // A read holding no fulfilment centre cannot be asked about: it is read again.
    const empty = threePl(Array.from({ length: 9 }, (_, i) => line(`Q${i}`, 0, '*')), 'shipbob:empty');
    w.read(empty.adapter);
    w.advance(HOUR);
    expect(w.read(empty.adapter).unchangedSince).toBeUndefined();
  });

  it('is not kept for a catalogue read in fewer than twice the question\'s calls: the 3PL is read in full each run', () => {
    const w = world();
    // Three pages and one call to assemble them, at two centres: the question would take four.
    const t = threePl(STOCK.slice(0, 3));
    w.read(t.adapter);
    expect(w.ports.staging.data.has('3pl-stock-baseline')).toBe(false);
    w.advance(HOUR);
    expect(w.read(t.adapter).unchangedSince).toBeUndefined();
    expect(t.calls.pages).toBe(6);
    expect(t.calls.asked).toEqual([]);
  });
});
