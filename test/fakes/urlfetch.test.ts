// UrlFetchApp fake against https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app,
// https://developers.google.com/apps-script/reference/url-fetch/http-response,
// https://developers.google.com/apps-script/manifest/allowlist-url and the quotas page.

import { describe, expect, it } from 'vitest';
import { NO_COST } from '../world/cost-model';
import type { SimRequest, SimResponse } from '../world/http';
import { makeUtilities } from '../world/gas/utilities';
import { makeUrlFetchApp, urlAllowed, type UrlFetchState } from '../world/gas/urlfetch';
import { gasMessage, harness, type HarnessOptions } from './gas-harness';

const API = 'https://api.example.com';

function setup(answer: (req: SimRequest) => SimResponse, opts: HarnessOptions & { quota?: number } = {}) {
  const h = harness(opts);
  // These tests assert the simulator's latency exactly; UrlFetch's own modelled time is tested in cost-model.test.ts.
  h.world.cost = NO_COST;
  const seen: SimRequest[] = [];
  h.world.network.register(API, (req) => {
    seen.push(req);
    return answer(req);
  });
  const state: UrlFetchState = { dailyQuota: opts.quota ?? 20_000, windowStart: null, used: 0, requests: [] };
  return { ...h, seen, state, app: makeUrlFetchApp(h.ctx, state) };
}

describe('UrlFetchApp.fetch', () => {
  it('builds the simulator request: method, lower-cased headers, UTF-8 body and bytes; moves the clock by the latency', () => {
    const { app, seen, world } = setup(() => ({ status: 200, body: 'ok', latencyMs: 250 }));
    const t0 = world.clock.now();
    app.fetch(`${API}/v1/items`, { method: 'post', payload: '{"q":"é"}', contentType: 'application/json', headers: { 'X-Api-Key': 'k' } });
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers['x-api-key']).toBe('k');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toBe('{"q":"é"}');
    expect([...req.bodyBytes]).toEqual([...Buffer.from('{"q":"é"}', 'utf8')]);
    expect(world.clock.now() - t0).toBe(250);
    expect(world.current!.counts.fetches['api.example.com']).toBe(1);
  });

  it('defaults to GET with no Content-Type, and to application/x-www-form-urlencoded once a payload is given', () => {
    const { app, seen } = setup(() => ({ status: 200 }));
    app.fetch(`${API}/a`);
    app.fetch(`${API}/b`, { method: 'post', payload: 'a=1' });
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.headers['content-type']).toBeUndefined();
    expect(seen[1]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('sends a plain-object payload as form fields, a byte array (signed) as raw bytes, a Blob with its own type', () => {
    const { app, seen, ctx } = setup(() => ({ status: 200 }));
    app.fetch(`${API}/form`, { method: 'post', payload: { grant_type: 'refresh_token', note: 'a b&c' } });
    expect(seen[0]!.body).toBe('grant_type=refresh_token&note=a+b%26c');
    app.fetch(`${API}/bytes`, { method: 'put', payload: [-1, 0, 127, -128] });
    expect([...seen[1]!.bodyBytes]).toEqual([255, 0, 127, 128]);
    const blob = makeUtilities(ctx, { uuidCounter: 0 }).newBlob('<x/>', 'application/xml');
    app.fetch(`${API}/blob`, { method: 'post', payload: blob });
    expect(seen[2]!.headers['content-type']).toBe('application/xml');
    expect(seen[2]!.body).toBe('<x/>');
  });

  it('throws on status >= 400 with the origin only and a truncated body, unless muteHttpExceptions', () => {
    const long = 'x'.repeat(150);
    const { app } = setup(() => ({ status: 403, body: long }));
    const msg = gasMessage(() => app.fetch(`${API}/secret/path?token=abc`));
    expect(msg).toBe(`Request failed for ${API} returned code 403. Truncated server response: ${'x'.repeat(100)}... (use muteHttpExceptions option to examine full response)`);
    expect(msg).not.toContain('/secret/path');
    const res = app.fetch(`${API}/secret/path`, { muteHttpExceptions: true });
    expect(res.getResponseCode()).toBe(403);
    expect(res.getContentText()).toBe(long);
  });

  it('counts 429s, and a call to a host whose last answer was 429, 5xx or a timeout as a retry', () => {
    const answers: SimResponse[] = [{ status: 429 }, { status: 200 }, { status: 503 }, { timeout: true, latencyMs: 5 }, { status: 200 }, { status: 200 }];
    const { app, world } = setup(() => answers.shift()!);
    const call = () => {
      try { app.fetch(`${API}/x`, { muteHttpExceptions: true }); } catch { /* timeout */ }
    };
    for (let i = 0; i < 6; i++) call();
    const c = world.current!.counts;
    expect(c.http429).toBe(1);
    expect(c.retries).toBe(3); // after the 429, after the 503, after the timeout
    expect(c.fetches['api.example.com']).toBe(6);
  });

  it('a timeout costs the simulator latency (60 s when it gives none) and throws "Timeout: <url>"', () => {
    const { app, world } = setup(() => ({ timeout: true }));
    const t0 = world.clock.now();
    expect(gasMessage(() => app.fetch(`${API}/slow`, { muteHttpExceptions: true }))).toBe(`Timeout: ${API}/slow`);
    expect(world.clock.now() - t0).toBe(60_000);
  });

  it('a host with no simulator fails like an unknown host', () => {
    const { app } = setup(() => ({ status: 200 }));
    expect(gasMessage(() => app.fetch('https://nowhere.example.org/a'))).toBe('DNS error: https://nowhere.example.org/a');
  });

  it('refuses URLs outside the manifest allowlist with the platform text', () => {
    const { app } = setup(() => ({ status: 200 }), { manifest: { urlFetchWhitelist: [`${API}/v1/`] } });
    expect(app.fetch(`${API}/v1/items?x=1`).getResponseCode()).toBe(200);
    expect(gasMessage(() => app.fetch(`${API}/v2/items`))).toBe(
      `Request to ${API}/v2/items failed because the URL has not been whitelisted in the script manifest.`,
    );
  });

  it('refuses URLs longer than 2,082 characters', () => {
    const { app, seen } = setup(() => ({ status: 200 }));
    const url = `${API}/${'a'.repeat(2082 - API.length)}`;
    expect(url.length).toBe(2083);
    expect(gasMessage(() => app.fetch(url))).toBe('Limit Exceeded: URLFetch URL Length.');
    expect(seen).toHaveLength(0);
    app.fetch(url.slice(0, 2082));
    expect(seen).toHaveLength(1);
  });

  it('enforces the daily quota over the 24 hours after the first call', () => {
    const { app, world } = setup(() => ({ status: 200 }), { quota: 2 });
    app.fetch(`${API}/1`);
    world.clock.advance(60_000);
    app.fetch(`${API}/2`);
    expect(gasMessage(() => app.fetch(`${API}/3`))).toBe('Service invoked too many times for one day: urlfetch.');
    world.end('ok');
    world.clock.advance(24 * 3_600_000 - 61_000);
    world.begin('later', 'time-trigger');
    expect(gasMessage(() => app.fetch(`${API}/4`))).toBe('Service invoked too many times for one day: urlfetch.');
    world.clock.advance(1_000); // 24 h after the first call
    expect(app.fetch(`${API}/5`).getResponseCode()).toBe(200);
  });

  it('needs AuthMode.FULL and, with explicit oauthScopes, the external_request scope', () => {
    const required = 'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request';
    const limited = setup(() => ({ status: 200 }), { authMode: 'LIMITED' });
    expect(gasMessage(() => limited.app.fetch(`${API}/x`))).toBe(required);
    const noScope = setup(() => ({ status: 200 }), { manifest: { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] } });
    expect(gasMessage(() => noScope.app.fetch(`${API}/x`))).toBe(required);
  });

  it('escapes characters not allowed in a URL unless escaping is false', () => {
    const { app, seen } = setup(() => ({ status: 200 }));
    app.fetch(`${API}/search?q=a b|c`);
    expect(seen[0]!.url).toBe(`${API}/search?q=a%20b%7Cc`);
    app.fetch(`${API}/raw?q=a|b`, { escaping: false });
    expect(seen[1]!.url).toBe(`${API}/raw?q=a|b`);
  });

  it('follows redirects by default and returns the 3xx itself when followRedirects is false', () => {
    const { app, seen } = setup((req) => (req.url.endsWith('/old')
      ? { status: 302, headers: { Location: `${API}/new` } }
      : { status: 200, body: 'new' }));
    expect(app.fetch(`${API}/old`).getContentText()).toBe('new');
    expect(seen.map((r) => r.url)).toEqual([`${API}/old`, `${API}/new`]);
    const res = app.fetch(`${API}/old`, { followRedirects: false });
    expect(res.getResponseCode()).toBe(302);
  });
});

describe('HTTPResponse', () => {
  it('keeps the server header case, gives signed bytes, a Blob, and text in a charset', () => {
    const body = new Uint8Array([0xc3, 0xa9, 0xff]);
    const { app } = setup(() => ({ status: 200, headers: { 'Content-Type': 'application/octet-stream', 'X-Amzn-RateLimit-Limit': '2.0' }, body }));
    const res = app.fetch(`${API}/bin`);
    expect(res.getHeaders()).toEqual({ 'Content-Type': 'application/octet-stream', 'X-Amzn-RateLimit-Limit': '2.0' });
    expect(res.getContent()).toEqual([-61, -87, -1]);
    expect(res.getBlob().getContentType()).toBe('application/octet-stream');
    expect(res.getContentText('ISO-8859-1')).toBe('Ã©ÿ');
  });
});

describe('guard', () => {
  it('every response method checks the execution is still alive', () => {
    const { app, world } = setup(() => ({ status: 200, body: 'x' }));
    const res = app.fetch(`${API}/a`);
    world.maxExecutionMs = 0;
    world.clock.advance(1);
    expect(() => res.getContentText()).toThrow('Exceeded maximum execution time');
    expect(() => res.getBlob()).toThrow('Exceeded maximum execution time');
  });
});

describe('UrlFetchApp.fetchAll', () => {
  it('returns responses in request order and costs the slowest request, not the sum', () => {
    const { app, world } = setup((req) => ({ status: 200, body: req.url.slice(-1), latencyMs: req.url.endsWith('a') ? 300 : 100 }));
    const t0 = world.clock.now();
    const res = app.fetchAll([`${API}/a`, { url: `${API}/b`, method: 'get' }]);
    expect(res.map((r) => r.getContentText())).toEqual(['a', 'b']);
    expect(world.clock.now() - t0).toBe(300);
  });
});

describe('allowlist prefix rules (https://developers.google.com/apps-script/manifest/allowlist-url)', () => {
  it('matches the prefix itself and its children, case-sensitively on the path, with one leading wildcard', () => {
    const p = ['https://example.com/foo', 'https://*.example.net/api/'];
    for (const ok of ['https://example.com/foo', 'https://example.com/foo/', 'https://example.com/foo/bar', 'https://example.com/foo?bar', 'https://example.com/foo#bar', 'https://a.b.example.net/api/x']) {
      expect(urlAllowed(ok, p)).toBe(true);
    }
    for (const no of ['https://example.com/foobar', 'https://example.com/Foo', 'http://example.com/foo', 'https://example.net/api/x', 'https://sub.example.net/bar']) {
      expect(urlAllowed(no, p)).toBe(false);
    }
  });
});
