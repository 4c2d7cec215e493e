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

  it('a State typed that the other cells contradict is read from them and named, never read into no receipt or no read-back', () => {
    // "expected" with no receipt: looked up at the 3PL and made once, not left without one.
    const noReceipt = removalFromRecord({ ...removalToRecord(row({ receipt: '', state: 'to send' })), State: 'expected' })!;
    expect(noReceipt).toMatchObject({ state: 'outcome unknown', stateEdit: { typed: 'expected', why: expect.stringContaining('no 3PL Receipt') } });
    // "received" before the 3PL counted anything: followed again.
    expect(removalFromRecord({ ...removalToRecord(row({})), State: 'received' })).toMatchObject({ state: 'expected', stateEdit: { typed: 'received' } });
    // Words that are no state: a removal not expected at the 3PL waits for Amazon's reports, never gets a receipt.
    expect(removalFromRecord({ ...removalToRecord(row({ receipt: '', expected: null, state: 'not for 3PL' })), State: 'done' })).toMatchObject({ state: 'pending', stateEdit: { typed: 'done' } });
    // What the add-on wrote, in any case, is used as it is.
    expect(removalFromRecord({ ...removalToRecord(row({ state: 'received', received: 5 })), State: 'Received' })).toMatchObject({ state: 'received' });
    expect(removalFromRecord({ ...removalToRecord(row({ state: 'received', received: 5 })), State: 'Received' })!.stateEdit).toBeUndefined();
  });

  it('a removal typed "received" before the 3PL counted it is still read back: the shortfall is said, the cell named, the run not ok', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM310000001GB' }] }]));
    r.syncRemovals();
    r.edit('Removals', { 'Removal Order ID': 'RMV-031' }, { State: 'received' });
    r.threePl('receive', { reference: 'RMV-031', lines: [{ sku: 'SB-TEE-M', quantity: 3 }] });
    r.advance('3h');
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(r.removal('RMV-031')).toMatchObject({ Received: '3', State: 'short' });
    expect(r.openExceptions('REMOVAL_DISCREPANCY')).toHaveLength(1);
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toContain('State cell of removal RMV-031');
    expect(cell!.Message).toContain('"received"');
    expect(cell!.Message).toContain('"expected", "overdue"');
    expect(r.wrosFor('RMV-031')).toHaveLength(1);
  });

  it('a Shipped cell typed over never makes the receipt: it waits for Amazon\'s units, is named, and the receipt expects what Amazon shipped', () => {
    const box = { shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM510000001GB', sku: 'CAP-FBA', fnsku: 'X00CAP0001' };
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-051', lines: [{ sku: 'CAP-FBA', fnsku: 'X00CAP0001', requested: 5 }], shipments: [box] }], {
        extraMapRows: [['CAP-FBA', 'UK', 'FBA', '', 'B0CAP00001', 'X00CAP0001', '', '', '', '', '', '']],
        extraListings: [{ sku: 'CAP-FBA', channel: 'FBA' }],
        extraThreePl: [{ sku: 'SB-CAP', onHand: 0 }],
      }),
    );
    r.syncRemovals();
    expect(r.removal('RMV-051', 'CAP-FBA')).toMatchObject({ State: 'held', Shipped: '5', Expected: '5' });
    r.edit('Removals', { 'Removal Order ID': 'RMV-051' }, { Shipped: 1 });
    r.edit('SKU Map', { 'Seller SKU': 'CAP-FBA' }, { '3PL SKU': 'SB-CAP' });
    // Within minutes: Amazon's reports are not read again, the tab is all this run has.
    r.advance('1m');
    const run = r.syncRemovals();
    expect(r.wrosFor('RMV-051')).toHaveLength(0);
    expect(run.outcome).toBe('partial');
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Key).toBe('CELL_INVALID:Removals:RMV-051 CAP-FBA:Shipped');
    expect(cell!.Message).toContain('Expected holds 5 but Shipped 1');

    r.advance('10m');
    r.syncRemovals();
    const wros = r.wrosFor('RMV-051');
    expect(wros).toHaveLength(1);
    expect(wros[0]!.boxes.flatMap((b) => b.items).reduce((n, i) => n + i.quantity, 0)).toBe(5);
    expect(r.removal('RMV-051', 'CAP-FBA')).toMatchObject({ Shipped: '5', Expected: '5', State: 'expected' });
  });
});
