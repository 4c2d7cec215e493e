// Node CPU time of the stock sync's pure computation alone (src/core, no fakes, no I/O): SKU Map
// validation, Inventory rows and proposals, read-back classification and the push plan, on the
// same N-SKU world the end-to-end bench runs, as if Amazon had just applied the previous push.

import { validateSkuMap } from '../src/core/inventory/sku-map';
import { buildInventory } from '../src/core/inventory/build';
import { classifyReadback } from '../src/core/inventory/readback';
import { planPush } from '../src/core/inventory/diff';
import type { AmazonListing, FbaSummary, PreviousPush, RawRow, ThreePlStockRecord, UnsentOrderLine } from '../src/core/inventory/types';
import type { BenchWorld } from './world-gen';

interface PureInputs {
  rows: RawRow[];
  stock: ThreePlStockRecord[];
  listings: AmazonListing[];
  fba: FbaSummary[];
  unsent: UnsentOrderLine[];
}

type Seed = { sheet: Record<string, unknown[][]>; amazon: Record<string, Array<Record<string, unknown>>>; threePl: Record<string, Array<Record<string, unknown>>> };

/** The world's seed in the shapes the job hands to src/core after reading the sheet and the APIs. */
export function pureInputs(world: BenchWorld): PureInputs {
  const seed = world.scenario as unknown as Seed;
  const [header, ...body] = seed.sheet['SKU Map'] as string[][];
  const rows = body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])) as RawRow);
  const stock = (seed.threePl['inventory'] ?? []).map((l) => ({
    sku: String(l['sku']),
    locationId: String(l['location']),
    onHand: Number(l['onHand']),
    committed: Number(l['committed'] ?? 0),
    fulfillable: Number(l['onHand']) - Number(l['committed'] ?? 0),
  }));
  const listings = (seed.amazon['listings'] ?? []).map((l) => ({
    sellerSku: String(l['sku']),
    fbm: l['channel'] === 'FBM',
    fba: l['channel'] === 'FBA',
    fbmQuantity: l['channel'] === 'FBM' ? Number(l['quantity'] ?? 0) : null,
  }));
  const fba = (seed.amazon['fbaInventory'] ?? []).map((f) => {
    const n = (k: string) => Number(f[k] ?? 0);
    const total = n('fulfillable') + n('inboundWorking') + n('inboundShipped') + n('inboundReceiving') + n('reserved') + n('unfulfillable');
    return {
      sellerSku: String(f['sku']),
      fulfillable: n('fulfillable'),
      inboundWorking: n('inboundWorking'),
      inboundShipped: n('inboundShipped'),
      inboundReceiving: n('inboundReceiving'),
      reserved: n('reserved'),
      unfulfillable: n('unfulfillable'),
      researching: n('researching'),
      total,
    };
  });
  const unsent = (seed.amazon['orders'] ?? []).flatMap((o) =>
    (o['items'] as Array<{ sku: string; quantity: number }>).map((i) => ({ sellerSku: i.sku, quantity: i.quantity })),
  );
  return { rows, stock, listings, fba, unsent };
}

const NOW = Date.parse('2026-11-02T09:00:00Z');

/** One pass of the pure steps; returns the number of changes so the work cannot be optimised away. */
function computeOnce(input: PureInputs, previous: ReadonlyMap<string, PreviousPush>, amazonQty: ReadonlyMap<string, number | null>): number {
  const validation = validateSkuMap(input.rows, { defaultMarketplace: 'UK' });
  const built = buildInventory({
    marketplace: 'UK',
    skuMap: validation,
    threePlStock: input.stock,
    locations: [],
    unsentOrders: input.unsent,
    amazonListings: input.listings,
    fbaSummaries: input.fba,
    previous,
    defaultSafetyBuffer: 2,
    now: NOW,
    threePlName: 'ShipBob',
  });
  const readback = classifyReadback({ rows: built.rows, amazonQty, pushedAt: NOW - 20 * 60_000, now: NOW });
  const plan = planPush({ rows: readback.rows, mode: 'auto', trips: [] });
  return plan.changes.length + readback.applied;
}

export interface PureCpu {
  /** Median CPU milliseconds (user + system, GC threads included) of one pass. */
  medianMs: number;
  minMs: number;
  samplesMs: number[];
  /** Offers whose earlier push is confirmed in the pass (every FBM offer with a proposal). */
  applied: number;
}

/** Small inputs run more often: one GC pause would otherwise decide the median. */
export function measurePureCpu(world: BenchWorld, repeats = world.counts.skus <= 1000 ? 31 : 9): PureCpu {
  const input = pureInputs(world);
  // The previous run pushed every proposal and Amazon applied it: the read-back path is exercised in full.
  const first = buildInventory({
    marketplace: 'UK',
    skuMap: validateSkuMap(input.rows, { defaultMarketplace: 'UK' }),
    threePlStock: input.stock,
    locations: [],
    unsentOrders: input.unsent,
    amazonListings: input.listings,
    fbaSummaries: input.fba,
    previous: new Map(),
    defaultSafetyBuffer: 2,
    now: NOW,
  });
  const previous = new Map<string, PreviousPush>();
  const amazonQty = new Map<string, number | null>();
  for (const r of first.rows) {
    if (r.channel !== 'FBM' || r.proposedQty === null) continue;
    previous.set(r.key, { lastPushedQty: r.proposedQty, previousQty: r.amazonFbmQty, pushState: 'accepted' });
    amazonQty.set(r.sellerSku, r.proposedQty);
  }
  for (let i = 0; i < 3; i++) computeOnce(input, previous, amazonQty); // warm-up: JIT and inline caches
  const samples: number[] = [];
  let applied = 0;
  for (let i = 0; i < repeats; i++) {
    const start = process.cpuUsage();
    applied = computeOnce(input, previous, amazonQty);
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]!, samplesMs: samples, applied };
}
