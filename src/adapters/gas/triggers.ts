// Installs and removes the one time-driven trigger that runs the dispatcher. A published editor
// add-on may not run a time trigger more often than hourly and has one trigger of each type per
// user per document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions),
// so a faster schedule falls back to hourly when Apps Script refuses it.

import { SCHEDULE_REQUESTED_KEY } from '../../core/schedule';
import { SCHEDULE_INTERVAL_KEY } from '../../core/trigger-runtime';
import { documentStore } from './store';

interface ScheduleState {
  enabled: boolean;
  everyMinutes: number;
  note: string;
  /** The new trigger's unique id (Trigger.getUniqueId), recorded as the shared schedule. */
  uid: string;
}

/**
 * Installs the trigger and remembers the interval it really runs at (a published add-on falls back
 * to hourly): the daily trigger-runtime check projects a day of runs from it (jobs/kit/quota.ts).
 */
export function installTimeTrigger(handler: string, everyMinutes: number): ScheduleState {
  const state = createTimeTrigger(handler, everyMinutes);
  documentStore().set(SCHEDULE_INTERVAL_KEY, String(state.everyMinutes));
  // What was asked, beside what runs: a later change of the Settings cell is told from a fallback (core/schedule intervalChange).
  documentStore().set(SCHEDULE_REQUESTED_KEY, String(everyMinutes));
  return state;
}

function createTimeTrigger(handler: string, everyMinutes: number): ScheduleState {
  removeTriggers(handler);
  const create = (minutes: number) => {
    const b = ScriptApp.newTrigger(handler).timeBased();
    return (minutes < 60 ? b.everyMinutes(minutes) : b.everyHours(1)).create().getUniqueId();
  };
  if (everyMinutes < 60) {
    try {
      return { enabled: true, everyMinutes, note: `Runs every ${everyMinutes} minutes.`, uid: create(everyMinutes) };
    } catch (e) {
      return { enabled: true, everyMinutes: 60, note: `Apps Script refused a ${everyMinutes}-minute schedule (published add-ons run at most hourly), so it runs hourly.`, uid: create(60) };
    }
  }
  return { enabled: true, everyMinutes: 60, note: 'Runs every hour.', uid: create(60) };
}

/**
 * This spreadsheet's triggers of this user. In a published add-on getProjectTriggers would list the
 * user's triggers of every document the add-on runs in, so turning the schedule off here would stop
 * it there too: getUserTriggers(spreadsheet) keeps to this one
 * (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)).
 * A bound script's time trigger has no source document, so getUserTriggers misses it; a bound
 * project belongs to this spreadsheet alone, so there every project trigger is this document's
 * (getInstallationSource is NONE when the script is not an installed add-on,
 * https://developers.google.com/apps-script/reference/script/script-app#getInstallationSource()).
 */
function documentTriggers(): GoogleAppsScript.Script.Trigger[] {
  if (ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE) return ScriptApp.getProjectTriggers();
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet());
}

export function removeTriggers(handler: string): number {
  let removed = 0;
  for (const t of documentTriggers()) {
    if (t.getHandlerFunction() === handler) {
      ScriptApp.deleteTrigger(t);
      removed++;
    }
  }
  return removed;
}

/** Unique ids of this user's triggers of `handler` in this spreadsheet: the only ones it may delete. */
export function ownTriggerUids(handler: string): string[] {
  return documentTriggers().filter((t) => t.getHandlerFunction() === handler).map((t) => t.getUniqueId());
}

/** Deletes this user's trigger with that id; false when it is not one of theirs. */
export function deleteOwnTrigger(uid: string): boolean {
  const t = documentTriggers().find((x) => x.getUniqueId() === uid);
  if (!t) return false;
  ScriptApp.deleteTrigger(t);
  return true;
}

/**
 * Who is running, without the userinfo.email scope: "a temporary key that is unique to the active
 * user but does not reveal the user identity" (https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()).
 * It is unique per script and rotates every 30 days, so an owner recorded a month ago reads as
 * "another editor" then; the record's trigger id, not the key, decides what runs.
 */
export function currentUserKey(): string {
  try {
    return Session.getTemporaryActiveUserKey() || '';
  } catch {
    return '';
  }
}
