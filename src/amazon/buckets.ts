// Client-side token buckets mirroring Amazon's usage plans, so calls are paced instead of
// bouncing off 429s. Slow buckets (a token every few seconds or more) live in the KeyValueStore so
// the next execution knows how much of the burst the last one used; fast ones refill within a
// second or two and stay in memory.

import type { ClockPort } from '../ports/clock';
import type { KeyValueStore } from '../ports/store';
import type { RateLimit } from './rate-limits';

interface BucketState {
  /** Tokens at time `at` (may be fractional). */
  t: number;
  at: number;
  /** Rate Amazon reported in x-amzn-RateLimit-Limit, when it did. */
  r?: number;
}

const PERSIST_WHEN_REFILL_MS_AT_LEAST = 5000;

export class TokenBuckets {
  private memory = new Map<string, BucketState>();

  constructor(
    private readonly clock: ClockPort,
    private readonly store: KeyValueStore,
    private readonly prefix = 'amazon.bucket.',
  ) {}

  /** Milliseconds until one token is available (0 when one is there now). */
  waitMs(key: string, limit: RateLimit): number {
    const s = this.current(key, limit);
    if (s.t >= 1) return 0;
    return Math.ceil(((1 - s.t) / this.rate(s, limit)) * 1000);
  }

  take(key: string, limit: RateLimit): void {
    const s = this.current(key, limit);
    s.t = Math.max(0, s.t - 1);
    this.save(key, limit, s);
  }

  /** Amazon said 429: its bucket is empty whatever ours believed. */
  drain(key: string, limit: RateLimit): void {
    const s = this.current(key, limit);
    s.t = 0;
    this.save(key, limit, s);
  }

  /** x-amzn-RateLimit-Limit is the rate actually applied to this seller; pace by it (sp-api.md §10). */
  observeRate(key: string, limit: RateLimit, rate: number): void {
    if (!(rate > 0) || !Number.isFinite(rate)) return;
    const s = this.current(key, limit);
    if (s.r === rate) return;
    s.r = rate;
    this.save(key, limit, s);
  }

  effectiveRate(key: string, limit: RateLimit): number {
    return this.rate(this.current(key, limit), limit);
  }

  private rate(s: BucketState, limit: RateLimit): number {
    return s.r ?? limit.rate;
  }

  private persisted(limit: RateLimit): boolean {
    return 1000 / limit.rate >= PERSIST_WHEN_REFILL_MS_AT_LEAST;
  }

  private current(key: string, limit: RateLimit): BucketState {
    const now = this.clock.now();
    let s = this.memory.get(key);
    if (!s && this.persisted(limit)) s = this.load(key);
    if (!s) s = { t: limit.burst, at: now };
    const elapsed = Math.max(0, now - s.at) / 1000;
    const refilled: BucketState = { t: Math.min(limit.burst, s.t + elapsed * this.rate(s, limit)), at: now };
    if (s.r !== undefined) refilled.r = s.r;
    this.memory.set(key, refilled);
    return refilled;
  }

  private load(key: string): BucketState | undefined {
    const raw = this.store.get(this.prefix + key);
    if (!raw) return undefined;
    try {
      const v = JSON.parse(raw) as Partial<BucketState>;
      if (typeof v.t === 'number' && typeof v.at === 'number') {
        return v.r === undefined ? { t: v.t, at: v.at } : { t: v.t, at: v.at, r: v.r };
      }
    } catch {
      // A damaged value just means we start from a full bucket, as a new install would.
    }
    return undefined;
  }

  private save(key: string, limit: RateLimit, s: BucketState): void {
    this.memory.set(key, s);
    if (this.persisted(limit)) {
      // Rounded down: a bucket that believes it has more than Amazon's would earn a 429.
      const v: BucketState = { t: Math.floor(s.t * 1000) / 1000, at: s.at };
      if (s.r !== undefined) v.r = s.r;
      this.store.set(this.prefix + key, JSON.stringify(v));
    }
  }
}
