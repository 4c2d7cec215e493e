// "Set up sheets" and the menu, run through the bundle in the fakes: tabs with frozen headers,
// plain-text ID columns, validation, Settings defaults; people's tabs untouched; idempotent.

import { describe, expect, it } from 'vitest';
import { makeWorld } from './harness';
import { SETTINGS, isSettingsSection } from '../../src/core/settings';
import { TABS } from '../../src/core/tabs';

const INPUT_TABS = ['Settings', 'SKU Map', 'Carrier Map', 'Exceptions', 'Sync Log'];

describe('setupSheets', () => {
  it('creates the input tabs with frozen headers, text ID columns and validation', () => {
    const { gas, runtime } = makeWorld();
    const r = runtime.run('setupSheets');
    expect(r.error).toBeUndefined();
    expect(gas.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(INPUT_TABS));

    const sku = gas.spreadsheet.exportSheet('SKU Map')!;
    expect(sku.frozenRows).toBe(1);
    expect(sku.values[0]).toEqual(TABS.skuMap.columns.map((c) => c.header));
    const col = (h: string) => TABS.skuMap.columns.findIndex((c) => c.header === h) + 1;
    // Typed into row 6 later, ID columns keep leading zeros and Offer % shows as a percentage.
    for (const h of ['Seller SKU', '3PL SKU', 'ASIN', 'FNSKU']) {
      gas.spreadsheet.edit('SKU Map', `${String.fromCharCode(64 + col(h))}6`, '000123');
      expect(gas.spreadsheet.cell('SKU Map', 6, col(h)), h).toBe('000123');
    }
    gas.spreadsheet.edit('SKU Map', `${String.fromCharCode(64 + col('Offer %'))}6`, 0.75);
    expect(gas.spreadsheet.display('SKU Map', 6, col('Offer %'))).toBe('75%');
    const rules = sku.validations.map((v) => v.a1).join(' ');
    expect(rules).toMatch(/C2:C\d+/); // Channel
    expect(rules).toMatch(/J2:J\d+/); // Active

    const settings = gas.spreadsheet.toDisplayJson().Settings!;
    expect(settings[0]).toEqual(['Key', 'Value', 'Help']);
    // Grouped under section rows ("— Stock sync —"), every key once.
    expect(settings.slice(1).filter((r) => !isSettingsSection(r[0])).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.key));
    const share = settings.find((r) => r[0] === 'Guardrail max share changing')!;
    expect(share[1]).toBe('50%');
    expect(settings.find((r) => r[0] === 'Push mode')![1]).toBe('dry-run');
    // "Approve stock push" is a tick box, unticked.
    const approveRow = settings.findIndex((r) => r[0] === 'Approve stock push') + 1;
    expect(settings[approveRow - 1]![1]).toBe('FALSE');
    const settingsRules = gas.spreadsheet.exportSheet('Settings')!.validations;
    expect(settingsRules).toContainEqual(expect.objectContaining({ a1: `B${approveRow}`, criteria: 'CHECKBOX' }));
  });

  it('changes nothing the second time', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    const before = gas.spreadsheet.sheetNames().map((n) => gas.spreadsheet.exportSheet(n));
    const second = runtime.run('setupSheets');
    expect(second.value).toMatchObject({ created: [], completed: [] });
    const after = gas.spreadsheet.sheetNames().map((n) => gas.spreadsheet.exportSheet(n));
    expect(after).toEqual(before);
  });

  it('never touches rows people filled in, and keeps their own tabs and columns', () => {
    const skuRows = [
      ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'Safety Buffer', 'My notes'],
      ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', 3, 'keep me'],
    ];
    const { gas, runtime } = makeWorld({ sheet: { 'SKU Map': skuRows, 'Finance notes': [['anything']] } });
    const before = gas.spreadsheet.exportSheet('SKU Map')!;
    runtime.run('setupSheets');
    const after = gas.spreadsheet.exportSheet('SKU Map')!;
    expect(after.values.slice(0, 2).map((r) => r.slice(0, 6))).toEqual(before.values.slice(0, 2).map((r) => r.slice(0, 6)));
    expect(after.values[0]!.slice(6)).toEqual(['ASIN', 'FNSKU', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status', 'Match', 'Confidence']);
    expect(gas.spreadsheet.toDisplayJson()['Finance notes']).toEqual([['anything']]);
  });

  it('keeps leading zeros in a plain-text SKU column', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    // A person types 00123 into the formatted columns: it stays text, while a number column converts.
    gas.spreadsheet.edit('SKU Map', 'A2', '00123');
    gas.spreadsheet.edit('SKU Map', 'G2', '007');
    expect(gas.spreadsheet.cell('SKU Map', 2, 1)).toBe('00123');
    expect(gas.spreadsheet.cell('SKU Map', 2, 7)).toBe(7);
  });
});

describe('menu and contexts', () => {
  it('builds the menu in AuthMode.NONE without touching the document', () => {
    const { gas, runtime } = makeWorld();
    const r = runtime.run('onOpen', [{ authMode: 'NONE' }], { kind: 'simple-trigger', authMode: 'NONE' });
    expect(r.error).toBeUndefined();
    expect(gas.ui.menus).toHaveLength(1);
    expect(r.record.spreadsheetCalls).toBe(0);
    expect(r.record.propertyReads).toBe(0);
  });

  it('puts the menu under Extensions when published as an add-on', () => {
    const { gas, runtime } = makeWorld({ mode: 'addon' });
    runtime.run('onOpen', [{ authMode: 'LIMITED' }], { kind: 'simple-trigger' });
    expect(gas.ui.menus[0]!.addon).toBe(true);
  });

  it('cannot open the sidebar from a time trigger, with Apps Script\'s message', () => {
    const { runtime } = makeWorld();
    const r = runtime.run('showSidebar', [], { kind: 'time-trigger' });
    expect(r.error).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('shows the built sidebar', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('showSidebar');
    expect(gas.ui.sidebars).toHaveLength(1);
    expect(gas.ui.sidebars[0]!.title).toBe('FBA 3PL Sync');
    expect(gas.ui.sidebars[0]!.html).toContain('id="amazon-form"');
  });
});

describe('sync runs and the schedule', () => {
  it('records a Sync Log row for a job this version does not run, naming it', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    const r = runtime.run('syncNow', ['nonsense'], { kind: 'sidebar' });
    expect(r.error).toBeUndefined();
    const log = gas.spreadsheet.toDisplayJson()['Sync Log']!;
    expect(log).toHaveLength(2);
    expect(log[1]![1]).toBe('nonsense');
    expect(log[1]![4]).toBe('failed');
    expect(log[1]![8]).toContain('"nonsense" is not a job');
  });

  it('stores credentials only in document properties and shows them masked', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    const secret = 'amzn1.oa2-cs.v1.VERYSECRETVALUE123456';
    runtime.run('saveAmazonCredentials', [{ clientId: 'amzn1.application-oa2-client.abc123', clientSecret: secret, refreshToken: 'Atzr|IwEBIRefreshTokenValue' }], { kind: 'sidebar' });
    const state = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as { amazon: { clientSecret: string; complete: boolean } };
    expect(state.amazon.complete).toBe(true);
    expect(state.amazon.clientSecret).toBe('saved');
    expect(JSON.stringify(state)).not.toContain(secret);
    expect(JSON.stringify(gas.spreadsheet.toDisplayJson())).not.toContain(secret);
    expect(gas.logs.join('\n')).not.toContain(secret);
  });

  it('falls back to an hourly trigger when a published add-on refuses a 15-minute one', () => {
    const { gas, runtime } = makeWorld({ mode: 'addon' });
    runtime.run('setupSheets');
    gas.spreadsheet.editRows('Settings', { Key: 'Sync every (minutes)' }, { Value: 15 });
    const r = runtime.run('enableScheduledSync');
    expect(r.value).toContain('hourly');
    expect(gas.triggers.triggers.map((t) => t.handler)).toEqual(['onScheduledRun']);
  });

  it('runs every 15 minutes when bound, and the time trigger fires the dispatcher', () => {
    const { gas, runtime, world } = makeWorld();
    runtime.run('setupSheets');
    gas.spreadsheet.editRows('Settings', { Key: 'Sync every (minutes)' }, { Value: 15 });
    expect(runtime.run('enableScheduledSync').value).toBe('Runs every 15 minutes.');
    const fires = gas.triggers.occurrences(world.clock.now(), world.clock.now() + 3_600_000);
    expect(fires).toHaveLength(4);
    expect(fires.every((f) => f.handler === 'onScheduledRun')).toBe(true);
  });
});

describe('setupSheets on a SKU Map where Sheets made a date of an ID', () => {
  it('names the cell, says why it is not synced and how to retype it, and keeps the date as it is', () => {
    const skuRows = [
      ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'Safety Buffer'],
      ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', 3],
      ['2026-11-02', 'UK', 'FBM', 'SB-DATE', 0],
    ];
    const { gas, runtime } = makeWorld({ sheet: { 'SKU Map': skuRows } });
    const shown = gas.spreadsheet.display('SKU Map', 3, 1);
    const r = runtime.run('setupSheets');
    expect(r.error).toBeUndefined();
    const message = JSON.stringify(r.value);
    expect(message).toContain('SKU Map A3 holds a date in Seller SKU');
    expect(message).toContain('Format the Seller SKU column as Plain text');
    expect(gas.spreadsheet.display('SKU Map', 3, 1)).toBe(shown);
  });
});
