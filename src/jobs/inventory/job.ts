// The stock sync (docs/design.md §3 "Inventory"): 3PL pickable stock → proposed FBM quantities →
// guardrails and push mode → push of changed quantities only → read-back; FBA buckets shown, never
// pushed. Resumable: a submitted feed or an undo is followed on the next run before anything new
// starts; a push cut before its quantities reached Amazon is recorded and the rest recomputed.

import { onMarketplace, type SpApiClient } from '../../amazon/client';
import { INVENTORY_EXCEPTION_TYPES } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { approvalLapsed, approvedEntries, planFingerprint, splitByApproval } from '../../core/inventory/approval';
import { plansOnTab } from '../../core/inventory/plan-record';
import { applyApproval, planShown } from '../../core/inventory/holds';
import { diffProposals, planPush } from '../../core/inventory/diff';
import { evaluateGuardrails, guardrailHaltException } from '../../core/inventory/guardrails';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import { checkStockSyncTimeout } from '../../core/inventory/readback';
import { bothChannelsOnAmazon, explainLostZeros, findLostLeadingZeros, validateSkuMap } from '../../core/inventory/sku-map';
import { channelsFromListings } from '../../core/inventory/fba-guard';
import type { PushChange } from '../../core/inventory/types';
import type { FbaReadInfo } from '../../core/inventory/build';
import { readBackPerMarket, readFbaMarkets } from './per-market';
import { layOutNewRows } from './layout';
import { countThreePlSkus } from '../../core/inventory/stock';
import { findUnmappedSkus } from '../../core/inventory/unmapped';
import { keptAfterPartialRead } from '../../core/inventory/listings-gap';
import { findUnmanagedOffers } from '../../core/inventory/unmanaged';
import { orderInventoryRows } from '../../core/inventory/row-order';
import { cellsPerNewRow, fillSlice, newRowsThisRun } from '../../core/inventory/tab-fill';
import { writeSetting } from '../../sheet/settings-tab';
import { providerName } from '../../threepl/names';
import type { ThreePlAdapter } from '../../threepl/types';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { withCheckedLocations } from '../kit/locations-check';
import { unreadColumnProblems } from './sku-map-columns';
import { prepareNextFbaRead } from './fba-source';
import { marketOfKeys } from './market-keys';
import { readThreePlStockInRuns } from '../reads/threepl-stock';
import type { ThreePlStockInRuns } from '../reads/threepl-stock';
import { fillReusesKeptStock, recordFill } from './fill';
import { ordersReadKeys } from '../reads/amazon-orders';
import { walkOrdersNow } from '../../core/orders/stock';
import type { WalkOrders } from '../../core/orders/stock';
import { prepareNextMarketsRead, readMarketsListings, requestMarketsListings } from './market-listings';
import type { MarketsListingsRead } from './market-listings';
import { feedInFlight, loadPending } from './push';
import { continuePending, isUnsentPush, pushSummary, settleUnsentPush, startPush } from './pushing';
import { K, num } from './state';
import { cancelStuckFeed } from './stuck-feed';
import { undo } from './undo';
import { listedMarkets, pooledMarkets, readUnsent, unsentAsKnown, type UnsentRead } from './unsent';
import { inventoryFrom } from './inventory-from';
import { RemoteError } from '../../ports/errors';
import { noteAmazonSeen, plainWhy, unmanagedWhileUnread } from './blocked';

/** What the two systems say this run, or why the run has to wait for Amazon. */
interface SystemsRead {
  /** `overRuns`: the stock was walked over several executions (threepl-stock-walk.ts). */
  stock: ThreePlStockInRuns & { overRuns: boolean };
  unsent: UnsentRead;
  read: MarketsListingsRead;
}

/** The note a stock read over several runs keeps of the orders as it began; unreadable → count every order not shipped before. */
function walkOrders(note: string): WalkOrders {
  try {
    const v = JSON.parse(note) as Partial<WalkOrders>;
    if (Array.isArray(v.unsentIds) && typeof v.since === 'number') return { unsentIds: v.unsentIds.filter((x) => typeof x === 'string'), since: v.since };
  } catch {
    // fall through
  }
  return { unsentIds: [], since: 0 };
}

/** The 3PL's stock, read over several runs when the catalogue needs it (reads/threepl-stock-walk.ts). */
function readStock(ctx: JobContext, adapter: ThreePlAdapter) {
  const { store, clock } = ctx.ports;
  const ports = { store, clock, staging: ctx.tabs.staging, deadline: ctx.deadline };
  const maxAgeMs = ctx.settings.stockDataMaxAgeMinutes * 60_000;
  // The orders read's cursor for the marketplaces listed (the key the orders job moves too).
  const since = Date.parse(store.get(ordersReadKeys(ctx.settings.marketplaces).cursor) ?? '');
  const note = () => JSON.stringify(walkOrdersNow(ctx.tabs.orders.rows(), pooledMarkets(ctx), Number.isFinite(since) ? since : 0));
  // While the Inventory tab is still filling, this run pushes nothing: the read kept when the fill began will do (fill.ts).
  return readThreePlStockInRuns(adapter, ports, maxAgeMs, note, fillReusesKeptStock(store));
}

/** What the rest of the run needs after the listings report arrives: computing, the push, the sheet. */
const AFTER_LISTINGS_MS = 120_000;

/**
 * Every pooled marketplace's listings are read, with SKU Map rows or none: an FBM offer the 3PL's
 * stock serves in a marketplace no row names (or whose rows' Marketplace cells cannot be read) still
 * sells units the 3PL must pick, and only a read of it can say so (UNMAPPED_SKU, OFFER_UNMANAGED),
 * as it does in the primary.
 */
function marketsToRead(ctx: JobContext): string[] {
  return pooledMarkets(ctx);
}

/**
 * `meanwhile`: work on what the 3PL and the orders said, done while the run waits for a listings
 * report Amazon is still preparing (layout.ts).
 */
function readSystems(
  ctx: JobContext,
  amazon: SpApiClient,
  adapter: ThreePlAdapter,
  meanwhile: (stock: SystemsRead['stock'], unsent: UnsentRead) => void,
  /** `why`: what could not be read and why, as a clause ("Amazon's listings could not be read (…)"). */
  unread: (stock: SystemsRead['stock'], unsent: UnsentRead, why: string) => void,
): SystemsRead | { waiting: string } {
  const { store, clock } = ctx.ports;
  const rows = ctx.tabs.skuMap.records().length;
  const markets = marketsToRead(ctx);
  // A large catalogue's listings come from a report per marketplace: all asked for first, so Amazon prepares them while the 3PL is read.
  requestMarketsListings(amazon, store, ctx.now, rows, markets, ctx.settings.marketplace, clock);
  const stock = readStock(ctx, adapter);
  if ('waiting' in stock) return { waiting: stock.waiting };
  const read3pl = { ...stock, overRuns: stock.atStart !== null };
  let unsent: UnsentRead;
  try {
    unsent = readUnsent(ctx, amazon, stock.atStart === null ? undefined : { orders: walkOrders(stock.atStart), startedAt: stock.walkStartedAt });
  } catch (e) {
    // No push without every order, but an offer the 3PL can no longer back is said at once (a refused
    // credential is AUTH_FAILED's to say).
    if (e instanceof RemoteError && e.kind !== 'auth' && e.kind !== 'forbidden') unread(read3pl, unsentAsKnown(ctx), `Amazon's recent orders could not be read (${plainWhy(e.message)})`);
    throw e;
  }
  // Units of orders not yet read would be offered again: no quantity is computed until all are known.
  if (!unsent.complete) {
    const why = unsent.stoppedBy === 'rate' ? "Amazon's rate limit for searchOrders" : 'time limit';
    unread(read3pl, unsent, `Amazon's recent orders were read only in part (${why})`);
    return { waiting: `Amazon's recent orders were read only in part (${why}); the stock sync waits until every order is in the Orders ledger, so no sold unit is offered again.` };
  }
  // Read last, so a report not ready yet is waited for in this run rather than the next one.
  const inRun = { clock, deadline: ctx.deadline, reserveMs: AFTER_LISTINGS_MS, meanwhile: () => meanwhile(read3pl, unsent) };
  let read: ReturnType<typeof readMarketsListings>;
  try {
    read = readMarketsListings(amazon, store, clock.now(), rows, markets, ctx.settings.marketplace, inRun);
  } catch (e) {
    unread(read3pl, unsent, `Amazon's listings could not be read (${plainWhy(e instanceof Error ? e.message : String(e))})`);
    throw e;
  }
  if ('waiting' in read) {
    unread(read3pl, unsent, `Amazon's listings could not be read (${plainWhy(read.waiting)})`);
    return { waiting: read.waiting };
  }
  return { stock: read3pl, unsent, read };
}

/**
 * A push to at least this share of the FBM offers is a bulk one, worth an in-run wait for the report that
 * confirms it (about a minute); a routine push is confirmed by the next run's usual report instead.
 */
const BULK_PUSH_SHARE = 0.25;

function isBulkPush(changes: number, offers: number): boolean {
  return offers > 0 && changes >= offers * BULK_PUSH_SHARE;
}

/** The highest quantity a push would send, for the "no warehouse holds that" guardrail. */
function largestChange(changes: ReadonlyArray<PushChange>): { sellerSku: string; toQty: number } | null {
  let best: PushChange | null = null;
  for (const c of changes) if (!best || c.toQty > best.toQty) best = c;
  return best ? { sellerSku: best.sellerSku, toQty: best.toQty } : null;
}

/** Says in the Sync Log that offers missing from a partial listings read were left as they were. */
function gapNote(read: MarketsListingsRead): string {
  return read.gap ? ` Amazon's listings were read only in part (${read.gap}): offers not among them keep their last state until a full read.` : '';
}

/** After partial listings reads, the problems of each partly read marketplace about listings its read did not see stay as they are. */
function keptAfterPartialReads(read: MarketsListingsRead): (row: Pick<RaisedException, 'key'>) => boolean {
  const checks = [...read.byMarket].filter(([, r]) => r.gap).map(([m, r]) => keptAfterPartialRead(m, new Set(r.listings.map((l) => l.sellerSku))));
  return (row) => checks.some((kept) => kept(row));
}

/**
 * Exceptions the run leaves as they are: after partial listings reads, those about listings not seen;
 * in a fill run from the kept 3PL read, a guardrail hold (not judged again until fresh figures).
 */
function keepOpenAfter(read: MarketsListingsRead, keptStock: boolean, settling: ReadonlySet<string>): Pick<JobOutcome, 'keepOpen'> {
  const partial = read.gap ? keptAfterPartialReads(read) : null;
  if (!partial && !keptStock && settling.size === 0) return {};
  return { keepOpen: (row) => (keptStock && row.type === 'GUARDRAIL_HALT') || (partial !== null && partial(row)) || settling.has(row.key) };
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

/** Asks for the primary's listings report when its catalogue is known to need one and none is on its way. */
function requestPrimaryListings(ctx: JobContext, amazon: SpApiClient): void {
  const primary = ctx.settings.marketplace;
  requestMarketsListings(amazon, ctx.ports.store, ctx.now, 0, [primary], primary, ctx.ports.clock);
}

function computeAndPush(ctx: JobContext, amazon: SpApiClient, adapter: ThreePlAdapter): JobOutcome {
  const { store } = ctx.ports;
  const { settings, now } = ctx;
  const threePlName = providerName(settings.threePlProvider);
  // A catalogue already known to need the listings report (its last read counted it) has the primary's
  // asked for before the sheets are read (seconds at 10,000 rows), time Amazon can spend preparing it.
  // After a followed push it is on its way already (asked for once the feed was done): nothing to do.
  requestPrimaryListings(ctx, amazon);
  const skuMapRows = ctx.tabs.skuMap.records();
  // The tab as the run found it: new rows laid out while waiting for Amazon are not a previous state.
  const tabBefore = ctx.tabs.inventory.rows();
  const previous = previousFromInventory(tabBefore);
  const primary = settings.marketplace;
  const layOut = (stock: SystemsRead['stock'], unsent: UnsentRead) => {
    // Before the listings: no "both channels on Amazon", no FBA figures, no Amazon quantity.
    const validated = validateSkuMap(skuMapRows, { defaultMarketplace: primary, marketplaces: settings.marketplaces, bothChannelsOnAmazon: [] });
    const fba = { summaries: [], primary: { via: 'summaries' as const, asOf: 0, unknown: true }, byMarket: new Map<string, FbaReadInfo>() };
    layOutNewRows(ctx.tabs.inventory, ctx.ports.workbook, ctx.deadline.remainingMs() - AFTER_LISTINGS_MS, skuMapRows.length, () =>
      inventoryFrom(ctx, { validated, stock, unsent, previous, fba }).rows,
    );
  };
  // Nothing can be pushed without Amazon's listings and every recent order; an offer the 3PL can no longer back is said at once.
  const whileUnread = (stock: SystemsRead['stock'], unsent: UnsentRead, why: string) =>
    ctx.raise(...unmanagedWhileUnread(ctx, { skuMapRows, tabBefore, stock, unsent, why }));
  const systems = readSystems(ctx, amazon, adapter, layOut, whileUnread);
  if ('waiting' in systems) return waitingOutcome(ctx, systems.waiting);
  const { stock, unsent, read } = systems;
  const listings = read.listings;
  // Validated once Amazon's listings are known: an FBM and an FBA row for one SKU are both valid when the listing has both channels.
  const listingsIn = (m: string) => listings.filter((l) => (l.marketplace ?? primary) === m);
  const validated = validateSkuMap(skuMapRows, {
    defaultMarketplace: primary,
    marketplaces: settings.marketplaces,
    bothChannelsOnAmazon: [...read.byMarket.keys()].map((m) => bothChannelsOnAmazon(m, listingsIn(m))),
  });
  const fba = readFbaMarkets(amazon, store, ctx.ports.clock.now(), validated, primary, listedMarkets(ctx));
  const built = inventoryFrom(ctx, { validated, stock, unsent, previous, fba: { ...fba, byMarket: new Map<string, FbaReadInfo>(fba.byMarket) }, listings, gap: read.gap });
  const readback = readBackPerMarket(built.rows, read, unsent, primary, num(store.get(K.lastPushAt)));

  const diff = diffProposals(readback.rows);
  // Figures from the kept read only fill the tab (nothing is pushed): they are not judged again, and
  // their age would trip the stale-data limit for a push that is not made.
  const trips = stock.kept ? [] : evaluateGuardrails({
    comparedSkus: diff.compared,
    changing: diff.changes.length,
    goingToZero: diff.goingToZero,
    largestChange: largestChange(diff.changes),
    threePlSkuCount: countThreePlSkus(stock.records),
    previousThreePlSkuCount: num(store.get(K.last3plSkuCount)),
    stockSnapshotAt: stock.snapshotAt,
    // Age at the moment of deciding to push: the 3PL is read after the run starts, so the run's
    // start time would always make the snapshot look fresh, however slow the reads that followed.
    now: ctx.ports.clock.now(),
    settings,
  });
  const mode = settings.pushMode;
  // Approve mode approves plans; auto mode needs an approval only to release a plan a guardrail held.
  const approval = {
    approveNow: Boolean(ctx.request.approve),
    approveTick: settings.approveStockPush,
    shownPlan: store.get(K.shownPlan),
    approvedPlan: store.get(K.approvedPlan),
    resumedPlan: store.get(K.resumedPlan),
    // A large plan is remembered as a digest (plan-record.ts): its entries are the rows the tab showed.
    onTab: plansOnTab(tabBefore),
  };
  const approved = mode === 'dry-run' ? null : approvedEntries(approval);
  const lapsed = mode !== 'dry-run' && approvalLapsed(approval);
  // It can never match again: forget it rather than repeat the note on every run.
  if (lapsed) store.delete(K.approvedPlan);
  store.delete(K.resumedPlan);
  const gate = applyApproval(mode, trips, approved, store.get(K.shownHolds));
  const plan = planPush({ rows: readback.rows, mode: gate.planMode, approved: approved !== null, trips: gate.trips });
  const split = splitByApproval({ mode: gate.planMode, rows: plan.rows, changes: plan.changes, approved });
  // Auto mode: what the approval of a held plan did not cover is still held by the guardrail.
  const stillHeld = gate.approvingHold && split.awaiting.length > 0;
  const heldKeys = new Set(split.awaiting.map((c) => c.key));
  let rows = stillHeld ? split.rows.map((r) => (heldKeys.has(r.key) ? { ...r, pushState: 'held by guardrail' as const } : r)) : split.rows;
  const held = plan.held || stillHeld;

  const raised: RaisedException[] = [...built.exceptions, ...readback.exceptions, ...plan.exceptions];
  if (stillHeld) raised.push(guardrailHaltException(trips, settings.marketplace));
  for (const [m, r] of read.byMarket) {
    // A partial read cannot tell which listings are unmapped: those checks wait for a full read.
    // The 3PL side is the same for every marketplace: checked once, with the primary.
    const threePlStock = m === primary ? stock.records : undefined;
    raised.push(...findUnmappedSkus({ marketplace: m, skuMapRows, defaultMarketplace: primary, threePlStock, amazonListings: r.gap ? undefined : listingsIn(m), threePlName }));
  }

  let pushMessage = '';
  let counts: Record<string, number> = {};
  // A push still waiting for Amazon (feed in queue, patches cut by time) is not a finished run.
  let unfinished = false;
  // More new rows than one run can write: the tab fills over runs and nothing is pushed meanwhile.
  const onTab = new Set(ctx.tabs.inventory.rows().map((r) => r.key));
  const perNewRow = cellsPerNewRow(rows.filter((r) => !onTab.has(r.key)));
  const fill = fillSlice(rows, onTab, newRowsThisRun(ctx.deadline.remainingMs(), perNewRow), orderInventoryRows);
  // Rows computed from the kept 3PL read are never pushed, even when they were the last to come.
  const keptOnly = !fill && stock.kept;
  if (fill) {
    ctx.tabs.inventory.write(fill.rows);
    unfinished = true;
    pushMessage = `Filling the Inventory tab: ${fill.total - fill.withheld} of ${fill.total} rows are on it; the rest follow in the next runs, and nothing is pushed to Amazon until every row is there.`;
  } else if (keptOnly) {
    ctx.tabs.inventory.write(rows);
    unfinished = true;
    pushMessage = `Every row is on the Inventory tab now (${rows.length}); their 3PL figures are from the read the fill began with, so the next run reads the 3PL afresh and pushes.`;
  } else if (plan.push && split.approved.length > 0) {
    const run = startPush(ctx, amazon, rows, split.approved, 'push', `push-${now}`, channelsFromListings(listings, primary));
    rows = run.rows;
    if (run.progress.state === 'done') ctx.tabs.inventory.write(rows);
    raised.push(...run.raised);
    const summary = pushSummary(run.progress, run.changes, 'Pushed:');
    unfinished = run.progress.state !== 'done' || (summary.counts.unanswered ?? 0) > 0;
    pushMessage = summary.message;
    counts = summary.counts;
    store.delete(K.approvedPlan);
  } else {
    ctx.tabs.inventory.write(rows);
  }
  noteAmazonSeen(ctx, [...read.byMarket.values()].map((r) => r.asOf));
  // Judged on what Amazon will show once this run's push lands: an offer left above the 3PL's stock is High.
  const oversold = findUnmanagedOffers({
    primary,
    pooled: new Set(pooledMarkets(ctx)),
    read: new Set([...read.byMarket].filter(([, r]) => !r.gap).map(([m]) => m)),
    skuMap: validated.rows,
    rows,
    queuedInFlight: feedInFlight(loadPending(store)),
    listings,
    threePlStock: stock.records,
    locations: settings.threePlLocations,
    unsentOrders: unsent.lines,
    threePlName,
  });
  raised.push(...oversold);
  // A tick approves the plan shown when it was read, once: left on, it must not approve later plans nobody saw.
  if (settings.approveStockPush && mode !== 'dry-run') writeSetting(ctx.ports.workbook, 'Approve stock push', false);
  const awaiting = mode === 'approve' && !plan.held ? split.awaiting : [];
  const shown = planShown({ mode, held: plan.held, changes: plan.changes, awaiting: split.awaiting, approvingHold: gate.approvingHold, trips: plan.held ? gate.trips : trips });
  recordFill(store, ctx.tabs.staging, fill, stock);
  // A plan shown on a half-filled tab could not be approved from what the tab shows.
  if (shown && !fill && !keptOnly) {
    store.set(K.shownPlan, planFingerprint(shown.changes));
    store.set(K.shownHolds, shown.holds);
  }

  // A sync succeeds when Amazon has taken up what it computed. A feed still waiting at Amazon has not:
  // the run that follows it to its end records the success (runStock), so a busy catalogue that submits
  // a feed every run still succeeds every run, while a feed that never lands (cancelled from Amazon's
  // queue and resubmitted run after run) runs into STOCK_SYNC_TIMEOUT.
  if (loadPending(store)) {
    const timeout = syncTimeout(ctx);
    if (timeout) raised.push(timeout);
  } else store.set(K.lastSuccessAt, String(now));
  // After a bulk push (onboarding, recovery after an outage) no report is asked for now: one asked for
  // before Amazon has processed the feed cannot confirm it. The next run follows the feed, then asks
  // for the report and waits for it, so the bulk is read back there and not one run later (issue 13).
  // A routine push keeps the report asked for now, so no run waits; it is read back one run later.
  if (!(loadPending(store) && isBulkPush(split.approved.length, rows.filter((r) => r.channel === 'FBM').length))) prepareNextMarketsRead(amazon, store, now, read, primary);
  for (const [m, f] of fba.byMarket) prepareNextFbaRead(onMarketplace(amazon, m), store, ctx.ports.clock.now(), f.via, marketOfKeys(m, primary));
  // A list that tripped "much shorter than last time" must not become the new baseline, or the
  // hold would lift itself on the next run; an approval that lifted the limit accepts it.
  if (!gate.trips.some((t) => t.limit === '3pl-list-short')) store.set(K.last3plSkuCount, String(countThreePlSkus(stock.records)));
  const lostZeros = [...read.byMarket.keys()].flatMap((m) => findLostLeadingZeros(skuMapRows, listingsIn(m).map((l) => l.sellerSku), { marketplace: m, defaultMarketplace: primary }));
  ctx.tabs.skuMap.writeStatus(explainLostZeros(built.statuses, lostZeros));
  ctx.raise(...raised);

  const pushed = new Set(pooledMarkets(ctx));
  const offers = rows.filter((r) => pushed.has(r.marketplace));
  // A row people typed that cannot be used is never an "ok" run, even when every other offer synced.
  const invalid = validated.rows.filter((r) => r.state === 'invalid').length;
  // Rows that read fine but cannot be synced as they stand (a 3PL SKU the 3PL does not list, Offer %
  // adding up past 100%, an offer Amazon fulfils the other way): held, so not "ok" either.
  const heldRows = built.statuses.filter((st, i) => st.startsWith('Held:') && validated.rows[i]?.state !== 'invalid').length;
  const unusable = invalid + heldRows;
  // FBA figures Amazon would not give (the FBM sync went on without them): not an "ok" run either.
  const fbaFailed = [...fba.byMarket].filter(([, f]) => f.failed).map(([m, f]) => `${m}: ${plainWhy(f.failed!)}`);
  const fbaNote = fbaFailed.length ? ` Amazon's FBA figures could not be read (${fbaFailed.join('; ')}); FBA rows keep the figures they showed.` : '';
  const unusableNote =
    (invalid ? ` ${invalid} SKU Map row${invalid > 1 ? 's' : ''} cannot be used and ${invalid > 1 ? 'are' : 'is'} not synced (see Exceptions, MAPPING_INVALID).` : '') +
    (heldRows ? ` ${heldRows} SKU Map row${heldRows > 1 ? 's are' : ' is'} held and not synced (${heldRows > 1 ? 'each' : 'its'} Status says why; see Exceptions).` : '');
  return {
    // A quantity Amazon accepted but never applied is a push that did not land: buyers still see the
    // old figure until the resend lands, so the run is not "ok" (STOCK_PUSH_NOT_APPLIED says which).
    outcome: held && !fill && !keptOnly ? 'held' : unfinished || read.gap || unusable || readback.notApplied || fbaNote ? 'partial' : 'ok',
    counts: {
      offers: offers.length,
      changes: plan.changes.length,
      unsentOrders: unsent.orders,
      applied: readback.applied,
      notApplied: readback.notApplied,
      ...counts,
    },
    message: `${fill || keptOnly ? pushMessage : stillHeld ? `${pushMessage} ${split.awaiting.length} other change(s) stay held by a guardrail (see Exceptions).` : modeText(ctx, plan.changes.length, plan.held, awaiting.length, pushMessage)} ${readback.applied ? `${readback.applied} earlier update(s) confirmed on Amazon.` : ''}${readback.notApplied ? ` ${readback.notApplied} earlier update(s) accepted by Amazon but not applied (see Exceptions, STOCK_PUSH_NOT_APPLIED).` : ''}${gapNote(read)}${lapsed ? ' The approval no longer matches the plan the Inventory tab showed (it changed since), so it approved nothing: approve again what the tab shows now.' : ''}${unusableNote}${fbaNote}${
      // The outcome follows what the run could do; the note keeps a High oversell from hiding behind it.
      oversold.length ? ` ${oversold.length} offer(s) show more than ${threePlName} can pick and the sync does not set them (see Exceptions, OFFER_UNMANAGED).` : ''}`
      .replace(/ {2,}/g, ' ')
      .trim(),
    // After a partial listings read, problems about listings it did not see are left as they are.
    ...keepOpenAfter(read, stock.kept, readback.pendingKeys),
  };
}

/**
 * A push Amazon does not answer for holds every later quantity back: what the 3PL can pick now is read
 * anyway, so an offer Amazon may still show above it is a High in this run (blocked.ts). Best effort:
 * whatever stops this read, the run fails with the push's own error.
 */
function judgeWhileUnfollowed(ctx: JobContext, amazon: SpApiClient, error: string, queuedLands: boolean): void {
  try {
    const adapter = ctx.threePl();
    const checked = withCheckedLocations(ctx, adapter, 'inventory');
    const stock = readStock(checked, adapter);
    // A read spread over several runs is the computation's to carry on, not this check's.
    if ('waiting' in stock || stock.atStart !== null) return;
    const unsent = readUnsent(checked, amazon, undefined);
    if (!unsent.complete) return;
    const why = `the stock push sent to Amazon could not be followed (${plainWhy(error)})`;
    ctx.raise(...unmanagedWhileUnread(checked, { skuMapRows: ctx.tabs.skuMap.records(), tabBefore: ctx.tabs.inventory.rows(), stock: { ...stock, overRuns: false }, unsent, why, queuedLands }));
  } catch {
    // Nothing to add: the run already fails, with the push's error.
  }
}

/** One run: follow or settle the push a cut run left, then undo or compute. */
function runStock(ctx: JobContext, mode: 'sync' | 'undo'): JobOutcome {
  const { store } = ctx.ports;
  if (!store.get(K.trackingSince)) store.set(K.trackingSince, String(ctx.now));
  if (ctx.request.approve) store.set(K.approvedPlan, store.get(K.shownPlan) ?? '');
  // First, so every run that ends (a push followed, a wait) still holds them open until fixed.
  ctx.raise(...unreadColumnProblems(ctx.tabs.skuMap, 'inventory'));
  const amazon = ctx.amazon();
  const pending = loadPending(store);
  let before: JobOutcome | null = null;
  const cancelled = pending ? cancelStuckFeed(ctx, amazon, pending) : null;
  if (pending && cancelled) settleUnsentPush(ctx, { ...pending, done: {} });
  else if (pending && isUnsentPush(pending)) settleUnsentPush(ctx, pending);
  else if (pending) {
    // A push followed to its end is read back by this very run: the primary's listings report is asked
    // for the moment Amazon's answers are in, not after they are written to the tab.
    const readBack = mode === 'sync' && pending.kind === 'push' ? () => requestPrimaryListings(ctx, amazon) : undefined;
    try {
      before = continuePending(ctx, amazon, pending, readBack);
    } catch (e) {
      // The push cannot be followed (Amazon not answering for it): nothing new goes out until it can.
      if (pending.kind === 'push' && e instanceof RemoteError && e.kind !== 'auth') judgeWhileUnfollowed(ctx, amazon, e.message, feedInFlight(pending));
      throw e;
    }
    // Waiting on Amazon is not a successful sync: a feed that never finishes still times out.
    if (before.outcome !== 'ok') return { ...waitingOutcome(ctx, before.message), counts: before.counts };
    // A sync push Amazon has taken up to its end is the success the run that submitted it waited for.
    if (pending.kind === 'push') store.set(K.lastSuccessAt, String(ctx.now));
    // Quantities no processing report confirmed are not an "ok" run until the read-back has seen them.
    if (before.counts.unconfirmed) before = { ...before, outcome: 'partial' };
    // An undo stays as it is until the next sync; a finished push is followed by a fresh computation at once.
    if (pending.kind === 'undo') return before;
  }
  const adapter = ctx.threePl();
  // Unknown "3PL locations" are reported; only the 3PL's own locations are counted (kit/locations-check).
  // An undo counts the same locations: a name typed there is the location's ID for both.
  const checked = withCheckedLocations(ctx, adapter, 'inventory');
  if (mode === 'undo') return undo(checked, amazon, adapter);
  const after = computeAndPush(checked, amazon, adapter);
  const note = cancelled ?? before?.message ?? null;
  const outcome = before?.outcome === 'partial' && after.outcome === 'ok' ? 'partial' : after.outcome;
  return note ? { ...after, outcome, message: `${note} ${after.message}`, counts: { ...(before?.counts ?? {}), ...after.counts } } : after;
}

/** After a time cut: a push still with Amazon, or a fresh start. */
function resumeNote(ctx: JobContext): string {
  return loadPending(ctx.ports.store) !== null ? 'The push already started carries on in the next run.' : 'Nothing was pushed; the next run starts again.';
}

/** After a failure (whose error says the next run tries again): whether anything reached Amazon. */
function failureNote(ctx: JobContext): string {
  const { store } = ctx.ports;
  if (loadPending(store) !== null) return 'The push already started carries on in the next run.';
  // A push ends by recording its time (pushing.ts drivePush): one finished by this run is on the Inventory tab.
  if ((num(store.get(K.lastPushAt)) ?? 0) >= ctx.now) return "This run's push reached Amazon before it stopped (see the Inventory tab).";
  return 'Nothing was pushed to Amazon.';
}

/** The stock sync and its undo share everything but what they do once a cut push is settled. */
function stockJob(name: string, mode: 'sync' | 'undo'): Job {
  return {
    name,
    label: 'Stock sync',
    // An undo runs on request only, logged under its own name.
    scheduled: mode === 'sync',
    exceptionScope: INVENTORY_EXCEPTION_TYPES,
    withoutAccess: { amazon: 'No stock can be read or pushed.', threePl: 'No 3PL stock can be read, so no stock is pushed.' },
    run: (ctx) => runStock(ctx, mode),
    onFailure(ctx) {
      const timeout = syncTimeout(ctx);
      return { raised: timeout ? [timeout] : [], resolves: ['STOCK_SYNC_TIMEOUT'] };
    },
    resumeNote,
    // Whether stock went out is what people need to know from a failed run.
    failureNote,
  };
}

export const inventoryJob = stockJob('inventory', 'sync');

/** "Undo last stock push". */
export const undoStockPushJob = stockJob('inventory-undo', 'undo');
