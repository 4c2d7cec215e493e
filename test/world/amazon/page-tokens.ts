// Opaque pagination tokens with a lifetime, as Amazon documents them: getInventorySummaries
// nextToken expires 30 s after creation (fbaInventory.json); Orders v2026 tokens live 24 h
// (orders API migration guide). An expired token is refused with 400 InvalidInput.

import type { VirtualClock } from '../clock';
import { fail, invalidInput } from './sim-http';

export class PageTokens {
  private tokens = new Map<string, { payload: unknown; expires: number; op: string }>();
  private n = 0;

  constructor(private readonly clock: VirtualClock) {}

  issue(op: string, payload: unknown, ttlMs: number): string {
    const token = Buffer.from(`${op}:${++this.n}:${this.clock.now()}`).toString('base64');
    this.tokens.set(token, { payload, op, expires: this.clock.now() + ttlMs });
    return token;
  }

  redeem<T>(op: string, token: string): T {
    const t = this.tokens.get(token);
    if (!t || t.op !== op) fail(invalidInput('Invalid pagination token', `The token "${token.slice(0, 12)}…" is not valid for ${op}.`));
    if (this.clock.now() > t.expires) fail(invalidInput('The pagination token has expired', 'Request the first page again.'));
    return t.payload as T;
  }
}
