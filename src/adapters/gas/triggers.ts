// Installs and removes the one time-driven trigger that runs the dispatcher. A published editor
// add-on may not run a time trigger more often than hourly and has one trigger of each type per
// user per document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions),
// so a faster schedule falls back to hourly when Apps Script refuses it.

export interface ScheduleState {
  enabled: boolean;
  everyMinutes: number;
  note: string;
}

export function installTimeTrigger(handler: string, everyMinutes: number): ScheduleState {
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

export function removeTriggers(handler: string): number {
  let removed = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === handler) {
      ScriptApp.deleteTrigger(t);
      removed++;
    }
  }
  return removed;
}

export function hasTrigger(handler: string): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === handler);
}
