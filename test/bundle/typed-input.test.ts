// Typed input end to end (issue 9), through dist/Code.js in the local world: what people type into
// Settings and the SKU Map is used as they meant it or reported as CONFIG_INVALID, and nothing that
// cannot be used silently changes what is pushed to Amazon.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import type { InventoryWorld } from '../inventory/builder';

const offers = () => [
  { sku: 'A-1', onHand: 10 },
  { sku: 'B-1', onHand: 6 },
];

const configRows = (r: InventoryRun) => r.openExceptions('CONFIG_INVALID');

describe('Settings values that cannot be used', () => {
  it('a mistyped Push mode pushes nothing, ends partial and says so; fixing it resolves the row and pushes', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'Auto mode' } });
    const s = r.sync();
    expect(r.writes()).toEqual([]);
    expect(s.outcome).toBe('partial');
    expect(s.message).toMatch(/Settings "Push mode" cannot be used .*dry run: nothing was pushed/);
    const [row] = configRows(r);
    expect(row).toMatchObject({ Key: 'CONFIG_INVALID:setting:Push mode', Entity: 'Settings: Push mode', Severity: 'High' });
    expect(row!['Message']).toMatch(/"Auto mode", which is not one of dry-run, approve, auto/);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');

    r.setting('Push mode', 'auto');
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    expect(r.writes().map((w) => w.sku).sort()).toEqual(['A-1', 'B-1']);
    expect(configRows(r)).toEqual([]);
    r.assertInvariants();
  });

  it('a Settings tab without its Value column stops the sync instead of using defaults', () => {
    const r = new InventoryRun({ offers: offers() });
    r.run.gas.spreadsheet.edit('Settings', 'B1', 'Setting');
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    expect(s.message).toMatch(/did not run: The "Settings" tab has no "Value" column/);
    expect(configRows(r).map((e) => e['Key'])).toEqual(['CONFIG_INVALID:Settings']);
    expect(r.writes()).toEqual([]);
  });

  it('a Marketplace typed as Amazon names it syncs; one no marketplace matches stops every job', () => {
    const ok = new InventoryRun({ offers: offers(), settings: { Marketplace: 'Amazon.co.uk' } });
    expect(ok.sync().outcome).toBe('ok');
    expect(ok.writes()).toHaveLength(2);

    const bad = new InventoryRun({ offers: offers(), settings: { Marketplace: 'Britain and Ireland' } });
    const s = bad.sync();
    expect(s.outcome).toBe('failed');
    expect(bad.writes()).toEqual([]);
    expect(configRows(bad)[0]!['Message']).toMatch(/"Britain and Ireland", which is not an Amazon marketplace.*UK, /);
  });
});

describe('the SKU Map as people keep it', () => {
  it('a renamed tab and lower-case headers are recognised; "Set up sheets" adds no second tab or column', () => {
    const r = new InventoryRun({ offers: offers() }, { setup: false });
    const ss = r.run.gas.spreadsheet;
    ss.sheet('SKU Map')!.name = 'Sku map ';
    ss.edit('Sku map ', 'A1', 'seller sku');
    ss.edit('Sku map ', 'C1', 'CHANNEL');
    r.step({ run: 'setupSheets' });
    expect(ss.sheetNames().filter((n) => n.toLowerCase().trim() === 'sku map')).toEqual(['Sku map ']);
    const header = ss.toDisplayJson()['Sku map ']![0]!;
    expect(header.filter((h) => h.toLowerCase() === 'seller sku')).toEqual(['seller sku']);

    expect(r.sync().outcome).toBe('ok');
    expect(r.writes()).toHaveLength(2);
    const rows = r.tab('Sku map ');
    expect(rows.map((x) => x['Status'])).toEqual(['OK', 'OK']);
    // (The invariant checker reads the map under its exact name, so it is not asked here.)
  });

  it('a missing SKU Map, or one without a Channel column, is CONFIG_INVALID naming it and the sync ends failed', () => {
    const r = new InventoryRun({ offers: offers() });
    r.run.gas.spreadsheet.sheet('SKU Map')!.name = 'Old mapping';
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    expect(configRows(r)).toEqual([expect.objectContaining({ Key: 'CONFIG_INVALID:inventory:SKU Map', Entity: 'SKU Map tab' })]);
    expect(configRows(r)[0]!['Message']).toMatch(/There is no "SKU Map" tab/);
    expect(r.run.gas.spreadsheet.sheetNames()).not.toContain('SKU Map');

    r.run.gas.spreadsheet.sheet('Old mapping')!.name = 'SKU Map';
    r.run.gas.spreadsheet.edit('SKU Map', 'C1', 'Fulfilment');
    r.advance('10m');
    expect(r.sync().outcome).toBe('failed');
    expect(configRows(r).map((e) => e['Key'])).toEqual(['CONFIG_INVALID:inventory:SKU Map']);
    expect(configRows(r)[0]!['Message']).toMatch(/no "Channel" column/);

    r.run.gas.spreadsheet.edit('SKU Map', 'C1', 'Channel');
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    expect(configRows(r)).toEqual([]);
    expect(r.writes()).toHaveLength(2);
  });

  it('a Seller SKU Sheets turned into a number says the zeros were lost and how to fix it', () => {
    // "00123" typed into a cell that is not plain text becomes the number 123.
    const w: InventoryWorld = { offers: [{ sku: '00123', threePlSku: 'SB-123', onHand: 5 }, ...offers()] };
    const r = new InventoryRun(w);
    expect(r.run.gas.spreadsheet.cell('SKU Map', 2, 1)).toBe(123);
    r.sync();
    expect(r.tab('SKU Map')[0]!['Status']).toMatch(/holds the number 123 .*"00123".*Plain text.*type "00123" again/);
    const unmapped = r.openExceptions('UNMAPPED_SKU').find((e) => e['Key'] === 'UNMAPPED_SKU:UK:amazon:00123');
    expect(unmapped!['Message']).toMatch(/dropped the leading zeros/);
    expect(r.writes().map((w) => w.sku)).not.toContain('00123');
  });
});

describe('3PL locations and the seller ID', () => {
  it('an unknown location is CONFIG_INVALID listing the 3PL\'s locations; with no known one nothing is synced', () => {
    const r = new InventoryRun({ offers: offers(), settings: { '3PL locations': '99' } });
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    expect(r.writes()).toEqual([]);
    const [row] = configRows(r);
    expect(row!['Key']).toBe('CONFIG_INVALID:inventory:3PL locations');
    expect(row!['Message']).toMatch(/"99" is not a location of the 3PL\. The 3PL's locations are: 10 \(Manchester\)/);

    // One known, one not: the known one counts, the run is partial, the row stays open.
    r.setting('3PL locations', '10, 99');
    r.advance('10m');
    const partly = r.sync();
    expect(partly.outcome).toBe('partial');
    expect(r.writes()).toHaveLength(2);
    expect(configRows(r)[0]!['Message']).toMatch(/counts only 10/);

    r.setting('3PL locations', 'Manchester');
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    expect(configRows(r)).toEqual([]);
  });

  it('a seller ID that is not the token\'s is reported on "Amazon seller ID", not as an expired authorisation', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Amazon seller ID': 'A2OTHERSELLER' } });
    const s = r.sync();
    expect(s.outcome).toBe('failed');
    expect(s.message).toMatch(/Amazon refused the listings of the Settings "Amazon seller ID"/);
    expect(r.openExceptions('AUTH_FAILED')).toEqual([]);
    const [row] = configRows(r);
    expect(row).toMatchObject({ Key: 'CONFIG_INVALID:inventory:Amazon seller ID', Entity: 'Settings: Amazon seller ID' });
    expect(row!['Message']).toMatch(/"A2OTHERSELLER".*Merchant Token/);

    r.setting('Amazon seller ID', 'A2SELLER');
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    expect(configRows(r)).toEqual([]);
  });
});
