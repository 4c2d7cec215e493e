// A feed Amazon has processed whose processing report cannot be read (getFeedDocument failing or
// answering half a body, run after run) must not hold the stock sync back: the quantities are on
// Amazon already, so the push is settled as accepted and left to the read-back, the run says so,
// and a stock drop after it still reaches Amazon.

import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../world/faults';
import { InventoryRun } from './builder';

const world = (faults: FaultSpec[]) =>
  new InventoryRun({
    offers: [
      { sku: 'TEE-M', onHand: 25, buffer: 3 },
      { sku: 'MUG-1', onHand: 10, buffer: 0 },
    ],
    settings: { 'Feed threshold': 1 },
    faults,
  });

describe('a processed feed whose processing report cannot be read', () => {
  it.each([
    ['500 on getFeedDocument', { system: 'amazon', operation: 'getFeedDocument', kind: '500', times: 1000 }],
    ['malformed getFeedDocument', { system: 'amazon', operation: 'getFeedDocument', kind: 'malformed', times: 1000 }],
  ] as Array<[string, FaultSpec]>)('%s: the push is settled for the read-back and the next stock drop still goes out', (_name, fault) => {
    const r = world([fault]);
    expect(r.sync().message).toMatch(/submitted to Amazon/);
    r.advance('10m');
    const second = r.sync();
    expect(second.outcome).toBe('partial');
    expect(second.message).toMatch(/processing report could not be read/);
    expect(second.message).toMatch(/checked against Amazon's listings/);
    expect(r.inventoryRow('TEE-M')?.['Push State']).toMatch(/accepted|applied/);
    expect(r.amazonQty('TEE-M')).toBe(22);

    // The warehouse sells out: the next runs must lower Amazon, not stop at the unreadable report.
    r.setStock('SB-TEE-M', 4);
    for (let i = 0; i < 3; i++) {
      r.advance('10m');
      expect(r.sync().outcome).not.toBe('failed');
    }
    expect(r.amazonQty('TEE-M')).toBe(1);
    r.assertInvariants();
  });
});
