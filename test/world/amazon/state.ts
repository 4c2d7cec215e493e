// The simulated seller account: listings, FBA stock, orders, feeds, reports and inbound
// shipments, plus the record of every quantity write and shipment confirmation (world.json).

import type { AmazonSection, SeedInboundShipment, SeedOrder, SeedSettlement } from './scenario';

export interface SimListing {
  sku: string;
  channel: 'FBM' | 'FBA';
  asin: string;
  fnsku: string | undefined;
  /** FBM (DEFAULT) quantity; FBA listings read fbaInventory instead. */
  quantity: number;
  productType: string;
  title: string;
  price: number | undefined;
  status: 'Active' | 'Inactive' | 'Incomplete';
  created: number;
  lastUpdated: number;
}

export interface SimInventory {
  sku: string;
  fulfillable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: number;
  pendingTransshipment: number;
  fcProcessing: number;
  unfulfillable: number;
  researching: number;
  condition: string;
  productName: string | undefined;
  lastUpdated: number;
}

export interface SimOrderItem {
  sku: string;
  quantity: number;
  orderItemId: string;
  asin: string | undefined;
  title: string | undefined;
  price: number | undefined;
  shipped: number;
}

export interface SimPackage {
  packageReferenceId: string;
  carrierCode: string;
  carrierName: string | undefined;
  shippingMethod: string | undefined;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export interface SimOrder {
  orderId: string;
  created: number;
  lastUpdated: number;
  status: SeedOrder['status'];
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  earliestShipDate: string | undefined;
  latestShipDate: string | undefined;
  serviceLevel: string;
  items: SimOrderItem[];
  packages: SimPackage[];
}

export interface WriteRecord {
  at: string;
  operation: 'JSON_LISTINGS_FEED' | 'patchListingsItem';
  sku: string;
  fulfillmentChannelCode: string;
  quantity: number;
  outcome: 'applied' | 'rejected' | 'not_applied';
  feedId?: string;
  reason?: string;
}

export interface SimFeed {
  feedId: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  created: number;
  startAt: number;
  doneAt: number;
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';
  resultFeedDocumentId?: string;
  summary?: { messagesProcessed: number; messagesAccepted: number; messagesInvalid: number; errors: number; warnings: number };
}

export interface SimReport {
  reportId: string;
  reportType: string;
  marketplaceIds: string[];
  created: number;
  startAt: number;
  doneAt: number;
  dataStartTime?: string;
  dataEndTime?: string;
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';
  reportDocumentId?: string;
  /** Settlement reports come from the scenario, already DONE. */
  settlement?: SeedSettlement;
}

export interface SimInbound extends Omit<SeedInboundShipment, 'created' | 'lastUpdated'> {
  inboundPlanId: string;
  apiShipmentId: string;
  created: number;
  lastUpdated: number;
}

export interface PendingPatch {
  at: number;
  apply: () => void;
}

export class SimState {
  listings = new Map<string, SimListing>();
  inventory = new Map<string, SimInventory>();
  orders = new Map<string, SimOrder>();
  feeds: SimFeed[] = [];
  reports: SimReport[] = [];
  inbound: SimInbound[] = [];
  writes: WriteRecord[] = [];
  confirmations: Array<{ orderId: string; trackingNumber: string; at: string; carrierCode: string; packageReferenceId: string }> = [];
  pendingPatches: PendingPatch[] = [];
  private seq = 0;

  constructor(
    readonly seed: AmazonSection,
    now: number,
  ) {
    for (const l of seed.listings) this.addListing(l, now);
    for (const f of seed.fbaInventory) this.setInventory(f.sku, f, now);
    for (const o of seed.orders) this.addOrder(o, now);
    seed.settlements.forEach((s) => this.addSettlement(s));
    seed.inboundShipments.forEach((s, i) => {
      const created = s.created ? Date.parse(s.created) : now;
      this.inbound.push({
        ...s,
        inboundPlanId: s.inboundPlanId ?? `wf${(i + 1).toString(16).padStart(8, '0')}-5a1e-4c0d-9e55-000000000001`,
        apiShipmentId: s.apiShipmentId ?? `sh${(i + 1).toString(16).padStart(8, '0')}-5a1e-4c0d-9e55-000000000002`,
        created,
        lastUpdated: s.lastUpdated ? Date.parse(s.lastUpdated) : created,
      });
    });
  }

  nextId(): number {
    return ++this.seq;
  }

  addListing(l: AmazonSection['listings'][number], now: number): void {
    const created = l.created ? Date.parse(l.created) : now;
    this.listings.set(l.sku, {
      sku: l.sku,
      channel: l.channel,
      asin: l.asin,
      fnsku: l.fnsku,
      quantity: l.channel === 'FBM' ? l.quantity ?? 0 : 0,
      productType: l.productType,
      title: l.title ?? l.sku,
      price: l.price,
      status: l.status,
      created,
      lastUpdated: created,
    });
  }

  setInventory(sku: string, f: Partial<AmazonSection['fbaInventory'][number]>, now: number): void {
    const prev = this.inventory.get(sku);
    const merged = {
      fulfillable: f.fulfillable ?? prev?.fulfillable ?? 0,
      inboundWorking: f.inboundWorking ?? prev?.inboundWorking ?? 0,
      inboundShipped: f.inboundShipped ?? prev?.inboundShipped ?? 0,
      inboundReceiving: f.inboundReceiving ?? prev?.inboundReceiving ?? 0,
      reserved: f.reserved ?? prev?.reserved ?? 0,
      pendingTransshipment: f.pendingTransshipment ?? prev?.pendingTransshipment ?? 0,
      fcProcessing: f.fcProcessing ?? prev?.fcProcessing ?? 0,
      unfulfillable: f.unfulfillable ?? prev?.unfulfillable ?? 0,
      researching: f.researching ?? prev?.researching ?? 0,
    };
    if (merged.pendingTransshipment + merged.fcProcessing > merged.reserved) {
      throw new Error(`fbaInventory ${sku}: pendingTransshipment + fcProcessing exceed reserved`);
    }
    this.inventory.set(sku, {
      sku,
      ...merged,
      condition: f.condition ?? prev?.condition ?? 'NewItem',
      productName: f.productName ?? prev?.productName,
      lastUpdated: f.lastUpdated ? Date.parse(f.lastUpdated) : now,
    });
  }

  addOrder(o: SeedOrder, now: number): void {
    const created = o.created ? Date.parse(o.created) : now;
    const digits = o.orderId.replace(/\D/g, '');
    this.orders.set(o.orderId, {
      orderId: o.orderId,
      created,
      lastUpdated: o.lastUpdated ? Date.parse(o.lastUpdated) : created,
      status: o.status,
      fulfilledBy: o.fulfilledBy,
      earliestShipDate: o.earliestShipDate,
      latestShipDate: o.latestShipDate,
      serviceLevel: o.serviceLevel,
      items: o.items.map((it, i) => ({
        sku: it.sku,
        quantity: it.quantity,
        orderItemId: it.orderItemId ?? `${digits.slice(-12)}${String(i + 1).padStart(2, '0')}`,
        asin: it.asin ?? this.listings.get(it.sku)?.asin,
        title: it.title ?? this.listings.get(it.sku)?.title,
        price: it.price,
        shipped: o.status === 'SHIPPED' ? it.quantity : 0,
      })),
      packages: [],
    });
  }

  addSettlement(s: SeedSettlement): void {
    const created = Date.parse(s.created);
    const r: SimReport = {
      reportId: s.reportId,
      reportType: s.reportType,
      marketplaceIds: [],
      created,
      startAt: created,
      doneAt: created,
      status: 'DONE',
      settlement: s,
    };
    if (s.dataStartTime) r.dataStartTime = s.dataStartTime;
    if (s.dataEndTime) r.dataEndTime = s.dataEndTime;
    this.reports.push(r);
  }

  /** FBA listings show the FBA fulfillable quantity; FBM listings their DEFAULT quantity. */
  quantityOf(l: SimListing): number {
    return l.channel === 'FBA' ? this.inventory.get(l.sku)?.fulfillable ?? 0 : l.quantity;
  }
}
