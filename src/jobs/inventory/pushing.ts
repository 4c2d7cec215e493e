// Driving a push through its steps and recording Amazon's answers on the Inventory rows: start it
// (queued rows written first, as its durable record), continue it on a later run, or settle a push
// that was cut before its quantities reached Amazon.

import type { SpApiClient } from '../../amazon/client';
import { exceptionKey } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { planFingerprint, recordPushResults } from '../../core/inventory/diff';
import type { InventoryRow, PushChange } from '../../core/inventory/types';
import type { JobOutcome } from '../runner';
import { MAX_PATCHES, clearPending, resultsFrom, runFeed, runPatches, savePending } from './push';
import type { PendingPush, PushProgress } from './push';
import { writeExceptions, writeInventory } from './sheet';
import { K } from './state';
import type { Ctx } from './state';

export function changesFromRows(rows: ReadonlyArray<InventoryRow>): PushChange[] {
  return rows
    .filter((r) => r.channel === 'FBM' && r.pushState === 'queued' && r.proposedQty !== null)
    .map((r) => ({ key: r.key, marketplace: r.marketplace, sellerSku: r.sellerSku, fromQty: r.amazonFbmQty ?? r.lastPushedQty, toQty: r.proposedQty! }));
}

/** Runs the push recorded in `pending` as far as time allows and records the answers on the rows. */
function drivePush(ctx: Ctx, amazon: SpApiClient, pending: PendingPush, rows: InventoryRow[]): { progress: PushProgress; rows: InventoryRow[]; raised: RaisedException[]; changes: PushChange[] } {
  const { store } = ctx.ports;
  const changes = changesFromRows(rows);
  if (changes.length === 0) {
    clearPending(store);
    return { progress: { state: 'done', results: [] }, rows, raised: [], changes };
  }
  const progress =
    pending.method === 'patch'
      ? runPatches(amazon, store, pending, changes, ctx.deadline)
      : runFeed(amazon, store, pending, changes, new Date(pending.startedAt - 60_000).toISOString());
  if (progress.state !== 'done') return { progress, rows, raised: [], changes };
  const recorded = recordPushResults(rows, changes, progress.results);
  clearPending(store);
  store.set(K.lastPushAt, String(ctx.ports.clock.now()));
  return { progress, rows: recorded.rows, raised: recorded.exceptions, changes };
}

export function pushSummary(progress: PushProgress, changes: PushChange[], kind: string): { message: string; counts: Record<string, number> } {
  if (progress.state !== 'done') return { message: progress.message, counts: { queued: changes.length } };
  const rejected = progress.results.filter((r) => r.outcome === 'rejected').length;
  return {
    message: `${kind} ${changes.length - rejected} FBM quantit${changes.length - rejected === 1 ? 'y' : 'ies'} accepted by Amazon${rejected ? `, ${rejected} rejected (see Exceptions)` : ''}.`,
    counts: { pushed: changes.length - rejected, rejected },
  };
}

/** Scope for resolving STOCK_PUSH_REJECTED after a push: only the offers that push addressed. */
export function rejectedScope(changes: PushChange[]) {
  const keys = new Set(changes.map((c) => exceptionKey('STOCK_PUSH_REJECTED', c.marketplace, c.sellerSku)));
  return (row: { key: string }) => keys.has(row.key);
}

export function continuePending(ctx: Ctx, amazon: SpApiClient, pending: PendingPush): JobOutcome {
  const rows = ctx.sheet.previousRows;
  const r = drivePush(ctx, amazon, pending, rows);
  const label = pending.kind === 'undo' ? 'Undo:' : 'Push:';
  const summary = pushSummary(r.progress, r.changes, label);
  if (r.progress.state === 'done') {
    writeInventory(ctx.ports.workbook, ctx.sheet, r.rows);
    writeExceptions(ctx.ports.workbook, ctx.sheet, r.raised, ctx.now, rejectedScope(r.changes));
    return { outcome: 'ok', counts: summary.counts, message: `${summary.message} Amazon's quantities are read back on the next run.` };
  }
  return { outcome: 'partial', counts: summary.counts, message: summary.message };
}

export function startPush(ctx: Ctx, amazon: SpApiClient, rows: InventoryRow[], kind: PendingPush['kind'], runId: string) {
  const changes = changesFromRows(rows);
  const threshold = Math.min(ctx.settings.feedThreshold, MAX_PATCHES + 1);
  const pending: PendingPush = { runId, kind, method: changes.length >= threshold ? 'feed' : 'patch', startedAt: ctx.ports.clock.now(), done: {} };
  // The queued rows are the push's durable record: write them before anything is sent.
  writeInventory(ctx.ports.workbook, ctx.sheet, rows);
  savePending(ctx.ports.store, pending);
  return drivePush(ctx, amazon, pending, rows);
}

/** A push whose quantities are not all with Amazon yet: patches, or a feed not yet submitted. */
export function isUnsentPush(p: PendingPush): boolean {
  return p.kind === 'push' && (p.method === 'patch' || (!p.feedId && !p.creating));
}

/**
 * A push cut before all its quantities reached Amazon (time budget, killed execution, an error) is
 * not resumed with its old figures: the 3PL stock may have fallen since, and sending them would
 * offer stock that is gone. What Amazon acknowledged is recorded; the rest is computed afresh by
 * this run, and quantities Amazon already shows (a write whose answer was lost) are not sent again.
 */
export function settleUnsentPush(ctx: Ctx, pending: PendingPush): void {
  const { store } = ctx.ports;
  const changes = changesFromRows(ctx.sheet.previousRows);
  const results = resultsFrom(pending.done);
  const recorded = recordPushResults(ctx.sheet.previousRows, changes, results);
  writeInventory(ctx.ports.workbook, ctx.sheet, recorded.rows);
  ctx.sheet.previousRows = recorded.rows;
  ctx.carried.push(...recorded.exceptions);
  if (results.length) store.set(K.lastPushAt, String(ctx.ports.clock.now()));
  // Only approved changes were queued in approve mode: the unsent ones stay approved at their quantity.
  const unsent = changes.filter((c) => pending.done[c.key] === undefined);
  if (ctx.settings.pushMode === 'approve' && unsent.length) store.set(K.resumedPlan, planFingerprint(unsent));
  clearPending(store);
}

