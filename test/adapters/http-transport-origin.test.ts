// A request that gets no answer: UrlFetchApp's text quotes the whole URL (test/world/gas/urlfetch.ts,
// "Timeout: <url>"), and the Sync Log should name only the system's origin, not the path and query
// (order references, page tokens) that mean nothing to the people reading it.
import { afterEach, describe, expect, it } from 'vitest';
import { gasHttp } from '../../src/adapters/gas/http';
import { HttpTransportError } from '../../src/ports/http';
import { makeUrlFetchApp, type UrlFetchState } from '../world/gas/urlfetch';
import { harness } from '../fakes/gas-harness';

const API = 'https://api.shipbob.com';

afterEach(() => {
  delete (globalThis as Record<string, unknown>).UrlFetchApp;
});

describe('gasHttp transport errors', () => {
  it('names the origin of a request that timed out, without its path or query', () => {
    const h = harness();
    h.world.network.register(API, () => ({ timeout: true }));
    const state: UrlFetchState = { dailyQuota: 20_000, windowStart: null, used: 0, requests: [] };
    (globalThis as Record<string, unknown>).UrlFetchApp = makeUrlFetchApp(h.ctx, state);
    let caught: unknown;
    try {
      gasHttp().fetch({ url: `${API}/2026-01/order?ReferenceIds=202-1234567-1234567&Cursor=abc`, method: 'get' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HttpTransportError);
    const message = (caught as Error).message;
    expect(message).toContain(API);
    expect(message).not.toMatch(/2026-01|ReferenceIds|Cursor/);
  });
});
