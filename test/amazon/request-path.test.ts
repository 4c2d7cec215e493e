// The client's request path against the simulator: LWA token caching and renewal, pacing by
// token buckets (persisted across executions), retries with back-off on faults, error mapping,
// deadlines, and secrets kept out of logs and errors.

import { describe, expect, it } from 'vitest';
import { SpApiAuthError, SpApiError, SpApiTransportError } from '../../src/amazon/errors';
import { DeadlineExceeded } from '../../src/ports/clock';
import { CREDENTIALS, makeHarness, ukSeed } from './harness';

const lwaCalls = (h: ReturnType<typeof makeHarness>) => h.calls.filter((c) => c.url.startsWith('https://api.amazon.com')).length;

describe('Login with Amazon', () => {
  it('exchanges once, caches the token, and renews it before the hour is up', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    c.getListingsItem('TEE-M');
    c.getListingsItem('TEE-M');
    expect(lwaCalls(h)).toBe(1);
    const form = new URLSearchParams(h.calls[0]!.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe(CREDENTIALS.refreshToken);
    // A second execution (new client, same cache) reuses the token.
    h.client().getListingsItem('TEE-M');
    expect(lwaCalls(h)).toBe(1);
    h.clock.advance(56 * 60_000); // less than 5 minutes of the hour left
    h.client().getListingsItem('TEE-M');
    expect(lwaCalls(h)).toBe(2);
    expect(h.served().every((s) => s.status === 200)).toBe(true);
  });

  it('renews once and repeats the call when Amazon says the token has expired', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'getListingsItem', kind: 'auth_expired' }]);
    expect(h.client().getFbmQuantity('TEE-M')).toBe(5);
    expect(lwaCalls(h)).toBe(2);
    expect(h.served('getListingsItem').map((s) => s.status)).toEqual([403, 200]);
  });

  it('gives up after one renewal when access stays denied', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'getListingsItem', kind: 'auth_expired', times: 5 }]);
    const e = captured(() => h.client().getListingsItem('TEE-M'));
    expect(e).toBeInstanceOf(SpApiError);
    expect((e as SpApiError).status).toBe(403);
    expect(h.served('getListingsItem')).toHaveLength(2);
  });

  it('reports a refused refresh token as SpApiAuthError without leaking secrets', () => {
    const h = makeHarness(ukSeed, [{ system: 'lwa', operation: 'token', kind: 'auth_expired' }]);
    const e = captured(() => h.client().getListingsItem('TEE-M'));
    expect(e).toBeInstanceOf(SpApiAuthError);
    expect((e as SpApiAuthError).lwaError).toBe('invalid_grant');
    expectNoSecrets(String((e as Error).message), h.log.lines.join('\n'));
  });

  it('retries LWA server errors and timeouts', () => {
    const h = makeHarness(ukSeed, [
      { system: 'lwa', operation: '*', kind: '503' },
      { system: 'lwa', operation: '*', kind: 'timeout', after: 1 },
    ]);
    expect(h.client().getFbmQuantity('TEE-M')).toBe(5);
    expect(lwaCalls(h)).toBe(3);
  });
});

describe('pacing', () => {
  it('spends the burst, then waits the documented interval instead of drawing 429s', () => {
    const skus = Array.from({ length: 300 }, (_, i) => `FBA-${i}`);
    const h = makeHarness({ listings: skus.map((sku, i) => ({ sku, channel: 'FBA' as const, asin: `B0${i}` })) });
    const c = h.client();
    const t0 = h.clock.now();
    const got = c.getInventoryForSkus(skus); // 6 calls of 50 at 2 rps, burst 2
    expect(got).toHaveLength(300);
    expect(h.served('getInventorySummaries').map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // 4 calls beyond the burst at 0.5 s each (minus latency already spent).
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(1500);
  });

  it('keeps slow buckets across executions in the store', () => {
    const h = makeHarness(ukSeed);
    const first = h.client();
    for (let i = 0; i < 15; i++) first.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' });
    expect(h.store.get('amazon.bucket.createReport')).not.toBeNull();
    // A new execution must wait for a token (1 per ~60 s) rather than hit Amazon's empty bucket.
    const t0 = h.clock.now();
    h.client().createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' });
    expect(h.clock.now() - t0).toBeGreaterThan(50_000);
    expect(h.served('createReport').every((s) => s.status === 202)).toBe(true);
  });

  it('paces by x-amzn-RateLimit-Limit when Amazon grants a different rate', () => {
    const h = makeHarness({ ...ukSeed, behaviour: { rateLimits: { getListingsItem: { rate: 1, burst: 10 } } } });
    const c = h.client();
    for (let i = 0; i < 20; i++) c.getListingsItem('TEE-M');
    const statuses = h.served('getListingsItem').map((s) => s.status);
    expect(statuses.filter((s) => s === 429).length).toBeLessThanOrEqual(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
  });

  it('stops with DeadlineExceeded when the next token comes after the budget', () => {
    const h = makeHarness(ukSeed);
    const c = h.client({ budgetMs: 60_000 });
    for (let i = 0; i < 20; i++) c.searchOrders({ lastUpdatedAfter: '2026-10-01T00:00:00Z' });
    const e = captured(() => c.searchOrders({ lastUpdatedAfter: '2026-10-01T00:00:00Z' }));
    expect(e).toBeInstanceOf(DeadlineExceeded);
    expect((e as DeadlineExceeded).operation).toBe('searchOrders');
    expect(h.served('searchOrders')).toHaveLength(20);
  });
});

describe('retries and error mapping', () => {
  it('backs off through a 429 storm, 500, 503 and a timeout, then succeeds', () => {
    const h = makeHarness(ukSeed, [
      { system: 'amazon', operation: 'getOrder', kind: '429', times: 2 },
      { system: 'amazon', operation: 'getOrder', kind: '500', after: 2 },
    ]);
    const c = h.client();
    const t0 = h.clock.now();
    expect(c.getOrder('202-1234567-1234567').orderId).toBe('202-1234567-1234567');
    expect(h.served('getOrder').map((s) => s.status)).toEqual([429, 429, 500, 200]);
    expect(c.stats.retries).toBe(3);
    expect(c.stats.throttled).toBe(2);
    expect(h.clock.now() - t0).toBeGreaterThan(2000); // waited at least 1/rate (2 s) after the first 429
    expect(h.log.lines.filter((l) => l.startsWith('WARN')).length).toBe(3);
  });

  it('retries 503 and timeouts on reads', () => {
    const h = makeHarness(ukSeed, [
      { system: 'amazon', operation: 'getListingsItem', kind: '503' },
      { system: 'amazon', operation: 'getListingsItem', kind: 'timeout', after: 1 },
      { system: 'amazon', operation: 'getListingsItem', kind: 'malformed', after: 2 },
    ]);
    expect(h.client().getFbmQuantity('TEE-M')).toBe(5);
    expect(h.served('getListingsItem').map((s) => s.status)).toEqual([503, 'timeout', 200, 200]);
  });

  it('gives up after five attempts with the last error', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'getOrder', kind: '503', times: 10 }]);
    const e = captured(() => h.client().getOrder('202-1234567-1234567'));
    expect(e).toBeInstanceOf(SpApiError);
    expect((e as SpApiError).status).toBe(503);
    expect(h.served('getOrder')).toHaveLength(5);
  });

  it("turns Amazon's error body into SpApiError with code and request id", () => {
    const h = makeHarness(ukSeed);
    const e = captured(() => h.client().getListingsItem('NO-SUCH-SKU'));
    expect(e).toBeInstanceOf(SpApiError);
    const err = e as SpApiError;
    expect(err.status).toBe(404);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.requestId).toMatch(/\w{8}-/);
    expect(err.message).toContain(err.requestId!);
    expect(h.served('getListingsItem')).toHaveLength(1); // 404 is not retried
  });

  it('does not repeat createFeed after a lost response, and says the write may have happened', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'createFeed', kind: 'lost_response' }]);
    const e = captured(() => h.client().submitQuantityFeed([{ sku: 'TEE-M', quantity: 3 }]));
    expect(e).toBeInstanceOf(SpApiTransportError);
    expect((e as SpApiTransportError).mayHaveApplied).toBe(true);
    expect(h.sim.snapshot().feeds).toHaveLength(1);
    expect(h.served('createFeed')).toHaveLength(1);
  });

  it('a deadline cuts a retry loop short', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'getOrder', kind: '429', times: 10 }]);
    const e = captured(() => h.client({ budgetMs: 10_000 }).getOrder('202-1234567-1234567'));
    expect(e).toBeInstanceOf(DeadlineExceeded);
  });

  it('tries an unanswered call again only when a whole fetch timeout still fits in the budget', () => {
    // Each unanswered call costs the simulator's timeoutAfter (60 s), as UrlFetchApp's own timeout does.
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'getOrder', kind: 'timeout', times: 10 }]);
    const start = h.clock.now();
    const e = captured(() => h.client({ budgetMs: 100_000 }).getOrder('202-1234567-1234567'));
    // Amazon did not answer (as after the last of five attempts), said at once rather than tried again.
    expect(e).toBeInstanceOf(SpApiTransportError);
    expect((e as Error).message).toMatch(/getOrder: no response after 1 attempt$/);
    // One attempt: a second would have run 20 s past the run's budget, and a third past that.
    expect(h.served('getOrder')).toHaveLength(1);
    expect(h.clock.now() - start).toBeLessThanOrEqual(100_000);
  });

  it('tries an unanswered Login with Amazon exchange again only when a whole fetch timeout still fits', () => {
    const h = makeHarness(ukSeed, [{ system: 'lwa', operation: '*', kind: 'timeout', times: 10 }]);
    const start = h.clock.now();
    const e = captured(() => h.client({ budgetMs: 100_000 }).getListingsItem('TEE-M'));
    expect(e).toBeInstanceOf(SpApiTransportError);
    expect((e as Error).message).toMatch(/gave up after 1 attempt \(timeout\)/);
    expect(lwaCalls(h)).toBe(1);
    expect(h.clock.now() - start).toBeLessThanOrEqual(100_000);
  });

  it('never writes secrets or tokens to the log', () => {
    const h = makeHarness(ukSeed, [
      { system: 'amazon', operation: '*', kind: '500', times: 2 },
      { system: 'amazon', operation: 'getListingsItem', kind: 'auth_expired', after: 0 },
    ]);
    h.client().getListingsItem('TEE-M');
    const token = h.calls.find((c) => c.headers['x-amz-access-token'])!.headers['x-amz-access-token']!;
    expectNoSecrets(h.log.lines.join('\n'), token);
    expect(h.log.lines.join('\n')).not.toContain(token);
  });
});

function captured(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function expectNoSecrets(...texts: string[]): void {
  for (const t of texts) for (const s of Object.values(CREDENTIALS)) expect(t).not.toContain(s);
}
