// A ticked FBA shipment held back (an unmapped SKU) or whose create nobody can decide was left out of
// the run's outcome: the Sync Log said "ok" while FBA_SHIPMENT_HELD / FBA_SHIPMENT_OUTCOME_UNKNOWN
// waited for a person, unlike the orders and removals runs. Such a run is now partial and says how many.

import { describe, expect, it } from 'vitest';
import { FbaRun, fbaWorld } from './world';

const PLAN = 'wf00000001-5a1e-4c0d-9e55-000000000001';

describe('FBA run outcome with shipments needing attention', () => {
  it('an unmapped SKU holds the ticked shipment: partial, said; mapped, ok', () => {
    const w = fbaWorld([{ shipmentId: 'FBA15HELD001', inboundPlanId: PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }, { sku: 'HAT-9', quantityShipped: 3 }] }]);
    const r = new FbaRun({ ...w, extraListings: [...(w.extraListings ?? []), { sku: 'HAT-9', channel: 'FBA' }], extraThreePl: [{ sku: 'SB-HAT-9', onHand: 10 }] });
    r.syncFba();
    r.tick('FBA15HELD001');
    const run = r.syncFba();
    expect(r.shipment('FBA15HELD001')).toMatchObject({ State: 'held' });
    expect(run.outcome).toBe('partial');
    expect(run.message).toMatch(/1 ticked shipment held or with an outcome at ShipBob nobody knows yet/);
    r.step({ edit: { tab: 'SKU Map', match: { 'Seller SKU': 'MUG-1-FBA' }, set: { 'Seller SKU': 'HAT-9', '3PL SKU': 'SB-HAT-9', ASIN: '', FNSKU: '' } } });
    const after = r.syncFba();
    expect(r.shipment('FBA15HELD001')).toMatchObject({ State: 'sent' });
    expect(after.outcome).toBe('ok');
  });
});
