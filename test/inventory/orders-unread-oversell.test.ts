// Amazon's recent orders hold the stock push back until every one is read (a unit sold but not yet
// counted would be offered again). Meanwhile the 3PL may sell out: an offer Amazon still shows above
// what the 3PL can pick is a High OFFER_UNMANAGED in that very run, as when the listings cannot be
// read, instead of a run that fails or waits and says nothing about it.

import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../world/faults';
import { InventoryRun } from './builder';

describe('searchOrders failing while the 3PL sells out', () => {
  for (const kind of ['500', 'malformed', '429'] as FaultKind[]) {
    it(`(${kind}) nothing is pushed, and the offer Amazon shows above the 3PL is a High naming the orders read`, () => {
      const run = new InventoryRun({
        offers: [{ sku: 'TEE-M', onHand: 10 }, { sku: 'MUG-1', onHand: 4 }],
        // The first sync reads the orders; every later read fails, past the client's retries.
        faults: [{ system: 'amazon', operation: 'searchOrders', kind, after: 1, times: 200 }],
      });
      expect(run.sync().outcome).toBe('ok');
      run.advance('20m');
      run.setStock('SB-TEE-M', 0);
      const res = run.sync();
      expect(res.outcome).not.toBe('ok');
      expect(run.writes().filter((w) => w.sku === 'TEE-M').map((w) => w.quantity)).toEqual([9]);
      const highs = run.openExceptions('OFFER_UNMANAGED');
      expect(highs.map((r) => r['Key'])).toEqual(['OFFER_UNMANAGED:UK:TEE-M']);
      expect(highs[0]!['Severity']).toBe('High');
      expect(highs[0]!['Message']).toContain("Amazon's recent orders");
      expect(highs[0]!['Message']).not.toContain('request id');
      run.assertInvariants();
    });
  }
});
