// Date arithmetic for the fake spreadsheet. Sheets stores a date-time as a serial number of days since
// 1899-12-30 counted on the wall clock of the SPREADSHEET's time zone
// (https://developers.google.com/sheets/api/guides/formats#about_date_time_values), so typed dates need
// no time zone, while Dates crossing to and from script code are converted in the spreadsheet's zone
// (apps-script.md §2.1 "Time zones").

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;
const BUCKET_MS = 900_000; // offsets only change on quarter-hour boundaries

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Throws RangeError for a zone name Intl does not know. */
export function checkTimeZone(tz: string): void {
  formatter(tz);
}

/** Wall-clock minus UTC, in ms, for the instant `ms` in zone `tz`. */
export function offsetMs(tz: string, ms: number): number {
  let cache = offsets.get(tz);
  if (!cache) offsets.set(tz, (cache = new Map()));
  const bucket = Math.floor(ms / BUCKET_MS);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const at = bucket * BUCKET_MS;
  const p: Record<string, number> = {};
  for (const x of formatter(tz).formatToParts(new Date(at))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  const off = wall - at;
  cache.set(bucket, off);
  return off;
}

export function instantToSerial(ms: number, tz: string): number {
  return (ms + offsetMs(tz, ms) - SERIAL_EPOCH_UTC) / DAY_MS;
}

export function serialToInstant(serial: number, tz: string): number {
  const wall = SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS);
  const guess = wall - offsetMs(tz, wall);
  return wall - offsetMs(tz, guess);
}

export function wallToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - SERIAL_EPOCH_UTC) / DAY_MS;
}

export interface WallParts { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; dow: number }

export function serialParts(serial: number): WallParts {
  const t = new Date(SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS));
  return {
    y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(),
    mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds(), dow: t.getUTCDay(),
  };
}

export function isValidYmd(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
