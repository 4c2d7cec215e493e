// A column of the Settlement Lines tab deleted by hand (Amount Description), through the bundle: read
// as empty, Recategorise matched every line as "Order / ItemPrice / (empty)" and moved all its money
// to UNMAPPED, in an "ok" run. Instead Recategorise stops with CONFIG_INVALID naming the header,
// nothing moves, and once the column is back it runs as before.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

describe('settlements: a Settlement Lines column deleted', () => {
  it('stops Recategorise until it is back, moving nothing', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      amazonExtra: { settlements: [{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) }] },
    });
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    const grid = r.run.gas.spreadsheet.toDisplayJson()['Settlement Lines']!;
    const at = grid[0]!.indexOf('Amount Description');
    r.run.gas.spreadsheet.sheet('Settlement Lines')!.deleteCols(at + 1, 1);
    const settlements = r.tab('Settlements');

    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).not.toBe('ok');
    expect(r.syncLog().at(-1)!.Message).toMatch(/"Settlement Lines" tab has no "Amount Description" column/);
    expect(r.tab('Settlements')).toEqual(settlements);
    expect(r.tab('Settlement Lines').map((l) => l.Category)).toEqual(['Product sales', 'Product sales']);
    expect(r.openExceptions('CONFIG_INVALID').map((e) => e.Entity)).toEqual(['Settlement Lines tab']);

    r.run.gas.spreadsheet.sheet('Settlement Lines')!.insertCols(at + 1, 1);
    grid.forEach((row, i) => r.run.gas.spreadsheet.edit('Settlement Lines', `${String.fromCharCode(65 + at)}${i + 1}`, row[at]!));
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.tab('Settlements')[0]!['Product sales']).toBe('41.00');
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });
});
