// The stock sync (docs/design.md §3 "Inventory"): 3PL pickable stock → proposed FBM quantities →
// guardrails and push mode → push of changed quantities only → read-back; FBA buckets shown, never
// pushed. Resumable: a submitted feed or an undo is followed on the next run before anything new
// starts; a push cut before its quantities reached Amazon is recorded and the rest recomputed.

import type { SpApiClient } from '../../amazon/client';
import { INVENTORY_EXCEPTION_TYPES } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { approvedEntries, shownPlanToRecord, splitByApproval } from '../../core/inventory/approval';
import { buildInventory } from '../../core/inventory/build';
import { diffProposals, planPush } from '../../core/inventory/diff';
import { evaluateGuardrails } from '../../core/inventory/guardrails';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import { checkStockSyncTimeout, classifyReadback } from '../../core/inventory/readback';
import { validateSkuMap } from '../../core/inventory/sku-map';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import { countThreePlSkus } from '../../core/inventory/stock';
import { findUnmappedSkus } from '../../core/inventory/unmapped';
import { writeSetting } from '../../sheet/settings-tab';
import { providerName } from '../../threepl/names';
import type { ThreePlAdapter } from '../../threepl/types';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { readFbaSummaries } from '../reads/fba-summaries';
import { readThreePlStock } from '../reads/threepl-stock';
import type { ThreePlStockRead } from '../reads/threepl-stock';
import { readUnsentOrders } from '../reads/unsent-orders';
import { prepareNextRead, readListings, useReport } from './listings-source';
import type { ListingsRead } from './listings-source';
import { loadPending } from './push';
import { continuePending, isUnsentPush, pushSummary, settleUnsentPush, startPush } from './pushing';
import { K, num } from './state';
import { undo } from './undo';

/** Everything the two systems say this run, or why the run has to wait for Amazon. */
interface SystemsRead {
  stock: ThreePlStockRead;
  unsent: ReturnType<typeof readUnsentOrders>;
  read: ListingsRead;
  fba: ReturnType<typeof readFbaSummaries>;
}

function readSystems(ctx: JobContext, amazon: SpApiClient, adapter: ThreePlAdapter, validation: SkuMapValidation): SystemsRead | { waiting: string } {
  const { store } = ctx.ports;
  const { settings, now } = ctx;
  const rows = ctx.tabs.skuMap.records().length;
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

/** STOCK_SYNC_TIMEOUT when the last successful sync is older than the Settings timeout. */
function syncTimeout(ctx: JobContext): RaisedException | null {
  const { store } = ctx.ports;
  return checkStockSyncTimeout({
    marketplace: ctx.settings.marketplace,
    lastSuccessAt: num(store.get(K.lastSuccessAt)),
    trackingSince: num(store.get(K.trackingSince)),
    now: ctx.now,
    timeoutMinutes: ctx.settings.stockSyncTimeoutMinutes,
  });
}

/** Waiting on Amazon is not a successful sync: a report that never comes still times out. */
function waitingOutcome(ctx: JobContext, message: string): JobOutcome {
  const timeout = syncTimeout(ctx);
  if (timeout) ctx.raise(timeout);
  return { outcome: 'partial', counts: {}, message, resolves: timeout ? ['STOCK_SYNC_TIMEOUT'] : [] };
}

function modeText(ctx: JobContext, changes: number, held: boolean, waiting: number, pushMessage: string): string {
  if (ctx.settings.pushMode === 'dry-run') return `Dry run: ${changes} FBM quantit${changes === 1 ? 'y' : 'ies'} would change; nothing was pushed.`;
  if (held) return `Held by a guardrail: ${changes} changes not pushed (see Exceptions).`;
  if (waiting > 0) return `${waiting} change(s) await approval ("Approve stock push").`;
  return pushMessage || 'No FBM quantity needed to change.';
}

function computeAndPush(ctx: JobContext, amazon: SpApiClient, adapter: ThreePlAdapter): JobOutcome {
  const { store } = ctx.ports;
  const { settings, now } = ctx;
  const threePlName = providerName(settings.threePlProvider);
  const skuMapRows = ctx.tabs.skuMap.records();
  const validation = validateSkuMap(skuMapRows, { defaultMarketplace: settings.marketplace });
  const systems = readSystems(ctx, amazon, adapter, validation);
  if ('waiting' in systems) return waitingOutcome(ctx, systems.waiting);
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
    previous: previousFromInventory(ctx.tabs.inventory.rows()),
    defaultSafetyBuffer: settings.defaultSafetyBuffer,
    now,
    threePlName,
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
  const approved =
    settings.pushMode === 'approve'
      ? approvedEntries({
          approveNow: Boolean(ctx.request.approve),
          approveTick: settings.approveStockPush,
          shownPlan: store.get(K.shownPlan),
          approvedPlan: store.get(K.approvedPlan),
          resumedPlan: store.get(K.resumedPlan),
        })
      : null;
  store.delete(K.resumedPlan);
  // An explicit approval covers what the person saw, guardrail holds included.
  const plan = planPush({ rows: readback.rows, mode: settings.pushMode, approved: approved !== null, trips: approved ? [] : trips });
  const split = splitByApproval({ mode: settings.pushMode, rows: plan.rows, changes: plan.changes, approved });
  let rows = split.rows;

  const raised: RaisedException[] = [...built.exceptions, ...readback.exceptions, ...plan.exceptions];
  raised.push(...findUnmappedSkus({ marketplace: settings.marketplace, skuMapRows, defaultMarketplace: settings.marketplace, threePlStock: stock.records, amazonListings: listings, threePlName }));

  let pushMessage = '';
  let counts: Record<string, number> = {};
  // A push still waiting for Amazon (feed in queue, patches cut by time) is not a finished run.
  let unfinished = false;
  if (plan.push && split.approved.length > 0) {
    const run = startPush(ctx, amazon, rows, split.approved, 'push', `push-${now}`);
    rows = run.rows;
    if (run.progress.state === 'done') ctx.tabs.inventory.write(rows);
    raised.push(...run.raised);
    const summary = pushSummary(run.progress, run.changes, 'Pushed:');
    unfinished = run.progress.state !== 'done';
    pushMessage = summary.message;
    counts = summary.counts;
    store.delete(K.approvedPlan);
    if (settings.approveStockPush) writeSetting(ctx.ports.workbook, 'Approve stock push', false);
  } else {
    ctx.tabs.inventory.write(rows);
  }
  const awaiting = settings.pushMode === 'approve' ? split.awaiting : [];
  const shown = shownPlanToRecord(settings.pushMode, awaiting);
  if (shown !== null) store.set(K.shownPlan, shown);

  store.set(K.lastSuccessAt, String(now));
  prepareNextRead(amazon, store, now, read.via);
  // A list that tripped "much shorter than last time" must not become the new baseline, or the
  // hold would lift itself on the next run; an approval accepts it.
  if (approved || !trips.some((t) => t.limit === '3pl-list-short')) store.set(K.last3plSkuCount, String(countThreePlSkus(stock.records)));
  ctx.tabs.skuMap.writeStatus(built.statuses);
  ctx.raise(...raised);

  const offers = rows.filter((r) => r.marketplace === settings.marketplace);
  return {
    outcome: plan.held ? 'held' : unfinished ? 'partial' : 'ok',
    counts: {
      offers: offers.length,
      changes: plan.changes.length,
      unsentOrders: unsent.orders,
      applied: readback.applied,
      notApplied: readback.notApplied,
      ...counts,
    },
    message: `${modeText(ctx, plan.changes.length, plan.held, awaiting.length, pushMessage)} ${readback.applied ? `${readback.applied} earlier update(s) confirmed on Amazon.` : ''}`.trim(),
  };
}

/** One run: follow or settle the push a cut run left, then undo or compute. */
function runStock(ctx: JobContext, mode: 'sync' | 'undo'): JobOutcome {
  const { store } = ctx.ports;
  if (!store.get(K.trackingSince)) store.set(K.trackingSince, String(ctx.now));
  if (ctx.request.approve) store.set(K.approvedPlan, store.get(K.shownPlan) ?? '');
  const amazon = ctx.amazon();
  const pending = loadPending(store);
  if (pending && isUnsentPush(pending)) settleUnsentPush(ctx, pending);
  else if (pending) return continuePending(ctx, amazon, pending);
  if (mode === 'undo') return undo(ctx, amazon);
  return computeAndPush(ctx, amazon, ctx.threePl());
}

/** The stock sync and its undo share everything but what they do once a cut push is settled. */
function stockJob(name: string, mode: 'sync' | 'undo'): Job {
  return {
    name,
    label: 'Stock sync',
    // An undo runs on request only, logged under its own name.
    scheduled: mode === 'sync',
    exceptionScope: INVENTORY_EXCEPTION_TYPES,
    run: (ctx) => runStock(ctx, mode),
    onFailure(ctx) {
      const timeout = syncTimeout(ctx);
      return { raised: timeout ? [timeout] : [], resolves: ['STOCK_SYNC_TIMEOUT'] };
    },
    resumeNote(ctx) {
      return loadPending(ctx.ports.store) !== null ? 'The push already started carries on in the next run.' : 'Nothing was pushed; the next run starts again.';
    },
  };
}

export const inventoryJob = stockJob('inventory', 'sync');

/** "Undo last stock push". */
export const undoStockPushJob = stockJob('inventory-undo', 'undo');
