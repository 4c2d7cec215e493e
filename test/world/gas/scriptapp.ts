// Fake ScriptApp (https://developers.google.com/apps-script/reference/script/script-app): trigger
// builders with Google's argument rules and limits, the editor add-on restrictions, enums and
// authorization info. Installed triggers live in the TriggerModel (triggers.ts).

import { MODES, SCOPES, fail, realmArray, requireAuth, stableHash, type Ctx } from './context';
import { zonedMidnight } from './dateformat';
import { WEEK_DAYS, type ClockSchedule, type InstalledTrigger, type TriggerEventType, type TriggerModel, type WeekDayName } from './triggers';

export const MAX_TRIGGERS_PER_USER = 20;
/** Quotas page: 20 triggers / user / script; text observed widely (apps-script.md §3). */
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/**
 * "Time-driven triggers cannot run more frequently than once per hour"
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions); the text is
 * the one Apps Script throws (quoted in github.com/ttsukagoshi/mail-merge-for-gmail/issues/165).
 */
export const ADDON_RECURRENCE_MESSAGE = 'The recurrence interval for an Add-on trigger must be at least one hour.';
/** "one trigger of each type, per user, per document" (same page). Google's text is not published: the fake's own. */
export const addonDuplicateMessage = (type: string) =>
  `An add-on can have only one trigger of each type per user per document; a ${type} trigger already exists.`;

/** deleteTrigger with another user's trigger: the fake's own wording (Google publishes none). */
export const deleteOthersTriggerMessage = (uid: string) =>
  `Trigger ${uid} belongs to another user; only the user who created a trigger can delete it.`;

const enumOf = <K extends string>(...keys: K[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P });
export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const InstallationSource = enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

/** Script-level facts that outlive executions. */
export interface ScriptState {
  scriptId: string;
  /** Test hook: the user must re-authorize (new scopes), as getAuthorizationInfo reports. */
  authorizationRequired: boolean;
  /** The spreadsheet the script is bound to or the add-on runs in. */
  documentId: string;
}

export interface ScriptAppDeps {
  triggers: TriggerModel;
  script: ScriptState;
}

function triggerView(t: InstalledTrigger) {
  return {
    getEventType: () => t.eventType,
    getHandlerFunction: () => t.handler,
    getTriggerSource: () => t.source,
    getTriggerSourceId: () => t.documentId,
    getUniqueId: () => t.uid,
  };
}
export type FakeTrigger = ReturnType<typeof triggerView>;

export function makeScriptApp(ctx: Ctx, deps: ScriptAppDeps) {
  const { world, realm } = ctx;
  const { triggers, script } = deps;
  const scriptTz = () => ctx.manifest.timeZone ?? world.scriptTimeZone;
  const authorize = (method: string) => requireAuth(ctx, world.guard(), method, { modes: MODES.full, scope: SCOPES.scriptApp });

  const install = (partial: Pick<InstalledTrigger, 'handler' | 'eventType' | 'source' | 'documentId' | 'schedule'>): FakeTrigger => {
    world.guard();
    const owner = world.activeUserEmail;
    const mine = triggers.ownedBy(owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) fail(ctx, TOO_MANY_TRIGGERS);
    if (world.mode === 'addon') {
      const s = partial.schedule;
      if (s && s.kind === 'minutes') fail(ctx, ADDON_RECURRENCE_MESSAGE);
      if (mine.some((t) => t.eventType === partial.eventType && t.documentId === partial.documentId)) {
        fail(ctx, addonDuplicateMessage(partial.eventType));
      }
    }
    const t: InstalledTrigger = { ...partial, uid: triggers.nextUid(), owner, createdAt: world.clock.now() };
    triggers.add(t);
    return triggerView(t);
  };

  // Clock triggers belong to the document in an add-on ("triggers only for the file the add-on is used in").
  const clockDocument = () => (world.mode === 'addon' ? script.documentId : null);

  function clockBuilder(handler: string) {
    type Freq = { kind: 'once'; at: number } | { kind: 'minutes' | 'hours' | 'days' | 'weeks'; n: number } | { kind: 'monthDay'; day: number };
    let freq: Freq | undefined;
    let atHour: number | undefined;
    let nearMinute: number | undefined;
    let weekDay: WeekDayName | undefined;
    let timeZone: string | undefined;
    // Google's argument texts are not published; these messages are the fake's own.
    const int = (v: unknown, name: string, min: number, max: number): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) fail(ctx, `Invalid argument: ${name}`);
      return n;
    };
    const b = {
      /** "n must be 1, 5, 10, 15 or 30" (ClockTriggerBuilder.everyMinutes). */
      everyMinutes(n: number) {
        world.guard();
        if (![1, 5, 10, 15, 30].includes(Number(n))) fail(ctx, 'Invalid argument: minutes. Accepted values are 1, 5, 10, 15 or 30.');
        freq = { kind: 'minutes', n: Number(n) };
        return b;
      },
      /** Commonly cited accepted values 1, 2, 4, 6, 8, 12 (apps-script.md §2.7). */
      everyHours(n: number) {
        world.guard();
        if (![1, 2, 4, 6, 8, 12].includes(Number(n))) fail(ctx, 'Invalid argument: hours. Accepted values are 1, 2, 4, 6, 8 or 12.');
        freq = { kind: 'hours', n: Number(n) };
        return b;
      },
      everyDays(n: number) { world.guard(); freq = { kind: 'days', n: int(n, 'days', 1, 366) }; return b; },
      everyWeeks(n: number) { world.guard(); freq = { kind: 'weeks', n: int(n, 'weeks', 1, 52) }; return b; },
      onMonthDay(day: number) { world.guard(); freq = { kind: 'monthDay', day: int(day, 'day', 1, 31) }; return b; },
      onWeekDay(day: WeekDayName) {
        world.guard();
        if (!WEEK_DAYS.includes(day)) fail(ctx, 'Invalid argument: day');
        weekDay = day;
        return b;
      },
      atHour(hour: number) { world.guard(); atHour = int(hour, 'hour', 0, 23); return b; },
      nearMinute(minute: number) { world.guard(); nearMinute = int(minute, 'minute', 0, 59); return b; },
      inTimezone(tz: string) { world.guard(); timeZone = String(tz); return b; },
      /** "the minimum duration (in milliseconds) after the current time that the trigger runs". */
      after(ms: number) { world.guard(); freq = { kind: 'once', at: world.clock.now() + Math.max(0, Number(ms)) }; return b; },
      at(date: Date) { world.guard(); freq = { kind: 'once', at: Number(date.getTime()) }; return b; },
      atDate(year: number, month: number, day: number) {
        world.guard();
        freq = { kind: 'once', at: zonedMidnight(Number(year), Number(month), Number(day), timeZone ?? scriptTz()) };
        return b;
      },
      create(): FakeTrigger {
        world.guard();
        if (!freq) fail(ctx, 'Clock trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, after or at first.');
        if (weekDay !== undefined && freq.kind !== 'weeks') fail(ctx, 'onWeekDay() can only be used with everyWeeks().');
        if (atHour !== undefined && !['days', 'weeks', 'monthDay'].includes(freq.kind)) {
          fail(ctx, 'atHour() can only be used with everyDays(), everyWeeks() or onMonthDay().');
        }
        const tz = timeZone ?? scriptTz();
        let schedule: ClockSchedule;
        switch (freq.kind) {
          case 'once': schedule = { kind: 'once', at: freq.at }; break;
          case 'minutes': schedule = { kind: 'minutes', n: freq.n }; break;
          case 'hours': schedule = { kind: 'hours', n: freq.n, nearMinute }; break;
          case 'days': schedule = { kind: 'days', n: freq.n, atHour, nearMinute, timeZone: tz }; break;
          case 'weeks': schedule = { kind: 'weeks', n: freq.n, weekDay, atHour, nearMinute, timeZone: tz }; break;
          case 'monthDay': schedule = { kind: 'monthDay', day: freq.day, atHour, nearMinute, timeZone: tz }; break;
        }
        return install({ handler, eventType: 'CLOCK', source: 'CLOCK', documentId: clockDocument(), schedule });
      },
    };
    return b;
  }

  function spreadsheetBuilder(handler: string, documentId: string) {
    let eventType: TriggerEventType | undefined;
    const set = (e: TriggerEventType) => { world.guard(); eventType = e; return b; };
    const b = {
      onOpen: () => set('ON_OPEN'),
      onEdit: () => set('ON_EDIT'),
      onChange: () => set('ON_CHANGE'),
      onFormSubmit: () => set('ON_FORM_SUBMIT'),
      create(): FakeTrigger {
        world.guard();
        if (!eventType) fail(ctx, 'Spreadsheet trigger has no event: call onOpen, onEdit, onChange or onFormSubmit first.');
        return install({ handler, eventType, source: 'SPREADSHEETS', documentId });
      },
    };
    return b;
  }

  const idOf = (ss: unknown): string =>
    typeof ss === 'string' ? ss : String((ss as { getId(): string }).getId());

  return {
    AuthMode, EventType, TriggerSource, AuthorizationStatus, InstallationSource, WeekDay,

    newTrigger(functionName: string) {
      authorize('ScriptApp.newTrigger');
      const handler = String(functionName);
      return {
        timeBased: () => { world.guard(); return clockBuilder(handler); },
        forSpreadsheet: (ss: unknown) => { world.guard(); return spreadsheetBuilder(handler, idOf(ss)); },
      };
    },
    /**
     * "Gets all installable triggers associated with the current project and current user."
     * (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers():
     * the "current user's triggers for this project"): another editor's triggers are not listed.
     */
    getProjectTriggers(): FakeTrigger[] {
      authorize('ScriptApp.getProjectTriggers');
      return realmArray(realm, triggers.ownedBy(world.activeUserEmail).map(triggerView));
    },
    /** "all installable triggers owned by this user in the given spreadsheet, for this script or add-on only". */
    getUserTriggers(ss: unknown): FakeTrigger[] {
      authorize('ScriptApp.getUserTriggers');
      const id = idOf(ss);
      return realmArray(realm, triggers.ownedBy(world.activeUserEmail).filter((t) => t.documentId === id).map(triggerView));
    },
    /**
     * Triggers "run under the account of the person who created them" and are listed only to that
     * user (getProjectTriggers/getUserTriggers above), so a script can only remove its own user's
     * triggers (https://developers.google.com/apps-script/guides/triggers/installable#managing_triggers_manually).
     * Google publishes no text for deleting someone else's trigger: the message is the fake's own.
     */
    deleteTrigger(trigger: FakeTrigger): void {
      authorize('ScriptApp.deleteTrigger');
      const uid = String(trigger.getUniqueId());
      const found = triggers.triggers.find((t) => t.uid === uid);
      if (found && found.owner !== world.activeUserEmail) fail(ctx, deleteOthersTriggerMessage(uid));
      triggers.remove(uid);
    },
    getAuthorizationInfo(_authMode: string) {
      world.guard();
      const required = script.authorizationRequired;
      return {
        getAuthorizationStatus: () => (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
        getAuthorizationUrl: () => (required ? `https://script.google.com/macros/d/${script.scriptId}/authorize` : null),
        getAuthorizedScopes: () => (required ? null : realmArray(realm, ctx.manifest.oauthScopes ?? [])),
      };
    },
    getScriptId(): string {
      world.guard();
      return script.scriptId;
    },
    /** A stand-in token; only simulators that expect it will accept it. */
    getOAuthToken(): string {
      world.guard();
      return `ya29.fake-${stableHash(`${script.scriptId}:${world.activeUserEmail}`).toString(36)}`;
    },
    getInstallationSource(): string {
      world.guard();
      return world.mode === 'addon' ? InstallationSource.WEB_STORE_ADD_ON : InstallationSource.NONE;
    },
  };
}
