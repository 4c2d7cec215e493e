// The ShipBob simulator's account state: products, stock per fulfilment centre, orders with their
// shipments, receiving orders, returns and billing. Quantities follow ShipBob's definitions (spec
// 2026-01 Inventory.FulfillmentCenterResponse): fulfillable = on hand − committed.

import type { ThreePlSection } from './scenario';

export interface SimProduct {
  productId: number;
  variantId: number;
  inventoryId: number;
  sku: string;
  name: string;
  /** Variant status "Active"/"Inactive" and the inventory item's is_active move together [inferred]. */
  active: boolean;
  /** Identifiers (spec 2026-01 Products.VariantViewModelBase upc, gtin, barcodes[].value). */
  ids?: { upc?: string; gtin?: string; barcodes?: string[] };
  /** Last change to the product record (get-products LastUpdatedTimestamp, updated_on); not stock. */
  updatedAt: number;
}

/**
 * A bundle: a product whose one variant resolves to several inventory items (spec 2026-01
 * Products.VariantViewModelBase.bundle_definition; developer.shipbob.com/concepts "Bundle"). It has
 * no inventory item, so no stock: "inventory quantities in ShipBob are tracked at the component
 * level, not at the bundle SKU level" (developer.shipbob.com/guides/inventory).
 */
export interface SimBundle {
  productId: number;
  variantId: number;
  sku: string;
  name: string;
  active: boolean;
  components: Array<{ sku: string; quantity: number }>;
  updatedAt: number;
}

export interface StockCell {
  /** Read-only outside ShipBobState: every change goes through moveStock/adjustStock, which log it. */
  readonly onHand: number;
  committed: number;
  awaiting: number;
  internalTransfer: number;
}

export interface SimItem {
  sku: string;
  inventoryId: number;
  productId: number;
  name: string;
  quantity: number;
  /** Units committed (allocated) at the shipment's location. */
  committed: number;
}

export interface SimTracking {
  carrier: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string;
  shippingDate: number;
}

export type ShipmentStatus = 'None' | 'Processing' | 'Completed' | 'Exception' | 'OnHold' | 'Cancelled' | 'CleanSweeped' | 'LabeledCreated' | 'ImportReview';

export interface SimShipment {
  id: number;
  orderId: number;
  status: ShipmentStatus;
  locationId: number;
  items: SimItem[];
  createdAt: number;
  lastUpdateAt: number;
  /** When it ships by itself (behaviour.shipAfter); null: only a `ship` step ships it. */
  shipAt: number | null;
  /** When the last unit was committed: it cannot ship before. */
  readyAt: number | null;
  tracking: SimTracking | null;
  isTrackingUploaded: boolean;
  lastTrackingUpdateAt: number | null;
  actualFulfillmentDate: number | null;
  deliveryDate: number | null;
  invoiceAmount: number | null;
}

export type OrderStatus = 'Processing' | 'Exception' | 'PartiallyFulfilled' | 'Fulfilled' | 'Cancelled' | 'ImportReview';

export interface SimOrder {
  id: number;
  referenceId: string;
  orderNumber: string;
  channelId: number;
  type: string;
  status: OrderStatus;
  createdAt: number;
  lastUpdateAt: number;
  purchaseDate: string | null;
  shippingMethod: string;
  recipient: Record<string, unknown>;
  /** As ordered: a bundle line stays one line here (inventoryId null); its shipment holds the components. */
  products: Array<{ sku: string; name: string; quantity: number; unitPrice: number | null; productId: number; inventoryId: number | null }>;
  tags: Array<{ name: string; value: string }>;
  shippingTerms: Record<string, unknown> | null;
  retailerProgramData: Record<string, unknown> | null;
  shipments: SimShipment[];
}

export interface SimBox {
  boxId: number;
  boxNumber: number;
  trackingNumber: string;
  status: 'Awaiting' | 'Arrived' | 'Completed' | 'Counting' | 'Stowing' | 'Cancelled';
  items: Array<{ inventoryId: number; sku: string; quantity: number; received: number; stowed: number }>;
  arrivedAt: number | null;
  receivedAt: number | null;
}

export interface SimWro {
  id: number;
  purchaseOrderNumber: string | null;
  locationId: number;
  status: string;
  statusHistory: Array<{ status: string; at: number }>;
  boxes: SimBox[];
  insertDate: number;
  lastUpdated: number;
  expectedArrival: number;
  packageType: string;
  boxPackagingType: string;
  externalSyncAt: number | null;
}

export interface SimReturn {
  id: number;
  referenceId: string;
  trackingNumber: string | null;
  locationId: number;
  channelId: number;
  status: 'AwaitingArrival' | 'Arrived' | 'Processing' | 'Completed' | 'Cancelled';
  statusHistory: Array<{ status: string; at: number }>;
  inventory: Array<{ inventoryId: number; sku: string; name: string; quantity: number; processed: number; action: string }>;
  insertDate: number;
  originalShipmentId: number | null;
}

export interface SimTransaction {
  transactionId: string;
  amount: number;
  currency: string;
  chargeDate: number;
  fee: string;
  /** Spec 2026-01 Billing.TransactionDtoV3.transaction_type. */
  type: 'Charge' | 'Refund' | 'Credit' | 'Payment' | 'BalanceAdjustment';
  referenceId: string;
  /** Spec 2026-01 Billing.TransactionDtoV3.reference_type. */
  referenceType: 'Shipment' | 'Return' | 'WRO' | 'URO' | 'Ticket Number' | 'FC' | 'LPN Reference' | 'Transfer Plan';
  /** Spec 2026-01 Billing.TransactionDtoV3.invoice_type. */
  invoiceType: 'Shipping' | 'Inbound Fee' | 'WarehouseStorage' | 'AdditionalFee' | 'Return' | 'Credits' | 'BalanceAdjustment' | 'Payment';
  locationName: string;
  invoiceId: number | null;
  invoiceDate: string | null;
}

/** Spec 2026-01 FulfillmentCenterInventoryService.InventoryHistory.event_category, "Supported values". */
export const HISTORY_CATEGORIES = ['OrderPicked', 'InventoryAdjusted', 'InventoryFacilityUpdated', 'AttributeUpdated', 'InventoryReceived', 'InventoryRestocked', 'ReceivingStow', 'KittingStow'] as const;
export type HistoryCategory = (typeof HISTORY_CATEGORIES)[number];

/** One inventory history event (inventory/history:query): a change at one inventory item and centre. */
export interface HistoryEvent {
  id: number;
  inventoryId: number;
  sku: string;
  facilityId: number;
  category: HistoryCategory;
  at: number;
  /** Change in on hand (negative for a decrement). */
  quantityChange: number;
  committedChange: number;
  orderId: number | null;
}

type MutableCell = { -readonly [K in keyof StockCell]: StockCell[K] };

export interface SimInvoice {
  id: number;
  date: string;
  type: string;
  amount: number;
  currency: string;
}

/** How long before the world starts its seeded products were last updated (a catalogue that already exists) [assumption]. */
export const SEEDED_PRODUCT_AGE_MS = 24 * 3600_000;

export class ShipBobState {
  readonly locations: Array<{ id: number; name: string }>;
  readonly products = new Map<string, SimProduct>();
  /** Bundle products by SKU; kept apart because they have no inventory item. */
  readonly bundles = new Map<string, SimBundle>();
  /** Key `${inventoryId}:${locationId}`. */
  readonly stock = new Map<string, StockCell>();
  readonly orders: SimOrder[] = [];
  readonly wros: SimWro[] = [];
  readonly returns: SimReturn[] = [];
  readonly transactions: SimTransaction[] = [];
  readonly invoices: SimInvoice[] = [];
  /** Inventory history, ascending by id; only changes to on hand (and setStock adjustments, attribute updates). */
  readonly history: HistoryEvent[] = [];
  private ids = { product: 1000, variant: 2000, inventory: 5000, order: 100000, shipment: 200000, wro: 300, box: 7000, ret: 400, tx: 0, invoice: 9000, audit: 880000 };

  /**
   * `startMs`: the world's start. A seeded catalogue is the merchant's existing one, set up before
   * the add-on first runs: its products were last updated SEEDED_PRODUCT_AGE_MS before the start.
   */
  constructor(
    readonly seed: ThreePlSection,
    worldStartMs: number,
  ) {
    const startMs = worldStartMs - SEEDED_PRODUCT_AGE_MS;
    this.locations = seed.locations.map((l) => ({ ...l }));
    for (const p of seed.products) {
      if (p.bundle) continue;
      const added = this.addProduct(p.sku, p.name, startMs, p.active);
      if (p.upc || p.gtin || p.barcodes) added.ids = { upc: p.upc, gtin: p.gtin, barcodes: p.barcodes };
    }
    for (const p of seed.products) {
      if (!p.bundle) continue;
      this.bundles.set(p.sku, { productId: this.next('product'), variantId: this.next('variant'), sku: p.sku, name: p.name, active: p.active, components: p.bundle.map((c) => ({ ...c })), updatedAt: startMs });
    }
    for (const row of seed.inventory) {
      const cell = this.cell(this.products.get(row.sku)!.inventoryId, row.location);
      Object.assign(cell, { onHand: row.onHand, committed: row.committed, awaiting: row.awaiting, internalTransfer: row.internalTransfer });
    }
  }

  next(kind: keyof ShipBobState['ids']): number {
    return ++this.ids[kind];
  }

  addProduct(sku: string, name: string, at: number, active = true): SimProduct {
    const p: SimProduct = { productId: this.next('product'), variantId: this.next('variant'), inventoryId: this.next('inventory'), sku, name, active, updatedAt: at };
    this.products.set(sku, p);
    return p;
  }

  productByInventoryId(id: number): SimProduct | undefined {
    for (const p of this.products.values()) if (p.inventoryId === id) return p;
    return undefined;
  }

  cell(inventoryId: number, locationId: number): StockCell {
    const key = `${inventoryId}:${locationId}`;
    let c = this.stock.get(key);
    if (!c) {
      c = { onHand: 0, committed: 0, awaiting: 0, internalTransfer: 0 };
      this.stock.set(key, c);
    }
    return c;
  }

  /** Reads without creating a row (a created row would show up in inventory lists). */
  peek(inventoryId: number, locationId: number): StockCell {
    return this.stock.get(`${inventoryId}:${locationId}`) ?? { onHand: 0, committed: 0, awaiting: 0, internalTransfer: 0 };
  }

  /**
   * The one way on-hand stock changes in the world (shipping, receiving, restocking): changes on
   * hand (and committed) by the deltas, floored at 0, and logs the event ShipBob's inventory history
   * would show when on hand really moved. Committing and releasing stock for orders changes only
   * `committed` directly and logs nothing: the history lists "movement events that change on-hand
   * quantities" (spec 2026-01 inventory/history:query).
   */
  moveStock(inventoryId: number, locationId: number, delta: { onHand: number; committed?: number }, ev: { at: number; category: HistoryCategory; orderId?: number }): void {
    const cell = this.cell(inventoryId, locationId) as MutableCell;
    const before = { onHand: cell.onHand, committed: cell.committed };
    cell.onHand = Math.max(0, cell.onHand + delta.onHand);
    cell.committed = Math.max(0, cell.committed + (delta.committed ?? 0));
    const quantityChange = cell.onHand - before.onHand;
    if (quantityChange !== 0) this.logHistory(inventoryId, locationId, ev, quantityChange, cell.committed - before.committed);
  }

  /**
   * A dashboard stock adjustment (world step setStock): overwrites the given figures and logs
   * InventoryAdjusted when any of them changed, even committed or awaiting alone. ShipBob would log
   * only on-hand moves; logging more is the safe direction for a caller that skips a full read when
   * nothing moved (scenarios use setStock to model stock committed elsewhere).
   */
  adjustStock(inventoryId: number, locationId: number, values: { onHand?: number; committed?: number; awaiting?: number }, at: number): void {
    const cell = this.cell(inventoryId, locationId) as MutableCell;
    const before = { ...cell };
    Object.assign(cell, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
    if (cell.onHand === before.onHand && cell.committed === before.committed && cell.awaiting === before.awaiting) return;
    this.logHistory(inventoryId, locationId, { at, category: 'InventoryAdjusted' }, cell.onHand - before.onHand, cell.committed - before.committed);
  }

  logHistory(inventoryId: number, facilityId: number, ev: { at: number; category: HistoryCategory; orderId?: number }, quantityChange: number, committedChange = 0): void {
    const sku = this.productByInventoryId(inventoryId)?.sku ?? '';
    this.history.push({ id: this.next('audit'), inventoryId, sku, facilityId, category: ev.category, at: ev.at, quantityChange, committedChange, orderId: ev.orderId ?? null });
  }

  fulfillable(c: StockCell): number {
    return Math.max(0, c.onHand - c.committed);
  }

  locationName(id: number): string {
    return this.locations.find((l) => l.id === id)?.name ?? String(id);
  }

  orderByReference(ref: string): SimOrder | undefined {
    return this.orders.find((o) => o.referenceId === ref);
  }
}
