// Time discipline for every Amazon call: waits never run past the execution's budget (they throw
// DeadlineExceeded instead), and retries back off exponentially with jitter (sp-api.md §10).

import { DeadlineExceeded, type ClockPort, type Deadline } from '../ports/clock';

export { FETCH_TIMEOUT_MS } from '../ports/http';

/** Apps Script caps one Utilities.sleep at 300000 ms. */
const MAX_SINGLE_SLEEP_MS = 300_000;

export class Timing {
  constructor(
    private readonly clock: ClockPort,
    private readonly deadline: Deadline,
    private readonly random: () => number,
    /** Time kept free for the call itself and for the job to save its cursor. */
    readonly reserveMs = 2000,
  ) {}

  /** Throws DeadlineExceeded unless `neededMs` plus the reserve fit in what is left. */
  ensure(operation: string, neededMs: number): void {
    const remaining = this.deadline.remainingMs();
    if (neededMs + this.reserveMs > remaining) throw new DeadlineExceeded(operation, neededMs + this.reserveMs, remaining);
  }

  /** Whether `neededMs` plus the reserve fit in what is left. */
  fits(neededMs: number): boolean {
    return neededMs + this.reserveMs <= this.deadline.remainingMs();
  }

  sleep(operation: string, ms: number): void {
    if (ms <= 0) return;
    this.ensure(operation, ms);
    let left = ms;
    while (left > 0) {
      const step = Math.min(left, MAX_SINGLE_SLEEP_MS);
      this.clock.sleep(step);
      left -= step;
    }
  }

  /**
   * "Equal jitter": half the exponential delay is fixed, half random, so retries from several
   * runs spread out but still wait long enough. attempt counts from 1.
   */
  backoffMs(attempt: number, baseMs: number, capMs: number): number {
    const exp = Math.min(capMs, baseMs * Math.pow(2, Math.max(0, attempt - 1)));
    return Math.round(exp / 2 + this.random() * (exp / 2));
  }
}
