// The stock sync (PRODUCT.md §3 "Inventory"): 3PL pickable stock → proposed FBM quantities →
// guardrails and push mode → push of changed quantities only → read-back; FBA buckets shown, never
// pushed. Resumable: a submitted feed or an undo is followed on the next run before anything new
// starts; a push cut before its quantities reached Amazon is recorded and the rest recomputed.

import type { SpApiClient } from '../../amazon/client';
import { DeadlineExceeded } from '../../amazon/errors';
import type { ThreePlAdapter } from '../../threepl/types';
import { INVENTORY_EXCEPTION_TYPES } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { validateSkuMap } from '../../core/inventory/sku-map';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import { buildInventory } from '../../core/inventory/build';
import { classifyReadback, checkStockSyncTimeout } from '../../core/inventory/readback';
import { diffProposals, planFingerprint, planPush } from '../../core/inventory/diff';
import { evaluateGuardrails } from '../../core/inventory/guardrails';
import { countThreePlSkus } from '../../core/inventory/stock';
import { findUnmappedSkus } from '../../core/inventory/unmapped';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import type { PushChange } from '../../core/inventory/types';
import { TAB } from '../../core/tabs';
import type { Ports } from '../../adapters/gas/context';
import type { Deadline } from '../../ports/clock';
import type { JobOutcome } from '../runner';
import { readSettings } from '../settings-source';
import { amazonClient, threePlAdapter } from '../connections';
import { readFbaSummaries, readThreePlStock, readUnsentOrders } from './sources';
import { prepareNextRead, readListings, useReport } from './listings-source';
import type { ListingsRead } from './listings-source';
import { loadPending } from './push';
import { changesFromRows, continuePending, isUnsentPush, pushSummary, settleUnsentPush, startPush } from './pushing';
import { readInventorySheet, writeExceptions, writeInventory, writeSkuMapStatus } from './sheet';
import { K, num } from './state';
import type { Ctx } from './state';
import { undo } from './undo';
import { JOB_KEYS, errorText, failureException } from './failures';

export interface InventoryJobOptions {
  /** "Approve stock push": approve the plan the Inventory tab shows, then run. */
  approve?: boolean;
  /** "Undo last stock push". */
  undo?: boolean;
}

/** Approval: the changes a person approved (same offer, same quantity) out of this run's plan. */
function approvedSet(ctx: Ctx, approveNow: boolean): Set<string> | null {
  const { store } = ctx.ports;
  const fp = approveNow || ctx.settings.approveStockPush ? store.get(K.shownPlan) : store.get(K.approvedPlan);
  const resumed = store.get(K.resumedPlan);
  if (!fp && !resumed) return null;
  return new Set(`${fp ?? ''}|${resumed ?? ''}`.split('|').filter(Boolean));
}

/** Everything the two systems say this run, or why the run has to wait for Amazon. */
interface SystemsRead {
  stock: ReturnType<typeof readThreePlStock>;
  unsent: ReturnType<typeof readUnsentOrders>;
  read: ListingsRead;
  fba: ReturnType<typeof readFbaSummaries>;
}

function readSystems(ctx: Ctx, amazon: SpApiClient, adapter: ThreePlAdapter, validation: SkuMapValidation): SystemsRead | { waiting: string } {
  const { store } = ctx.ports;
  const { settings, sheet, now } = ctx;
  const rows = sheet.skuMap.records.length;
  // A large catalogue's listings report is checked first: until it is ready nothing else is worth reading.
  const early = useReport(store, rows) ? readListings(amazon, store, now, rows) : null;
  if (early && 'waiting' in early) return { waiting: early.waiting };
  const stock = readThreePlStock(adapter, now);
  const unsent = readUnsentOrders(amazon, adapter, now);
  const read = early ?? readListings(amazon, store, ctx.ports.clock.now(), rows);
  if ('waiting' in read) return { waiting: read.waiting };
  // Held dual-channel rows still show Amazon's FBA buckets, so they are read too.
  const fbaSkus = [...validation.entries, ...validation.held].filter((e) => e.channel === 'FBA' && e.marketplace === settings.marketplace).map((e) => e.sellerSku);
  const fba = readFbaSummaries(amazon, [...new Set(fbaSkus)]);
  return { stock, unsent, read, fba };
}

function computeAndPush(ctx: Ctx, amazon: SpApiClient, adapter: ThreePlAdapter, approveNow: boolean): JobOutcome {
  const { store } = ctx.ports;
  const { settings, sheet, now } = ctx;
  const validation = validateSkuMap(sheet.skuMap.records, { defaultMarketplace: settings.marketplace });
  const systems = readSystems(ctx, amazon, adapter, validation);
  if ('waiting' in systems) {
    // Waiting on Amazon is not a successful sync: a report that never comes still times out.
    const timeout = syncTimeout(ctx);
    if (timeout) writeExceptions(ctx.ports.workbook, sheet, [timeout], now, (row) => row.type === 'STOCK_SYNC_TIMEOUT');
    return { outcome: 'partial', counts: {}, message: systems.waiting };
  }
  const { stock, unsent, read, fba } = systems;
  const listings = read.listings;

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
  const rec = writeExceptions(ctx.ports.workbook, sheet, raised, now, scopeFn, settings.logRetentionDays);

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
  if (k >= 0 && v >= 0 && i > 0) ctx.ports.workbook.writeCell(TAB.settings, i + 1, v + 1, false);
}

/** STOCK_SYNC_TIMEOUT when the last successful sync is older than the Settings timeout. */
function syncTimeout(ctx: Ctx): RaisedException | null {
  const { store } = ctx.ports;
  return checkStockSyncTimeout({
    marketplace: ctx.settings.marketplace,
    lastSuccessAt: num(store.get(K.lastSuccessAt)),
    trackingSince: num(store.get(K.trackingSince)),
    now: ctx.now,
    timeoutMinutes: ctx.settings.stockSyncTimeoutMinutes,
  });
}

export function runInventoryJob(ports: Ports, deadline: Deadline, opts: InventoryJobOptions = {}): JobOutcome {
  const now = ports.clock.now();
  const { settings } = readSettings(ports.workbook);
  const sheet = readInventorySheet(ports.workbook);
  const ctx: Ctx = { ports, deadline, settings, sheet, now, carried: [] };
  if (!ports.store.get(K.trackingSince)) ports.store.set(K.trackingSince, String(now));
  if (opts.approve) ports.store.set(K.approvedPlan, ports.store.get(K.shownPlan) ?? '');

  try {
    const amazon = amazonClient(ports, deadline, settings);
    const pending = loadPending(ports.store);
    if (pending && isUnsentPush(pending)) settleUnsentPush(ctx, pending);
    else if (pending) return continuePending(ctx, amazon, pending);
    if (opts.undo) return undo(ctx, amazon);
    const adapter = threePlAdapter(ports, deadline, settings);
    return computeAndPush(ctx, amazon, adapter, Boolean(opts.approve));
  } catch (e) {
    const problem = failureException(e);
    const raised: RaisedException[] = [...ctx.carried, ...(problem ? [problem] : [])];
    const timeout = syncTimeout(ctx);
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
