// The charges bench at a small size: the job stays within one call of the API's minimum (the extra
// one is ShipBob's channel list, read once per execution before get-orders), and a run with nothing
// new makes one call (the invoice list). Page sizes: spec 2026-01 get-transactions-by-invoice-id
// PageSize ≤ 1000, get-orders Limit ≤ 250.
import { describe, expect, it } from 'vitest';
import { runChargesBench } from '../../bench/charges';

describe('charges bench', () => {
  it('reads 600 charges in the minimum of calls, matches every one, and a quiet run costs one call', () => {
    const r = runChargesBench(600);
    expect(r.outcome).toBe('ok');
    expect(r.charges).toBe(601);
    expect(r.matched).toBe(600);
    expect(r.calls['get-transactions-by-invoice-id']).toBe(r.invoices);
    expect(r.calls['get-orders']).toBe(3);
    expect(r.total).toBeLessThanOrEqual(r.minimum + 1);
    expect(r.secondRunCalls).toBe(1);
  });
});
