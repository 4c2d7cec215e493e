// Approve mode at 10,000 SKUs in the built bundle. Apps Script holds 9 KB per property value
// (https://developers.google.com/apps-script/guides/services/quotas, "Properties value size"), so a
// plan of 10,000 changes cannot be kept as its entries (about 200 KB): it is kept as a digest and
// the entries are the ones the Inventory tab shows. The approval still covers exactly those.

import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { ScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import { buildScenario, manyOffers } from '../inventory/builder';

const N = 10_000;

function start(n: number, extra: Record<string, string | number> = {}) {
  const run = createScenarioRun(buildScenario({ offers: manyOffers(n, 'SKU', { onHand: 30 }), settings: { 'Push mode': 'approve', ...extra } }));
  const step = (s: Step) => {
    applyStep(run, s, run.results.length);
    return run.results[run.results.length - 1]!;
  };
  return { run, step };
}

function summary(r: ScenarioRun['results'][number]): { outcome: string; message: string } {
  expect(r.error).toBeUndefined();
  const v = r.value as { outcome: string; message: string } | Array<{ outcome: string; message: string }>;
  return Array.isArray(v) ? v[0]! : v;
}

function inventoryRow(run: ScenarioRun, sku: string): Record<string, string> {
  const grid = run.gas.spreadsheet.toDisplayJson()['Inventory']!;
  const header = grid[0]!;
  const row = grid.find((r) => r[header.indexOf('Seller SKU')] === sku)!;
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
}

describe('approve mode at 10,000 SKUs', () => {
  it('shows 10,000 changes, remembers the plan within 9 KB, and pushes exactly the approved entries', () => {
    const { run, step } = start(N);
    step({ run: 'setupSheets' });
    // A catalogue this large reads Amazon's listings from a report, requested and waited for in the run.
    const shown = summary(step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' }));
    expect(run.amazon.calls.filter((c: { operation: string }) => c.operation === 'getReportDocument').length).toBeGreaterThan(0);
    expect(shown.message).toMatch(/10000 change\(s\) await approval/);
    const props = run.gas.properties.document.data;
    expect(props.get('inventory.shownPlan')).toMatch(/^#10000:[0-9a-f]{16}$/);
    for (const v of props.values()) expect(Buffer.byteLength(v, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect(run.amazon.snapshot().writes).toEqual([]);

    // After the plan was shown, one SKU's stock moves: its new quantity was never shown.
    step({ world: { system: 'threePl', action: 'setStock', sku: 'SB-SKU-5000', location: 10, onHand: 50 } });
    step({ advance: '5m' });
    const approved = summary(step({ run: 'approveStockPush' }));
    // The feed is submitted (followed on the next run); the moved SKU waits for a new approval.
    expect(approved.outcome).toBe('partial');
    expect(approved.message).toMatch(/^1 change\(s\) await approval/);
    step({ advance: '3m' });
    expect(summary(step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' })).message).toMatch(/9999 FBM quantities accepted/);

    const writes = run.amazon.snapshot().writes as Array<{ sku: string; quantity: number }>;
    expect(writes).toHaveLength(N - 1);
    expect(new Set(writes.map((w) => w.quantity))).toEqual(new Set([29]));
    expect(writes.some((w) => w.sku === 'SKU-5000')).toBe(false);
    expect(inventoryRow(run, 'SKU-5000')['Push State']).toBe('awaiting approval');
    expect(inventoryRow(run, 'SKU-5000')['Proposed FBM Qty']).toBe('49');
    expect(run.results.every((r) => r.record.outcome === 'ok')).toBe(true);
  }, 240_000);

  it('an approval lapses, pushing nothing, when the plan on the Inventory tab was edited after it was shown', () => {
    // 600 changes: about 10 KB of entries, so this plan is remembered as a digest too (and is small
    // enough to read the listings by search, in one run).
    const { run, step } = start(600);
    step({ run: 'setupSheets' });
    step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    expect(run.gas.properties.document.data.get('inventory.shownPlan')).toMatch(/^#600:/);
    // A person types over a proposed quantity on the Inventory tab.
    step({ edit: { tab: 'Inventory', match: { 'Seller SKU': 'SKU-500' }, set: { 'Proposed FBM Qty': 500 } } });
    const r = summary(step({ run: 'approveStockPush' }));
    expect(r.message).toMatch(/The approval no longer matches the plan the Inventory tab showed .* approve again what the tab shows now/);
    expect(run.amazon.snapshot().writes).toEqual([]);
    expect(inventoryRow(run, 'SKU-500')['Proposed FBM Qty']).toBe('29');
    // Approving what the tab shows now works.
    const again = summary(step({ run: 'approveStockPush' }));
    expect(again.message).toMatch(/Feed \S+ was submitted/);
  }, 120_000);
});
