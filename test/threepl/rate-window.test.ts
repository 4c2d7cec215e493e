// Pacing by ShipBob's 150 requests/minute sliding window, shared across executions via the store,
// and the simulator's 429 with x-retry-after.
import { describe, expect, it } from 'vitest';
import { DeadlineExceeded } from '../../src/ports/clock';
import { RateWindow } from '../../src/threepl/shipbob/rate-window';
import { AdapterError } from '../../src/threepl/types';
import { memoryStore, nodeHttp } from '../world/node-ports';
import { rig } from './harness';

describe('RateWindow', () => {
  it('lets 150 through in a minute and makes the 151st wait until the oldest leaves', () => {
    const w = new RateWindow(memoryStore(), { limit: 150, windowMs: 60_000, key: 'w' });
    for (let i = 0; i < 150; i++) {
      expect(w.waitMs(1000 + i * 100)).toBe(0);
      w.record(1000 + i * 100);
    }
    const now = 1000 + 150 * 100;
    expect(w.waitMs(now)).toBe(1000 + 60_000 - now + 1);
    expect(w.waitMs(61_001)).toBe(0);
  });

  it('survives in the store for the next execution, and respects a block from x-retry-after', () => {
    const store = memoryStore();
    const a = new RateWindow(store, { limit: 2, windowMs: 60_000, key: 'w' });
    a.record(0);
    // Saved at most 15 s apart (or every 25 requests), not on every call.
    a.record(16_000);
    const b = new RateWindow(store, { limit: 2, windowMs: 60_000, key: 'w' });
    expect(b.waitMs(20_000)).toBe(40_001);
    b.block(100_000, 70_000);
    const c = new RateWindow(store, { limit: 2, windowMs: 60_000, key: 'w' });
    expect(c.waitMs(70_000)).toBe(30_000);
  });

  it('writes the store once per 25 requests, not once per request', () => {
    const store = memoryStore();
    let writes = 0;
    const counting = { ...store, set: (k: string, v: string) => (writes++, store.set(k, v)) };
    const w = new RateWindow(counting, { limit: 150, windowMs: 60_000, key: 'w' });
    for (let i = 0; i < 100; i++) {
      w.waitMs(i * 10);
      w.record(i * 10);
    }
    expect(writes).toBe(4);
  });
});

describe('adapter pacing against the simulator', () => {
  it('makes 200 calls without a single 429 and spreads them over more than a minute', () => {
    const r = rig();
    const t0 = r.clock.now();
    for (let i = 0; i < 200; i++) r.adapter.listWarehouses();
    expect(r.sim.snapshot().rateLimited).toBe(0);
    expect(r.clock.now() - t0).toBeGreaterThan(60_000);
  });

  it('a second execution continues the same window instead of starting fresh', () => {
    const r = rig();
    for (let i = 0; i < 150; i++) r.adapter.listWarehouses();
    const t1 = r.clock.now();
    r.newAdapter().listWarehouses();
    expect(r.sim.snapshot().rateLimited).toBe(0);
    expect(r.clock.now() - t1).toBeGreaterThan(20_000);
  });

  it('stops with DeadlineExceeded (a time cut, not a failure) rather than overrun the execution deadline', () => {
    const r = rig({ budgetMs: 60_000 });
    for (let i = 0; i < 150; i++) r.adapter.listWarehouses();
    const sent = r.calls.length;
    try {
      r.adapter.listWarehouses();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DeadlineExceeded);
      expect(e).not.toBeInstanceOf(AdapterError);
      const d = e as DeadlineExceeded;
      expect(d.systemName).toBe('ShipBob');
      expect(d.operation).toBe('get-locations');
      expect(d.neededMs).toBeGreaterThan(d.remainingMs);
      expect(d.message).toMatch(/^Stopped before ShipBob get-locations: needs \d+s, \d+s of the run's time left$/);
    }
    expect(r.calls.length).toBe(sent);
    expect(r.sim.snapshot().rateLimited).toBe(0);
  });

  it('honours x-retry-after when another client of the same token used up the window', () => {
    const r = rig();
    const raw = nodeHttp(r.network, r.clock);
    const headers = { Authorization: 'Bearer pat-test-token-0123456789' };
    for (let i = 0; i < 150; i++) raw.fetch({ url: 'https://api.shipbob.com/2026-01/location', method: 'get', headers });
    const t0 = r.clock.now();
    expect(r.adapter.listWarehouses().length).toBe(2);
    expect(r.sim.snapshot().rateLimited).toBe(1);
    expect(r.clock.now() - t0).toBeGreaterThan(20_000);
    expect(r.log.lines.some((l) => /429, retry after \d+s/.test(l))).toBe(true);
  });
});

describe('simulator rate limit', () => {
  it('answers the 151st call in a minute with 429, x-retry-after and ShipBob’s body', () => {
    const r = rig();
    const raw = nodeHttp(r.network, r.clock);
    const headers = { Authorization: 'Bearer another-token' };
    let last = raw.fetch({ url: 'https://api.shipbob.com/2026-01/location', method: 'get', headers });
    expect(last.headers['x-remaining-calls']).toBe('149');
    for (let i = 0; i < 150; i++) last = raw.fetch({ url: 'https://api.shipbob.com/2026-01/location', method: 'get', headers });
    expect(last.status).toBe(429);
    const after = Number(last.headers['x-retry-after']);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(60);
    expect(JSON.parse(last.text)).toEqual({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${after} seconds.` });
    r.clock.advance(after * 1000);
    expect(raw.fetch({ url: 'https://api.shipbob.com/2026-01/location', method: 'get', headers }).status).toBe(200);
  });

  it('rejects a missing token with 401', () => {
    const r = rig();
    const res = nodeHttp(r.network, r.clock).fetch({ url: 'https://api.shipbob.com/2026-01/location', method: 'get' });
    expect(res.status).toBe(401);
  });
});
