// Deciding what to push (docs/design.md §3 steps 4 and 7): only changed FBM quantities, by feed or
// one-by-one patches, in the Settings push mode, and recording what Amazon accepted so the push
// can be read back and undone. Who approved what in approve mode is in ./approval.ts.

import { exceptionKey, type RaisedException } from '../exceptions';
import { guardrailHaltException, type GuardrailTrip } from './guardrails';
import type { InventoryRow, PushChange, PushMethod, PushMode, PushState } from './types';

interface DiffResult {
  changes: PushChange[];
  /** FBM offers with a proposal: the base of the "share changing" guardrail. */
  compared: number;
  /** Changes whose new quantity is 0 from a non-zero or unknown one. */
  goingToZero: number;
}

/** A push Amazon accepted but whose result is not read back yet: do not send it again. */
function awaitingReadBack(row: InventoryRow): boolean {
  return row.pushState === 'accepted' && row.lastPushedQty === row.proposedQty;
}

/**
 * The quantity of a push Amazon accepted and has not applied yet (read back as still pending), which
 * lands later whatever Amazon shows now. A proposal that fell back to the stale figure (units just
 * ticked for FBA, an order) must still be sent: left alone, the pending push raised the offer above
 * what the 3PL can pick until the next run.
 */
function pendingPush(row: InventoryRow): number | null {
  return row.pushState === 'accepted' ? row.lastPushedQty : null;
}

/**
 * Changes = FBM offers whose proposal differs from Amazon's current quantity (or, when Amazon's
 * is unknown, from the last pushed one), or from a push still pending there (pendingPush). Only
 * FBM rows can produce a change: this is the one place where quantities are chosen for Amazon, and
 * FBA offers never get one.
 */
export function diffProposals(rows: ReadonlyArray<InventoryRow>): DiffResult {
  const changes: PushChange[] = [];
  let compared = 0;
  let goingToZero = 0;
  for (const row of rows) {
    if (row.channel !== 'FBM' || row.proposedQty === null) continue;
    compared++;
    if (awaitingReadBack(row)) continue;
    // fromQty stays what Amazon shows (the push's previous quantity: read-back and undo rely on it).
    const fromQty = row.amazonFbmQty ?? row.lastPushedQty;
    if (fromQty !== null && fromQty === row.proposedQty && pendingPush(row) === null) continue;
    changes.push({ key: row.key, marketplace: row.marketplace, sellerSku: row.sellerSku, fromQty, toQty: row.proposedQty });
    if (row.proposedQty === 0) goingToZero++;
  }
  return { changes, compared, goingToZero };
}

/**
 * At most this many one-by-one patches per push; more changes always go as one feed, whatever the
 * Settings feed threshold says: a patch push records each offer's answer in its pending-push record
 * (so a cut run resumes without sending twice), a document property limited to 9 KB, and capping
 * the patches keeps that record under the limit.
 */
const MAX_PATCHES = 100;

/**
 * How a push of `changeCount` changes is sent: one JSON_LISTINGS_FEED from the Settings feed
 * threshold up (or above MAX_PATCHES, whatever the threshold), patchListingsItem per SKU below it,
 * nothing when there is nothing to send.
 */
export function choosePushMethod(changeCount: number, feedThreshold: number): PushMethod {
  if (changeCount <= 0) return 'none';
  const threshold = Math.min(feedThreshold, MAX_PATCHES + 1);
  return changeCount >= threshold ? 'feed' : 'patch';
}

interface PlanPushInput {
  rows: ReadonlyArray<InventoryRow>;
  mode: PushMode;
  /** approve mode: a person approved this run's push. */
  approved?: boolean;
  /** From evaluateGuardrails. */
  trips: ReadonlyArray<GuardrailTrip>;
}

interface PushPlan {
  /** Copies of the rows with Push State set. */
  rows: InventoryRow[];
  changes: PushChange[];
  /** True when the caller should send `changes` now. */
  push: boolean;
  /** A guardrail holds the push (never in dry-run, which pushes nothing anyway). */
  held: boolean;
  /** GUARDRAIL_HALT when held. */
  exceptions: RaisedException[];
  compared: number;
  goingToZero: number;
}

/**
 * Sets every row's Push State for this run and says whether to push. dry-run shows what would
 * change; approve waits for a person; auto pushes. Tripped guardrails hold the whole push.
 */
export function planPush(input: PlanPushInput): PushPlan {
  const diff = diffProposals(input.rows);
  const changing = new Set(diff.changes.map((c) => c.key));
  const wouldPush = input.mode === 'auto' || input.mode === 'approve';
  const held = wouldPush && diff.changes.length > 0 && input.trips.length > 0;
  let changeState: PushState;
  if (input.mode === 'dry-run') changeState = 'dry-run';
  else if (held) changeState = 'held by guardrail';
  else if (input.mode === 'approve' && !input.approved) changeState = 'awaiting approval';
  else changeState = 'queued';

  const rows = input.rows.map((row): InventoryRow => {
    let pushState: PushState;
    if (row.channel !== 'FBM' || row.proposedQty === null) pushState = '';
    else if (changing.has(row.key)) pushState = changeState;
    else if (awaitingReadBack(row)) pushState = 'accepted';
    else if (row.pushState === 'applied' && row.lastPushedQty === row.proposedQty) pushState = 'applied';
    else pushState = 'unchanged';
    return { ...row, pushState };
  });
  const marketplace = input.rows[0]?.marketplace ?? '';
  return {
    rows,
    changes: diff.changes,
    push: changeState === 'queued' && diff.changes.length > 0,
    held,
    exceptions: held ? [guardrailHaltException(input.trips, marketplace)] : [],
    compared: diff.compared,
    goingToZero: diff.goingToZero,
  };
}

/** Amazon's answer for one pushed SKU (patch response, or the feed's processing report). */
export interface PushResult {
  key: string;
  outcome: 'accepted' | 'rejected';
  /** Amazon's issue text for a rejection (untrusted, shown as text). */
  message?: string;
}

const MAX_AMAZON_TEXT = 500;

/**
 * Records a push's outcome on the rows. Accepted: Last Pushed = new quantity, Previous = the
 * quantity before (for undo). Rows outside this push lose their Previous Qty, so undo restores
 * exactly the last push. Rows without a result yet stay queued. Calling it again with more
 * results of the same push is safe.
 */
export function recordPushResults(
  rows: ReadonlyArray<InventoryRow>,
  changes: ReadonlyArray<PushChange>,
  results: ReadonlyArray<PushResult>,
): { rows: InventoryRow[]; exceptions: RaisedException[] } {
  if (changes.length === 0) return { rows: rows.map((r) => ({ ...r })), exceptions: [] };
  const byKey = new Map(changes.map((c) => [c.key, c] as const));
  const outcome = new Map(results.map((r) => [r.key, r] as const));
  const exceptions: RaisedException[] = [];
  const out = rows.map((row): InventoryRow => {
    const change = byKey.get(row.key);
    if (!change) return { ...row, previousQty: null };
    const res = outcome.get(row.key);
    if (!res) return { ...row };
    if (res.outcome === 'accepted') {
      return { ...row, previousQty: change.fromQty, lastPushedQty: change.toQty, pushState: 'accepted' };
    }
    const text = (res.message ?? '').slice(0, MAX_AMAZON_TEXT);
    exceptions.push({
      key: exceptionKey('STOCK_PUSH_REJECTED', row.marketplace, row.sellerSku),
      type: 'STOCK_PUSH_REJECTED',
      entity: `${row.marketplace} FBM ${row.sellerSku}`,
      message:
        `Amazon rejected the quantity update for Seller SKU ${row.sellerSku} (${row.marketplace}) from ${change.fromQty ?? 'unknown'} to ${change.toQty}` +
        `${text ? `: "${text}"` : ''}. Amazon keeps its old quantity, which may not match the warehouse. ` +
        'Check the listing in Seller Central (it may be suppressed or not merchant-fulfilled); the next sync tries again.',
    });
    return { ...row, previousQty: null, pushState: 'rejected' };
  });
  return { rows: out, exceptions };
}
