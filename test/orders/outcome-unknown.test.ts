// An order whose create at the 3PL got no usable answer (a 500 on Mintsoft's PUT /api/Order, twice)
// and that a lookup did not find is not done: the orders run is "partial" and says so (it said "ok"),
// ORDER_OUTCOME_UNKNOWN is High, and the next run's lookup-first send puts it at the 3PL once.
// Through the built bundle, against the Mintsoft simulator.

import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun, type ScenarioRun } from '../world/scenario/runner';

function tab(r: ScenarioRun, name: string): Array<Record<string, string>> {
  const [head, ...body] = (r.gas.spreadsheet.toDisplayJson()[name] ?? []) as string[][];
  return body.map((row) => Object.fromEntries(head!.map((h, i) => [h, row[i] ?? ''])));
}

describe('an order the 3PL gave no usable answer for', () => {
  const r = createScenarioRun(
    {
      name: 'orders-outcome-unknown',
      start: '2026-11-02T08:00:00Z',
      sheet: {
        Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['3PL provider', 'mintsoft', ''], ['3PL locations', '10', '']],
        'SKU Map': [
          ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'],
          ['TEE-M', 'UK', 'FBM', 'MS-TEE-M', 'B0TEE00001', '', 1, '', '', '', '', ''],
        ],
      },
      amazon: {
        sellerId: 'A2SELLER',
        listings: [{ sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5 }],
        orders: [{ orderId: '202-1000001-0000001', created: '2026-11-02T07:10:00Z', status: 'UNSHIPPED', latestShipDate: '2026-11-03T23:59:00Z', items: [{ sku: 'TEE-M', quantity: 2 }] }],
      },
      threePl: { provider: 'mintsoft', warehouses: [{ id: 10, name: 'Manchester' }], products: [{ sku: 'MS-TEE-M', name: 'Tee' }], inventory: [{ sku: 'MS-TEE-M', warehouse: 10, onHand: 20 }] },
      faults: [{ system: 'threePl', operation: 'PUT /api/Order', kind: '500', times: 2 }],
      steps: [{ run: 'setupSheets' }, { run: 'syncNow', args: ['orders'] }, { advance: '10m' }, { run: 'syncNow', args: ['orders'] }],
    },
    { baseDir: process.cwd() },
  );
  r.scenario.steps.forEach((s, i) => applyStep(r, s, i));
  const [first, second] = tab(r, 'Sync Log').filter((x) => x['Job'] === 'orders');

  it('makes the run partial and says the order may or may not be at the 3PL', () => {
    expect(first!['Outcome']).toBe('partial');
    expect(first!['Message']).toMatch(/1 order may or may not be at Mintsoft .*ORDER_OUTCOME_UNKNOWN/);
  });

  it('sends it once in the next run, which is ok again', () => {
    expect(second!['Outcome']).toBe('ok');
    expect(r.mintsoft!.state.orders.map((o) => o.orderNumber)).toEqual(['202-1000001-0000001']);
    expect(tab(r, 'Orders')[0]!['State']).toBe('sent');
  });
});
