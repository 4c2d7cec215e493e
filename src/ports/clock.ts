// Clock port: the current time and a blocking sleep (Utilities.sleep in Apps Script), plus the
// execution's deadline so long work stops before Apps Script's 6-minute kill.

export interface ClockPort {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Blocks; Apps Script caps one sleep at 300000 ms. */
  sleep(ms: number): void;
}

/** How much of this execution's time budget is left. */
export interface Deadline {
  remainingMs(): number;
}

/** A deadline that ends `budgetMs` after the moment it is created. */
export function deadlineFrom(clock: ClockPort, budgetMs: number): Deadline {
  const end = clock.now() + budgetMs;
  return { remainingMs: () => end - clock.now() };
}

/**
 * The execution's time budget would run out before the next call or wait could finish. Not a
 * failure: jobs catch it, save their cursor and stop; the next run carries on. It lives with the
 * deadline rather than with one remote system because every client (Amazon, ShipBob) stops this way.
 */
export class DeadlineExceeded extends Error {
  constructor(
    readonly operation: string,
    readonly neededMs: number,
    readonly remainingMs: number,
    /** Who the call was for, as people read it ('Amazon', 'ShipBob'); defaults to Amazon, the first user. */
    readonly systemName: string = 'Amazon',
  ) {
    super(`Stopped before ${systemName} ${operation}: needs ${Math.ceil(neededMs / 1000)}s, ${Math.max(0, Math.floor(remainingMs / 1000))}s of the run's time left`);
    this.name = 'DeadlineExceeded';
  }
}
