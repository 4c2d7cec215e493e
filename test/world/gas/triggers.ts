// Installed triggers and when clock triggers fire. Clock triggers "fire at a somewhat random time
// inside the slot" and keep that timing from one period to the next
// (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers), so
// each trigger gets a fixed offset derived from its id: deterministic, yet not at the slot start.

import { stableHash } from './context';
import { validZone, zonedFields, zonedMidnight } from './dateformat';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
export type TriggerSourceType = 'CLOCK' | 'SPREADSHEETS';
export type WeekDayName = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export const WEEK_DAYS: readonly WeekDayName[] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

export type ClockSchedule =
  | { kind: 'once'; at: number }
  | { kind: 'minutes'; n: number }
  | { kind: 'hours'; n: number; nearMinute?: number }
  | { kind: 'days'; n: number; atHour?: number; nearMinute?: number; timeZone: string }
  | { kind: 'weeks'; n: number; weekDay?: WeekDayName; atHour?: number; nearMinute?: number; timeZone: string }
  | { kind: 'monthDay'; day: number; atHour?: number; nearMinute?: number; timeZone: string };

export interface InstalledTrigger {
  uid: string;
  handler: string;
  eventType: TriggerEventType;
  source: TriggerSourceType;
  /** The spreadsheet a trigger belongs to (spreadsheet triggers, and every add-on trigger). */
  documentId: string | null;
  /** Installable triggers "run under the account of the person who created them". */
  owner: string;
  createdAt: number;
  schedule?: ClockSchedule;
}

export interface TriggerOccurrence {
  at: number;
  handler: string;
  triggerUid: string;
  /** The execution runs as this user: installable triggers "run under the account of the person who created them". */
  owner: string;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export class TriggerModel {
  readonly triggers: InstalledTrigger[] = [];
  private seq = 0;

  nextUid(): string {
    this.seq++;
    // Apps Script ids are long decimal strings; this one is stable for a given creation order.
    return `${stableHash(`trigger:${this.seq}`)}${String(this.seq).padStart(6, '0')}`;
  }

  add(t: InstalledTrigger): void {
    this.triggers.push(t);
  }

  remove(uid: string): boolean {
    const i = this.triggers.findIndex((t) => t.uid === uid);
    if (i < 0) return false;
    this.triggers.splice(i, 1);
    return true;
  }

  ownedBy(owner: string): InstalledTrigger[] {
    return this.triggers.filter((t) => t.owner === owner);
  }

  /**
   * When installed clock triggers fire in (fromMs, toMs], in time order. One-off triggers (after/at)
   * fire once; like Apps Script they stay listed in getProjectTriggers until deleted.
   */
  occurrences(fromMs: number, toMs: number): TriggerOccurrence[] {
    const out: TriggerOccurrence[] = [];
    for (const t of this.triggers) {
      if (!t.schedule) continue;
      for (const at of fireTimes(t, fromMs, toMs)) {
        if (at > fromMs && at <= toMs && at > t.createdAt) out.push({ at, handler: t.handler, triggerUid: t.uid, owner: t.owner });
      }
    }
    return out.sort((a, b) => a.at - b.at || a.triggerUid.localeCompare(b.triggerUid));
  }
}

/** The trigger's fixed position inside its slot, in [0, 1). */
function fraction(uid: string): number {
  return stableHash(`slot:${uid}`) / 2 ** 32;
}

/** Minutes past the hour: nearMinute is honoured "plus or minus 15 minutes" (ClockTriggerBuilder.nearMinute). */
function minuteInHour(uid: string, nearMinute: number | undefined): number {
  const f = fraction(uid);
  if (nearMinute === undefined) return f * 60;
  return (((nearMinute - 15 + f * 30) % 60) + 60) % 60;
}

function fireTimes(t: InstalledTrigger, fromMs: number, toMs: number): number[] {
  const s = t.schedule!;
  const f = fraction(t.uid);
  switch (s.kind) {
    case 'once':
      return [s.at];
    case 'minutes':
    case 'hours': {
      const period = s.kind === 'minutes' ? s.n * MIN : s.n * HOUR;
      const offset = s.kind === 'hours' && s.nearMinute !== undefined
        ? (minuteInHour(t.uid, s.nearMinute) * MIN) % period
        : f * period;
      const times: number[] = [];
      for (let k = Math.floor(fromMs / period) - 1; k * period <= toMs; k++) times.push(k * period + Math.floor(offset));
      return times;
    }
    default:
      return calendarFireTimes(t, s, fromMs, toMs);
  }
}

/** Daily, weekly and monthly triggers: local days in the trigger's time zone that match, at atHour. */
function calendarFireTimes(
  t: InstalledTrigger,
  s: Extract<ClockSchedule, { kind: 'days' | 'weeks' | 'monthDay' }>,
  fromMs: number,
  toMs: number,
): number[] {
  const tz = validZone(s.timeZone) ?? 'UTC';
  const created = zonedFields(t.createdAt, tz);
  const createdDay = Date.UTC(created.year, created.month - 1, created.day) / DAY;
  const f = fraction(t.uid);
  // Without atHour Apps Script picks the time itself; keep it fixed per trigger.
  const hour = s.atHour ?? Math.floor(f * 24);
  const minute = minuteInHour(t.uid, s.nearMinute);
  const times: number[] = [];
  for (let ms = fromMs - DAY; ms <= toMs + DAY; ms += DAY) {
    const d = zonedFields(ms, tz);
    const dayIndex = Date.UTC(d.year, d.month - 1, d.day) / DAY;
    let match: boolean;
    if (s.kind === 'days') match = (dayIndex - createdDay) % s.n === 0;
    else if (s.kind === 'weeks') {
      const weekDay = s.weekDay ?? WEEK_DAYS[created.weekday]!;
      const weeks = Math.floor((dayIndex - createdDay) / 7);
      match = WEEK_DAYS[d.weekday] === weekDay && weeks >= 0 && weeks % s.n === 0;
    } else match = d.day === s.day;
    if (match) times.push(zonedMidnight(d.year, d.month, d.day, tz) + hour * HOUR + Math.floor(minute * MIN));
  }
  return [...new Set(times)];
}
