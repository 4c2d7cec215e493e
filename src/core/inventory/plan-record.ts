// How a plan of stock changes is remembered between runs (approval.ts) inside Apps Script's limit of
// 9 KB per property value (https://developers.google.com/apps-script/guides/services/quotas,
// "Properties value size 9KB / val"; past it setProperty fails with "You have exceeded the property
// storage quota"). A plan's `key=toQty` entries are kept as they are while they fit; a larger plan
// (about 400 changes and up) is kept as a digest of them, and its entries are the ones the Inventory
// tab shows, accepted only when they give the same digest — so an approval still covers exactly the
// entries that were shown, and nothing the tab shows differently (an edited cell, a later plan).

import type { InventoryRow, PushChange } from './types';
import { utf8Bytes } from '../utf8';
import { hash64 } from '../digest';

export type PlanChange = Pick<PushChange, 'key' | 'toQty'>;

/** Room left under the 9 KB value limit; a digest is used above it. */
export const PLAN_TEXT_MAX_BYTES = 8 * 1024;
const DIGEST = /^#(\d+):([0-9a-f]{16})$/;

/** One change as it appears in a plan and in an approved set: `key=toQty`. */
export function planEntry(change: PlanChange): string {
  return `${change.key}=${change.toQty}`;
}

/** The plan's entries, sorted (independent of order), joined by '|'. */
function planText(changes: ReadonlyArray<PlanChange>): string {
  return changes.map(planEntry).sort().join('|');
}

/** What is stored for a plan: its entries while they fit in one property value, else `#<count>:<digest>`. */
export function rememberedPlan(changes: ReadonlyArray<PlanChange>): string {
  const text = planText(changes);
  return utf8Bytes(text) <= PLAN_TEXT_MAX_BYTES ? text : `#${changes.length}:${hash64(text)}`;
}

/** The plans the Inventory tab shows: what waits for a person, and what a push has queued. */
export interface PlanOnTab {
  /** Rows 'awaiting approval' or 'held by guardrail': the plan an approval covers. */
  shown: PlanChange[];
  /** Rows 'queued': approved changes a cut push has not sent yet. */
  queued: PlanChange[];
}

export function plansOnTab(rows: ReadonlyArray<InventoryRow>): PlanOnTab {
  const out: PlanOnTab = { shown: [], queued: [] };
  for (const r of rows) {
    if (r.channel !== 'FBM' || r.proposedQty === null) continue;
    const change = { key: r.key, toQty: r.proposedQty };
    if (r.pushState === 'awaiting approval' || r.pushState === 'held by guardrail') out.shown.push(change);
    else if (r.pushState === 'queued') out.queued.push(change);
  }
  return out;
}

/**
 * The `key=toQty` entries a remembered plan stands for. A digest stands for the tab's plan only
 * when that plan gives the same digest; otherwise null: the plan it remembers is not shown any more.
 */
export function planEntries(stored: string, onTab: ReadonlyArray<PlanChange> | undefined): string[] | null {
  if (!DIGEST.test(stored)) return stored.split('|').filter(Boolean);
  if (!onTab || rememberedPlan(onTab) !== stored) return null;
  return onTab.map(planEntry);
}
