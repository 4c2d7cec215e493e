// The stock sync treats units committed to an FBA shipment as unavailable for FBM (docs/design.md
// §3 "FBA replenishment"; core/fba-shipments/committed.ts). ShipBob's fulfillable is on hand −
// committed and an order commits its units when created (spec 2026-01
// Inventory.FulfillmentCenterResponse; the simulator's Warehouse.allocate): so a ticked shipment
// lowers the FBM offer at once, and once its 3PL order exists the units are not taken off twice.

import { describe, expect, it } from 'vitest';
import { FbaRun, fbaWorld } from './world';

/** The quantity last sent to Amazon for an FBM SKU (world.json amazon.writes). */
function lastSent(r: FbaRun, sku: string): number | undefined {
  return r.writes().filter((w) => w.sku === sku).pop()?.quantity;
}

describe('stock sync: FBA shipments ticked to go from the 3PL', () => {
  it('FBM offers drop by the units of a ticked shipment, before and after its 3PL order exists, never twice', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: 'FBA15AAAA001', inboundPlanId: 'wf00000001-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]));
    r.syncFba();
    r.sync();
    expect(lastSent(r, 'TEE-M')).toBe(100);
    // Ticked, the FBA job not run yet: ShipBob still counts the 20 units as pickable.
    r.tick('FBA15AAAA001');
    r.sync();
    expect(r.inventoryRow('TEE-M')!['Proposed FBM Qty']).toBe('80');
    expect(lastSent(r, 'TEE-M')).toBe(80);
    expect(lastSent(r, 'MUG-1')).toBe(50);
    // Created at ShipBob: its committed figure now holds the 20; the offer stays at 80.
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('sent');
    r.sync();
    expect(r.inventoryRow('TEE-M')).toMatchObject({ '3PL Committed': '20', '3PL Fulfillable': '80', 'Proposed FBM Qty': '80' });
    expect(lastSent(r, 'TEE-M')).toBe(80);
    // Unticked before it ships: cancelled at ShipBob, the units are pickable again.
    r.tick('FBA15AAAA001', false);
    r.syncFba();
    r.sync();
    expect(lastSent(r, 'TEE-M')).toBe(100);
  });

  it('a ticked shipment held for an unmapped SKU still holds back the units it can name', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: 'FBA15AAAA001', inboundPlanId: 'wf00000001-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'TEE-M-FBA', quantityShipped: 30 }, { sku: 'NOPE-1', quantityShipped: 2 }] }]));
    r.syncFba();
    r.tick('FBA15AAAA001');
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('held');
    r.sync();
    expect(lastSent(r, 'TEE-M')).toBe(70);
  });
});
