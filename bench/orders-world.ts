// Seeded worlds for the orders benchmark: a fixed catalogue of merchant-fulfilled SKUs stocked at
// ShipBob, and N Amazon orders either arriving through a day (world `newOrder` actions the bench
// applies at their times) or all waiting when the world starts (a backlog). Only the number of
// orders changes between sizes, so the figures compare.

import { seededRandom } from '../test/world/faults';

export const ORDERS_SELLER_ID = 'A2BENCHORDERS';
/** Enough SKUs that orders spread over many lines; few enough that the stock sync is not the subject. */
export const ORDER_CATALOGUE = 200;
const LOCATION = 10;
/** ShipBob ships this long after an order arrives (docs/shipbob-simulator.md behaviour.shipAfter). */
export const SHIP_AFTER = '2h';
export const SHIP_AFTER_MS = 2 * 3600_000;
export const CARRIER = { carrier: 'Royal Mail', service: 'Tracked 48' } as const;
export const DAY_START = '2026-11-02T00:00:00Z';
const DAY_MS = 24 * 3600_000;

export interface OrderSeed {
  orderId: string;
  created: string;
  status: 'UNSHIPPED';
  fulfilledBy: 'MERCHANT';
  latestShipDate: string;
  items: Array<{ sku: string; quantity: number }>;
}

export interface Arrival {
  at: number;
  order: OrderSeed;
}

export interface OrdersWorld {
  /** A scenario (docs/scenarios.md) without steps: the bench drives it step by step. */
  scenario: Record<string, unknown>;
  /** Orders placed during the run, in time order (empty for a backlog). */
  arrivals: Arrival[];
  counts: { orders: number; lines: number; units: number; skus: number };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function makeOrders(n: number, rnd: () => number, createdAt: (i: number) => number): OrderSeed[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: OrderSeed[] = [];
  for (let i = 0; i < n; i++) {
    const created = createdAt(i);
    // Most orders are one line; a few are two or three distinct SKUs.
    const lines = rnd() < 0.8 ? 1 : int(2, 3);
    const skus = new Set<number>();
    while (skus.size < lines) skus.add(int(1, ORDER_CATALOGUE));
    out.push({
      // Amazon's 3-7-7 shape; the middle part makes every id unique.
      orderId: `202-${pad(1_000_000 + i, 7)}-${pad(int(1_000_000, 9_999_999), 7)}`,
      created: new Date(created).toISOString(),
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      latestShipDate: new Date(created + 2 * DAY_MS).toISOString(),
      items: [...skus].map((k) => ({ sku: `FBM-${pad(k, 4)}`, quantity: rnd() < 0.85 ? 1 : 2 })),
    });
  }
  return out;
}

function baseScenario(name: string, description: string, start: string, units: number, seededOrders: OrderSeed[]): Record<string, unknown> {
  const skuRows: Array<Array<string | number>> = [];
  const listings: Array<Record<string, unknown>> = [];
  const products: Array<{ sku: string; name: string }> = [];
  const inventory: Array<Record<string, unknown>> = [];
  // Every SKU holds enough for its share of the day twice over, so no order waits for stock.
  const onHand = Math.max(100, Math.ceil((2 * units) / ORDER_CATALOGUE) + 50);
  for (let k = 1; k <= ORDER_CATALOGUE; k++) {
    const sku = `FBM-${pad(k, 4)}`;
    skuRows.push([sku, 'UK', 'FBM', `SB-${pad(k, 4)}`, `B0${pad(k, 8)}`, '', '', '', '', '', '', '']);
    listings.push({ sku, channel: 'FBM', asin: `B0${pad(k, 8)}`, quantity: onHand, price: 12 });
    products.push({ sku: `SB-${pad(k, 4)}`, name: `Product ${k}` });
    inventory.push({ sku: `SB-${pad(k, 4)}`, location: LOCATION, onHand, committed: 0 });
  }
  return {
    name,
    description,
    start,
    // Workspace quotas (100,000 fetches, 6 h of triggers) so the bench measures a day instead of
    // stopping at the consumer limits; the report compares the figures with both.
    googleAccount: 'workspace',
    sheet: {
      Settings: [
        ['Key', 'Value', 'Help'],
        ['Amazon seller ID', ORDERS_SELLER_ID, ''],
        ['Push mode', 'dry-run', ''],
        ['Sync every (minutes)', 60, ''],
      ],
      'SKU Map': [['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'], ...skuRows],
      'Carrier Map': [
        ['3PL Carrier', '3PL Service', 'Carrier Code', 'Carrier Name', 'Shipping Method', 'Notes'],
        [CARRIER.carrier, CARRIER.service, 'Royal Mail', '', CARRIER.service, ''],
      ],
    },
    amazon: { marketplace: 'UK', sellerId: ORDERS_SELLER_ID, listings, orders: seededOrders },
    threePl: { provider: 'shipbob', locations: [{ id: LOCATION, name: 'Manchester' }], products, inventory, behaviour: { shipAfter: SHIP_AFTER, ...CARRIER } },
    steps: [],
  };
}

function countsOf(orders: ReadonlyArray<OrderSeed>): OrdersWorld['counts'] {
  const lines = orders.reduce((s, o) => s + o.items.length, 0);
  const units = orders.reduce((s, o) => s + o.items.reduce((u, i) => u + i.quantity, 0), 0);
  return { orders: orders.length, lines, units, skus: ORDER_CATALOGUE };
}

/** N orders placed at random times over the day that starts at DAY_START. */
export function dayWorld(n: number, seed = 20261102): OrdersWorld {
  const rnd = seededRandom(seed + n);
  const start = Date.parse(DAY_START);
  const times = Array.from({ length: n }, () => start + Math.floor(rnd() * DAY_MS)).sort((a, b) => a - b);
  const orders = makeOrders(n, rnd, (i) => times[i]!);
  const c = countsOf(orders);
  return {
    scenario: baseScenario(`bench-orders-day-${n}`, `Orders benchmark: ${n} merchant orders over a day.`, DAY_START, c.units, []),
    arrivals: orders.map((order) => ({ at: Date.parse(order.created), order })),
    counts: c,
  };
}

/** N unshipped orders already waiting when the world starts, placed over the previous 24 hours. */
export function backlogWorld(n: number, seed = 20261103): OrdersWorld {
  const rnd = seededRandom(seed + n);
  const start = Date.parse(DAY_START);
  const orders = makeOrders(n, rnd, (i) => start - DAY_MS + Math.floor(((i + rnd()) * DAY_MS) / n));
  const c = countsOf(orders);
  return {
    scenario: baseScenario(`bench-orders-backlog-${n}`, `Orders benchmark: ${n} merchant orders waiting at the start.`, DAY_START, c.units, orders),
    arrivals: [],
    counts: c,
  };
}
