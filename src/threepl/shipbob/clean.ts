// Values cleaned to what ShipBob's spec accepts (2026-01 Orders.CreateOrderModel,
// Orders.RecipientInfoViewModel, Orders.AddressViewModel, Orders.TagViewModel; Billing date
// filters): text trimmed and cut to the documented maxLength, empty values dropped, e-mails and
// dates kept only when they have the documented format.

/** Documented maxLength values (spec 2026-01 and 2025-07 alike). */
export const MAX = {
  referenceId: 300,
  orderNumber: 400,
  recipientName: 300,
  phone: 50,
  tagName: 50,
  tagValue: 500,
} as const;

/**
 * Trimmed, with runs of whitespace (Amazon sends line breaks inside address fields) made one space,
 * cut to `max` UTF-16 units (what .NET's StringLength counts) without splitting a surrogate pair;
 * undefined when nothing is left.
 */
export function cleanText(v: string | null | undefined, max?: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  let s = v.replace(/\s+/g, ' ').trim();
  if (max !== undefined && s.length > max) {
    s = s.slice(0, max);
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
    s = s.trim();
  }
  return s || undefined;
}

/**
 * `format: email`: one "@" with something on both sides and a dot in the domain, no spaces. Stricter
 * than .NET's EmailAddressAttribute on purpose: an address dropped here costs nothing (it is
 * optional), one ShipBob refuses holds the whole order.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function cleanEmail(v: string | null | undefined): string | undefined {
  const s = cleanText(v);
  return s && EMAIL.test(s) ? s : undefined;
}

/** RFC 3339 full-date alone (2026-11-02): a `date-time` field wants the time as well. */
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 date-time (`format: date-time`): date, time, offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/**
 * A `format: date-time` value in UTC ("2026-11-02T08:00:00.000Z"), or undefined when `v` is not a
 * date. A bare date means the start of that day in UTC, or its last millisecond with `endOfDay`
 * (so a "to" date keeps the whole day).
 */
export function toDateTime(v: string | null | undefined, endOfDay = false): string | undefined {
  const s = typeof v === 'string' ? v.trim() : '';
  let ms: number;
  if (BARE_DATE.test(s)) ms = Date.parse(`${s}T00:00:00Z`) + (endOfDay ? 86_400_000 - 1 : 0);
  else if (DATE_TIME.test(s)) ms = Date.parse(s.replace(' ', 'T'));
  else return undefined;
  // Date.parse rolls 2026-02-30 over to March; the calendar date must survive the round trip.
  if (!Number.isFinite(ms)) return undefined;
  const out = new Date(ms).toISOString();
  if (BARE_DATE.test(s) && out.slice(0, 10) !== s) return undefined;
  if (!BARE_DATE.test(s) && !sameCalendarDate(s, ms)) return undefined;
  return out;
}

function sameCalendarDate(text: string, ms: number): boolean {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10) === text.slice(0, 10);
}

/** A ShipBob location id: a whole number ≥ 1 (spec int32). */
export function locationId(v: string | undefined): number | undefined {
  const s = v === undefined ? '' : v.trim();
  if (!/^\d{1,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 ? n : undefined;
}
