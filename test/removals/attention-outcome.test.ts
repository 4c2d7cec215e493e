// A removals run that leaves a removal without a receipt (held: no 3PL SKU in the SKU Map) or not
// knowing whether its receipt was made (a lost create answer and a lookup that could not answer) is
// no successful run: the Sync Log says "partial" with how many need a person, as the orders sync does
// for a held or undecided order; it is "ok" again once every receipt is made.

import { describe, expect, it } from 'vitest';
import { FBA_SKU, removalWorld, RemovalsRun } from './world';

const BOX = [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: 'RM410000001GB' }];

describe('removals: a run that leaves a removal needing a person', () => {
  it('is partial while a removal is held for its SKU, and ok once the receipt is made', () => {
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-041', lines: [{ sku: 'CAP-FBA', fnsku: 'X00CAP0001', requested: 2 }], shipments: BOX.map((b) => ({ ...b, sku: 'CAP-FBA', fnsku: 'X00CAP0001' })) }], {
        extraMapRows: [[FBA_SKU, 'UK', 'FBA', 'SB-TEE-M', 'B0FBA00001', 'X00TEEM001', '', '', '', '', '', ''], ['CAP-FBA', 'UK', 'FBA', '', 'B0CAP00001', 'X00CAP0001', '', '', '', '', '', '']],
        extraListings: [{ sku: FBA_SKU, channel: 'FBA' }, { sku: 'CAP-FBA', channel: 'FBA' }],
        extraThreePl: [{ sku: 'SB-CAP', onHand: 0 }],
      }),
    );
    const held = r.syncRemovals();
    expect(r.removal('RMV-041', 'CAP-FBA')).toMatchObject({ State: 'held', '3PL Receipt': '' });
    expect(held.outcome).toBe('partial');
    expect(held.message).toContain('1 need a person');

    r.edit('SKU Map', { 'Seller SKU': 'CAP-FBA' }, { '3PL SKU': 'SB-CAP' });
    r.advance('10m');
    const made = r.syncRemovals();
    expect(r.wrosFor('RMV-041')).toHaveLength(1);
    expect(made.outcome).toBe('ok');
  });

  it('is partial when a receipt may or may not have been made (no usable answer to the create or the lookup)', () => {
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-042', lines: [{ requested: 2 }], shipments: BOX }], {
        faults: [
          { system: 'threePl', operation: 'create-warehouse-receiving-order', kind: 'malformed', times: 1 },
          // Four garbled answers: every attempt of the lookup (one cut short is asked again).
          { system: 'threePl', operation: 'get-multiple-warehouse-receiving-orders', kind: 'malformed', times: 4, after: 1 },
        ],
      }),
    );
    const run = r.syncRemovals();
    expect(r.removal('RMV-042')!.State).toBe('outcome unknown');
    expect(run.outcome).toBe('partial');
    r.advance('10m');
    expect(r.syncRemovals().outcome).toBe('ok');
    expect(r.wrosFor('RMV-042')).toHaveLength(1);
  });
});
