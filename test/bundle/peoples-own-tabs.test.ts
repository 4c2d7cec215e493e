// A spreadsheet people already used may hold tabs of their own named like the add-on's (an
// "Orders" list of their web-shop orders, an "Inventory" stock count, a "Removals" log): set-up and
// the syncs never take such a tab over, since writing there deleted every row they typed.

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
});
