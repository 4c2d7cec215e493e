// 10,000 SKUs through the whole pure pipeline must stay well under 100 ms (Apps Script is slower
// than Node, and the 6-minute budget is shared with every API call). On a loaded test machine the
// limit is scaled by a reference workload of the same size (a few Maps of 10,000 string keys), so
// the test still catches quadratic work (seconds at this size) without flaking on a busy CI box.
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { planPush } from '../../src/core/inventory/diff';
import { evaluateGuardrails } from '../../src/core/inventory/guardrails';
import { classifyReadback } from '../../src/core/inventory/readback';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { countThreePlSkus } from '../../src/core/inventory/stock';
import { findUnmappedSkus } from '../../src/core/inventory/unmapped';
import { reconcileExceptions, INVENTORY_EXCEPTION_TYPES } from '../../src/core/exceptions';
import { defaultSettings } from '../../src/core/settings';
import type { AmazonListing, ThreePlStockRecord, UnsentOrderLine } from '../../src/core/inventory/types';
import { mapRow } from './inventory-fixtures';

const N = 10_000;
const QUARTER = N / 4;
const NOW = Date.UTC(2026, 10, 2, 8);

function world(n = N) {
  const rows = Array.from({ length: n }, (_, i) =>
    mapRow({ 'Seller SKU': `SKU-${i}`, '3PL SKU': `P-${i}`, 'Safety Buffer': i % 7 === 0 ? 'bad' : i % 3, 'Offer %': i % 5 === 0 ? '50%' : '' }),
  );
  const stock: ThreePlStockRecord[] = [];
  for (let i = 0; i < n; i++) {
    stock.push({ sku: `P-${i}`, locationId: 10, onHand: i % 50, committed: i % 4 });
    stock.push({ sku: `P-${i}`, locationId: 11, onHand: 3, committed: 0 });
  }
  const listings: AmazonListing[] = Array.from({ length: n }, (_, i) => ({ sellerSku: `SKU-${i}`, fbm: true, fba: false, fbmQuantity: i % 40 }));
  const unsent: UnsentOrderLine[] = Array.from({ length: n / 5 }, (_, i) => ({ sellerSku: `SKU-${i * 5}`, quantity: 1 }));
  return { rows, stock, listings, unsent };
}

function pipeline(w: ReturnType<typeof world>) {
  const settings = defaultSettings();
  const skuMap = validateSkuMap(w.rows, { defaultMarketplace: 'UK' });
  const built = buildInventory({
    marketplace: 'UK',
    skuMap,
    threePlStock: w.stock,
    locations: ['10', '11'],
    unsentOrders: w.unsent,
    amazonListings: w.listings,
    fbaSummaries: [],
    previous: new Map(),
    defaultSafetyBuffer: 2,
    now: NOW,
  });
  const amazonQty = new Map(w.listings.map((l) => [l.sellerSku, l.fbmQuantity] as const));
  const read = classifyReadback({ rows: built.rows, amazonQty, pushedAt: null, now: NOW });
  const plan = planPush({ rows: read.rows, mode: 'auto', feedThreshold: 20, trips: [] });
  const trips = evaluateGuardrails({
    comparedSkus: plan.compared,
    changing: plan.changes.length,
    goingToZero: plan.goingToZero,
    threePlSkuCount: countThreePlSkus(w.stock),
    previousThreePlSkuCount: w.rows.length,
    stockSnapshotAt: NOW,
    now: NOW,
    settings,
  });
  const unmapped = findUnmappedSkus({ marketplace: 'UK', skuMapRows: w.rows, defaultMarketplace: 'UK', threePlStock: w.stock, amazonListings: w.listings });
  const ex = reconcileExceptions([], [...built.exceptions, ...plan.exceptions, ...unmapped], { now: NOW, scope: INVENTORY_EXCEPTION_TYPES });
  return { built, plan, trips, ex };
}

function reference(): number {
  const m = new Map<string, { i: number; s: string }>();
  for (let k = 0; k < 3; k++) for (let i = 0; i < N; i++) m.set(`UK:FBM:SKU-${i}:${k}`, { i, s: `x${i}` });
  let sum = 0;
  for (let i = 0; i < N; i++) sum += m.get(`UK:FBM:SKU-${i}:0`)!.i;
  return sum;
}

function best(f: () => unknown, times: number): number {
  let b = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}

describe('inventory pipeline speed', () => {
  it('handles 10,000 SKUs in well under 100 ms', () => {
    const w = world();
    const out = pipeline(w); // also warms up the JIT
    expect(out.built.rows).toHaveLength(N);
    expect(out.ex.rows.length).toBe(Math.ceil(N / 7));
    expect(out.plan.changes.length).toBeGreaterThan(0);
    const ms = best(() => pipeline(w), 5);
    const ref = best(reference, 5);
    expect(ms).toBeLessThan(Math.max(100, 20 * ref));
  });

  it('grows linearly: 4× the SKUs take far less than 16× the time', () => {
    const small = world(QUARTER);
    const large = world();
    pipeline(small);
    pipeline(large);
    const ratio = best(() => pipeline(large), 5) / best(() => pipeline(small), 5);
    expect(ratio).toBeLessThan(10);
  });
});
