// ScriptApp fake against https://developers.google.com/apps-script/reference/script/clock-trigger-builder,
// https://developers.google.com/apps-script/reference/script/script-app,
// https://developers.google.com/apps-script/guides/triggers/installable and the editor add-on
// restrictions https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions.

import { describe, expect, it } from 'vitest';
import { ADDON_RECURRENCE_MESSAGE, TOO_MANY_TRIGGERS, makeScriptApp, type ScriptState } from '../world/gas/scriptapp';
import { TriggerModel } from '../world/gas/triggers';
import { gasMessage, harness, type HarnessOptions } from './gas-harness';

const START = '2026-03-02T09:00:00Z';
const HOUR = 3_600_000;

function setup(opts: HarnessOptions = {}) {
  const h = harness({ start: START, manifest: { timeZone: 'Europe/London' }, ...opts });
  const triggers = new TriggerModel();
  const script: ScriptState = { scriptId: 'script-1', authorizationRequired: false, documentId: 'sheet-1' };
  return { ...h, triggers, script, app: makeScriptApp(h.ctx, { triggers, script }) };
}

describe('ScriptApp triggers', () => {
  it('creates a clock trigger and lists, describes and deletes it', () => {
    const { app } = setup();
    const t = app.newTrigger('syncTick').timeBased().everyMinutes(5).create();
    expect(t.getHandlerFunction()).toBe('syncTick');
    expect(t.getEventType()).toBe(app.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    const listed = app.getProjectTriggers();
    expect(listed.map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    app.deleteTrigger(listed[0]!);
    expect(app.getProjectTriggers()).toHaveLength(0);
  });

  it('accepts everyMinutes 1, 5, 10, 15, 30 and everyHours 1, 2, 4, 6, 8, 12 only', () => {
    const { app } = setup();
    for (const n of [1, 5, 10, 15, 30]) app.newTrigger('f').timeBased().everyMinutes(n);
    for (const n of [1, 2, 4, 6, 8, 12]) app.newTrigger('f').timeBased().everyHours(n);
    expect(() => app.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/minutes/);
    expect(() => app.newTrigger('f').timeBased().everyHours(3)).toThrow(/hours/);
  });

  it('allows 20 triggers per user per script', () => {
    const { app } = setup();
    for (let i = 0; i < 20; i++) app.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(gasMessage(() => app.newTrigger('f20').timeBased().everyHours(1).create())).toBe(TOO_MANY_TRIGGERS);
  });

  it('in an add-on, rejects clock triggers faster than hourly and a second trigger of the same type', () => {
    const { app } = setup({ mode: 'addon' });
    expect(gasMessage(() => app.newTrigger('f').timeBased().everyMinutes(30).create())).toBe(ADDON_RECURRENCE_MESSAGE);
    const t = app.newTrigger('f').timeBased().everyHours(1).create();
    expect(t.getTriggerSourceId()).toBe('sheet-1');
    expect(gasMessage(() => app.newTrigger('g').timeBased().everyHours(2).create())).toMatch(/only one trigger of each type/);
    app.newTrigger('onEditInstalled').forSpreadsheet('sheet-1').onEdit().create();
    expect(app.getUserTriggers('sheet-1')).toHaveLength(2);
  });

  it('the same everyMinutes(5) is fine in a bound script', () => {
    expect(setup().app.newTrigger('f').timeBased().everyMinutes(5).create().getHandlerFunction()).toBe('f');
  });

  it('spreadsheet triggers carry the event type and the spreadsheet id; getUserTriggers filters by spreadsheet', () => {
    const { app } = setup();
    const ss = { getId: () => 'sheet-9' };
    const t = app.newTrigger('onChangeInstalled').forSpreadsheet(ss).onChange().create();
    expect(t.getEventType()).toBe('ON_CHANGE');
    expect(t.getTriggerSource()).toBe('SPREADSHEETS');
    expect(t.getTriggerSourceId()).toBe('sheet-9');
    expect(app.getUserTriggers('sheet-1')).toHaveLength(0);
    expect(app.getUserTriggers(ss)).toHaveLength(1);
  });

  it('needs AuthMode.FULL and, with explicit oauthScopes, the script.scriptapp scope', () => {
    const required = 'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp';
    expect(gasMessage(() => setup({ authMode: 'LIMITED', kind: 'simple-trigger' }).app.newTrigger('f'))).toBe(required);
    expect(gasMessage(() => setup({ manifest: { oauthScopes: [] } }).app.newTrigger('f'))).toBe(required);
  });

  it('reports authorization status and URL', () => {
    const { app, script } = setup();
    expect(app.getAuthorizationInfo(app.AuthMode.FULL).getAuthorizationStatus()).toBe(app.AuthorizationStatus.NOT_REQUIRED);
    script.authorizationRequired = true;
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe('REQUIRED');
    expect(info.getAuthorizationUrl()).toContain('script-1');
    expect(app.getScriptId()).toBe('script-1');
    expect(app.getOAuthToken()).toMatch(/^ya29\./);
  });
});

describe('TriggerModel.occurrences', () => {
  it('a periodic trigger fires once per period at a fixed offset inside the slot, only after creation', () => {
    const { app, triggers, world } = setup();
    const t = app.newTrigger('tick').timeBased().everyMinutes(15).create();
    const from = world.clock.now();
    const occ = triggers.occurrences(from, from + 2 * HOUR);
    expect(occ).toHaveLength(8);
    expect(occ.every((o) => o.handler === 'tick' && o.triggerUid === t.getUniqueId())).toBe(true);
    const offsets = occ.map((o) => o.at % (15 * 60_000));
    expect(new Set(offsets).size).toBe(1);
    for (let i = 1; i < occ.length; i++) expect(occ[i]!.at - occ[i - 1]!.at).toBe(15 * 60_000);
    expect(triggers.occurrences(from - HOUR, from).length).toBe(0);
  });

  it('everyHours(n) fires every n hours', () => {
    const { app, triggers, world } = setup();
    app.newTrigger('h').timeBased().everyHours(4).create();
    const from = world.clock.now();
    expect(triggers.occurrences(from, from + 24 * HOUR)).toHaveLength(6);
  });

  it('everyDays(1).atHour(3) fires between 03:00 and 04:00 in the script time zone, daily', () => {
    const { app, triggers, world } = setup({ start: '2026-07-01T12:00:00Z' });
    app.newTrigger('nightly').timeBased().everyDays(1).atHour(3).create();
    const from = world.clock.now();
    const occ = triggers.occurrences(from, from + 3 * 24 * HOUR);
    expect(occ).toHaveLength(3);
    for (const o of occ) {
      const londonHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(new Date(o.at)));
      expect(londonHour).toBe(3); // BST: 02:xx UTC
    }
  });

  it('everyWeeks(1).onWeekDay(FRIDAY) fires on Fridays only', () => {
    const { app, triggers, world } = setup();
    app.newTrigger('weekly').timeBased().everyWeeks(1).onWeekDay(app.WeekDay.FRIDAY).atHour(9).create();
    const from = world.clock.now();
    const occ = triggers.occurrences(from, from + 21 * 24 * HOUR);
    expect(occ).toHaveLength(3);
    for (const o of occ) expect(new Date(o.at).getUTCDay()).toBe(5);
  });

  it('after(ms) fires once, not before the delay, and stays listed until deleted', () => {
    const { app, triggers, world } = setup();
    app.newTrigger('once').timeBased().after(10 * 60_000).create();
    const from = world.clock.now();
    const occ = triggers.occurrences(from, from + 24 * HOUR);
    expect(occ).toHaveLength(1);
    expect(occ[0]!.at).toBeGreaterThanOrEqual(from + 10 * 60_000);
    expect(triggers.occurrences(occ[0]!.at, occ[0]!.at + 24 * HOUR)).toHaveLength(0);
    expect(app.getProjectTriggers()).toHaveLength(1);
  });

  it('at(date) fires at that time', () => {
    const { app, triggers, world } = setup();
    const when = new Date(world.clock.now() + 2 * HOUR);
    app.newTrigger('later').timeBased().at(when).create();
    expect(triggers.occurrences(world.clock.now(), world.clock.now() + 3 * HOUR).map((o) => o.at)).toEqual([when.getTime()]);
  });
});
