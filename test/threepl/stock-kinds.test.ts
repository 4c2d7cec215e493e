// getStock for inactive products and bundles, following ShipBob's inventory recipe
// (developer.shipbob.com/guides/inventory, option 1: "If it is a bundle, you need to do the
// calculations. If the inventory is inactive or digital, you can skip the product or place a 0
// value"; "inventory quantities in ShipBob are tracked at the component level, not at the bundle
// SKU level"), against the simulator's products (spec 2026-01 VariantViewModelBase.status,
// .bundle_definition) and the IsActive filter of get-all-inventory-levels-grouped-by-fulfillment-center.
import { describe, expect, it } from 'vitest';
import type { StockLine } from '../../src/threepl/types';
import type { ThreePlSectionInput } from '../world/shipbob/scenario';
import { BASE_SEED, mfnOrder, rig } from './harness';

const line = (lines: StockLine[], sku: string, wh: string) => lines.find((l) => l.sku === sku && l.warehouseId === wh);

const seed = (extra: Pick<ThreePlSectionInput, 'products' | 'inventory'> = {}): Partial<ThreePlSectionInput> => ({
  products: [
    ...BASE_SEED.products,
    { sku: 'BOX', name: 'Gift box' },
    { sku: 'OLD-TEE', name: 'Old Tee', active: false },
    { sku: 'GIFT', name: 'Gift set', bundle: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'BOX', quantity: 1 }] },
    ...(extra.products ?? []),
  ],
  inventory: [
    ...BASE_SEED.inventory,
    { sku: 'BOX', location: 10, onHand: 5, committed: 1, awaiting: 0 },
    { sku: 'BOX', location: 11, onHand: 9, committed: 0, awaiting: 0 },
    { sku: 'OLD-TEE', location: 10, onHand: 12, committed: 2, awaiting: 0 },
    ...(extra.inventory ?? []),
  ],
});

describe('getStock: inactive products', () => {
  it('reports an inactive product as held but not pickable, marked inactive, instead of leaving it out', () => {
    const r = rig({ seed: seed() });
    const lines = r.adapter.getStock();
    expect(line(lines, 'OLD-TEE', '10')).toMatchObject({ onHand: 12, allocated: 2, available: 0, inactive: true, unknown: false });
    expect(line(lines, 'TEE-M', '10')?.inactive).toBeUndefined();
    // One read per side of IsActive: the active list and the inactive one.
    const sides = r.calls.filter((c) => new URL(c.url).pathname.endsWith('/inventory-level/locations')).map((c) => new URL(c.url).searchParams.get('IsActive'));
    expect(sides.sort()).toEqual(['false', 'true']);
  });

  it('a product deactivated in ShipBob stops being pickable on the next read', () => {
    const r = rig({ seed: seed() });
    expect(line(r.adapter.getStock(), 'TEE-L', '10')).toMatchObject({ available: 10 });
    r.sim.act({ action: 'setActive', sku: 'TEE-L', active: false });
    expect(line(r.adapter.getStock(), 'TEE-L', '10')).toMatchObject({ onHand: 10, available: 0, inactive: true });
  });
});

describe('getStock: bundles', () => {
  it('computes whole bundles per location from the components (min of pickable ÷ units per bundle)', () => {
    const r = rig({ seed: seed() });
    const lines = r.adapter.getStock();
    // Location 10: TEE-M 22 pickable → 11 bundles; BOX 4 pickable → 4. On hand: TEE-M 25 → 12, BOX 5 → 5.
    expect(line(lines, 'GIFT', '10')).toMatchObject({ onHand: 5, available: 4, allocated: 1, unknown: false });
    // Location 11: TEE-M 4 → 2; BOX 9 → 9. Units at two centres never make one bundle.
    expect(line(lines, 'GIFT', '11')).toMatchObject({ onHand: 2, available: 2 });
    expect(line(lines, 'GIFT', '10')?.bundle).toEqual({
      components: [
        { sku: 'TEE-M', quantity: 2, inactive: false },
        { sku: 'BOX', quantity: 1, inactive: false },
      ],
    });
    // Bundles are found through get-products with ProductType=2 (create-product type_id: 2 = Bundle).
    const call = r.calls.find((c) => new URL(c.url).pathname.endsWith('/product'))!;
    expect(new URL(call.url).searchParams.get('ProductType')).toBe('2');
  });

  it('follows component stock: an order for a component lowers the bundles', () => {
    const r = rig({ seed: seed() });
    r.adapter.createOutboundOrder(mfnOrder('202-6666666-0000001', [{ sku: 'BOX', quantity: 3 }]));
    // BOX at 10: 5 on hand, 1 + 3 committed → 1 pickable → 1 bundle.
    expect(line(r.adapter.getStock(), 'GIFT', '10')).toMatchObject({ available: 1 });
  });

  it('an inactive component or an inactive bundle makes it not pickable, and says which', () => {
    const r = rig({ seed: seed() });
    r.sim.act({ action: 'setActive', sku: 'BOX', active: false });
    const a = line(r.adapter.getStock(), 'GIFT', '10')!;
    expect(a).toMatchObject({ available: 0 });
    expect(a.bundle?.components.find((c) => c.sku === 'BOX')?.inactive).toBe(true);
    expect(a.inactive).toBeUndefined();
    r.sim.act({ action: 'setActive', sku: 'BOX', active: true });
    r.sim.act({ action: 'setActive', sku: 'GIFT', active: false });
    expect(line(r.adapter.getStock(), 'GIFT', '10')).toMatchObject({ available: 0, inactive: true, onHand: 5 });
  });

  it('a bundle whose components are held nowhere is a true zero; one filtered by SKU still needs its components read', () => {
    const r = rig({ seed: seed({ products: [{ sku: 'EMPTY-SET', name: 'Empty', bundle: [{ sku: 'MUG', quantity: 1 }] }] }) });
    expect(r.adapter.getStock().find((l) => l.sku === 'EMPTY-SET')).toMatchObject({ warehouseId: '*', available: 0, unknown: false });
    const only = r.adapter.getStock({ skus: ['GIFT'] });
    expect(new Set(only.map((l) => l.sku))).toEqual(new Set(['GIFT']));
    expect(line(only, 'GIFT', '10')).toMatchObject({ available: 4 });
  });

  it('honours the chosen warehouses', () => {
    const r = rig({ seed: seed() });
    const lines = r.adapter.getStock({ warehouseIds: ['11'] });
    expect(lines.filter((l) => l.sku === 'GIFT').map((l) => l.warehouseId)).toEqual(['11']);
  });
});
