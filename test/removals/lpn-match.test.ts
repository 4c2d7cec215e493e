// A removal the warehouse took in on a receipt of its own: found by one of the removal's LPNs used as
// a ShipBob return's reference_id (3pl-apis.md §2.5: an Amazon LPN has no dedicated field, "carry it
// in reference_id (one return per LPN)"), which closes the loop with that receipt's counts. LPNs come
// from the customer returns report's license-plate-number (sp-api.md §8).

import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';

describe('removals: a receipt matched by LPN', () => {
  it('an overdue removal whose unit ShipBob logged as a return under its LPN is counted from that return', () => {
    const run = createScenarioRun({
      name: 'removals-lpn',
      start: '2026-11-02T08:00:00Z',
      sheet: {
        Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Removal overdue (days)', 3, '']],
        'SKU Map': [
          ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'],
          ['TEE-M-FBA', 'UK', 'FBA', 'SB-TEE-M', 'B0TEE00003', 'X00TEE0003', '', '', '', '', '', ''],
        ],
      },
      amazon: {
        sellerId: 'A2SELLER',
        listings: [{ sku: 'TEE-M-FBA', channel: 'FBA', asin: 'B0TEE00003', fnsku: 'X00TEE0003' }],
        removalOrders: [
          {
            orderId: 'RMV-LPN1', requestDate: '2026-10-28T09:00:00Z',
            lines: [{ sku: 'TEE-M-FBA', disposition: 'Unsellable', requested: 1 }],
            shipments: [{ shipmentDate: '2026-11-01T09:00:00Z', sku: 'TEE-M-FBA', disposition: 'Unsellable', quantity: 1, carrier: 'Royal Mail', trackingNumber: 'RM777000001GB' }],
          },
        ],
        customerReturns: [{ returnDate: '2026-10-10T09:00:00Z', orderId: '202-1000001-0000001', sku: 'TEE-M-FBA', detailedDisposition: 'CUSTOMER_DAMAGED', licensePlateNumber: 'LPNRR9000001' }],
      },
      threePl: {
        provider: 'shipbob',
        locations: [{ id: 10, name: 'Manchester' }],
        products: [{ sku: 'SB-TEE-M', name: 'Tee M' }],
        inventory: [{ sku: 'SB-TEE-M', location: 10, onHand: 5, committed: 0 }],
        // The warehouse logged the unit as a return under the LPN on it.
        returns: [{ referenceId: 'LPNRR9000001', location: 10, items: [{ sku: 'SB-TEE-M', quantity: 1 }] }],
      },
      steps: [],
    });
    let i = 0;
    const step = (s: Step) => applyStep(run, s, i++);
    const sync = () => step({ run: 'syncNow', args: ['removals'], as: 'sidebar' });
    const row = () => {
      const grid = run.gas.spreadsheet.toDisplayJson()['Removals']!;
      return Object.fromEntries(grid[0]!.map((h, k) => [h, grid[1]![k]]));
    };
    step({ run: 'setupSheets' });
    sync();
    expect(row()).toMatchObject({ LPNs: 'LPNRR9000001', State: 'expected' });
    const wro = row()['3PL Receipt'];
    step({ world: { system: 'threePl', action: 'receive', reference: 'LPNRR9000001' } });
    step({ advance: '3d' });
    sync();
    const after = row();
    expect(after).toMatchObject({ Received: '1', State: 'received' });
    expect(after['3PL Receipt']).not.toBe(wro);
  });
});
