// One column pasted wrong in a 5,000-row SKU Map (Channel "Merchant" on every FBM row) made 4,500
// MAPPING_INVALID rows in the Exceptions tab, one per SKU Map row, each in the alert e-mail. Any
// type past 100 rows in a run is now counted in one `<TYPE>:+more` row (src/core/exception-cap.ts);
// each SKU Map row's Status still says why it is not used, and fixing the column clears them all.

import { describe, expect, it } from 'vitest';
import { InventoryRun, manyOffers } from './builder';
import { MAX_ROWS_PER_TYPE } from '../../src/core/exception-cap';

const ROWS = MAX_ROWS_PER_TYPE + 20;

describe('a SKU Map column pasted wrong on many rows', () => {
  it('gives at most 100 MAPPING_INVALID rows, the last counting the rest, and all clear once fixed', () => {
    const offers = manyOffers(ROWS);
    const r = new InventoryRun({ offers: offers.slice(0, 2), extraMapRows: offers.slice(2).map((o) => [o.sku, 'UK', 'Merchant', `SB-${o.sku}`, '', '', '', '', '', true, '', '']), extraThreePl: offers.slice(2).map((o) => ({ sku: `SB-${o.sku}`, onHand: 5 })), extraListings: offers.slice(2).map((o) => ({ sku: o.sku, channel: 'FBM' as const, quantity: 0 })) });
    r.sync();
    const invalid = r.openExceptions('MAPPING_INVALID');
    expect(invalid).toHaveLength(MAX_ROWS_PER_TYPE);
    const more = invalid.find((x) => x.Key === 'MAPPING_INVALID:+more')!;
    expect(more.Entity).toBe(`${ROWS - 2 - (MAX_ROWS_PER_TYPE - 1)} more`);
    expect(more.Message).toMatch(/more MAPPING_INVALID problems were found this run/);
    // Every row still says why in the SKU Map.
    expect(r.tab('SKU Map').filter((x) => /Merchant/.test(x.Status ?? ''))).toHaveLength(ROWS - 2);
    // The map is fixed: Channel FBM on every row.
    for (const o of offers.slice(2)) r.edit('SKU Map', { 'Seller SKU': o.sku }, { Channel: 'FBM' });
    r.sync();
    expect(r.openExceptions('MAPPING_INVALID')).toHaveLength(0);
  });
});
