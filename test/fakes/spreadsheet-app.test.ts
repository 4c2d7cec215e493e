// SpreadsheetApp entry points: active spreadsheet, AuthMode, getUi context rule, builders, enums,
// the execution guard and call counting.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app ;
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle ; apps-script.md §2.9
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeSpreadsheetApp, SpreadsheetModel } from '../world/gas/spreadsheet';
import { openFake } from '../world/gas/spreadsheet/testing';
import type { Realm } from '../world/gas/realm';
import { UiModel } from '../world/gas/ui';
import { World } from '../world/world';

describe('SpreadsheetApp', () => {
  it('getActiveSpreadsheet() and getActive() reach the same document', () => {
    const { app, model } = openFake();
    expect(app.getActiveSpreadsheet().getId()).toBe(model.id);
    expect(app.getActive().getName()).toBe('Test sheet');
    expect(app.getActiveSheet().getName()).toBe('Sheet1');
  });

  it('in AuthMode.NONE the document is refused with the currentonly scope, but getUi and menus work', () => {
    const { app, ui } = openFake({ kind: 'simple-trigger', authMode: 'NONE' });
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => app.getActive()).toThrow(/Required permissions: https:\/\/www.googleapis.com\/auth\/spreadsheets.currentonly/);
    app.getUi().createMenu('Sync').addItem('Sync now', 'syncNow').addToUi();
    expect(ui.menus).toHaveLength(1);
  });

  it('errors are Apps Script Exceptions', () => {
    const { app } = openFake({ authMode: 'NONE' });
    let err: unknown;
    try { app.getActiveSpreadsheet(); } catch (e) { err = e; }
    expect((err as Error).name).toBe('Exception');
  });

  it('getUi() throws the exact text when the execution has no UI (time trigger)', () => {
    const { app } = openFake({ kind: 'time-trigger' });
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(app.getActiveSpreadsheet().getName()).toBe('Test sheet');
  });

  it('flush() exists and changes nothing visible', () => {
    const { app, ss } = openFake();
    ss.getSheets()[0].getRange('A1').setValue('x');
    app.flush();
    expect(ss.getSheets()[0].getRange('A1').getValue()).toBe('x');
  });

  it('exposes identity-comparable enums', () => {
    const { app } = openFake();
    const rule = app.newDataValidation().requireCheckbox().build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(app.ProtectionType.RANGE.name()).toBe('RANGE');
  });

  it('openById accepts only this document', () => {
    const { app, model } = openFake();
    expect(app.openById(model.id).getId()).toBe(model.id);
    expect(() => app.openById('nope')).toThrow(/openById/);
  });

  it('counts Spreadsheet/Sheet/Range calls but not builders', () => {
    const { app, ss, world } = openFake();
    const before = world.current!.counts.spreadsheetCalls;
    const sh = ss.getActiveSheet(); // 1
    sh.getRange('A1').getValues(); // 2, 3
    app.newDataValidation().requireCheckbox().build();
    expect(world.current!.counts.spreadsheetCalls - before).toBe(3);
  });

  it('refuses calls outside an execution and stops an execution past its budget', () => {
    const { world, ss } = openFake();
    const sh = ss.getActiveSheet();
    world.clock.advance(6 * 60 * 1000 + 1);
    expect(() => sh.getRange('A1')).toThrow('Exceeded maximum execution time');
    world.end('timeout');
    expect(() => sh.getRange('A1')).toThrow(/outside an execution/);
  });

  it('hands the bundle Dates and errors of its own realm, and accepts its Dates', () => {
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Error, Object, Array })', context) as Realm;
    const world = new World('2026-11-02T09:00:00Z');
    const app = makeSpreadsheetApp({ world, model: new SpreadsheetModel(), ui: new UiModel(), realm, addonMode: false }) as any;
    world.begin('bundle', 'menu');
    const range = app.getActiveSpreadsheet().getActiveSheet().getRange('A1');
    range.setValue(vm.runInContext('new Date(Date.UTC(2026, 0, 5, 10))', context));
    const back = range.getValue();
    expect(back instanceof realm.Date).toBe(true);
    expect(back instanceof Date).toBe(false);
    expect(back.getTime()).toBe(Date.UTC(2026, 0, 5, 10));
    let err: unknown;
    try { range.offset(-1, 0); } catch (e) { err = e; }
    expect(err instanceof realm.Error).toBe(true);
    expect((err as Error).message).toBe('The starting row of the range is too small.');
  });
});
