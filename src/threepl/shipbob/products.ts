// SKU → ShipBob inventory id, which receiving orders and returns need (GET /product?SKU=,
// spec 2026-01 get-products; variants[].inventory.inventory_id; developer.shipbob.com/guides/inventory).

import { AdapterError } from '../types';
import type { ShipBobContext } from './context';
import { toAdapterError } from './errors';
import { readJson } from './http';
import { cursorPage, parseOrThrow, productSchema } from './schemas';

const productPage = cursorPage(productSchema);

export function resolveInventoryIds(ctx: ShipBobContext, skus: string[], cache: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const sku of skus) {
    const known = cache.get(sku);
    if (known !== undefined) {
      out.set(sku, known);
      continue;
    }
    const res = ctx.api.send({ method: 'get', path: '/product', query: { SKU: sku, PageSize: 50 }, operation: 'get-products', retry: 'read' });
    if (res.status !== 200) throw toAdapterError(res, 'get-products');
    const page = parseOrThrow(productPage, readJson(res, 'get-products'), 'get-products');
    // The SKU filter may match partially: take only the exact variant.
    let id: number | undefined;
    let bundle = false;
    for (const p of page.items ?? []) {
      for (const v of p.variants ?? []) {
        if (v.sku !== sku) continue;
        if (v.inventory?.inventory_id != null) id = v.inventory.inventory_id;
        if (v.bundle_definition?.length) bundle = true;
      }
    }
    // A bundle has no inventory item (developer.shipbob.com/guides/inventory): only its components can be received.
    if (id === undefined && bundle) throw new AdapterError('VALIDATION', `ShipBob SKU ${sku} is a bundle: name its component SKUs instead`, { fields: { sku: [sku] } });
    if (id === undefined) throw new AdapterError('VALIDATION', `ShipBob has no product with SKU ${sku}`, { fields: { sku: [sku] } });
    cache.set(sku, id);
    out.set(sku, id);
  }
  return out;
}
