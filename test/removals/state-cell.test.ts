// The Removals State cell read back: what the add-on wrote is read as it wrote it (a removal that
// does not come to the 3PL stays so in a run that does not re-read Amazon's reports), and what
// someone typed there is never read into a second receipt, a receipt for boxes that are not coming,
// or a removal the add-on stops following.

import { describe, expect, it } from 'vitest';
import { removalFromRecord, removalToRecord } from '../../src/core/removals/record';
import type { RemovalRow } from '../../src/core/removals/types';
import { removalWorld, RemovalsRun } from './world';

const row = (over: Partial<RemovalRow>): RemovalRow => ({ orderId: 'R1', type: 'Return', sku: 'A', fnsku: '', disposition: '', requested: 5, shipped: 5, disposed: 0, carrier: '', tracking: ['T1'], lpns: [], receipt: '7', expected: 5, received: null, state: 'expected', ...over });

describe('the Removals State cell read back', () => {
  it('reads every state the add-on writes as that state', () => {
    const r = row({ state: 'not for 3PL', receipt: '', expected: null });
    expect(removalFromRecord(removalToRecord(r))).toEqual(r);
  });

  it('a removal the Settings do not send to the 3PL gets no receipt in a scheduled run that does not read the reports again', () => {
    const r = new RemovalsRun(
      removalWorld(
        [
          { orderId: '3PL-006', lines: [{ requested: 1 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 1, trackingNumber: 'RM600000001GB' }] },
          { orderId: 'HOME-007', lines: [{ requested: 1 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 1, trackingNumber: 'RM700000001GB' }] },
        ],
        { settings: { 'Push mode': 'dry-run', 'Removals to 3PL': '3pl-', 'Sync every (minutes)': 15 } },
      ),
    );
    r.syncRemovals();
    expect(r.removal('HOME-007')).toMatchObject({ State: 'not for 3PL', Expected: '' });
    r.step({ run: 'enableScheduledSync' });
    // Scheduled runs within the hour: Amazon's reports are not due again, the tab is what they read.
    r.step({ trigger: 'time', for: '40m' });
    expect(r.wrosFor('3PL-006')).toHaveLength(1);
    expect(r.wrosFor('HOME-007')).toHaveLength(0);
    expect(r.removal('HOME-007')).toMatchObject({ State: 'not for 3PL', Expected: '', '3PL Receipt': '' });
  });
});
