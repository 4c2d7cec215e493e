// Amazon failing to give a ticked shipment's items (5xx even after retries) while the FBA run prepares
// its sends: each shipment's read waited through its own retries and the next one tried again, so a
// failing Amazon cost the run its retries once per ticked shipment. The first such failure now stops
// the preparing: the rest wait as they were (ticked, not sent), the run is partial and says Amazon
// failed to give a shipment's items, and the next run sends each once.

import { describe, expect, it } from 'vitest';
import { FbaRun, fbaWorld, type InboundSeed } from './world';

function shipments(n: number): InboundSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    shipmentId: `FBA15A${String(i + 1).padStart(6, '0')}`,
    inboundPlanId: `wf${String(i + 1).padStart(8, '0')}-5a1e-4c0d-9e55-000000000001`,
    items: [{ sku: i % 2 ? 'TEE-M-FBA' : 'MUG-1-FBA', quantityShipped: 1 }],
  }));
}

describe("Amazon fails to give ticked shipments' items", () => {
  for (const operation of ['listShipmentItems', 'getInboundPlan'] as const) {
    it(`${operation} 503 even after retries: one shipment's read, the rest wait, each sent once later`, () => {
      const seeds = shipments(4);
      const r = new FbaRun(fbaWorld(seeds));
      r.syncFba();
      for (const s of seeds) r.tick(s.shipmentId);
      r.advance('10m');
      r.run.faults.add({ system: 'amazon', operation, kind: '503', times: 1000 });
      const run = r.syncFba();
      expect(run.outcome).toBe('partial');
      expect(run.message).toMatch(/4 ticked shipments left for the next run \(Amazon failed to give a shipment's items even after retries: Amazon \w+ failed with HTTP 503/);
      // One shipment's read with its retries (five attempts), not one per shipment.
      expect(r.run.faults.fired.length).toBeLessThanOrEqual(5);
      expect(r.tab('FBA Shipments').filter((x) => (x.Note ?? '').startsWith('Amazon could not give')).length).toBe(1);
      expect(r.tab('FBA Shipments').map((x) => x.State)).toEqual(['open', 'open', 'open', 'open']);
      r.run.faults.clear();
      r.advance('10m');
      r.syncFba();
      expect(r.threePlOrders().map((o) => o.reference).sort()).toEqual(seeds.map((s) => s.shipmentId).sort());
    });
  }
});
