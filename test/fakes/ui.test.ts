// The Ui fake: menus appear only on addToUi, add-on menus ignore the caption, sidebars/dialogs record
// HtmlOutput content, alerts return queued buttons, and the container.ui scope is refused in AuthMode.NONE.
// https://developers.google.com/apps-script/reference/base/ui ; apps-script.md §2.9
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';

const html = (content: string, title = 'FBA 3PL Sync') => ({ getContent: () => content, getTitle: () => title });

describe('Ui', () => {
  it('records nothing until addToUi, then the menu with items, separators and submenus', () => {
    const { app, ui } = openFake();
    const u = app.getUi();
    const sub = u.createMenu('Advanced').addItem('Reset cursor', 'resetCursor');
    const menu = u.createMenu('Stock Sync').addItem('Sync now', 'syncNow').addSeparator().addSubMenu(sub);
    expect(ui.menus).toEqual([]);
    menu.addToUi();
    expect(ui.menus).toEqual([{
      caption: 'Stock Sync', addon: false,
      items: [{ caption: 'Sync now', functionName: 'syncNow' }, { separator: true }, { submenu: 'Advanced', items: [{ caption: 'Reset cursor', functionName: 'resetCursor' }] }],
    }]);
    u.createMenu('Stock Sync').addItem('Only', 'only').addToUi();
    expect(ui.menus).toHaveLength(1);
    ui.reload();
    expect(ui.menus).toEqual([]);
  });

  it('in an add-on createMenu ignores the caption and acts as createAddonMenu', () => {
    const { app, ui } = openFake({ addonMode: true });
    app.getUi().createMenu('Ignored').addItem('Open sidebar', 'showSidebar').addToUi();
    expect(ui.menus).toEqual([{ caption: '', addon: true, items: [{ caption: 'Open sidebar', functionName: 'showSidebar' }] }]);
    const bound = openFake();
    bound.app.getUi().createAddonMenu().addItem('x', 'y').addToUi();
    expect(bound.ui.menus[0]!.addon).toBe(true);
  });

  it('showSidebar and dialogs record title and html', () => {
    const { app, ui } = openFake();
    const u = app.getUi();
    u.showSidebar(html('<p>hi</p>'));
    u.showModalDialog(html('<b>m</b>'), 'Connect');
    u.showModelessDialog(html('<i>n</i>'), 'Status');
    expect(ui.sidebars).toEqual([{ title: 'FBA 3PL Sync', html: '<p>hi</p>' }]);
    expect(ui.dialogs).toEqual([{ title: 'Connect', html: '<b>m</b>', modal: true }, { title: 'Status', html: '<i>n</i>', modal: false }]);
    expect(() => u.showSidebar('<p>raw</p>')).toThrow(/method signature/);
  });

  it('sidebars need script.container.ui, refused in AuthMode.NONE', () => {
    const { app } = openFake({ kind: 'simple-trigger', authMode: 'NONE' });
    expect(() => app.getUi().showSidebar(html('x'))).toThrow(/script.container.ui/);
  });

  it('alert returns queued buttons as Ui.Button values and records the dialog', () => {
    const { app, ui } = openFake();
    const u = app.getUi();
    ui.alertResponses.push('NO', 'CLOSE');
    expect(u.alert('Disconnect?', 'Remove the ShipBob token?', u.ButtonSet.YES_NO)).toBe(u.Button.NO);
    expect(u.alert('Done', u.ButtonSet.OK_CANCEL)).toBe(u.Button.CLOSE);
    expect(u.alert('Saved')).toBe(u.Button.OK);
    expect(u.alert('Go?', u.ButtonSet.YES_NO_CANCEL)).toBe(u.Button.YES);
    expect(ui.alerts).toEqual([
      { title: 'Disconnect?', prompt: 'Remove the ShipBob token?', buttons: 'YES_NO' },
      { title: '', prompt: 'Done', buttons: 'OK_CANCEL' },
      { title: '', prompt: 'Saved', buttons: 'OK' },
      { title: '', prompt: 'Go?', buttons: 'YES_NO_CANCEL' },
    ]);
    ui.alertResponses.push('YES');
    expect(() => u.alert('x')).toThrow(/not on a OK dialog/);
  });

  it('prompt returns the queued text and button', () => {
    const { app, ui } = openFake();
    const u = app.getUi();
    ui.promptResponses.push({ text: 'abc', button: 'CANCEL' });
    const r = u.prompt('Token', 'Paste it', u.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['abc', u.Button.CANCEL]);
    expect(ui.prompts).toEqual([{ title: 'Token', prompt: 'Paste it', buttons: 'OK_CANCEL' }]);
  });

  it('Ui calls stop when the execution is out of time', () => {
    const { app, world } = openFake();
    const u = app.getUi();
    world.clock.advance(7 * 60 * 1000);
    expect(() => u.alert('x')).toThrow('Exceeded maximum execution time');
  });
});
