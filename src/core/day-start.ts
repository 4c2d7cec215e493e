// The instant a calendar day begins in a time zone, from a wall-clock reader alone (Utilities.formatDate
// in Apps Script, Intl in tests), so a date written without a time ("2026-11-01") lands on its own day
// in the spreadsheet's zone instead of on the day UTC midnight shows there (31 October in Los Angeles).

/** Wall clock "YYYY-MM-DD HH:MM:SS" of an instant, read as if it were UTC. */
const wallMs = (text: string): number => Date.parse(`${text.trim().replace(' ', 'T').slice(0, 19)}Z`);

/**
 * The first instant of the calendar day whose UTC midnight is `utcMidnight`, in the zone `wallClock`
 * shows. Where a zone skips midnight (clocks go forward at 00:00) the day starts at the first wall
 * time it has, never on the day before.
 */
export function dayStartIn(utcMidnight: number, wallClock: (ms: number) => string): number {
  const offsetAt = (ms: number) => wallMs(wallClock(ms)) - ms;
  const first = utcMidnight - offsetAt(utcMidnight);
  const second = utcMidnight - offsetAt(first);
  const day = new Date(utcMidnight).toISOString().slice(0, 10);
  const onDay = (ms: number) => wallClock(ms).slice(0, 10) === day;
  const candidates = [second, first].filter(onDay);
  return candidates.length ? Math.min(...candidates) : Math.max(first, second);
}

/** dayStartIn for many dates of one zone, each day worked out once. */
export function dayStarts(wallClock: (ms: number) => string): (utcMidnight: number) => number {
  const seen = new Map<number, number>();
  return (utcMidnight) => {
    let at = seen.get(utcMidnight);
    if (at === undefined) seen.set(utcMidnight, (at = dayStartIn(utcMidnight, wallClock)));
    return at;
  };
}
