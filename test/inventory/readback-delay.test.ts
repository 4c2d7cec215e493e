// Read-back against Amazon's real pace: an ACCEPTED patchListingsItem is only "accepted for
// processing" (listingsItems_2021-08-01.json, ListingsItemSubmissionResponse.status) and shows in
// reads minutes later (the simulator's DEFAULT_PATCH_APPLY_DELAY; developer-docs
// manage-listings-issues). A push not visible yet is neither sent again nor reported as not
// applied until the read-back grace period (15 minutes) has passed.

import { describe, expect, it } from 'vitest';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { InventoryRun } from './builder';

describe('read-back while Amazon is still processing a patch', () => {
  it('a run two minutes after the push sees the old quantity: still accepted, nothing re-sent, no exception; then applied', () => {
    expect(DEFAULT_PATCH_APPLY_DELAY).toBe('5m');
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'B-1', onHand: 6 }] });
    r.sync();
    expect(r.writes()).toHaveLength(2);
    r.advance('2m');
    const s = r.sync();
    expect(s.outcome).toBe('ok');
    expect(r.amazonQty('A-1')).toBe(0);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('accepted');
    expect(r.inventoryRow('A-1')!['Amazon FBM Qty']).toBe('0');
    expect(r.writes()).toHaveLength(2);
    expect(r.openExceptions()).toEqual([]);
    r.advance('5m');
    r.sync();
    expect(r.inventoryRow('A-1')!['Push State']).toBe('applied');
    expect(r.openExceptions()).toEqual([]);
    r.assertInvariants();
  });

  it('a patch Amazon never applies is reported only after the grace period', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }],
      faults: [{ system: 'amazon', operation: 'patchListingsItem', kind: 'not_applied', times: 1 }],
    });
    r.sync();
    r.advance('10m');
    r.sync();
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED')).toEqual([]);
    expect(r.inventoryRow('A-1')!['Push State']).toBe('accepted');
    r.advance('10m');
    r.sync();
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED').map((e) => e['Entity'])).toEqual(['UK FBM A-1']);
    r.assertInvariants();
  });
});
