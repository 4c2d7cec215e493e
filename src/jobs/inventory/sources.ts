// Reads what the stock sync needs from the two systems and reduces it to the pure core's shapes:
// 3PL stock per SKU and location, units in Amazon orders the 3PL has not received yet, every
// Amazon listing with its channels, and FBA summaries for the FBA rows.

import type { SpApiClient } from '../../amazon/client';
import type { ListingChannels } from '../../amazon/listings';
import { FBM_CHANNEL } from '../../amazon/listings';
import type { InventorySummary } from '../../amazon/schemas/inventory';
import type { ThreePlAdapter } from '../../threepl/types';
import type { AmazonListing, FbaSummary, ThreePlStockRecord, UnsentOrderLine } from '../../core/inventory/types';

export interface ThreePlStockRead {
  records: ThreePlStockRecord[];
  /** Earliest `asOf` of the lines (ms); null when the 3PL gave none. */
  snapshotAt: number | null;
}

export function readThreePlStock(adapter: ThreePlAdapter, now: number): ThreePlStockRead {
  const lines = adapter.getStock();
  let snapshotAt: number | null = null;
  const records: ThreePlStockRecord[] = [];
  for (const l of lines) {
    if (l.unknown) continue;
    records.push({ sku: l.sku, locationId: l.warehouseId, onHand: l.onHand, committed: l.allocated, fulfillable: l.available, inbound: l.inbound });
    const t = Date.parse(l.asOf);
    if (Number.isFinite(t)) snapshotAt = snapshotAt === null ? t : Math.min(snapshotAt, t);
  }
  return { records, snapshotAt: lines.length === 0 ? now : snapshotAt };
}

/** How far back unshipped merchant orders are looked for: Amazon's ship-by windows are days, not months. */
const UNSHIPPED_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/**
 * Units in Amazon's unshipped merchant orders whose order id the 3PL does not hold yet: Amazon
 * has already taken them off the listing, the 3PL has not yet committed them.
 */
export function readUnsentOrders(amazon: SpApiClient, adapter: ThreePlAdapter, now: number): { lines: UnsentOrderLine[]; orders: number } {
  const open: Array<{ id: string; created: number; items: UnsentOrderLine[] }> = [];
  let token: string | undefined;
  do {
    const page = amazon.searchOrders({
      lastUpdatedAfter: new Date(now - UNSHIPPED_LOOKBACK_MS).toISOString(),
      fulfilledBy: ['MERCHANT'],
      statuses: ['UNSHIPPED', 'PARTIALLY_SHIPPED'],
      ...(token ? { paginationToken: token } : {}),
    });
    for (const o of page.orders) {
      const items: UnsentOrderLine[] = [];
      for (const it of o.orderItems) {
        const sku = it.product?.sellerSku;
        const qty = it.fulfillment?.quantityUnfulfilled ?? it.quantityOrdered - (it.fulfillment?.quantityFulfilled ?? 0);
        if (sku && qty > 0) items.push({ sellerSku: sku, quantity: qty });
      }
      if (items.length) open.push({ id: o.orderId, created: Date.parse(o.createdTime), items });
    }
    token = page.pagination?.nextToken;
  } while (token);
  if (open.length === 0) return { lines: [], orders: 0 };

  const since = Math.min(...open.map((o) => (Number.isFinite(o.created) ? o.created : now))) - 24 * 3600 * 1000;
  const atThreePl = new Set<string>();
  let cursor: string | null = new Date(since).toISOString();
  for (;;) {
    const page = adapter.listOrdersChangedSince(cursor);
    for (const o of page.orders) if (o.status !== 'cancelled') atThreePl.add(o.primaryReference);
    if (page.complete) break;
    cursor = page.nextCursor;
  }
  const unsent = open.filter((o) => !atThreePl.has(o.id));
  return { lines: unsent.flatMap((o) => o.items), orders: unsent.length };
}

export function toAmazonListing(l: ListingChannels): AmazonListing {
  const fbm = l.channels.find((c) => c.code === FBM_CHANNEL);
  return {
    sellerSku: l.sku,
    fbm: Boolean(fbm),
    fba: l.channels.some((c) => c.code !== FBM_CHANNEL),
    fbmQuantity: fbm?.quantity ?? null,
  };
}

/** Every listing of the marketplace, by search pages (never one call per SKU). */
export function readAmazonListings(amazon: SpApiClient): AmazonListing[] {
  return amazon.listAllListings().map(toAmazonListing);
}

const num = (v: number | undefined): number => v ?? 0;

export function toFbaSummary(s: InventorySummary): FbaSummary | null {
  if (!s.sellerSku) return null;
  const d = s.inventoryDetails;
  return {
    sellerSku: s.sellerSku,
    fulfillable: num(d?.fulfillableQuantity),
    inboundWorking: num(d?.inboundWorkingQuantity),
    inboundShipped: num(d?.inboundShippedQuantity),
    inboundReceiving: num(d?.inboundReceivingQuantity),
    reserved: num(d?.reservedQuantity?.totalReservedQuantity),
    unfulfillable: num(d?.unfulfillableQuantity?.totalUnfulfillableQuantity),
    researching: num(d?.researchingQuantity?.totalResearchingQuantity),
    total: num(s.totalQuantity),
  };
}

/** FBA summaries for the mapped FBA SKUs, 50 SKUs a call (getInventorySummaries' limit). */
export function readFbaSummaries(amazon: SpApiClient, skus: string[]): FbaSummary[] {
  if (skus.length === 0) return [];
  return amazon
    .getInventoryForSkus(skus)
    .map(toFbaSummary)
    .filter((s): s is FbaSummary => s !== null);
}
