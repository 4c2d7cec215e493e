// Builds inventory-sync scenarios in TypeScript (the same shape as a scenario file) and drives them
// in-process step by step through the scenario runner, with every step watched by the invariant
// checker (invariants.ts). Tests describe a world of FBM offers, FBA offers and odd SKU Map rows;
// the builder fills in the Settings, SKU Map, Amazon listings and ShipBob stock to match.

import { createScenarioRun, type ScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import type { FaultSpec } from '../world/faults';
import { InvariantTracker, SECRETS } from './invariants';

export const LOCATION = 10;
export const SELLER_ID = 'A2SELLER';

export { SECRETS };

export const SKU_MAP_HEADER = ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'];

type Cell = string | number | boolean | null;

/** One merchant-fulfilled offer: mapped in the SKU Map, listed on Amazon, stocked at ShipBob. */
export interface FbmOffer {
  sku: string;
  /** Default `SB-<sku>`. */
  threePlSku?: string;
  onHand: number;
  committed?: number;
  /** Amazon's current FBM quantity (default 0). */
  amazonQty?: number;
  buffer?: Cell;
  offer?: Cell;
  maxQty?: Cell;
  active?: Cell;
  /** false: not listed on Amazon. */
  listed?: boolean;
  /** false: the 3PL does not know the product. */
  stocked?: boolean;
}

export interface FbaOffer {
  sku: string;
  fulfillable: number;
  inboundWorking?: number;
  inboundShipped?: number;
  inboundReceiving?: number;
  reserved?: number;
  unfulfillable?: number;
  researching?: number;
}

export interface OrderSeed {
  orderId: string;
  created?: string;
  status?: string;
  fulfilledBy?: 'MERCHANT' | 'AMAZON';
  latestShipDate?: string;
  recipient?: Record<string, string>;
  items: Array<{ sku: string; quantity: number }>;
}

export interface InventoryWorld {
  name?: string;
  start?: string;
  offers: FbmOffer[];
  fba?: FbaOffer[];
  /** SKU Map rows added after the offers' rows (raw cells under SKU_MAP_HEADER). */
  extraMapRows?: Cell[][];
  /** Amazon listings beyond the offers (e.g. an unmapped FBM listing). */
  extraListings?: Array<{ sku: string; channel: 'FBM' | 'FBA'; quantity?: number }>;
  /** 3PL products beyond the offers: stock at LOCATION. */
  extraThreePl?: Array<{ sku: string; onHand: number; committed?: number }>;
  orders?: OrderSeed[];
  /** 3PL orders already created (reference = Amazon order id). */
  threePlOrders?: Array<{ reference: string; items: Array<{ sku: string; quantity: number }> }>;
  /** Settings Key → Value, on top of the test defaults below. */
  settings?: Record<string, Cell>;
  faults?: FaultSpec[];
  amazonBehaviour?: Record<string, string | boolean>;
  /** More fields of the scenario's amazon section (e.g. reportLanguage). */
  amazonExtra?: Record<string, unknown>;
  threePlLatencyMs?: number;
  /** Carrier Map rows under its header (3PL Carrier, 3PL Service, Carrier Code, Carrier Name, Shipping Method, Notes). */
  carrierMap?: Cell[][];
  /** ShipBob `behaviour` (shipAfter, carrier, service…). */
  threePlBehaviour?: Record<string, unknown>;
  /** Other tabs people typed before the first run, header row first (e.g. a Settlement Map). */
  extraTabs?: Record<string, Cell[][]>;
}

export const CARRIER_MAP_HEADER = ['3PL Carrier', '3PL Service', 'Carrier Code', 'Carrier Name', 'Shipping Method', 'Notes'];

/** Test defaults: auto push, patches, guardrails wide open unless a test narrows them. */
const DEFAULT_SETTINGS: Record<string, Cell> = {
  'Amazon seller ID': SELLER_ID,
  'Push mode': 'auto',
  'Default safety buffer': 1,
  'Feed threshold': 1000,
  'Guardrail max share changing': 1,
  'Guardrail max to zero': 1000,
  'Guardrail min 3PL list share': 0.5,
};

export const threePlSkuOf = (o: FbmOffer): string => o.threePlSku ?? `SB-${o.sku}`;

const asin = (i: number) => `B0${String(i).padStart(8, '0')}`;

/** `count` plain FBM offers SKU-01… with on hand 20 + i, buffer empty (Settings default). */
export function manyOffers(count: number, prefix = 'SKU', extra: Partial<FbmOffer> = {}): FbmOffer[] {
  return Array.from({ length: count }, (_, i) => ({ sku: `${prefix}-${String(i + 1).padStart(2, '0')}`, onHand: 20 + i, ...extra }));
}

export function buildScenario(w: InventoryWorld): Record<string, unknown> {
  const settings = { ...DEFAULT_SETTINGS, ...(w.settings ?? {}) };
  const mapRows: Cell[][] = w.offers.map((o, i) => [
    o.sku, 'UK', 'FBM', o.threePlSku ?? `SB-${o.sku}`, asin(i + 1), '', o.buffer ?? '', o.offer ?? '', o.maxQty ?? '', o.active ?? '', '', '',
  ]);
  (w.fba ?? []).forEach((f, i) => mapRows.push([f.sku, 'UK', 'FBA', '', asin(500 + i), `X00${String(i).padStart(7, '0')}`, '', '', '', '', '', '']));
  mapRows.push(...(w.extraMapRows ?? []));

  const listings: unknown[] = [];
  w.offers.forEach((o, i) => {
    if (o.listed !== false) listings.push({ sku: o.sku, channel: 'FBM', asin: asin(i + 1), quantity: o.amazonQty ?? 0 });
  });
  (w.fba ?? []).forEach((f, i) => listings.push({ sku: f.sku, channel: 'FBA', asin: asin(500 + i), fnsku: `X00${String(i).padStart(7, '0')}` }));
  (w.extraListings ?? []).forEach((l, i) => listings.push({ sku: l.sku, channel: l.channel, asin: asin(800 + i), ...(l.channel === 'FBM' ? { quantity: l.quantity ?? 0 } : {}) }));

  const products: Array<{ sku: string; name: string }> = [];
  const inventory: Array<{ sku: string; location: number; onHand: number; committed: number }> = [];
  const known = new Set<string>();
  const addStock = (sku: string, onHand: number, committed = 0) => {
    if (!known.has(sku)) products.push({ sku, name: `Product ${sku}` });
    known.add(sku);
    inventory.push({ sku, location: LOCATION, onHand, committed });
  };
  for (const o of w.offers) if (o.stocked !== false) addStock(threePlSkuOf(o), o.onHand, o.committed ?? 0);
  for (const x of w.extraThreePl ?? []) addStock(x.sku, x.onHand, x.committed ?? 0);

  return {
    name: w.name ?? 'inventory-test',
    start: w.start ?? '2026-11-02T08:00:00Z',
    secrets: SECRETS,
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ...Object.entries(settings).map(([k, v]) => [k, v, ''])],
      'SKU Map': [SKU_MAP_HEADER, ...mapRows],
      ...(w.carrierMap ? { 'Carrier Map': [CARRIER_MAP_HEADER, ...w.carrierMap] } : {}),
      ...(w.extraTabs ?? {}),
    },
    amazon: {
      sellerId: SELLER_ID,
      listings,
      fbaInventory: (w.fba ?? []).map((f) => ({ ...f })),
      orders: (w.orders ?? []).map((o) => ({ fulfilledBy: 'MERCHANT', created: '2026-11-02T07:00:00Z', ...o })),
      ...(w.amazonBehaviour ? { behaviour: w.amazonBehaviour } : {}),
      ...(w.amazonExtra ?? {}),
    },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: LOCATION, name: 'Manchester' }],
      products,
      inventory,
      orders: (w.threePlOrders ?? []).map((o) => ({ ...o, location: LOCATION })),
      ...(w.threePlLatencyMs !== undefined ? { latencyMs: w.threePlLatencyMs } : {}),
      ...(w.threePlBehaviour ? { behaviour: w.threePlBehaviour } : {}),
    },
    faults: w.faults ?? [],
    steps: [],
  };
}

export type Records = Array<Record<string, string>>;

/** A scenario run driven step by step, every step checked by the invariant tracker. */
export class InventoryRun {
  readonly run: ScenarioRun;
  readonly tracker: InvariantTracker;
  private stepIndex = 0;

  constructor(w: InventoryWorld, opts: { setup?: boolean } = {}) {
    this.run = createScenarioRun(buildScenario(w));
    this.tracker = new InvariantTracker(this.run);
    if (opts.setup !== false) this.step({ run: 'setupSheets' });
  }

  step(step: Step, opts: { undo?: boolean } = {}) {
    const before = this.run.results.length;
    this.tracker.step(step, this.stepIndex++, opts);
    return this.run.results[before];
  }

  /** "Sync now" for the stock job (as the sidebar calls it); returns the job's RunSummary. */
  sync(): SyncResult {
    return summaryOf(this.step({ run: 'syncNow', args: ['inventory'], as: 'sidebar' }));
  }

  /** "Sync now" for the orders job. */
  syncOrders(): SyncResult {
    return summaryOf(this.step({ run: 'syncNow', args: ['orders'], as: 'sidebar' }));
  }

  approve(): SyncResult {
    return summaryOf(this.step({ run: 'approveStockPush' }));
  }

  undo(): SyncResult {
    return summaryOf(this.step({ run: 'undoLastStockPush' }, { undo: true }));
  }

  advance(d: string): void {
    this.step({ advance: d });
  }

  amazon(action: string, fields: Record<string, unknown>): void {
    this.step({ world: { system: 'amazon', action, ...fields } });
  }

  threePl(action: string, fields: Record<string, unknown>): void {
    this.step({ world: { system: 'threePl', action, ...fields } });
  }

  setStock(sku: string, onHand: number, committed?: number): void {
    this.threePl('setStock', { sku, location: LOCATION, onHand, ...(committed !== undefined ? { committed } : {}) });
  }

  edit(tab: string, match: Record<string, Cell>, set: Record<string, Cell>): void {
    this.step({ edit: { tab, match, set } });
  }

  setting(key: string, value: Cell): void {
    this.edit('Settings', { Key: key }, { Value: value });
  }

  /** A tab as display-text records keyed by header (what a person sees). */
  tab(name: string): Records {
    const grid = this.run.gas.spreadsheet.toDisplayJson()[name] ?? [];
    const header = grid[0] ?? [];
    return grid.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
  }

  inventoryRow(sku: string, channel = 'FBM'): Record<string, string> | undefined {
    return this.tab('Inventory').find((r) => r['Seller SKU'] === sku && r['Channel'] === channel);
  }

  exceptions(type?: string): Records {
    return this.tab('Exceptions').filter((r) => !type || r['Type'] === type);
  }

  openExceptions(type?: string): Records {
    return this.exceptions(type).filter((r) => r['Status'] !== 'Resolved');
  }

  syncLog(): Records {
    return this.tab('Sync Log');
  }

  writes() {
    return this.run.amazon.snapshot().writes;
  }

  amazonQty(sku: string): number | undefined {
    return this.run.amazon.snapshot().listings.find((l) => l.sku === sku)?.quantity;
  }

  /** Throws with every invariant broken so far (see invariants.ts). */
  assertInvariants(): void {
    this.tracker.assertClean();
  }
}

export interface SyncResult {
  outcome?: string;
  message?: string;
  counts?: Record<string, number>;
  /** The execution's own result: ok, error, timeout (killed at the budget). */
  execution: string;
  error?: string;
}

function summaryOf(r: ScenarioRun['results'][number] | undefined): SyncResult {
  if (!r) throw new Error('no execution recorded');
  const v = (Array.isArray(r.value) ? r.value[0] : r.value) as { outcome?: string; message?: string; counts?: Record<string, number> } | undefined;
  return { outcome: v?.outcome, message: v?.message, counts: v?.counts, execution: r.record.outcome, ...(r.error ? { error: r.error } : {}) };
}
