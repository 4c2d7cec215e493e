// A small removals world for the flow tests: one FBM offer and its FBA twin mapped to the same 3PL
// SKU, with removal orders and customer returns seeded on Amazon's side. Driven through the built
// bundle by the inventory builder (test/inventory/builder.ts), every step watched by its invariants.

import { InventoryRun, type InventoryWorld } from '../inventory/builder';

export const FBA_SKU = 'TEE-M-FBA';
export const FNSKU = 'X00TEEM001';
export const THREEPL_SKU = 'SB-TEE-M';

export interface RemovalSeed {
  orderId: string;
  requestDate?: string;
  orderType?: string;
  lines: Array<{ sku?: string; fnsku?: string; requested: number; disposed?: number; cancelled?: number; disposition?: string; shipped?: number; inProcess?: number }>;
  shipments?: Array<{ shipmentDate: string; quantity: number; trackingNumber: string; carrier?: string; sku?: string; fnsku?: string; disposition?: string }>;
}

export function removalWorld(removals: RemovalSeed[], over: Partial<InventoryWorld> & { returns?: unknown[] } = {}): InventoryWorld {
  const { returns, ...rest } = over;
  return {
    offers: [{ sku: 'TEE-M', onHand: 10 }],
    extraMapRows: [[FBA_SKU, 'UK', 'FBA', THREEPL_SKU, 'B0FBA00001', FNSKU, '', '', '', '', '', '']],
    extraListings: [{ sku: FBA_SKU, channel: 'FBA' }],
    settings: { 'Push mode': 'dry-run' },
    ...rest,
    amazonExtra: {
      removalOrders: removals.map((r) => ({
        orderId: r.orderId,
        requestDate: r.requestDate ?? '2026-10-30T09:00:00Z',
        orderType: r.orderType ?? 'Return',
        lines: r.lines.map((l) => ({ sku: FBA_SKU, fnsku: FNSKU, disposition: 'Sellable', ...l })),
        shipments: (r.shipments ?? []).map((s) => ({ sku: FBA_SKU, fnsku: FNSKU, disposition: 'Sellable', carrier: 'Royal Mail', ...s })),
      })),
      customerReturns: returns ?? [],
      ...(rest.amazonExtra ?? {}),
    },
  };
}

export class RemovalsRun extends InventoryRun {
  syncRemovals() {
    const r = this.step({ run: 'syncNow', args: ['removals'], as: 'sidebar' });
    const v = (Array.isArray(r?.value) ? r.value[0] : r?.value) as { outcome?: string; message?: string; counts?: Record<string, number> } | undefined;
    return { outcome: v?.outcome, message: v?.message ?? '', counts: v?.counts ?? {}, execution: r?.record.outcome, error: r?.error };
  }

  removals() {
    return this.tab('Removals');
  }

  removal(orderId: string, sku = FBA_SKU) {
    return this.removals().find((r) => r['Removal Order ID'] === orderId && r['SKU'] === sku);
  }

  receipts() {
    return this.run.threePl.snapshot().receipts as Array<{ id: number; purchaseOrderNumber?: string | null; status: string; boxes?: Array<{ trackingNumber: string }> }>;
  }

  wrosFor(orderId: string) {
    return this.run.threePl.state.wros.filter((w) => w.purchaseOrderNumber === orderId);
  }
}
