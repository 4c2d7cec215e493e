// "Undo last stock push": sends back the quantities Amazon had before the last push, through the
// same resumable push path (so an undo can itself be undone).

import { onMarketplace, type SpApiClient } from '../../amazon/client';
import { aggregateThreePlStock } from '../../core/inventory/stock';
import { buildUndoPlan, capUndoToPickable, pushRecordFromRows } from '../../core/inventory/undo';
import { providerName } from '../../threepl/names';
import { readThreePlStock } from '../reads/threepl-stock';
import type { InventoryRow } from '../../core/inventory/types';
import type { JobContext, JobOutcome } from '../kit/job';
import { readAmazonListings } from '../reads/amazon-listings';
import { useReport } from './listings-source';
import { changesFromRows, finishPush, pushScope, pushSummary, refusedCount, startPush } from './pushing';
import { channelsByLookup } from './listing-channels';
import { channelsFromListings } from '../../core/inventory/fba-guard';

export function undo(ctx: JobContext, amazon: SpApiClient): JobOutcome {
  const rows = ctx.tabs.inventory.rows();
  const items = pushRecordFromRows(rows);
  if (items.length === 0) return { outcome: 'ok', counts: {}, message: 'There is no stock push to undo: the Inventory tab records none.', resolves: [] };
  // A large catalogue is not paged for this: the pushed quantities are taken as current. Each
  // marketplace of the push is read on its own (its marketplaceIds): quantities differ per marketplace.
  const primary = ctx.settings.marketplace;
  const markets = [...new Set(items.map((i) => i.marketplace))];
  const listings = useReport(ctx.ports.store, rows.length)
    ? undefined
    : markets.flatMap((m) => readAmazonListings(onMarketplace(amazon, m)).map((l) => (m === primary ? l : { ...l, marketplace: m })));
  const current = listings && new Map(listings.filter((l) => l.fbm).map((l) => [`${l.marketplace ?? primary}:${l.sellerSku}`, l.fbmQuantity] as const));
  // An offer may have become FBA since the push: a merchant quantity sent back to it would convert
  // it (fba-guard.ts). Channels come from this run's read, or from one look per SKU undone.
  const channelsOf = listings ? channelsFromListings(listings, primary) : channelsByLookup(amazon);
  const plan = buildUndoPlan(items, current);
  if (plan.changes.length === 0) {
    return { outcome: 'ok', counts: { skipped: plan.skipped.length }, message: `Nothing to undo: ${plan.skipped.map((s) => `${s.sellerSku}: ${s.reason}`).join(' ')}`, resolves: [] };
  }
  const capped = capUndoToPickable(plan.changes, pickableNow(ctx, rows));
  const tpl = providerName(ctx.settings.threePlProvider);
  const target = new Map(capped.map((c) => [c.change.key, c] as const));
  const queued = rows.map((r): InventoryRow => {
    const t = target.get(r.key);
    if (!t) return r;
    const c = t.change;
    const reason =
      t.asked === null
        ? `Undo of the last push: back to ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`
        : r.offerShare !== null && r.offerShare < 1
          ? `Undo of the last push asked for ${t.asked}, but this offer's share (${Math.round(r.offerShare * 1000) / 10}%) of what ${tpl} can pick of ${r.threePlSku} now is ${c.toQty}, so ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`
          : `Undo of the last push asked for ${t.asked}, but ${tpl} can pick only ${c.toQty} of ${r.threePlSku || 'this SKU'} now, so ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`;
    return { ...r, amazonFbmQty: c.fromQty, proposedQty: c.toQty, pushState: 'queued', reason, updatedAt: ctx.now };
  });
  const cappedCount = capped.filter((c) => c.asked !== null).length;
  const run = startPush(ctx, amazon, queued, changesFromRows(queued), 'undo', `undo-${ctx.now}`, channelsOf);
  const summary = pushSummary(run.progress, run.changes, 'Undo:', refusedCount(run));
  finishPush(ctx, run);
  const note = ctx.settings.pushMode === 'auto' ? ' Push mode is auto: the next sync pushes the computed quantities again unless you switch it to dry-run or approve.' : '';
  const capNote = cappedCount ? ` ${cappedCount} quantit${cappedCount === 1 ? 'y was' : 'ies were'} lowered to what ${tpl} can pick today (see Reason).` : '';
  return { outcome: run.progress.state === 'done' ? 'ok' : 'partial', counts: { ...summary.counts, ...(cappedCount ? { capped: cappedCount } : {}) }, message: `${summary.message}${capNote}${note}`, resolves: pushScope(run) };
}

/**
 * What the 3PL can pick today per offer key (its 3PL SKU over the chosen locations), times the
 * offer's share of it (Offer %, or its equal share with the other offers of that 3PL SKU, in any
 * marketplace): offers restored each to the whole pool would together promise it several times.
 */
function pickableNow(ctx: JobContext, rows: ReadonlyArray<InventoryRow>): (key: string) => number | undefined {
  const stock = aggregateThreePlStock(readThreePlStock(ctx.threePl(), ctx.now).records, ctx.settings.threePlLocations);
  const byKey = new Map(rows.map((r) => [r.key, r] as const));
  return (key) => {
    const row = byKey.get(key);
    const pickable = row?.threePlSku ? stock.get(row.threePlSku)?.fulfillable : undefined;
    if (pickable === undefined) return undefined;
    const share = row?.offerShare ?? 1;
    // 0.29 × 100 is 28.999… in binary and must still floor to 29 (as proposal.ts does).
    return share >= 1 ? pickable : Math.floor(pickable * share + 1e-9);
  };
}
