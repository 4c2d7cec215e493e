// The Dashboard, the Sync Log's wording and time zone, and grouped Settings, through the built
// dist/Code.js in the Apps Script fakes (run `node build.mjs` first).
import { describe, expect, it } from 'vitest';
import { SETTINGS, isSettingsSection } from '../../src/core/settings';
import { TABS } from '../../src/core/tabs';
import { installCellMeter } from '../../bench/stock-cells';
import { makeWorld } from '../bundle/harness';
import { InventoryRun } from '../inventory/builder';
import type { InventoryWorld, OrderSeed } from '../inventory/builder';

const RM = ['Royal Mail', '', 'Royal Mail', '', 'Tracked 48', ''];
const order = (n: number, items: OrderSeed['items']): OrderSeed => ({ orderId: `202-${1000000 + n}-0000001`, created: '2026-11-02T07:30:00Z', latestShipDate: '2026-11-04T23:00:00Z', items });

function world(over: Partial<InventoryWorld> = {}): InventoryWorld {
  return {
    offers: [
      { sku: 'TEE-M', onHand: 30, amazonQty: 5 },
      { sku: 'MUG-1', onHand: 20, amazonQty: 20 },
      // Nothing at the 3PL: pushed to 0.
      { sku: 'CAP-1', onHand: 0, amazonQty: 4 },
    ],
    // Amazon lists it, the SKU Map does not: one open UNMAPPED_SKU.
    extraListings: [{ sku: 'LOOSE-1', channel: 'FBM', quantity: 0 }],
    orders: [order(1, [{ sku: 'TEE-M', quantity: 2 }])],
    carrierMap: [RM],
    settings: { 'Push mode': 'auto' },
    ...over,
  };
}

/** The Dashboard as a person sees it: Item → [Count, When, Detail]. */
function dashboard(r: InventoryRun) {
  const grid = r.run.gas.spreadsheet.toDisplayJson().Dashboard ?? [];
  return { grid, item: (name: string) => grid.find((row) => row[0] === name)?.slice(1, 4) };
}

describe('Set up sheets', () => {
  it('creates the Dashboard, protected with a warning, and Settings grouped under section rows', () => {
    const { gas, runtime } = makeWorld();
    expect(runtime.run('setupSheets').error).toBeUndefined();
    const tab = gas.spreadsheet.exportSheet('Dashboard')!;
    expect(tab.values[0]).toEqual(TABS.dashboard.columns.map((c) => c.header));
    expect(tab.frozenRows).toBe(1);
    const settings = gas.spreadsheet.toDisplayJson().Settings!.slice(1);
    const sections = settings.filter((r) => isSettingsSection(r[0]));
    expect(sections.map((r) => r[0])).toEqual(['— Amazon —', '— 3PL —', '— Stock sync —', '— Guardrails —', '— Orders —', '— FBA shipments —', '— Removals —', '— Settlements —', '— Schedule and alerts —']);
    expect(sections.every((r) => r[1] === '')).toBe(true);
    expect(settings.filter((r) => !isSettingsSection(r[0])).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.key));
    // Drop-downs (set-up's tab standard) sit on the keys' Value cells, never on a section row.
    const lists = new Map(gas.spreadsheet.exportSheet('Settings')!.validations.filter((v) => v.criteria === 'VALUE_IN_LIST').map((v) => [v.a1, v.values[0]]));
    const valueCell = (key: string) => `B${settings.findIndex((r) => r[0] === key) + 2}`;
    expect(lists.get(valueCell('Push mode'))).toEqual(['dry-run', 'approve', 'auto']);
    expect(lists.get(valueCell('Marketplace'))).toContain('UK');
    expect(lists.get(valueCell('Sync every (minutes)'))).toEqual(['5', '10', '15', '30', '60']);
    for (const r of sections) expect(lists.has(valueCell(r[0]!))).toBe(false);
  });
});

describe('the Dashboard after a stock sync and an orders sync', () => {
  it('shows the last successful sync per job, stock health, open exceptions and the day\'s figures, with a chart over them', () => {
    const r = new InventoryRun(world());
    expect(r.sync().outcome).toBe('ok');
    r.advance('10m');
    expect(r.syncOrders().outcome).toBe('ok');
    const { grid, item } = dashboard(r);
    expect(grid[1]![0]).toBe("Times are in Europe/London, the spreadsheet's time zone (File → Settings).");
    // 08:00 UTC is 08:00 in London in November.
    expect(item('Stock sync')).toEqual(['', '2026-11-02 08:00', 'Last run ok.']);
    expect(item('Orders sync')).toEqual(['', '2026-11-02 08:10', 'Last run ok.']);
    expect(item('Offers')![0]).toBe('3');
    expect(item('Offers at zero')![0]).toBe('1');
    expect(item('Held')![0]).toBe('0');
    expect(item('Drifted')![0]).toBe('0');
    const open = r.openExceptions();
    expect(item('— Open exceptions —')![0]).toBe(String(open.length));
    expect(item('UNMAPPED_SKU')).toEqual(['1', expect.stringMatching(/^2026-11-02/), 'Medium']);
    // Today's row of the 30-day range: the stock changes pushed (all three, each buffer 1 and TEE-M less
    // its unsent order) and the exceptions opened.
    const today = grid.find((row) => row[4] === '2026-11-02')!;
    expect(today.slice(5, 7)).toEqual(['3', String(open.length)]);
    expect(grid.filter((row) => /^\d{4}-\d\d-\d\d$/.test(row[4] ?? ''))).toHaveLength(30);

    const charts = r.run.gas.spreadsheet.exportSheet('Dashboard')!.charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: 'COLUMN', ranges: ['E1:G31'], position: { row: 2, column: 9 } });
  });

  it('keeps one chart and changes only what changed on the next runs', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.advance('1h');
    r.setStock('SB-MUG-1', 0);
    r.sync();
    const { item } = dashboard(r);
    expect(item('Stock sync')![1]).toBe('2026-11-02 09:00');
    expect(item('Offers at zero')![0]).toBe('2');
    expect(r.run.gas.spreadsheet.exportSheet('Dashboard')!.charts).toHaveLength(1);
  });

  it('writes no Dashboard cell on a run that changes nothing: Sheets moves the last success from the Sync Log', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.advance('1h');
    r.sync();
    r.advance('1h');
    // A quiet run: nothing to push, the same figures and exceptions.
    const meter = installCellMeter();
    let written: number;
    try {
      expect(r.sync().outcome).toBe('ok');
      written = meter.take()['Dashboard']?.written ?? 0;
    } finally {
      meter.uninstall();
    }
    expect(written).toBe(0);
    expect(dashboard(r).item('Stock sync')).toEqual(['', '2026-11-02 10:00', 'Last run ok.']);
    const cell = r.run.gas.spreadsheet.exportSheet('Dashboard')!;
    const at = cell.values.findIndex((row) => row[0] === 'Stock sync');
    expect(cell.formulas[at]![2]).toMatch(/^=MAX\(DATE\(2026,11,2\)\+TIME\(8,0,\d+\),IFERROR\(MAXIFS\('Sync Log'!\$D:\$D,'Sync Log'!\$B:\$B,"inventory"/);
  });

  it('shows the last success the Dashboard wrote when Sync Log rows are deleted by hand, and the latest after the next run', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.advance('1h');
    r.sync();
    expect(dashboard(r).item('Stock sync')![1]).toBe('2026-11-02 09:00');
    const log = r.run.gas.spreadsheet.sheet('Sync Log')!;
    log.deleteRows(2, log.lastRow() - 1);
    // The formula's floor: the success recorded when the cell was written, never an empty cell.
    expect(dashboard(r).item('Stock sync')![1]).toBe('2026-11-02 08:00');
    // The next run, failing, writes the cell again with the success it recorded.
    r.advance('1h');
    r.setting('Marketplace', 'Atlantis');
    expect(r.sync().outcome).toBe('failed');
    expect(dashboard(r).item('Stock sync')![1]).toBe('2026-11-02 09:00');
  });

  it('keeps the last success once the Sync Log\'s retention removed its row, through days of failed runs', () => {
    const r = new InventoryRun(world({ settings: { 'Push mode': 'auto', 'Log retention (days)': 1 } }));
    r.sync();
    r.advance('1h');
    r.sync();
    r.advance('2d');
    r.setting('Marketplace', 'Atlantis');
    // The day's trim removes both successes' rows; the Dashboard still says 09:00.
    expect(r.sync().outcome).toBe('failed');
    expect(r.syncLog().filter((l) => l['Job'] === 'inventory' && l['Outcome'] === 'ok')).toEqual([]);
    expect(dashboard(r).item('Stock sync')).toEqual(['', '2026-11-02 09:00', 'Last run failed (see the Sync Log).']);
  });

  it('counts held offers and keeps the last success through a failed run', () => {
    // Every quantity would change: the guardrail holds the whole push.
    const r = new InventoryRun(world({ settings: { 'Push mode': 'auto', 'Guardrail max share changing': 0.1 } }));
    expect(r.sync().outcome).toBe('held');
    expect(dashboard(r).item('Held')![0]).toBe('3');
    r.advance('1h');
    r.setting('Marketplace', 'Atlantis');
    expect(r.sync().outcome).toBe('failed');
    expect(dashboard(r).item('Stock sync')).toEqual(['', '2026-11-02 08:00', 'Last run failed (see the Sync Log).']);
  });
});

describe('the Sync Log', () => {
  it('shows times in the spreadsheet\'s time zone, naming it, and counts in words', () => {
    const r = new InventoryRun(world());
    r.run.gas.spreadsheet.timeZone = 'America/New_York';
    r.sync();
    r.syncOrders();
    const log = r.syncLog().filter((l) => l['Job'] !== 'audit');
    // 08:00 UTC on 2 November 2026 is 03:00 in New York (EST, UTC−5).
    expect(log[0]!['Start']).toBe('2026-11-02 03:00 America/New_York');
    expect(log[0]!['End']).toMatch(/^2026-11-02 03:0\d America\/New_York$/);
    expect(log[0]!['Counts']).toBe('3 offers checked, 3 stock changes proposed, 1 order not yet at the 3PL, 3 stock changes pushed, 1 new exception');
    expect(log[1]!['Counts']).toMatch(/\b1 order sent\b/);
    for (const l of log) expect(l['Counts']).not.toMatch(/[a-z][A-Z]|: \d/);
    // The outcome column is unchanged: outside checks read it.
    expect(log.map((l) => l['Outcome'])).toEqual(['ok', 'ok']);
    // The cell still holds a date, so the log sorts and filters by time.
    const cell = r.run.gas.spreadsheet.cell('Sync Log', 2, 3);
    expect(typeof cell === 'number' || cell instanceof Date).toBe(true);
  });
});

describe('the Sync Log after its daily trim', () => {
  it('still names the time zone on the rows it keeps', () => {
    const r = new InventoryRun(world({ settings: { 'Push mode': 'dry-run', 'Log retention (days)': 1 } }));
    r.sync();
    r.advance('1h');
    r.sync();
    r.advance('2d');
    r.sync();
    const log = r.syncLog().filter((l) => l['Job'] === 'inventory');
    // The two runs of the first day are gone; the last one, written before the trim's rewrite, keeps its zone.
    expect(log).toHaveLength(1);
    expect(log[0]!['Start']).toBe('2026-11-04 09:00 Europe/London');
  });
});

describe('Settings', () => {
  it('reads a Settings tab with section rows, raising nothing about them', () => {
    const r = new InventoryRun(world({ settings: { 'Push mode': 'dry-run' } }));
    const rows = r.run.gas.spreadsheet.toDisplayJson().Settings!;
    // The builder seeds its own Settings rows; a person adds headings above and between them.
    r.run.gas.spreadsheet.seed({ Settings: [rows[0]!, ['— Stock sync —', '', 'my heading'], ...rows.slice(1, 3), ['# Guardrails', 'notes here', ''], ...rows.slice(3)] });
    expect(r.sync().outcome).toBe('ok');
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
    expect(r.syncLog().at(-1)!['Message']).toMatch(/^Dry run/);
  });

  it('keeps the values people typed in an old Settings tab, including keys it no longer seeds', () => {
    const old = [['Key', 'Value', 'Help'], ['Push mode', 'approve', 'our choice'], ['Marketplaces', 'UK, DE', 'typed by us'], ['Feed threshold', 7, '']];
    const { gas, runtime } = makeWorld({ sheet: { Settings: old } });
    runtime.run('setupSheets');
    const settings = gas.spreadsheet.toDisplayJson().Settings!;
    expect(settings.slice(0, 4)).toEqual([['Key', 'Value', 'Help'], ['Push mode', 'approve', 'our choice'], ['Marketplaces', 'UK, DE', 'typed by us'], ['Feed threshold', '7', '']]);
    // Missing keys are added below, without headings in someone else's layout.
    // "Marketplaces" is seeded since issue 17, and is there already.
    expect(settings.slice(4).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.key).filter((k) => k !== 'Push mode' && k !== 'Feed threshold' && k !== 'Marketplaces'));
  });
});
