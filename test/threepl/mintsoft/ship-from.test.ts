// The warehouse Mintsoft orders ship from (PUT /api/Order WarehouseId) is Settings "3PL locations"
// read as the stock sync reads it: an ID or a location's name in any case, entries separated by
// commas or semicolons; empty with one warehouse, that one. A cell naming no warehouse is one
// CONFIG_INVALID on the cell listing Mintsoft's warehouses, the orders wait (never "the 3PL
// refused"), the run is not "ok", and they go once the cell is fixed. Through the built bundle.

import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun, type ScenarioRun } from '../../world/scenario/runner';

const SKU_MAP = [
  ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'],
  ['TEE-M', 'UK', 'FBM', 'MS-TEE-M', 'B0TEE00001', '', 1, '', '', '', '', ''],
];

function world(locations: string, warehouses: Array<{ id: number; name: string }>, steps: unknown[]): ScenarioRun {
  const r = createScenarioRun(
    {
      name: 'mintsoft-ship-from',
      start: '2026-11-02T08:00:00Z',
      sheet: {
        Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['3PL provider', 'mintsoft', ''], ['3PL locations', locations, '']],
        'SKU Map': SKU_MAP,
      },
      amazon: {
        sellerId: 'A2SELLER',
        listings: [{ sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5 }],
        orders: [{ orderId: '202-1000001-0000001', created: '2026-11-02T07:10:00Z', status: 'UNSHIPPED', latestShipDate: '2026-11-03T23:59:00Z', items: [{ sku: 'TEE-M', quantity: 2 }] }],
      },
      threePl: {
        provider: 'mintsoft',
        warehouses,
        products: [{ sku: 'MS-TEE-M', name: 'Tee' }],
        inventory: warehouses.map((w) => ({ sku: 'MS-TEE-M', warehouse: w.id, onHand: 20 })),
      },
      steps: [{ run: 'setupSheets' }, { run: 'syncNow', args: ['orders'] }, ...steps],
    },
    { baseDir: process.cwd() },
  );
  r.scenario.steps.forEach((s, i) => applyStep(r, s, i));
  return r;
}

function tab(r: ScenarioRun, name: string): Array<Record<string, string>> {
  const [head, ...body] = (r.gas.spreadsheet.toDisplayJson()[name] ?? []) as string[][];
  return body.map((row) => Object.fromEntries(head!.map((h, i) => [h, row[i] ?? ''])));
}

const TWO = [
  { id: 10, name: 'Manchester' },
  { id: 20, name: 'Leeds' },
];
const sentTo = (r: ScenarioRun) => r.mintsoft!.state.orders.map((o) => [o.orderNumber, o.warehouseId]);
const ordersRuns = (r: ScenarioRun) => tab(r, 'Sync Log').filter((x) => x['Job'] === 'orders');

describe('the warehouse Mintsoft orders ship from', () => {
  it('takes a warehouse name typed in any case, as the stock sync does', () => {
    const r = world('manchester', TWO, []);
    expect(sentTo(r)).toEqual([['202-1000001-0000001', 10]]);
    expect(ordersRuns(r)[0]!['Outcome']).toBe('ok');
  });

  it('reads "20; 10" as two warehouses and ships from the first', () => {
    const r = world('20; 10', TWO, []);
    expect(sentTo(r)).toEqual([['202-1000001-0000001', 20]]);
  });

  it('ships from the only warehouse when the cell is empty', () => {
    const r = world('', [{ id: 10, name: 'Manchester' }], []);
    expect(sentTo(r)).toEqual([['202-1000001-0000001', 10]]);
  });

  it('holds the orders on a name Mintsoft does not have: CONFIG_INVALID names the cell and the warehouses, the run is partial, and the order goes once when fixed', () => {
    const r = world('Manchestr', TWO, [{ edit: { tab: 'Settings', match: { Key: '3PL locations' }, set: { Value: 'Leeds' } } }, { advance: '5m' }, { run: 'syncNow', args: ['orders'] }]);
    const [first, second] = ordersRuns(r);
    expect(first!['Outcome']).toBe('partial');
    expect(first!['Message']).toMatch(/Settings: 3PL locations/);
    const problem = tab(r, 'Exceptions').find((x) => x['Key'] === 'CONFIG_INVALID:orders:3PL locations')!;
    expect(problem['Message']).toMatch(/"Manchestr", which is no Mintsoft location.*10 \(Manchester\), 20 \(Leeds\)/);
    // Fixed: sent once, to the warehouse named, and the cell's row resolves.
    expect(second!['Outcome']).toBe('ok');
    expect(problem['Status']).toBe('Resolved');
    expect(sentTo(r)).toEqual([['202-1000001-0000001', 20]]);
    expect(tab(r, 'Orders')[0]!['State']).toBe('sent');
  });

  it('says the cell, not "the 3PL refused", while the orders wait', () => {
    const r = world('Manchestr', TWO, []);
    const row = tab(r, 'Orders')[0]!;
    expect([row['State'], row['Attempts']]).toEqual(['held', '0']);
    expect(row['Note']).toMatch(/^Nothing was sent: Settings "3PL locations" holds "Manchestr"/);
    expect(row['Note']).not.toMatch(/refused/);
    expect(r.mintsoft!.state.orders).toHaveLength(0);
  });
});
