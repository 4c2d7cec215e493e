// More open inbound plans than one run can read (each plan costs getInboundPlan, getShipment and
// listShipmentItems at Amazon's 2 a second): a run cut by the time limit keeps what it read, and the
// next run carries on below it instead of starting again from the newest plan, so the tab fills.

import { describe, expect, it } from 'vitest';
import { FbaRun, fbaWorld } from './world';

const N = 260;
const plan = (i: number) => `wf${String(i).padStart(8, '0')}-5a1e-4c0d-9e55-000000000001`;

describe('FBA shipments: many open inbound plans', () => {
  it('reads them over several runs and ends with every shipment in the tab, once', () => {
    const shipments = Array.from({ length: N }, (_, i) => ({
      shipmentId: `FBA15M${String(i).padStart(6, '0')}`,
      inboundPlanId: plan(i),
      created: new Date(Date.parse('2026-10-01T08:00:00Z') + i * 3_600_000).toISOString(),
      items: [{ sku: 'TEE-M-FBA', quantityShipped: 1 }],
    }));
    const r = new FbaRun(fbaWorld(shipments));
    const first = r.syncFba();
    expect(first.outcome).toBe('partial');
    const afterFirst = r.tab('FBA Shipments').length;
    expect(afterFirst).toBeLessThan(N);
    for (let run = 0; run < 8 && r.tab('FBA Shipments').length < N; run++) {
      r.advance('1h');
      r.syncFba();
    }
    const ids = r.tab('FBA Shipments').map((x) => x['FBA Shipment ID']);
    expect(new Set(ids).size).toBe(N);
    expect(ids).toHaveLength(N);
  });
});
