// A feed Amazon leaves in its queue must not hold the stock sync back: its quantities were computed
// from stock that may have been sold since, so after a while in the queue it is cancelled and the
// run recomputes from fresh figures and pushes anew. A feed Amazon has started cannot be cancelled
// (feeds_2021-06-30 cancelFeed: only IN_QUEUE); that one is followed to its end, and the run that
// sees it finish recomputes at once.

import type { SpApiClient } from '../../amazon/client';
import { RemoteError } from '../../ports/errors';
import type { JobContext } from '../kit/job';
import type { PendingPush } from './push';

/** Amazon processes a listings feed in minutes; half an hour in the queue is a stuck feed. */
const FEED_STUCK_MS = 30 * 60_000;

/**
 * Cancels the pending push's feeds when they have sat in Amazon's queue too long; says so, or null.
 * A push of several feeds is cancelled only when every feed still unfinished is in the queue: one
 * Amazon has started is followed to its end with the others.
 */
export function cancelStuckFeed(ctx: JobContext, amazon: SpApiClient, pending: PendingPush): string | null {
  if (pending.kind !== 'push' || pending.method !== 'feed') return null;
  const open = (pending.parts ?? []).filter((p) => p.feedId && !p.resultDocumentId && !p.endedAs).map((p) => p.feedId!);
  if (open.length === 0 || open.length !== (pending.parts ?? []).filter((p) => !p.resultDocumentId && !p.endedAs).length) return null;
  const waited = ctx.ports.clock.now() - pending.startedAt;
  if (waited < FEED_STUCK_MS) return null;
  try {
    if (open.some((id) => amazon.getFeed(id).processingStatus !== 'IN_QUEUE')) return null;
    for (const id of open) if (!amazon.cancelFeed(id)) return null;
  } catch (e) {
    // Cancelling is an improvement, not a duty: if Amazon will not answer, the feed is followed as before.
    if (e instanceof RemoteError) return null;
    throw e;
  }
  return `Feed ${open.join(', ')} sat in Amazon's queue for ${Math.round(waited / 60_000)} minutes, so ${open.length === 1 ? 'it was' : 'they were'} cancelled and the quantities recomputed from fresh stock.`;
}
