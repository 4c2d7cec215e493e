// Login with Amazon: exchanges the seller's refresh token for a one-hour access token
// (POST https://api.amazon.com/auth/o2/token, grant_type=refresh_token; sp-api.md §1.1), caches it
// (CachePort) and renews it five minutes before it expires or when Amazon rejects it.

import { z } from 'zod';
import type { HttpPort } from '../ports/http';
import { HttpTransportError } from '../ports/http';
import type { CachePort } from '../ports/store';
import type { ClockPort } from '../ports/clock';
import type { LogPort } from '../ports/log';
import { redact } from '../core/secrets';
import { LWA_TOKEN_URL } from './hosts';
import { SpApiAuthError, SpApiTransportError } from './errors';
import { encodeQuery } from './query';
import { FETCH_TIMEOUT_MS, type Timing } from './timing';

export interface LwaCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

const errorResponse = z.object({ error: z.string(), error_description: z.string().optional() });

/** Renew when less than this is left, so a token never expires mid-job. */
const RENEW_MARGIN_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 5;

/** FNV-1a: ties the cache entry to these credentials without putting them in the key. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The cache entry of these credentials' access token; "Disconnect" removes it too (jobs/sidebar.ts). */
export function lwaCacheKey(credentials: Pick<LwaCredentials, 'clientId' | 'refreshToken'>): string {
  return `amazon.lwa.${fingerprint(`${credentials.clientId}|${credentials.refreshToken}`)}`;
}

export class LwaTokens {
  private token: { value: string; expiresAt: number } | null = null;
  private readonly cacheKey: string;

  constructor(
    private readonly deps: { http: HttpPort; cache: CachePort; clock: ClockPort; log: LogPort; timing: Timing },
    private readonly credentials: LwaCredentials,
  ) {
    this.cacheKey = lwaCacheKey(credentials);
  }

  accessToken(): string {
    const now = this.deps.clock.now();
    if (!this.token) this.token = this.fromCache();
    if (this.token && this.token.expiresAt - now > RENEW_MARGIN_MS) return this.token.value;
    this.token = this.exchange();
    return this.token.value;
  }

  /** Amazon said the token is no good: forget it everywhere so the next call exchanges again. */
  invalidate(): void {
    this.token = null;
    this.deps.cache.remove(this.cacheKey);
  }

  private fromCache(): { value: string; expiresAt: number } | null {
    const raw = this.deps.cache.get(this.cacheKey);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as { value?: unknown; expiresAt?: unknown };
      if (typeof v.value === 'string' && typeof v.expiresAt === 'number') return { value: v.value, expiresAt: v.expiresAt };
    } catch {
      // fall through: exchange a new token
    }
    return null;
  }

  private exchange(): { value: string; expiresAt: number } {
    const { http, clock, log, timing, cache } = this.deps;
    const c = this.credentials;
    const secrets = [c.clientId, c.clientSecret, c.refreshToken];
    const form = encodeQuery({
      grant_type: 'refresh_token',
      refresh_token: c.refreshToken,
      client_id: c.clientId,
      client_secret: c.clientSecret,
    }).slice(1);
    /** The last answer's status; null when the last try got none (a timeout). */
    let lastStatus: number | null = null;
    for (let attempt = 1; ; attempt++) {
      timing.ensure('LWA token', 0);
      let retryWhy: string;
      try {
        const res = http.fetch({
          url: LWA_TOKEN_URL,
          method: 'post',
          payload: form,
          contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        });
        if (res.status >= 200 && res.status < 300) {
          let body: unknown;
          try {
            body = JSON.parse(res.text);
          } catch {
            body = undefined;
          }
          const parsed = tokenResponse.safeParse(body);
          if (parsed.success) {
            const expiresAt = clock.now() + parsed.data.expires_in * 1000;
            const token = { value: parsed.data.access_token, expiresAt };
            const ttl = Math.max(1, Math.min(21600, Math.floor((expiresAt - clock.now() - RENEW_MARGIN_MS) / 1000)));
            cache.put(this.cacheKey, JSON.stringify(token), ttl);
            return token;
          }
          retryWhy = 'unreadable token response';
          lastStatus = res.status;
        } else if (res.status === 429 || res.status >= 500) {
          retryWhy = `HTTP ${res.status}`;
          lastStatus = res.status;
        } else {
          let err: z.infer<typeof errorResponse> | undefined;
          try {
            const p = errorResponse.safeParse(JSON.parse(res.text));
            if (p.success) err = p.data;
          } catch {
            err = undefined;
          }
          // Both fields are the server's free text: an echoed credential may sit in either (issue 10).
          throw new SpApiAuthError(res.status, redact(err?.error ?? 'unknown_error', secrets), redact(err?.error_description ?? '', secrets));
        }
      } catch (e) {
        if (!(e instanceof HttpTransportError)) throw e;
        retryWhy = 'timeout';
        lastStatus = null;
      }
      // Another unanswered try costs a whole fetch timeout: only while it fits in the run's budget.
      const noRoom = retryWhy === 'timeout' && !timing.fits(FETCH_TIMEOUT_MS + Math.min(30_000, 1000 * Math.pow(2, attempt - 1)));
      if (attempt >= MAX_ATTEMPTS || noRoom) throw new SpApiTransportError('LWA token', `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'} (${retryWhy})`, false, lastStatus);
      const wait = timing.backoffMs(attempt, 1000, 30_000);
      log.warn(`Login with Amazon: ${retryWhy}, retry ${attempt} in ${(wait / 1000).toFixed(1)}s`);
      timing.sleep('LWA token', wait);
    }
  }
}
