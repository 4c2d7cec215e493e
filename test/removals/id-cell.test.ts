// The Removals tab's Removal Order ID is Amazon's and ties the row to its 3PL receipt: one emptied by
// hand made the row unreadable, and the next write deleted it (its receipt with it) in an ok run.
// Now the run stops before writing, names the cell, and carries on once the ID is back. One typed
// over no longer takes the counts of the receipt its row holds, which is another removal's.

import { describe, expect, it } from 'vitest';
import { RemovalsRun, removalWorld } from './world';

describe('the Removals Removal Order ID cell emptied or typed over', () => {
  it('on a removal with a 3PL receipt: put back from the row\'s other cells, the cell named, the run partial', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM310000001GB' }] }]));
    r.syncRemovals();
    const receipt = r.removal('RMV-031')!['3PL Receipt'];
    r.edit('Removals', { 'Removal Order ID': 'RMV-031' }, { 'Removal Order ID': '' });
    r.threePl('receive', { reference: 'RMV-031', lines: [{ sku: 'SB-TEE-M', quantity: 5 }] });
    r.advance('3h');
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removals().map((x) => [x['Removal Order ID'], x['3PL Receipt'], x.State])).toEqual([['RMV-031', receipt, 'received']]);
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':Removal Order ID'));
    expect(cell!.Message).toContain('Removal Order ID or SKU cell of row 2 was emptied; the row\'s other cells are those the add-on last wrote for removal RMV-031 (TEE-M-FBA)');
    expect(r.receipts()).toHaveLength(1);
  });

  it('on a removal with a 3PL receipt, where the add-on has no record of the row: the row is kept, the cell named, the run partial; once typed back it is read back once', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM310000001GB' }] }]));
    r.syncRemovals();
    const receipt = r.removal('RMV-031')!['3PL Receipt'];
    expect(receipt).not.toBe('');
    const props = r.run.gas.properties.document.data;
    for (const k of [...props.keys()]) if (k.startsWith('removals.idSeal')) props.delete(k);
    r.edit('Removals', { 'Removal Order ID': 'RMV-031' }, { 'Removal Order ID': '' });
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(r.removals().map((x) => [x['Removal Order ID'], x['3PL Receipt'], x.State])).toEqual([['', receipt, 'expected']]);
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toMatch(/^Removals, column Removal Order ID, row 2, a removal: Removal Order ID or SKU is empty/);

    r.run.gas.spreadsheet.edit('Removals', 'A2', 'RMV-031');
    r.threePl('receive', { reference: 'RMV-031', lines: [{ sku: 'SB-TEE-M', quantity: 5 }] });
    r.advance('3h');
    r.syncRemovals();
    expect(r.removals()).toHaveLength(1);
    expect(r.removal('RMV-031')).toMatchObject({ '3PL Receipt': receipt, Received: '5', State: 'received' });
    expect(r.receipts()).toHaveLength(1);
  });

  it('on a removal not shipped yet: the row is kept, not deleted, and nothing is made', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-040', lines: [{ requested: 5 }] }]));
    r.syncRemovals();
    r.edit('Removals', { 'Removal Order ID': 'RMV-040' }, { 'Removal Order ID': '' });
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removals()).toHaveLength(1);
    expect(r.receipts()).toEqual([]);
  });

  it("typed over on a removal with a 3PL receipt: the row's other cells put the ID back, the receipt is read as its own, and the cell is named", () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM310000001GB' }] }]));
    r.syncRemovals();
    const receipt = r.removal('RMV-031')!['3PL Receipt'];
    r.edit('Removals', { 'Removal Order ID': 'RMV-031' }, { 'Removal Order ID': 'RMV-999' });
    r.threePl('receive', { reference: 'RMV-031', lines: [{ sku: 'SB-TEE-M', quantity: 5 }] });
    r.advance('3h');
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(r.removals().map((x) => [x['Removal Order ID'], x['3PL Receipt'], x.State])).toEqual([['RMV-031', receipt, 'received']]);
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':Removal Order ID'));
    expect(cell!.Message).toContain('Removal Order ID cell of removal RMV-031 (TEE-M-FBA), row 2, was changed to "RMV-999"; RMV-031 was put back');
    expect(r.receipts()).toHaveLength(1);
  });

  it("typed over where the add-on has no record of the row (written before it kept one): the receipt's counts are never taken as the typed removal's, and the cell is named", () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM310000001GB' }] }]));
    r.syncRemovals();
    const receipt = r.removal('RMV-031')!['3PL Receipt'];
    const props = r.run.gas.properties.document.data;
    for (const k of [...props.keys()]) if (k.startsWith('removals.idSeal')) props.delete(k);
    r.edit('Removals', { 'Removal Order ID': 'RMV-031' }, { 'Removal Order ID': 'RMV-999' });
    r.threePl('receive', { reference: 'RMV-031', lines: [{ sku: 'SB-TEE-M', quantity: 5 }] });
    r.advance('3h');
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(r.removal('RMV-999')).toMatchObject({ Received: '', State: 'expected' });
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':Removal Order ID'));
    expect(cell!.Message).toContain(`ShipBob's receipt ${receipt} is for removal RMV-031, so one of the two cells was typed over`);
    expect(r.receipts()).toHaveLength(1);
  });

  it('3PL Receipt typed over with an id the 3PL does not hold for the removal, where the add-on has no record of the row: its own receipt is put back and read, and the cell named', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM310000001GB' }] }]));
    r.syncRemovals();
    const receipt = r.removal('RMV-031')!['3PL Receipt'];
    const props = r.run.gas.properties.document.data;
    for (const k of [...props.keys()]) if (k.startsWith('removals.idSeal')) props.delete(k);
    r.edit('Removals', { 'Removal Order ID': 'RMV-031' }, { '3PL Receipt': '999' });
    r.threePl('receive', { reference: 'RMV-031', lines: [{ sku: 'SB-TEE-M', quantity: 5 }] });
    r.advance('3h');
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removal('RMV-031')).toMatchObject({ '3PL Receipt': receipt, Received: '5', State: 'received' });
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':3PL Receipt'));
    expect(cell!.Message).toContain(`3PL Receipt cell of removal RMV-031 (TEE-M-FBA) was changed to "999", but ShipBob holds no receipt 999 for this removal: its own receipt ${receipt}`);
    expect(r.receipts()).toHaveLength(1);
  });
});
