// The Inventory tab's rows as people read them: problem rows first in an order that only moves when a
// row's problem state does, a Change column, Amazon's product title, and FBA rows that leave the 3PL
// columns to their FBM twin so a column sum counts each unit once.

import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { changeOf, inventoryRowFromRecord, inventoryRowToRecord, previousFromInventory } from '../../src/core/inventory/inventory-tab';
import { orderInventoryRows, problemClass } from '../../src/core/inventory/row-order';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import type { AmazonListing, InventoryRow, RawRow } from '../../src/core/inventory/types';
import { invRow, mapRow, stock } from '../core/inventory-fixtures';

const NOW = Date.UTC(2026, 10, 2, 8);

function build(rows: RawRow[], over: Partial<Parameters<typeof buildInventory>[0]> = {}) {
  return buildInventory({
    marketplace: 'UK',
    skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK' }),
    threePlStock: [stock('TEE-M', 15, 3)],
    locations: [],
    unsentOrders: [],
    fbaSummaries: [],
    previous: new Map(),
    defaultSafetyBuffer: 2,
    now: NOW,
    threePlName: 'ShipBob',
    ...over,
  });
}

const listing = (sellerSku: string, over: Partial<AmazonListing> = {}): AmazonListing => ({ sellerSku, fbm: true, fba: false, fbmQuantity: 4, ...over });

describe('problem rows first', () => {
  it('classes rows: refused by Amazon, then held, then the rest', () => {
    expect(problemClass(invRow({ pushState: 'rejected' }))).toBe(0);
    expect(problemClass(invRow({ pushState: 'accepted but not applied' }))).toBe(0);
    expect(problemClass(invRow({ pushState: 'held by guardrail' }))).toBe(1);
    expect(problemClass(invRow({ pushState: '', reason: 'Held: 3PL does not list this SKU (X): nothing is proposed.' }))).toBe(1);
    expect(problemClass(invRow({ pushState: '', reason: 'Not synced: the SKU Map row is invalid (…).' }))).toBe(1);
    expect(problemClass(invRow({ pushState: 'applied', reason: '3PL has 12 pickable → 10' }))).toBe(2);
    expect(problemClass(invRow({ pushState: 'dry-run' }))).toBe(2);
  });

  it('orders by class, then Seller SKU with the FBM row before its FBA twin', () => {
    const rows = [
      invRow({ sellerSku: 'C', pushState: 'applied' }),
      invRow({ sellerSku: 'B', channel: 'FBA', pushState: '' }),
      invRow({ sellerSku: 'B', pushState: 'applied' }),
      invRow({ sellerSku: 'Z', pushState: 'held by guardrail' }),
      invRow({ sellerSku: 'Y', pushState: 'rejected' }),
      invRow({ sellerSku: 'A', pushState: '', reason: 'Held: Amazon fulfils Seller SKU A as FBA only, so it is never pushed as FBM.' }),
    ];
    expect(orderInventoryRows(rows).map((r) => r.key)).toEqual(['UK:FBM:Y', 'UK:FBM:A', 'UK:FBM:Z', 'UK:FBM:B', 'UK:FBA:B', 'UK:FBM:C']);
    // The input is left as it was.
    expect(rows[0]!.sellerSku).toBe('C');
  });

  it('keeps every row in place when only quantities move, and moves one when its problem state changes', () => {
    const before = orderInventoryRows(['D', 'A', 'C', 'B'].map((s, i) => invRow({ sellerSku: s, proposedQty: i, pushState: 'applied' })));
    const quantitiesMoved = orderInventoryRows(before.map((r) => ({ ...r, proposedQty: (r.proposedQty ?? 0) + 7, amazonFbmQty: 3, pushState: 'dry-run' as const })));
    expect(quantitiesMoved.map((r) => r.key)).toEqual(before.map((r) => r.key));
    const oneRejected = orderInventoryRows(before.map((r) => (r.sellerSku === 'C' ? { ...r, pushState: 'rejected' as const } : r)));
    expect(oneRejected.map((r) => r.sellerSku)).toEqual(['C', 'A', 'B', 'D']);
  });

  it('gives held FBM rows a Reason starting "Held:", as the SKU Map Status says', () => {
    const r = build([mapRow({ '3PL SKU': 'UNKNOWN' })]);
    expect(r.rows[0]!.reason).toMatch(/^Held: 3PL does not list this SKU \(UNKNOWN\)/);
    expect(r.statuses[0]).toBe(`${r.rows[0]!.reason}`);
    expect(problemClass(r.rows[0]!)).toBe(1);
  });
});

describe('Change column', () => {
  it('is Proposed FBM Qty − Amazon FBM Qty, empty when either is unknown', () => {
    expect(changeOf({ proposedQty: 7, amazonFbmQty: 10 })).toBe(-3);
    expect(changeOf({ proposedQty: 12, amazonFbmQty: 10 })).toBe(2);
    expect(changeOf({ proposedQty: 0, amazonFbmQty: 0 })).toBe(0);
    expect(changeOf({ proposedQty: null, amazonFbmQty: 10 })).toBeNull();
    expect(changeOf({ proposedQty: 7, amazonFbmQty: null })).toBeNull();
    expect(inventoryRowToRecord(invRow({ proposedQty: 7, amazonFbmQty: 10 }))['Change']).toBe(-3);
    expect(inventoryRowToRecord(invRow({ proposedQty: null, amazonFbmQty: 10 }))['Change']).toBe('');
  });

  it('is written but never read back as a figure of its own', () => {
    const rec = inventoryRowToRecord(invRow({ proposedQty: 7, amazonFbmQty: 10 }));
    const back = inventoryRowFromRecord({ ...rec, Change: 999 }) as InventoryRow & { change?: unknown };
    expect(back.change).toBeUndefined();
    expect(inventoryRowToRecord(back)['Change']).toBe(-3);
  });
});

describe('Product Title', () => {
  it("takes Amazon's title from the listing, for FBM and FBA rows alike", () => {
    const r = build([mapRow(), mapRow({ 'Seller SKU': 'TEE-M-FBA', Channel: 'FBA', '3PL SKU': '' })], {
      amazonListings: [listing('TEE-M', { title: 'Organic Tee, Medium' }), listing('TEE-M-FBA', { fbm: false, fba: true, fbmQuantity: null, title: 'Organic Tee, Medium (FBA)' })],
    });
    expect(r.rows.map((x) => x.productTitle)).toEqual(['Organic Tee, Medium', 'Organic Tee, Medium (FBA)']);
    expect(inventoryRowToRecord(r.rows[0]!)['Product Title']).toBe('Organic Tee, Medium');
  });

  it('keeps the title the row showed when this run read none', () => {
    const shown = invRow({ productTitle: 'Organic Tee, Medium' });
    const previous = previousFromInventory([shown]);
    expect(build([mapRow()], { previous }).rows[0]!.productTitle).toBe('Organic Tee, Medium');
    expect(build([mapRow()], { previous, amazonListings: [listing('TEE-M', { title: 'Organic Tee, M' })] }).rows[0]!.productTitle).toBe('Organic Tee, M');
    expect(build([mapRow()]).rows[0]!.productTitle).toBe('');
  });

  it('round-trips through the tab', () => {
    const row = invRow({ productTitle: 'Organic Tee, Medium' });
    expect(inventoryRowFromRecord(inventoryRowToRecord(row))).toEqual(row);
  });
});

describe('FBA rows and the 3PL columns', () => {
  it('leave 3PL stock to the FBM twin, so summing a 3PL column counts each unit once', () => {
    const r = build([mapRow(), mapRow({ 'Seller SKU': 'TEE-M', Channel: 'FBA', '3PL SKU': 'TEE-M' })], {
      amazonListings: [listing('TEE-M', { fba: true, fbm: true })],
    });
    const fbm = r.rows.find((x) => x.channel === 'FBM')!;
    const fba = r.rows.find((x) => x.channel === 'FBA')!;
    expect(fbm).toMatchObject({ threePlOnHand: 15, threePlCommitted: 3, threePlFulfillable: 12 });
    expect(fba).toMatchObject({ threePlOnHand: null, threePlCommitted: null, threePlFulfillable: null, threePlSku: 'TEE-M' });
    const sum = (k: 'threePlOnHand' | 'threePlFulfillable') => r.rows.reduce((n, x) => n + (x[k] ?? 0), 0);
    expect(sum('threePlOnHand')).toBe(15);
    expect(sum('threePlFulfillable')).toBe(12);
  });
});
