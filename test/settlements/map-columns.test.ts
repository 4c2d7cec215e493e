// A Settlement Map column deleted by hand, through the bundle: read as empty, every row would match
// other lines, so Recategorise would move every line to UNMAPPED and an import would append the
// file's triples as new map rows. Instead both stop with CONFIG_INVALID naming the missing header,
// nothing moves, nothing is appended, the report waits, and the row clears once the column is back.

import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

describe('settlements: a Settlement Map missing a column', () => {
  it('stops Recategorise and the import with CONFIG_INVALID until the column is back', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      amazonExtra: { settlements: [{ reportId: '900101', created: '2026-10-17T06:00:00Z', content: readFixture('uk-2026-10.txt') }] },
    });
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    const categories = r.tab('Settlement Lines').map((l) => l.Category);
    const settlements = r.tab('Settlements');
    const map = r.run.gas.spreadsheet.toDisplayJson()['Settlement Map']!;
    const at = map[0]!.indexOf('Amount Description');
    r.run.gas.spreadsheet.sheet('Settlement Map')!.deleteCols(at + 1, 1);

    r.step({ run: 'recategoriseSettlements' });
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).not.toBe('ok');
    expect(log.Message).toMatch(/"Settlement Map" tab has no "Amount Description" column/);
    expect(r.openExceptions('CONFIG_INVALID').map((e) => e.Entity)).toEqual(['Settlement Map tab']);
    // Nothing moved: every line keeps its category, the Settlements row its breakdown.
    expect(r.tab('Settlement Lines').map((l) => l.Category)).toEqual(categories);
    expect(r.tab('Settlements')).toEqual(settlements);

    r.amazon('addSettlement', { settlement: { reportId: '900102', created: '2026-11-02T08:05:00Z', content: smallFile('25000000003', '5.00', ['5.00']) } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).not.toBe('ok');
    expect(r.tab('Settlements')).toHaveLength(1);
    // No triple appended under a header that is not there.
    expect(r.run.gas.spreadsheet.toDisplayJson()['Settlement Map']).toHaveLength(map.length);

    // The column back as it was: the waiting report imports and the exception clears.
    r.run.gas.spreadsheet.sheet('Settlement Map')!.insertCols(at + 1, 1);
    map.forEach((row, i) => r.run.gas.spreadsheet.edit('Settlement Map', `C${i + 1}`, row[at]!));
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['24000000001', '25000000003']);
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });
});
