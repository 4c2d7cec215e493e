// Sums per-warehouse stock rows into one figure per SKU (PRODUCT.md §3 Inventory 1: "sum the chosen
// locations"). A SKU the 3PL did not report stays unknown rather than becoming zero.

import type { StockLine } from './types';

export interface StockTotal {
  sku: string;
  onHand: number;
  allocated: number;
  available: number;
  inbound: number;
  inTransit: number;
  unknown: boolean;
}

export function sumStock(lines: StockLine[], warehouseIds?: string[]): Map<string, StockTotal> {
  const only = warehouseIds?.length ? new Set(warehouseIds) : null;
  const out = new Map<string, StockTotal>();
  for (const l of lines) {
    const t = out.get(l.sku) ?? { sku: l.sku, onHand: 0, allocated: 0, available: 0, inbound: 0, inTransit: 0, unknown: true };
    // Known to the 3PL but held elsewhere is a true zero for the chosen warehouses.
    if (!l.unknown) t.unknown = false;
    if (!l.unknown && (!only || only.has(l.warehouseId))) {
      t.onHand += l.onHand;
      t.allocated += l.allocated;
      t.available += l.available;
      t.inbound += l.inbound;
      t.inTransit += l.inTransit;
    }
    out.set(l.sku, t);
  }
  return out;
}
