// A plan of stock changes remembered within Apps Script's 9 KB per property value
// (https://developers.google.com/apps-script/guides/services/quotas, "Properties value size"): the
// entries while they fit, a digest beyond, standing for the Inventory tab's plan only when the
// digests agree — so an approval still covers exactly the entries shown.

import { describe, expect, it } from 'vitest';
import { approvalLapsed, approvedEntries } from '../../src/core/inventory/approval';
import { PLAN_TEXT_MAX_BYTES, planEntries, plansOnTab, rememberedPlan } from '../../src/core/inventory/plan-record';
import type { PlanChange } from '../../src/core/inventory/plan-record';
import { invRow } from './inventory-fixtures';

const plan = (n: number, qty = (i: number) => i % 50): PlanChange[] =>
  Array.from({ length: n }, (_, i) => ({ key: `UK:FBM:SKU-${String(i).padStart(5, '0')}`, toQty: qty(i) }));

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('rememberedPlan', () => {
  it('keeps a small plan as its sorted entries', () => {
    expect(rememberedPlan([{ key: 'UK:FBM:B', toQty: 3 }, { key: 'UK:FBM:A', toQty: 2 }])).toBe('UK:FBM:A=2|UK:FBM:B=3');
    expect(rememberedPlan([])).toBe('');
  });

  it('keeps a 10,000-change plan as a short digest, well inside one property value', () => {
    const big = plan(10_000);
    const stored = rememberedPlan(big);
    expect(stored).toMatch(/^#10000:[0-9a-f]{16}$/);
    expect(bytes(stored)).toBeLessThan(100);
    // Order does not matter; any quantity does.
    expect(rememberedPlan([...big].reverse())).toBe(stored);
    const moved = big.map((c, i) => (i === 7_777 ? { ...c, toQty: c.toQty + 1 } : c));
    expect(rememberedPlan(moved)).not.toBe(stored);
  });

  it('switches to a digest exactly when the entries pass the byte budget (counted in UTF-8)', () => {
    // Each entry "UK:FBM:SKU-00000=0" is 18 bytes, plus '|'.
    const fits = Math.floor((PLAN_TEXT_MAX_BYTES + 1) / 19);
    expect(rememberedPlan(plan(fits, () => 0)).startsWith('#')).toBe(false);
    expect(rememberedPlan(plan(fits + 1, () => 0)).startsWith('#')).toBe(true);
    // Non-ASCII SKUs count their real size.
    const wide = Array.from({ length: 1_200 }, (_, i) => ({ key: `UK:FBM:Tasse-Größe-${i}`, toQty: 1 }));
    expect(rememberedPlan(wide).startsWith('#')).toBe(true);
  });
});

describe('planEntries', () => {
  const big = plan(2_000);
  const stored = rememberedPlan(big);

  it('a digest stands for the tab\'s plan when the digests agree', () => {
    expect(planEntries(stored, [...big].reverse())).toHaveLength(2_000);
    expect(new Set(planEntries(stored, big))).toEqual(new Set(big.map((c) => `${c.key}=${c.toQty}`)));
  });

  it('stands for nothing when the tab shows something else: an edited quantity, a row more or less', () => {
    expect(planEntries(stored, big.map((c, i) => (i === 5 ? { ...c, toQty: 99 } : c)))).toBeNull();
    expect(planEntries(stored, big.slice(1))).toBeNull();
    expect(planEntries(stored, undefined)).toBeNull();
  });

  it('reads stored entries as they are', () => {
    expect(planEntries('UK:FBM:A=2|UK:FBM:B=3', undefined)).toEqual(['UK:FBM:A=2', 'UK:FBM:B=3']);
    expect(planEntries('', undefined)).toEqual([]);
  });
});

describe('plansOnTab', () => {
  it('shown = rows awaiting approval or held by a guardrail; queued = rows a push queued', () => {
    const rows = [
      invRow({ sellerSku: 'A', proposedQty: 2, pushState: 'awaiting approval' }),
      invRow({ sellerSku: 'B', proposedQty: 0, pushState: 'held by guardrail' }),
      invRow({ sellerSku: 'C', proposedQty: 5, pushState: 'queued' }),
      invRow({ sellerSku: 'D', proposedQty: 5, pushState: 'unchanged' }),
      invRow({ sellerSku: 'E', proposedQty: null, pushState: 'awaiting approval' }),
    ];
    expect(plansOnTab(rows)).toEqual({
      shown: [{ key: 'UK:FBM:A', toQty: 2 }, { key: 'UK:FBM:B', toQty: 0 }],
      queued: [{ key: 'UK:FBM:C', toQty: 5 }],
    });
  });
});

describe('approval of a large plan', () => {
  const shown = plan(3_000);
  const stored = rememberedPlan(shown);
  const base = { approveNow: true, approveTick: false, shownPlan: stored, approvedPlan: stored, resumedPlan: null };

  it('approves exactly the entries the tab shows', () => {
    const set = approvedEntries({ ...base, onTab: { shown, queued: [] } })!;
    expect(set.size).toBe(3_000);
    expect(set.has(`${shown[10]!.key}=${shown[10]!.toQty}`)).toBe(true);
    expect(set.has(`${shown[10]!.key}=${shown[10]!.toQty + 1}`)).toBe(false);
    expect(approvalLapsed({ ...base, onTab: { shown, queued: [] } })).toBe(false);
  });

  it('approves nothing, and says it lapsed, when the tab no longer shows that plan', () => {
    const edited = shown.map((c, i) => (i === 0 ? { ...c, toQty: 500 } : c));
    expect(approvedEntries({ ...base, onTab: { shown: edited, queued: [] } })).toBeNull();
    expect(approvalLapsed({ ...base, onTab: { shown: edited, queued: [] } })).toBe(true);
    // Nothing was approved at all: nothing lapsed.
    expect(approvalLapsed({ ...base, approveNow: false, approvedPlan: null, onTab: { shown: edited, queued: [] } })).toBe(false);
  });

  it('keeps the unsent changes of a cut push approved through the queued rows', () => {
    const queued = plan(1_000, () => 7);
    const set = approvedEntries({ approveNow: false, approveTick: false, shownPlan: null, approvedPlan: null, resumedPlan: rememberedPlan(queued), onTab: { shown: [], queued } })!;
    expect(set.size).toBe(1_000);
  });
});
