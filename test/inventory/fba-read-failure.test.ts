// FBA figures are shown, never pushed: when getInventorySummaries fails (server errors, no answer,
// a body it cannot read), the FBM sync still pushes what the 3PL can pick, the FBA rows keep the
// figures they showed and say why, and the run is partial. Before, the whole stock sync failed, so
// a 3PL sell-out stayed on Amazon for as long as the FBA read failed.

import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../world/faults';
import { InventoryRun } from './builder';

describe('getInventorySummaries failing', () => {
  for (const kind of ['500', '429', 'malformed'] as FaultKind[]) {
    it(`(${kind}) does not stop the FBM sync: the sell-out reaches Amazon, FBA rows keep their figures, the run is partial`, () => {
      const run = new InventoryRun({
        offers: [{ sku: 'TEE-M', onHand: 10 }],
        fba: [{ sku: 'TEE-M-FBA', fulfillable: 7 }],
        // The first sync's one call succeeds; every later one fails (past the client's retries).
        faults: [{ system: 'amazon', operation: 'getInventorySummaries', kind, after: 1, times: 50 }],
      });
      expect(run.sync().outcome).toBe('ok');
      expect(run.inventoryRow('TEE-M')!['Last Pushed Qty']).toBe('9');
      run.advance('20m');
      run.setStock('SB-TEE-M', 0);
      const res = run.sync();
      expect(res.outcome, res.message).toBe('partial');
      expect(res.message).toContain("Amazon's FBA figures could not be read");
      expect(run.inventoryRow('TEE-M')!['Last Pushed Qty'], res.message).toBe('0');
      expect(run.writes().filter((w) => w.sku === 'TEE-M').map((w) => w.quantity)).toEqual([9, 0]);
      const fba = run.inventoryRow('TEE-M-FBA', 'FBA')!;
      expect(fba['FBA Fulfillable']).toBe('7');
      expect(fba['Reason']).toContain('when asked for FBA figures this run; the row keeps those it showed');
      expect(run.syncLog().at(-1)!['Outcome']).toBe('partial');
      run.assertInvariants();
    });
  }

  it('(timeout) five unanswered attempts take the run\'s time: the push waits, but the offer the 3PL cannot back is a High, and the run is partial', () => {
    const run = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 10 }],
      fba: [{ sku: 'TEE-M-FBA', fulfillable: 7 }],
      faults: [{ system: 'amazon', operation: 'getInventorySummaries', kind: 'timeout', after: 1, times: 50 }],
    });
    run.sync();
    run.advance('20m');
    run.setStock('SB-TEE-M', 0);
    const res = run.sync();
    expect(res.outcome, res.message).toBe('partial');
    expect(res.message).toContain("Amazon's FBA figures could not be read");
    const high = run.openExceptions('OFFER_UNMANAGED').find((r) => r['Entity']!.includes('TEE-M'));
    expect(high?.['Severity']).toBe('High');
  });

  it('a refused credential still stops the run with AUTH_FAILED', () => {
    const run = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 10 }],
      fba: [{ sku: 'TEE-M-FBA', fulfillable: 7 }],
      faults: [{ system: 'amazon', operation: 'getInventorySummaries', kind: 'auth_expired', times: 50 }],
    });
    const res = run.sync();
    expect(res.outcome).toBe('failed');
    expect(run.openExceptions('AUTH_FAILED').length).toBeGreaterThan(0);
  });
});
