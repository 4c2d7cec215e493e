// A spreadsheet people already used may hold tabs of their own named like the add-on's (an
// "Orders" list of their web-shop orders, an "Inventory" stock count, a "Removals" log): set-up and
// the syncs never take such a tab over, since writing there deleted every row they typed. A "Sync Log"
// or "Exceptions" of their own is where every run records itself: no run starts while one is there.

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

beforeAll(() => {
  execFileSync('node', ['build.mjs'], { stdio: 'ignore' });
});

const SHEET = {
  Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', '']],
  'SKU Map': [['Seller SKU', 'Marketplace', 'Channel', '3PL SKU'], ['TEE-M', 'UK', 'FBM', 'SB-TEE-M']],
  Inventory: [['Item', 'Qty on shelf', 'Notes'], ['Mug', 5, 'back room'], ['Tee', 3, 'counted Monday']],
  Orders: [['Customer', 'Order date', 'Total'], ['Jane', 'first of October', 25]],
  Removals: [['What', 'When'], ['Old mugs', 'last week']],
  Settlements: [['Payout', 'Amount'], ['October', 120]],
};

function play(sheet: Record<string, unknown[][]>) {
  const run = createScenarioRun({
    name: 'peoples-own-tabs',
    sheet,
    amazon: { sellerId: 'A2SELLER', listings: [{ sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 0 }] },
    threePl: { provider: 'shipbob', locations: [{ id: 10, name: 'Manchester' }], products: [{ sku: 'SB-TEE-M', name: 'Tee M' }], inventory: [{ sku: 'SB-TEE-M', location: 10, onHand: 25, committed: 0, awaiting: 0 }] },
    steps: [{ run: 'setupSheets' }, { run: 'syncNow', args: ['all'], as: 'sidebar' }, { run: 'syncNow', args: ['settlements'], as: 'sidebar' }],
  });
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  return { run, book: run.gas.spreadsheet.toDisplayJson() as Record<string, string[][]> };
}

describe("people's own tabs named like the add-on's", () => {
  it('set-up adds nothing to them and says so; a sync writes nothing there and raises CONFIG_INVALID naming the tab', () => {
    const { run, book } = play(SHEET);
    expect(JSON.stringify(run.results[0]!.value)).toContain('The tab \\"Removals\\" holds your own data');
    expect(book.Inventory).toEqual([['Item', 'Qty on shelf', 'Notes'], ['Mug', '5', 'back room'], ['Tee', '3', 'counted Monday']]);
    expect(book.Orders).toEqual([['Customer', 'Order date', 'Total'], ['Jane', 'first of October', '25']]);
    expect(book.Removals).toEqual([['What', 'When'], ['Old mugs', 'last week']]);
    expect(book.Settlements).toEqual([['Payout', 'Amount'], ['October', '120']]);
    const messages = book.Exceptions!.map((r) => r[4]).join('\n');
    expect(messages).toMatch(/The tab "Orders" holds your own data .*Rename that tab/);
  });

  it("a blank tab of that name is still the add-on's to fill", () => {
    const { book } = play({ ...SHEET, Inventory: [['']], Orders: [['']], Removals: [['']], Settlements: [['']] });
    expect(book.Inventory![0]).toContain('Seller SKU');
    expect(book.Orders![0]).toContain('Amazon Order ID');
    expect(book.Removals![0]).toContain('Removal Order ID');
  });

  it('a Sync Log or Exceptions tab of their own is left as it was, and no run pushes or sends anything while it is there', () => {
    const mine = {
      ...SHEET,
      Inventory: [['']],
      'Sync Log': [['My log'], ['called ShipBob about returns']],
      Exceptions: [['Date', 'What I noticed'], ['2026-10-01', 'Supplier late']],
    };
    const { run, book } = play(mine);
    expect(book['Sync Log']).toEqual([['My log'], ['called ShipBob about returns']]);
    expect(book.Exceptions).toEqual([['Date', 'What I noticed'], ['2026-10-01', 'Supplier late']]);
    expect(run.amazon.snapshot().writes).toEqual([]);
    const said = JSON.stringify(run.results.map((r) => r.value));
    expect(said).toContain('The tab \\"Sync Log\\" holds your own data');
    expect(said).toContain('The tab \\"Exceptions\\" holds your own data');
    expect(said).toContain('Nothing was synced');

    // Only the Exceptions tab is theirs: the add-on's Sync Log says why the run did nothing.
    const { run: second, book: after } = play({ ...mine, 'Sync Log': [['']] });
    expect(after.Exceptions).toEqual([['Date', 'What I noticed'], ['2026-10-01', 'Supplier late']]);
    expect(second.amazon.snapshot().writes).toEqual([]);
    const log = after['Sync Log']!;
    const at = (h: string) => log[0]!.indexOf(h);
    const rows = log.slice(1).filter((r) => r[at('Job')] !== 'audit');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r[at('Outcome')]).toBe('failed');
      expect(r[at('Message')]).toMatch(/The tab "Exceptions" holds your own data .*Nothing was synced/);
    }
  });

  it('set-up puts no frozen header, filter or protection on them, and names each one, output tabs included', () => {
    const run = createScenarioRun({
      name: 'peoples-own-tabs-style',
      sheet: { ...SHEET, Dashboard: [['My own dashboard'], ['sales', 100]], Exceptions: [['Date', 'What I noticed'], ['2026-10-01', 'Supplier late']] },
      steps: [{ run: 'setupSheets' }],
    });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const result = run.results[0]!.value as { styled: string[]; warnings: string[] };
    for (const tab of ['Inventory', 'Orders', 'Removals', 'Settlements', 'Dashboard', 'Exceptions']) {
      const sheet = run.gas.spreadsheet.exportSheet(tab)!;
      expect({ tab, frozen: sheet.frozenRows, filter: sheet.filter, protections: sheet.protections }).toEqual({ tab, frozen: 0, filter: null, protections: [] });
      expect(result.styled.filter((s) => s.startsWith(`${tab} (`))).toEqual([]);
      expect(result.warnings.filter((w) => w.startsWith(`The tab "${tab}" holds your own data`))).toHaveLength(1);
    }
  });
});
