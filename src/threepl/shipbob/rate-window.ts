// ShipBob's rate limit: 150 requests per minute in a sliding window, per user and application,
// across every endpoint (developer.shipbob.com/rate-limit). The window is read from a KeyValueStore
// once per execution and kept in memory; it is written back after a 429, every SAVE_EVERY requests
// and at most SAVE_AFTER_MS apart, so the next execution starts from nearly the same window without
// a property write per call (the properties quota is 50,000 operations a day on a consumer account).

import type { KeyValueStore } from '../../ports/store';

interface RateWindowOptions {
  limit: number;
  windowMs: number;
  /** Store key; one per token so two accounts never share a budget. */
  key: string;
}

interface WindowState {
  times: number[];
  /** A 429's x-retry-after: nothing goes out before this. */
  blockedUntil: number;
}

/** Requests between two saves of the window. A window short of these at the next execution costs at most one 429. */
const SAVE_EVERY = 25;
const SAVE_AFTER_MS = 15_000;

export class RateWindow {
  private state: WindowState | null = null;
  private unsaved = 0;
  private savedAt = 0;

  constructor(
    private readonly store: KeyValueStore,
    private readonly opts: RateWindowOptions,
  ) {}

  /** Milliseconds to wait at `now` before one more request keeps the window within its limit. */
  waitMs(now: number): number {
    const st = this.load(now);
    let wait = Math.max(0, st.blockedUntil - now);
    if (st.times.length >= this.opts.limit) {
      // The oldest request that must leave the window before one more fits.
      const mustLeave = st.times[st.times.length - this.opts.limit];
      if (mustLeave !== undefined) wait = Math.max(wait, mustLeave + this.opts.windowMs - now + 1);
    }
    return wait;
  }

  record(now: number): void {
    const st = this.load(now);
    st.times.push(now);
    this.unsaved++;
    if (this.unsaved >= SAVE_EVERY || now - this.savedAt >= SAVE_AFTER_MS) this.save(st, now);
  }

  /** After a 429: ShipBob says when to come back (saved at once: every execution must honour it). */
  block(until: number, now: number): void {
    const st = this.load(now);
    st.blockedUntil = Math.max(st.blockedUntil, until);
    this.save(st, now);
  }

  private load(now: number): WindowState {
    if (this.state) {
      this.state.times = this.state.times.filter((t) => t > now - this.opts.windowMs);
      return this.state;
    }
    const raw = this.store.get(this.opts.key);
    let st: WindowState = { times: [], blockedUntil: 0 };
    if (raw) {
      try {
        const parsed = JSON.parse(raw) as { b?: unknown; t?: unknown; s?: unknown };
        const base = typeof parsed.s === 'number' ? parsed.s : 0;
        const deltas = Array.isArray(parsed.t) ? parsed.t.filter((x): x is number => typeof x === 'number') : [];
        st = { times: deltas.map((d) => base + d), blockedUntil: typeof parsed.b === 'number' ? parsed.b : 0 };
      } catch {
        // A damaged value only costs pacing accuracy; start a fresh window.
      }
    }
    st.times = st.times.filter((t) => t > now - this.opts.windowMs).sort((a, b) => a - b);
    this.state = st;
    this.savedAt = now;
    return st;
  }

  private save(st: WindowState, now: number): void {
    this.unsaved = 0;
    this.savedAt = now;
    // Offsets from the oldest time keep the value around 1 KB at 150 entries (9 KB property limit).
    const base = st.times[0] ?? 0;
    this.store.set(this.opts.key, JSON.stringify({ s: base, t: st.times.map((t) => t - base), b: st.blockedUntil }));
  }
}
