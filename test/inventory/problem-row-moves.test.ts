// Issue 13, "no dead ends": a row whose problem state changes moves to (or from) the top of the
// Inventory tab, which shows problem rows first. On a large tab that move used to rewrite every row
// between, about 2.8 million cells at 100,000 SKUs, past the 6 minutes on every run after. Now the
// row is deleted and inserted (src/sheet/row-moves.ts) and only changed SKU Map Status cells are
// written, so one typed mistake costs a handful of cells whatever the catalogue's size.

import { describe, expect, it } from 'vitest';
import { InventoryRun, type FbmOffer } from './builder';

const N = 1_200;
const offers = (): FbmOffer[] => Array.from({ length: N }, (_, i) => ({ sku: `M-${String(i).padStart(5, '0')}`, onHand: 10, amazonQty: 9 }));

const written = (r: InventoryRun) => r.run.results[r.run.results.length - 1]!.record.cellsWritten;

describe('a problem row on a large Inventory tab', () => {
  it('moves to the top and back with a few cells written, never a rewrite of the tab', () => {
    const r = new InventoryRun({ offers: offers() });
    expect(r.sync().outcome).toBe('ok');
    expect(r.tab('Inventory')).toHaveLength(N);
    const last = `M-${String(N - 1).padStart(5, '0')}`;

    // A person types a buffer that is not a number on the last row of the SKU Map.
    r.edit('SKU Map', { 'Seller SKU': last }, { 'Safety Buffer': 'lots' });
    r.advance('60m');
    r.sync();
    const held = r.tab('Inventory');
    expect(held[0]!['Seller SKU']).toBe(last);
    expect(held[0]!['Reason']).toMatch(/^Not synced: the SKU Map row is invalid \(Safety Buffer holds "lots"/);
    expect(held.slice(1).map((row) => row['Seller SKU'])).toEqual(offers().slice(0, -1).map((o) => o.sku));
    // The moved row (28 cells), its Status cell, the Exceptions and Sync Log rows: far from 1,200 rows × 28.
    expect(written(r)).toBeLessThan(400);

    // Fixed: the row goes back to its place, again without rewriting the rows between.
    r.edit('SKU Map', { 'Seller SKU': last }, { 'Safety Buffer': '' });
    r.advance('60m');
    r.sync();
    const fixed = r.tab('Inventory');
    expect(fixed.map((row) => row['Seller SKU'])).toEqual(offers().map((o) => o.sku));
    expect(fixed[N - 1]!['Reason']).not.toMatch(/Not synced/);
    expect(written(r)).toBeLessThan(400);
    r.assertInvariants();
  });
});
