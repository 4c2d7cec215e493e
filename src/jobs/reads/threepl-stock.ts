// The 3PL's pickable stock per SKU and location, reduced to the core's records: what the stock
// sync computes from, and what replenishment and onboarding read too.

import type { ThreePlStockRecord } from '../../core/inventory/types';
import type { StockLine, ThreePlAdapter } from '../../threepl/types';
import { baselineStillTrue, keepBaseline } from './threepl-stock-baseline';
import { keptStock } from './threepl-stock-kept';
import { walkStock, walkUnderway, type WalkPorts } from './threepl-stock-walk';

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
export interface ThreePlStockInRuns extends ThreePlStockRead {
  walkStartedAt: number;
  atStart: string | null;
  /** The lines this run read (null when the kept read was used), for threepl-stock-kept.ts. */
  lines: StockLine[] | null;
  /** True when the figures are the read kept for a fill over runs (threepl-stock-kept.ts), not a new one. */
  kept: boolean;
  /**
   * When the 3PL said nothing moved since its last full read, the time that read began: the figures
   * are that read's, good as of this run (threepl-stock-baseline.ts). Absent after a full read.
   */
  unchangedSince?: number;
}

/**
 * `reuseKept`: the caller pushes nothing this run (the Inventory tab is still being filled), so the
 * read kept for that purpose will do, whatever its age; without one, the 3PL is read as usual.
 */
export function readThreePlStockInRuns(
  adapter: ThreePlAdapter,
  ports: WalkPorts,
  maxAgeMs: number,
  atStart: () => string,
  reuseKept = false,
): ThreePlStockInRuns | { waiting: string } {
  const kept = reuseKept ? keptStock(ports.staging, ports.store) : null;
  if (kept) return { ...snapshotOf(fromLines(kept.lines, kept.startedAt), kept.startedAt), walkStartedAt: kept.startedAt, atStart: null, lines: null, kept: true };
  // A walk under way is finished first: what it has read is newer than any read kept before it.
  const same = walkUnderway(ports.store) ? null : baselineStillTrue(adapter, ports);
  if (same) return { ...snapshotOf(fromLines(same.lines, same.at), same.at), walkStartedAt: same.at, atStart: null, lines: same.lines, kept: false, unchangedSince: same.fullAt };
  if (!adapter.stockPages) {
    const now = ports.clock.now();
    const lines = adapter.getStock();
    // One read of unknown cost: counted as one call, so it is kept only if the 3PL's question is cheaper still.
    keepBaseline(adapter, ports, lines, now, 1);
    return { ...fromLines(lines, now), walkStartedAt: now, atStart: null, lines, kept: false };
  }
  const walk = walkStock(adapter.stockPages(), ports, maxAgeMs, atStart);
  if (!walk.done) return { waiting: walk.message };
  // The pages walked and (at least) one more call to assemble them (ShipBob's bundle list).
  keepBaseline(adapter, ports, walk.lines, walk.startedAt, walk.pages + 1);
  return { ...snapshotOf(fromLines(walk.lines, walk.startedAt), walk.startedAt), walkStartedAt: walk.startedAt, atStart: walk.atStart, lines: walk.lines, kept: false };
}

/** The snapshot is as old as the walk's first page, however late the last one came. */
function snapshotOf(read: ThreePlStockRead, startedAt: number): ThreePlStockRead {
  return { ...read, snapshotAt: read.snapshotAt === null ? startedAt : Math.min(read.snapshotAt, startedAt) };
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
      ...(l.name ? { name: l.name } : {}),
    });
    const t = Date.parse(l.asOf);
    if (Number.isFinite(t)) snapshotAt = snapshotAt === null ? t : Math.min(snapshotAt, t);
  }
  return { records, snapshotAt: lines.length === 0 ? now : snapshotAt };
}
