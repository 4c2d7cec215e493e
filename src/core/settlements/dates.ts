// Dates of a settlement file. Amazon documents settlement-start/end/deposit-date as ISO 8601 with
// an offset ("2003-10-03T16:00:00-07:00", all in GMT: https://sellercentral.amazon.in/gp/help/external/help.html?itemID=791),
// and the V2 flat file's posted-date as MM/DD/YY and posted-date-time as "YYYY-MM-DD HH:MM:SS UTC"
// (https://developer-docs.amazon.com/sp-api/changelog/update-deprecation-of-two-payment-settlement-report-types);
// EU files show dotted dates ("01.10.2026 00:00:00 UTC"; sp-api.md §6).
// Accepted, with an optional time (HH:MM[:SS[.fff]]) and zone (Z, UTC, GMT, ±HH[:MM], or one of
// the abbreviations below):
//   YYYY-MM-DD[(T| )time][zone]    DD.MM.YYYY[ time][zone]    MM/DD/YY[YY][ time][zone]
//   (and YYYY/MM/DD, year first so never ambiguous)
// A time without a zone is GMT, as Amazon's field definitions say. A date alone ("2026-11-03",
// "03.11.2026") names a calendar day, not a moment: it is marked `day` (ms is its UTC midnight) so
// the reader places it at the start of that day in the spreadsheet's time zone (parse.ts), where UTC
// midnight would show as the day before west of UTC. Slashed dates are MM/DD as
// Amazon's notice says, unless the file itself shows DD/MM (a first number above 12 and none in
// the second place): the order is chosen once per file, like the decimal mark. A line's slashed
// date that reads both ways is placed by the settlement's own period instead (posted-date.ts).

export type SlashOrder = 'MDY' | 'DMY';

/** `day`: the text names a calendar day without a time or zone; ms is that day's midnight in UTC. */
export type DateResult = { ok: true; ms: number | null; day?: true } | { ok: false; problem: string };

const TIME = '(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?';
const ZONE = '\\s*(Z|[A-Za-z]{2,5}|[+-]\\d{2}(?::?\\d{2})?)?';
const ISO = new RegExp(`^(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})${TIME}${ZONE}$`);
const DOTTED = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})${TIME}${ZONE}$`);
const SLASHED = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${TIME}${ZONE}$`);

/** Minutes east of GMT for the zone names settlement files and their exports use. */
const ZONES: Readonly<Record<string, number>> = {
  Z: 0, UTC: 0, GMT: 0,
  BST: 60, CET: 60, MEZ: 60, CEST: 120, MESZ: 120,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  IST: 330, JST: 540, AEST: 600, AEDT: 660,
};

function zoneMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, rest: ReadonlyArray<string | undefined>): number | string {
  const [h, mi, s, frac, zone] = rest;
  const hour = Number(h ?? '0');
  const minute = Number(mi ?? '0');
  const second = Number(s ?? '0');
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysIn(year, month)) return `day ${day} does not exist in month ${month} of ${year}`;
  if (hour > 23 || minute > 59 || second > 59) return 'the time is not a time of day';
  const offset = zoneMinutes(zone);
  if (offset === null) return `the time zone "${zone}" is not one the add-on knows`;
  const ms = Math.floor(Number(`0.${frac ?? '0'}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** One date cell; '' is no date (null). */
export function parseSettlementDate(text: string, slash: SlashOrder): DateResult {
  const t = text.trim();
  if (!t) return { ok: true, ms: null };
  let out: number | string;
  let m = ISO.exec(t);
  if (m) out = build(Number(m[1]), Number(m[3]), Number(m[4]), m.slice(5));
  else if ((m = DOTTED.exec(t))) out = build(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]), m.slice(4));
  else if ((m = SLASHED.exec(t))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    out = slash === 'MDY' ? build(fullYear(m[3] ?? ''), a, b, m.slice(4)) : build(fullYear(m[3] ?? ''), b, a, m.slice(4));
  } else {
    return { ok: false, problem: 'not a date in a settlement format (e.g. 2026-10-01T00:00:00+00:00, 2026-10-01 00:00:00 UTC, 01.10.2026, 10/01/26)' };
  }
  if (typeof out !== 'number') return { ok: false, problem: out };
  const dayOnly = m.slice(-5).every((x) => x === undefined);
  return dayOnly ? { ok: true, ms: out, day: true } : { ok: true, ms: out };
}

/** True when a slashed date reads as a date either way round ("05/10/26": 10 May or 5 October). */
export function ambiguousSlash(text: string): boolean {
  const m = SLASHED.exec(text.trim());
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12;
}

/** Month and day order of the file's slashed dates (see the top of the file). */
export function slashOrderOf(values: Iterable<string>): SlashOrder {
  return slashOrderShown(values) ?? 'MDY';
}

/** The order the file's own unambiguous slashed dates show, by majority; null when they show none (or tie). */
export function slashOrderShown(values: Iterable<string>): SlashOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\//.exec(v);
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
  }
  return dayFirst > monthFirst ? 'DMY' : monthFirst > dayFirst ? 'MDY' : null;
}

/** Time zone offsets and their changes fall on quarter hours: within one, the local month is one. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * 'YYYY-MM' of a moment in the spreadsheet's time zone, the zone Sheets shows Posted in, so Month
 * always agrees with the Posted cell beside it. `dayOf` gives the local day ("2026-07-01"); it is
 * asked once per quarter hour seen (a settlement's lines share a few hundred), not once per line.
 */
export function zonedMonthOf(dayOf: (ms: number) => string): (ms: number) => string {
  const seen = new Map<number, string>();
  return (ms) => {
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let month = seen.get(quarter);
    if (month === undefined) seen.set(quarter, (month = dayOf(quarter * QUARTER_HOUR_MS).slice(0, 7)));
    return month;
  };
}

/** 'YYYY-MM' of a moment, in UTC (where no spreadsheet time zone is known). */
export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
