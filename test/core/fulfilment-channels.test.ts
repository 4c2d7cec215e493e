// Fulfilment channels in the stock sync's pure rules: a SKU Map FBM and FBA row for one SKU are
// both valid when Amazon's listing has both channels ("Multiple Fulfillment Channels with Default
// MFN and FBA", https://developer-docs.amazon.com/sp-api/docs/manage-advanced-multiple-offer-multiple-fulfillment-use-cases),
// and no change ever goes to a SKU Amazon lists as FBA only, which a DEFAULT quantity would convert
// to merchant-fulfilled (https://developer-docs.amazon.com/sp-api/changelog/clarification-on-how-to-use-the-inventory-feed-type-quantity-attribute).

import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { channelsFromListings, convertsFbaOffer, refuseFbaConversions } from '../../src/core/inventory/fba-guard';
import { bothChannelsOnAmazon, validateSkuMap } from '../../src/core/inventory/sku-map';
import type { AmazonListing, FbaSummary, PushChange, RawRow } from '../../src/core/inventory/types';
import { buildQuantityFeed } from '../../src/amazon/feeds';
import { invRow, mapRow, stock } from './inventory-fixtures';

const both = (sellerSku: string, fbmQuantity = 4): AmazonListing => ({ sellerSku, fbm: true, fba: true, fbmQuantity });
const fbaOnly = (sellerSku: string): AmazonListing => ({ sellerSku, fbm: false, fba: true, fbmQuantity: null });
const fbmOnly = (sellerSku: string, fbmQuantity = 4): AmazonListing => ({ sellerSku, fbm: true, fba: false, fbmQuantity });
const summary = (sellerSku: string, fulfillable: number): FbaSummary => ({
  sellerSku, fulfillable, inboundWorking: 0, inboundShipped: 2, inboundReceiving: 0, reserved: 1, unfulfillable: 0, researching: 0, total: fulfillable + 3,
});

/** An FBM and an FBA row for TEE-M, plus a plain FBM row. */
const dualMap: RawRow[] = [mapRow(), mapRow({ Channel: 'FBA', '3PL SKU': '' }), mapRow({ 'Seller SKU': 'OK-1', '3PL SKU': 'OK-1' })];

function build(rows: RawRow[], listings: AmazonListing[], fba: FbaSummary[] = []) {
  return buildInventory({
    marketplace: 'UK',
    skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK', bothChannelsOnAmazon: bothChannelsOnAmazon('UK', listings) }),
    threePlStock: [stock('TEE-M', 15, 3), stock('OK-1', 5)],
    locations: [],
    unsentOrders: [],
    amazonListings: listings,
    fbaSummaries: fba,
    previous: new Map(),
    defaultSafetyBuffer: 2,
    now: Date.UTC(2026, 10, 2, 8),
    threePlName: 'ShipBob',
  });
}

describe('SKU Map: an FBM and an FBA row for one SKU', () => {
  it('are both valid when Amazon lists the SKU with both channels', () => {
    const v = validateSkuMap(dualMap, { defaultMarketplace: 'UK', bothChannelsOnAmazon: bothChannelsOnAmazon('UK', [both('TEE-M'), fbmOnly('OK-1')]) });
    expect(v.rows.map((r) => r.state)).toEqual(['ok', 'ok', 'ok']);
    expect(v.entries.map((e) => e.key)).toEqual(['UK:FBM:TEE-M', 'UK:FBA:TEE-M', 'UK:FBM:OK-1']);
    expect(v.held).toEqual([]);
    expect(v.exceptions).toEqual([]);
    expect(v.rows[0]!.status).toMatch(/^OK .*FBM and FBA.*DEFAULT/);
    expect(v.rows[1]!.status).toMatch(/^OK .*FBA stock is read, never pushed/);
  });

  it('stay held as DUAL_CHANNEL_SKU when Amazon lists one channel only, or was not read', () => {
    for (const listings of [[fbmOnly('TEE-M')], [fbaOnly('TEE-M')]]) {
      const v = validateSkuMap(dualMap, { defaultMarketplace: 'UK', bothChannelsOnAmazon: bothChannelsOnAmazon('UK', listings) });
      expect(v.rows.map((r) => r.state)).toEqual(['dual', 'dual', 'ok']);
      expect(v.rows[0]!.status).toMatch(/^Held: .*both FBM and FBA.*Amazon lists it with one channel only/);
      expect(v.exceptions).toEqual([expect.objectContaining({ key: 'DUAL_CHANNEL_SKU:UK:TEE-M', message: expect.stringContaining('Amazon lists it with one channel only') })]);
    }
    const unread = validateSkuMap(dualMap, { defaultMarketplace: 'UK' });
    expect(unread.rows.map((r) => r.state)).toEqual(['dual', 'dual', 'ok']);
  });

  it("Amazon's channels count in their own marketplace only", () => {
    const v = validateSkuMap(dualMap, { defaultMarketplace: 'UK', bothChannelsOnAmazon: bothChannelsOnAmazon('DE', [both('TEE-M')]) });
    expect(v.rows.map((r) => r.state)).toEqual(['dual', 'dual', 'ok']);
  });
});

describe('buildInventory with a listing sold both ways', () => {
  it('proposes the FBM quantity and shows the FBA buckets; nothing is held', () => {
    const r = build(dualMap, [both('TEE-M', 4), fbmOnly('OK-1')], [summary('TEE-M', 9)]);
    const fbm = r.rows.find((x) => x.key === 'UK:FBM:TEE-M')!;
    const fba = r.rows.find((x) => x.key === 'UK:FBA:TEE-M')!;
    // 15 − 3 committed = 12 pickable, default buffer 2 → 10
    expect(fbm.proposedQty).toBe(10);
    expect(fbm.reason).toMatch(/Amazon also fulfils this SKU as FBA: only the merchant quantity \(channel DEFAULT\) is set/);
    expect(fba.proposedQty).toBeNull();
    expect(fba.pushState).toBe('');
    // The merchant channel's quantity belongs to the FBM row only.
    expect([fbm.amazonFbmQty, fba.amazonFbmQty]).toEqual([4, null]);
    expect([fba.fbaFulfillable, fba.fbaTotal]).toEqual([9, 12]);
    expect(fba.reason).toMatch(/its FBM row sets that quantity/);
    expect(r.exceptions).toEqual([]);
  });

  it('an FBM row alone on such a listing is pushed too: DEFAULT addresses the merchant channel only', () => {
    const r = build([mapRow()], [both('TEE-M')]);
    expect(r.rows[0]!.proposedQty).toBe(10);
    expect(r.exceptions).toEqual([]);
  });

  it('an FBA row alone on such a listing says its merchant quantity is not kept in step', () => {
    const r = build([mapRow({ Channel: 'FBA', '3PL SKU': '' })], [both('TEE-M', 6)], [summary('TEE-M', 9)]);
    expect(r.rows[0]!.reason).toMatch(/no FBM row maps it, so that quantity \(6\) is not kept in step/);
    expect(r.exceptions).toEqual([]);
  });

  it('keeps holding a row for the channel Amazon does not have', () => {
    const fbmOnFba = build([mapRow()], [fbaOnly('TEE-M')]);
    expect(fbmOnFba.rows[0]!.proposedQty).toBeNull();
    expect(fbmOnFba.exceptions).toEqual([expect.objectContaining({ key: 'DUAL_CHANNEL_SKU:UK:TEE-M', message: expect.stringContaining('Amazon lists it as FBA only') })]);
    const fbaOnFbm = build([mapRow({ Channel: 'FBA', '3PL SKU': '' })], [fbmOnly('TEE-M')]);
    expect(fbaOnFbm.exceptions).toEqual([expect.objectContaining({ key: 'DUAL_CHANNEL_SKU:UK:TEE-M', message: expect.stringContaining('Amazon lists it as FBM only') })]);
  });
});

describe('refuseFbaConversions', () => {
  const change = (sellerSku: string, toQty: number): PushChange => ({ key: `UK:FBM:${sellerSku}`, marketplace: 'UK', sellerSku, fromQty: 3, toQty });

  it('takes out every change for a SKU Amazon lists as FBA only and raises a High-type exception saying why', () => {
    const rows = [invRow({ sellerSku: 'A', proposedQty: 7, pushState: 'queued' }), invRow({ sellerSku: 'B', proposedQty: 5, pushState: 'queued' }), invRow({ sellerSku: 'C', proposedQty: 2, pushState: 'queued' })];
    const g = refuseFbaConversions(rows, [change('A', 7), change('B', 5), change('C', 2)], channelsFromListings([fbaOnly('A'), both('B'), fbmOnly('C')]));
    expect(g.changes.map((c) => c.sellerSku)).toEqual(['B', 'C']);
    expect(g.rows[0]).toMatchObject({ proposedQty: null, amazonFbmQty: null, pushState: '', reason: expect.stringMatching(/Not sent: .*FBA only.*\(7\) would have converted the FBA offer to merchant-fulfilled/) });
    expect(g.rows.slice(1).map((r) => r.pushState)).toEqual(['queued', 'queued']);
    expect(g.exceptions).toEqual([
      expect.objectContaining({ key: 'FBA_CONVERSION_REFUSED:UK:A', type: 'FBA_CONVERSION_REFUSED', message: expect.stringMatching(/would have converted the FBA offer to merchant-fulfilled.*Nothing was sent/) }),
    ]);
  });

  it('lets through SKUs Amazon does not list (nothing to convert) and every SKU with a merchant channel', () => {
    expect([undefined, fbmOnly('X'), both('X')].map((c) => convertsFbaOffer(c))).toEqual([false, false, false]);
    expect(convertsFbaOffer(fbaOnly('X'))).toBe(true);
  });
});

describe('the feed builder', () => {
  it('refuses an update whose channels say FBA only, and builds the others', () => {
    expect(() => buildQuantityFeed('A2SELLER', [{ sku: 'A', quantity: 1, channels: { fbm: true, fba: true } }, { sku: 'F', quantity: 2, channels: { fbm: false, fba: true } }])).toThrow(/FBA-only Seller SKU\(s\) F/);
    expect(buildQuantityFeed('A2SELLER', [{ sku: 'A', quantity: 1, channels: { fbm: true, fba: true } }]).messages).toHaveLength(1);
  });
});
