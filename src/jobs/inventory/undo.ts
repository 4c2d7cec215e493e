// "Undo last stock push": sends back the quantities Amazon had before the last push, through the
// same resumable push path (so an undo can itself be undone).

import type { SpApiClient } from '../../amazon/client';
import { buildUndoPlan, pushRecordFromRows } from '../../core/inventory/undo';
import type { InventoryRow } from '../../core/inventory/types';
import type { JobOutcome } from '../runner';
import { readAmazonListings } from './sources';
import { useReport } from './listings-source';
import { pushSummary, rejectedScope, startPush } from './pushing';
import { writeExceptions, writeInventory } from './sheet';
import type { Ctx } from './state';

export function undo(ctx: Ctx, amazon: SpApiClient): JobOutcome {
  const rows = ctx.sheet.previousRows;
  const items = pushRecordFromRows(rows);
  if (items.length === 0) return { outcome: 'ok', counts: {}, message: 'There is no stock push to undo: the Inventory tab records none.' };
  // A large catalogue is not paged for this: the pushed quantities are taken as current.
  const current = useReport(ctx.ports.store, rows.length)
    ? undefined
    : new Map(readAmazonListings(amazon).filter((l) => l.fbm).map((l) => [l.sellerSku, l.fbmQuantity] as const));
  const plan = buildUndoPlan(items, current);
  if (plan.changes.length === 0) {
    return { outcome: 'ok', counts: { skipped: plan.skipped.length }, message: `Nothing to undo: ${plan.skipped.map((s) => `${s.sellerSku}: ${s.reason}`).join(' ')}` };
  }
  const target = new Map(plan.changes.map((c) => [c.key, c] as const));
  const queued = rows.map((r): InventoryRow => {
    const c = target.get(r.key);
    if (!c) return r;
    return { ...r, amazonFbmQty: c.fromQty, proposedQty: c.toQty, pushState: 'queued', reason: `Undo of the last push: back to ${c.toQty} (was ${c.fromQty ?? 'unknown'}).`, updatedAt: ctx.now };
  });
  const r = startPush(ctx, amazon, queued, 'undo', `undo-${ctx.now}`);
  const summary = pushSummary(r.progress, r.changes, 'Undo:');
  if (r.progress.state === 'done') {
    writeInventory(ctx.ports.workbook, ctx.sheet, r.rows);
    writeExceptions(ctx.ports.workbook, ctx.sheet, r.raised, ctx.now, rejectedScope(r.changes));
  }
  const note = ctx.settings.pushMode === 'auto' ? ' Push mode is auto: the next sync pushes the computed quantities again unless you switch it to dry-run or approve.' : '';
  return { outcome: r.progress.state === 'done' ? 'ok' : 'partial', counts: summary.counts, message: `${summary.message}${note}` };
}

