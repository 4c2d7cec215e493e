// Days as the spreadsheet shows them. Sheets shows every date in the spreadsheet's time zone (File →
// Settings), so a calendar day a job reads from a date cell, or writes as a date without a time, is
// that zone's day, never UTC's. Without the dashboard port (tests of other concerns) both are UTC.

import { cellTime } from '../../core/cells';
import { dayStarts, zonedCellTime } from '../../core/day-start';
import type { JobContext } from './job';

/** The calendar day ("2026-11-01") a moment shows in the spreadsheet; undefined means UTC. */
export function dayShown(ctx: JobContext): ((ms: number) => string) | undefined {
  const shown = ctx.ports.dashboard;
  if (!shown) return undefined;
  let zone: string | undefined;
  return (ms) => shown.dayOf(ms, (zone ??= shown.timeZone()));
}

/** The moment a calendar day (given by its UTC midnight) starts in the spreadsheet; undefined means UTC midnight. */
export function dayStartShown(ctx: JobContext): ((utcMidnight: number) => number) | undefined {
  const shown = ctx.ports.dashboard;
  if (!shown) return undefined;
  let zone: string | undefined;
  return dayStarts((ms) => shown.wallClock(ms, (zone ??= shown.timeZone())));
}

/** A date cell's moment, text without a zone read as the spreadsheet's wall time (core/day-start.ts). */
export function cellTimeShown(ctx: JobContext): (v: unknown) => number | null {
  const shown = ctx.ports.dashboard;
  if (!shown) return cellTime;
  let zone: string | undefined;
  return zonedCellTime((ms) => shown.wallClock(ms, (zone ??= shown.timeZone())));
}
