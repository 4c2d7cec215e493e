// Seeded benchmark worlds: a scenario (docs/scenarios.md format) with N mapped SKUs, about 80% FBM backed
// by ShipBob stock at two locations and 20% FBA, set to push on the first run, so `npm run bench`
// measures the stock sync at a given catalogue size with nothing else changing between sizes.

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

export interface BenchWorld {
  scenario: Record<string, unknown>;
  counts: { skus: number; fbm: number; fba: number; listings: number; threePlProducts: number; orders: number };
}

const pad = (n: number, w = 6) => String(n).padStart(w, '0');

export function generateWorld(n: number, seed = 20261102): BenchWorld {
  const rnd = seededRandom(seed + n);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const skuRows: Array<Array<string | number>> = [];
  const listings: Array<Record<string, unknown>> = [];
  const fbaInventory: Array<Record<string, unknown>> = [];
  const products: Array<{ sku: string; name: string }> = [];
  const inventory: Array<Record<string, unknown>> = [];
  const fbmSkus: string[] = [];
  let fba = 0;
  const DEFAULT_BUFFER = 2;

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
    fbmSkus.push(sku);
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
    listings.push({ sku, channel: 'FBM', asin, quantity });
  }

  const orders: Array<Record<string, unknown>> = [];
  for (let k = 0; k < UNSHIPPED_ORDERS && fbmSkus.length > 0; k++) {
    const sku = fbmSkus[Math.floor(rnd() * fbmSkus.length)]!;
    orders.push({
      orderId: `202-${pad(1000000 + k, 7)}-${pad(int(1000000, 9999999), 7)}`,
      created: '2026-11-02T06:00:00Z',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      items: [{ sku, quantity: int(1, 2) }],
    });
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
    counts: { skus: n, fbm: n - fba, fba, listings: listings.length, threePlProducts: products.length, orders: orders.length },
  };
}
