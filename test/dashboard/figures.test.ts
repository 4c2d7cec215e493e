// The Dashboard's pure figures (core/dashboard): the run record, stock health from Inventory rows,
// open exceptions by type and severity, the 30-day series and the grid laid out from them.
import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_DATA,
  DASHBOARD_WIDTH,
  dashboardGrid,
  emptyDashboardState,
  exceptionFigures,
  lastDays,
  parseDashboardState,
  recordRun,
  stockHealth,
} from '../../src/core/dashboard';
import type { DashboardRun, DashboardState } from '../../src/core/dashboard';
import type { InventoryRow } from '../../src/core/inventory/types';
import { TABS } from '../../src/core/tabs';

const T0 = Date.UTC(2026, 10, 2, 8);
const HOUR = 3_600_000;

function row(over: Partial<InventoryRow>): InventoryRow {
  const base = {
    key: '', sellerSku: 'A', marketplace: 'UK', channel: 'FBM', threePlSku: 'SB-A', threePlOnHand: 5, threePlCommitted: 0, threePlFulfillable: 5,
    unsentOrders: 0, safetyBuffer: 0, offerShare: null, maxQty: null, proposedQty: 5, amazonFbmQty: 5, lastPushedQty: 5, previousQty: 4,
    pushState: 'applied', fbaFulfillable: null, fbaInboundWorking: null, fbaInboundShipped: null, fbaInboundReceiving: null, fbaReserved: null,
    fbaUnfulfillable: null, fbaResearching: null, fbaTotal: null, reason: '', updatedAt: T0,
  };
  const r = { ...base, ...over } as InventoryRow;
  return { ...r, key: `${r.marketplace}:${r.channel}:${r.sellerSku}` };
}

const run = (over: Partial<DashboardRun>): DashboardRun => ({ job: 'inventory', label: 'Stock sync', scheduled: true, end: T0, outcome: 'ok', counts: {}, stock: null, ...over });

describe('stock health', () => {
  it('counts offers at zero, held and awaiting approval of the marketplace only', () => {
    const rows = [
      row({ sellerSku: 'OK' }),
      // Zero on Amazon now.
      row({ sellerSku: 'ZERO', amazonFbmQty: 0, lastPushedQty: 0, proposedQty: 0 }),
      // Just pushed to zero: Amazon still shows 3, but has 0 in hand.
      row({ sellerSku: 'PUSHED-ZERO', amazonFbmQty: 3, lastPushedQty: 0, pushState: 'accepted' }),
      // Proposed zero in a dry run is not yet what Amazon offers.
      row({ sellerSku: 'DRY', amazonFbmQty: 4, proposedQty: 0, pushState: 'dry-run' }),
      row({ sellerSku: 'HELD', pushState: 'held by guardrail', amazonFbmQty: 0 }),
      row({ sellerSku: 'MAP', proposedQty: null, pushState: '', reason: 'Held: the SKU Map row has no 3PL SKU.' }),
      row({ sellerSku: 'WAIT', pushState: 'awaiting approval' }),
      row({ sellerSku: 'FBA-0', channel: 'FBA', amazonFbmQty: null, lastPushedQty: null, pushState: '', fbaFulfillable: 0 }),
      row({ sellerSku: 'FBA-9', channel: 'FBA', amazonFbmQty: null, lastPushedQty: null, pushState: '', fbaFulfillable: 9 }),
      row({ sellerSku: 'DE', marketplace: 'DE', amazonFbmQty: 0 }),
    ];
    expect(stockHealth(rows, 'UK', T0)).toEqual({ at: T0, marketplace: 'UK', offers: 9, atZero: 4, held: 2, awaiting: 1 });
  });
});

describe('exception figures', () => {
  const rec = (type: string, status: string, entity = 'UK FBM A', firstSeen: unknown = new Date(T0), severity = '') => ({ Type: type, Status: status, Entity: entity, 'First Seen': firstSeen, Severity: severity });

  it('counts Open and Acknowledged rows by severity and type, most severe first; drift by offer', () => {
    const ex = exceptionFigures([
      rec('UNMAPPED_SKU', 'Open', 'UK X'),
      rec('UNMAPPED_SKU', 'Acknowledged', 'UK Y', new Date(T0 - 5 * HOUR)),
      rec('INVENTORY_DRIFT', 'Open', 'UK FBM A'),
      rec('STOCK_PUSH_NOT_APPLIED', 'Open', 'UK FBM A'),
      rec('STOCK_PUSH_NOT_APPLIED', 'Open', 'UK FBM B'),
      rec('ORDER_STUCK', 'Resolved'),
      rec('QUOTA', 'Ignored'),
      rec('', ''),
      // Severity as the tab shows it wins over the type's default.
      rec('CARRIER_UNMAPPED', 'Open', 'UPS', '', 'low'),
    ]);
    expect(ex.open).toBe(6);
    expect(ex.bySeverity).toEqual({ High: 3, Medium: 2, Low: 1 });
    expect(ex.byType.map((t) => [t.type, t.severity, t.open])).toEqual([
      ['STOCK_PUSH_NOT_APPLIED', 'High', 2],
      ['INVENTORY_DRIFT', 'High', 1],
      ['UNMAPPED_SKU', 'Medium', 2],
      ['CARRIER_UNMAPPED', 'Low', 1],
    ]);
    expect(ex.byType.find((t) => t.type === 'UNMAPPED_SKU')!.since).toBe(T0 - 5 * HOUR);
    expect(ex.drifted).toBe(2);
  });
});

describe('the run record', () => {
  it('keeps the last success per scheduled job, through failures', () => {
    let s = recordRun(emptyDashboardState(), run({ end: T0 }), '2026-11-02');
    s = recordRun(s, run({ end: T0 + HOUR, outcome: 'failed' }), '2026-11-02');
    s = recordRun(s, run({ job: 'orders', label: 'Orders sync', end: T0 + 2 * HOUR, outcome: 'partial' }), '2026-11-02');
    s = recordRun(s, run({ job: 'inventory-undo', scheduled: false, end: T0 + 3 * HOUR }), '2026-11-02');
    expect(s.jobs).toEqual([
      { name: 'inventory', label: 'Stock sync', lastOk: T0, lastRun: T0 + HOUR, outcome: 'failed' },
      { name: 'orders', label: 'Orders sync', lastOk: null, lastRun: T0 + 2 * HOUR, outcome: 'partial' },
    ]);
    // A push held by a guardrail is the stock sync doing its work.
    s = recordRun(s, run({ end: T0 + 4 * HOUR, outcome: 'held' }), '2026-11-02');
    expect(s.jobs[0]!.lastOk).toBe(T0 + 4 * HOUR);
  });

  it('adds pushed changes and new exceptions to their day and keeps 30 days', () => {
    let s: DashboardState = { ...emptyDashboardState(), days: [['2026-10-01', 9, 9], ['2026-10-04', 1, 0]] };
    s = recordRun(s, run({ counts: { pushed: 4, opened: 1 } }), '2026-11-02');
    s = recordRun(s, run({ counts: { pushed: 2, rejected: 1 } }), '2026-11-02');
    s = recordRun(s, run({ counts: { offers: 10 } }), '2026-11-02');
    s = recordRun(s, run({ counts: { opened: 3 } }), '2026-11-03');
    // 2026-10-01 is more than 30 days before 2026-11-03; 2026-10-05 is the first day kept.
    expect(s.days).toEqual([['2026-11-02', 6, 1], ['2026-11-03', 0, 3]]);
    expect(lastDays('2026-11-03')[0]).toBe('2026-10-05');
    expect(lastDays('2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('takes the stock health of the run that held the rows, and keeps it through other runs', () => {
    const health = { at: T0, marketplace: 'UK', offers: 3, atZero: 1, held: 0, awaiting: 0 };
    let s = recordRun(emptyDashboardState(), run({ stock: health }), '2026-11-02');
    s = recordRun(s, run({ job: 'orders', stock: null }), '2026-11-02');
    expect(s.stock).toEqual(health);
  });

  it('reads back what it stored, and starts empty from anything unreadable', () => {
    const s = recordRun(emptyDashboardState(), run({ counts: { pushed: 1 } }), '2026-11-02');
    expect(parseDashboardState(JSON.stringify(s))).toEqual(s);
    expect(parseDashboardState('{oops')).toEqual(emptyDashboardState());
    expect(parseDashboardState(null)).toEqual(emptyDashboardState());
  });
});

describe('the grid', () => {
  const health = { at: T0, marketplace: 'UK', offers: 12, atZero: 2, held: 1, awaiting: 0 };
  const state: DashboardState = {
    jobs: [
      { name: 'inventory', label: 'Stock sync', lastOk: T0, lastRun: T0 + HOUR, outcome: 'failed' },
      { name: 'orders', label: 'Orders sync', lastOk: null, lastRun: T0, outcome: 'partial' },
    ],
    stock: health,
    days: [['2026-11-01', 5, 2], ['2026-11-02', 3, 0]],
    chart: true,
  };
  const ex = exceptionFigures([{ Type: 'ORDER_STUCK', Status: 'Open', Entity: 'o1', 'First Seen': new Date(T0) }, { Type: 'INVENTORY_DRIFT', Status: 'Open', Entity: 'UK FBM A', 'First Seen': new Date(T0) }]);
  const grid = dashboardGrid({ state, exceptions: ex, timeZone: 'Europe/Paris', today: '2026-11-02' });
  const item = (name: string) => grid.rows.find((r) => r[0] === name)!;

  it('lays out the figures on the left, under section rows, with the time zone named', () => {
    expect(grid.rows.every((r) => r.length === DASHBOARD_WIDTH)).toBe(true);
    expect(grid.rows[0]![0]).toContain('Europe/Paris');
    expect(grid.sections.map((i) => grid.rows[i]![0])).toEqual(['— Last successful sync —', '— Stock health —', '— Open exceptions —']);
    expect(item('Stock sync').slice(2, 4)).toEqual([new Date(T0), 'Last run failed (see the Sync Log).']);
    expect(item('Orders sync')[2]).toBe('');
    expect(item('Orders sync')[3]).toMatch(/^Never succeeded yet\. Last run partial/);
    expect([item('Offers')[1], item('Offers at zero')[1], item('Held')[1], item('Awaiting approval')[1], item('Drifted')[1]]).toEqual([12, 2, 1, 0, 1]);
    expect(item('— Open exceptions —')[1]).toBe(2);
    expect(item('High')[1]).toBe(2);
    expect(item('ORDER_STUCK').slice(1, 4)).toEqual([1, new Date(T0), 'High']);
  });

  it('keeps the last 30 days on the right, oldest first, under the chart\'s header cells', () => {
    expect(TABS.dashboard.columns.slice(DASHBOARD_DATA.column - 1).map((c) => c.header)).toEqual(['Day', 'Stock changes pushed', 'New exceptions']);
    const days = grid.rows.slice(0, DASHBOARD_DATA.rows - 1).map((r) => r.slice(4));
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual(['2026-10-04', 0, 0]);
    expect(days.slice(-2)).toEqual([['2026-11-01', 5, 2], ['2026-11-02', 3, 0]]);
  });

  it('says when no run has happened yet rather than showing zeros', () => {
    const empty = dashboardGrid({ state: emptyDashboardState(), exceptions: exceptionFigures([]), timeZone: 'Europe/London', today: '2026-11-02' });
    expect(empty.rows.some((r) => r[0] === 'No sync has run yet.')).toBe(true);
    expect(empty.rows.find((r) => r[0] === 'Offers at zero')![1]).toBe('');
  });
});
