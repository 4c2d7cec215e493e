// Tabs people renamed in another case or spacing ("exceptions", "sync  log ") through dist/Code.js
// in the Apps Script fakes: every job and "Set up sheets" find them under the name people gave
// them, never try to create the standard name beside them (Sheets refuses a name that differs only
// in case: "A sheet with the name … already exists"), and headers typed with extra spaces count.

import { describe, expect, it } from 'vitest';
import { SETUP_TABS } from '../../src/core/tabs';
import { InventoryRun } from '../inventory/builder';

const offers = () => [
  { sku: 'A-1', onHand: 10 },
  { sku: 'B-1', onHand: 6 },
];

/** "Sync Log" → "sync  log ": lower case, the first space doubled, one after. */
const retyped = (name: string) => `${name.toLowerCase().replace(' ', '  ')} `;

interface SidebarView {
  missingTabs: string[];
  recentRuns: unknown[];
  exceptions: { open: Record<string, number> };
}

/** The last record of a tab, read as a person sees it. */
const last = (r: InventoryRun, tab: string) => r.tab(tab).at(-1);

describe('tabs renamed in another case or spacing', () => {
  it('every tab the add-on made is found under its new name by the jobs and by Set up sheets, none made twice', () => {
    const r = new InventoryRun({ offers: offers(), extraListings: [{ sku: 'ODD-1', channel: 'FBM', quantity: 2 }] });
    const ss = r.run.gas.spreadsheet;
    // The jobs make Inventory and Orders: a first run of each, then every tab is renamed.
    r.sync();
    r.syncOrders();
    for (const name of ss.sheetNames()) ss.sheet(name)!.name = retyped(name);
    const names = ss.sheetNames();
    expect(names).toEqual(expect.arrayContaining(SETUP_TABS.map((d) => retyped(d.name))));

    r.setStock('SB-A-1', 8);
    r.advance('10m');
    expect(r.sync()).toMatchObject({ outcome: 'ok' });
    expect(r.writes().map((w) => w.sku)).toEqual(['A-1', 'B-1', 'A-1']);
    expect(r.syncOrders().outcome).toBe('ok');
    r.step({ run: 'setupSheets' });
    expect(ss.sheetNames()).toEqual(names);

    const log = r.tab(retyped('Sync Log'));
    expect(log.slice(-2).map((x) => [x['Job'], x['Outcome']])).toEqual([['inventory', 'ok'], ['orders', 'ok']]);
    const unmapped = r.tab(retyped('Exceptions')).filter((x) => x['Type'] === 'UNMAPPED_SKU');
    expect(unmapped.map((x) => x['Key'])).toEqual(['UNMAPPED_SKU:UK:amazon:ODD-1']);
    expect(last(r, retyped('Inventory'))!['Seller SKU']).toBeTruthy();

    // The sidebar does not ask for "Set up sheets", and shows the runs and exceptions it finds.
    const state = r.run.runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as SidebarView;
    expect(state.missingTabs).toEqual([]);
    expect(state.recentRuns.length).toBeGreaterThan(0);
    expect(state.exceptions.open.Medium).toBeGreaterThan(0);
  });

  it('a note people typed on an "exceptions" row survives the run that updates it', () => {
    const r = new InventoryRun({ offers: offers(), extraListings: [{ sku: 'ODD-1', channel: 'FBM', quantity: 2 }] });
    r.sync();
    const ss = r.run.gas.spreadsheet;
    ss.sheet('Exceptions')!.name = 'exceptions';
    r.edit('exceptions', { Type: 'UNMAPPED_SKU' }, { Owner: 'Sam - closing it' });
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    expect(ss.sheetNames().filter((n) => n.toLowerCase() === 'exceptions')).toEqual(['exceptions']);
    const row = r.tab('exceptions').find((x) => x['Type'] === 'UNMAPPED_SKU')!;
    expect(row).toMatchObject({ Owner: 'Sam - closing it', 'Times Seen': '2' });
  });
});

describe('SKU Map headers typed with extra spaces, or differently', () => {
  it('"Safety  Buffer" is the Safety Buffer: used in the push, no empty twin added; "Offer" for "Offer %" is named', () => {
    const r = new InventoryRun({ offers: offers() }, { setup: false });
    const ss = r.run.gas.spreadsheet;
    ss.edit('SKU Map', 'G1', 'Safety  Buffer');
    ss.edit('SKU Map', 'G2', 4);
    ss.edit('SKU Map', 'I1', 'Max\u00a0Qty');
    ss.edit('SKU Map', 'H1', 'Offer');
    const setup = r.step({ run: 'setupSheets' });
    // "Offer" is not "Offer %": the add-on adds "Offer %" and says it does not read "Offer".
    const [said] = (setup!.value as { warnings: string[] }).warnings;
    expect(said).toMatch(/^SKU Map: "Offer" is not read as "Offer %", so that column was added empty beside it\./);
    const header = ss.toDisplayJson()['SKU Map']![0]!;
    expect(header.filter((h) => /^safety\s+buffer$/i.test(h))).toEqual(['Safety  Buffer']);
    expect(header.filter((h) => /^max\s+qty$/i.test(h))).toHaveLength(1);
    expect(r.sync().outcome).toBe('ok');
    // 10 on hand less the row's own buffer of 4, not the default of 1.
    expect(r.writes().find((w) => w.sku === 'A-1')?.quantity).toBe(6);
  });
});
