// The Mintsoft simulator's account state: products, stock per warehouse and bin location, orders
// with their status and despatch details, ASNs and external returns, and the API keys issued.
// Field names follow Mintsoft's models (Swagger v1 8.5.28.001 as listed in MakiManc/ops
// mintsoft-portal/src/lib/mintsoft/types.ts, misspellings included: Commited, QuantityReceieved).

import type { MintsoftSection } from './scenario';

/**
 * Order statuses as GET /api/Order/Statuses lists them ({ID, Name, ExternalName}). Names: help-mintsoft
 * 11588522 "order status definitions"; IDs NEW=1, DESPATCHED=4, QUERYRAISED=13, AWAITINGPICKING=15,
 * PICKED=17 as public clients use them (glama.ai AhamadFalah/mintsoft-mcp list_orders), 4–6 the
 * despatched family (public returns integrations filter StatusId ∈ {4,5,6}); the rest [modelled].
 */
export const ORDER_STATUSES: ReadonlyArray<{ ID: number; Name: string; ExternalName: string }> = [
  { ID: 1, Name: 'NEW', ExternalName: 'New' },
  { ID: 2, Name: 'PRINTED', ExternalName: 'Printed' },
  { ID: 3, Name: 'ONBACKORDER', ExternalName: 'On Back Order' },
  { ID: 4, Name: 'DESPATCHED', ExternalName: 'Despatched' },
  { ID: 5, Name: 'INVOICED', ExternalName: 'Despatched' },
  { ID: 6, Name: 'INVOICEDFAILED', ExternalName: 'Despatched' },
  { ID: 8, Name: 'CANCELLED', ExternalName: 'Cancelled' },
  { ID: 9, Name: 'HOLDING', ExternalName: 'On Hold' },
  { ID: 13, Name: 'QUERYRAISED', ExternalName: 'Query Raised' },
  { ID: 15, Name: 'AWAITINGPICKING', ExternalName: 'Awaiting Picking' },
  { ID: 17, Name: 'PICKED', ExternalName: 'Picked' },
];

export function statusId(name: string): number {
  const s = ORDER_STATUSES.find((x) => x.Name === name);
  if (!s) throw new Error(`Mintsoft simulator: no status ${name}`);
  return s.ID;
}

export const DESPATCHED_FAMILY = new Set([4, 5, 6]);

export interface SimProduct {
  id: number;
  sku: string;
  name: string;
  bundle: boolean;
  /** A bundle's components per unit (scenario `components`); absent: none known. */
  components?: ReadonlyArray<{ sku: string; quantity: number }>;
}

/** One bin location's stock of one product (Inventory/Bulk row). */
export interface Bin {
  productId: number;
  sku: string;
  warehouseId: number;
  locationId: number;
  onHand: number;
  allocated: number;
  quarantine: number;
  lastUpdated: number;
}

export interface SimOrderItem {
  id: number;
  sku: string;
  productId: number;
  quantity: number;
  allocated: number;
  unitPrice: number;
}

export interface SimOrder {
  id: number;
  clientId: number;
  orderNumber: string;
  externalOrderReference: string;
  warehouseId: number;
  statusId: number;
  courierServiceName: string;
  orderDate: number;
  lastUpdated: number;
  despatchDate: number | null;
  trackingNumber: string | null;
  items: SimOrderItem[];
  address: Record<string, string>;
  tags: string;
  /** Virtual time this order despatches by itself (behaviour.despatchAfter), or null. */
  despatchAt: number | null;
}

export interface SimAsn {
  id: number;
  clientId: number;
  poReference: string;
  warehouseId: number;
  supplier: string;
  comments: string;
  goodsInType: string;
  estimatedDelivery: number | null;
  status: string;
  bookedInDate: number | null;
  lastUpdated: number;
  items: Array<{ id: number; sku: string; productId: number; expected: number; received: number }>;
}

export interface SimReturn {
  id: number;
  clientId: number;
  reference: string;
  warehouseId: number;
  confirmed: boolean;
  lastUpdated: number;
  items: Array<{ sku: string; productId: number; quantity: number; received: number; reasonId: number }>;
}

export class MintsoftState {
  readonly products = new Map<string, SimProduct>();
  readonly bins: Bin[] = [];
  readonly orders: SimOrder[] = [];
  readonly asns: SimAsn[] = [];
  readonly returns: SimReturn[] = [];
  /** Issued keys → expiry (null: never, a static key). */
  readonly keys = new Map<string, number | null>();
  private nextId = 1000;

  constructor(readonly seed: MintsoftSection) {
    for (const p of seed.products) this.products.set(p.sku, { id: this.id(), sku: p.sku, name: p.name, bundle: p.bundle, ...(p.components ? { components: p.components } : {}) });
    for (const k of seed.staticKeys) this.keys.set(k, null);
    for (const r of seed.inventory) {
      const p = this.products.get(r.sku)!;
      // Spread over bins so a reader that keeps one row per product undercounts visibly.
      for (let b = 0; b < r.bins; b++) {
        const share = (n: number) => Math.floor(n / r.bins) + (b < n % r.bins ? 1 : 0);
        this.bins.push({ productId: p.id, sku: p.sku, warehouseId: r.warehouse, locationId: r.warehouse * 100 + b + 1, onHand: share(r.onHand), allocated: share(r.allocated), quarantine: share(r.quarantine), lastUpdated: 0 });
      }
    }
  }

  id(): number {
    return this.nextId++;
  }

  binsOf(sku: string, warehouseId: number): Bin[] {
    return this.bins.filter((b) => b.sku === sku && b.warehouseId === warehouseId);
  }

  /** Free stock of a SKU at a warehouse: on hand less what is allocated (quarantine is kept apart). */
  free(sku: string, warehouseId: number): number {
    return this.binsOf(sku, warehouseId).reduce((n, b) => n + Math.max(0, b.onHand - b.allocated), 0);
  }

  /** Allocates up to `qty` from the warehouse's bins; returns what it could. */
  allocate(sku: string, warehouseId: number, qty: number, now: number): number {
    let left = qty;
    for (const b of this.binsOf(sku, warehouseId)) {
      const take = Math.min(left, Math.max(0, b.onHand - b.allocated));
      if (take > 0) {
        b.allocated += take;
        b.lastUpdated = now;
        left -= take;
      }
    }
    return qty - left;
  }

  unallocate(sku: string, warehouseId: number, qty: number, now: number): void {
    let left = qty;
    for (const b of this.binsOf(sku, warehouseId)) {
      const give = Math.min(left, b.allocated);
      b.allocated -= give;
      if (give) b.lastUpdated = now;
      left -= give;
    }
  }

  /**
   * What one unit of an order line takes from stock: a bundle's components (Mintsoft splits a bundle's
   * stock transactions down to its component codes: intercom.help/mintsoft 11653295), else itself.
   */
  partsOf(sku: string): ReadonlyArray<{ sku: string; quantity: number }> {
    return this.products.get(sku)?.components ?? [{ sku, quantity: 1 }];
  }

  /** Allocates up to `qty` units of an order line, a bundle only in whole bundles; returns the units allocated. */
  allocateLine(sku: string, warehouseId: number, qty: number, now: number): number {
    const parts = this.partsOf(sku);
    if (parts.length === 1 && parts[0]!.sku === sku) return this.allocate(sku, warehouseId, qty, now);
    const whole = Math.min(qty, ...parts.map((p) => Math.floor(this.free(p.sku, warehouseId) / p.quantity)));
    if (whole > 0) for (const p of parts) this.allocate(p.sku, warehouseId, whole * p.quantity, now);
    return whole;
  }

  unallocateLine(sku: string, warehouseId: number, qty: number, now: number): void {
    for (const p of this.partsOf(sku)) this.unallocate(p.sku, warehouseId, qty * p.quantity, now);
  }

  removeAllocatedLine(sku: string, warehouseId: number, qty: number, now: number): void {
    for (const p of this.partsOf(sku)) this.removeAllocated(p.sku, warehouseId, qty * p.quantity, now);
  }

  /** Despatch takes allocated units out of the building. */
  removeAllocated(sku: string, warehouseId: number, qty: number, now: number): void {
    let left = qty;
    for (const b of this.binsOf(sku, warehouseId)) {
      const take = Math.min(left, b.allocated, b.onHand);
      b.allocated -= take;
      b.onHand -= take;
      if (take) b.lastUpdated = now;
      left -= take;
    }
  }

  addStock(sku: string, warehouseId: number, qty: number, now: number): void {
    const p = this.products.get(sku)!;
    let bin = this.binsOf(sku, warehouseId)[0];
    if (!bin) {
      bin = { productId: p.id, sku, warehouseId, locationId: warehouseId * 100 + 1, onHand: 0, allocated: 0, quarantine: 0, lastUpdated: now };
      this.bins.push(bin);
    }
    bin.onHand += qty;
    bin.lastUpdated = now;
  }

  orderByNumber(orderNumber: string, clientId = this.seed.clientId): SimOrder | undefined {
    return this.orders.find((o) => o.orderNumber === orderNumber && o.clientId === clientId);
  }
}
