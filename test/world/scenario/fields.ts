// zod field types the scenario format uses in every section, so each rule and its message exists once.

import { z } from 'zod';
import { parseDuration } from '../clock';

function isDuration(s: string): boolean {
  try {
    parseDuration(s);
    return true;
  } catch {
    return false;
  }
}

/** "90s", "15m", "2h", "1d", "1h30m" (see parseDuration). */
export const durationField = z.string().refine(isDuration, { message: 'must be a duration such as 90s, 15m, 2h or 1d' });

/** An instant Date.parse understands, e.g. 2026-11-02T08:00:00Z. */
export const isoField = z.string().refine((s) => Number.isFinite(Date.parse(s)), { message: 'must be an ISO 8601 date-time such as 2026-11-02T08:00:00Z' });
