// Java SimpleDateFormat patterns for Utilities.formatDate, evaluated in a real IANA time zone with
// Intl (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String),
// pattern letters: https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

export interface ZonedFields {
  year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number;
  weekday: number; // 0 = Sunday
  offsetMin: number;
}

/** Java falls back to GMT for an unknown zone ID (TimeZone.getTimeZone). */
export function validZone(tz: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

export function zonedFields(ms: number, tz: string): ZonedFields {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const f = { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  const msPart = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, msPart);
  const weekday = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
  return { ...f, ms: msPart, weekday, offsetMin: Math.round((asUtc - ms) / 60000) };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(min: number, withColon: boolean): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60), 2)}${withColon ? ':' : ''}${pad(a % 60, 2)}`;
}

function zoneName(ms: number, tz: string | null, offsetMin: number, long: boolean): string {
  if (!tz) return long ? 'Greenwich Mean Time' : 'GMT';
  const style = long ? 'long' : 'short';
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: style })
      .formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return `GMT${offsetText(offsetMin, true)}`;
}

function dayOfYear(f: ZonedFields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
}

/** Week of year with Java's US defaults (weeks start Sunday, week 1 holds 1 January). */
function weekOfYear(f: ZonedFields): number {
  const jan1 = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  const nextJan1 = Date.UTC(f.year + 1, 0, 1);
  const startOfWeek = Date.UTC(f.year, f.month - 1, f.day) - f.weekday * 86_400_000;
  if (startOfWeek + 7 * 86_400_000 > nextJan1) return 1;
  return Math.floor((dayOfYear(f) - 1 + jan1) / 7) + 1;
}

function field(letter: string, count: number, f: ZonedFields, ms: number, tz: string | null): string {
  switch (letter) {
    case 'G': return 'AD';
    case 'y': case 'Y': return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M': case 'L':
      if (count >= 4) return MONTHS[f.month - 1]!;
      if (count === 3) return MONTHS[f.month - 1]!.slice(0, 3);
      return pad(f.month, count);
    case 'w': return pad(weekOfYear(f), count);
    case 'W': return pad(Math.floor((f.day - 1 + new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay()) / 7) + 1, count);
    case 'D': return pad(dayOfYear(f), count);
    case 'd': return pad(f.day, count);
    case 'F': return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E': return count >= 4 ? DAYS[f.weekday]! : DAYS[f.weekday]!.slice(0, 3);
    case 'u': return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a': return f.hour < 12 ? 'AM' : 'PM';
    case 'H': return pad(f.hour, count);
    case 'k': return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K': return pad(f.hour % 12, count);
    case 'h': return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm': return pad(f.minute, count);
    case 's': return pad(f.second, count);
    case 'S': return pad(f.ms, count);
    case 'z': return zoneName(ms, tz, f.offsetMin, count >= 4);
    case 'Z': return offsetText(f.offsetMin, false);
    case 'X':
      if (f.offsetMin === 0) return 'Z';
      if (count === 1) return offsetText(f.offsetMin, false).slice(0, 3);
      return offsetText(f.offsetMin, count >= 3);
    default: throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `ms` with a SimpleDateFormat pattern in zone `tz`; throws Java's text on a bad letter. */
export function formatJavaDate(ms: number, tzRequested: string, pattern: string): string {
  const tz = validZone(tzRequested);
  const f = zonedFields(ms, tz ?? 'UTC');
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") { out += "'"; i += 2; continue; }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error('Unterminated quote');
        if (pattern[j] === "'" && pattern[j + 1] === "'") { out += "'"; j += 2; continue; }
        if (pattern[j] === "'") break;
        out += pattern[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      if (!PATTERN_LETTERS.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      out += field(c, n, f, ms, tz);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** UTC milliseconds of local midnight starting calendar day (y, m 1-based, d) in zone `tz`. */
export function zonedMidnight(y: number, m: number, d: number, tz: string): number {
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - zonedFields(guess, tz).offsetMin * 60_000;
  return guess;
}
