// The simulated seller account: listings, FBA stock, orders, feeds, reports and inbound
// shipments, plus the record of every quantity write and shipment confirmation (world.json).

import { resolveMarketplace, type Marketplace } from '../../../src/amazon/hosts';
import { generatedRecipient, resolveBuyer, type SimBuyer } from './order-people';
import { PAN_EU_CODES, seedChannels, sellerMarketplaces, type AmazonSection, type CancelReason, type SeedInboundShipment, type SeedOrder, type SeedRecipient, type SeedSettlement } from './scenario';

/**
 * Merchant order statuses whose units Amazon has taken off the listing: from PENDING (payment not
 * yet authorised, Seller Central help G40571) until shipped. PENDING_AVAILABILITY (pre-orders) is
 * not modelled: Amazon does not say whether a pre-order reserves seller-fulfilled quantity.
 */
const RESERVING_STATUSES: ReadonlySet<string> = new Set(['PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED']);

export interface SimListing {
  sku: string;
  /** The marketplace the listing is in (scenario extension `listings[].marketplace`). */
  marketplaceId: string;
  /**
   * The listing's fulfillment_availability entries: `fbm` = a DEFAULT (merchant) entry, `fba` = the
   * region's AMAZON_* entry. One listing may have both ("Multiple Fulfillment Channels with Default
   * MFN and FBA", https://developer-docs.amazon.com/sp-api/docs/manage-advanced-multiple-offer-multiple-fulfillment-use-cases).
   */
  fbm: boolean;
  fba: boolean;
  asin: string;
  fnsku: string | undefined;
  /** The UPC/EAN/ISBN the listing was matched by (scenario extension `productId`). */
  productId?: { type: 'ISBN' | 'UPC' | 'EAN'; value: string };
  /**
   * The DEFAULT (FBM) quantity; the FBA entry's quantity is fbaInventory's fulfillable. Shared by
   * every listing of the SKU (SimState.fbmPool): writing it in one marketplace writes it in all.
   */
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
  /**
   * Units Amazon took off the listing's DEFAULT quantity for this item and has not shipped or put
   * back (see SimState.placeOrder); a seeded order's are already out of the seeded quantity.
   */
  reserved: number;
}

export interface SimPackage {
  packageReferenceId: string;
  carrierCode: string;
  carrierName: string | undefined;
  shippingMethod: string | undefined;
  trackingNumber: string;
  shipDate: string;
  /** When confirmShipment created it (OrderPackage.createdTime). */
  created: number;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export interface SimOrder {
  orderId: string;
  /** Where it was placed (salesChannel.marketplaceId): the seed's `marketplace` unless the order names another. */
  marketplaceId: string;
  created: number;
  lastUpdated: number;
  status: SeedOrder['status'];
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  earliestShipDate: string | undefined;
  latestShipDate: string | undefined;
  earliestDeliveryDate: string | undefined;
  latestDeliveryDate: string | undefined;
  serviceLevel: string;
  /** The seeded delivery address, or one generated from the order id (order-people.ts). */
  recipient: SeedRecipient;
  buyer: SimBuyer;
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
  /** The marketplace's code, only for a write outside the seller's main marketplace (world.json stays as it was for one marketplace). */
  marketplace?: string;
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
  /** createReport's reportOptions (e.g. preferredReportDocumentLocale). */
  reportOptions?: Record<string, string>;
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
  /** Listings by marketplace ID, then SKU. */
  readonly listingsByMarketplace = new Map<string, Map<string, SimListing>>();
  /** FBA stock by marketplace ID, then SKU; with Pan-EU the Pan-EU marketplaces share one map (the pool). */
  readonly inventoryByMarketplace = new Map<string, Map<string, SimInventory>>();
  /** The main marketplace's listings (the only ones before several marketplaces). */
  readonly listings: Map<string, SimListing>;
  /** The main marketplace's FBA stock. */
  readonly inventory: Map<string, SimInventory>;
  /**
   * The FBM (DEFAULT) quantity per seller SKU, whatever marketplace it is listed in: "inventory data
   * (MFN quantity, lead time, restock date, etc.) is 'marketplace agnostic' and applied to the seller
   * + sku without taking into account the marketplace" (Amazon, amzn/selling-partner-api-docs#3167);
   * "If you have a unified SKU across EU marketplaces, inventory quantity is shared. That means
   * updating quantity in one marketplace affects all EU marketplaces with that SKU" (Amazon,
   * amzn/selling-partner-api-models#4356); North America: "if your item sells in one marketplace, or
   * if you manually update the item's quantity in one marketplace, listings for the item in all North
   * America marketplaces will reflect the new quantity" (Seller Central help 200663530).
   */
  readonly fbmPool = new Map<string, number>();
  readonly mainMarketplace: Marketplace;
  /** The seller's marketplaces, main first. */
  readonly marketplaces: Marketplace[];
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
    this.marketplaces = sellerMarketplaces(seed);
    this.mainMarketplace = this.marketplaces[0]!;
    this.listings = this.listingsIn(this.mainMarketplace.id);
    this.inventory = this.inventoryIn(this.mainMarketplace.id);
    for (const l of seed.listings) this.addListing(l, now);
    for (const f of seed.fbaInventory) this.setInventory(f.sku, f, now, this.seedMarketplaceId(f.marketplace));
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

  /** The marketplace ID a seed entry or world action names (validated by the scenario schema), or the main one. */
  seedMarketplaceId(typed: string | undefined): string {
    return typed === undefined ? this.mainMarketplace.id : resolveMarketplace(typed).id;
  }

  /** A marketplace's listings by SKU (empty for a marketplace with none). */
  listingsIn(marketplaceId: string): Map<string, SimListing> {
    let m = this.listingsByMarketplace.get(marketplaceId);
    if (!m) this.listingsByMarketplace.set(marketplaceId, (m = new Map()));
    return m;
  }

  /** A marketplace's FBA stock by SKU: the Pan-EU pool for a Pan-EU marketplace of an enrolled seller. */
  inventoryIn(marketplaceId: string): Map<string, SimInventory> {
    const code = this.marketplaces.find((m) => m.id === marketplaceId)?.code;
    const key = this.seed.panEu && code !== undefined && PAN_EU_CODES.has(code) ? 'PAN_EU' : marketplaceId;
    let m = this.inventoryByMarketplace.get(key);
    if (!m) this.inventoryByMarketplace.set(key, (m = new Map()));
    return m;
  }

  /** Every listing, the main marketplace's first, then the others in the order the seller has them. */
  allListings(): SimListing[] {
    return this.marketplaces.flatMap((m) => [...(this.listingsByMarketplace.get(m.id)?.values() ?? [])]);
  }

  /**
   * The listing an order line takes its units from: the SKU in the order's marketplace, else (a
   * scenario written before listings had marketplaces) in the main one. The FBM quantity is the
   * SKU's either way (fbmPool).
   */
  orderListing(marketplaceId: string, sku: string): SimListing | undefined {
    return this.listingsIn(marketplaceId).get(sku) ?? this.listings.get(sku);
  }

  /** World.json's extra field: the marketplace's code, only outside the main marketplace. */
  marketplaceField(marketplaceId: string): { marketplace?: string } {
    if (marketplaceId === this.mainMarketplace.id) return {};
    return { marketplace: this.marketplaces.find((m) => m.id === marketplaceId)?.code ?? marketplaceId };
  }

  addListing(l: AmazonSection['listings'][number], now: number): void {
    const created = l.created ? Date.parse(l.created) : now;
    const { fbm, fba } = seedChannels(l);
    const marketplaceId = this.seedMarketplaceId(l.marketplace);
    // A seeded FBM quantity sets the SKU's one quantity; a listing without one joins it (0 when new).
    if (fbm && (l.quantity !== undefined || !this.fbmPool.has(l.sku))) this.fbmPool.set(l.sku, l.quantity ?? 0);
    const pool = this.fbmPool;
    const sku = l.sku;
    this.listingsIn(marketplaceId).set(l.sku, {
      sku: l.sku,
      marketplaceId,
      fbm,
      fba,
      asin: l.asin,
      fnsku: l.fnsku,
      ...(l.productId ? { productId: l.productId } : {}),
      get quantity(): number {
        return this.fbm ? pool.get(sku) ?? 0 : 0;
      },
      set quantity(q: number) {
        pool.set(sku, q);
      },
      productType: l.productType,
      title: l.title ?? l.sku,
      price: l.price,
      status: l.status,
      created,
      lastUpdated: created,
    });
  }

  setInventory(sku: string, f: Partial<AmazonSection['fbaInventory'][number]>, now: number, marketplaceId = this.mainMarketplace.id): void {
    const stock = this.inventoryIn(marketplaceId);
    const prev = stock.get(sku);
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
    stock.set(sku, {
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
    const recipient = o.recipient ?? generatedRecipient(o.orderId);
    const placedIn = resolveMarketplace(o.marketplace ?? this.seed.marketplace);
    this.orders.set(o.orderId, {
      orderId: o.orderId,
      marketplaceId: placedIn.id,
      created,
      lastUpdated: o.lastUpdated ? Date.parse(o.lastUpdated) : created,
      status: o.status,
      fulfilledBy: o.fulfilledBy,
      earliestShipDate: o.earliestShipDate,
      latestShipDate: o.latestShipDate,
      earliestDeliveryDate: o.earliestDeliveryDate,
      latestDeliveryDate: o.latestDeliveryDate,
      serviceLevel: o.serviceLevel,
      recipient,
      buyer: resolveBuyer(o, recipient, placedIn.domain),
      items: o.items.map((it, i) => ({
        sku: it.sku,
        quantity: it.quantity,
        orderItemId: it.orderItemId ?? `${digits.slice(-12)}${String(i + 1).padStart(2, '0')}`,
        asin: it.asin ?? this.orderListing(placedIn.id, it.sku)?.asin,
        title: it.title ?? this.orderListing(placedIn.id, it.sku)?.title,
        // What the buyer paid is the offer's price when the scenario does not say otherwise.
        price: it.price ?? this.orderListing(placedIn.id, it.sku)?.price,
        shipped: o.status === 'SHIPPED' ? it.quantity : 0,
        reserved: o.fulfilledBy === 'MERCHANT' && RESERVING_STATUSES.has(o.status) ? it.quantity : 0,
      })),
      packages: [],
    });
  }

  /**
   * A merchant order placed during the run (world action newOrder): Amazon takes the ordered units
   * off the listing's DEFAULT quantity at once, not below 0. "Amazon systems automatically decreases
   * inventory counts when an order is placed" (Amazon Seller Support blog, "Preventing Stock-outs",
   * http://www.amazonsellersupportblog.com/2010/06/-preventing-stockouts.html), and already while
   * the order is PENDING: "The quantity available for the listing is subtracted from your quantity
   * in Manage Inventory" (Seller Central help G40571, "Pending orders",
   * https://sellercentral.amazon.com/gp/help/external/G40571). Orders in the scenario's seed are
   * added with addOrder only: the seeded quantity is what Amazon shows after them.
   */
  placeOrder(o: SeedOrder, now: number): void {
    this.addOrder(o, now);
    const order = this.orders.get(o.orderId)!;
    for (const it of order.items) {
      // The listing where the order was placed; its FBM quantity is the SKU's in every marketplace (fbmPool).
      const l = this.orderListing(order.marketplaceId, it.sku);
      // Amazon never shows a negative quantity and a buyer cannot order more than is offered, so a
      // scenario's larger order only empties the listing.
      const taken = order.fulfilledBy === 'MERCHANT' && RESERVING_STATUSES.has(order.status) && l?.fbm ? Math.min(it.quantity - it.shipped, l.quantity) : 0;
      if (l && taken > 0) l.quantity -= taken;
      it.reserved = taken;
    }
  }

  /**
   * Cancels an unshipped order. Amazon puts the units it took back on the listing unless the
   * seller cancelled for "No Inventory": "selecting 'Buyer Cancelled' as a reason code will
   * automatically restore the inventory [...] selecting 'No Inventory' as a reason code will prevent
   * the inventory count from being restored" (Amazon Seller Support blog, "Reason for cancellation",
   * http://www.amazonsellersupportblog.com/2011/03/reason-for-cancellation-inside-cancelling-an-order.html).
   */
  cancelOrder(o: SimOrder, reason: CancelReason, now: number): void {
    for (const it of o.items) {
      const l = this.orderListing(o.marketplaceId, it.sku);
      // Shipped units are gone; only those still held for the buyer come back.
      const back = Math.max(0, Math.min(it.reserved, it.quantity - it.shipped));
      if (reason !== 'NoInventory' && l?.fbm) l.quantity += back;
      it.reserved = 0;
    }
    o.status = 'CANCELLED';
    o.lastUpdated = now;
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
      status: s.processingStatus,
      settlement: s,
    };
    if (s.dataStartTime) r.dataStartTime = s.dataStartTime;
    if (s.dataEndTime) r.dataEndTime = s.dataEndTime;
    this.reports.push(r);
  }

  /** The FBA entry's quantity: the FBA fulfillable units (the DEFAULT entry's is `l.quantity`). */
  fbaQuantity(l: SimListing): number {
    return this.inventoryIn(l.marketplaceId).get(l.sku)?.fulfillable ?? 0;
  }

  /**
   * One entry per channel of each listing, DEFAULT first: what fulfillmentAvailability, the
   * merchant listings report and world.json show.
   */
  channelEntries(l: SimListing): Array<{ channel: 'FBM' | 'FBA'; quantity: number }> {
    const out: Array<{ channel: 'FBM' | 'FBA'; quantity: number }> = [];
    if (l.fbm) out.push({ channel: 'FBM', quantity: l.quantity });
    if (l.fba) out.push({ channel: 'FBA', quantity: this.fbaQuantity(l) });
    return out;
  }

  /**
   * SKUs with FBA stock: listings with an FBA entry, and SKUs whose FBA offer was converted to
   * merchant-fulfilled, whose units still sit in Amazon's fulfilment centres, stranded (Amazon's
   * changelog "Clarification on how to use the Inventory feed type Quantity attribute",
   * https://developer-docs.amazon.com/sp-api/changelog/clarification-on-how-to-use-the-inventory-feed-type-quantity-attribute).
   */
  fbaSkus(marketplaceId = this.mainMarketplace.id): string[] {
    const stock = this.inventoryIn(marketplaceId);
    return [...this.listingsIn(marketplaceId).values()].filter((l) => l.fba || stock.has(l.sku)).map((l) => l.sku);
  }
}
