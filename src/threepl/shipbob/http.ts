// One way to call ShipBob: base URL (production or sandbox), the pinned dated version in the path,
// the Bearer personal access token, shipbob_channel_id on writes, pacing by the shared 150/min
// sliding window, and retries (429 always, honouring x-retry-after; 5xx, timeouts and a read's
// garbled answer only where repeating the call is harmless). Sources: developer.shipbob.com/rate-limit, /versioning, /auth.

import { DeadlineExceeded, type ClockPort, type Deadline } from '../../ports/clock';
import type { HttpMethod, HttpPort, HttpResponse } from '../../ports/http';
import { FETCH_TIMEOUT_MS, HttpTransportError } from '../../ports/http';
import { bodyIsJson } from '../json-body';
import { ThreePlNoAnswer } from '../no-answer';
import type { LogPort } from '../../ports/log';
import { AdapterError } from '../types';
import { retryAfterSeconds } from './errors';
import type { RateWindow } from './rate-window';

const SHIPBOB_PRODUCTION = 'https://api.shipbob.com';
const SHIPBOB_SANDBOX = 'https://sandbox-api.shipbob.com';

type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

/** `read`: repeat on 5xx/timeout. `idempotent`: a write that may be repeated. `once`: never repeat unless ShipBob refused it (429). */
type RetryMode = 'read' | 'idempotent' | 'once';

export interface ShipBobCall {
  method: HttpMethod;
  /** Path after the version, e.g. "/order"; or a full next-page link from ShipBob. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Adds the shipbob_channel_id header (required on writes; scopes some reads). */
  channel?: boolean;
  /** ShipBob's operationId, for logs. */
  operation: string;
  retry: RetryMode;
}

interface ShipBobHttpDeps {
  http: HttpPort;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
  window: RateWindow;
  token: string;
  apiVersion: string;
  sandbox: boolean;
  random: () => number;
  channelId: () => string;
}

const MAX_ATTEMPTS = 4;
/** Time kept back from the execution's deadline for writing results after the last call. */
export const DEADLINE_RESERVE_MS = 15_000;

/** encodeURIComponent-based: Apps Script has no URLSearchParams. Arrays become comma lists, as ShipBob's filters expect. */
function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    const s = Array.isArray(v) ? v.join(',') : String(v);
    if (Array.isArray(v) && v.length === 0) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(s)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export class ShipBobHttp {
  readonly origin: string;

  constructor(private readonly d: ShipBobHttpDeps) {
    this.origin = d.sandbox ? SHIPBOB_SANDBOX : SHIPBOB_PRODUCTION;
  }

  /** Absolute URL for a versioned path, or for a next link ShipBob returned (same origin only: the token goes with it). */
  url(path: string, query?: Record<string, QueryValue>): string {
    let base: string;
    if (/^https?:\/\//i.test(path)) {
      if (path.toLowerCase().indexOf(this.origin) !== 0) throw new AdapterError('UPSTREAM', 'ShipBob returned a next-page link to another host; not followed');
      base = path;
    } else if (path.indexOf(`/${this.d.apiVersion}/`) === 0) {
      base = this.origin + path;
    } else {
      base = `${this.origin}/${this.d.apiVersion}${path}`;
    }
    const q = buildQuery(query);
    return q ? base + (base.indexOf('?') >= 0 ? `&${q.slice(1)}` : q) : base;
  }

  /**
   * Sends one call. Returns every HTTP status as a value; throws ThreePlNoAnswer when the last
   * attempt got no response, DeadlineExceeded (before sending) when waiting for the rate window
   * would overrun the deadline.
   */
  send(call: ShipBobCall): HttpResponse {
    const url = this.url(call.path, call.query);
    const headers: Record<string, string> = { Authorization: `Bearer ${this.d.token}`, Accept: 'application/json' };
    if (call.channel) headers['shipbob_channel_id'] = this.d.channelId();
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    for (let attempt = 1; ; attempt++) {
      this.pace(call.operation);
      const now = this.d.clock.now();
      this.d.window.record(now);
      let res: HttpResponse;
      try {
        res = this.d.http.fetch({ url, method: call.method, headers, payload, contentType: payload === undefined ? undefined : 'application/json' });
      } catch (e) {
        if (!(e instanceof HttpTransportError)) throw e;
        // Retried only while another full timeout fits in the run (backoff's `unanswered`); said as retried only when it was.
        if (call.retry === 'once' || !this.backoff(attempt, call.operation, 'no response', true)) throw new ThreePlNoAnswer('ShipBob', call.operation, e, call.retry !== 'once' && attempt > 1);
        continue;
      }
      if (res.status === 429) {
        // Refused before processing, so repeating is safe even for creates.
        const after = retryAfterSeconds(res) ?? 60;
        this.d.window.block(this.d.clock.now() + after * 1000, this.d.clock.now());
        this.d.log.warn(`ShipBob ${call.operation}: 429, retry after ${after}s`);
        if (attempt >= MAX_ATTEMPTS + 2) return res;
        continue;
      }
      if (res.status >= 500 && call.retry !== 'once' && this.backoff(attempt, call.operation, `HTTP ${res.status}`)) continue;
      // Only a read: a write's garbled answer may follow a write ShipBob made (the idempotent create looks it up).
      if (call.retry === 'read' && res.status < 300 && !bodyIsJson(res.text) && this.backoff(attempt, call.operation, 'unreadable body')) continue;
      return res;
    }
  }

  /** Waits until the sliding window has room, or stops the run if that wait would overrun the deadline. */
  private pace(operation: string): void {
    const wait = Math.max(0, this.d.window.waitMs(this.d.clock.now()));
    const remaining = this.d.deadline.remainingMs();
    // Checked before every call, not only before a wait: a slow 3PL must not carry the run past its budget.
    if (wait > remaining - DEADLINE_RESERVE_MS) {
      // A time cut, not a failure: nothing was sent, and the window has room again by the next run.
      throw new DeadlineExceeded(operation, wait + DEADLINE_RESERVE_MS, remaining, 'ShipBob');
    }
    if (wait > 0) this.d.clock.sleep(wait);
  }

  /** Exponential back-off with jitter; false when attempts or the time budget are spent. */
  /** `unanswered`: the last try got no answer, so the next may wait out a whole fetch timeout too; tried only when that fits. */
  private backoff(attempt: number, operation: string, why: string, unanswered = false): boolean {
    if (attempt >= MAX_ATTEMPTS) return false;
    const ms = Math.round(1000 * 2 ** (attempt - 1) * (0.5 + this.d.random()));
    if (ms + (unanswered ? FETCH_TIMEOUT_MS : 0) > this.d.deadline.remainingMs() - DEADLINE_RESERVE_MS) return false;
    this.d.log.warn(`ShipBob ${operation}: ${why}, retrying in ${ms} ms`);
    this.d.clock.sleep(ms);
    return true;
  }
}

/** Parses a JSON body; a body that is not JSON is an upstream fault, never data. */
export function readJson(res: HttpResponse, operation: string): unknown {
  try {
    return res.text.trim() ? JSON.parse(res.text) : null;
  } catch {
    throw new AdapterError('UPSTREAM', `ShipBob ${operation} returned a body that is not JSON (${res.status})`);
  }
}
