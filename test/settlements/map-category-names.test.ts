// A Settlement Map Category typed as the name of a column the Settlements tab fills itself
// ("Settlement ID", "Currency", "Difference", "reserve held"), through the bundle: the tab finds its
// columns by name, so such a category had no column of its own and its amounts were written over
// the settlement's ID and figures. The row is unusable instead: an exception naming the cell and
// the names not allowed, its lines UNMAPPED, the run not "ok", the Settlements row intact.

import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { importedFiles } from './one-settlement';

const MAP = [
  ['Transaction Type', 'Amount Type', 'Amount Description', 'Category', 'Account', 'Notes'],
  ['Order', 'ItemPrice', 'Principal', 'Settlement ID', '', 'p'],
  ['Order', 'ItemPrice', 'Tax', 'currency', '', 't'],
  ['Refund', 'ItemPrice', 'Principal', 'Difference', '', 'r'],
  ['Order', 'ItemPrice', 'Shipping', 'Reserve  Held', '', 's'],
  ['any', 'any', 'any', 'Other', '', ''],
];

describe('settlements: a category named like a Settlements column', () => {
  it('is an unusable Settlement Map row, never written over the settlement\'s own cells', () => {
    const r = importedFiles([{ reportId: '900101', created: '2026-10-17T06:00:00Z', content: readFixture('uk-2026-10.txt') }], MAP);

    const [row] = r.tab('Settlements');
    expect(row!['Settlement ID']).toBe('24000000001');
    expect(row!.Currency).toBe('GBP');
    expect(row!.Difference).toBe('0.00');
    expect(row!['Reserve Held']).toBe('-35.00');
    expect(row!['Lines Total']).toBe('40.65');
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    const rows = r.openExceptions('SETTLEMENT_UNMAPPED').filter((e) => e.Key!.startsWith('SETTLEMENT_UNMAPPED:row:'));
    expect(rows.map((e) => e.Key).sort()).toEqual(['SETTLEMENT_UNMAPPED:row:2', 'SETTLEMENT_UNMAPPED:row:3', 'SETTLEMENT_UNMAPPED:row:4', 'SETTLEMENT_UNMAPPED:row:5']);
    expect(rows.find((e) => e.Key === 'SETTLEMENT_UNMAPPED:row:2')!.Message).toMatch(/column "Category" holds "Settlement ID", the name of the Settlements tab's own "Settlement ID" column/);
    // Its lines wait in UNMAPPED, not in the catch-all row below.
    const principal = r.tab('Settlement Lines').filter((l) => l['Transaction Type'] === 'Order' && l['Amount Type'] === 'ItemPrice' && l['Amount Description'] === 'Principal');
    expect(principal).toHaveLength(3);
    expect(principal.every((l) => l.Category === 'UNMAPPED')).toBe(true);

    r.edit('Settlement Map', { Notes: 'p' }, { Category: 'Product sales' });
    r.edit('Settlement Map', { Notes: 't' }, { Category: 'Tax collected' });
    r.edit('Settlement Map', { Notes: 'r' }, { Category: 'Refunds' });
    r.edit('Settlement Map', { Notes: 's' }, { Category: 'Shipping income' });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    const after = r.tab('Settlements')[0]!;
    expect(after['Settlement ID']).toBe('24000000001');
    expect(after['Product sales']).toBe('142.47');
  });
});
