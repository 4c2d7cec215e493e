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
