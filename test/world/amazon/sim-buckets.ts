// Amazon's side of rate limiting: a token bucket per operation (rate per second, burst = size)
// on the virtual clock; an empty bucket means 429 QuotaExceeded
// (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits-in-the-sp-api).

import type { VirtualClock } from '../clock';

export class SimBuckets {
  private state = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly clock: VirtualClock) {}

  take(key: string, rate: number, burst: number): boolean {
    const now = this.clock.now();
    const s = this.state.get(key) ?? { tokens: burst, at: now };
    s.tokens = Math.min(burst, s.tokens + ((now - s.at) / 1000) * rate);
    s.at = now;
    this.state.set(key, s);
    // A hair of tolerance so float rounding never turns an exactly-paced call into a 429.
    if (s.tokens < 1 - 1e-9) return false;
    s.tokens -= 1;
    return true;
  }
}
