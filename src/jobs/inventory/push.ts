// Sends queued FBM quantities to Amazon and follows them to Amazon's answer, surviving cuts: the
// pending push is saved in document properties after every step, so a run that stops (6-minute
// limit, lost response) resumes where it was and never sends a quantity twice. Only FBM offers are
// ever addressed: every update goes to fulfillment_channel_code DEFAULT (the merchant channel).

import type { SpApiClient } from '../../amazon/client';
import type { ListingsSubmission } from '../../amazon/schemas/listings';
import { SpApiError, SpApiTransportError } from '../../amazon/errors';
import { JSON_FEED_CONTENT_TYPE, buildQuantityFeed } from '../../amazon/feeds';
import type { PushResult } from '../../core/inventory/diff';
import { convertsFbaOffer, type ChannelsOf } from '../../core/inventory/fba-guard';
import type { PushChange } from '../../core/inventory/types';
import type { KeyValueStore } from '../../ports/store';
import { DeadlineExceeded, type Deadline } from '../../ports/clock';
import { pollOnce } from '../kit/waiter';

const PENDING_KEY = 'inventory.pendingPush';
/** Patches stop this long before the deadline, leaving time to write the sheet. */
const PATCH_RESERVE_MS = 20_000;

export interface PendingPush {
  runId: string;
  kind: 'push' | 'undo';
  method: 'feed' | 'patch';
  startedAt: number;
  /** Patch: outcome per offer key so far ("a" accepted, "r:<text>" rejected). */
  done: Record<string, string>;
  feedDocumentId?: string;
  uploaded?: boolean;
  /** Set before createFeed is called: a lost answer must be looked up, not re-sent. */
  creating?: boolean;
  feedId?: string;
}

export function loadPending(store: KeyValueStore): PendingPush | null {
  const raw = store.get(PENDING_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PendingPush;
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
  | { state: 'done'; results: PushResult[] }
  | { state: 'waiting'; message: string }
  | { state: 'stopped'; message: string; results: PushResult[] };

export function resultsFrom(done: Record<string, string>): PushResult[] {
  return Object.keys(done).map((key) => {
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

/** One patchListingsItem per change, recording each answer before the next call. */
export function runPatches(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush, changes: PushChange[], deadline: Deadline, channelsOf: ChannelsOf): PushProgress {
  for (const c of changes) {
    if (pending.done[c.key] !== undefined) continue;
    // The push was filtered by refuseFbaConversions already; this stops any path that skipped it.
    if (convertsFbaOffer(channelsOf(c.sellerSku))) throw new Error(`Refused to send a merchant (DEFAULT) quantity to FBA-only Seller SKU ${c.sellerSku}: Amazon would convert the offer to merchant-fulfilled.`);
    if (deadline.remainingMs() < PATCH_RESERVE_MS) {
      return { state: 'stopped', message: 'Out of time: the remaining updates go out on the next run.', results: resultsFrom(pending.done) };
    }
    let outcome: string;
    try {
      outcome = patchOutcome(amazon.patchListingQuantity(c.sellerSku, c.toQty));
    } catch (e) {
      if (e instanceof SpApiTransportError) {
        // The write may or may not have happened. Setting a quantity is idempotent, so it is sent
        // once more: Amazon is right by the end of the run. No answer again: the next run settles
        // it from fresh stock figures (settleUnsentPush), never with this run's.
        try {
          outcome = patchOutcome(amazon.patchListingQuantity(c.sellerSku, c.toQty));
        } catch (again) {
          if (!(again instanceof SpApiTransportError) && !(again instanceof DeadlineExceeded)) throw again;
          return { state: 'stopped', message: `No answer from Amazon for ${c.sellerSku}, even when sent again; the next run sends it from fresh stock figures.`, results: resultsFrom(pending.done) };
        }
      } else if (e instanceof SpApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
        outcome = `r:${clip(e.message)}`;
      } else if (e instanceof DeadlineExceeded) {
        return { state: 'stopped', message: 'Out of time: the remaining updates go out on the next run.', results: resultsFrom(pending.done) };
      } else {
        throw e;
      }
    }
    pending.done[c.key] = outcome;
    savePending(store, pending);
  }
  return { state: 'done', results: resultsFrom(pending.done) };
}

/** Creates, uploads and submits one JSON_LISTINGS_FEED, or follows the one already submitted. */
export function runFeed(amazon: SpApiClient, store: KeyValueStore, pending: PendingPush, changes: PushChange[], now: number, channelsOf: ChannelsOf): PushProgress {
  const sinceIso = new Date(pending.startedAt - 60_000).toISOString();
  if (!pending.feedId && pending.creating) {
    // The last createFeed got no answer: adopt the feed Amazon made after this push started, if any.
    const found = amazon.getFeeds({ feedTypes: ['JSON_LISTINGS_FEED'], createdSince: sinceIso }).feeds;
    const ours = found.filter((f) => Date.parse(f.createdTime) >= pending.startedAt - 60_000);
    if (ours.length > 0) pending.feedId = ours[ours.length - 1]!.feedId;
    pending.creating = false;
    savePending(store, pending);
  }
  if (!pending.feedId) {
    if (!pending.uploaded) {
      // A document never confirmed as uploaded is replaced: its pre-signed URL lives 5 minutes.
      const doc = amazon.createFeedDocument(JSON_FEED_CONTENT_TYPE);
      // Each update carries Amazon's channels so the feed builder refuses an FBA-only SKU itself.
      const body = JSON.stringify(buildQuantityFeed(amazon.sellerId, changes.map((c) => ({ sku: c.sellerSku, quantity: c.toQty, channels: channelsOf(c.sellerSku) }))));
      amazon.uploadFeedDocument(doc.url, body, JSON_FEED_CONTENT_TYPE);
      pending.feedDocumentId = doc.feedDocumentId;
      pending.uploaded = true;
      savePending(store, pending);
    }
    pending.creating = true;
    savePending(store, pending);
    try {
      pending.feedId = amazon.createFeed('JSON_LISTINGS_FEED', pending.feedDocumentId!);
    } catch (e) {
      if (e instanceof SpApiTransportError) return { state: 'waiting', message: 'Amazon did not answer the feed submission; the next run looks it up.' };
      throw e;
    }
    pending.creating = false;
    savePending(store, pending);
    // Amazon takes minutes to process a feed: asking straight away could only answer IN_QUEUE.
    return { state: 'waiting', message: `Feed ${pending.feedId} was submitted to Amazon; its result is read on the next run.` };
  }
  const polled = pollOnce({ id: pending.feedId, requestedAt: pending.startedAt }, (id) => {
    const feed = amazon.getFeed(id);
    return { status: feed.processingStatus, result: feed.resultFeedDocumentId };
  }, now);
  if (polled.state === 'pending') {
    return { state: 'waiting', message: `Feed ${pending.feedId} is ${polled.status.toLowerCase().replace('_', ' ')} at Amazon; its result is read on the next run.` };
  }
  if (polled.state === 'ended') {
    const why = `Amazon ended feed ${pending.feedId} as ${polled.status}.`;
    return { state: 'done', results: changes.map((c) => ({ key: c.key, outcome: 'rejected' as const, message: why })) };
  }
  const report = amazon.getProcessingReport(polled.result);
  const bySku = new Map<string, string[]>();
  for (const issue of report.issues ?? []) {
    if (issue.severity !== 'ERROR' || !issue.sku) continue;
    bySku.set(issue.sku, [...(bySku.get(issue.sku) ?? []), issue.message]);
  }
  return {
    state: 'done',
    results: changes.map((c) => {
      const errs = bySku.get(c.sellerSku);
      return errs ? { key: c.key, outcome: 'rejected' as const, message: clip(errs.join('; ')) } : { key: c.key, outcome: 'accepted' as const };
    }),
  };
}
