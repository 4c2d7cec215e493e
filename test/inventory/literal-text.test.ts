// The Inventory tab's Seller SKU, Marketplace and 3PL SKU are written as literal text (a leading
// apostrophe, no '@' format cell a row; TabColumn.literal). A tab an earlier version made has those
// columns formatted '@', where Sheets keeps an apostrophe as a character: the first write of a run
// clears that '@' (adapters/gas/workbook.ts), and a value read with the apostrophe still on it
// (a cell someone formatted '@') is read without it (sheet/table.ts), so no offer gets a second row.

import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/sheet/table';
import { TABS } from '../../src/core/tabs';
import { memoryWorkbook } from '../security/memory-workbook';
import { InventoryRun } from './builder';

const LITERAL_COLUMNS = [1, 3, 5]; // Seller SKU, Marketplace, 3PL SKU

describe('literal text columns of the Inventory tab', () => {
  it('a tab still formatted @ by an earlier version loses the @, and new rows hold no apostrophe', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'A-1', onHand: 10, amazonQty: 9 },
        { sku: 'B-1', onHand: 7, amazonQty: 6 },
      ],
      extraListings: [{ sku: 'C-1', channel: 'FBM', quantity: 0 }],
      extraThreePl: [{ sku: 'SB-C-1', onHand: 5 }],
    });
    expect(r.sync().outcome).not.toBe('failed');
    const book = r.run.gas.spreadsheet;
    // As the earlier version left it: '@' from row 2 to the bottom of the grid in the three columns.
    const sheet = book.requireSheet('Inventory');
    for (const c of LITERAL_COLUMNS) for (let row = 2; row <= sheet.maxRows; row++) sheet.set('nf', row, c, '@');
    expect(book.exportSheet('Inventory')!.numberFormats[1]![0]).toBe('@');

    // A new SKU Map row: its Inventory row is written into cells that were '@'.
    book.edit('SKU Map', 'A4', 'C-1');
    book.edit('SKU Map', 'B4', 'UK');
    book.edit('SKU Map', 'C4', 'FBM');
    book.edit('SKU Map', 'D4', 'SB-C-1');
    r.advance('1h');
    expect(r.sync().outcome).not.toBe('failed');

    const skus = r.tab('Inventory').map((row) => row['Seller SKU']);
    expect(skus).toEqual(['A-1', 'B-1', 'C-1']);
    const at = skus.indexOf('C-1') + 2;
    expect(book.cell('Inventory', at, 1)).toBe('C-1');
    expect(book.cell('Inventory', at, 3)).toBe('UK');
    expect(book.cell('Inventory', at, 5)).toBe('SB-C-1');
    expect(book.display('Inventory', at, 1)).toBe('C-1');
    // The '@' is gone from the whole column, down to the bottom of the grid.
    for (const c of LITERAL_COLUMNS) for (let row = 2; row <= sheet.maxRows; row++) expect(sheet.get('nf', row, c)).not.toBe('@');

    // The run after reads C-1's pushed quantity back; then nothing moves, and the next run finds
    // every row as it wrote it and writes none of them again.
    r.advance('1h');
    r.sync();
    r.advance('1h');
    const before = JSON.stringify(book.toDisplayJson()['Inventory']);
    r.sync();
    expect(r.tab('Inventory').map((row) => row['Seller SKU'])).toEqual(['A-1', 'B-1', 'C-1']);
    expect(JSON.stringify(book.toDisplayJson()['Inventory'])).toBe(before);
    r.assertInvariants();
  });

  it('reads a literal column without an apostrophe Sheets kept in a cell formatted @', () => {
    const header = TABS.inventory.columns.map((c) => c.header);
    const row = header.map((h) => (h === 'Seller SKU' ? "'00123" : h === 'Marketplace' ? "'UK" : h === 'Channel' ? 'FBM' : h === '3PL SKU' ? "'SB-00123" : ''));
    // Seeded as stored: the apostrophes are part of the values, as in a cell formatted '@'.
    const wb = memoryWorkbook({ Inventory: [header, row] });
    const rec = readTable(wb, 'Inventory')!.records[0]!;
    expect([rec['Seller SKU'], rec['Marketplace'], rec['3PL SKU']]).toEqual(['00123', 'UK', 'SB-00123']);
    // A column that is not literal keeps what it holds.
    const plain = memoryWorkbook({ Orders: [['Amazon Order ID', 'Notes'], ["'202-1", "'quoted"]] });
    expect(readTable(plain, 'Orders')!.records[0]!['Notes']).toBe("'quoted");
  });
});
