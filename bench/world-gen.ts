// Seeded benchmark worlds: a scenario (docs/scenarios.md format) with N mapped SKUs, about 80% FBM backed
// by ShipBob stock at two locations and 20% FBA, set to push on the first run, so `npm run bench`
// measures the stock sync at a given catalogue size with nothing else changing between sizes. The
// world also says what settling means for it (every FBM quantity Amazon should end with) and how
// many of each thing it holds, which is all the world-derived minimum (stock-floors.ts) needs.

import { seededRandom } from '../test/world/faults';

export const SELLER_ID = 'A2BENCHSELLER';
export const LOCATIONS = [
  { id: 10, name: 'Manchester' },
  { id: 11, name: 'Feltham' },
];
/** Merchant orders not yet at the 3PL: they lower the proposal of the SKUs they name. */
export const UNSHIPPED_ORDERS = 5;
/** Share of FBM listings whose Amazon quantity already equals the proposal (no change needed). */
const ALREADY_RIGHT = 0.1;
/** Settings' default Safety Buffer (empty SKU Map cells). */
export const DEFAULT_BUFFER = 2;
/** SKU Map columns the world fills (the tab's headers). */
export const SKU_MAP_COLUMNS = 12;

export interface BenchCounts {
  skus: number;
  fbm: number;
  fba: number;
  listings: number;
  /** ShipBob products on the active side of the inventory list. */
  threePlProducts: number;
  /** Inactive ShipBob products and bundle products (none in this world; the minimum still reads one page of each). */
  inactiveProducts: number;
  bundleProducts: number;
  /** ShipBob fulfilment centres holding the stock: ShipBob's inventory history is asked one centre at a time. */
  threePlLocations: number;
  /** Merchant orders Amazon has that the 3PL does not. */
  orders: number;
  /** FBM quantities Amazon has that differ from what the sync must push: the first push's size. */
  changes: number;
}

export interface BenchWorld {
  scenario: Record<string, unknown>;
  counts: BenchCounts;
  /** The FBM quantity each FBM Seller SKU must end with on Amazon (settled state). */
  expectedFbm: Map<string, number>;
  /** ShipBob's seeded stock per ShipBob SKU and location (what a world action starts from). */
  stock: Array<{ sku: string; location: number; onHand: number; committed: number }>;
}

const pad = (n: number, w = 6) => String(n).padStart(w, '0');

export function generateWorld(n: number, seed = 20261102): BenchWorld {
  const rnd = seededRandom(seed + n);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const skuRows: Array<Array<string | number>> = [];
  const listings: Array<Record<string, unknown>> = [];
  const fbaInventory: Array<Record<string, unknown>> = [];
  const products: Array<{ sku: string; name: string }> = [];
  const inventory: BenchWorld['stock'] = [];
  const fbm: Array<{ sku: string; fulfillable: number; listing: Record<string, unknown> }> = [];
  let fba = 0;

  for (let i = 1; i <= n; i++) {
    const isFba = rnd() < 0.2;
    const asin = `B0${pad(i, 8)}`;
    if (isFba) {
      fba++;
      const sku = `FBA-${pad(i)}`;
      const fnsku = `X0${pad(i, 8)}`;
      skuRows.push([sku, 'UK', 'FBA', '', asin, fnsku, '', '', '', '', '', '']);
      listings.push({ sku, channel: 'FBA', asin, fnsku });
      fbaInventory.push({ sku, fulfillable: int(0, 200), inboundShipped: int(0, 30), reserved: int(0, 5), unfulfillable: int(0, 2) });
      continue;
    }
    const sku = `FBM-${pad(i)}`;
    const tplSku = `SB-${pad(i)}`;
    // Empty Safety Buffer: the Settings default (2) applies.
    skuRows.push([sku, 'UK', 'FBM', tplSku, asin, '', '', '', '', '', '', '']);
    products.push({ sku: tplSku, name: `Product ${i}` });
    let fulfillable = 0;
    for (const loc of LOCATIONS) {
      const onHand = int(0, 120);
      const committed = Math.min(onHand, int(0, 4));
      fulfillable += onHand - committed;
      inventory.push({ sku: tplSku, location: loc.id, onHand, committed });
    }
    const proposal = Math.max(0, fulfillable - DEFAULT_BUFFER);
    // Most Amazon quantities differ from the proposal (the first run pushes them); a few already match
    // (the SKUs named in unsent orders differ anyway, their proposal being lower).
    const quantity = rnd() < ALREADY_RIGHT ? proposal : proposal + int(1, 25);
    const listing = { sku, channel: 'FBM', asin, quantity };
    listings.push(listing);
    fbm.push({ sku, fulfillable, listing });
  }

  const orders: Array<Record<string, unknown>> = [];
  const unsentUnits = new Map<string, number>();
  for (let k = 0; k < UNSHIPPED_ORDERS && fbm.length > 0; k++) {
    const sku = fbm[Math.floor(rnd() * fbm.length)]!.sku;
    const quantity = int(1, 2);
    unsentUnits.set(sku, (unsentUnits.get(sku) ?? 0) + quantity);
    orders.push({
      orderId: `202-${pad(1000000 + k, 7)}-${pad(int(1000000, 9999999), 7)}`,
      created: '2026-11-02T06:00:00Z',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      items: [{ sku, quantity }],
    });
  }

  // The proposal formula (src/core/inventory/proposal.ts) with this world's settings: 100% offered,
  // no cap, the default buffer, less the units of orders the 3PL does not have yet.
  const expectedFbm = new Map<string, number>();
  let changes = 0;
  for (const f of fbm) {
    const want = Math.max(0, f.fulfillable - (unsentUnits.get(f.sku) ?? 0) - DEFAULT_BUFFER);
    expectedFbm.set(f.sku, want);
    if (want !== f.listing['quantity']) changes++;
  }

  const scenario = {
    name: `bench-${n}`,
    description: `Benchmark world: ${n} mapped SKUs, auto push, relaxed guardrails.`,
    start: '2026-11-02T08:00:00Z',
    sheet: {
      Settings: [
        ['Key', 'Value', 'Help'],
        ['Amazon seller ID', SELLER_ID, ''],
        ['Push mode', 'auto', ''],
        ['Guardrail max share changing', 1, ''],
        ['Guardrail max to zero', 1_000_000, ''],
      ],
      'SKU Map': [['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'], ...skuRows],
    },
    amazon: { marketplace: 'UK', sellerId: SELLER_ID, listings, fbaInventory, orders },
    threePl: { provider: 'shipbob', locations: LOCATIONS, products, inventory },
    steps: [],
  };
  return {
    scenario,
    counts: { skus: n, fbm: n - fba, fba, listings: listings.length, threePlProducts: products.length, inactiveProducts: 0, bundleProducts: 0, threePlLocations: LOCATIONS.length, orders: orders.length, changes },
    expectedFbm,
    stock: inventory.map((l) => ({ ...l })),
  };
}
