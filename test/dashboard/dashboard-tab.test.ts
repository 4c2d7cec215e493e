// The Dashboard tab refreshed after runs (sheet/dashboard-tab) on an in-memory workbook: only rows
// that changed are written, the Inventory tab is never read, the chart is inserted once, and the
// record in document properties carries the figures between runs. Also the Sync Log's time columns
// in the spreadsheet's zone (sheet/sync-log-tab).
import { describe, expect, it } from 'vitest';
import { parseDashboardState } from '../../src/core/dashboard';
import type { DashboardRun } from '../../src/core/dashboard';
import { TABS } from '../../src/core/tabs';
import type { CellValue, WorkbookPort } from '../../src/ports/workbook';
import { DASHBOARD_STATE_KEY, refreshDashboard } from '../../src/sheet/dashboard-tab';
import { appendRun } from '../../src/sheet/sync-log-tab';
import { memoryDashboard, memoryStore } from '../world/node-ports';
import { memoryWorkbook } from '../security/memory-workbook';

const T0 = Date.UTC(2026, 10, 2, 8);
const HOUR = 3_600_000;
const header = (def: { columns: ReadonlyArray<{ header: string }> }) => def.columns.map((c) => c.header);

/** A memory workbook that records which tabs were read and which rows written. */
function recorded(seed: Record<string, CellValue[][]>) {
  const wb = memoryWorkbook(seed);
  const reads: string[] = [];
  const writes: Array<{ tab: string; rows: number[]; cells: number }> = [];
  const port: WorkbookPort = {
    ...wb,
    read: (tab) => (reads.push(tab), wb.read(tab)),
    writeRows: (tab, blocks, formats) => {
      writes.push({ tab, rows: blocks.flatMap((b) => b.rows.map((_, i) => b.row + i)), cells: blocks.reduce((n, b) => n + b.rows.reduce((m, r) => m + r.length, 0), 0) });
      wb.writeRows(tab, blocks, formats);
    },
  };
  return { wb, port, reads, writes };
}

const run = (over: Partial<DashboardRun> = {}): DashboardRun => ({ job: 'inventory', label: 'Stock sync', scheduled: true, end: T0, outcome: 'ok', counts: {}, stock: null, ...over });
const health = { at: T0, marketplace: 'UK', offers: 3, atZero: 1, held: 0, awaiting: 0 };

function world() {
  const w = recorded({
    Dashboard: [header(TABS.dashboard)],
    Exceptions: [header(TABS.exceptions), ['UNMAPPED_SKU:UK:X', 'UNMAPPED_SKU', 'Medium', 'UK X', 'm', new Date(T0), new Date(T0), 1, 'Open', '', '']],
    Inventory: [header(TABS.inventory)],
  });
  return { ...w, store: memoryStore(), shown: memoryDashboard('Europe/London') };
}

describe('refreshDashboard', () => {
  it('fills a new Dashboard, inserts the chart over the 30-day range once, and bolds the section rows', () => {
    const w = world();
    refreshDashboard(w.port, w.shown, w.store, run({ counts: { pushed: 2, opened: 1 }, stock: health }));
    const tab = w.wb.tabs.get('Dashboard')!;
    const item = (name: string) => tab.find((r) => r[0] === name)!;
    // A formula over the Sync Log, its floor the recorded success in London time (GMT in November).
    expect(item('Stock sync')[2]).toBe(
      `=MAX(DATE(2026,11,2)+TIME(8,0,0),IFERROR(MAXIFS('Sync Log'!$D:$D,'Sync Log'!$B:$B,"inventory",'Sync Log'!$E:$E,"ok"),0),IFERROR(MAXIFS('Sync Log'!$D:$D,'Sync Log'!$B:$B,"inventory",'Sync Log'!$E:$E,"held"),0))`,
    );
    expect(item('Offers at zero')[1]).toBe(1);
    expect(item('UNMAPPED_SKU').slice(1, 4)).toEqual([1, new Date(T0), 'Medium']);
    expect(tab[30]!.slice(4)).toEqual(['2026-11-02', 2, 1]);
    expect(w.shown.charts).toEqual([expect.objectContaining({ tab: 'Dashboard', type: 'column', range: { row: 1, column: 5, rows: 31, columns: 3 } })]);
    expect(w.shown.bold.filter((b) => b.bold).map((b) => String(tab[b.row - 1]![0]))).toEqual(['— Last successful sync —', '— Stock health —', '— Open exceptions —']);
    // Stock health never costs a read of the Inventory tab: the run passes it.
    expect(w.reads).not.toContain('Inventory');
    expect(parseDashboardState(w.store.get(DASHBOARD_STATE_KEY)).chart).toBe(true);
  });

  it('writes only the rows whose values changed, and nothing when none did', () => {
    const w = world();
    refreshDashboard(w.port, w.shown, w.store, run({ stock: health }));
    w.writes.length = 0;
    // An orders run an hour later: its own row is added and the section rows below move down.
    refreshDashboard(w.port, w.shown, w.store, run({ job: 'orders', label: 'Orders sync', end: T0 + HOUR, counts: { sent: 3 } }));
    const written = w.writes.flatMap((x) => x.rows);
    expect(written.length).toBeGreaterThan(0);
    expect(written).not.toContain(2); // the time-zone note
    expect(written).not.toContain(4); // Stock sync's row: unchanged
    w.writes.length = 0;
    const store = w.store.get(DASHBOARD_STATE_KEY);
    // The same figures again: neither the tab nor the record is written.
    refreshDashboard(w.port, w.shown, w.store, run({ job: 'orders', label: 'Orders sync', end: T0 + HOUR, counts: { sent: 0 } }));
    expect(w.writes).toEqual([]);
    expect(w.store.get(DASHBOARD_STATE_KEY)).toBe(store);
    expect(w.shown.charts).toHaveLength(1);
  });

  it('a quiet run of the same job moves no stock health time, and the last success only when the cell does not show it', () => {
    const w = world();
    refreshDashboard(w.port, w.shown, w.store, run({ stock: health }));
    w.writes.length = 0;
    refreshDashboard(w.port, w.shown, w.store, run({ end: T0 + HOUR, stock: { ...health, at: T0 + HOUR } }));
    // This double has no spreadsheet to recalculate the formula (the Apps Script fakes do:
    // test/dashboard/bundle.test.ts), so the cell shows no date and gets the new floor: 1 cell.
    expect(w.writes.reduce((n, x) => n + x.cells, 0)).toBe(1);
    const tab = w.wb.tabs.get('Dashboard')!;
    const item = (name: string) => tab.find((r) => r[0] === name)!;
    expect(item('Stock sync')[2]).toMatch(/^=MAX\(DATE\(2026,11,2\)\+TIME\(9,0,0\),/);
    expect(item('Stock sync')[3]).toBe('Last run ok.');
    // Same figures: the time they were first seen stays.
    expect(item('— Stock health —').slice(2, 4)).toEqual([new Date(T0), 'As the last stock sync left the Inventory tab (UK); When: the figures last changed.']);
    expect(tab[30]!.slice(4)).toEqual(['2026-11-02', 0, 0]);
    refreshDashboard(w.port, w.shown, w.store, run({ end: T0 + 2 * HOUR, stock: { ...health, atZero: 2, at: T0 + 2 * HOUR } }));
    expect(item('— Stock health —')[2]).toEqual(new Date(T0 + 2 * HOUR));
  });

  it('clears rows left over when the figures take fewer rows', () => {
    const w = world();
    refreshDashboard(w.port, w.shown, w.store, run());
    const before = w.wb.tabs.get('Dashboard')!.length;
    w.wb.tabs.set('Exceptions', [header(TABS.exceptions)]);
    refreshDashboard(w.port, w.shown, w.store, run());
    const tab = w.wb.tabs.get('Dashboard')!;
    expect(tab.find((r) => r[0] === 'UNMAPPED_SKU')).toBeUndefined();
    expect(tab.length).toBe(before);
    expect(tab.slice(1).filter((r) => r.slice(0, 4).some((v) => v !== '')).length).toBeLessThan(before - 1);
  });

  it('only keeps the record when there is no Dashboard tab, and draws it once the tab exists', () => {
    const w = world();
    w.wb.tabs.delete('Dashboard');
    refreshDashboard(w.port, w.shown, w.store, run({ counts: { pushed: 5 } }));
    expect(w.shown.charts).toEqual([]);
    expect(parseDashboardState(w.store.get(DASHBOARD_STATE_KEY)).days).toEqual([['2026-11-02', 5, 0]]);
    w.wb.tabs.set('Dashboard', [header(TABS.dashboard)]);
    refreshDashboard(w.port, w.shown, w.store, run({ end: T0 + HOUR, counts: { pushed: 1 } }));
    expect(w.wb.tabs.get('Dashboard')![30]!.slice(4)).toEqual(['2026-11-02', 6, 0]);
    expect(w.shown.charts).toHaveLength(1);
  });

  it('never writes over a person\'s own tab called Dashboard', () => {
    const w = world();
    const mine: CellValue[][] = [['Region', 'Sales'], ['North', 12]];
    w.wb.tabs.set('Dashboard', mine.map((r) => [...r]));
    refreshDashboard(w.port, w.shown, w.store, run({ counts: { pushed: 1 } }));
    expect(w.wb.tabs.get('Dashboard')).toEqual(mine);
    expect(w.writes).toEqual([]);
    expect(w.shown.charts).toEqual([]);
    // The figures are still recorded for when the add-on's Dashboard exists.
    expect(parseDashboardState(w.store.get(DASHBOARD_STATE_KEY)).days).toEqual([['2026-11-02', 1, 0]]);
  });

  it('counts a day in the spreadsheet\'s time zone', () => {
    const w = world();
    const tokyo = memoryDashboard('Asia/Tokyo');
    // 2026-11-02 20:00 UTC is 2026-11-03 05:00 in Tokyo.
    refreshDashboard(w.port, tokyo, w.store, run({ end: Date.UTC(2026, 10, 2, 20), counts: { pushed: 1 } }));
    const tab = w.wb.tabs.get('Dashboard')!;
    expect(tab[30]!.slice(4)).toEqual(['2026-11-03', 1, 0]);
    expect(String(tab[1]![0])).toContain('Asia/Tokyo');
  });
});

describe('Sync Log times', () => {
  const entry = { runId: 'r1', job: 'inventory', start: T0, end: T0 + 5000, outcome: 'ok' as const, counts: { sent: 2 }, amazonCalls: 1, threePlCalls: 1, message: 'done' };

  it('name the spreadsheet\'s time zone in the Start and End cells of the row appended', () => {
    const wb = memoryWorkbook({ 'Sync Log': [header(TABS.syncLog), ['old']] });
    const shown = memoryDashboard('America/New_York', { 'Sync Log': 2 });
    appendRun(wb, entry, shown);
    expect(wb.tabs.get('Sync Log')![2]![5]).toBe('2 orders sent');
    expect(shown.formats).toEqual([{ tab: 'Sync Log', row: 3, column: 3, rows: 1, columns: 2, pattern: 'yyyy-mm-dd hh:mm "America/New_York"' }]);
  });

  it('find Start and End by header when people moved them apart', () => {
    const moved = ['Run ID', 'Start', 'Job', 'Outcome', 'Counts', 'Amazon Calls', '3PL Calls', 'Message', 'End'];
    const wb = memoryWorkbook({ 'Sync Log': [moved] });
    const shown = memoryDashboard('Europe/Paris', { 'Sync Log': 1 });
    appendRun(wb, entry, shown);
    expect(shown.formats.map((f) => [f.row, f.column, f.columns])).toEqual([[2, 2, 1], [2, 9, 1]]);
    expect(wb.tabs.get('Sync Log')![1]![1]).toEqual(new Date(T0));
  });
});
