// Installs and removes the one time-driven trigger that runs the dispatcher. A published editor
// add-on may not run a time trigger more often than hourly and has one trigger of each type per
// user per document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions),
// so a faster schedule falls back to hourly when Apps Script refuses it.

import { SCHEDULE_INTERVAL_KEY } from '../../core/trigger-runtime';
import { documentStore } from './store';

interface ScheduleState {
  enabled: boolean;
  everyMinutes: number;
  note: string;
}

/**
 * Installs the trigger and remembers the interval it really runs at (a published add-on falls back
 * to hourly): the daily trigger-runtime check projects a day of runs from it (jobs/kit/quota.ts).
 */
export function installTimeTrigger(handler: string, everyMinutes: number): ScheduleState {
  const state = createTimeTrigger(handler, everyMinutes);
  documentStore().set(SCHEDULE_INTERVAL_KEY, String(state.everyMinutes));
  return state;
}

function createTimeTrigger(handler: string, everyMinutes: number): ScheduleState {
  removeTriggers(handler);
  if (everyMinutes < 60) {
    try {
      ScriptApp.newTrigger(handler).timeBased().everyMinutes(everyMinutes).create();
      return { enabled: true, everyMinutes, note: `Runs every ${everyMinutes} minutes.` };
    } catch (e) {
      ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
      return { enabled: true, everyMinutes: 60, note: `Apps Script refused a ${everyMinutes}-minute schedule (published add-ons run at most hourly), so it runs hourly.` };
    }
  }
  ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  return { enabled: true, everyMinutes: 60, note: 'Runs every hour.' };
}

/**
 * This spreadsheet's triggers of this user. getProjectTriggers would list the user's triggers of
 * every document the add-on runs in, so turning the schedule off here would stop it there too
 * (https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)).
 */
function documentTriggers(): GoogleAppsScript.Script.Trigger[] {
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

export function hasTrigger(handler: string): boolean {
  return documentTriggers().some((t) => t.getHandlerFunction() === handler);
}
