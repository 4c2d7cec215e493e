// Severity rule of design §5: anything that can leave Amazon promising more units than the 3PL can
// pick is High (and so e-mailed); the Exceptions tab shows what severityOf says.

import { describe, expect, it } from 'vitest';
import { severityOf } from '../../src/core/exceptions';
import { reconcileExceptions } from '../../src/core/exception-rows';

describe('severity', () => {
  it('is High for every type that can oversell: unmanaged offers, failed or unapplied pushes, stale stock, holds, drift', () => {
    const oversell = ['OFFER_UNMANAGED', 'STOCK_PUSH_REJECTED', 'STOCK_PUSH_NOT_APPLIED', 'STOCK_SYNC_TIMEOUT', 'GUARDRAIL_HALT', 'INVENTORY_DRIFT', 'AUTH_FAILED', 'CONFIG_INVALID'];
    for (const type of oversell) expect(severityOf(type), type).toBe('High');
  });

  it('shows INVENTORY_DRIFT as High in the tab: Amazon above what was pushed is an oversell', () => {
    const r = reconcileExceptions([], [{ key: 'INVENTORY_DRIFT:UK:TEE-M', type: 'INVENTORY_DRIFT', entity: 'UK FBM TEE-M', message: 'm' }], { now: 0, scope: [] });
    expect(r.rows[0]!['Severity']).toBe('High');
  });

  it('keeps problems that cannot oversell by themselves below High', () => {
    for (const type of ['UNMAPPED_SKU', 'MAPPING_INVALID', 'DUAL_CHANNEL_SKU', 'QUOTA', 'SETTLEMENT_MISMATCH', 'FBA_SHIPMENT_DISCREPANCY']) expect(severityOf(type), type).toBe('Medium');
    for (const type of ['REMOVAL_OVERDUE', 'CHARGE_UNMATCHED', 'SETTLEMENT_UNMAPPED']) expect(severityOf(type), type).toBe('Low');
  });
});
