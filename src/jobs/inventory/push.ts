// Sends queued FBM quantities to Amazon and follows them to Amazon's answer, surviving cuts: the
// pending push is saved in document properties after every step, so a run that stops (6-minute
// limit, lost response) resumes where it was and never sends a quantity twice. Only FBM offers are
// ever addressed: every update goes to fulfillment_channel_code DEFAULT (the merchant channel).

import { onMarketplace, type SpApiClient } from '../../amazon/client';
import type { ListingsSubmission } from '../../amazon/schemas/listings';
import { SpApiError, SpApiTransportError } from '../../amazon/errors';
import { JSON_FEED_CONTENT_TYPE, MAX_FEED_MESSAGES, buildQuantityFeed } from '../../amazon/feeds';
import type { PushResult } from '../../core/inventory/diff';
import { convertsFbaOffer, type ChannelsOf } from '../../core/inventory/fba-guard';
import { groupBy } from '../../core/group';
import type { PushChange } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { DeadlineExceeded, type Deadline } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import { pollOnce } from '../kit/waiter';

const PENDING_KEY = 'inventory.pendingPush';
/** Patches stop this long before the deadline, leaving time to write the sheet. */
const PATCH_RESERVE_MS = 20_000;

/**
 * One JSON_LISTINGS_FEED of a push: its slice of the push's changes (in the order the Inventory
 * rows queue them) and how far it got. A feed is made for one marketplace (createFeed's
 * marketplaceIds), so a push is one part per marketplace, and more for one of over 25,000 changes.
 */
export interface FeedPart {
  /** The marketplace code its changes are for; absent in a push saved before several were served. */
  marketplace?: string;
  feedDocumentId?: string;
  uploaded?: boolean;
  /** Set before createFeed is called (when): a lost answer must be looked up, not re-sent. */
  creating?: boolean;
  creatingAt?: number;
  feedId?: string;
  /** Amazon's end for this feed: its processing report, or the status it ended with otherwise. */
  resultDocumentId?: string;
  endedAs?: string;
}

export interface PendingPush {
  runId: string;
  kind: 'push' | 'undo';
  method: 'feed' | 'patch';
  startedAt: number;
  /** Patch: outcome per offer key so far ("a" accepted, "r:<text>" rejected). */
  done: Record<string, string>;
  /** Feed: the feeds, in order; part i carries planFeedParts(changes)[i]. */
  parts?: FeedPart[];
  /** A push saved by a version that sent one feed keeps its feed here (read as parts[0]). */
  feedDocumentId?: string;
  uploaded?: boolean;
  creating?: boolean;
  feedId?: string;
}

/** A push whose feed Amazon has taken: its queued quantities are on their way, not stuck. */
export function feedInFlight(pending: PendingPush | null): boolean {
  return pending?.method === 'feed' && (pending.parts ?? []).some((p) => Boolean(p.feedId));
}

export function loadPending(store: KeyValueStore): PendingPush | null {
  const raw = store.get(PENDING_KEY);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as PendingPush;
    if (p.method === 'feed' && !p.parts) {
      p.parts = [{ feedDocumentId: p.feedDocumentId, uploaded: p.uploaded, creating: p.creating, feedId: p.feedId }];
      delete p.feedDocumentId;
      delete p.uploaded;
      delete p.creating;
      delete p.feedId;
    }
    return p;
  } catch {
    store.delete(PENDING_KEY);
    return null;
  }
}

export function savePending(store: KeyValueStore, p: PendingPush): void {
  store.set(PENDING_KEY, JSON.stringify(p));
}

export function clearPending(store: KeyValueStore): void {
  store.delete(PENDING_KEY);
}

export type PushProgress =
  /** `unconfirmed`: what Amazon processed but no processing report could say (feed results left to the read-back). */
  | { state: 'done'; results: PushResult[]; unconfirmed?: string }
  | { state: 'waiting'; message: string }
  | { state: 'stopped'; message: string; results: PushResult[] };

/** A patch Amazon gave no answer to (even sent twice) or refused for its own trouble (5xx, 429): resent by a later push. */
const NO_ANSWER = 'n';
/** Unanswered patches in a row that mean Amazon is down, not one offer in trouble: the push stops there. */
const MAX_UNANSWERED_IN_A_ROW = 3;

export function resultsFrom(done: Record<string, string>): PushResult[] {
  return Object.keys(done).filter((key) => done[key] !== NO_ANSWER).map((key) => {
    const v = done[key] ?? 'a';
    return v === 'a' ? { key, outcome: 'accepted' as const } : { key, outcome: 'rejected' as const, message: v.slice(2) };
  });
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}…` : s);

/** "a" for an accepted patch, "r:<Amazon's words>" for a rejected one. */
function patchOutcome(sub: ListingsSubmission): string {
  const errors = (sub.issues ?? []).filter((i) => i.severity === 'ERROR');
  return sub.status === 'INVALID' || errors.length > 0 ? `r:${clip(errors.map((i) => i.message).join('; ') || sub.status)}` : 'a';
}

/**
 * One patchListingsItem per change, recording each answer before the next call. An offer Amazon
 * does not answer for is left queued and the others go on (one troubled listing must not hold back
 * every other quantity, run after run); several in a row stop the push, as Amazon is then down.
 */
export function runPatches(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush, changes: PushChange[], deadline: Deadline, channelsOf: ChannelsOf): PushProgress {
  let unansweredInARow = 0;
  for (const c of changes) {
    if (pending.done[c.key] !== undefined) continue;
    // The push was filtered by refuseFbaConversions already; this stops any path that skipped it.
    if (convertsFbaOffer(channelsOf(c.sellerSku, c.marketplace))) throw new Error(`Refused to send a merchant (DEFAULT) quantity to FBA-only Seller SKU ${c.sellerSku}: Amazon would convert the offer to merchant-fulfilled.`);
    if (deadline.remainingMs() < PATCH_RESERVE_MS) {
      return { state: 'stopped', message: 'Out of time: the remaining updates go out on the next run.', results: resultsFrom(pending.done) };
    }
    let outcome: string;
    // Each patch carries its offer's marketplaceIds: a quantity set in the UK never lands in DE.
    const market = onMarketplace(amazon, c.marketplace);
    try {
      outcome = patchOutcome(market.patchListingQuantity(c.sellerSku, c.toQty));
    } catch (e) {
      if (e instanceof SpApiTransportError) {
        // The write may or may not have happened. Setting a quantity is idempotent, so it is sent
        // once more: Amazon is right by the end of the run. No answer again: the next run settles
        // it from fresh stock figures (settleUnsentPush), never with this run's.
        try {
          outcome = patchOutcome(market.patchListingQuantity(c.sellerSku, c.toQty));
        } catch (again) {
          if (again instanceof DeadlineExceeded) return { state: 'stopped', message: 'Out of time: the remaining updates go out on the next run.', results: resultsFrom(pending.done) };
          if (!(again instanceof SpApiTransportError)) throw again;
          outcome = NO_ANSWER;
        }
      } else if (e instanceof SpApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
        outcome = `r:${clip(e.message)}`;
      } else if (e instanceof SpApiError) {
        // 5xx or 429 after the client's own retries: Amazon's trouble, not this quantity's.
        outcome = NO_ANSWER;
      } else if (e instanceof DeadlineExceeded) {
        return { state: 'stopped', message: 'Out of time: the remaining updates go out on the next run.', results: resultsFrom(pending.done) };
      } else {
        throw e;
      }
    }
    pending.done[c.key] = outcome;
    savePending(store, pending);
    unansweredInARow = outcome === NO_ANSWER ? unansweredInARow + 1 : 0;
    if (unansweredInARow >= MAX_UNANSWERED_IN_A_ROW) {
      return { state: 'stopped', message: `No answer from Amazon for ${unansweredInARow} quantity updates in a row (last: ${c.sellerSku}), even when sent again; the next run sends them from fresh stock figures.`, results: resultsFrom(pending.done) };
    }
  }
  return { state: 'done', results: resultsFrom(pending.done) };
}

/**
 * Feeds one push may send: Amazon takes 5 JSON_LISTINGS_FEEDs per 5 minutes per region
 * (sp-api.md "JSON_LISTINGS_FEED"), whatever their marketplaces: the limit is per seller and app.
 * A larger push leaves the rest for the next run ("next push").
 */
export const FEEDS_PER_PUSH = 5;

const FEED_TIMES_KEY = 'inventory.feedTimes';
const FEED_WINDOW_MS = 5 * 60_000;

function feedTimes(store: KeyValueStore, now: number): number[] {
  try {
    const v = JSON.parse(store.get(FEED_TIMES_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number' && t > now - FEED_WINDOW_MS) : [];
  } catch {
    return [];
  }
}

/** When the next JSON_LISTINGS_FEED may go: now, unless 5 went in the last 5 minutes (pushes or undos). */
export function nextFeedSlot(store: KeyValueStore, now: number): number {
  const recent = feedTimes(store, now).sort((a, b) => a - b);
  return recent.length < FEEDS_PER_PUSH ? now : recent[recent.length - FEEDS_PER_PUSH]! + FEED_WINDOW_MS;
}

/** Counted before createFeed is called: a submission whose answer is lost still used its slot. */
export function noteFeedSent(store: KeyValueStore, at: number): void {
  store.set(FEED_TIMES_KEY, JSON.stringify([...feedTimes(store, at), at]));
}

/** One feed of a push: one marketplace's changes, at most 25,000 of them. */
export interface PlannedPart {
  marketplace: string;
  changes: PushChange[];
}

/**
 * The feeds a push of `changes` takes: one per marketplace (a JSON_LISTINGS_FEED is created for
 * the marketplaceIds given, feeds_2021-06-30.json CreateFeedSpecification.marketplaceIds), each
 * split at 25,000 messages (listings-feed-schema-v2.json messages.maxItems). Marketplaces in code
 * order and changes in the rows' order, so a later run that rebuilds the changes from the rows
 * finds each part's slice again.
 */
export function planFeedParts(changes: ReadonlyArray<PushChange>): PlannedPart[] {
  const byMarket = groupBy(changes, (c) => c.marketplace);
  const out: PlannedPart[] = [];
  for (const m of [...byMarket.keys()].sort()) {
    const list = byMarket.get(m)!;
    for (let i = 0; i < list.length; i += MAX_FEED_MESSAGES) out.push({ marketplace: m, changes: list.slice(i, i + MAX_FEED_MESSAGES) });
  }
  return out;
}

/**
 * Creates, uploads and submits the push's feeds (one per marketplace and 25,000 changes; Amazon
 * takes 5 JSON_LISTINGS_FEEDs per 5 minutes whatever their marketplaces, so a push spread over
 * several marketplaces that needs more submits the rest on a later run, nextFeedSlot), or follows
 * the ones already submitted. Each step is saved before the next, so a cut run resumes without
 * sending twice.
 */
export function runFeed(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush, changes: PushChange[], now: number, channelsOf: ChannelsOf): PushProgress {
  const parts = pending.parts ?? (pending.parts = []);
  const plan = planFeedParts(changes);
  while (parts.length < Math.max(1, plan.length)) parts.push({});
  parts.forEach((p, i) => {
    if (plan[i]) p.marketplace = plan[i].marketplace;
  });
  adoptLostFeeds(amazon, store, pending);
  const save = () => savePending(store, pending);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.feedId) continue;
    // The feed is created with its marketplace's marketplaceIds; the document and rate limit are the seller's.
    const market = onMarketplace(amazon, part.marketplace);
    if (!part.uploaded) {
      // A document never confirmed as uploaded is replaced: its pre-signed URL lives 5 minutes.
      const doc = amazon.createFeedDocument(JSON_FEED_CONTENT_TYPE);
      // Each update carries Amazon's channels so the feed builder refuses an FBA-only SKU itself.
      const body = JSON.stringify(buildQuantityFeed(amazon.sellerId, (plan[i]?.changes ?? []).map((c) => ({ sku: c.sellerSku, quantity: c.toQty, channels: channelsOf(c.sellerSku, c.marketplace) }))));
      amazon.uploadFeedDocument(doc.url, body, JSON_FEED_CONTENT_TYPE);
      part.feedDocumentId = doc.feedDocumentId;
      part.uploaded = true;
      save();
    }
    const slot = nextFeedSlot(store, now);
    if (slot > now) {
      return { state: 'waiting', message: `Amazon takes ${FEEDS_PER_PUSH} listings feeds per 5 minutes and that many went out just now; the rest of this push is submitted on the next run.` };
    }
    noteFeedSent(store, now);
    part.creating = true;
    part.creatingAt = now;
    save();
    try {
      part.feedId = market.createFeed('JSON_LISTINGS_FEED', part.feedDocumentId!);
    } catch (e) {
      if (e instanceof SpApiTransportError) return { state: 'waiting', message: 'Amazon did not answer the feed submission; the next run looks it up.' };
      throw e;
    }
    part.creating = false;
    save();
    if (i === parts.length - 1) {
      // Amazon takes minutes to process a feed: asking straight away could only answer IN_QUEUE.
      const ids = parts.map((p) => p.feedId).join(', ');
      const message = parts.length === 1 ? `Feed ${ids} was submitted to Amazon; its result is read on the next run.` : `${parts.length} feeds (${ids}) were submitted to Amazon; their results are read on the next run.`;
      return { state: 'waiting', message };
    }
  }
  for (const part of parts) {
    const waiting = pollPart(amazon, pending, part, now, save);
    if (waiting) return { state: 'waiting', message: `Feed ${part.feedId} is ${waiting.toLowerCase().replace('_', ' ')} at Amazon; its result is read on the next run.` };
  }
  const results: PushResult[] = [];
  const unread: string[] = [];
  parts.forEach((part, i) => {
    const mine = plan[i]?.changes ?? [];
    if (part.endedAs) {
      const why = `Amazon ended feed ${part.feedId} as ${part.endedAs}.`;
      for (const c of mine) results.push({ key: c.key, outcome: 'rejected', message: why });
      return;
    }
    const report = readProcessingReport(amazon, part.resultDocumentId!);
    if ('unreadable' in report) {
      // Amazon has processed the feed: its quantities are on Amazon or not, whatever the report says.
      // Waiting for a report that may never read would hold every later stock change back (a sell-out
      // never reaching Amazon); the read-back compares Amazon's quantities with these instead.
      unread.push(`feed ${part.feedId} (${report.unreadable})`);
      for (const c of mine) results.push({ key: c.key, outcome: 'accepted' });
      return;
    }
    const bySku = new Map<string, string[]>();
    for (const issue of report.issues ?? []) {
      if (issue.severity !== 'ERROR' || !issue.sku) continue;
      bySku.set(issue.sku, [...(bySku.get(issue.sku) ?? []), issue.message]);
    }
    for (const c of mine) {
      const errs = bySku.get(c.sellerSku);
      results.push(errs ? { key: c.key, outcome: 'rejected', message: clip(errs.join('; ')) } : { key: c.key, outcome: 'accepted' });
    }
  });
  if (unread.length === 0) return { state: 'done', results };
  return {
    state: 'done',
    results,
    unconfirmed: `Amazon processed ${unread.length === 1 ? 'the feed' : 'the feeds'}, but the processing report could not be read (${unread.join('; ')}): ${results.length} quantit${results.length === 1 ? 'y is' : 'ies are'} recorded as accepted and checked against Amazon's listings by the read-back (one Amazon did not apply becomes STOCK_PUSH_NOT_APPLIED and is sent again).`,
  };
}

/**
 * Asks Amazon about one submitted feed not yet finished and saves the answer on the push: null once
 * Amazon has finished it (now or before), else the status it is still in.
 */
function pollPart(amazon: SpApiClient, pending: PendingPush, part: FeedPart, now: number, save: () => void): string | null {
  if (part.resultDocumentId || part.endedAs) return null;
  const polled = pollOnce({ id: part.feedId!, requestedAt: pending.startedAt }, (id) => {
    const feed = amazon.getFeed(id);
    return { status: feed.processingStatus, result: feed.resultFeedDocumentId };
  }, now);
  if (polled.state === 'pending') return polled.status;
  if (polled.state === 'ended') part.endedAs = polled.status;
  else part.resultDocumentId = polled.result;
  save();
  return null;
}

/**
 * For a push whose feeds all went out: asks Amazon about each before the run reads its tabs, and
 * saves the answers on the push (runFeed then finds them), so the caller can ask for the read-back
 * report first and Amazon prepares it while the run reads and writes its tabs. True when Amazon has
 * finished every feed.
 */
export function feedsFinishedFirst(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush, now: number): boolean {
  const parts = pending.parts ?? [];
  if (pending.method !== 'feed' || parts.length === 0 || parts.some((p) => !p.feedId || p.creating)) return false;
  const save = () => savePending(store, pending);
  return parts.every((part) => pollPart(amazon, pending, part, now, save) === null);
}

/** Amazon's processing report, or why it cannot be read (an answer Amazon will not give, or half of one). */
function readProcessingReport(amazon: SpApiClient, documentId: string): ReturnType<SpApiClient['getProcessingReport']> | { unreadable: string } {
  try {
    return amazon.getProcessingReport(documentId);
  } catch (e) {
    // Refused credentials are a person's to fix and fail the run as everywhere else.
    if (e instanceof RemoteError && e.kind !== 'auth') return { unreadable: clip(e.message) };
    throw e;
  }
}

/**
 * A createFeed that got no answer: the feed Amazon made after it was sent, not claimed by another
 * part, is adopted; none means it was never made, and the part is submitted again.
 */
function adoptLostFeeds(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush): void {
  const lost = (pending.parts ?? []).filter((p) => !p.feedId && p.creating);
  if (lost.length === 0) return;
  const sinceIso = new Date(pending.startedAt - 60_000).toISOString();
  // getFeeds lists the feeds of the marketplaceIds asked: each lost part is looked for in its own.
  const found = new Map<string, ReturnType<SpApiClient['getFeeds']>['feeds']>();
  const feedsOf = (m: string | undefined) => {
    const k = m ?? '';
    if (!found.has(k)) found.set(k, onMarketplace(amazon, m).getFeeds({ feedTypes: ['JSON_LISTINGS_FEED'], createdSince: sinceIso }).feeds);
    return found.get(k)!;
  };
  const claimed = new Set((pending.parts ?? []).map((p) => p.feedId).filter(Boolean));
  for (const part of lost) {
    const from = (part.creatingAt ?? pending.startedAt) - 60_000;
    const match = feedsOf(part.marketplace).find((f) => !claimed.has(f.feedId) && Date.parse(f.createdTime) >= from);
    if (match) {
      part.feedId = match.feedId;
      claimed.add(match.feedId);
    }
    part.creating = false;
  }
  savePending(store, pending);
}
