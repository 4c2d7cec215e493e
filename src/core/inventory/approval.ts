// The approve push mode's rules (docs/design.md §3 step 7): which stock changes a person approved, which
// still wait for approval, and what the stock sync must remember between runs so that an approval
// covers exactly the plan that person saw — same offers, same quantities — and nothing computed
// later. Pure: the caller reads and writes the remembered plans (document properties
// inventory.shownPlan / approvedPlan / resumedPlan); these functions only decide.
//
// A plan is remembered as its fingerprint: one `key=toQty` entry per change, sorted, joined by '|',
// or, when that would not fit in one document property (9 KB), a digest of it, whose entries are the
// plan the Inventory tab shows when the digests agree (plan-record.ts).
// Lifecycle, as the stock sync uses it:
//   - every approve-mode run records the changes still waiting as the shown plan
//     (planFingerprint of what holds.ts planShown returns);
//   - "Approve stock push" copies the shown plan into the approved plan before it runs
//     (stored as shownPlan ?? ''), and the approved plan is cleared once a push starts;
//   - a push cut before all its quantities reached Amazon records its unsent, already approved
//     changes as the resumed plan (resumedPlanToRecord), which the next computation reads once and
//     clears.

import { planEntries, planEntry, rememberedPlan } from './plan-record';
import type { PlanOnTab } from './plan-record';
import type { InventoryRow, PushChange, PushMode } from './types';

/**
 * A stable text of the planned changes (sorted, so independent of order), so an approval applies to
 * exactly the plan shown: the same offer at another quantity is another entry.
 */
export function planFingerprint(changes: ReadonlyArray<Pick<PushChange, 'key' | 'toQty'>>): string {
  return rememberedPlan(changes);
}

/** What the approve push mode knows at the start of a computation. */
interface ApprovalInput {
  /** The person chose "Approve stock push" (menu or sidebar) for this run. */
  approveNow: boolean;
  /** Settings "Approve stock push" is ticked (it may have been left on since an earlier run). */
  approveTick: boolean;
  /** Fingerprint of the changes the last approve-mode run showed as awaiting approval. */
  shownPlan: string | null;
  /** Fingerprint a person approved with "Approve stock push", kept until a push starts. */
  approvedPlan: string | null;
  /** Fingerprint of approved changes a cut push did not send (see resumedPlanToRecord). */
  resumedPlan: string | null;
  /** The plans the Inventory tab shows (plansOnTab): what a digest fingerprint stands for. */
  onTab?: PlanOnTab;
}

/**
 * The `key=toQty` entries a person approved for this run, or null when nothing is approved (then
 * every change waits). Only meaningful in approve push mode; the caller does not ask otherwise.
 *
 * An approval (the menu now, or the tick box) covers the plan that was on the Inventory tab when
 * it was given — the last shown plan — never changes computed afterwards, so a tick left on does
 * not turn approve mode into auto. Without either, an approval recorded earlier (approvedPlan)
 * still stands until a push uses it. Changes a cut push left unsent were approved already and stay
 * approved at their quantity. A non-null result is an explicit approval even when none of its
 * entries matches this run's changes: the caller lifts guardrail holds for it, since the person
 * approved what the holds were shown on.
 */
export function approvedEntries(input: ApprovalInput): ReadonlySet<string> | null {
  const approvedFp = input.approveNow || input.approveTick ? input.shownPlan : input.approvedPlan;
  // A digest the tab no longer shows approves nothing: what it stood for cannot be known.
  const approved = approvedFp ? (planEntries(approvedFp, input.onTab?.shown) ?? []) : [];
  const resumed = input.resumedPlan ? (planEntries(input.resumedPlan, input.onTab?.queued) ?? []) : [];
  if (approved.length === 0 && resumed.length === 0) return null;
  return new Set([...approved, ...resumed]);
}

/**
 * An approval given or recorded whose plan the Inventory tab no longer shows (a large plan is
 * remembered as a digest of the rows shown; a cell edited since, or a later plan, changes it):
 * it approves nothing, and the person needs to approve what the tab shows now.
 */
export function approvalLapsed(input: ApprovalInput): boolean {
  const approvedFp = input.approveNow || input.approveTick ? input.shownPlan : input.approvedPlan;
  return approvedFp ? planEntries(approvedFp, input.onTab?.shown) === null : false;
}

interface ApprovalSplit {
  /** Changes approval does not hold back (other gates — dry-run, a guardrail — may still apply). */
  approved: PushChange[];
  /** Changes that wait for a person's approval. */
  awaiting: PushChange[];
  /** The rows, with Push State 'awaiting approval' on the awaiting changes an approval left out. */
  rows: InventoryRow[];
}

/**
 * Splits this run's changes by approval. Outside approve mode approval holds nothing back. In
 * approve mode with no approval, every change waits (planPush has already marked their rows).
 * With an approval, only changes whose `key=toQty` was approved go; anything new, or the same offer
 * at another quantity (the stock moved since it was shown), waits for the next approval, and its
 * row — which planPush queued because an approval was given — is marked 'awaiting approval'.
 * Rows that do not change are returned as they were (same objects).
 */
export function splitByApproval(input: {
  mode: PushMode;
  /** The rows from planPush. */
  rows: ReadonlyArray<InventoryRow>;
  /** The changes from planPush. */
  changes: ReadonlyArray<PushChange>;
  /** From approvedEntries; null = nothing approved. */
  approved: ReadonlySet<string> | null;
}): ApprovalSplit {
  const { mode, changes, approved } = input;
  if (mode !== 'approve') return { approved: [...changes], awaiting: [], rows: [...input.rows] };
  if (approved === null) return { approved: [], awaiting: [...changes], rows: [...input.rows] };
  const go: PushChange[] = [];
  const awaiting: PushChange[] = [];
  for (const c of changes) (approved.has(planEntry(c)) ? go : awaiting).push(c);
  const wait = new Set(awaiting.map((c) => c.key));
  const rows = input.rows.map((r): InventoryRow => (wait.has(r.key) ? { ...r, pushState: 'awaiting approval' } : r));
  return { approved: go, awaiting, rows };
}

/**
 * The resumed plan to record when a push was cut before all its quantities reached Amazon. Its
 * changes were queued only because they were approved; the next computation redoes them from fresh
 * stock figures, and those still at the same quantity must not need approving again. `answered`
 * holds the keys Amazon already answered (they are recorded, not resent). null when there is
 * nothing to record: outside approve mode, or when every change was answered.
 */
export function resumedPlanToRecord(mode: PushMode, queued: ReadonlyArray<PushChange>, answered: Iterable<string>): string | null {
  if (mode !== 'approve') return null;
  const done = new Set(answered);
  const unsent = queued.filter((c) => !done.has(c.key));
  return unsent.length ? planFingerprint(unsent) : null;
}
