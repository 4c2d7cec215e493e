// FBA figures are shown, never pushed: when getInventorySummaries fails (server errors, no answer,
// a body it cannot read), the FBM sync still pushes what the 3PL can pick, the FBA rows keep the
// figures they showed and say why, and the run is partial. Before, the whole stock sync failed, so
// a 3PL sell-out stayed on Amazon for as long as the FBA read failed.

import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../world/faults';
import { FBA_REPORT_ABOVE, prepareNextFbaRead, readFbaStock } from '../../src/jobs/inventory/fba-source';
import { makeHarness } from '../amazon/harness';
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

  it('(timeout) an unanswered FBA read is not tried again past the run\'s time: the push still goes out, and the run is partial', () => {
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
    // Amazon calls are retried only while another whole timeout fits the run (amazon request path), so
    // the FBA read gives up in time for the sell-out to reach Amazon in this run.
    expect(run.writes().some((w) => w.sku === 'TEE-M' && w.quantity === 0)).toBe(true);
    expect(run.openExceptions('OFFER_UNMANAGED').filter((r) => r['Entity']!.includes('TEE-M'))).toEqual([]);
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

describe('the FBA inventory report failing (above 1,000 FBA SKUs)', () => {
  const LARGE = FBA_REPORT_ABOVE + 1;
  const sku = (i: number) => `F-${String(i).padStart(4, '0')}`;
  const skus = Array.from({ length: LARGE }, (_, i) => sku(i));
  const account = {
    marketplace: 'UK',
    sellerId: 'A2SELLER',
    listings: skus.map((s, i) => ({ sku: s, channel: 'FBA' as const, asin: `B0${String(i).padStart(8, '0')}`, fnsku: `X00${String(i).padStart(7, '0')}` })),
    fbaInventory: skus.map((s) => ({ sku: s, fulfillable: 3 })),
    behaviour: { gzipReports: false },
  };
  const T0 = Date.parse('2026-11-02T08:00:00Z');

  for (const operation of ['createReport', 'getReport', 'getReportDocument']) {
    it(`${operation} failing leaves the figures unknown (the FBM sync goes on), and a later run reads the report`, () => {
      // createReport is the first run's call; the others the second run's.
      const h = makeHarness(account, [{ system: 'amazon', operation, kind: '500', times: 5 }]);
      const first = readFbaStock(h.client(), h.store, T0, skus);
      expect(first.unknown).toBe(true);
      h.clock.advance(31 * 60_000);
      const second = readFbaStock(h.client(), h.store, h.clock.now(), skus);
      expect(second).toMatchObject({ via: 'report', unknown: true, summaries: [] });
      expect(second.failed ?? first.failed).toContain(operation);
      expect(second.note ?? '').not.toContain('request id');
      h.clock.advance(31 * 60_000);
      let read = readFbaStock(h.client(), h.store, h.clock.now(), skus);
      if (read.unknown) {
        h.clock.advance(31 * 60_000);
        read = readFbaStock(h.client(), h.store, h.clock.now(), skus);
      }
      expect(read).toMatchObject({ unknown: false });
      expect(read.summaries).toHaveLength(LARGE);
    });
  }

  it('asking for the next report at the end of a run: a refusal is left to the next run, not a failed run', () => {
    const h = makeHarness(account, [{ system: 'amazon', operation: 'createReport', kind: '503', after: 1, times: 5 }]);
    readFbaStock(h.client(), h.store, T0, skus);
    h.clock.advance(31 * 60_000);
    const read = readFbaStock(h.client(), h.store, h.clock.now(), skus);
    expect(read.unknown).toBe(false);
    expect(() => prepareNextFbaRead(h.client(), h.store, h.clock.now(), read.via)).not.toThrow();
    h.clock.advance(31 * 60_000);
    expect(readFbaStock(h.client(), h.store, h.clock.now(), skus).unknown).toBe(true);
    expect(h.served('createReport').filter((c) => c.status === 202 || c.status === 200).length).toBe(2);
  });
});
