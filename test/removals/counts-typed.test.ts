// State and Received of a Removals row typed over together ("received", and a count) used to be read
// as the 3PL's: the removal was closed in an ok run, its receipt never read again and a shortfall
// never said. A State word the other cells do not contradict ("arrived" on a removal expected) was
// taken silently too. Now both cells get back what the add-on last wrote, and CELL_INVALID names them.

import { describe, expect, it } from 'vitest';
import { RemovalsRun, removalWorld } from './world';

function expectedRun(): RemovalsRun {
  const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-081', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM810000001GB' }] }]));
  r.syncRemovals();
  expect(r.removal('RMV-081')).toMatchObject({ State: 'expected', Received: '' });
  return r;
}

describe('Removals State and Received typed over', () => {
  it('"received" with a count typed before the 3PL counted: put back, named, and the real count still read (short)', () => {
    const r = expectedRun();
    r.edit('Removals', { 'Removal Order ID': 'RMV-081' }, { State: 'received', Received: 5 });
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(r.removal('RMV-081')).toMatchObject({ State: 'expected', Received: '' });
    const cells = r.openExceptions('CELL_INVALID');
    const received = cells.find((e) => String(e.Key).endsWith(':Received'));
    expect(received!.Message).toContain('Received cell of removal RMV-081 (TEE-M-FBA) was changed to "5", but the add-on last wrote nothing there');
    const state = cells.find((e) => String(e.Key).endsWith(':State'));
    expect(state!.Message).toContain('State cell of removal RMV-081 (TEE-M-FBA) was changed to "received"');

    r.threePl('receive', { reference: 'RMV-081', lines: [{ sku: 'SB-TEE-M', quantity: 3 }] });
    r.advance('3h');
    r.syncRemovals();
    expect(r.removal('RMV-081')).toMatchObject({ State: 'short', Received: '3' });
    expect(r.openExceptions('REMOVAL_DISCREPANCY')).toHaveLength(1);
  });

  it('a State word the other cells allow ("arrived" on a removal expected) is not taken silently', () => {
    const r = expectedRun();
    r.edit('Removals', { 'Removal Order ID': 'RMV-081' }, { State: 'arrived' });
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removal('RMV-081')!.State).toBe('expected');
    const state = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':State'));
    expect(state!.Message).toContain('was changed to "arrived", but the add-on last wrote "expected" there');
  });

  it('the same word in another case is the same word: nothing said', () => {
    const r = expectedRun();
    r.edit('Removals', { 'Removal Order ID': 'RMV-081' }, { State: 'Expected' });
    expect(r.syncRemovals().outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
  });
});

describe('Removals 3PL Receipt typed on a removal without one', () => {
  it('is emptied and named, and the receipt is still made once', () => {
    // ShipBob down on the first run: the removal is left `to send`, without a receipt.
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-091', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM910000001GB' }] }], {
        faults: [{ system: 'threePl', operation: 'get-multiple-warehouse-receiving-orders', kind: '500', times: 4 }],
      }),
    );
    r.syncRemovals();
    expect(r.removal('RMV-091')).toMatchObject({ '3PL Receipt': '', State: 'to send' });
    r.advance('2m');
    r.edit('Removals', { 'Removal Order ID': 'RMV-091' }, { '3PL Receipt': '555' });
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.wrosFor('RMV-091')).toHaveLength(1);
    expect(r.removal('RMV-091')).toMatchObject({ '3PL Receipt': String(r.wrosFor('RMV-091')[0]!.id), State: 'expected' });
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':3PL Receipt'));
    expect(cell!.Message).toContain('3PL Receipt cell of removal RMV-091 (TEE-M-FBA) was changed to "555", but the add-on last wrote nothing there');
  });

  it('typed over on a removal with one: the receipt the add-on wrote is put back and read, and the cell named', () => {
    const r = expectedRun();
    const receipt = r.removal('RMV-081')!['3PL Receipt'];
    r.edit('Removals', { 'Removal Order ID': 'RMV-081' }, { '3PL Receipt': '999' });
    r.threePl('receive', { reference: 'RMV-081', lines: [{ sku: 'SB-TEE-M', quantity: 5 }] });
    r.advance('3h');
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removal('RMV-081')).toMatchObject({ '3PL Receipt': receipt, Received: '5', State: 'received' });
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':3PL Receipt'));
    expect(cell!.Message).toContain(`was changed to "999", but the add-on last wrote ShipBob's receipt ${receipt} there`);
    expect(r.receipts()).toHaveLength(1);
  });
});

describe('Removals Tracking and LPNs typed over before the receipt is made', () => {
  it("the receipt's boxes are Amazon's tracking numbers, the cells put back and named", () => {
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-095', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM950000001GB' }] }], {
        faults: [{ system: 'threePl', operation: 'get-multiple-warehouse-receiving-orders', kind: '500', times: 4 }],
      }),
    );
    r.syncRemovals();
    r.advance('2m');
    r.edit('Removals', { 'Removal Order ID': 'RMV-095' }, { Tracking: 'FAKE0001', LPNs: 'LPNTYPED' });
    expect(r.syncRemovals().outcome).toBe('partial');
    const boxes = r.receipts().flatMap((x) => (x as { trackingNumbers?: string[] }).trackingNumbers ?? []);
    expect(boxes).toEqual(['RM950000001GB']);
    expect(r.removal('RMV-095')).toMatchObject({ Tracking: 'RM950000001GB', LPNs: '', State: 'expected' });
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':Tracking'));
    expect(cell!.Message).toContain('Tracking and LPNs cells of removal RMV-095 (TEE-M-FBA) were changed to "FAKE0001", "LPNTYPED"');
  });
});
