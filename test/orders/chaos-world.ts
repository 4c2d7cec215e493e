// The seeded world of the orders chaos test (docs/chaos.md): one seed → one plan (FBM SKUs, a Carrier
// Map row, ample ShipBob stock, merchant and FBA orders arriving over a virtual day, payments,
// cancellations, part shipments and holds at ShipBob, orders runs, and the faults of that seed), and
// the scenario object the runner seeds the world with. Same seed, same plan: a failure replays.

import { seededRandom, type FaultKind, type FaultSpec } from '../world/faults';

export const LOCATION = 10;
export const SELLER_ID = 'A2SELLER';
export const CARRIER = 'Royal Mail';
export const SERVICE = 'Tracked 48';
const START = '2026-11-02T08:00:00Z';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A small deterministic generator (mulberry32, as the simulators' own seeded faults use). */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    // Spread neighbouring seeds apart so seed 1 and seed 2 do not start alike.
    this.next = seededRandom(Math.imul(seed ^ 0x5bd1e995, 2654435761) >>> 0);
  }

  float(): number {
    return this.next();
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

export interface ChaosOrder {
  orderId: string;
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  items: Array<{ sku: string; quantity: number }>;
  /** ms after the start. */
  arriveAt: number;
  initialStatus: 'PENDING' | 'UNSHIPPED';
  /** PENDING → UNSHIPPED (payment authorised). */
  payAt?: number;
  /** The buyer cancels; skipped when Amazon already shows it (partly) shipped. */
  cancelAt?: number;
  /** ShipBob ships the first half of the units by hand (a split shipment). */
  partialShipAt?: number;
  holdAt?: number;
  releaseAt?: number;
  /** The world event may land in the middle of the next execution instead of between two. */
  midRun: boolean;
}

/** What an execution of the faulty period may suffer (drawn per execution by the driver). */
export interface ExecutionChaos {
  /** Stopped hard at a fetch: no finally block can write after it. */
  kill: number;
  /** A second execution starts while this one holds the document lock. */
  overlap: number;
  /** Every call is this much slower, so the run meets its time budget part-way. */
  slow: number;
}

export type ChaosProvider = 'shipbob' | 'mintsoft';

export interface ChaosPlan {
  seed: number;
  /** The 3PL the seed runs against; the same seed draws the same orders and events for both (Mintsoft splits no order). */
  provider: ChaosProvider;
  skus: string[];
  fbaSku: string;
  orders: ChaosOrder[];
  /** Explicit "Sync now" runs (ms after the start). */
  runs: Array<{ at: number; job: 'orders' | 'all' }>;
  /** The schedule is on: time triggers fire between events as well. */
  scheduled: boolean;
  /** The faulty period ends here (ms after the start). */
  horizon: number;
  faults: FaultSpec[];
  chaos: ExecutionChaos;
  shipAfterMs: number;
  /** [modelled, not documented by ShipBob] a reference lookup does not see orders younger than this. */
  indexLagMs: number;
  threePlRateLimit: number;
  googleAccount: 'consumer' | 'workspace';
}

/** Amazon-looking ids, distinct per seed and per order. */
function orderId(seed: number, i: number): string {
  const a = String(1_000_000 + (seed % 9_000_000)).padStart(7, '0');
  const b = String(1_000_000 + ((i * 7919 + seed * 31) % 9_000_000)).padStart(7, '0');
  return `202-${a}-${b}`;
}

const THREEPL_FAULTS: ReadonlyArray<readonly [string, FaultKind]> = [
  ['create-order', 'lost_response'],
  ['create-order', 'timeout'],
  ['create-order', '500'],
  ['create-order', '503'],
  ['create-order', '429'],
  ['create-order', 'malformed'],
  ['get-orders', '503'],
  ['get-orders', '429'],
  ['get-orders', 'timeout'],
  ['get-orders', 'malformed'],
  ['get-order', '503'],
  ['cancel-order', 'lost_response'],
  ['cancel-order', '503'],
  ['mark-tracking-uploaded', 'lost_response'],
  ['mark-tracking-uploaded', '500'],
];

/** Mintsoft's operations (test/world/mintsoft/simulator.ts names them "<METHOD> <path>"); no tracking flag to set, but keys that expire mid-run. */
const MINTSOFT_FAULTS: ReadonlyArray<readonly [string, FaultKind]> = [
  ['PUT /api/Order', 'lost_response'],
  ['PUT /api/Order', 'timeout'],
  ['PUT /api/Order', '500'],
  ['PUT /api/Order', '503'],
  ['PUT /api/Order', '429'],
  ['PUT /api/Order', 'malformed'],
  ['GET /api/Order/List', '503'],
  ['GET /api/Order/List', '429'],
  ['GET /api/Order/List', 'timeout'],
  ['GET /api/Order/List', 'malformed'],
  ['GET /api/Order/List', 'auth_expired'],
  ['GET /api/Order/Search', '503'],
  ['GET /api/Order/Search', 'timeout'],
  ['GET /api/Order/{id}', '503'],
  ['GET /api/Order/{id}/Cancel', 'lost_response'],
  ['GET /api/Order/{id}/Cancel', '503'],
  ['POST /api/Auth', '500'],
];

const AMAZON_FAULTS: ReadonlyArray<readonly [string, FaultKind]> = [
  ['confirmShipment', 'lost_response'],
  ['confirmShipment', '500'],
  ['confirmShipment', 'timeout'],
  ['confirmShipment', '503'],
  ['searchOrders', '429'],
  ['searchOrders', '503'],
  ['searchOrders', 'timeout'],
  ['getOrder', '429'],
  ['getOrder', '503'],
  ['getOrder', 'timeout'],
];

function drawFaults(rng: Rng, seed: number, provider: ChaosProvider): FaultSpec[] {
  const out: FaultSpec[] = [];
  const add = (system: FaultSpec['system'], operation: string, kind: FaultKind, pMax: number) => {
    out.push({ system, operation, kind, probability: Math.round((0.03 + rng.float() * pMax) * 100) / 100, seed: seed * 1000 + out.length + 1 });
  };
  for (const [op, kind] of provider === 'mintsoft' ? MINTSOFT_FAULTS : THREEPL_FAULTS) if (rng.chance(0.4)) add('threePl', op, kind, 0.3);
  for (const [op, kind] of AMAZON_FAULTS) if (rng.chance(0.4)) add('amazon', op, kind, 0.3);
  // A 429 storm: most calls of one Amazon read refused for the whole faulty period.
  if (rng.chance(0.15)) add('amazon', rng.pick(['searchOrders', 'getOrder']), '429', 0.6);
  if (rng.chance(0.1)) add('lwa', 'token', rng.pick(['500', 'timeout'] as const), 0.2);
  return out;
}

export function makePlan(seed: number, provider: ChaosProvider = 'shipbob'): ChaosPlan {
  const rng = new Rng(seed);
  const skus = Array.from({ length: rng.int(3, 6) }, (_, i) => `CH-${String(i + 1).padStart(2, '0')}`);
  const fbaSku = 'CH-FBA';
  const scheduled = rng.chance(0.25);
  const horizon = (scheduled ? rng.int(5, 7) : rng.int(8, 14)) * HOUR;
  const shipAfterMs = rng.pick([30, 60, 120, 180, 240]) * MIN;
  const orders: ChaosOrder[] = [];
  const count = rng.int(5, 15);
  for (let i = 0; i < count; i++) {
    const fba = rng.chance(0.12);
    const lines = fba ? 1 : rng.pick([1, 1, 1, 2, 2, 3]);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(lines, skus.length)) chosen.add(rng.pick(skus));
    const arriveAt = rng.int(0, Math.floor(horizon * 0.8 / MIN)) * MIN;
    const o: ChaosOrder = {
      orderId: orderId(seed, i),
      fulfilledBy: fba ? 'AMAZON' : 'MERCHANT',
      items: fba ? [{ sku: fbaSku, quantity: 1 }] : [...chosen].map((sku) => ({ sku, quantity: rng.pick([1, 1, 2, 3]) })),
      arriveAt,
      initialStatus: !fba && rng.chance(0.25) ? 'PENDING' : 'UNSHIPPED',
      midRun: rng.chance(0.5),
    };
    const later = (maxMin: number) => arriveAt + rng.int(1, maxMin) * MIN;
    // Most pending orders get paid; some stay pending, some are cancelled instead.
    if (o.initialStatus === 'PENDING' && rng.chance(0.75)) o.payAt = later(180);
    if (!fba && rng.chance(0.25)) o.cancelAt = o.payAt !== undefined && rng.chance(0.5) ? o.payAt + rng.int(0, 240) * MIN : later(360);
    const units = o.items.reduce((n, it) => n + it.quantity, 0);
    if (!fba && units >= 2 && rng.chance(0.3)) {
      // Drawn for both 3PLs so a seed's other events stay the same; the Mintsoft simulator splits no order.
      const at = later(Math.max(2, shipAfterMs / MIN - 1));
      if (provider === 'shipbob') o.partialShipAt = at;
    }
    if (!fba && rng.chance(0.1)) {
      o.holdAt = later(60);
      o.releaseAt = o.holdAt + rng.int(30, 300) * MIN;
    }
    orders.push(o);
  }
  const runs: ChaosPlan['runs'] = [];
  if (!scheduled) {
    for (let t = rng.int(5, 60) * MIN; t < horizon; t += rng.int(45, 150) * MIN) runs.push({ at: t, job: rng.chance(0.3) ? 'all' : 'orders' });
  } else if (rng.chance(0.5)) {
    runs.push({ at: rng.int(10, Math.floor(horizon / MIN) - 10) * MIN, job: 'orders' });
  }
  return {
    seed,
    provider,
    skus,
    fbaSku,
    orders,
    runs,
    scheduled,
    horizon,
    faults: drawFaults(rng, seed, provider),
    chaos: { kill: rng.pick([0, 0.1, 0.2]), overlap: rng.pick([0, 0.1, 0.25]), slow: rng.pick([0, 0.1, 0.2]) },
    shipAfterMs,
    indexLagMs: rng.chance(0.2) ? rng.int(2, 10) * MIN : 0,
    threePlRateLimit: rng.chance(0.15) ? rng.int(6, 15) : 150,
    googleAccount: rng.chance(0.5) ? 'consumer' : 'workspace',
  };
}

const SKU_MAP_HEADER = ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'];
const CARRIER_MAP_HEADER = ['3PL Carrier', '3PL Service', 'Carrier Code', 'Carrier Name', 'Shipping Method', 'Notes'];
export const threePlSku = (sku: string) => `SB-${sku}`;
const asin = (i: number) => `B0CH${String(i).padStart(6, '0')}`;

/** The scenario the runner seeds the world with (docs/scenarios.md); steps are driven by chaos-run.ts. */
export function scenarioOf(plan: ChaosPlan): Record<string, unknown> {
  const mintsoft = plan.provider === 'mintsoft';
  return {
    name: mintsoft ? `orders-chaos-mintsoft-${plan.seed}` : `orders-chaos-${plan.seed}`,
    start: START,
    googleAccount: plan.googleAccount,
    sheet: {
      Settings: [
        ['Key', 'Value', 'Help'],
        ['Amazon seller ID', SELLER_ID, ''],
        ['Push mode', 'dry-run', ''],
        ['Sync every (minutes)', 60, ''],
        ...(mintsoft ? [['3PL provider', 'mintsoft', ''], ['3PL locations', String(LOCATION), '']] : []),
      ],
      'SKU Map': [
        SKU_MAP_HEADER,
        ...plan.skus.map((s, i) => [s, 'UK', 'FBM', threePlSku(s), asin(i + 1), '', 0, '', '', '', '', '']),
        [plan.fbaSku, 'UK', 'FBA', '', asin(99), 'X00CHFBA01', '', '', '', '', '', ''],
      ],
      // Mintsoft names one courier service (CourierServiceName), so its row names it whole.
      'Carrier Map': [CARRIER_MAP_HEADER, mintsoft ? [`${CARRIER} ${SERVICE}`, '', 'Royal Mail', '', SERVICE, ''] : [CARRIER, '', 'Royal Mail', '', SERVICE, '']],
    },
    amazon: {
      sellerId: SELLER_ID,
      listings: [
        ...plan.skus.map((s, i) => ({ sku: s, channel: 'FBM', asin: asin(i + 1), quantity: 200 })),
        { sku: plan.fbaSku, channel: 'FBA', asin: asin(99), fnsku: 'X00CHFBA01' },
      ],
      fbaInventory: [{ sku: plan.fbaSku, fulfillable: 100 }],
    },
    threePl: mintsoft
      ? {
          provider: 'mintsoft',
          warehouses: [{ id: LOCATION, name: 'Manchester' }],
          products: plan.skus.map((s) => ({ sku: threePlSku(s), name: `Chaos ${s}` })),
          inventory: plan.skus.map((s) => ({ sku: threePlSku(s), warehouse: LOCATION, onHand: 1000, bins: 2 })),
          behaviour: { despatchAfter: `${plan.shipAfterMs / MIN}m`, courier: CARRIER, service: SERVICE },
        }
      : {
          provider: 'shipbob',
          locations: [{ id: LOCATION, name: 'Manchester' }],
          products: plan.skus.map((s) => ({ sku: threePlSku(s), name: `Chaos ${s}` })),
          inventory: plan.skus.map((s) => ({ sku: threePlSku(s), location: LOCATION, onHand: 1000, committed: 0 })),
          behaviour: { shipAfter: `${plan.shipAfterMs / MIN}m`, carrier: CARRIER, service: SERVICE },
          rateLimitPerMinute: plan.threePlRateLimit,
        },
    // Faults are added by the driver when the faulty period starts, so set-up runs clean.
    faults: [],
    steps: [],
  };
}

/** The order as the Amazon simulator's newOrder action takes it. */
export function amazonOrder(o: ChaosOrder, now: number): Record<string, unknown> {
  return {
    orderId: o.orderId,
    status: o.initialStatus,
    fulfilledBy: o.fulfilledBy,
    latestShipDate: new Date(now + 3 * 24 * HOUR).toISOString(),
    items: o.items.map((it) => ({ ...it })),
  };
}
