// "Undo last stock push": sends back the quantities Amazon had before the last push, through the
// same resumable push path (so an undo can itself be undone), never above what the sync's own
// rules allow each offer today and only to offers a valid SKU Map row manages now.

import { onMarketplace, type SpApiClient } from '../../amazon/client';
import { channelsFromListings } from '../../core/inventory/fba-guard';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import { parkedFbmRows } from '../../core/inventory/parked';
import { bothChannelsOnAmazon, validateSkuMap } from '../../core/inventory/sku-map';
import type { AmazonListing, InventoryRow } from '../../core/inventory/types';
import { judgeUnmanagedOffers } from '../../core/inventory/unmanaged';
import { buildUndoPlan, limitUndo, pushRecordFromRows, undoLimitsFrom, withoutBufferOrMaxQty } from '../../core/inventory/undo';
import { providerName } from '../../threepl/names';
import type { ThreePlAdapter } from '../../threepl/types';
import type { JobContext, JobOutcome } from '../kit/job';
import { readAmazonListings } from '../reads/amazon-listings';
import { readThreePlStock } from '../reads/threepl-stock';
import { inventoryFrom } from './inventory-from';
import { listingsByLookup } from './listing-channels';
import { useReport } from './listings-source';
import { feedInFlight, loadPending } from './push';
import { changesFromRows, finishPush, pushScope, pushSummary, refusedCount, startPush } from './pushing';
import { pooledMarkets, readUnsent } from './unsent';

/** `ctx` carries the checked "3PL locations" (kit/locations-check.ts), as the sync's does. */
export function undo(ctx: JobContext, amazon: SpApiClient, adapter: ThreePlAdapter): JobOutcome {
  const rows = ctx.tabs.inventory.rows();
  const items = pushRecordFromRows(rows);
  if (items.length === 0) return { outcome: 'ok', counts: {}, message: 'There is no stock push to undo: the Inventory tab records none.', resolves: [] };
  const tpl = providerName(ctx.settings.threePlProvider);
  // Units sold and not yet at the 3PL come off what can be offered, as in the sync: unknown, no undo.
  const unsent = readUnsent(ctx, amazon, undefined);
  if (!unsent.complete) {
    const why = unsent.stoppedBy === 'rate' ? "Amazon's rate limit for searchOrders" : 'time limit';
    return { outcome: 'partial', counts: {}, message: `Nothing was undone: Amazon's recent orders were read only in part (${why}), and an undo must not offer again units already sold. Press Undo again in a few minutes.`, resolves: [] };
  }
  const primary = ctx.settings.marketplace;
  const pooled = pooledMarkets(ctx);
  const markets = [...new Set([...items.map((i) => i.marketplace), ...pooled])];
  const skuMapRows = ctx.tabs.skuMap.records();
  const listings = undoListings(ctx, amazon, { items, markets, skuMapRows, tabRows: rows.length });
  const listingsIn = (m: string) => listings.filter((l) => (l.marketplace ?? primary) === m);
  const validated = validateSkuMap(skuMapRows, { defaultMarketplace: primary, marketplaces: ctx.settings.marketplaces, bothChannelsOnAmazon: markets.map((m) => bothChannelsOnAmazon(m, listingsIn(m))) });
  const stock = readThreePlStock(adapter, ctx.now).records;
  const unknownFba = { summaries: [], primary: { via: 'summaries' as const, asOf: 0, unknown: true }, byMarket: new Map() };
  // The sync's own computation, buffer and Max Qty lifted: the most each offer may show today.
  const built = inventoryFrom(ctx, { validated: withoutBufferOrMaxQty(validated), stock: { records: stock, overRuns: false }, unsent, previous: previousFromInventory(rows), fba: unknownFba, listings });
  const current = new Map(listings.filter((l) => l.fbm).map((l) => [`${l.marketplace ?? primary}:${l.sellerSku}`, l.fbmQuantity] as const));
  const plan = buildUndoPlan(items, current);
  const channelsOf = channelsFromListings(listings, primary);
  // An offer Amazon now fulfils as FBA only goes to the push path as asked: its FBA guard refuses it
  // there, High (FBA_CONVERSION_REFUSED), rather than the undo passing over it quietly.
  const limits = undoLimitsFrom(built.rows);
  const rowOf = new Map(rows.map((r) => [r.key, r] as const));
  const isFbaOnly = (sku: string, m: string) => {
    const ch = channelsOf(sku, m);
    return Boolean(ch?.fba && !ch.fbm);
  };
  const fbaOnly = new Set(plan.changes.filter((c) => isFbaOnly(c.sellerSku, c.marketplace)).map((c) => c.key));
  const limited = limitUndo(plan.changes, (key) => (fbaOnly.has(key) ? { max: Infinity, why: '', row: rowOf.get(key)! } : limits(key)));
  const notManaged = limited.leftOut.filter((l) => !l.managed);
  const leftNote = limited.leftOut.length ? ` Left as they are: ${limited.leftOut.map((l) => `${l.sellerSku} (${l.reason})`).join('; ')}.` : '';
  if (limited.capped.length === 0) {
    const skipped = plan.skipped.map((s) => ` ${s.sellerSku}: ${s.reason}`).join('');
    return { outcome: notManaged.length ? 'partial' : 'ok', counts: { skipped: plan.skipped.length + limited.leftOut.length }, message: `Nothing to undo:${skipped}${leftNote}`, resolves: [] };
  }
  const target = new Map(limited.capped.map((c) => [c.change.key, c] as const));
  // Cells people typed over (3PL SKU, Offer %) are not trusted: each offer's come from the SKU Map.
  const builtOf = new Map(built.rows.map((r) => [r.key, r] as const));
  const queued = rows.map((r): InventoryRow => {
    const b = builtOf.get(r.key);
    const fixed = b ? { ...r, threePlSku: b.threePlSku } : r;
    const t = target.get(r.key);
    // A change the last push never got to send (a push cut across runs) is part of what is undone:
    // it must not go out with the undo, at a quantity worked out from yesterday's stock.
    if (!t) return r.pushState === 'queued' ? { ...fixed, pushState: '', reason: `Not sent: the push it belonged to was undone before it went out. ${r.reason}`.trim(), updatedAt: ctx.now } : fixed;
    const c = t.change;
    const reason =
      t.asked === null
        ? `Undo of the last push: back to ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`
        : `Undo of the last push asked for ${t.asked}, but ${tpl} can pick only ${c.toQty} of ${t.limit.row.threePlSku} now for this offer (${t.limit.why}), so ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`;
    return { ...fixed, offerShare: t.limit.row.offerShare, amazonFbmQty: c.fromQty, proposedQty: c.toQty, pushState: 'queued', reason, updatedAt: ctx.now };
  });
  const cappedCount = limited.capped.filter((c) => c.asked !== null).length;
  const run = startPush(ctx, amazon, queued, changesFromRows(queued), 'undo', `undo-${ctx.now}`, channelsOf);
  const summary = pushSummary(run.progress, run.changes, 'Undo:', refusedCount(run));
  finishPush(ctx, run);
  // Whatever still leaves Amazon above what the 3PL can pick once the undo lands is High, as in the sync.
  const oversold = judgeUnmanagedOffers({
    primary,
    pooled: new Set(pooled),
    read: new Set(markets),
    skuMap: validated.rows,
    rows: run.rows,
    queuedInFlight: feedInFlight(loadPending(ctx.ports.store)),
    listings,
    threePlStock: stock,
    locations: ctx.settings.threePlLocations,
    unsentOrders: unsent.lines,
    threePlName: tpl,
  });
  ctx.raise(oversold.raised);
  const note = ctx.settings.pushMode === 'auto' ? ' Push mode is auto: the next sync pushes the computed quantities again unless you switch it to dry-run or approve.' : '';
  const capNote = cappedCount ? ` ${cappedCount} quantit${cappedCount === 1 ? 'y was' : 'ies were'} lowered to what ${tpl} can pick today, less unsent orders and what other offers of the same stock show (see Reason).` : '';
  const overNote = oversold.offers ? ` ${oversold.offers} offer(s) still show more than ${tpl} can pick (see Exceptions, OFFER_UNMANAGED).` : '';
  const done = run.progress.state === 'done';
  return {
    outcome: done && !notManaged.length && !oversold.offers ? 'ok' : 'partial',
    counts: { ...summary.counts, ...(cappedCount ? { capped: cappedCount } : {}), ...(limited.leftOut.length ? { leftOut: limited.leftOut.length } : {}) },
    message: `${summary.message}${capNote}${leftNote}${overNote}${note}`,
    resolves: pushScope(run),
  };
}

/**
 * Amazon's listings the limits need: every listing of the marketplaces, or, in a catalogue read by
 * report, one look per offer undone and per offer the sync does not set (their units count).
 */
function undoListings(
  ctx: JobContext,
  amazon: SpApiClient,
  x: { items: ReadonlyArray<{ marketplace: string; sellerSku: string }>; markets: string[]; skuMapRows: ReturnType<JobContext['tabs']['skuMap']['records']>; tabRows: number },
): AmazonListing[] {
  const primary = ctx.settings.marketplace;
  if (!useReport(ctx.ports.store, x.tabRows)) {
    return x.markets.flatMap((m) => readAmazonListings(onMarketplace(amazon, m)).map((l) => (m === primary ? l : { ...l, marketplace: m })));
  }
  const loose = validateSkuMap(x.skuMapRows, { defaultMarketplace: primary, marketplaces: ctx.settings.marketplaces, bothChannelsOnAmazon: [] });
  const parked = parkedFbmRows(loose.rows, new Set(pooledMarkets(ctx)));
  return listingsByLookup(amazon, [...x.items, ...parked], primary);
}
