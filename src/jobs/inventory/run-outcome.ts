// What a stock run says and leaves open when it ends: the Sync Log's notes, the exceptions a partial
// read keeps as they are, the stale-sync timeout, and what a cut or failed run tells people about the push.

import type { RaisedException } from '../../core/exceptions';
import { keptAfterPartialRead } from '../../core/inventory/listings-gap';
import { checkStockSyncTimeout } from '../../core/inventory/readback';
import type { JobContext, JobOutcome } from '../kit/job';
import type { MarketsListingsRead } from './market-listings';
import { loadPending } from './push';
import { K, num } from './state';

/** Says in the Sync Log that offers missing from a partial listings read were left as they were. */
export function gapNote(read: MarketsListingsRead): string {
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
export function keepOpenAfter(read: MarketsListingsRead, keptStock: boolean, settling: ReadonlySet<string>): Pick<JobOutcome, 'keepOpen'> {
  const partial = read.gap ? keptAfterPartialReads(read) : null;
  if (!partial && !keptStock && settling.size === 0) return {};
  return { keepOpen: (row) => (keptStock && row.type === 'GUARDRAIL_HALT') || (partial !== null && partial(row)) || settling.has(row.key) };
}

/** STOCK_SYNC_TIMEOUT when the last successful sync is older than the Settings timeout. */
export function syncTimeout(ctx: JobContext): RaisedException | null {
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
export function waitingOutcome(ctx: JobContext, message: string): JobOutcome {
  const timeout = syncTimeout(ctx);
  if (timeout) ctx.raise(timeout);
  return { outcome: 'partial', counts: {}, message, resolves: timeout ? ['STOCK_SYNC_TIMEOUT'] : [] };
}

export function modeText(ctx: JobContext, changes: number, held: boolean, waiting: number, pushMessage: string): string {
  if (ctx.settings.pushMode === 'dry-run') return `Dry run: ${changes} FBM quantit${changes === 1 ? 'y' : 'ies'} would change; nothing was pushed.`;
  if (held) return `Held by a guardrail: ${changes} changes not pushed (see Exceptions).`;
  if (waiting > 0) return `${waiting} change(s) await approval ("Approve stock push").`;
  return pushMessage || 'No FBM quantity needed to change.';
}

/**
 * When a word typed in Settings "Approve stock push" ("x", "yes") was read as the tick that approved
 * this run's plan: said in the Sync Log, since the add-on clears the cell and the word is gone from it.
 */
export function approveWordNote(ctx: JobContext): string {
  const { approveStockPush, approveStockPushWord, pushMode } = ctx.settings;
  if (!approveStockPush || pushMode === 'dry-run' || approveStockPushWord === undefined) return '';
  return ` Settings "Approve stock push" held "${approveStockPushWord}", read as ticked (it approved the plan shown, and the add-on unticked it); tick the box (TRUE) to say it plainly.`;
}

/** After a time cut: a push still with Amazon, or a fresh start. */
export function resumeNote(ctx: JobContext): string {
  return loadPending(ctx.ports.store) !== null ? 'The push already started carries on in the next run.' : 'Nothing was pushed; the next run starts again.';
}

/** After a failure (whose error says the next run tries again): whether anything reached Amazon. */
export function failureNote(ctx: JobContext): string {
  const { store } = ctx.ports;
  if (loadPending(store) !== null) return 'The push already started carries on in the next run.';
  // A push ends by recording its time (pushing.ts drivePush): one finished by this run is on the Inventory tab.
  if ((num(store.get(K.lastPushAt)) ?? 0) >= ctx.now) return "This run's push reached Amazon before it stopped (see the Inventory tab).";
  return 'Nothing was pushed to Amazon.';
}
