// Fake UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app): hands
// each request to the simulator owning the URL's origin, with Apps Script's options, allowlist, URL
// length limit, daily quota, status exceptions, and per-execution counting (apps-script.md §2.2, §5).
// Time: the simulator's latency (server and network) plus UrlFetch's own work per request and per
// byte moved, from the world's cost model (../cost-model.ts).

import { fetchCost } from '../cost-model';
import type { SimRequest, SimResponse } from '../http';
import type { ExecutionState } from '../world';
import { encodeText, toBytes } from './blob';
import { MODES, SCOPES, bytesFrom, fail, requireAuth, stableHash, type Ctx } from './context';
import { FakeHttpResponse } from './http-response';
import { localised } from './messages';

export const URL_MAX_LENGTH = 2082; // fetch(url): "The URL can have up to 2,082 characters."
export const DEFAULT_DAILY_FETCH_QUOTA = 20_000; // consumer accounts (quotas page)
export const DEFAULT_TIMEOUT_MS = 60_000; // ~60 s, not configurable (Poehnelt guide, apps-script.md §2.2)
const DAY_MS = 86_400_000;
const MAX_REDIRECTS = 10;

export interface UrlFetchState {
  dailyQuota: number;
  /** Quotas "reset 24 hours after the first request" (quotas page). */
  windowStart: number | null;
  used: number;
  /** Every request a simulator received, in order. */
  requests: SimRequest[];
  /** The user's language: transport failures are reported in it (messages.ts). Default English. */
  locale?: string;
}

export interface FetchParams {
  method?: string;
  contentType?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

interface Prepared {
  url: string;
  params: FetchParams;
  request: SimRequest;
}

type Outcome =
  | { kind: 'response'; url: string; status: number; headers: Record<string, string>; body: Uint8Array; latency: number }
  | { kind: 'timeout'; url: string; latency: number }
  | { kind: 'dns'; url: string; latency: number };

/** With `escaping` (default true) characters not allowed in a URL are percent-encoded. */
export function escapeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

function originOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url;
}

function hostOf(url: string): string {
  return originOf(url).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/:\d+$/, '').toLowerCase();
}

/**
 * Allowlist prefixes (https://developers.google.com/apps-script/manifest/allowlist-url): the URL
 * equals the prefix or is a child of it ("https://example.com/foo" matches .../foo/, .../foo/bar,
 * .../foo?bar, .../foo#bar); path matching is case-sensitive; a single leading "*." matches one or
 * more subdomains but not the bare domain.
 */
export function urlAllowed(url: string, prefixes: readonly string[]): boolean {
  const split = (u: string) => {
    const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(u);
    return m ? { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), rest: m[3]! } : null;
  };
  const target = split(url);
  if (!target) return false;
  return prefixes.some((prefix) => {
    const p = split(prefix);
    if (!p || p.scheme !== target.scheme) return false;
    const hostOk = p.host.startsWith('*.')
      ? target.host.endsWith(p.host.slice(1)) && target.host.length > p.host.length - 1
      : p.host === target.host;
    if (!hostOk || !target.rest.startsWith(p.rest)) return false;
    const next = target.rest.charAt(p.rest.length);
    return next === '' || p.rest.endsWith('/') || next === '/' || next === '?' || next === '#';
  });
}

function formEncode(fields: Record<string, unknown>): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return Object.entries(fields).map(([k, v]) => `${enc(k)}=${enc(String(v))}`).join('&');
}

const isBlobLike = (v: unknown): v is { getBlob(): { raw(): Uint8Array; getContentType(): string | null; getName(): string | null } } =>
  !!v && typeof (v as { getBlob?: unknown }).getBlob === 'function';

export function makeUrlFetchApp(ctx: Ctx, state: UrlFetchState) {
  const { world, realm } = ctx;

  const payloadOf = (params: FetchParams): { bytes: Uint8Array; type: string } | null => {
    const p = params.payload;
    if (p === undefined || p === null) return null;
    const fallback = 'application/x-www-form-urlencoded';
    if (typeof p === 'string') return { bytes: encodeText(realm, p), type: fallback };
    if (isBlobLike(p)) return { bytes: p.getBlob().raw(), type: p.getBlob().getContentType() ?? fallback };
    if (Array.isArray(p) || p instanceof Uint8Array) return { bytes: bytesFrom(p as ArrayLike<number>), type: fallback };
    if (typeof p === 'object') {
      const fields = p as Record<string, unknown>;
      if (!Object.values(fields).some(isBlobLike)) return { bytes: encodeText(realm, formEncode(fields)), type: fallback };
      // "an object is sent as form fields (values may be blobs)": multipart when a blob is present.
      const boundary = `----GasFakeBoundary${stableHash(JSON.stringify(Object.keys(fields)))}`;
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries(fields)) {
        if (isBlobLike(v)) {
          const b = v.getBlob();
          parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${b.getName() ?? k}"\r\nContent-Type: ${b.getContentType() ?? 'application/octet-stream'}\r\n\r\n`));
          parts.push(Buffer.from(b.raw()), Buffer.from('\r\n'));
        } else {
          parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`));
        }
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return { bytes: new Uint8Array(Buffer.concat(parts)), type: `multipart/form-data; boundary=${boundary}` };
    }
    return { bytes: toBytes(realm, String(p)), type: fallback };
  };

  const prepare = (ex: ExecutionState, rawUrl: unknown, params: FetchParams = {}): Prepared => {
    requireAuth(ctx, ex, 'UrlFetchApp.fetch', { modes: MODES.fetch, scope: SCOPES.externalRequest });
    const url = params.escaping === false ? String(rawUrl) : escapeUrl(String(rawUrl));
    // Observed text (several projects' logs): "Limit Exceeded: URLFetch URL Length."
    if (url.length > URL_MAX_LENGTH) fail(ctx, 'Limit Exceeded: URLFetch URL Length.');
    const allow = ctx.manifest.urlFetchWhitelist;
    if (allow && !urlAllowed(url, allow)) {
      // Observed: github.com/diegomanuel/binance-to-google-sheets/issues/82, grahamearley/FirestoreGoogleAppsScript/issues/135.
      fail(ctx, `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k.toLowerCase()] = String(v);
    const payload = payloadOf(params);
    if (payload) headers['content-type'] = params.contentType ?? headers['content-type'] ?? payload.type;
    headers['user-agent'] ??= `Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd${stableHash(ctx.manifest.timeZone ?? '')})`;
    const bytes = payload?.bytes ?? new Uint8Array();
    const method = String(params.method ?? 'get').toUpperCase() as SimRequest['method'];
    return { url, params, request: { method, url, headers, body: Buffer.from(bytes).toString('utf8'), bodyBytes: bytes } };
  };

  /** "Service invoked too many times for one day: urlfetch." once the 24-hour window's quota is spent. */
  const takeQuota = () => {
    const now = world.clock.now();
    if (state.windowStart === null || now >= state.windowStart + DAY_MS) {
      state.windowStart = now;
      state.used = 0;
    }
    if (state.used >= state.dailyQuota) fail(ctx, 'Service invoked too many times for one day: urlfetch.');
    state.used++;
  };

  /** Sends a request (following redirects unless told not to) without moving the clock. */
  const dispatch = (prep: Prepared): Outcome => {
    let request = prep.request;
    let latency = 0;
    for (let hop = 0; ; hop++) {
      const handler = world.network.handlerFor(request.url);
      // No simulator = no such host. Observed text: "DNS error: http://localhost:3030".
      if (!handler) return { kind: 'dns', url: request.url, latency };
      state.requests.push(request);
      const res: SimResponse = handler(request);
      if ('timeout' in res) return { kind: 'timeout', url: request.url, latency: latency + (res.latencyMs ?? DEFAULT_TIMEOUT_MS) };
      latency += res.latencyMs ?? 0;
      const headers = res.headers ?? {};
      const raw = res.body ?? '';
      const body = typeof raw === 'string' ? encodeText(realm, raw) : new Uint8Array(raw);
      const locationKey = Object.keys(headers).find((h) => h.toLowerCase() === 'location');
      const redirect = res.status >= 300 && res.status < 400 && locationKey !== undefined;
      if (!redirect || prep.params.followRedirects === false || hop >= MAX_REDIRECTS) {
        return { kind: 'response', url: request.url, status: res.status, headers, body, latency };
      }
      const next = new URL(headers[locationKey]!, request.url).toString();
      const keepMethod = res.status === 307 || res.status === 308;
      request = keepMethod
        ? { ...request, url: next }
        : { method: 'GET', url: next, headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => k !== 'content-type')), body: '', bodyBytes: new Uint8Array() };
    }
  };

  /** Counts the call, then turns the outcome into a response or Apps Script's exception. */
  const settle = (ex: ExecutionState, prep: Prepared, out: Outcome): FakeHttpResponse | Error => {
    const host = hostOf(prep.url);
    const failed = out.kind === 'timeout' || (out.kind === 'response' && (out.status === 429 || out.status >= 500));
    if (out.kind === 'response' && out.status === 429) ex.counts.http429++;
    if (failed) ex.failedLastTime.add(host);
    else ex.failedLastTime.delete(host);
    if (out.kind === 'dns') return makeErr(localised(state.locale, 'urlFetchDns', prep.url));
    // Google does not publish the timeout text; other projects' fakes use "Timeout: <url>" and one
    // real log shows "Address unavailable: <url>" after ~60 s. Unconfirmed, and localised (messages.ts).
    if (out.kind === 'timeout') return makeErr(localised(state.locale, 'urlFetchTimeout', prep.url));
    if (out.status >= 400 && !prep.params.muteHttpExceptions) {
      const text = Buffer.from(out.body).toString('utf8');
      const shown = text.length > 100 ? `${text.slice(0, 100)}...` : text;
      // Observed shape (apps-script.md §2.2): origin only, then the truncated body.
      return makeErr(`Request failed for ${originOf(prep.url)} returned code ${out.status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`);
    }
    return new FakeHttpResponse(realm, out.status, out.headers, out.body, () => { world.guard(); });
  };
  const makeErr = (message: string): Error => {
    try {
      return fail(ctx, message);
    } catch (e) {
      return e as Error;
    }
  };

  /** UrlFetch's own time for one request, and the bytes it handed the script. */
  const own = (ex: ExecutionState, prep: Prepared, out: Outcome): number => {
    const down = out.kind === 'response' ? out.body.length : 0;
    ex.counts.bytesDownloaded += down;
    return fetchCost(world.cost, prep.request.bodyBytes.length, down);
  };

  const begin = (ex: ExecutionState, prep: Prepared) => {
    takeQuota();
    const host = hostOf(prep.url);
    ex.counts.fetches[host] = (ex.counts.fetches[host] ?? 0) + 1;
    if (ex.failedLastTime.has(host)) ex.counts.retries++;
  };

  return {
    fetch(url: string, params?: FetchParams): FakeHttpResponse {
      const ex = world.guard();
      // The simulator's Node CPU is the server's time, not the script's (world.ts `inService`).
      const { prep, out } = ex.inService(() => {
        const prep = prepare(ex, url, params);
        begin(ex, prep);
        return { prep, out: dispatch(prep) };
      });
      world.clock.advance(out.latency);
      world.charge(ex, own(ex, prep, out));
      world.guard();
      const result = settle(ex, prep, out);
      if (result instanceof FakeHttpResponse) return result;
      throw result;
    },

    /**
     * Requests run in parallel on Google's side: the clock moves by the slowest one's latency. The
     * per-request and per-byte parts are charged for every request, because a published timing
     * (cost-model.ts, pre-practice.net) shows fetchAll growing by ≈ 170 ms per request beyond the
     * first: that part is not overlapped, while the server's time is.
     */
    fetchAll(requests: Array<string | (FetchParams & { url: string })>): FakeHttpResponse[] {
      const ex = world.guard();
      const { preps, outs } = ex.inService(() => {
        const preps = requests.map((r) => (typeof r === 'string' ? prepare(ex, r) : prepare(ex, r.url, r)));
        for (const p of preps) begin(ex, p);
        return { preps, outs: preps.map(dispatch) };
      });
      world.clock.advance(Math.max(0, ...outs.map((o) => o.latency)));
      world.charge(ex, preps.reduce((ms, p, i) => ms + own(ex, p, outs[i]!), 0));
      world.guard();
      const results = preps.map((p, i) => settle(ex, p, outs[i]!));
      const error = results.find((r): r is Error => !(r instanceof FakeHttpResponse));
      if (error) throw error;
      return realm.Array.from(results as FakeHttpResponse[]);
    },

    /** "Returns the request that is made if the operation was invoked." */
    getRequest(url: string, params?: FetchParams) {
      const ex = world.guard();
      const prep = prepare(ex, url, params);
      return {
        url: prep.url,
        method: prep.request.method.toLowerCase(),
        headers: prep.request.headers,
        payload: prep.request.body,
        contentType: prep.request.headers['content-type'] ?? null,
        followRedirects: params?.followRedirects ?? true,
        validateHttpsCertificates: params?.validateHttpsCertificates ?? true,
        useIntranet: false,
      };
    },
  };
}
