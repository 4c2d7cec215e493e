// One way to call Mintsoft: https://api.mintsoft.co.uk, the key in the ms-apikey header (a key from
// POST /api/Auth, kept for its 24 hours across executions, or a static key), re-authentication once
// on a 401, retries (429 always, honouring Retry-After; 5xx and no answer only where repeating is
// harmless) and the execution's deadline. Only the paths listed in PATHS may be called: Mintsoft has
// state-changing GETs, so the verb says nothing (DISCOVERY.md "GET is not a safe verb here").
// Sources: help-mintsoft 11600570 (static keys, 24 h), 12087865 (POST /api/Auth, ms-apikey header,
// keys in URLs retired), MakiManc/ops mintsoft-portal DISCOVERY.md (401 with an empty body; no
// documented rate limit, Cloudflare in front).

import { DeadlineExceeded, type ClockPort, type Deadline } from '../../ports/clock';
import type { HttpMethod, HttpPort, HttpResponse } from '../../ports/http';
import { FETCH_TIMEOUT_MS, HttpTransportError } from '../../ports/http';
import { bodyIsJson } from '../json-body';
import { ThreePlNoAnswer } from '../no-answer';
import type { LogPort } from '../../ports/log';
import type { KeyValueStore } from '../../ports/store';
import { AdapterError } from '../types';

export const MINTSOFT_ORIGIN = 'https://api.mintsoft.co.uk';

/** Where a key from POST /api/Auth is kept between executions (document properties, like every credential). */
export const MINTSOFT_SESSION_KEY = 'secret.threePl.mintsoftSession';
/** Keys last 24 hours (help-mintsoft 11600570); renewed a little early so none expires mid-run. */
export const KEY_LIFETIME_MS = 24 * 3600_000;
const KEY_RENEW_MARGIN_MS = 30 * 60_000;

/**
 * Every operation the adapter may call, by name. Each is a read or a write the add-on means to
 * make; a path not listed here is refused before anything is sent.
 */
export const PATHS = {
  warehouses: { method: 'get', path: '/api/Warehouse' },
  statuses: { method: 'get', path: '/api/Order/Statuses' },
  inventory: { method: 'get', path: '/api/Product/Inventory/Bulk' },
  createOrder: { method: 'put', path: '/api/Order' },
  searchOrders: { method: 'get', path: '/api/Order/Search' },
  listOrders: { method: 'get', path: '/api/Order/List' },
  getOrder: { method: 'get', path: '/api/Order/{id}' },
  cancelOrder: { method: 'get', path: '/api/Order/{id}/Cancel' },
  createAsn: { method: 'put', path: '/api/ASN' },
  listAsns: { method: 'get', path: '/api/ASN/List' },
  createReturn: { method: 'post', path: '/api/Return/CreateExternalReturn' },
  listReturns: { method: 'get', path: '/api/Return/List' },
} as const satisfies Record<string, { method: HttpMethod; path: string }>;

export type MintsoftOperation = keyof typeof PATHS;

type QueryValue = string | number | boolean | undefined | null;

export interface MintsoftCall {
  op: MintsoftOperation;
  id?: number | string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** `read`: repeat on 5xx/no answer. `idempotent`: a write that may be repeated. `once`: never repeat unless refused (429). */
  retry: 'read' | 'idempotent' | 'once';
}

export interface MintsoftCredentials {
  /** A static key ("API Key to Never Expire"), used as it is. */
  apiKey?: string;
  username?: string;
  password?: string;
}

interface MintsoftHttpDeps {
  http: HttpPort;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
  store: KeyValueStore;
  credentials: MintsoftCredentials;
  random: () => number;
}

const MAX_ATTEMPTS = 4;
/** Time kept back from the execution's deadline for writing results after the last call. */
export const DEADLINE_RESERVE_MS = 15_000;

function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export class MintsoftHttp {
  private key: string | null = null;
  /** Calls to POST /api/Auth this execution (the bench and the tests read it). */
  logins = 0;

  constructor(private readonly d: MintsoftHttpDeps) {
    if (!d.credentials.apiKey && !(d.credentials.username && d.credentials.password)) {
      throw new AdapterError('AUTH', 'No Mintsoft API key or username and password are saved');
    }
  }

  url(call: Pick<MintsoftCall, 'op' | 'id' | 'query'>): string {
    const spec = PATHS[call.op];
    if (spec.path.includes('{id}') && (call.id === undefined || !/^\d+$/.test(String(call.id)))) {
      // An id that is not a number could turn the path into another operation.
      throw new AdapterError('VALIDATION', `Mintsoft ${call.op}: "${String(call.id)}" is not a Mintsoft id`);
    }
    return MINTSOFT_ORIGIN + spec.path.replace('{id}', String(call.id)) + buildQuery(call.query);
  }

  /** The key to send: the static one, else a stored key younger than 24 hours, else a new one from POST /api/Auth. */
  private currentKey(): string {
    if (this.d.credentials.apiKey) return this.d.credentials.apiKey;
    if (this.key) return this.key;
    const saved = this.d.store.get(MINTSOFT_SESSION_KEY);
    if (saved) {
      try {
        const s = JSON.parse(saved) as { key?: unknown; at?: unknown; user?: unknown };
        if (typeof s.key === 'string' && typeof s.at === 'number' && s.user === this.d.credentials.username && this.d.clock.now() - s.at < KEY_LIFETIME_MS - KEY_RENEW_MARGIN_MS) return (this.key = s.key);
      } catch {
        // A damaged record: log in again.
      }
    }
    return this.login();
  }

  /**
   * POST /api/Auth {Username, Password} → the key, quoted or bare (3pl-apis.md §7). Repeated like a
   * read on a 429 (Retry-After honoured), a 5xx or no answer: a login only issues a key, so repeating
   * it changes nothing at Mintsoft, and it comes before every call of a run once a day, so one
   * Cloudflare refusal here would otherwise fail the whole run.
   */
  private login(): string {
    for (let attempt = 1; ; attempt++) {
      this.pace('auth');
      this.logins++;
      let res: HttpResponse;
      try {
        res = this.d.http.fetch({
          url: `${MINTSOFT_ORIGIN}/api/Auth`,
          method: 'post',
          headers: { Accept: 'application/json' },
          payload: JSON.stringify({ Username: this.d.credentials.username, Password: this.d.credentials.password }),
          contentType: 'application/json',
        });
      } catch (e) {
        if (!(e instanceof HttpTransportError)) throw e;
        if (this.backoff(attempt, 'auth', 'no answer', true)) continue;
        throw new AdapterError('UPSTREAM', `Mintsoft login got no answer: ${e.message}`);
      }
      if (res.status === 429 && this.waitAfter429(res, attempt, 'auth')) continue;
      if (res.status >= 500 && this.backoff(attempt, 'auth', `HTTP ${res.status}`)) continue;
      return this.keyFrom(res);
    }
  }

  /** The key in a login's answer, or why there is none (a refused login's body is never quoted). */
  private keyFrom(res: HttpResponse): string {
    // The body of a refused login is never quoted: it could echo what was sent.
    if (res.status === 401 || res.status === 403) throw new AdapterError('AUTH', `Mintsoft refused the username and password (POST /api/Auth, ${res.status})`, { status: res.status });
    if (res.status !== 200) throw new AdapterError(res.status === 429 ? 'RATE_LIMITED' : 'UPSTREAM', `Mintsoft login failed (POST /api/Auth, ${res.status})`, { status: res.status });
    const raw = res.text.trim();
    let key = raw;
    if (raw.startsWith('"')) {
      try {
        key = JSON.parse(raw) as string;
      } catch {
        key = '';
      }
    }
    if (typeof key !== 'string' || !/^[A-Za-z0-9._~+/=-]{8,}$/.test(key)) throw new AdapterError('UPSTREAM', 'Mintsoft login answered without a usable key');
    this.key = key;
    this.d.store.set(MINTSOFT_SESSION_KEY, JSON.stringify({ key, at: this.d.clock.now(), user: this.d.credentials.username }));
    return key;
  }

  /** Forgets a key Mintsoft refused, here and in the store. */
  private dropKey(): void {
    this.key = null;
    this.d.store.delete(MINTSOFT_SESSION_KEY);
  }

  /**
   * Sends one call; every HTTP status comes back as a value except a 401 that survives one fresh
   * login (AUTH). Throws ThreePlNoAnswer when the last attempt got no answer, DeadlineExceeded
   * (before sending) when the call would not fit the execution.
   */
  send(call: MintsoftCall): HttpResponse {
    const url = this.url(call);
    const spec = PATHS[call.op];
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    let reauthed = false;
    for (let attempt = 1; ; attempt++) {
      const key = this.currentKey();
      this.pace(call.op);
      let res: HttpResponse;
      try {
        res = this.d.http.fetch({ url, method: spec.method, headers: { 'ms-apikey': key, Accept: 'application/json' }, payload, contentType: payload === undefined ? undefined : 'application/json' });
      } catch (e) {
        if (!(e instanceof HttpTransportError)) throw e;
        // Retried only while another full timeout fits in the run (backoff's `unanswered`); said as retried only when it was.
        if (call.retry === 'once' || !this.backoff(attempt, call.op, 'no answer', true)) throw new ThreePlNoAnswer('Mintsoft', call.op, e, call.retry !== 'once' && attempt > 1);
        continue;
      }
      if (res.status === 401) {
        // A 24-hour key ran out (or was revoked): log in once more and repeat; a static key cannot be renewed.
        if (!this.d.credentials.apiKey && !reauthed) {
          reauthed = true;
          this.dropKey();
          this.d.log.warn(`Mintsoft ${call.op}: key refused (401); logging in again`);
          continue;
        }
        if (!this.d.credentials.apiKey) this.dropKey();
        throw new AdapterError('AUTH', this.d.credentials.apiKey ? `Mintsoft refused the API key (${call.op}, 401)` : `Mintsoft refused a fresh key from the username and password (${call.op}, 401)`, { status: 401 });
      }
      // Refused before any work (Cloudflare in front: DISCOVERY.md), so repeating is safe even for creates.
      if (res.status === 429) {
        if (this.waitAfter429(res, attempt, call.op)) continue;
        return res;
      }
      if (res.status >= 500 && call.retry !== 'once' && this.backoff(attempt, call.op, `HTTP ${res.status}`)) continue;
      // Only a read: a write's garbled answer may follow a write Mintsoft made (the idempotent create looks it up).
      if (call.retry === 'read' && res.status < 300 && !bodyIsJson(res.text) && this.backoff(attempt, call.op, 'unreadable body')) continue;
      return res;
    }
  }

  /** Sleeps out a 429's Retry-After when another attempt fits the run; false: give up with the 429. */
  private waitAfter429(res: HttpResponse, attempt: number, operation: string): boolean {
    const after = retryAfterSeconds(res) ?? 2 ** attempt;
    if (attempt >= MAX_ATTEMPTS + 2 || after * 1000 > this.d.deadline.remainingMs() - DEADLINE_RESERVE_MS) return false;
    this.d.log.warn(`Mintsoft ${operation}: 429, retry after ${after}s`);
    this.d.clock.sleep(after * 1000);
    return true;
  }

  private pace(operation: string): void {
    const remaining = this.d.deadline.remainingMs();
    if (remaining < DEADLINE_RESERVE_MS) throw new DeadlineExceeded(operation, DEADLINE_RESERVE_MS, remaining, 'Mintsoft');
  }

  /** `unanswered`: the last try got no answer, so the next may wait out a whole fetch timeout too; tried only when that fits. */
  private backoff(attempt: number, operation: string, why: string, unanswered = false): boolean {
    if (attempt >= MAX_ATTEMPTS) return false;
    const ms = Math.round(1000 * 2 ** (attempt - 1) * (0.5 + this.d.random()));
    if (ms + (unanswered ? FETCH_TIMEOUT_MS : 0) > this.d.deadline.remainingMs() - DEADLINE_RESERVE_MS) return false;
    this.d.log.warn(`Mintsoft ${operation}: ${why}, retrying in ${ms} ms`);
    this.d.clock.sleep(ms);
    return true;
  }
}

export function retryAfterSeconds(res: HttpResponse): number | undefined {
  const h = res.headers['retry-after'] ?? res.headers['Retry-After'];
  const n = h === undefined ? NaN : Number(h);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Parses a JSON body; anything else (Cloudflare's HTML pages) is an upstream fault, never data. */
export function readJson(res: HttpResponse, op: string): unknown {
  try {
    return res.text.trim() ? JSON.parse(res.text) : null;
  } catch {
    throw new AdapterError('UPSTREAM', `Mintsoft ${op} returned a body that is not JSON (${res.status})`, { status: res.status });
  }
}

/** A non-200 answer as an AdapterError, with Mintsoft's {Message} when it sent one. */
export function toAdapterError(res: HttpResponse, op: string): AdapterError {
  let said = '';
  try {
    const b = JSON.parse(res.text) as { Message?: unknown };
    if (typeof b?.Message === 'string') said = `: ${b.Message}`;
  } catch {
    // HTML or empty: the status says enough.
  }
  const s = res.status;
  const details = { status: s };
  if (s === 401) return new AdapterError('AUTH', `Mintsoft refused the key (${op}, 401)`, details);
  if (s === 403) return new AdapterError('FORBIDDEN', `Mintsoft does not let this user call ${op} (403)${said}`, details);
  if (s === 404) return new AdapterError('NOT_FOUND', `Mintsoft ${op}: not found or not accessible (404)${said}`, details);
  if (s === 429) return new AdapterError('RATE_LIMITED', `Mintsoft is limiting calls (${op}, 429)`, { ...details, retryAfterS: retryAfterSeconds(res) });
  if (s === 400) return new AdapterError('VALIDATION', `Mintsoft ${op} refused the request (400)${said}`, details);
  return new AdapterError('UPSTREAM', `Mintsoft ${op} failed (${s})${said}`, details);
}

/** Mintsoft's DateTime (written without an offset) as an ISO instant; read as UTC [open question: 3pl-apis.md §9]. */
export function msInstant(v: unknown): string | undefined {
  if (typeof v !== 'string' || !v) return undefined;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** An instant as Mintsoft's query parameters take it. */
export function msQueryDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
