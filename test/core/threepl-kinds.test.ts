// The stock sync's handling of 3PL SKUs that are inactive (held, not pickable) or bundles (no
// stock of their own; ShipBob: "inventory quantities ... are tracked at the component level, not
// at the bundle SKU level", developer.shipbob.com/guides/inventory): the Reason says so, an
// inactive SKU is offered as 0 with a MAPPING_INVALID for a person, never a silent zero, and
// bundles and their components count each other's unsent orders.
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { threePlSkuKinds, unsentUnitsFor } from '../../src/core/inventory/threepl-kinds';
import type { RawRow, ThreePlStockRecord } from '../../src/core/inventory/types';
import { findUnmappedSkus } from '../../src/core/inventory/unmapped';
import { mapRow, stock } from './inventory-fixtures';

const NOW = Date.UTC(2026, 10, 2, 8);
const parts = [
  { sku: 'MUG', quantity: 2, inactive: false },
  { sku: 'BOX', quantity: 1, inactive: false },
];
const bundleRec = (fulfillable: number, extra: Partial<ThreePlStockRecord> = {}): ThreePlStockRecord => ({ sku: 'GIFT', locationId: 10, onHand: fulfillable, committed: 0, fulfillable, bundleOf: parts, ...extra });

function build(rows: RawRow[], threePlStock: ThreePlStockRecord[], unsentOrders: Array<{ sellerSku: string; quantity: number }> = []) {
  return buildInventory({
    marketplace: 'UK',
    skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK' }),
    threePlStock,
    locations: [],
    unsentOrders,
    fbaSummaries: [],
    previous: new Map(),
    defaultSafetyBuffer: 0,
    now: NOW,
    threePlName: 'ShipBob',
  });
}

const row = (seller: string, tpl: string) => mapRow({ 'Seller SKU': seller, '3PL SKU': tpl, ASIN: `B0${seller}` });

describe('inactive 3PL SKUs', () => {
  it('offers 0, says why in the Reason and raises MAPPING_INVALID for the offer', () => {
    const res = build([row('OLD', 'OLD-TEE')], [{ ...stock('OLD-TEE', 12, 2), fulfillable: 0, inactive: true }]);
    const r = res.rows[0]!;
    expect(r.proposedQty).toBe(0);
    expect(r.threePlOnHand).toBe(12);
    expect(r.reason).toMatch(/^ShipBob lists OLD-TEE as inactive, so none of it can be picked \(12 on hand\): 0 is offered\./);
    expect(res.exceptions).toEqual([
      expect.objectContaining({ key: 'MAPPING_INVALID:UK:FBM:OLD', type: 'MAPPING_INVALID', message: expect.stringMatching(/OLD-TEE.*inactive.*0 is offered.*Reactivate it in ShipBob/) }),
    ]);
  });

  it('an ordinary SKU gets neither note nor exception', () => {
    const res = build([row('TEE', 'TEE-M')], [stock('TEE-M', 5)]);
    expect(res.rows[0]!.reason).toMatch(/^3PL has 5 pickable/);
    expect(res.exceptions).toEqual([]);
  });
});

describe('bundles', () => {
  it('proposes from the bundles the components make, and names the components in the Reason', () => {
    const res = build([row('GIFT-SET', 'GIFT')], [bundleRec(4), stock('MUG', 31), stock('BOX', 4)]);
    const r = res.rows[0]!;
    expect(r.proposedQty).toBe(4);
    expect(r.reason).toMatch(/^ShipBob bundle GIFT = 2× MUG \(31 pickable\) \+ 1× BOX \(4 pickable\); it holds no stock of its own/);
    expect(res.exceptions).toEqual([]);
  });

  it('an inactive component or bundle: 0 with the reason and an exception', () => {
    const comp = build([row('GIFT-SET', 'GIFT')], [bundleRec(0, { bundleOf: [parts[0]!, { ...parts[1]!, inactive: true }] }), stock('MUG', 31), { ...stock('BOX', 4), fulfillable: 0, inactive: true }]);
    expect(comp.rows[0]!.proposedQty).toBe(0);
    expect(comp.rows[0]!.reason).toMatch(/^Bundle GIFT needs BOX, which ShipBob lists as inactive, so no bundle can be picked: 0 is offered/);
    expect(comp.exceptions.map((e) => e.key)).toEqual(['MAPPING_INVALID:UK:FBM:GIFT-SET']);
    const self = build([row('GIFT-SET', 'GIFT')], [bundleRec(0, { onHand: 4, inactive: true }), stock('MUG', 31), stock('BOX', 4)]);
    expect(self.rows[0]!.reason).toMatch(/^ShipBob lists bundle GIFT as inactive, so none can be picked: 0 is offered/);
    expect(self.exceptions).toHaveLength(1);
  });

  it('a bundle order takes its components and a component order breaks bundles: both count as unsent', () => {
    const res = build(
      [row('GIFT-SET', 'GIFT'), row('MUG-1', 'MUG')],
      [bundleRec(10), stock('MUG', 31), stock('BOX', 10)],
      [
        { sellerSku: 'GIFT-SET', quantity: 1 },
        { sellerSku: 'MUG-1', quantity: 3 },
      ],
    );
    const gift = res.rows.find((r) => r.sellerSku === 'GIFT-SET')!;
    const mug = res.rows.find((r) => r.sellerSku === 'MUG-1')!;
    // GIFT: 1 own + ceil(3 MUG / 2 per bundle) = 3 → 10 − 3 = 7, half of it (MUG-1 shares the MUG stock) → 3.
    expect(gift.unsentOrders).toBe(3);
    expect(gift.proposedQty).toBe(3);
    expect(gift.reason).toMatch(/2 of the unsent units come through orders for its components/);
    expect(gift.reason).toMatch(/MUG is also offered on its own: the offers draw on the same units, so they split them/);
    // MUG: 3 own + 1 bundle × 2 = 5 → 31 − 5 = 26, half of it → 13; with GIFT's 3 × 2 that is 19 of the 26.
    expect(mug.unsentOrders).toBe(5);
    expect(mug.proposedQty).toBe(13);
    expect(mug.reason).toMatch(/MUG is also offered inside bundle GIFT/);
  });

  it('unsentUnitsFor counts nothing extra for a SKU outside any bundle', () => {
    const kinds = threePlSkuKinds([bundleRec(1), stock('TEE', 3)]);
    expect(unsentUnitsFor('TEE', new Map([['TEE', 2], ['GIFT', 5]]), kinds)).toEqual({ units: 2, viaOthers: 0 });
  });
});

describe('unmapped 3PL SKUs with inactive products and bundles', () => {
  it('does not flag inactive products, bundles, or components of a mapped bundle', () => {
    const ex = findUnmappedSkus({
      marketplace: 'UK',
      skuMapRows: [row('GIFT-SET', 'GIFT')],
      defaultMarketplace: 'UK',
      threePlStock: [bundleRec(4), stock('MUG', 31), stock('BOX', 4), { ...stock('OLD-TEE', 12), inactive: true }, stock('LOOSE', 3)],
      threePlName: 'ShipBob',
    });
    expect(ex.map((e) => e.entity)).toEqual([expect.stringContaining('LOOSE')]);
  });
});
