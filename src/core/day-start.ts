// The instant a wall-clock time (a calendar day's start, or a date and time typed as text) names in a
// time zone, from a wall-clock reader alone (Utilities.formatDate in Apps Script, Intl in tests), so a
// date written without a time ("2026-11-01") lands on its own day in the spreadsheet's zone instead
// of on the day UTC midnight shows there (31 October in Los Angeles).

import { cellTime } from './cells';

/** Wall clock "YYYY-MM-DD HH:MM:SS" of an instant, read as if it were UTC. */
const wallMs = (text: string): number => Date.parse(`${text.trim().replace(' ', 'T').slice(0, 19)}Z`);

/**
 * The instant whose wall clock (as `wallClock` shows it) is `wall`, a wall time written as a UTC
 * instant. Of a time the clocks pass twice, the first; of one they skip (clocks forward), the time
 * as read after the change (00:00 skipped is 01:00 of the same day, never the day before).
 */
export function wallInstant(wall: number, wallClock: (ms: number) => string): number {
  const offsetAt = (ms: number) => wallMs(wallClock(ms)) - ms;
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  const exact = [first, second].filter((ms) => wallMs(wallClock(ms)) === wall);
  return exact.length ? Math.min(...exact) : Math.max(first, second);
}

/** The first instant of the calendar day whose UTC midnight is `utcMidnight`, in the zone `wallClock` shows. */
export function dayStartIn(utcMidnight: number, wallClock: (ms: number) => string): number {
  return wallInstant(utcMidnight, wallClock);
}

/** dayStartIn for many dates of one zone, each day worked out once. */
export function dayStarts(wallClock: (ms: number) => string): (utcMidnight: number) => number {
  const seen = new Map<number, number>();
  return (utcMidnight) => {
    let at = seen.get(utcMidnight);
    if (at === undefined) seen.set(utcMidnight, (at = wallInstant(utcMidnight, wallClock)));
    return at;
  };
}

const WALL_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date cell's moment. A date Sheets holds is one already; a date left as text (a cell formatted
 * as plain text) without a zone ("2026-11-01", "2026-11-01 10:00") is the wall time the sheet
 * shows, in its zone, as a typed date would be, never UTC's; text with a zone keeps its moment.
 */
export function zonedCellTime(wallClock: (ms: number) => string): (v: unknown) => number | null {
  // A tab of text dates repeats a few days: each text is worked out once.
  const seen = new Map<string, number | null>();
  return (v) => {
    const m = typeof v === 'string' ? WALL_TEXT.exec(v.trim()) : null;
    if (!m) return cellTime(v);
    const known = seen.get(m[0]);
    if (known !== undefined) return known;
    const at = readWall(m, wallClock);
    seen.set(m[0], at);
    return at;
  };
}

/** The instant of a WALL_TEXT match in the zone; null for a day or time that does not exist. */
function readWall(m: RegExpExecArray, wallClock: (ms: number) => string): number | null {
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  const back = new Date(wall);
  // 2026-02-30 is no day: Date.UTC would roll it into March.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return null;
  return wallInstant(wall, wallClock);
}
