// "Undo last stock push": sends back the quantities Amazon had before the last push, through the
// same resumable push path (so an undo can itself be undone).

import type { SpApiClient } from '../../amazon/client';
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
  // A large catalogue is not paged for this: the pushed quantities are taken as current.
  const listings = useReport(ctx.ports.store, rows.length) ? undefined : readAmazonListings(amazon);
  const current = listings && new Map(listings.filter((l) => l.fbm).map((l) => [l.sellerSku, l.fbmQuantity] as const));
  // An offer may have become FBA since the push: a merchant quantity sent back to it would convert
  // it (fba-guard.ts). Channels come from this run's read, or from one look per SKU undone.
  const channelsOf = listings ? channelsFromListings(listings) : channelsByLookup(amazon);
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

/** What the 3PL can pick today per offer key (its 3PL SKU over the chosen locations). */
function pickableNow(ctx: JobContext, rows: ReadonlyArray<InventoryRow>): (key: string) => number | undefined {
  const stock = aggregateThreePlStock(readThreePlStock(ctx.threePl(), ctx.now).records, ctx.settings.threePlLocations);
  const skuOf = new Map(rows.map((r) => [r.key, r.threePlSku] as const));
  return (key) => {
    const sku = skuOf.get(key);
    return sku ? stock.get(sku)?.fulfillable : undefined;
  };
}
