// "Undo last stock push": sends back the quantities Amazon had before the last push, through the
// same resumable push path (so an undo can itself be undone).

import type { SpApiClient } from '../../amazon/client';
import { buildUndoPlan, pushRecordFromRows } from '../../core/inventory/undo';
import type { InventoryRow } from '../../core/inventory/types';
import type { JobContext, JobOutcome } from '../kit/job';
import { readAmazonListings } from '../reads/amazon-listings';
import { useReport } from './listings-source';
import { changesFromRows, finishPush, pushScope, pushSummary, startPush } from './pushing';

export function undo(ctx: JobContext, amazon: SpApiClient): JobOutcome {
  const rows = ctx.tabs.inventory.rows();
  const items = pushRecordFromRows(rows);
  if (items.length === 0) return { outcome: 'ok', counts: {}, message: 'There is no stock push to undo: the Inventory tab records none.', resolves: [] };
  // A large catalogue is not paged for this: the pushed quantities are taken as current.
  const current = useReport(ctx.ports.store, rows.length)
    ? undefined
    : new Map(readAmazonListings(amazon).filter((l) => l.fbm).map((l) => [l.sellerSku, l.fbmQuantity] as const));
  const plan = buildUndoPlan(items, current);
  if (plan.changes.length === 0) {
    return { outcome: 'ok', counts: { skipped: plan.skipped.length }, message: `Nothing to undo: ${plan.skipped.map((s) => `${s.sellerSku}: ${s.reason}`).join(' ')}`, resolves: [] };
  }
  const target = new Map(plan.changes.map((c) => [c.key, c] as const));
  const queued = rows.map((r): InventoryRow => {
    const c = target.get(r.key);
    if (!c) return r;
    return { ...r, amazonFbmQty: c.fromQty, proposedQty: c.toQty, pushState: 'queued', reason: `Undo of the last push: back to ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`, updatedAt: ctx.now };
  });
  const run = startPush(ctx, amazon, queued, changesFromRows(queued), 'undo', `undo-${ctx.now}`);
  const summary = pushSummary(run.progress, run.changes, 'Undo:');
  finishPush(ctx, run);
  const note = ctx.settings.pushMode === 'auto' ? ' Push mode is auto: the next sync pushes the computed quantities again unless you switch it to dry-run or approve.' : '';
  return { outcome: run.progress.state === 'done' ? 'ok' : 'partial', counts: summary.counts, message: `${summary.message}${note}`, resolves: pushScope(run) };
}
