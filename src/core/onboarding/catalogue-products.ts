// The 3PL's products as the pairing sees them: inactive and digital ones kept (an identical SKU is
// still worth naming) but marked, so they are never proposed for ticking.

import type { CatalogueProduct } from './types';

export interface ThreePlProductFacts {
  sku: string;
  name: string;
  barcodes: string[];
  inactive: boolean;
  digital: boolean;
}

export function toCatalogueProducts(products: ReadonlyArray<ThreePlProductFacts>): CatalogueProduct[] {
  const out: CatalogueProduct[] = [];
  const seen = new Set<string>();
  for (const p of products) {
    const sku = p.sku.trim();
    if (!sku || seen.has(sku)) continue;
    seen.add(sku);
    const unusable = p.digital ? 'digital (nothing to pick)' : p.inactive ? 'inactive' : undefined;
    out.push({ sku, name: p.name, barcodes: p.barcodes, ...(unusable ? { unusable } : {}) });
  }
  return out;
}
