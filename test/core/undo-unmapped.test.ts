import { describe, expect, it } from 'vitest';
import { diffProposals, recordPushResults } from '../../src/core/inventory/diff';
import { buildUndoPlan, capUndoToPickable, limitUndo, pushRecordFromRows, undoLimitsFrom } from '../../src/core/inventory/undo';
import { findUnmappedSkus } from '../../src/core/inventory/unmapped';
import { invRow, mapRow, stock } from './inventory-fixtures';

describe('undo', () => {
  const rows = [
    invRow({ sellerSku: 'A', proposedQty: 3, amazonFbmQty: 1 }),
    invRow({ sellerSku: 'B', proposedQty: 0, amazonFbmQty: 6 }),
    invRow({ sellerSku: 'C', proposedQty: 2, amazonFbmQty: null }),
    invRow({ sellerSku: 'R', proposedQty: 9, amazonFbmQty: 8 }),
  ];
  const changes = diffProposals(rows).changes;
  const results = [
    { key: 'UK:FBM:A', outcome: 'accepted' as const },
    { key: 'UK:FBM:B', outcome: 'accepted' as const },
    { key: 'UK:FBM:C', outcome: 'accepted' as const },
    { key: 'UK:FBM:R', outcome: 'rejected' as const },
  ];
  /** The push record as undo reads it: from the Inventory rows recordPushResults wrote. */
  const record = () => pushRecordFromRows(recordPushResults(rows, changes, results).rows);

  it('restores the previous quantity of every accepted item with a known one', () => {
    // C's quantity before the push was unknown, so its row keeps no Previous Qty to restore.
    expect(record().map((i) => i.sellerSku)).toEqual(['A', 'B']);
    expect(buildUndoPlan(record()).changes).toEqual([
      { key: 'UK:FBM:A', marketplace: 'UK', sellerSku: 'A', fromQty: 3, toQty: 1 },
      { key: 'UK:FBM:B', marketplace: 'UK', sellerSku: 'B', fromQty: 0, toQty: 6 },
    ]);
  });

  it('skips an item whose previous quantity is unknown', () => {
    const plan = buildUndoPlan([{ key: 'UK:FBM:C', marketplace: 'UK', sellerSku: 'C', previousQty: null, pushedQty: 2, unconfirmed: false }]);
    expect(plan.changes).toEqual([]);
    expect(plan.skipped.map((s) => s.sellerSku)).toEqual(['C']);
    expect(plan.skipped[0]!.reason).toContain('unknown');
  });

  it("uses Amazon's current quantity and skips items already back, once the push shows on Amazon", () => {
    const applied = pushRecordFromRows(recordPushResults(rows, changes, results).rows.map((r) => ({ ...r, pushState: 'applied' as const })));
    const plan = buildUndoPlan(applied, new Map([['A', 1], ['B', 4]]));
    expect(plan.changes).toEqual([{ key: 'UK:FBM:B', marketplace: 'UK', sellerSku: 'B', fromQty: 4, toQty: 6 }]);
    expect(plan.skipped.map((s) => s.sellerSku)).toEqual(['A']);
  });

  it('still undoes a push Amazon accepted but does not show yet (it applies the undo after it)', () => {
    const plan = buildUndoPlan(record(), new Map([['A', 1], ['B', 4]]));
    expect(plan.changes.map((c) => `${c.sellerSku}=${c.toQty}`)).toEqual(['A=1', 'B=6']);
  });

  it('caps an undo at what the 3PL can pick today and says what was asked', () => {
    const plan = buildUndoPlan(record());
    const capped = capUndoToPickable(plan.changes, (key) => ({ 'UK:FBM:A': 5, 'UK:FBM:B': 2 } as Record<string, number>)[key]);
    expect(capped.map((c) => [c.change.toQty, c.asked])).toEqual([[1, null], [2, 6]]);
    expect(capUndoToPickable(plan.changes, () => undefined).map((c) => c.change.toQty)).toEqual([0, 0]);
  });

  it("limits each change to the sync's proposal today and leaves out offers it does not set", () => {
    const built = [
      invRow({ sellerSku: 'A', proposedQty: 5, reason: '3PL has 8 pickable, 3 in unsent orders, buffer 0 → 5' }),
      invRow({ sellerSku: 'B', proposedQty: 2, reason: '3PL has 2 pickable, 0 in unsent orders, buffer 0 → 2' }),
      invRow({ sellerSku: 'H', proposedQty: null, reason: 'Held: 3PL does not list this SKU (SB-H): nothing is proposed.' }),
    ];
    const change = (sku: string, fromQty: number, toQty: number) => ({ key: `UK:FBM:${sku}`, marketplace: 'UK', sellerSku: sku, fromQty, toQty });
    const limited = limitUndo([change('A', 0, 9), change('B', 2, 6), change('H', 0, 4), change('X', 0, 1)], undoLimitsFrom(built));
    expect(limited.capped.map((c) => [c.change.sellerSku, c.change.toQty, c.asked])).toEqual([['A', 5, 9]]);
    expect(limited.capped[0]!.limit.why).toBe('3PL has 8 pickable, 3 in unsent orders → 5');
    expect(limited.leftOut.map((l) => [l.sellerSku, l.managed])).toEqual([['B', true], ['H', false], ['X', false]]);
    expect(limited.leftOut[1]!.reason).toMatch(/does not list this SKU \(SB-H\)/);
    expect(limited.leftOut[2]!.reason).toMatch(/no active, valid FBM row/);
  });

  it('never includes FBA rows', () => {
    expect(pushRecordFromRows([invRow({ channel: 'FBA', lastPushedQty: 3, previousQty: 1 })])).toEqual([]);
  });
});

describe('findUnmappedSkus', () => {
  const map = [mapRow({ 'Seller SKU': 'TEE-M', '3PL SKU': 'P-TEE' }), mapRow({ 'Seller SKU': 'OLD', '3PL SKU': 'P-OLD', Active: false }), mapRow({ 'Seller SKU': 'DE-ONLY', Marketplace: 'DE', '3PL SKU': 'P-DE' })];

  it('flags FBM listings and stocked 3PL products that no row mentions', () => {
    const ex = findUnmappedSkus({
      marketplace: 'UK',
      skuMapRows: map,
      defaultMarketplace: 'UK',
      amazonListings: [
        { sellerSku: 'TEE-M', fbm: true, fba: false, fbmQuantity: 1 },
        { sellerSku: 'OLD', fbm: true, fba: false, fbmQuantity: 0 },
        { sellerSku: 'NEW', fbm: true, fba: false, fbmQuantity: 3 },
        { sellerSku: 'DE-ONLY', fbm: true, fba: false, fbmQuantity: 3 },
        { sellerSku: 'FBA-X', fbm: false, fba: true, fbmQuantity: null },
      ],
      threePlStock: [stock('P-TEE', 5), stock('P-OLD', 5), stock('P-DE', 1), stock('LOOSE', 2, 0, 1), stock('LOOSE', 1, 0, 2), stock('EMPTY', 0)],
      threePlName: 'ShipBob',
    });
    expect(ex.map((e) => e.key)).toEqual(['UNMAPPED_SKU:UK:amazon:NEW', 'UNMAPPED_SKU:UK:amazon:DE-ONLY', 'UNMAPPED_SKU:3PL:LOOSE']);
    expect(ex[2]!.message).toContain('ShipBob holds 3 units of LOOSE');
    expect(ex.every((e) => e.type === 'UNMAPPED_SKU')).toBe(true);
  });

  it('summarises when there are many, and checks nothing that was not read', () => {
    const listings = Array.from({ length: 5 }, (_, i) => ({ sellerSku: `N${i}`, fbm: true, fba: false, fbmQuantity: 1 }));
    const ex = findUnmappedSkus({ marketplace: 'UK', skuMapRows: map, defaultMarketplace: 'UK', amazonListings: listings, maxIndividual: 3 });
    expect(ex.map((e) => e.key)).toEqual(['UNMAPPED_SKU:UK:amazon:many']);
    expect(ex[0]!.message).toContain('5 merchant-fulfilled');
    expect(findUnmappedSkus({ marketplace: 'UK', skuMapRows: map, defaultMarketplace: 'UK' })).toEqual([]);
  });
});
