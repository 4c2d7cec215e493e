// Login with Amazon's token endpoint (POST https://api.amazon.com/auth/o2/token, refresh_token
// grant; sp-api.md §1.1): issues one-hour access tokens and remembers them so SP-API calls can be
// checked. Error bodies follow OAuth 2.0 (RFC 6749 §5.2: {"error","error_description"}), which LWA uses.

import type { VirtualClock } from '../clock';
import type { FaultInjector } from '../faults';
import type { SimRequest, SimResponse } from '../http';

const TOKEN_LIFETIME_S = 3600;

function oauthError(status: number, error: string, description: string): SimResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error_description: description, error }) };
}

export class LwaServer {
  private tokens = new Map<string, number>();
  private n = 0;
  /** Exchanges served (successful or not), for tests and metrics. */
  exchanges = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly faults: FaultInjector,
    private readonly latencyMs: number,
    private readonly timeoutMs: number,
  ) {}

  handle(req: SimRequest): SimResponse {
    const url = new URL(req.url);
    if (req.method !== 'POST' || url.pathname !== '/auth/o2/token') return { status: 404, body: 'Not Found', latencyMs: this.latencyMs };
    this.exchanges++;
    const fault = this.faults.check('lwa', 'token', (k) => k !== 'not_applied');
    if (fault === 'timeout') return { timeout: true, latencyMs: this.timeoutMs };
    if (fault === '429') return { ...oauthError(429, 'slow_down', 'Rate exceeded'), latencyMs: this.latencyMs };
    if (fault === '500' || fault === '503') return { ...oauthError(Number(fault), 'server_error', 'Internal error'), latencyMs: this.latencyMs };
    if (fault === 'auth_expired') {
      return { ...oauthError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token'), latencyMs: this.latencyMs };
    }
    if (fault === 'echo_credential') {
      // An OAuth error (RFC 6749 §5.2, https://www.rfc-editor.org/rfc/rfc6749#section-5.2: "error",
      // "error_description") whose free text quotes what was sent, as issue 10 reproduces: the
      // client secret and refresh token in error_description, the client id in error.
      const sent = new URLSearchParams(req.body);
      const description = `Client authentication failed for client_secret=${sent.get('client_secret')} refresh_token=${sent.get('refresh_token')}`;
      return { ...oauthError(401, `invalid_client ${sent.get('client_id')}`, description), latencyMs: this.latencyMs };
    }
    if (!/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
      return { ...oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded'), latencyMs: this.latencyMs };
    }
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'refresh_token') return { ...oauthError(400, 'unsupported_grant_type', 'Unsupported grant type'), latencyMs: this.latencyMs };
    for (const f of ['refresh_token', 'client_id', 'client_secret']) {
      if (!form.get(f)) return { ...oauthError(400, 'invalid_request', `The request is missing a required parameter : ${f}`), latencyMs: this.latencyMs };
    }
    const token = `Atza|sim-${++this.n}-${this.clock.now().toString(36)}`;
    this.tokens.set(token, this.clock.now() + TOKEN_LIFETIME_S * 1000);
    const body = JSON.stringify({ access_token: token, refresh_token: form.get('refresh_token'), token_type: 'bearer', expires_in: TOKEN_LIFETIME_S });
    if (fault === 'lost_response') return { timeout: true, latencyMs: this.timeoutMs };
    if (fault === 'malformed') return { status: 200, headers: { 'content-type': 'application/json' }, body: body.slice(0, 25), latencyMs: this.latencyMs };
    return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body, latencyMs: this.latencyMs };
  }

  check(token: string | undefined): 'ok' | 'missing' | 'expired' | 'invalid' {
    if (!token) return 'missing';
    const exp = this.tokens.get(token);
    if (exp === undefined) return 'invalid';
    return this.clock.now() >= exp ? 'expired' : 'ok';
  }

  /** auth_expired fault: this token stops working at once. */
  revoke(token: string): void {
    if (this.tokens.has(token)) this.tokens.set(token, this.clock.now());
  }
}
