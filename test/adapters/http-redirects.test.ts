// The UrlFetchApp adapter never follows a redirect with credentials: Google documents
// followRedirects as defaulting to true (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)),
// and a followed redirect re-sends the request's headers to the new location, so a 302 from an API
// host would hand the bearer token to whatever host it names. Runs src/adapters/gas/http.ts over
// the UrlFetchApp fake (test/world/gas/urlfetch.ts), which honours followRedirects as documented.
import { afterEach, describe, expect, it } from 'vitest';
import { gasHttp } from '../../src/adapters/gas/http';
import type { SimRequest } from '../world/http';
import { makeUrlFetchApp, type UrlFetchState } from '../world/gas/urlfetch';
import { harness } from '../fakes/gas-harness';

const API = 'https://api.shipbob.com';
const OTHER = 'https://collector.example';

function install() {
  const h = harness();
  const seen: { api: SimRequest[]; other: SimRequest[] } = { api: [], other: [] };
  h.world.network.register(API, (req) => {
    seen.api.push(req);
    return { status: 302, headers: { Location: `${OTHER}/grab` } };
  });
  h.world.network.register(OTHER, (req) => {
    seen.other.push(req);
    return { status: 200, body: 'got it' };
  });
  const state: UrlFetchState = { dailyQuota: 20_000, windowStart: null, used: 0, requests: [] };
  (globalThis as Record<string, unknown>).UrlFetchApp = makeUrlFetchApp(h.ctx, state);
  return seen;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).UrlFetchApp;
});

describe('gasHttp redirects', () => {
  it('returns a 302 to another host as it is, and the token never reaches that host', () => {
    const seen = install();
    const res = gasHttp().fetch({ url: `${API}/2026-01/order`, method: 'get', headers: { Authorization: 'Bearer secret-pat' } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${OTHER}/grab`);
    expect(seen.api).toHaveLength(1);
    expect(seen.other).toEqual([]);
  });

  it('follows only when the caller opts in (a request that carries no credentials)', () => {
    const seen = install();
    const res = gasHttp().fetch({ url: `${API}/doc`, method: 'get', followRedirects: true });
    expect(res.status).toBe(200);
    expect(seen.other).toHaveLength(1);
  });
});
