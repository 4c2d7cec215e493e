// FBA stock for the Inventory tab's FBA rows, read in a way that scales: a catalogue of up to 1,000
// FBA SKUs through getInventorySummaries (50 SKUs a call); a larger one from the
// GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA report, requested at the end of one run and read at the
// start of a later one. While no report is ready the figures are "unknown" and the Inventory tab
// keeps the ones it showed (core/inventory/build.ts): FBA stock is shown, never pushed, so waiting
// for it never holds up the FBM sync, and it never falls back to hundreds of summary calls.

import type { SpApiClient } from '../../amazon/client';
import { UnsupportedCharsetError } from '../../amazon/charset';
import { SpApiError } from '../../amazon/errors';
import { FbaInventoryReportFormatError, parseFbaInventoryReport } from '../../amazon/fba-inventory-report';
import type { FbaReadInfo } from '../../core/inventory/build';
import type { FbaSummary } from '../../core/inventory/types';
import { RemoteError } from '../../ports/errors';
import type { KeyValueStore } from '../../ports/store';
import { pollOnce, storedWait } from '../kit/waiter';
import { readFbaSummaries } from '../reads/fba-summaries';
import { keyFor, tagMarket } from './market-keys';

const REPORT_TYPE = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA';
/** The report waited for, `{ id, requestedAt }` (kit/waiter). */
const STATE_KEY = 'inventory.fbaReport';
/** When the add-on last asked Amazon for the report (ms). */
const REQUESTED_KEY = 'inventory.fbaReport.requestedAt';
/** When the figures this run read were true; promoted to SHOWN_KEY once the run has written them. */
const READ_KEY = 'inventory.fbaReport.readAsOf';
/** When the figures the Inventory tab shows were true: what a run without figures says they date from. */
const SHOWN_KEY = 'inventory.fbaReport.shownAsOf';

/** One marketplace's keys (market-keys.ts): each marketplace has its own report (its marketplaceIds) and timings. */
function keysOf(market: string | undefined) {
  const k = (key: string) => keyFor(key, market);
  return { state: k(STATE_KEY), requested: k(REQUESTED_KEY), read: k(READ_KEY), shown: k(SHOWN_KEY) };
}
type Keys = ReturnType<typeof keysOf>;

/**
 * Above this many FBA SKUs the report is used. getInventorySummaries takes 50 SKUs a call at 2 calls
 * a second, burst 2 (sp-api.md §3.1, §10.1): 1,000 SKUs = 20 calls ≈ 10 s of the run's 4.5-minute
 * budget, but 20,000 (100,000 SKUs, 20% FBA) = 400 calls ≈ 200 s, most of it. The report costs the
 * same few calls at any size (getReport, getReportDocument, one download, one createReport for a
 * later run) but its figures are a run or more old, so it is worth it only once the summary calls
 * take more than a few seconds.
 */
export const FBA_REPORT_ABOVE = 1000;
/**
 * "A near real-time FBA report is generated no more than once every 30 minutes"
 * (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes), and a request
 * inside that window ends FATAL (Amazon's answer in amzn/selling-partner-api-models#4032): the
 * add-on never asks again sooner than this after its last request.
 */
const REGENERATE_MS = 30 * 60_000;
/** A report still not done after this long is requested again (Amazon's queue can hold one back). */
const REPORT_GIVE_UP_MS = 2 * 3600_000;

/** Said on every row whose figures come from the report, so a run that reads none changes no row. */
const ROUTINE =
  "Above 1,000 FBA SKUs the add-on reads them from Amazon's FBA inventory report, which Amazon makes at most every 30 minutes, so they can be a run or two old.";

export interface FbaStockRead extends FbaReadInfo {
  /** One per SKU asked for that Amazon counts FBA stock of; empty when `unknown`. */
  summaries: FbaSummary[];
  /** getInventorySummaries failed this run (Amazon's error, for the Sync Log): the figures are `unknown`. */
  failed?: string;
}

/** Said on the FBA rows (never Amazon's error text, which may quote what it was sent): what went wrong, in plain words. */
function failedNote(e: RemoteError): string {
  const what = e.kind === 'transport' ? 'did not answer' : e.kind === 'schema' ? 'answered with something it could not read' : `answered HTTP ${e.status ?? '?'}`;
  return `Amazon ${what} when asked for FBA figures this run; the row keeps those it showed, and the next run asks again.`;
}

type ReportOutcome = { summaries: FbaSummary[]; asOf: number; note?: string } | { unknownNote: string };

function requestReport(amazon: SpApiClient, store: KeyValueStore, now: number, keys: Keys): void {
  const id = amazon.createReport({ reportType: REPORT_TYPE });
  storedWait(store, keys.state).save({ id, requestedAt: now });
  store.set(keys.requested, String(now));
}

/** Amazon would end a request within 30 minutes of the last one FATAL. */
function mayRequest(store: KeyValueStore, now: number, keys: Keys): boolean {
  const last = Number(store.get(keys.requested) ?? '');
  return !Number.isFinite(last) || now - last >= REGENERATE_MS;
}

function fromReport(amazon: SpApiClient, store: KeyValueStore, now: number, wanted: ReadonlySet<string>, keys: Keys): ReportOutcome {
  const wait = storedWait(store, keys.state);
  const state = wait.load();
  if (!state) {
    if (mayRequest(store, now, keys)) requestReport(amazon, store, now, keys);
    return { unknownNote: ROUTINE };
  }
  let polled: ReturnType<typeof pollOnce<string>>;
  try {
    polled = pollOnce(state, (id) => {
      const report = amazon.getReport(id);
      return { status: report.processingStatus, result: report.reportDocumentId };
    }, now, REPORT_GIVE_UP_MS);
  } catch (e) {
    // Amazon keeps reports 90 days (sp-api.md §5): one waited for since then is gone, not an outage.
    if (!(e instanceof SpApiError) || e.kind !== 'not-found') throw e;
    wait.clear();
    requestReport(amazon, store, now, keys);
    return { unknownNote: `Amazon no longer has FBA inventory report ${state.id}, so a new one was requested.` };
  }
  if (polled.state === 'pending') {
    if (!polled.overdue) return { unknownNote: ROUTINE };
    // Two hours after the request: well past Amazon's 30 minutes, and a fresh request may overtake a stuck one.
    requestReport(amazon, store, now, keys);
    return { unknownNote: `Amazon had not finished FBA inventory report ${state.id} after ${polled.minutes} minutes, so a new one was requested.` };
  }
  if (polled.state === 'ended') {
    wait.clear();
    // CANCELLED: "automatically because there is no data" (sp-api.md §5; the add-on never cancels
    // this report): Amazon holds no FBA stock for this account, which is an answer, not a gap.
    if (polled.status === 'CANCELLED') return { summaries: [], asOf: state.requestedAt, note: ROUTINE };
    // FATAL (or DONE without a document): asking again at once would only meet the 30 minutes again.
    const mayNow = mayRequest(store, now, keys);
    if (mayNow) requestReport(amazon, store, now, keys);
    return {
      unknownNote:
        `Amazon ended FBA inventory report ${state.id} as ${polled.status} (it does so, among other reasons, for a request made within 30 minutes of another one, which another app may have made); ` +
        `${mayNow ? 'a new one was requested' : 'a new one is requested 30 minutes after the last request'}.`,
    };
  }
  let summaries: FbaSummary[];
  try {
    summaries = parseFbaInventoryReport(amazon.downloadReport(polled.result));
  } catch (e) {
    if (!(e instanceof FbaInventoryReportFormatError) && !(e instanceof UnsupportedCharsetError)) throw e;
    // The FBM sync does not depend on these figures: said on the FBA rows, never a stopped run.
    wait.clear();
    return { unknownNote: `Amazon's FBA inventory report ${state.id} could not be read: ${e.message} A new one will be requested.` };
  }
  wait.clear();
  return { summaries: summaries.filter((s) => wanted.has(s.sellerSku)), asOf: state.requestedAt, note: ROUTINE };
}

/**
 * FBA buckets for these Seller SKUs (the SKU Map's FBA rows): by summaries up to FBA_REPORT_ABOVE,
 * else from the report requested earlier. `unknown` when no report is ready (first run of a large
 * catalogue, report in progress, failed or unreadable): the caller keeps the figures it showed,
 * which date from `asOf` (0 = never recorded).
 */
export function readFbaStock(amazon: SpApiClient, store: KeyValueStore, now: number, skus: string[], market?: string): FbaStockRead {
  const keys = keysOf(market);
  const via = skus.length <= FBA_REPORT_ABOVE ? 'summaries' : 'report';
  try {
    return via === 'summaries' ? fromSummaries(amazon, store, now, skus, market, keys) : fromReportRead(amazon, store, now, skus, market, keys);
  } catch (e) {
    // FBA figures are shown, never pushed: Amazon failing to give them (summaries, or any step of the
    // report) must not stop the FBM sync, or a 3PL sell-out would stay on Amazon for as long as this
    // one read fails. A refused credential still stops the run (AUTH_FAILED); time running out still
    // cuts it. A report waited for stays waited for: the next run asks about it again.
    if (!(e instanceof RemoteError) || e.kind === 'auth' || e.kind === 'forbidden') throw e;
    return { ...unknownSince(store, keys), via, note: failedNote(e), failed: e.message };
  }
}

/** No figures this run: those the tab shows, dated when they were read (0 = not recorded). */
function unknownSince(store: KeyValueStore, keys: Keys): { summaries: FbaSummary[]; asOf: number; unknown: true } {
  // A read an earlier run made but did not finish writing is not what the tab shows.
  store.delete(keys.read);
  const shown = Number(store.get(keys.shown) ?? '');
  return { summaries: [], asOf: Number.isFinite(shown) ? shown : 0, unknown: true };
}

function fromSummaries(amazon: SpApiClient, store: KeyValueStore, now: number, skus: string[], market: string | undefined, keys: Keys): FbaStockRead {
  // A report asked for while the catalogue was larger is no longer waited for.
  if (store.get(keys.state) !== null) store.delete(keys.state);
  const summaries = tagMarket(readFbaSummaries(amazon, skus), market);
  store.set(keys.read, String(now));
  return { summaries, via: 'summaries', asOf: now, unknown: false };
}

function fromReportRead(amazon: SpApiClient, store: KeyValueStore, now: number, skus: string[], market: string | undefined, keys: Keys): FbaStockRead {
  const got = fromReport(amazon, store, now, new Set(skus), keys);
  if ('unknownNote' in got) return { ...unknownSince(store, keys), via: 'report', note: got.unknownNote };
  store.set(keys.read, String(got.asOf));
  return { summaries: tagMarket(got.summaries, market), via: 'report', asOf: got.asOf, unknown: false, ...(got.note ? { note: got.note } : {}) };
}

/**
 * At the end of a completed run: the figures it read are now those the tab shows, and after a run
 * on the report the next one is asked for (unless Amazon's 30 minutes since the last request have
 * not passed; a later run asks then), so a later run finds it ready.
 */
export function prepareNextFbaRead(amazon: SpApiClient, store: KeyValueStore, now: number, via: FbaStockRead['via'], market?: string): void {
  const keys = keysOf(market);
  const read = store.get(keys.read);
  if (read !== null) {
    store.set(keys.shown, read);
    store.delete(keys.read);
  }
  if (via !== 'report' || storedWait(store, keys.state).load() || !mayRequest(store, now, keys)) return;
  try {
    requestReport(amazon, store, now, keys);
  } catch (e) {
    // The run's push is done by now: a request Amazon refuses is made by the next run's read instead.
    if (!(e instanceof RemoteError) || e.kind === 'auth' || e.kind === 'forbidden') throw e;
  }
}
