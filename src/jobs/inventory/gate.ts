// Whether this run's changes may go to Amazon: the guardrails judged on fresh 3PL figures, then the
// push mode and any approval (approve mode approves plans shown on the tab; auto mode needs one only to
// release a plan a guardrail held). What an approval did not cover stays held.

import { approvalLapsed, approvedEntries, splitByApproval } from '../../core/inventory/approval';
import { diffProposals, planPush } from '../../core/inventory/diff';
import { evaluateGuardrails } from '../../core/inventory/guardrails';
import { applyApproval } from '../../core/inventory/holds';
import { plansOnTab } from '../../core/inventory/plan-record';
import { countThreePlSkus } from '../../core/inventory/stock';
import type { InventoryRow, PushChange } from '../../core/inventory/types';
import type { JobContext } from '../kit/job';
import { K, num } from './state';
import type { SystemsRead } from './systems-read';

/** The highest quantity a push would send, for the "no warehouse holds that" guardrail. */
function largestChange(changes: ReadonlyArray<PushChange>): { sellerSku: string; toQty: number } | null {
  let best: PushChange | null = null;
  for (const c of changes) if (!best || c.toQty > best.toQty) best = c;
  return best ? { sellerSku: best.sellerSku, toQty: best.toQty } : null;
}

/** `readRows`: the computed rows after the read-back; `tabBefore`: the Inventory tab as the run found it. */
export function gatePush(ctx: JobContext, readRows: InventoryRow[], stock: SystemsRead['stock'], tabBefore: InventoryRow[]) {
  const { store } = ctx.ports;
  const diff = diffProposals(readRows);
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
    settings: ctx.settings,
  });
  const mode = ctx.settings.pushMode;
  // Approve mode approves plans; auto mode needs an approval only to release a plan a guardrail held.
  const approval = {
    approveNow: Boolean(ctx.request.approve),
    approveTick: ctx.settings.approveStockPush,
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
  const plan = planPush({ rows: readRows, mode: gate.planMode, approved: approved !== null, trips: gate.trips });
  const split = splitByApproval({ mode: gate.planMode, rows: plan.rows, changes: plan.changes, approved });
  // Auto mode: what the approval of a held plan did not cover is still held by the guardrail.
  const stillHeld = gate.approvingHold && split.awaiting.length > 0;
  const heldKeys = new Set(split.awaiting.map((c) => c.key));
  const rows = stillHeld ? split.rows.map((r) => (heldKeys.has(r.key) ? { ...r, pushState: 'held by guardrail' as const } : r)) : split.rows;
  const held = plan.held || stillHeld;
  return { trips, lapsed, gate, plan, split: { ...split, rows }, stillHeld, held };
}
