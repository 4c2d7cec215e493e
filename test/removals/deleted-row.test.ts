// A Removals row deleted by a person came back only when Amazon's removal reports next gave the
// removal (within their 60 days; older ones never), and then as a new removal without its receipt or
// counts: a counted removal read "expected" again, with Received empty, until its receipt was read
// hours later. Now the row comes back as the add-on last wrote it, and CELL_INVALID says so.

import { describe, expect, it } from 'vitest';
import { RemovalsRun, removalWorld } from './world';

function removeRow(r: RemovalsRun, orderId: string): void {
  const at = r.removals().findIndex((x) => x['Removal Order ID'] === orderId);
  expect(at).toBeGreaterThanOrEqual(0);
  r.run.gas.spreadsheet.sheet('Removals')!.deleteRows(at + 2, 1);
}

function counted(): RemovalsRun {
  const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-111', lines: [{ requested: 5 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 5, trackingNumber: 'RM111000001GB' }] }]));
  r.syncRemovals();
  r.threePl('receive', { reference: 'RMV-111', lines: [{ sku: 'SB-TEE-M', quantity: 4 }] });
  r.advance('3h');
  r.syncRemovals();
  expect(r.removal('RMV-111')).toMatchObject({ Received: '4', State: 'short' });
  return r;
}

describe('a Removals row deleted by a person', () => {
  it('comes back with its receipt and count when the reports are read in the same run', () => {
    const r = counted();
    const before = r.removal('RMV-111')!;
    removeRow(r, 'RMV-111');
    r.advance('1h');
    expect(r.syncRemovals().outcome).toBe('partial');
    expect(r.removal('RMV-111')).toEqual(before);
    expect(r.receipts()).toHaveLength(1);
    const said = r.openExceptions('CELL_INVALID').find((e) => String(e.Key).endsWith(':row'));
    expect(said!.Message).toContain('row of removal RMV-111 (TEE-M-FBA) was deleted; it was put back as the add-on last wrote it');
  });

  it('comes back when the reports are not read that run', () => {
    const r = counted();
    removeRow(r, 'RMV-111');
    r.advance('1m');
    r.syncRemovals();
    expect(r.removal('RMV-111')).toMatchObject({ Received: '4', State: 'short' });
  });
});
