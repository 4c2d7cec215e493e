import { describe, expect, it } from 'vitest';
import type { GuardrailTrip } from '../../src/core/inventory/guardrails';
import { applyApproval, holdsText, planShown } from '../../src/core/inventory/holds';
import type { PushChange } from '../../src/core/inventory/types';

const trip = (limit: GuardrailTrip['limit']): GuardrailTrip => ({ limit, message: limit });
const change = (sku: string, toQty: number): PushChange => ({ key: `UK:FBM:${sku}`, marketplace: 'UK', sellerSku: sku, fromQty: 1, toQty });
const approved = new Set(['UK:FBM:A=0']);

describe('applyApproval', () => {
  it('keeps every trip without an approval', () => {
    expect(applyApproval('approve', [trip('to-zero')], null, 'to-zero')).toEqual({ planMode: 'approve', trips: [trip('to-zero')], approvingHold: false });
  });

  it('lifts only the limits that were showing when the approved plan was shown', () => {
    const r = applyApproval('approve', [trip('to-zero'), trip('stock-stale')], approved, 'to-zero');
    expect(r.trips.map((t) => t.limit)).toEqual(['stock-stale']);
    expect(applyApproval('approve', [trip('to-zero')], approved, '').trips).toHaveLength(1);
    expect(applyApproval('approve', [trip('to-zero')], approved, null).trips).toHaveLength(1);
  });

  it('in auto mode, an approval of a held plan plans like approve mode; without trips auto stays auto', () => {
    expect(applyApproval('auto', [trip('to-zero')], approved, 'to-zero')).toEqual({ planMode: 'approve', trips: [], approvingHold: true });
    expect(applyApproval('auto', [], approved, '')).toEqual({ planMode: 'auto', trips: [], approvingHold: false });
  });
});

describe('planShown', () => {
  const base = { changes: [change('A', 0), change('B', 3)], awaiting: [change('B', 3)], trips: [trip('to-zero'), trip('share-changing')] };

  it('records nothing in dry-run', () => {
    expect(planShown({ ...base, mode: 'dry-run', held: true, approvingHold: false })).toBeNull();
  });

  it('a held plan is shown whole, with the limits holding it', () => {
    expect(planShown({ ...base, mode: 'approve', held: true, approvingHold: false })).toEqual({ changes: base.changes, holds: 'share-changing,to-zero' });
    expect(planShown({ ...base, mode: 'auto', held: true, approvingHold: false })!.holds).toBe('share-changing,to-zero');
  });

  it('approve mode shows what waits; auto mode shows nothing unless a hold remains', () => {
    expect(planShown({ ...base, mode: 'approve', held: false, approvingHold: false })).toEqual({ changes: [change('B', 3)], holds: '' });
    expect(planShown({ ...base, mode: 'auto', held: false, approvingHold: false })).toEqual({ changes: [], holds: '' });
    expect(planShown({ ...base, mode: 'auto', held: true, approvingHold: true })).toEqual({ changes: base.changes, holds: 'share-changing,to-zero' });
    expect(planShown({ ...base, mode: 'auto', held: false, approvingHold: true, awaiting: [] })).toEqual({ changes: [], holds: '' });
  });

  it('names each limit once, sorted', () => {
    expect(holdsText([trip('to-zero'), trip('stock-stale'), trip('to-zero')])).toBe('stock-stale,to-zero');
  });
});
