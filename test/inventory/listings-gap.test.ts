// keptAfterPartialRead: which Exceptions rows a run with a partial listings read leaves alone, and
// buildInventory's "not checked" rows for offers such a read did not return.

import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { keptAfterPartialRead } from '../../src/core/inventory/listings-gap';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { SKU_MAP_HEADER } from './builder';

describe('keptAfterPartialRead', () => {
  const kept = keptAfterPartialRead('uk', new Set(['SEEN-1', 'A:B']));

  it('keeps offer problems about unseen SKUs and every Amazon-side UNMAPPED_SKU', () => {
    for (const key of ['MAPPING_INVALID:UK:FBM:GONE-1', 'DUAL_CHANNEL_SKU:UK:GONE-1', 'STOCK_PUSH_NOT_APPLIED:UK:GONE-1', 'INVENTORY_DRIFT:UK:GONE-1', 'OFFER_UNMANAGED:UK:GONE-1', 'UNMAPPED_SKU:UK:amazon:SEEN-1', 'UNMAPPED_SKU:UK:amazon:many']) {
      expect(kept({ key }), key).toBe(true);
    }
  });

  it('lets the run resolve problems about SKUs it saw (colons in a SKU included), 3PL-side and run-wide ones', () => {
    for (const key of ['MAPPING_INVALID:UK:FBM:SEEN-1', 'INVENTORY_DRIFT:UK:A:B', 'UNMAPPED_SKU:3PL:SB-1', 'MAPPING_INVALID:UK:shared:SB-1', 'GUARDRAIL_HALT:UK', 'STOCK_SYNC_TIMEOUT:UK', 'MAPPING_INVALID:DE:FBM:GONE-1']) {
      expect(kept({ key }), key).toBe(false);
    }
  });
});

describe('buildInventory with a partial listings read', () => {
  const rows = [
    ['SEEN-1', 'UK', 'FBM', 'SB-1', '', '', '', '', '', '', '', ''],
    ['GONE-1', 'UK', 'FBM', 'SB-2', '', '', '', '', '', '', '', ''],
  ].map((cells) => Object.fromEntries(SKU_MAP_HEADER.map((h, i) => [h, cells[i]])));
  const input = (gap: string | undefined) => ({
    marketplace: 'UK',
    skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK' }),
    threePlStock: [
      { sku: 'SB-1', locationId: 10, onHand: 5, committed: 0, fulfillable: 5 },
      { sku: 'SB-2', locationId: 10, onHand: 7, committed: 0, fulfillable: 7 },
    ],
    locations: [],
    unsentOrders: [],
    amazonListings: [{ sellerSku: 'SEEN-1', fbm: true, fba: false, fbmQuantity: 2 }],
    ...(gap ? { amazonListingsGap: gap } : {}),
    fbaSummaries: [],
    previous: new Map([['UK:FBM:GONE-1', { lastPushedQty: 6, previousQty: 3, pushState: 'applied' as const }]]),
    defaultSafetyBuffer: 1,
    now: Date.parse('2026-11-02T08:00:00Z'),
  });

  it('an unseen offer is not held as "no listing": no exception, no proposal, its Last Pushed Qty kept, the Reason says why', () => {
    const built = buildInventory(input('pages shifted'));
    const gone = built.rows.find((r) => r.sellerSku === 'GONE-1')!;
    expect(gone.proposedQty).toBeNull();
    expect(gone.lastPushedQty).toBe(6);
    expect(gone.reason).toMatch(/^Not checked this run: pages shifted, and Seller SKU GONE-1 was not among the listings read/);
    expect(built.exceptions).toEqual([]);
    expect(built.statuses[1]).not.toMatch(/Held/);
    expect(built.rows.find((r) => r.sellerSku === 'SEEN-1')!.proposedQty).toBe(4);
  });

  it('the same offer after a complete read is held as "no listing"', () => {
    const built = buildInventory(input(undefined));
    expect(built.exceptions.map((e) => e.key)).toEqual(['MAPPING_INVALID:UK:FBM:GONE-1']);
    expect(built.statuses[1]).toMatch(/^Held: Amazon has no listing/);
  });
});
