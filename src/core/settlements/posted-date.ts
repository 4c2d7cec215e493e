// A transaction line's posted date. A slashed date that reads both ways ("05/10/2026": 10 May or
// 5 October) is not decided by a default: the settlement's own period (start to end, from the
// summary row) decides, since Amazon posts a settlement's lines inside it. The reading that falls
// inside the period wins, else the one within NEAR of it; when both do equally (a period longer
// than a month) the order the file's unambiguous dates show decides; otherwise the line is a
// problem naming both readings, never a silent guess. Without a period the file's order is used.

import { ambiguousSlash, parseSettlementDate, type DateResult, type SlashOrder } from './dates';

/** How far outside its period a line may be posted and still place an ambiguous date (a settlement closes at a day's edge). */
const NEAR_MS = 3 * 86_400_000;

export interface PostedContext {
  /** The file's slashed-date order (Amazon's MM/DD unless the file shows otherwise). */
  order: SlashOrder;
  /** True when the file's unambiguous dates showed that order. */
  shown: boolean;
  /** The settlement's period (ms), from its summary row. */
  start: number | null;
  end: number | null;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function parsePostedDate(text: string, ctx: PostedContext): DateResult {
  const read = parseSettlementDate(text, ctx.order);
  if (!ambiguousSlash(text)) return read;
  const lo = ctx.start ?? ctx.end;
  const hi = ctx.end ?? ctx.start;
  if (lo === null || hi === null) return read;
  const mdy = parseSettlementDate(text, 'MDY');
  const dmy = parseSettlementDate(text, 'DMY');
  if (!mdy.ok || !dmy.ok || mdy.ms === null || dmy.ms === null) return read;
  const away = (ms: number) => (ms < lo ? lo - ms : ms > hi ? ms - hi : 0);
  const [m, d] = [away(mdy.ms), away(dmy.ms)];
  const fits = (x: number) => x <= NEAR_MS;
  if (fits(m) && (!fits(d) || m < d)) return mdy;
  if (fits(d) && (!fits(m) || d < m)) return dmy;
  const both = `${day(mdy.ms)} (month first) or ${day(dmy.ms)} (day first)`;
  if (fits(m) && ctx.shown) return ctx.order === 'MDY' ? mdy : dmy;
  const period = `${day(lo)} to ${day(hi)}`;
  return {
    ok: false,
    problem: fits(m)
      ? `it reads as ${both}, and both fall in or near the settlement's period (${period}), so which one is meant cannot be told`
      : `it reads as ${both}, and neither falls in or near the settlement's period (${period})`,
  };
}
