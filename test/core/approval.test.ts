// The approve push mode's rules: an approval covers exactly the plan a person saw (same offers, same
// quantities), a tick left on does not approve later changes, and approved changes a cut push did
// not send stay approved for the next computation.
import { describe, expect, it } from 'vitest';
import { approvedEntries, planFingerprint, resumedPlanToRecord, splitByApproval } from '../../src/core/inventory/approval';
import { planPush } from '../../src/core/inventory/diff';
import type { InventoryRow, PushChange } from '../../src/core/inventory/types';
import { invRow } from './inventory-fixtures';

const change = (sku: string, toQty: number, fromQty: number | null = 1): PushChange => ({ key: `UK:FBM:${sku}`, marketplace: 'UK', sellerSku: sku, fromQty, toQty });

type ApprovalInput = Parameters<typeof approvedEntries>[0];

function input(over: Partial<ApprovalInput> = {}): ApprovalInput {
  return { approveNow: false, approveTick: false, shownPlan: null, approvedPlan: null, resumedPlan: null, ...over };
}

/** An approve-mode run's plan as the stock sync computes it, given what approvedEntries said. */
function run(rows: InventoryRow[], approved: ReadonlySet<string> | null) {
  const plan = planPush({ rows, mode: 'approve', approved: approved !== null, trips: [] });
  return splitByApproval({ mode: 'approve', rows: plan.rows, changes: plan.changes, approved });
}

const skus = (cs: ReadonlyArray<PushChange>) => cs.map((c) => c.sellerSku);
const states = (rows: ReadonlyArray<InventoryRow>) => rows.map((r) => [r.sellerSku, r.pushState]);

describe('planFingerprint', () => {
  it('is `key=toQty` entries, sorted and joined, so order does not matter but any quantity does', () => {
    const a = change('A', 2);
    const b = change('B', 3);
    expect(planFingerprint([a])).toBe('UK:FBM:A=2');
    expect(planFingerprint([b, a])).toBe('UK:FBM:A=2|UK:FBM:B=3');
    expect(planFingerprint([a, b])).toBe(planFingerprint([b, a]));
    expect(planFingerprint([a, { ...b, toQty: 4 }])).not.toBe(planFingerprint([a, b]));
    // The quantity it comes from is not part of the approval.
    const fromElsewhere: PushChange = { ...a, fromQty: 9 };
    expect(planFingerprint([fromElsewhere])).toBe(planFingerprint([a]));
    expect(planFingerprint([])).toBe('');
  });
});

describe('approvedEntries', () => {
  it('approves nothing without an approval, a recorded approval or a resumed plan', () => {
    expect(approvedEntries(input())).toBeNull();
    expect(approvedEntries(input({ shownPlan: 'UK:FBM:A=2' }))).toBeNull();
    // "Approve stock push" with nothing shown records '' as the approved plan: still nothing.
    expect(approvedEntries(input({ approvedPlan: '' }))).toBeNull();
    expect(approvedEntries(input({ approveNow: true, shownPlan: '' }))).toBeNull();
    expect(approvedEntries(input({ approveTick: true, shownPlan: null, resumedPlan: '' }))).toBeNull();
  });

  it('an explicit approval approves the plan that was shown', () => {
    const shown = planFingerprint([change('A', 2), change('B', 0)]);
    expect(approvedEntries(input({ approveNow: true, shownPlan: shown, approvedPlan: 'UK:FBM:OLD=1' }))).toEqual(new Set(['UK:FBM:A=2', 'UK:FBM:B=0']));
  });

  it('a recorded approval still stands on a later run until a push uses it', () => {
    // The shown plan may have moved on since; what the person approved is what counts.
    const set = approvedEntries(input({ shownPlan: 'UK:FBM:A=3', approvedPlan: 'UK:FBM:A=2' }));
    expect(set).toEqual(new Set(['UK:FBM:A=2']));
  });

  it('adds the approved changes a cut push left unsent', () => {
    expect(approvedEntries(input({ resumedPlan: 'UK:FBM:C=5' }))).toEqual(new Set(['UK:FBM:C=5']));
    expect(approvedEntries(input({ approveTick: true, shownPlan: 'UK:FBM:A=2', resumedPlan: 'UK:FBM:C=5|UK:FBM:D=0' }))).toEqual(
      new Set(['UK:FBM:A=2', 'UK:FBM:C=5', 'UK:FBM:D=0']),
    );
  });
});

describe('splitByApproval', () => {
  const rows = [invRow({ sellerSku: 'A', proposedQty: 2, amazonFbmQty: 1 }), invRow({ sellerSku: 'B', proposedQty: 7, amazonFbmQty: 1 }), invRow({ sellerSku: 'S', proposedQty: 4, amazonFbmQty: 4 })];

  it('a tick left on approves only the plan shown, not changes computed since', () => {
    // Last run showed A→2 only; B started changing after the person ticked the box.
    const approved = approvedEntries(input({ approveTick: true, shownPlan: 'UK:FBM:A=2' }));
    const s = run(rows, approved);
    expect(skus(s.approved)).toEqual(['A']);
    expect(skus(s.awaiting)).toEqual(['B']);
    expect(states(s.rows)).toEqual([
      ['A', 'queued'],
      ['B', 'awaiting approval'],
      ['S', 'unchanged'],
    ]);
  });

  it('does not approve an offer whose quantity differs from the approved one', () => {
    // Approved A→3, but the stock moved and A now goes to 2.
    const s = run(rows, approvedEntries(input({ approveNow: true, shownPlan: 'UK:FBM:A=3|UK:FBM:B=7' })));
    expect(skus(s.approved)).toEqual(['B']);
    expect(skus(s.awaiting)).toEqual(['A']);
    expect(states(s.rows)).toEqual([
      ['A', 'awaiting approval'],
      ['B', 'queued'],
      ['S', 'unchanged'],
    ]);
  });

  it('with nothing approved every change waits, on the rows planPush already marked', () => {
    const s = run(rows, approvedEntries(input()));
    expect(s.approved).toEqual([]);
    expect(skus(s.awaiting)).toEqual(['A', 'B']);
    expect(states(s.rows)).toEqual([
      ['A', 'awaiting approval'],
      ['B', 'awaiting approval'],
      ['S', 'unchanged'],
    ]);
  });

  it('holds nothing back outside approve mode', () => {
    const plan = planPush({ rows, mode: 'auto', trips: [] });
    const s = splitByApproval({ mode: 'auto', rows: plan.rows, changes: plan.changes, approved: null });
    expect(skus(s.approved)).toEqual(['A', 'B']);
    expect(s.awaiting).toEqual([]);
    expect(s.rows).toEqual(plan.rows);
  });
});

describe('resumedPlanToRecord', () => {
  const queued = [change('A', 2), change('B', 7), change('C', 0)];

  it('records the approved changes a cut push did not send, and they stay approved next run', () => {
    const resumed = resumedPlanToRecord('approve', queued, ['UK:FBM:A']);
    expect(resumed).toBe('UK:FBM:B=7|UK:FBM:C=0');
    // Next run: no new approval, the approved plan was cleared when the push started.
    const rows = [invRow({ sellerSku: 'B', proposedQty: 7, amazonFbmQty: 1 }), invRow({ sellerSku: 'C', proposedQty: 1, amazonFbmQty: 3 })];
    const s = run(rows, approvedEntries(input({ resumedPlan: resumed })));
    expect(skus(s.approved)).toEqual(['B']);
    // C's stock moved (now 1, not the approved 0): it needs approving again.
    expect(skus(s.awaiting)).toEqual(['C']);
  });

  it('records nothing when every change was answered, or outside approve mode', () => {
    expect(resumedPlanToRecord('approve', queued, ['UK:FBM:A', 'UK:FBM:B', 'UK:FBM:C'])).toBeNull();
    expect(resumedPlanToRecord('approve', [], [])).toBeNull();
    expect(resumedPlanToRecord('auto', queued, [])).toBeNull();
  });
});
