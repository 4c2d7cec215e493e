// The shared schedule: one time trigger per spreadsheet, recorded in document properties with its id
// and its owner's user key. Triggers belong to the user who made them while credentials belong to
// the document, so the record (not each user's trigger list) says whether the schedule is on.

/** Document property holding the record (JSON). */
export const SCHEDULE_RECORD_KEY = 'schedule.trigger';

export type ScheduleRecord =
  | { state: 'on'; uid: string; owner: string; since: number }
  | { state: 'off'; by: string; at: number };

/** null: never recorded (a schedule installed by a version before the shared schedule, or none). */
export function parseScheduleRecord(raw: string | null): ScheduleRecord | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Record<string, unknown>>;
    if (v.state === 'on' && typeof v.uid === 'string' && v.uid) {
      return { state: 'on', uid: v.uid, owner: String(v.owner ?? ''), since: Number(v.since) || 0 };
    }
    if (v.state === 'off') return { state: 'off', by: String(v.by ?? ''), at: Number(v.at) || 0 };
  } catch {
    // An unreadable record counts as "off": a trigger never runs on a record it cannot read.
  }
  return { state: 'off', by: '', at: 0 };
}

export function serializeScheduleRecord(record: ScheduleRecord): string {
  return JSON.stringify(record);
}

/** How a user is named to others: the user key is all the add-on knows without the email scope. */
export function ownerLabel(owner: string, me: string): string {
  if (owner && owner === me) return 'you';
  return owner ? `another editor (user key ${owner})` : 'another editor';
}

type ScheduledRunDecision =
  | { action: 'run' }
  /** No record yet: the first trigger of an older install to fire becomes the shared schedule. */
  | { action: 'adopt' }
  /** Not the recorded trigger and it belongs to the running user: it deletes itself. */
  | { action: 'remove-stale'; reason: string }
  | { action: 'ignore'; reason: string };

/**
 * What a firing of the schedule handler does. `ownTriggerUids`: the running user's triggers of this
 * handler in this document (the only ones Apps Script lets it see and delete). A trigger runs as
 * its owner, so a stale one can always delete itself.
 */
export function decideScheduledRun(
  record: ScheduleRecord | null,
  triggerUid: string | undefined,
  ownTriggerUids: () => readonly string[],
): ScheduledRunDecision {
  if (!triggerUid) return { action: 'ignore', reason: 'not started by a trigger' };
  if (record?.state === 'on' && record.uid === triggerUid) return { action: 'run' };
  // Asked only off the common path: listing triggers is one more Apps Script call.
  const mine = ownTriggerUids().includes(triggerUid);
  if (record === null && mine) return { action: 'adopt' };
  const reason = record?.state === 'on'
    ? 'another trigger is the shared schedule'
    : 'the shared schedule was turned off';
  return mine ? { action: 'remove-stale', reason } : { action: 'ignore', reason };
}

type EnableDecision = { action: 'install'; replacesOwn: boolean } | { action: 'refuse'; message: string };

/** Never two schedules: another editor's schedule must be turned off before this user takes over. */
export function decideEnable(record: ScheduleRecord | null, me: string): EnableDecision {
  if (record?.state === 'on' && record.owner !== me) {
    return {
      action: 'refuse',
      message: `Scheduled sync is already on, set up by ${ownerLabel(record.owner, me)}. A spreadsheet has one schedule: turn it off first, then turn it on to run it under your account.`,
    };
  }
  return { action: 'install', replacesOwn: record?.state === 'on' };
}

/** The note after turning the schedule off; any editor may, whoever set it up. */
export function disableNote(record: ScheduleRecord | null, me: string, removedOwn: number): string {
  if (record?.state === 'on' && record.owner !== me) {
    return `Scheduled sync is off. It was set up by ${ownerLabel(record.owner, me)}: that trigger does nothing from now on and removes itself the next time it fires.`;
  }
  if (record?.state === 'on' || removedOwn > 0) return 'Scheduled sync is off.';
  return 'Scheduled sync was already off.';
}

interface ScheduleView {
  enabled: boolean;
  /** Who set it up, as the sidebar shows it ("you", "another editor (user key …)"); null when off. */
  owner: string | null;
  /** Why it is off although it was turned on, when known (its trigger is gone); absent otherwise. */
  note?: string;
}

/**
 * The sidebar's view: on when the record says so, whoever's trigger it is. `ownTriggerUids`: the
 * running user's triggers of the handler, asked only when the record names this user's trigger: a
 * trigger deleted outside the add-on (Apps Script's Triggers page, or Google removing it) runs
 * nothing, and the sidebar must not go on saying the schedule is on.
 */
export function scheduleView(record: ScheduleRecord | null, me: string, ownTriggerCount: number, ownTriggerUids?: () => readonly string[]): ScheduleView {
  if (record?.state === 'on' && record.owner === me && me && ownTriggerUids && !ownTriggerUids().includes(record.uid)) {
    return { enabled: false, owner: null, note: 'Scheduled sync was turned on, but its trigger is gone (deleted in Apps Script\'s Triggers page, or removed by Google), so nothing runs by itself. Turn it on again.' };
  }
  if (record?.state === 'on') return { enabled: true, owner: ownerLabel(record.owner, me) };
  // An older install's trigger with no record yet is this user's schedule until it first fires.
  if (record === null && ownTriggerCount > 0) return { enabled: true, owner: 'you' };
  return { enabled: false, owner: null };
}

/**
 * The interval the sidebar shows: while the schedule is on, the one the trigger was installed with
 * (a published add-on asked for 5 minutes runs hourly: Apps Script refuses faster time triggers in
 * add-ons, apps-script.md §2.7), not the Settings cell, which may say something the trigger never did.
 */
export function shownInterval(enabled: boolean, installedMinutes: string | null, settingMinutes: number): number {
  const installed = Number(installedMinutes);
  return enabled && Number.isFinite(installed) && installed > 0 ? installed : settingMinutes;
}

/**
 * The note after turning the schedule on. A "Sync every (minutes)" Settings could not use (7, 1440,
 * text) is said there, by the person who just asked for a schedule, rather than only in the next
 * run's Exceptions: the trigger runs at the default meanwhile, which may be far from what was meant.
 */
export function enableNote(installNote: string, intervalProblem: string | undefined): string {
  return intervalProblem ? `${intervalProblem} ${installNote}` : installNote;
}

/** Document property: the interval "Sync every (minutes)" asked for when the trigger was installed (it may run hourly instead). */
export const SCHEDULE_REQUESTED_KEY = 'schedule.requestedMinutes';

/**
 * The interval to reinstall the schedule at, or null to leave it. A trigger keeps the interval it was
 * installed with, so a "Sync every (minutes)" changed while the schedule is on would otherwise never
 * apply, with nothing saying so. Compared with what was asked at install time, not what runs: a
 * published add-on asked for 15 runs hourly, and asking again would change nothing. `usable`: the
 * cell is typed and Settings could read it (an unusable or missing one is no reason to change).
 */
export function intervalChange(requested: string | null, installed: string | null, setting: number, usable: boolean): number | null {
  if (!usable) return null;
  const asked = Number(requested ?? installed);
  if (!Number.isFinite(asked) || asked <= 0) return null;
  return asked === setting ? null : setting;
}
