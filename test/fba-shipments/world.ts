// A small world for the FBA replenishment tests: two FBM offers whose 3PL products also go to FBA,
// their FBA rows in the SKU Map, and inbound shipments seeded in Amazon's simulator (scenario
// `amazon.inboundShipments`, docs/amazon-simulator.md).

import { expect } from 'vitest';
import { InventoryRun, LOCATION, type InventoryWorld } from '../inventory/builder';

export { LOCATION };

export interface InboundSeed {
  shipmentId: string;
  inboundPlanId?: string;
  status?: string;
  destination?: string;
  workflow?: '2024' | 'v0';
  items: Array<{ sku: string; quantityShipped: number; quantityReceived?: number }>;
}

const FBA_ROWS = [
  ['TEE-M-FBA', 'UK', 'FBA', 'SB-TEE-M', 'B0F0000001', 'X00F000001', '', '', '', '', '', ''],
  ['MUG-1-FBA', 'UK', 'FBA', 'SB-MUG-1', 'B0F0000002', 'X00F000002', '', '', '', '', '', ''],
];

export function fbaWorld(inbound: InboundSeed[], over: Partial<InventoryWorld> = {}): InventoryWorld {
  return {
    offers: [
      { sku: 'TEE-M', onHand: 100 },
      { sku: 'MUG-1', onHand: 50 },
    ],
    extraMapRows: FBA_ROWS,
    extraListings: [{ sku: 'TEE-M-FBA', channel: 'FBA' }, { sku: 'MUG-1-FBA', channel: 'FBA' }],
    settings: { 'Push mode': 'auto', 'Default safety buffer': 0, '3PL locations': String(LOCATION) },
    threePlBehaviour: { shipAfter: '2h', carrier: 'UPS', service: 'Ground' },
    amazonExtra: { inboundShipments: inbound.map((s) => ({ status: 'WORKING', created: '2026-11-01T08:00:00Z', ...s })) },
    ...over,
  };
}

export class FbaRun extends InventoryRun {
  syncFba() {
    return this.syncJob('fbaShipments');
  }

  syncJob(name: string) {
    const r = this.step({ run: 'syncNow', args: [name], as: 'sidebar' });
    if (!r) throw new Error('no execution recorded');
    const v = (Array.isArray(r.value) ? r.value[0] : r.value) as { outcome?: string; message?: string; counts?: Record<string, number> } | undefined;
    return { outcome: v?.outcome, message: v?.message, counts: v?.counts, execution: r.record.outcome, error: r.error };
  }

  shipment(id: string): Record<string, string> | undefined {
    return this.tab('FBA Shipments').find((r) => r['FBA Shipment ID'] === id);
  }

  tick(id: string, on = true): void {
    this.edit('FBA Shipments', { 'FBA Shipment ID': id }, { 'Send from 3PL': on });
  }

  threePlOrders() {
    return this.run.threePl.snapshot().orders as Array<{ id: number; reference: string; type: string; status: string; shipments: Array<{ id: number; status: string; tracking?: unknown }> }>;
  }

  /**
   * Apps Script stops the running execution at the first ShipBob create (POST /order) from now on, once:
   * after ShipBob made the order (`performed`) or before the create left. Returns whether it has.
   */
  killAtFirstCreate(performed: boolean): () => boolean {
    const origin = 'https://api.shipbob.com';
    const handler = this.run.world.network.handlerFor(`${origin}/`)!;
    let killed = false;
    this.run.world.network.register(origin, (req) => {
      const ex = this.run.world.current;
      if (!killed && ex && req.method === 'POST' && /\/order$/.test(new URL(req.url).pathname)) {
        killed = true;
        ex.killed = true;
        if (!performed) return { timeout: true, latencyMs: 0 };
      }
      return handler(req);
    });
    return () => killed;
  }

  /** The raw ShipBob order the simulator holds for a reference. */
  rawOrder(reference: string) {
    return this.run.threePl.state.orders.find((o) => o.referenceId === reference);
  }
}

/** The inbound plan of the shipment shippedFbaRun sends. */
export const FBA_PLAN = 'wf00000001-5a1e-4c0d-9e55-000000000001';

/** One FBA shipment (two SKUs) ticked to go from the 3PL, shipped by it and followed until the tab says so. */
export function shippedFbaRun(settings: Record<string, string | number> = {}): FbaRun {
  const w = fbaWorld([{ shipmentId: 'FBA15AAAA001', inboundPlanId: FBA_PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }, { sku: 'MUG-1-FBA', quantityShipped: 10 }] }]);
  const r = new FbaRun({ ...w, settings: { ...w.settings, ...settings } });
  r.syncFba();
  r.tick('FBA15AAAA001');
  r.syncFba();
  r.advance('3h');
  r.syncFba();
  expect(r.shipment('FBA15AAAA001')!.State).toBe('shipped');
  return r;
}
