// The ShipBob simulator's catalogue: active/inactive products and bundles, as ShipBob documents
// them. Sources, cited per test: spec 2026-01 (brianzinn/shipbob-node-sdk openapi-2026-01.json)
// Products.ProductViewModelV5 / VariantViewModelBase, get-products query parameters, the
// IsActive parameter of get-all-inventory-levels-grouped-by-fulfillment-center;
// developer.shipbob.com/guides/inventory and /concepts (Bundle).
import { describe, expect, it } from 'vitest';
import { parseThreePlSection } from '../world/shipbob/scenario';
import { BASE_SEED, mfnOrder, rig } from './harness';

const SEED = {
  products: [
    ...BASE_SEED.products,
    { sku: 'OLD-TEE', name: 'Old Tee', active: false },
    { sku: 'GIFT', name: 'Gift set', bundle: [{ sku: 'MUG', quantity: 2 }, { sku: 'TEE-L', quantity: 1 }] },
  ],
  inventory: [...BASE_SEED.inventory, { sku: 'OLD-TEE', location: 10, onHand: 12, committed: 0, awaiting: 0 }, { sku: 'MUG', location: 10, onHand: 9, committed: 0, awaiting: 0 }],
};

type Json = Record<string, unknown> & { items: Array<Record<string, unknown>> };

function get(r: ReturnType<typeof rig>, path: string): { status: number; body: Json } {
  const handler = r.network.handlerFor('https://api.shipbob.com/')!;
  const res = handler({ method: 'GET', url: `https://api.shipbob.com/2026-01${path}`, headers: { authorization: 'Bearer t' }, body: '', bodyBytes: new Uint8Array() });
  if ('timeout' in res) throw new Error('timeout');
  return { status: res.status, body: JSON.parse(String(res.body) || 'null') as Json };
}

const skus = (b: Json) => b.items.map((i) => (i.variants as Array<{ sku: string }> | undefined)?.[0]?.sku ?? i.sku);

describe('ShipBob simulator: inactive products and bundles', () => {
  it('get-products shows variant status Active/Inactive and bundles with their bundle_definition (spec Products.VariantViewModelBase)', () => {
    const r = rig({ seed: SEED });
    const { body } = get(r, '/product?PageSize=50');
    const bySku = new Map(body.items.map((p) => [(p.variants as Array<{ sku: string }>)[0]!.sku, p]));
    const variant = (sku: string) => (bySku.get(sku)!.variants as Array<Record<string, unknown>>)[0]!;
    expect(variant('TEE-M').status).toBe('Active');
    expect(variant('OLD-TEE').status).toBe('Inactive');
    // ProductViewModelV5.type "e.g., 'Regular' or 'Bundle'"
    expect(bySku.get('GIFT')!.type).toBe('Bundle');
    expect(bySku.get('TEE-M')!.type).toBe('Regular');
    expect(variant('GIFT').bundle_definition).toEqual([
      expect.objectContaining({ variant_sku: 'MUG', quantity: 2 }),
      expect.objectContaining({ variant_sku: 'TEE-L', quantity: 1 }),
    ]);
    // No inventory item of its own: "tracked at the component level, not at the bundle SKU level" (guides/inventory).
    expect(variant('GIFT').inventory).toEqual({ inventory_id: null, on_hand_qty: 0 });
    // VariantViewModelBase.associated_bundles: the bundles a component belongs to.
    expect(variant('MUG').associated_bundles).toEqual([expect.objectContaining({ variant_sku: 'GIFT', quantity: 2 })]);
  });

  it('get-products filters by ProductType (create-product type_id 1 Regular, 2 Bundle) and VariantStatus', () => {
    const r = rig({ seed: SEED });
    expect(skus(get(r, '/product?ProductType=2').body)).toEqual(['GIFT']);
    expect(skus(get(r, '/product?ProductType=1').body)).not.toContain('GIFT');
    expect(skus(get(r, '/product?VariantStatus=Inactive').body)).toEqual(['OLD-TEE']);
    expect(get(r, '/product?ProductType=9').status).toBe(400);
  });

  it('inventory levels: IsActive=true lists active items, false inactive ones, absent both; bundles never (spec IsActive query parameter)', () => {
    const r = rig({ seed: SEED });
    const path = '/inventory-level/locations?PageSize=250';
    expect(skus(get(r, `${path}&IsActive=true`).body)).not.toContain('OLD-TEE');
    expect(skus(get(r, `${path}&IsActive=false`).body)).toEqual(['OLD-TEE']);
    const all = skus(get(r, path).body);
    expect(all).toContain('OLD-TEE');
    expect(all).toContain('TEE-M');
    expect(all).not.toContain('GIFT');
  });

  it('an order for a bundle ships its components and commits their stock (developer.shipbob.com/concepts, Bundle)', () => {
    const r = rig({ seed: SEED });
    const out = r.adapter.createOutboundOrder(mfnOrder('202-5555555-0000001', [{ sku: 'GIFT', quantity: 2 }]));
    expect(out.status).toBe('created');
    const order = r.sim.snapshot().orders[0] as unknown as { lines: unknown[]; shipments: Array<{ items: unknown[] }> };
    expect(order.lines).toEqual([{ sku: 'GIFT', quantity: 2 }]);
    expect(order.shipments[0]!.items).toEqual([
      { sku: 'MUG', quantity: 4, committed: 4 },
      { sku: 'TEE-L', quantity: 2, committed: 2 },
    ]);
    const inv = r.sim.snapshot().inventory as Array<{ sku: string; location: number; committed: number }>;
    expect(inv.find((i) => i.sku === 'MUG' && i.location === 10)!.committed).toBe(4);
  });

  it('setActive world step deactivates and reactivates a product or bundle', () => {
    const r = rig({ seed: SEED });
    r.sim.act({ action: 'setActive', sku: 'TEE-M', active: false });
    r.sim.act({ action: 'setActive', sku: 'GIFT', active: false });
    expect(skus(get(r, '/product?VariantStatus=Inactive').body).sort()).toEqual(['GIFT', 'OLD-TEE', 'TEE-M']);
    r.sim.act({ action: 'setActive', sku: 'TEE-M', active: true });
    expect(skus(get(r, '/inventory-level/locations?IsActive=true').body)).toContain('TEE-M');
    expect(() => r.sim.act({ action: 'setActive', sku: 'NOPE', active: false })).toThrow(/unknown SKU NOPE/);
  });

  it('the scenario section rejects bundles that cannot exist, naming the field', () => {
    const bad = (products: unknown[], extra: Record<string, unknown> = {}) => () => parseThreePlSection({ provider: 'shipbob', locations: [{ id: 10, name: 'M' }], products, ...extra });
    expect(bad([{ sku: 'B', name: 'B', bundle: [{ sku: 'X', quantity: 1 }] }])).toThrow('threePl.products[0].bundle[0].sku: SKU "X" is not in threePl.products');
    expect(bad([{ sku: 'B', name: 'B', bundle: [{ sku: 'B', quantity: 1 }] }])).toThrow('a bundle cannot contain itself');
    expect(bad([{ sku: 'A', name: 'A' }, { sku: 'B', name: 'B', bundle: [{ sku: 'A', quantity: 0 }] }])).toThrow('threePl.products[1].bundle[0].quantity');
    // A bundle holds no stock (guides/inventory): stock is given for its components.
    expect(bad([{ sku: 'A', name: 'A' }, { sku: 'B', name: 'B', bundle: [{ sku: 'A', quantity: 1 }] }], { inventory: [{ sku: 'B', location: 10, onHand: 3 }] })).toThrow(
      'threePl.inventory[0].sku: SKU "B" is a bundle',
    );
    // Old scenario files (no active, no bundle) still parse, every product active.
    expect(parseThreePlSection(BASE_SEED).products.every((p) => p.active && !p.bundle)).toBe(true);
  });
});
