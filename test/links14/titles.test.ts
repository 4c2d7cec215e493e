// The Inventory tab's Product Title: Amazon's title wins, the title a row showed stays through runs
// that read none, and the 3PL's name fills a row that has no title at all.

import { describe, expect, it } from 'vitest';
import { productTitle, threePlNames } from '../../src/core/inventory/product-titles';

describe('product titles', () => {
  it("takes Amazon's title first, then the row's own, then the 3PL's name", () => {
    expect(productTitle('Amazon Tee', 'Shown', 'ShipBob Tee')).toBe('Amazon Tee');
    // A run that read no listings: an Amazon title shown earlier is not swapped for the 3PL's name.
    expect(productTitle(undefined, 'Amazon Tee', 'ShipBob Tee')).toBe('Amazon Tee');
    expect(productTitle(undefined, '', 'ShipBob Tee')).toBe('ShipBob Tee');
    expect(productTitle(undefined, undefined, undefined)).toBe('');
  });

  it('names each 3PL SKU once, from the first stock record that carries a name', () => {
    const names = threePlNames([
      { sku: ' SB-1 ', locationId: 1, onHand: 0, committed: 0 },
      { sku: 'SB-1', locationId: 2, onHand: 0, committed: 0, name: ' Tee ' },
      { sku: 'SB-1', locationId: 3, onHand: 0, committed: 0, name: 'Other' },
      { sku: 'SB-2', locationId: 1, onHand: 0, committed: 0, name: '  ' },
    ]);
    expect([...names]).toEqual([['SB-1', 'Tee']]);
  });
});
