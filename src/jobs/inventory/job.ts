// The stock sync (PRODUCT.md §3 "Inventory"): 3PL pickable stock → proposed FBM quantities →
// guardrails and push mode → push of changed quantities only → read-back; FBA buckets shown, never
// pushed. Resumable: a submitted feed or an undo is followed on the next run before anything new
// starts; a push cut before its quantities reached Amazon is recorded and the rest recomputed.

import type { SpApiClient } from '../../amazon/client';
import { DeadlineExceeded, SpApiAuthError } from '../../amazon/errors';
import { AdapterError } from '../../threepl/types';
import type { ThreePlAdapter } from '../../threepl/types';
import { exceptionKey, INVENTORY_EXCEPTION_TYPES } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { validateSkuMap } from '../../core/inventory/sku-map';
import { buildInventory } from '../../core/inventory/build';
import { classifyReadback, checkStockSyncTimeout } from '../../core/inventory/readback';
import { diffProposals, planFingerprint, planPush, recordPushResults } from '../../core/inventory/diff';
import { evaluateGuardrails } from '../../core/inventory/guardrails';
import { countThreePlSkus } from '../../core/inventory/stock';
import { findUnmappedSkus } from '../../core/inventory/unmapped';
import { buildUndoPlan, pushRecordFromRows } from '../../core/inventory/undo';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import type { InventoryRow, PushChange } from '../../core/inventory/types';
import type { Settings } from '../../core/settings';
import { TAB } from '../../core/tabs';
import type { Ports } from '../../adapters/gas/context';
import type { Deadline } from '../../ports/clock';
import type { JobOutcome } from '../runner';
import { systemOf } from '../counting-http';
import { HttpTransportError } from '../../ports/http';
import { readSettings } from '../settings-source';
import { ConfigError, amazonClient, threePlAdapter } from '../connections';
import { readAmazonListings, readFbaSummaries, readThreePlStock, readUnsentOrders } from './sources';
import { prepareNextRead, readListings, useReport } from './listings-source';
import { MAX_PATCHES, clearPending, loadPending, resultsFrom, runFeed, runPatches, savePending } from './push';
import type { PendingPush, PushProgress } from './push';
import { readInventorySheet, writeExceptions, writeInventory, writeSkuMapStatus } from './sheet';
import type { InventorySheet } from './sheet';

/** Document-property keys of the stock sync's small state. */
const K = {
  lastSuccessAt: 'inventory.lastSuccessAt',
  trackingSince: 'inventory.trackingSince',
  lastPushAt: 'inventory.lastPushAt',
  last3plSkuCount: 'inventory.last3plSkuCount',
  shownPlan: 'inventory.shownPlan',
  approvedPlan: 'inventory.approvedPlan',
  /** Approved changes of a push that was cut before they were sent: still approved for the next computation. */
  resumedPlan: 'inventory.resumedPlan',
} as const;

export interface InventoryJobOptions {
  /** "Approve stock push": approve the plan the Inventory tab shows, then run. */
  approve?: boolean;
  /** "Undo last stock push". */
  undo?: boolean;
}

interface Ctx {
  ports: Ports;
  deadline: Deadline;
  settings: Settings;
  sheet: InventorySheet;
  now: number;
  /** Problems found while settling an unfinished push, reported with this run's. */
  carried: RaisedException[];
}

const num = (v: string | null): number | null => (v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** Problems about the job's own set-up, resolved once the job gets past them. */
const JOB_KEYS = {
  config: exceptionKey('CONFIG_INVALID', 'inventory'),
  amazonAuth: exceptionKey('AUTH_FAILED', 'amazon'),
  threePlAuth: exceptionKey('AUTH_FAILED', 'threePl'),
};

function changesFromRows(rows: ReadonlyArray<InventoryRow>): PushChange[] {
  return rows
    .filter((r) => r.channel === 'FBM' && r.pushState === 'queued' && r.proposedQty !== null)
    .map((r) => ({ key: r.key, marketplace: r.marketplace, sellerSku: r.sellerSku, fromQty: r.amazonFbmQty ?? r.lastPushedQty, toQty: r.proposedQty! }));
}

function failureException(e: unknown): RaisedException | null {
  if (e instanceof ConfigError) {
    return { key: JOB_KEYS.config, type: 'CONFIG_INVALID', entity: 'Stock sync set-up', message: `${e.message} Until then the stock sync cannot run.` };
  }
  if (e instanceof SpApiAuthError || (e instanceof Error && e.name === 'SpApiError' && /HTTP 40[13]/.test(e.message))) {
    return {
      key: JOB_KEYS.amazonAuth,
      type: 'AUTH_FAILED',
      entity: 'Amazon connection',
      message: `Amazon refused the add-on's credentials (${e.message}). No stock can be read or pushed. Re-authorise the app in Seller Central and save the new refresh token in the sidebar.`,
    };
  }
  if (e instanceof AdapterError && (e.code === 'AUTH' || e.code === 'FORBIDDEN')) {
    return {
      key: JOB_KEYS.threePlAuth,
      type: 'AUTH_FAILED',
      entity: '3PL connection',
      message: `The 3PL refused the add-on's token (${e.message}). No 3PL stock can be read. Create a new personal access token and save it in the sidebar.`,
    };
  }
  return null;
}

function errorText(e: unknown): string {
  if (e instanceof HttpTransportError) {
    // The bare transport text is a URL; say which system went quiet and what happens next.
    const url = /https?:\/\/\S+/.exec(e.message)?.[0] ?? '';
    const who = { amazon: 'Amazon', threePl: 'The 3PL (ShipBob)', other: 'A remote service' }[systemOf(url)];
    return `${who} did not answer in time, even after retries (${e.message}). The stock sync stopped; the next run tries again.`;
  }
  return e instanceof Error ? e.message : String(e);
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

function pushSummary(progress: PushProgress, changes: PushChange[], kind: string): { message: string; counts: Record<string, number> } {
  if (progress.state !== 'done') return { message: progress.message, counts: { queued: changes.length } };
  const rejected = progress.results.filter((r) => r.outcome === 'rejected').length;
  return {
    message: `${kind} ${changes.length - rejected} FBM quantit${changes.length - rejected === 1 ? 'y' : 'ies'} accepted by Amazon${rejected ? `, ${rejected} rejected (see Exceptions)` : ''}.`,
    counts: { pushed: changes.length - rejected, rejected },
  };
}

/** Scope for resolving STOCK_PUSH_REJECTED after a push: only the offers that push addressed. */
function rejectedScope(changes: PushChange[]) {
  const keys = new Set(changes.map((c) => exceptionKey('STOCK_PUSH_REJECTED', c.marketplace, c.sellerSku)));
  return (row: { key: string }) => keys.has(row.key);
}

function continuePending(ctx: Ctx, amazon: SpApiClient, pending: PendingPush): JobOutcome {
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

function startPush(ctx: Ctx, amazon: SpApiClient, rows: InventoryRow[], kind: PendingPush['kind'], runId: string) {
  const changes = changesFromRows(rows);
  const threshold = Math.min(ctx.settings.feedThreshold, MAX_PATCHES + 1);
  const pending: PendingPush = { runId, kind, method: changes.length >= threshold ? 'feed' : 'patch', startedAt: ctx.ports.clock.now(), done: {} };
  // The queued rows are the push's durable record: write them before anything is sent.
  writeInventory(ctx.ports.workbook, ctx.sheet, rows);
  savePending(ctx.ports.store, pending);
  return drivePush(ctx, amazon, pending, rows);
}

function undo(ctx: Ctx, amazon: SpApiClient): JobOutcome {
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

/** Approval: the changes a person approved (same offer, same quantity) out of this run's plan. */
function approvedSet(ctx: Ctx, approveNow: boolean): Set<string> | null {
  const { store } = ctx.ports;
  const fp = approveNow || ctx.settings.approveStockPush ? store.get(K.shownPlan) : store.get(K.approvedPlan);
  const resumed = store.get(K.resumedPlan);
  if (!fp && !resumed) return null;
  return new Set(`${fp ?? ''}|${resumed ?? ''}`.split('|').filter(Boolean));
}

/** A push whose quantities are not all with Amazon yet: patches, or a feed not yet submitted. */
function isUnsentPush(p: PendingPush): boolean {
  return p.kind === 'push' && (p.method === 'patch' || (!p.feedId && !p.creating));
}

/**
 * A push cut before all its quantities reached Amazon (time budget, killed execution, an error) is
 * not resumed with its old figures: the 3PL stock may have fallen since, and sending them would
 * offer stock that is gone. What Amazon acknowledged is recorded; the rest is computed afresh by
 * this run, and quantities Amazon already shows (a write whose answer was lost) are not sent again.
 */
function settleUnsentPush(ctx: Ctx, pending: PendingPush): void {
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

function computeAndPush(ctx: Ctx, amazon: SpApiClient, adapter: ThreePlAdapter, approveNow: boolean): JobOutcome {
  const { store } = ctx.ports;
  const { settings, sheet, now } = ctx;
  const validation = validateSkuMap(sheet.skuMap.records, { defaultMarketplace: settings.marketplace });

  // A large catalogue's listings report is checked first: until it is ready nothing else is worth reading.
  const early = useReport(store, sheet.skuMap.records.length) ? readListings(amazon, store, now, sheet.skuMap.records.length) : null;
  if (early && 'waiting' in early) return { outcome: 'partial', counts: {}, message: early.waiting };
  const stock = readThreePlStock(adapter, now);
  const unsent = readUnsentOrders(amazon, adapter, now);
  const read = early ?? readListings(amazon, store, ctx.ports.clock.now(), sheet.skuMap.records.length);
  if ('waiting' in read) return { outcome: 'partial', counts: {}, message: read.waiting };
  const listings = read.listings;
  // Held dual-channel rows still show Amazon's FBA buckets, so they are read too.
  const fbaSkus = [...new Set([...validation.entries, ...validation.held].filter((e) => e.channel === 'FBA' && e.marketplace === settings.marketplace).map((e) => e.sellerSku))];
  const fba = readFbaSummaries(amazon, fbaSkus);

  const built = buildInventory({
    marketplace: settings.marketplace,
    skuMap: validation,
    threePlStock: stock.records,
    locations: settings.threePlLocations,
    unsentOrders: unsent.lines,
    amazonListings: listings,
    fbaSummaries: fba,
    previous: previousFromInventory(sheet.previousRows),
    defaultSafetyBuffer: settings.defaultSafetyBuffer,
    now,
    threePlName: 'ShipBob',
  });
  const amazonQty = new Map(listings.filter((l) => l.fbm).map((l) => [l.sellerSku, l.fbmQuantity] as const));
  // A report's quantities are as old as its request: a push after that cannot show in it yet.
  const readback = classifyReadback({ rows: built.rows, amazonQty, pushedAt: num(store.get(K.lastPushAt)), now: read.asOf });

  const diff = diffProposals(readback.rows);
  const trips = evaluateGuardrails({
    comparedSkus: diff.compared,
    changing: diff.changes.length,
    goingToZero: diff.goingToZero,
    threePlSkuCount: countThreePlSkus(stock.records),
    previousThreePlSkuCount: num(store.get(K.last3plSkuCount)),
    stockSnapshotAt: stock.snapshotAt,
    // Age at the moment of deciding to push: the 3PL is read after the run starts, so the run's
    // start time would always make the snapshot look fresh, however slow the reads that followed.
    now: ctx.ports.clock.now(),
    settings,
  });
  const approved = settings.pushMode === 'approve' ? approvedSet(ctx, approveNow) : null;
  store.delete(K.resumedPlan);
  // An explicit approval covers what the person saw, guardrail holds included.
  const plan = planPush({ rows: readback.rows, mode: settings.pushMode, approved: approved !== null, feedThreshold: settings.feedThreshold, trips: approved ? [] : trips });
  let rows = plan.rows;
  let unapproved: PushChange[] = [];
  if (approved) {
    // Only changes that were shown and approved go out; anything new waits for the next approval.
    unapproved = plan.changes.filter((c) => !approved.has(`${c.key}=${c.toQty}`));
    const wait = new Set(unapproved.map((c) => c.key));
    rows = rows.map((r) => (wait.has(r.key) ? { ...r, pushState: 'awaiting approval' } : r));
  }

  const raised: RaisedException[] = [...ctx.carried, ...built.exceptions, ...readback.exceptions, ...plan.exceptions];
  raised.push(
    ...findUnmappedSkus({ marketplace: settings.marketplace, skuMapRows: sheet.skuMap.records, defaultMarketplace: settings.marketplace, threePlStock: stock.records, amazonListings: listings, threePlName: 'ShipBob' }),
  );

  let pushMessage = '';
  let counts: Record<string, number> = {};
  // A push still waiting for Amazon (feed in queue, patches cut by time) is not a finished run.
  let unfinished = false;
  const queued = changesFromRows(rows);
  if (plan.push && queued.length > 0) {
    const r = startPush(ctx, amazon, rows, 'push', `push-${now}`);
    rows = r.rows;
    if (r.progress.state === 'done') writeInventory(ctx.ports.workbook, sheet, rows);
    raised.push(...r.raised);
    const summary = pushSummary(r.progress, r.changes, 'Pushed:');
    unfinished = r.progress.state !== 'done';
    pushMessage = summary.message;
    counts = summary.counts;
    store.delete(K.approvedPlan);
    if (settings.approveStockPush) clearApprovalCell(ctx);
  } else {
    writeInventory(ctx.ports.workbook, sheet, rows);
  }
  const waiting = settings.pushMode === 'approve' ? (approved ? unapproved : plan.changes) : [];
  if (settings.pushMode === 'approve') store.set(K.shownPlan, planFingerprint(waiting));

  store.set(K.lastSuccessAt, String(now));
  prepareNextRead(amazon, store, now, read.via);
  // A list that tripped "much shorter than last time" must not become the new baseline, or the
  // hold would lift itself on the next run; an approval accepts it.
  if (approved || !trips.some((t) => t.limit === '3pl-list-short')) store.set(K.last3plSkuCount, String(countThreePlSkus(stock.records)));
  writeSkuMapStatus(ctx.ports.workbook, sheet, built.statuses);
  const rec = writeExceptions(ctx.ports.workbook, sheet, raised, now, scopeFn);

  const offers = rows.filter((r) => r.marketplace === settings.marketplace);
  const modeText =
    settings.pushMode === 'dry-run'
      ? `Dry run: ${plan.changes.length} FBM quantit${plan.changes.length === 1 ? 'y' : 'ies'} would change; nothing was pushed.`
      : plan.held
        ? `Held by a guardrail: ${plan.changes.length} changes not pushed (see Exceptions).`
        : waiting.length > 0
          ? `${waiting.length} change(s) await approval ("Approve stock push").`
          : pushMessage || 'No FBM quantity needed to change.';
  return {
    outcome: plan.held ? 'held' : unfinished ? 'partial' : 'ok',
    counts: {
      offers: offers.length,
      changes: plan.changes.length,
      unsentOrders: unsent.orders,
      applied: readback.applied,
      notApplied: readback.notApplied,
      opened: rec.opened.length,
      ...counts,
    },
    message: `${modeText} ${readback.applied ? `${readback.applied} earlier update(s) confirmed on Amazon. ` : ''}${rec.opened.length ? `${rec.opened.length} new exception(s).` : ''}`.trim(),
  };
}

/** The stock sync resolves its own exception types and its own set-up problems. */
function scopeFn(row: { key: string; type: string }): boolean {
  return (INVENTORY_EXCEPTION_TYPES as readonly string[]).includes(row.type) || row.key === JOB_KEYS.config || row.key === JOB_KEYS.amazonAuth || row.key === JOB_KEYS.threePlAuth;
}

function clearApprovalCell(ctx: Ctx): void {
  const table = ctx.ports.workbook.read(TAB.settings) ?? [];
  const header = (table[0] ?? []).map((h) => String(h).trim());
  const k = header.indexOf('Key');
  const v = header.indexOf('Value');
  const i = table.findIndex((r, idx) => idx > 0 && String(r[k] ?? '').trim().toLowerCase() === 'approve stock push');
  if (k >= 0 && v >= 0 && i > 0) ctx.ports.workbook.writeCell(TAB.settings, i + 1, v + 1, '');
}

export function runInventoryJob(ports: Ports, deadline: Deadline, opts: InventoryJobOptions = {}): JobOutcome {
  const now = ports.clock.now();
  const { settings } = readSettings(ports.workbook);
  const sheet = readInventorySheet(ports.workbook);
  const ctx: Ctx = { ports, deadline, settings, sheet, now, carried: [] };
  if (!ports.store.get(K.trackingSince)) ports.store.set(K.trackingSince, String(now));
  if (opts.approve) ports.store.set(K.approvedPlan, ports.store.get(K.shownPlan) ?? '');

  let amazon: SpApiClient | undefined;
  try {
    amazon = amazonClient(ports, deadline, settings);
    const pending = loadPending(ports.store);
    if (pending && isUnsentPush(pending)) settleUnsentPush(ctx, pending);
    else if (pending) return continuePending(ctx, amazon, pending);
    if (opts.undo) return undo(ctx, amazon);
    const adapter = threePlAdapter(ports, deadline, settings);
    return computeAndPush(ctx, amazon, adapter, Boolean(opts.approve));
  } catch (e) {
    const problem = failureException(e);
    const raised: RaisedException[] = [...ctx.carried, ...(problem ? [problem] : [])];
    const timeout = checkStockSyncTimeout({
      marketplace: settings.marketplace,
      lastSuccessAt: num(ports.store.get(K.lastSuccessAt)),
      trackingSince: num(ports.store.get(K.trackingSince)),
      now,
      timeoutMinutes: settings.stockSyncTimeoutMinutes,
    });
    if (timeout) raised.push(timeout);
    if (raised.length) writeExceptions(ports.workbook, sheet, raised, now, (row) => row.type === 'STOCK_SYNC_TIMEOUT');
    if (e instanceof DeadlineExceeded) {
      const resumes = loadPending(ports.store) !== null;
      return {
        outcome: 'partial',
        counts: {},
        message: `${e.message}. ${resumes ? 'The push already started carries on in the next run.' : 'Nothing was pushed; the next run starts again.'}`,
      };
    }
    return { outcome: 'failed', counts: {}, message: errorText(e) };
  }
}
