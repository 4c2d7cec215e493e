// The one request path every SP-API call takes: pace by the operation's token bucket, attach the
// LWA token, retry 429 / 500 / 502 / 503 / 504 / timeouts with jittered exponential back-off, renew
// the token once on an authorisation failure, turn Amazon's error body into SpApiError, and check
// the response against the operation's zod schema. Nothing here sleeps past the Deadline.

import type { z } from 'zod';
import type { HttpMethod, HttpPort, HttpRequest, HttpResponse } from '../ports/http';
import { HttpTransportError } from '../ports/http';
import type { LogPort } from '../ports/log';
import { SpApiError, SpApiSchemaError, SpApiTransportError, type SpApiErrorItem } from './errors';
import type { TokenBuckets } from './buckets';
import type { LwaTokens } from './lwa';
import { encodeQuery, type QueryValue } from './query';
import { RATE_LIMITS, SANDBOX_LIMIT, type RateLimit } from './rate-limits';
import { FETCH_TIMEOUT_MS, type Timing } from './timing';

interface CallSpec<T> {
  /** Amazon's operationId; names the token bucket and appears in errors and logs. */
  operation: string;
  method: HttpMethod;
  /** Path with every parameter already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Schema of the 2xx body; omit for operations that answer 204. */
  schema?: z.ZodType<T>;
  /** Further buckets a call draws from (e.g. the JSON_LISTINGS_FEED feed-type limit). */
  extraBuckets?: Array<{ key: string; limit: RateLimit }>;
  /** false for writes that must not be repeated blindly when the response is lost. */
  retryTimeouts?: boolean;
}

interface CallResult<T> {
  data: T;
  status: number;
  requestId: string | undefined;
}

export interface RequestStats {
  calls: number;
  retries: number;
  throttled: number;
}

const MAX_ATTEMPTS = 5;
const TRANSIENT = new Set([500, 502, 503, 504]);

export class SpApiRequester {
  readonly stats: RequestStats = { calls: 0, retries: 0, throttled: 0 };

  constructor(
    private readonly deps: {
      http: HttpPort;
      log: LogPort;
      timing: Timing;
      buckets: TokenBuckets;
      lwa: LwaTokens;
      host: string;
      sandbox: boolean;
    },
  ) {}

  limitFor(operation: string): RateLimit {
    if (this.deps.sandbox) return SANDBOX_LIMIT;
    const l = RATE_LIMITS[operation];
    if (!l) throw new Error(`No documented rate limit for ${operation}`);
    return l;
  }

  /** How long the next call of `operation` would wait for its rate-limit token (0: now). */
  waitMs(operation: string): number {
    return this.deps.buckets.waitMs(operation, this.limitFor(operation));
  }

  call<T>(spec: CallSpec<T>): CallResult<T> {
    const { http, log, timing, buckets, lwa } = this.deps;
    const op = spec.operation;
    const limit = this.limitFor(op);
    const allBuckets = [{ key: op, limit }, ...(this.deps.sandbox ? [] : spec.extraBuckets ?? [])];
    const url = this.deps.host + spec.path + encodeQuery(spec.query ?? {});
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let authRenewed = false;

    for (let attempt = 1; ; attempt++) {
      // Token first: an LWA exchange takes time, and the bucket must be drawn when the call leaves.
      const accessToken = lwa.accessToken();
      for (const b of allBuckets) timing.sleep(op, buckets.waitMs(b.key, b.limit));
      timing.ensure(op, 0);
      for (const b of allBuckets) buckets.take(b.key, b.limit);
      const req: HttpRequest = {
        url,
        method: spec.method,
        headers: {
          'x-amz-access-token': accessToken,
          'user-agent': 'FBA3PLSync/1.0 (Language=JavaScript; Platform=GoogleAppsScript)',
          accept: 'application/json',
        },
      };
      if (payload !== undefined) {
        req.payload = payload;
        req.contentType = 'application/json';
      }
      this.stats.calls++;

      let res: HttpResponse;
      let retryWhy: string;
      let baseMs = 1000;
      try {
        res = http.fetch(req);
      } catch (e) {
        if (!(e instanceof HttpTransportError)) throw e;
        if (spec.retryTimeouts === false) {
          throw new SpApiTransportError(op, 'no response (timeout); the write may have been applied', true);
        }
        retryWhy = 'timeout';
        if (!this.anotherTryFits(attempt, baseMs)) throw new SpApiTransportError(op, `no response after ${attempt} attempt${attempt === 1 ? '' : 's'}`, spec.method !== 'get');
        this.retry(op, attempt, retryWhy, baseMs, undefined);
        continue;
      }

      const requestId = res.headers['x-amzn-requestid'];
      const reported = res.headers['x-amzn-ratelimit-limit'];
      if (reported !== undefined) buckets.observeRate(op, limit, Number.parseFloat(reported));

      if (res.status >= 200 && res.status < 300) {
        if (!spec.schema) return { data: undefined as T, status: res.status, requestId };
        let body: unknown;
        try {
          body = JSON.parse(res.text);
        } catch {
          if (spec.method !== 'get') {
            throw new SpApiTransportError(op, `unreadable response body (HTTP ${res.status}); the write may have been applied`, true);
          }
          if (attempt >= MAX_ATTEMPTS) throw new SpApiSchemaError(op, 'body is not JSON', requestId);
          this.retry(op, attempt, 'unreadable body', baseMs, requestId);
          continue;
        }
        const parsed = spec.schema.safeParse(body);
        if (!parsed.success) {
          throw new SpApiSchemaError(op, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), requestId);
        }
        return { data: parsed.data, status: res.status, requestId };
      }

      const errors = parseErrors(res);
      if (res.status === 429) {
        this.stats.throttled++;
        buckets.drain(op, limit);
        retryWhy = '429 QuotaExceeded';
        baseMs = Math.max(1000, 1000 / buckets.effectiveRate(op, limit));
      } else if (TRANSIENT.has(res.status)) {
        retryWhy = `HTTP ${res.status}`;
      } else if ((res.status === 401 || res.status === 403) && !authRenewed && isAuthFailure(errors)) {
        // An expired or revoked token: renew once and repeat straight away (sp-api.md §12).
        authRenewed = true;
        lwa.invalidate();
        log.warn(`Amazon ${op}: access token rejected, renewing it${requestId ? ` [request id ${requestId}]` : ''}`);
        continue;
      } else {
        throw new SpApiError(op, res.status, errors, requestId);
      }
      if (attempt >= MAX_ATTEMPTS) throw new SpApiError(op, res.status, errors, requestId);
      this.retry(op, attempt, retryWhy, baseMs, requestId);
    }
  }

  /**
   * GET or PUT a pre-signed document URL (S3): no access token, no SP-API bucket; transient
   * failures are retried like any other call.
   */
  fetchDocument(operation: string, req: HttpRequest): HttpResponse {
    const { http, timing } = this.deps;
    for (let attempt = 1; ; attempt++) {
      timing.ensure(operation, 0);
      this.stats.calls++;
      let why: string;
      try {
        const res = http.fetch(req);
        if (!TRANSIENT.has(res.status) && res.status !== 429) return res;
        why = `HTTP ${res.status}`;
        if (attempt >= MAX_ATTEMPTS) return res;
      } catch (e) {
        if (!(e instanceof HttpTransportError)) throw e;
        why = 'timeout';
        if (!this.anotherTryFits(attempt, 1000)) throw new SpApiTransportError(operation, `no response after ${attempt} attempt${attempt === 1 ? '' : 's'}`, req.method !== 'get');
      }
      this.retry(operation, attempt, why, 1000, undefined);
    }
  }

  /**
   * A call that went unanswered may go unanswered again, for a whole fetch timeout: it is tried again
   * only when that (and the longest back-off before it) fits in the run's budget, so retries never
   * carry a run past it towards Apps Script's 6-minute kill. Otherwise it ends as unanswered.
   */
  private anotherTryFits(attempt: number, baseMs: number): boolean {
    return attempt < MAX_ATTEMPTS && this.deps.timing.fits(FETCH_TIMEOUT_MS + Math.min(Math.max(4 * baseMs, 32_000), baseMs * Math.pow(2, attempt - 1)));
  }

  private retry(op: string, attempt: number, why: string, baseMs: number, requestId: string | undefined): void {
    const wait = this.deps.timing.backoffMs(attempt, baseMs, Math.max(4 * baseMs, 32_000));
    this.stats.retries++;
    this.deps.log.warn(`Amazon ${op}: ${why}, retry ${attempt} in ${(wait / 1000).toFixed(1)}s${requestId ? ` [request id ${requestId}]` : ''}`);
    this.deps.timing.sleep(op, wait);
  }
}

/** Amazon's error body {"errors":[{code,message,details}]} (the Error definition in every model). */
export function parseErrors(res: HttpResponse): SpApiErrorItem[] {
  try {
    const body = JSON.parse(res.text) as { errors?: unknown };
    if (Array.isArray(body.errors)) {
      return body.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => {
          const item: SpApiErrorItem = { code: String(e.code ?? ''), message: String(e.message ?? '') };
          if (typeof e.details === 'string' && e.details) item.details = e.details;
          return item;
        });
    }
  } catch {
    // not JSON: fall through
  }
  return [{ code: `HTTP${res.status}`, message: res.text.slice(0, 200) || 'empty body' }];
}

/** 403 Unauthorized covers both a bad token and a missing role; only the former is worth a renewal. */
function isAuthFailure(errors: SpApiErrorItem[]): boolean {
  return errors.some((e) => /unauthori[sz]ed|expired|invalid.*token|token.*invalid/i.test(`${e.code} ${e.message} ${e.details ?? ''}`));
}
