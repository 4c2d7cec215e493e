// The 3PL's pickable stock per SKU and location, reduced to the core's records: what the stock
// sync computes from, and what replenishment and onboarding read too.

import type { ThreePlStockRecord } from '../../core/inventory/types';
import type { StockLine, ThreePlAdapter } from '../../threepl/types';
import { walkStock, type WalkPorts } from './threepl-stock-walk';

export interface ThreePlStockRead {
  records: ThreePlStockRecord[];
  /** Earliest `asOf` of the lines (ms); null when the 3PL gave none. */
  snapshotAt: number | null;
}

export function readThreePlStock(adapter: ThreePlAdapter, now: number): ThreePlStockRead {
  return fromLines(adapter.getStock(), now);
}

/**
 * The same read for the stock sync, resumable across executions when the adapter can page
 * (threepl-stock-walk.ts): the stock, or why the run stops before computing anything.
 */
export function readThreePlStockInRuns(
  adapter: ThreePlAdapter,
  ports: WalkPorts,
  maxAgeMs: number,
  atStart: () => string,
): (ThreePlStockRead & { walkStartedAt: number; atStart: string | null }) | { waiting: string } {
  if (!adapter.stockPages) return { ...readThreePlStock(adapter, ports.clock.now()), walkStartedAt: ports.clock.now(), atStart: null };
  const walk = walkStock(adapter.stockPages(), ports, maxAgeMs, atStart);
  if (!walk.done) return { waiting: walk.message };
  const read = fromLines(walk.lines, walk.startedAt);
  // The snapshot is as old as the walk's first page, however late the last one came.
  const snapshotAt = read.snapshotAt === null ? walk.startedAt : Math.min(read.snapshotAt, walk.startedAt);
  return { ...read, snapshotAt, walkStartedAt: walk.startedAt, atStart: walk.atStart };
}

function fromLines(lines: StockLine[], now: number): ThreePlStockRead {
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
