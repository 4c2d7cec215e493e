// A Removal Order ID typed over on a row with no 3PL receipt yet used to turn the row into another
// removal: a receipt was made at the 3PL under the typed id, and once Amazon's reports gave the real
// removal again a second receipt was made for the same boxes. Now the row's other cells (as the
// add-on last wrote them) put the id back when they tell which removal it was; when they cannot,
// the cell is named and nothing is made for the row.

import { describe, expect, it } from 'vitest';
import { RemovalsRun, removalWorld, type RemovalSeed } from './world';

const CREATE = 'create-warehouse-receiving-order';
const LOOKUP = 'get-multiple-warehouse-receiving-orders';

const shipped = (orderId: string, tn: string, qty = 5): RemovalSeed => ({
  orderId,
  lines: [{ requested: qty }],
  shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: qty, trackingNumber: tn }],
});

/** ShipBob down on the first run: the removals are left `to send`, without a receipt. */
const downFirst = { faults: [{ system: 'threePl' as const, operation: LOOKUP, kind: '500' as const, times: 4 }] };

describe('a Removal Order ID typed over on a row without a 3PL receipt', () => {
  it('is put back from the row\'s other cells: one receipt, for the real removal, and the cell named', () => {
    const r = new RemovalsRun(removalWorld([shipped('RMV-050', 'RM500000001GB')], downFirst));
    r.syncRemovals();
    expect(r.removal('RMV-050')).toMatchObject({ '3PL Receipt': '', State: 'to send' });
    r.advance('2m');
    r.edit('Removals', { 'Removal Order ID': 'RMV-050' }, { 'Removal Order ID': 'RMV-999' });
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(r.wrosFor('RMV-999')).toEqual([]);
    expect(r.removals().map((x) => x['Removal Order ID'])).toEqual(['RMV-050']);
    const cell = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':Removal Order ID'));
    expect(cell!.Message).toContain('RMV-999');
    expect(cell!.Message).toContain('RMV-050');
    r.advance('2h');
    r.syncRemovals();
    expect(r.wrosFor('RMV-050')).toHaveLength(1);
    expect(r.receipts()).toHaveLength(1);
    expect(r.removals()).toHaveLength(1);
  });

  it('where the other cells cannot tell which removal it was: nothing is made or written, the cells are named; once typed back the run carries on', () => {
    // Two removals of the same SKU and units, with no tracking yet, differ only by their IDs: both typed over.
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-061', lines: [{ requested: 3 }] }, { orderId: 'RMV-062', lines: [{ requested: 3 }] }]));
    r.syncRemovals();
    r.advance('2m');
    r.edit('Removals', { 'Removal Order ID': 'RMV-061' }, { 'Removal Order ID': 'RMV-777' });
    r.edit('Removals', { 'Removal Order ID': 'RMV-062' }, { 'Removal Order ID': 'RMV-778' });
    const run = r.syncRemovals();
    expect(run.outcome).toBe('partial');
    expect(run.message).toContain('nothing was done and the tab was left as it is');
    const cells = r.openExceptions('CELL_INVALID').filter((e) => String(e.Key).endsWith(':Removal Order ID'));
    expect(cells.map((e) => String(e.Message).match(/row (\d+)/)?.[1])).toEqual(['2', '3']);
    expect(cells[0]!.Message).toContain('"RMV-777" with SKU TEE-M-FBA is not a removal the add-on wrote on this row');
    expect(cells[0]!.Message).toContain('removal RMV-061 TEE-M-FBA');
    expect(r.removals().map((x) => x['Removal Order ID'])).toEqual(['RMV-777', 'RMV-778']);
    expect(r.receipts()).toEqual([]);

    r.run.gas.spreadsheet.edit('Removals', 'A2', 'RMV-061');
    r.run.gas.spreadsheet.edit('Removals', 'A3', 'RMV-062');
    r.advance('2h');
    expect(r.syncRemovals().outcome).toBe('ok');
    expect(r.removals().map((x) => x['Removal Order ID'])).toEqual(['RMV-061', 'RMV-062']);
  });

  it('typed over with the ID of another removal on the tab: the row is not merged into that one (deleting it), it is put back', () => {
    const r = new RemovalsRun(removalWorld([shipped('RMV-071', 'RM710000001GB'), shipped('RMV-072', 'RM720000001GB')], downFirst));
    r.syncRemovals();
    r.advance('2m');
    r.edit('Removals', { 'Removal Order ID': 'RMV-071' }, { 'Removal Order ID': 'RMV-072' });
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removals().map((x) => [x['Removal Order ID'], x.Tracking])).toEqual([
      ['RMV-071', 'RM710000001GB'],
      ['RMV-072', 'RM720000001GB'],
    ]);
    expect(r.wrosFor('RMV-071')).toHaveLength(1);
    expect(r.wrosFor('RMV-072')).toHaveLength(1);
  });
});
