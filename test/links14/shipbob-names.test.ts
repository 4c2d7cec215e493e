// ShipBob's name for each inventory item travels on the stock lines, read whole or walked a page at a
// time across executions, so the Inventory tab can show it where Amazon gives no title. Source:
// Inventory.InventoryQuantityFcResponse.name, "Name of the inventory item" (openapi-2026-01.json,
// GET /inventory-level/locations), which the simulator returns as ShipBob does.

import { describe, expect, it } from 'vitest';
import { readThreePlStock } from '../../src/jobs/reads/threepl-stock';
import { rig } from '../threepl/harness';

describe('ShipBob stock lines carry the product name', () => {
  it('getStock names each line by its inventory item, and the core records keep the name', () => {
    const r = rig({ seed: { products: [{ sku: 'TEE-M', name: 'Tee, medium' }, { sku: 'MUG', name: 'Mug' }], inventory: [{ sku: 'TEE-M', location: 10, onHand: 5 }] } });
    const lines = r.adapter.getStock();
    expect(lines.find((l) => l.sku === 'TEE-M')).toMatchObject({ name: 'Tee, medium' });
    // Known to ShipBob and held nowhere: still named.
    expect(lines.find((l) => l.sku === 'MUG')).toMatchObject({ name: 'Mug', onHand: 0 });
    const records = readThreePlStock(r.adapter, 0).records;
    expect(records.find((x) => x.sku === 'TEE-M')).toMatchObject({ name: 'Tee, medium' });
  });

  it('a walked read keeps the names in its chunks, and a chunk staged before names were kept still assembles', () => {
    const r = rig({ seed: { products: [{ sku: 'TEE-M', name: 'Tee, medium' }], inventory: [{ sku: 'TEE-M', location: 10, onHand: 5 }] } });
    const pages = r.adapter.stockPages!();
    const chunks: string[] = [];
    let cursor: string | null = null;
    do {
      const page = pages.next(cursor);
      chunks.push(page.chunk);
      cursor = page.cursor;
    } while (cursor !== null);
    expect(pages.assemble(chunks).find((l) => l.sku === 'TEE-M')).toMatchObject({ name: 'Tee, medium', onHand: 5 });
    // An older chunk: [inventory id, SKU, locations] without the name.
    const old = chunks.map((c) => {
      const part = JSON.parse(c) as { inactive: boolean; items: unknown[][] };
      return JSON.stringify({ ...part, items: part.items.map((i) => i.slice(0, 3)) });
    });
    const line = pages.assemble(old).find((l) => l.sku === 'TEE-M')!;
    expect(line.onHand).toBe(5);
    expect(line.name).toBeUndefined();
  });
});
