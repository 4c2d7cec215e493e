import { describe, expect, it } from 'vitest';
import { choosePushMethod, diffProposals, planPush, recordPushResults } from '../../src/core/inventory/diff';
import type { GuardrailTrip } from '../../src/core/inventory/guardrails';
import { invRow } from './inventory-fixtures';

const trip: GuardrailTrip = { limit: 'to-zero', message: '30 SKUs would go to zero, more than "Guardrail max to zero" (20).' };

describe('diffProposals', () => {
  it('pushes only quantities that differ from Amazon', () => {
    const rows = [invRow({ sellerSku: 'SAME', proposedQty: 5, amazonFbmQty: 5 }), invRow({ sellerSku: 'UP', proposedQty: 7, amazonFbmQty: 5 }), invRow({ sellerSku: 'ZERO', proposedQty: 0, amazonFbmQty: 3 })];
    const d = diffProposals(rows);
    expect(d.changes).toEqual([
      { key: 'UK:FBM:UP', marketplace: 'UK', sellerSku: 'UP', fromQty: 5, toQty: 7 },
      { key: 'UK:FBM:ZERO', marketplace: 'UK', sellerSku: 'ZERO', fromQty: 3, toQty: 0 },
    ]);
    expect(d.compared).toBe(3);
    expect(d.goingToZero).toBe(1);
  });

  it("falls back to the last pushed quantity when Amazon's is unknown, and pushes when both are", () => {
    const d = diffProposals([
      invRow({ sellerSku: 'A', proposedQty: 4, amazonFbmQty: null, lastPushedQty: 4 }),
      invRow({ sellerSku: 'B', proposedQty: 4, amazonFbmQty: null, lastPushedQty: 3 }),
      invRow({ sellerSku: 'C', proposedQty: 0, amazonFbmQty: null, lastPushedQty: null }),
    ]);
    expect(d.changes.map((c) => [c.sellerSku, c.fromQty, c.toQty])).toEqual([
      ['B', 3, 4],
      ['C', null, 0],
    ]);
    expect(d.goingToZero).toBe(1);
  });

  it('never produces a change for an FBA row or a row without a proposal', () => {
    const d = diffProposals([invRow({ channel: 'FBA', proposedQty: 9, amazonFbmQty: 0 }), invRow({ sellerSku: 'H', proposedQty: null, amazonFbmQty: 3 })]);
    expect(d.changes).toEqual([]);
    expect(d.compared).toBe(0);
  });

  it('compares with a pending push, not the stale figure Amazon shows before applying it', () => {
    // 50 pushed and accepted, Amazon still shows 0; the proposal fell to 0 (units ticked for FBA):
    // without a new push the pending 50 lands and Amazon offers 50 the 3PL cannot pick.
    const d = diffProposals([invRow({ sellerSku: 'P', proposedQty: 0, amazonFbmQty: 0, lastPushedQty: 50, pushState: 'accepted' })]);
    expect(d.changes).toEqual([{ key: 'UK:FBM:P', marketplace: 'UK', sellerSku: 'P', fromQty: 0, toQty: 0 }]);
    expect(d.goingToZero).toBe(1);
    // Once read back (applied, or given up as not applied) Amazon's own figure decides again.
    expect(diffProposals([invRow({ sellerSku: 'Q', proposedQty: 0, amazonFbmQty: 0, lastPushedQty: 50, pushState: 'accepted but not applied' })]).changes).toEqual([]);
  });

  it('does not resend a push that Amazon accepted and that is awaiting read-back', () => {
    const d = diffProposals([invRow({ proposedQty: 6, amazonFbmQty: 2, lastPushedQty: 6, pushState: 'accepted' })]);
    expect(d.changes).toEqual([]);
    const moved = diffProposals([invRow({ proposedQty: 7, amazonFbmQty: 2, lastPushedQty: 6, pushState: 'accepted' })]);
    expect(moved.changes.map((c) => c.toQty)).toEqual([7]);
  });
});

describe('choosePushMethod', () => {
  it('uses a feed at or above the threshold, patches below, nothing for none', () => {
    expect(choosePushMethod(20, 20)).toBe('feed');
    expect(choosePushMethod(19, 20)).toBe('patch');
    expect(choosePushMethod(1, 1)).toBe('feed');
    expect(choosePushMethod(0, 20)).toBe('none');
    expect(choosePushMethod(0, 1)).toBe('none');
  });

  it('never sends more than 100 one-by-one patches, whatever the threshold', () => {
    expect(choosePushMethod(100, 500)).toBe('patch');
    expect(choosePushMethod(101, 500)).toBe('feed');
    expect(choosePushMethod(5000, 500)).toBe('feed');
    // Exactly at the cap the threshold still decides.
    expect(choosePushMethod(100, 100)).toBe('feed');
    expect(choosePushMethod(100, 101)).toBe('patch');
  });
});

describe('planPush', () => {
  const rows = [invRow({ sellerSku: 'A', proposedQty: 3, amazonFbmQty: 1 }), invRow({ sellerSku: 'B', proposedQty: 2, amazonFbmQty: 2 }), invRow({ sellerSku: 'F', channel: 'FBA', proposedQty: null })];
  const states = (p: ReturnType<typeof planPush>) => p.rows.map((r) => r.pushState);

  it('dry-run shows the change and pushes nothing, even with a tripped guardrail', () => {
    const p = planPush({ rows, mode: 'dry-run', trips: [trip] });
    expect(states(p)).toEqual(['dry-run', 'unchanged', '']);
    expect(p.push).toBe(false);
    expect(p.held).toBe(false);
    expect(p.exceptions).toEqual([]);
  });

  it('approve waits for a person, then queues', () => {
    const waiting = planPush({ rows, mode: 'approve', trips: [] });
    expect(states(waiting)).toEqual(['awaiting approval', 'unchanged', '']);
    expect(waiting.push).toBe(false);
    const approved = planPush({ rows, mode: 'approve', approved: true, trips: [] });
    expect(states(approved)).toEqual(['queued', 'unchanged', '']);
    expect(approved.push).toBe(true);
    expect(approved.changes).toEqual(waiting.changes);
  });

  it('auto queues changed rows', () => {
    const p = planPush({ rows, mode: 'auto', trips: [] });
    expect(states(p)).toEqual(['queued', 'unchanged', '']);
    expect(p.push).toBe(true);
    expect(p.changes.map((c) => c.sellerSku)).toEqual(['A']);
  });

  it('a tripped guardrail holds the whole push with GUARDRAIL_HALT', () => {
    for (const mode of ['auto', 'approve'] as const) {
      const p = planPush({ rows, mode, approved: true, trips: [trip] });
      expect(states(p)).toEqual(['held by guardrail', 'unchanged', '']);
      expect(p.push).toBe(false);
      expect(p.held).toBe(true);
      expect(p.exceptions).toEqual([expect.objectContaining({ key: 'GUARDRAIL_HALT:UK', type: 'GUARDRAIL_HALT' })]);
      expect(p.exceptions[0]!.message).toContain(trip.message);
    }
  });

  it('does not hold when there is nothing to push', () => {
    const p = planPush({ rows: [rows[1]!], mode: 'auto', trips: [trip] });
    expect(p.held).toBe(false);
    expect(p.push).toBe(false);
  });

  it('keeps applied and pending states on rows that do not change', () => {
    const p = planPush({
      rows: [invRow({ proposedQty: 5, amazonFbmQty: 5, lastPushedQty: 5, pushState: 'applied' }), invRow({ sellerSku: 'P', proposedQty: 4, amazonFbmQty: 1, lastPushedQty: 4, pushState: 'accepted' })],
      mode: 'auto',
      trips: [],
    });
    expect(states(p)).toEqual(['applied', 'accepted']);
    expect(p.push).toBe(false);
  });
});

describe('recordPushResults', () => {
  const rows = [
    invRow({ sellerSku: 'A', proposedQty: 3, amazonFbmQty: 1, pushState: 'queued' }),
    invRow({ sellerSku: 'B', proposedQty: 5, amazonFbmQty: 9, pushState: 'queued' }),
    invRow({ sellerSku: 'C', proposedQty: 2, amazonFbmQty: 0, pushState: 'queued' }),
    invRow({ sellerSku: 'OLD', proposedQty: 4, amazonFbmQty: 4, lastPushedQty: 4, previousQty: 8, pushState: 'applied' }),
  ];
  const changes = diffProposals(rows).changes;

  it('records accepted pushes for undo, raises STOCK_PUSH_REJECTED, leaves unanswered rows queued', () => {
    const r = recordPushResults(rows, changes, [
      { key: 'UK:FBM:A', outcome: 'accepted' },
      { key: 'UK:FBM:B', outcome: 'rejected', message: 'The listing is not merchant fulfilled' },
    ]);
    expect(r.rows.map((x) => [x.sellerSku, x.pushState, x.lastPushedQty, x.previousQty])).toEqual([
      ['A', 'accepted', 3, 1],
      ['B', 'rejected', null, null],
      ['C', 'queued', null, null],
      ['OLD', 'applied', 4, null],
    ]);
    expect(r.exceptions).toEqual([expect.objectContaining({ key: 'STOCK_PUSH_REJECTED:UK:B', type: 'STOCK_PUSH_REJECTED' })]);
    expect(r.exceptions[0]!.message).toContain('"The listing is not merchant fulfilled"');
    expect(r.exceptions[0]!.message).toContain('from 9 to 5');
  });

  it('is safe to call again as more results of the same push arrive', () => {
    const first = recordPushResults(rows, changes, [{ key: 'UK:FBM:A', outcome: 'accepted' }]);
    const second = recordPushResults(first.rows, changes, [{ key: 'UK:FBM:C', outcome: 'accepted' }]);
    expect(second.rows.map((x) => [x.sellerSku, x.pushState, x.previousQty])).toEqual([
      ['A', 'accepted', 1],
      ['B', 'queued', null],
      ['C', 'accepted', 0],
      ['OLD', 'applied', null],
    ]);
  });

  it('changes nothing when nothing was pushed', () => {
    const r = recordPushResults(rows, [], []);
    expect(r.rows).toEqual(rows);
  });
});
