// The 3PL's pickable stock per SKU and location, reduced to the core's records: what the stock
// sync computes from, and what replenishment and onboarding read too.

import type { ThreePlStockRecord } from '../../core/inventory/types';
import type { ThreePlAdapter } from '../../threepl/types';

export interface ThreePlStockRead {
  records: ThreePlStockRecord[];
  /** Earliest `asOf` of the lines (ms); null when the 3PL gave none. */
  snapshotAt: number | null;
}

export function readThreePlStock(adapter: ThreePlAdapter, now: number): ThreePlStockRead {
  const lines = adapter.getStock();
  let snapshotAt: number | null = null;
  const records: ThreePlStockRecord[] = [];
  for (const l of lines) {
    // A SKU the 3PL did not report is unknown, never zero: it gets no record.
    if (l.unknown) continue;
    records.push({
      sku: l.sku,
      locationId: l.warehouseId,
      onHand: l.onHand,
      committed: l.allocated,
      fulfillable: l.available,
      inbound: l.inbound,
      // Why the pickable figure is what it is: the Inventory tab says so in words.
      ...(l.inactive ? { inactive: true } : {}),
      ...(l.bundle ? { bundleOf: l.bundle.components } : {}),
    });
    const t = Date.parse(l.asOf);
    if (Number.isFinite(t)) snapshotAt = snapshotAt === null ? t : Math.min(snapshotAt, t);
  }
  return { records, snapshotAt: lines.length === 0 ? now : snapshotAt };
}
