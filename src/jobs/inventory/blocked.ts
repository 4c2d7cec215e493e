// While Amazon cannot be read (its listings: every read failing, a report Amazon has not made; or the
// push it was sent: getFeed not answering) the stock sync pushes nothing, yet the 3PL stock may have
// fallen below what Amazon still offers. Waiting for STOCK_SYNC_TIMEOUT would leave that oversell unsaid
// for hours: this judges each offer the sync sets on what Amazon showed when last read, less the units
// ordered since (a sale lowers Amazon and the 3PL alike, so it never raises a problem), and names those
// above the 3PL as High OFFER_UNMANAGED.

import type { RaisedException } from '../../core/exceptions';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import { validateSkuMap } from '../../core/inventory/sku-map';
import type { AmazonListing, InventoryRow, RawRow } from '../../core/inventory/types';
import { findUnmanagedOffers } from '../../core/inventory/unmanaged';
import { providerName } from '../../threepl/names';
import type { JobContext } from '../kit/job';
import { inventoryFrom, type InventoryInputs } from './inventory-from';
import { K, num } from './state';
import { pooledMarkets, readUnsent, type UnsentRead } from './unsent';
import type { SpApiClient } from '../../amazon/client';
import { withCheckedLocations } from '../kit/locations-check';
import { readStock } from './systems-read';

/** Records when the listings the Inventory tab's Amazon quantities come from were true (the earliest marketplace's). */
export function noteAmazonSeen(ctx: JobContext, asOfs: number[]): void {
  if (asOfs.length) ctx.ports.store.set(K.amazonSeenAt, String(Math.min(...asOfs)));
}

/**
 * What Amazon may still show of an offer: its last pushed quantity once Amazon took it. One queued:
 * the quantity on its way when Amazon has taken the feed carrying it (`queuedLands`), else the higher
 * of that and the quantity last read (a patch without an answer may or may not have landed).
 */
function lastShown(row: InventoryRow, queuedLands: boolean): number | null {
  if ((row.pushState === 'accepted' || row.pushState === 'applied') && row.lastPushedQty !== null) return row.lastPushedQty;
  if (row.pushState === 'queued' && row.proposedQty !== null) return queuedLands ? row.proposedQty : Math.max(row.amazonFbmQty ?? 0, row.proposedQty);
  return row.amazonFbmQty;
}

export function unmanagedWhileUnread(
  ctx: JobContext,
  /** `why`: what could not be read and why, as a clause ("Amazon's listings could not be read (…)"). */
  x: { skuMapRows: ReadonlyArray<RawRow>; tabBefore: ReadonlyArray<InventoryRow>; stock: InventoryInputs['stock']; unsent: UnsentRead; why: string; queuedLands?: boolean },
): RaisedException[] {
  const seenAt = num(ctx.ports.store.get(K.amazonSeenAt));
  if (seenAt === null || x.tabBefore.length === 0) return [];
  const { settings } = ctx;
  const primary = settings.marketplace;
  // Without the listings nothing says which SKUs Amazon lists both ways: such rows are held, and left out.
  const validated = validateSkuMap(x.skuMapRows, { defaultMarketplace: primary, marketplaces: settings.marketplaces, bothChannelsOnAmazon: [] });
  const fba = { summaries: [], primary: { via: 'summaries' as const, asOf: 0, unknown: true }, byMarket: new Map() };
  const built = inventoryFrom(ctx, { validated, stock: x.stock, unsent: x.unsent, previous: previousFromInventory(x.tabBefore), fba });
  const before = new Map(x.tabBefore.map((r) => [r.key, r] as const));
  // Amazon takes the units off the quantity when an order is placed: every marketplace, one quantity per SKU.
  const orderedSince = new Map<string, number>();
  for (const l of x.unsent.ordered) if (l.createdAt > seenAt) orderedSince.set(l.sellerSku, (orderedSince.get(l.sellerSku) ?? 0) + l.quantity);
  const listings: AmazonListing[] = [];
  for (const r of built.rows) {
    const was = r.channel === 'FBM' && r.proposedQty !== null ? before.get(r.key) : undefined;
    const shown = was ? lastShown(was, x.queuedLands === true) : null;
    if (shown === null) continue;
    const qty = Math.max(0, shown - (orderedSince.get(r.sellerSku) ?? 0));
    listings.push({ sellerSku: r.sellerSku, fbm: true, fba: false, fbmQuantity: qty, ...(r.marketplace === primary ? {} : { marketplace: r.marketplace }) });
  }
  const pooled = new Set(pooledMarkets(ctx));
  return findUnmanagedOffers({
    primary,
    pooled,
    read: pooled,
    skuMap: validated.rows,
    // Judged on the estimate above, whatever the last push did; offers without one (the sync does not set
    // them) are not judged here: their problems, raised by the last full run, stay open meanwhile.
    rows: built.rows.map((r) => (r.channel === 'FBM' && r.proposedQty !== null ? { ...r, pushState: 'queued' as const } : r)),
    queuedInFlight: false,
    listings,
    threePlStock: x.stock.records,
    locations: settings.threePlLocations,
    unsentOrders: x.unsent.lines,
    threePlName: providerName(settings.threePlProvider),
    unread: x.why,
  });
}

/**
 * A push Amazon does not answer for, or has not finished for long, holds every later quantity back:
 * what the 3PL can pick now is read anyway, so an offer Amazon may still show above it is a High in
 * this run. `why` says, as a clause, what holds the push. Best effort: whatever stops this read, the
 * run ends as it would have (its own error, or its wait).
 */
export function judgeWhileUnfollowed(ctx: JobContext, amazon: SpApiClient, why: string, queuedLands: boolean): void {
  try {
    const adapter = ctx.threePl();
    const checked = withCheckedLocations(ctx, adapter, 'inventory');
    const stock = readStock(checked, adapter);
    // A read spread over several runs is the computation's to carry on, not this check's.
    if ('waiting' in stock || stock.atStart !== null) return;
    const unsent = readUnsent(checked, amazon, undefined);
    if (!unsent.complete) return;
    ctx.raise(unmanagedWhileUnread(checked, { skuMapRows: ctx.tabs.skuMap.records(), tabBefore: ctx.tabs.inventory.rows(), stock: { ...stock, overRuns: false }, unsent, why, queuedLands }));
  } catch {
    // Nothing to add: the run ends as it would have, with the push's error or its wait.
  }
}
