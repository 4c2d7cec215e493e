// The stock sync (docs/design.md §3 "Inventory"): 3PL pickable stock → proposed FBM quantities →
// guardrails and push mode → push of changed quantities only → read-back; FBA buckets shown, never
// pushed. Resumable: a submitted feed or an undo is followed on the next run before anything new
// starts; a push cut before its quantities reached Amazon is recorded and the rest recomputed.
// The reads are in systems-read.ts, the guardrails and approvals in gate.ts, what the run says in
// run-outcome.ts, the oversell check while Amazon cannot be read or followed in blocked.ts.

import { onMarketplace, type SpApiClient } from '../../amazon/client';
import { INVENTORY_EXCEPTION_TYPES } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { planFingerprint } from '../../core/inventory/approval';
import { planShown } from '../../core/inventory/holds';
import { guardrailHaltException } from '../../core/inventory/guardrails';
import { previousFromInventory } from '../../core/inventory/inventory-tab';
import { bothChannelsOnAmazon, explainLostZeros, findLostLeadingZeros, validateSkuMap } from '../../core/inventory/sku-map';
import { channelsFromListings } from '../../core/inventory/fba-guard';
import type { FbaReadInfo } from '../../core/inventory/build';
import { readBackPerMarket, readFbaMarkets } from './per-market';
import { gatePush } from './gate';
import { layOutNewRows } from './layout';
import { countThreePlSkus } from '../../core/inventory/stock';
import { findUnmappedSkus } from '../../core/inventory/unmapped';
import { judgeUnmanagedOffers } from '../../core/inventory/unmanaged';
import { orderInventoryRows } from '../../core/inventory/row-order';
import { cellsPerNewRow, fillRowsThisRun, fillSlice } from '../../core/inventory/tab-fill';
import { writeSetting } from '../../sheet/settings-tab';
import { exceptionKeysShown } from '../../sheet/exceptions-tab';
import { providerName } from '../../threepl/names';
import type { ThreePlAdapter } from '../../threepl/types';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { withCheckedLocations } from '../kit/locations-check';
import { unreadColumnProblems } from './sku-map-columns';
import { prepareNextFbaRead } from './fba-source';
import { marketOfKeys } from './market-keys';
import { recordFill } from './fill';
import { prepareNextMarketsRead } from './market-listings';
import { feedInFlight, feedsFinishedFirst, loadPending, type PendingPush } from './push';
import { continuePending, isUnsentPush, pushSummary, settleUnsentPush, startPush } from './pushing';
import { K, num } from './state';
import { cancelStuckFeed } from './stuck-feed';
import { undo } from './undo';
import { listedMarkets, pooledMarkets, type UnsentRead } from './unsent';
import { inventoryFrom } from './inventory-from';
import { RemoteError } from '../../ports/errors';
import type { KeyValueStore } from '../../ports/store';
import { judgeWhileUnfollowed, noteAmazonSeen, unmanagedWhileUnread } from './blocked';
import { plainWhy } from '../../core/words';
import { utcMinute } from '../../core/cells';
import { AFTER_LISTINGS_MS, readSystems, requestPrimaryListings, type SystemsRead } from './systems-read';
import { approveWordNote, failureNote, gapNote, keepOpenAfter, modeText, resumeNote, syncTimeout, waitingOutcome } from './run-outcome';
import { pushAll } from '../../core/lists';

/**
 * A push to at least this share of the FBM offers is a bulk one, worth an in-run wait for the report that
 * confirms it (about a minute); a routine push is confirmed by the next run's usual report instead.
 */
const BULK_PUSH_SHARE = 0.25;

function isBulkPush(changes: number, offers: number): boolean {
  return offers > 0 && changes >= offers * BULK_PUSH_SHARE;
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
    ctx.raise(unmanagedWhileUnread(ctx, { skuMapRows, tabBefore, stock, unsent, why }));
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

  const { trips, lapsed, gate, plan, split, stillHeld, held } = gatePush(ctx, readback.rows, stock, tabBefore);
  let rows = split.rows;
  const mode = settings.pushMode;

  const raised: RaisedException[] = [...built.exceptions, ...readback.exceptions, ...plan.exceptions];
  if (stillHeld) raised.push(guardrailHaltException(trips, settings.marketplace));
  for (const [m, r] of read.byMarket) {
    // A partial read cannot tell which listings are unmapped: those checks wait for a full read.
    // The 3PL side is the same for every marketplace: checked once, with the primary.
    const threePlStock = m === primary ? stock.records : undefined;
    pushAll(raised, findUnmappedSkus({ marketplace: m, skuMapRows, defaultMarketplace: primary, threePlStock, amazonListings: r.gap ? undefined : listingsIn(m), threePlName }));
  }

  let pushMessage = '';
  let counts: Record<string, number> = {};
  // A push still waiting for Amazon (feed in queue, patches cut by time) is not a finished run.
  let unfinished = false;
  // More new rows than one run can write: the tab fills over runs and nothing is pushed meanwhile.
  const onTab = new Set(ctx.tabs.inventory.rows().map((r) => r.key));
  const perNewRow = cellsPerNewRow(rows.filter((r) => !onTab.has(r.key)));
  const fill = fillSlice(rows, onTab, fillRowsThisRun(ctx.deadline.remainingMs(), perNewRow), orderInventoryRows);
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
    pushAll(raised, run.raised);
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
  const oversold = judgeUnmanagedOffers({
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
    shown: () => exceptionKeysShown(ctx.ports.workbook, ['OFFER_UNMANAGED:']),
  });
  pushAll(raised, oversold.raised);
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
  ctx.raise(raised);

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
      // Said so that a run with a handful of 3PL calls is not taken for one that skipped the 3PL.
      ...(stock.unchangedSince !== undefined ? { stockReadKept: 1 } : {}),
      ...counts,
    },
    message: `${fill || keptOnly ? pushMessage : stillHeld ? `${pushMessage} ${split.awaiting.length} other change(s) stay held by a guardrail (see Exceptions).` : modeText(ctx, plan.changes.length, plan.held, awaiting.length, pushMessage)} ${readback.applied ? `${readback.applied} earlier update(s) confirmed on Amazon.` : ''}${readback.notApplied ? ` ${readback.notApplied} earlier update(s) accepted by Amazon but not applied (see Exceptions, STOCK_PUSH_NOT_APPLIED).` : ''}${gapNote(read)}${lapsed ? ' The approval no longer matches the plan the Inventory tab showed (it changed since), so it approved nothing: approve again what the tab shows now.' : ''}${unusableNote}${fbaNote}${approveWordNote(ctx)}${
      // The outcome follows what the run could do; the note keeps a High oversell from hiding behind it.
      oversold.offers ? ` ${oversold.offers} offer(s) show more than ${threePlName} can pick and the sync does not set them (see Exceptions, OFFER_UNMANAGED).` : ''}`
      .replace(/ {2,}/g, ' ')
      .trim(),
    // After a partial listings read, problems about listings it did not see are left as they are.
    ...keepOpenAfter(read, stock.kept, readback.pendingKeys),
  };
}

/**
 * How long a push may wait on Amazon before each waiting run checks the 3PL's stock against what Amazon
 * shows: a feed is processed in minutes; one still waiting after half an hour is stuck or slowed (Amazon
 * queueing, a throttled result document), and its wait could last hours while the 3PL sells out.
 */
const LONG_WAIT_MS = 30 * 60_000;

function longWaitWhy(ctx: JobContext, pending: { startedAt: number }): string {
  const minutes = Math.round((ctx.now - pending.startedAt) / 60_000);
  return `the stock push sent to Amazon at ${utcMinute(pending.startedAt)} UTC has not finished after ${minutes} minutes (no later quantity goes out until it does)`;
}

/**
 * Asks for the read-back report before the tabs are read when Amazon has finished every feed of the
 * push. False when it did not (a feed still open, Amazon not answering): continuePending then asks
 * about the feeds again, meets a failure where it judges what an unfollowed push means, and asks for
 * the report once the answers are written.
 */
function readBackFirst(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush, now: number, readBack: () => void): boolean {
  try {
    if (!feedsFinishedFirst(amazon, store, pending, now)) return false;
    readBack();
    return true;
  } catch (e) {
    if (e instanceof RemoteError) return false;
    throw e;
  }
}

/** One run: follow or settle the push a cut run left, then undo or compute. */
function runStock(ctx: JobContext, mode: 'sync' | 'undo'): JobOutcome {
  const { store } = ctx.ports;
  if (!store.get(K.trackingSince)) store.set(K.trackingSince, String(ctx.now));
  if (ctx.request.approve) store.set(K.approvedPlan, store.get(K.shownPlan) ?? '');
  const amazon = ctx.amazon();
  const pending = loadPending(store);
  // A push followed to its end is read back by this very run: the primary's listings report is asked
  // for the moment Amazon's answers are in, before the tabs are read (tens of seconds at 50,000 SKUs),
  // so Amazon prepares it meanwhile.
  const readBack = pending && mode === 'sync' && pending.kind === 'push' ? () => requestPrimaryListings(ctx, amazon) : undefined;
  const askedEarly = readBack !== undefined && readBackFirst(amazon, store, pending!, ctx.ports.clock.now(), readBack);
  // So every run that ends (a push followed, a wait) still holds them open until fixed.
  ctx.raise(unreadColumnProblems(ctx.tabs.skuMap, 'inventory'));
  let before: JobOutcome | null = null;
  const cancelled = pending ? cancelStuckFeed(ctx, amazon, pending) : null;
  if (pending && cancelled) settleUnsentPush(ctx, { ...pending, done: {} });
  else if (pending && isUnsentPush(pending)) settleUnsentPush(ctx, pending);
  else if (pending) {
    try {
      // Not asked for yet (a feed still open when the run began, a request that failed): asked once Amazon's answers are in.
      before = continuePending(ctx, amazon, pending, askedEarly ? undefined : readBack);
    } catch (e) {
      // The push cannot be followed (Amazon not answering for it): nothing new goes out until it can.
      if (pending.kind === 'push' && e instanceof RemoteError && e.kind !== 'auth') judgeWhileUnfollowed(ctx, amazon, `the stock push sent to Amazon could not be followed (${plainWhy(e.message)})`, feedInFlight(pending));
      throw e;
    }
    // Waiting on Amazon is not a successful sync: a feed that never finishes still times out.
    if (before.outcome !== 'ok') {
      // A push Amazon has not finished for long holds every later quantity back meanwhile: the 3PL may have sold out since.
      if (pending.kind === 'push' && ctx.now - pending.startedAt >= LONG_WAIT_MS) judgeWhileUnfollowed(ctx, amazon, longWaitWhy(ctx, pending), feedInFlight(pending));
      return { ...waitingOutcome(ctx, before.message), counts: before.counts };
    }
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
