// Driving a push through its steps and recording Amazon's answers on the Inventory rows: start it
// (queued rows written first, as its durable record), continue it on a later run, or settle a push
// that was cut before its quantities reached Amazon.

import { capPush } from '../../core/inventory/feed-cap';
import { MAX_FEED_MESSAGES } from '../../amazon/feeds';
import { FEEDS_PER_PUSH } from './push';
import type { SpApiClient } from '../../amazon/client';
import { exceptionKey } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import type { ExceptionScope } from '../../core/exception-rows';
import { resumedPlanToRecord } from '../../core/inventory/approval';
import { choosePushMethod, recordPushResults } from '../../core/inventory/diff';
import { refuseFbaConversions, type ChannelsOf } from '../../core/inventory/fba-guard';
import type { InventoryRow, PushChange } from '../../core/inventory/types';
import type { JobContext, JobOutcome } from '../kit/job';
import { clearPending, planFeedParts, resultsFrom, runFeed, runPatches, savePending } from './push';
import type { PendingPush, PushProgress } from './push';
import { channelsByLookup } from './listing-channels';
import { K } from './state';

/** The changes a set of rows queues for Amazon: the push's one list, rebuilt from its durable record. */
export function changesFromRows(rows: ReadonlyArray<InventoryRow>): PushChange[] {
  return rows
    .filter((r) => r.channel === 'FBM' && r.pushState === 'queued' && r.proposedQty !== null)
    .map((r) => ({ key: r.key, marketplace: r.marketplace, sellerSku: r.sellerSku, fromQty: r.amazonFbmQty ?? r.lastPushedQty, toQty: r.proposedQty! }));
}

interface PushRun {
  progress: PushProgress;
  rows: InventoryRow[];
  raised: RaisedException[];
  changes: PushChange[];
}

/**
 * Runs the push recorded in `pending` as far as time allows and records the answers on the rows.
 * `refused` are the FBA_CONVERSION_REFUSED exceptions of changes already taken out of it.
 */
function drivePush(ctx: JobContext, amazon: SpApiClient, pending: PendingPush, rows: InventoryRow[], changes: PushChange[], channelsOf: ChannelsOf, refused: RaisedException[]): PushRun {
  const { store } = ctx.ports;
  if (changes.length === 0) {
    clearPending(store);
    return { progress: { state: 'done', results: [] }, rows, raised: refused, changes };
  }
  const progress = pending.method === 'patch' ? runPatches(amazon, store, pending, changes, ctx.deadline, channelsOf) : runFeed(amazon, store, pending, changes, ctx.now, channelsOf);
  if (progress.state !== 'done') return { progress, rows, raised: refused, changes };
  const recorded = recordPushResults(rows, changes, progress.results);
  clearPending(store);
  store.set(K.lastPushAt, String(ctx.ports.clock.now()));
  return { progress, rows: recorded.rows, raised: [...refused, ...recorded.exceptions], changes };
}

/** How many changes the FBA guard took out of a push (they are counted and named in Exceptions). */
export function refusedCount(run: Pick<PushRun, 'raised'>): number {
  return run.raised.filter((e) => e.type === 'FBA_CONVERSION_REFUSED').length;
}

export function pushSummary(progress: PushProgress, changes: PushChange[], kind: string, refused = 0): { message: string; counts: Record<string, number> } {
  const notSent = refused ? ` ${refused} not sent: Amazon lists ${refused === 1 ? 'that SKU' : 'those SKUs'} as FBA only (see Exceptions).` : '';
  if (progress.state !== 'done') return { message: `${progress.message}${notSent}`, counts: { queued: changes.length, ...(refused ? { refused } : {}) } };
  const rejected = progress.results.filter((r) => r.outcome === 'rejected').length;
  const accepted = progress.results.length - rejected;
  // Offers Amazon did not answer for stay queued on the tab; the next run's push sends them again.
  const unanswered = changes.length - progress.results.length;
  const silent = unanswered ? `, ${unanswered} got no answer from Amazon (sent again by the next run)` : '';
  const unconfirmed = progress.unconfirmed ? ` ${progress.unconfirmed}` : '';
  return {
    message: `${kind} ${accepted} FBM quantit${accepted === 1 ? 'y' : 'ies'} accepted by Amazon${rejected ? `, ${rejected} rejected (see Exceptions)` : ''}${silent}.${notSent}${unconfirmed}`,
    counts: { pushed: accepted, rejected, ...(unanswered ? { unanswered } : {}), ...(refused ? { refused } : {}), ...(progress.unconfirmed ? { unconfirmed: accepted } : {}) },
  };
}

/**
 * What a finished push may resolve: the STOCK_PUSH_REJECTED rows of the offers it addressed. A
 * push still under way resolves nothing (an empty scope).
 */
export function pushScope(run: PushRun): ExceptionScope {
  if (run.progress.state !== 'done') return [];
  const keys = new Set(run.changes.map((c) => exceptionKey('STOCK_PUSH_REJECTED', c.marketplace, c.sellerSku)));
  return (row) => keys.has(row.key);
}

/**
 * Writes a finished push's rows and reports its rejections (the runner merges them). Refusals of
 * the FBA guard are known before anything is sent, so they are reported either way.
 */
export function finishPush(ctx: JobContext, run: PushRun): void {
  if (run.progress.state === 'done') ctx.tabs.inventory.write(run.rows);
  ctx.raise(run.raised);
}

/**
 * A feed push cut while sending its feeds, some of them already with Amazon: those are followed;
 * the parts not uploaded yet (always the last ones, so the others keep their slice of the changes)
 * wait for the next push, computed afresh.
 */
function dropUnsentParts(pending: PendingPush, rows: InventoryRow[], changes: PushChange[]): { rows: InventoryRow[]; changes: PushChange[] } | null {
  const parts = pending.parts ?? [];
  if (pending.method !== 'feed' || !parts.some((p) => p.feedId || p.creating)) return null;
  const kept = parts.filter((p) => p.uploaded).length;
  const plan = planFeedParts(changes);
  if (kept >= plan.length) return null;
  pending.parts = parts.slice(0, kept);
  const sent = new Set(plan.slice(0, kept).flatMap((p) => p.changes.map((c) => c.key)));
  const later = new Set(changes.filter((c) => !sent.has(c.key)).map((c) => c.key));
  return {
    rows: rows.map((r) => (later.has(r.key) ? { ...r, pushState: 'next push' as const, reason: `${r.reason} Waits for the next push: the run sending it stopped before this part reached Amazon.`.trim() } : r)),
    changes: changes.filter((c) => sent.has(c.key)),
  };
}

/** A push with quantities still to send: patches, or a feed whose document is not uploaded yet. */
function stillSending(p: PendingPush): boolean {
  return p.method === 'patch' || (p.parts ?? []).length === 0 || (p.parts ?? []).some((part) => !part.uploaded);
}

/**
 * `whenDone`: called as soon as Amazon has answered every feed, before the answers are written to
 * the tab (the caller asks for the read-back report then, so Amazon prepares it during the writes).
 * What it throws is thrown once the answers are written.
 */
export function continuePending(ctx: JobContext, amazon: SpApiClient, pending: PendingPush, whenDone?: () => void): JobOutcome {
  let rows = ctx.tabs.inventory.rows();
  let changes = changesFromRows(rows);
  // A push carried over from an earlier run: Amazon's channels may have changed since, so each SKU
  // still to be sent is looked at again before it goes (fba-guard.ts).
  const channelsOf = channelsByLookup(amazon);
  let refused: RaisedException[] = [];
  const dropped = dropUnsentParts(pending, rows, changes);
  if (dropped) {
    ({ rows, changes } = dropped);
    savePending(ctx.ports.store, pending);
    ctx.tabs.inventory.write(rows);
  } else if (stillSending(pending)) {
    const toSend = changes.filter((c) => pending.done[c.key] === undefined);
    const guarded = refuseFbaConversions(rows, toSend, channelsOf);
    if (guarded.exceptions.length) {
      const allowed = new Set(guarded.changes.map((c) => c.key));
      changes = changes.filter((c) => pending.done[c.key] !== undefined || allowed.has(c.key));
      rows = guarded.rows;
      refused = guarded.exceptions;
      // No longer queued: a later run must not find them and try again.
      ctx.tabs.inventory.write(rows);
    }
  }
  const run = drivePush(ctx, amazon, pending, rows, changes, channelsOf, refused);
  // A failed request must not cost the answers: they are written first, then the failure is raised.
  let failed: { error: unknown } | null = null;
  if (run.progress.state === 'done' && whenDone) {
    try {
      whenDone();
    } catch (error) {
      failed = { error };
    }
  }
  const summary = pushSummary(run.progress, run.changes, pending.kind === 'undo' ? 'Undo:' : 'Push:', refused.length);
  finishPush(ctx, run);
  if (failed) throw failed.error;
  if (run.progress.state === 'done') {
    // A finished push is followed by a fresh computation in the same run; an undo is read back by the next sync.
    const next = pending.kind === 'undo' ? " Amazon's quantities are read back on the next run." : '';
    return { outcome: 'ok', counts: summary.counts, message: `${summary.message}${next}`, resolves: pushScope(run) };
  }
  return { outcome: 'partial', counts: summary.counts, message: summary.message, resolves: [] };
}

/**
 * Starts a push of `changes`, the changes `rows` mark as queued. `channelsOf` says what Amazon
 * reports on each SKU's listing now: a change for a SKU it lists as FBA only is refused, never sent.
 */
export function startPush(ctx: JobContext, amazon: SpApiClient, queuedRows: InventoryRow[], queued: PushChange[], kind: PendingPush['kind'], runId: string, channelsOf: ChannelsOf): PushRun {
  const guarded = refuseFbaConversions(queuedRows, queued, channelsOf);
  const { rows, changes } = capPush(guarded.rows, guarded.changes, MAX_FEED_MESSAGES * FEEDS_PER_PUSH);
  const refused = guarded.exceptions;
  const method = choosePushMethod(changes.length, ctx.settings.feedThreshold);
  // The queued rows are the push's durable record: write them before anything is sent.
  ctx.tabs.inventory.write(rows);
  if (method === 'none') return { progress: { state: 'done', results: [] }, rows, raised: refused, changes };
  const pending: PendingPush = { runId, kind, method, startedAt: ctx.ports.clock.now(), done: {} };
  savePending(ctx.ports.store, pending);
  return drivePush(ctx, amazon, pending, rows, changes, channelsOf, refused);
}

/** A push whose quantities are not all with Amazon yet: patches, or a feed not yet submitted. */
export function isUnsentPush(p: PendingPush): boolean {
  return p.kind === 'push' && (p.method === 'patch' || !(p.parts ?? []).some((part) => part.feedId || part.creating));
}

/**
 * A push cut before all its quantities reached Amazon (time budget, killed execution, an error) is
 * not resumed with its old figures: the 3PL stock may have fallen since, and sending them would
 * offer stock that is gone. What Amazon acknowledged is recorded; the rest is computed afresh by
 * this run, and quantities Amazon already shows (a write whose answer was lost) are not sent again.
 */
export function settleUnsentPush(ctx: JobContext, pending: PendingPush): void {
  const { store } = ctx.ports;
  const previous = ctx.tabs.inventory.rows();
  const changes = changesFromRows(previous);
  const results = resultsFrom(pending.done);
  const recorded = recordPushResults(previous, changes, results);
  ctx.tabs.inventory.write(recorded.rows);
  ctx.raise(recorded.exceptions);
  if (results.length) store.set(K.lastPushAt, String(ctx.ports.clock.now()));
  // Only approved changes were queued in approve mode: the unsent ones stay approved at their quantity.
  const resumed = resumedPlanToRecord(ctx.settings.pushMode, changes, Object.keys(pending.done));
  if (resumed !== null) store.set(K.resumedPlan, resumed);
  clearPending(store);
}
