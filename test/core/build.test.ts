import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { aggregateThreePlStock, countThreePlSkus, unsentBy3plSku } from '../../src/core/inventory/stock';
import type { AmazonListing, FbaSummary, RawRow } from '../../src/core/inventory/types';
import { mapRow, stock } from './inventory-fixtures';

type BuildInventoryInput = Parameters<typeof buildInventory>[0];

const NOW = Date.UTC(2026, 10, 2, 8);

function build(rows: RawRow[], over: Partial<BuildInventoryInput> = {}) {
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

const listing = (sellerSku: string, fbmQuantity: number | null, fba = false): AmazonListing => ({ sellerSku, fbm: !fba, fba, fbmQuantity });
const fbaSummary = (sellerSku: string, fulfillable: number): FbaSummary => ({
  sellerSku,
  fulfillable,
  inboundWorking: 1,
  inboundShipped: 12,
  inboundReceiving: 2,
  reserved: 3,
  unfulfillable: 1,
  researching: 0,
  total: fulfillable + 19,
});

describe('aggregateThreePlStock', () => {
  it('sums the chosen locations only, and fulfillable defaults to on hand − committed', () => {
    const recs = [stock('A', 10, 2, 10), stock('A', 5, 0, 11), stock('A', 100, 0, 99), { sku: 'B', locationId: 10, onHand: 4, committed: 0, fulfillable: 3 }];
    const all = aggregateThreePlStock(recs, []);
    expect(all.get('A')).toMatchObject({ onHand: 115, committed: 2, fulfillable: 113, locationsCounted: 3 });
    const chosen = aggregateThreePlStock(recs, ['10', ' 11 ']);
    expect(chosen.get('A')).toMatchObject({ onHand: 15, committed: 2, fulfillable: 13, locationsCounted: 2 });
    expect(chosen.get('B')).toMatchObject({ fulfillable: 3 });
    const elsewhere = aggregateThreePlStock(recs, ['99']);
    expect(elsewhere.get('B')).toMatchObject({ fulfillable: 0, locationsCounted: 0 });
    expect(countThreePlSkus(recs)).toBe(2);
  });

  it('does not let an over-committed location eat stock from another', () => {
    const s = aggregateThreePlStock([stock('A', 2, 5, 1), stock('A', 6, 0, 2)], []);
    expect(s.get('A')!.fulfillable).toBe(6);
  });
});

describe('unsentBy3plSku', () => {
  it('sums unsent units per 3PL SKU across Seller SKUs sharing it, ignoring unmapped lines', () => {
    const v = validateSkuMap([mapRow({ 'Seller SKU': 'A1', '3PL SKU': 'P' }), mapRow({ 'Seller SKU': 'A2', '3PL SKU': 'P' })], { defaultMarketplace: 'UK' });
    const u = unsentBy3plSku(
      [
        { sellerSku: 'A1', quantity: 2 },
        { sellerSku: 'A2', quantity: 1 },
        { sellerSku: 'ZZ', quantity: 9 },
      ],
      v.entries,
    );
    expect([...u]).toEqual([['P', 3]]);
  });
});

describe('buildInventory', () => {
  it('proposes an FBM quantity with its derivation in the Inventory columns', () => {
    const r = build([mapRow({ 'Safety Buffer': 3 })], { unsentOrders: [{ sellerSku: 'TEE-M', quantity: 2 }], amazonListings: [listing('TEE-M', 4)] });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      key: 'UK:FBM:TEE-M',
      threePlOnHand: 15,
      threePlCommitted: 3,
      threePlFulfillable: 12,
      unsentOrders: 2,
      safetyBuffer: 3,
      offerShare: 1,
      maxQty: null,
      proposedQty: 7,
      amazonFbmQty: 4,
      updatedAt: NOW,
    });
    expect(r.rows[0]!.reason).toBe('3PL has 12 pickable, 2 in unsent orders, buffer 3 → 7');
    expect(r.exceptions).toEqual([]);
    expect(r.statuses).toEqual(['OK']);
  });

  it('uses the Settings default buffer for an empty Safety Buffer cell', () => {
    const r = build([mapRow()]);
    expect(r.rows[0]).toMatchObject({ safetyBuffer: 2, proposedQty: 10 });
    expect(r.rows[0]!.reason).toContain('buffer 2 (default)');
  });

  it('holds an FBM row whose 3PL SKU the 3PL does not list (MAPPING_INVALID) and still syncs the rest', () => {
    const r = build([mapRow({ '3PL SKU': 'TEE-MM' }), mapRow({ 'Seller SKU': 'OTHER', '3PL SKU': 'TEE-M' })]);
    expect(r.rows[0]).toMatchObject({ proposedQty: null, pushState: '' });
    expect(r.rows[0]!.reason).toContain('3PL does not list this SKU');
    expect(r.rows[1]!.proposedQty).toBe(10);
    expect(r.exceptions).toEqual([expect.objectContaining({ key: 'MAPPING_INVALID:UK:FBM:TEE-M', type: 'MAPPING_INVALID' })]);
    expect(r.exceptions[0]!.message).toContain('ShipBob does not list');
    expect(r.statuses[0]).toContain('Held: 3PL does not list');
  });

  it('proposes 0 (not "unknown") for a SKU the 3PL lists only at locations not chosen', () => {
    const r = build([mapRow()], { threePlStock: [stock('TEE-M', 15, 0, 99)], locations: ['10'] });
    expect(r.rows[0]!.proposedQty).toBe(0);
    expect(r.rows[0]!.reason).toContain('only at locations not chosen');
    expect(r.exceptions).toEqual([]);
  });

  it('includes invalid rows with why, and carries the SKU Map exceptions', () => {
    const r = build([mapRow({ 'Max Qty': 'ten' })]);
    expect(r.rows[0]).toMatchObject({ proposedQty: null, pushState: '' });
    expect(r.rows[0]!.reason).toContain('Max Qty holds "ten"');
    expect(r.exceptions.map((e) => e.type)).toEqual(['MAPPING_INVALID']);
  });

  it('leaves out other marketplaces and inactive rows', () => {
    const r = build([mapRow({ Marketplace: 'DE' }), mapRow({ Active: false }), mapRow({ 'Seller SKU': 'UK-1', '3PL SKU': 'TEE-M' })]);
    expect(r.rows.map((x) => x.key)).toEqual(['UK:FBM:UK-1']);
  });

  it('fills FBA columns from inventory summaries, never proposes for FBA and leaves its 3PL columns empty', () => {
    const r = build([mapRow({ 'Seller SKU': 'TEE-M-FBA', Channel: 'FBA', '3PL SKU': 'TEE-M' })], { fbaSummaries: [fbaSummary('TEE-M-FBA', 40)] });
    expect(r.rows[0]).toMatchObject({
      channel: 'FBA',
      proposedQty: null,
      pushState: '',
      fbaFulfillable: 40,
      fbaInboundWorking: 1,
      fbaInboundShipped: 12,
      fbaInboundReceiving: 2,
      fbaReserved: 3,
      fbaUnfulfillable: 1,
      fbaResearching: 0,
      fbaTotal: 59,
      // Amazon holds FBA stock: the 3PL's units belong to the FBM row, so a column sum counts them once.
      threePlOnHand: null,
      threePlCommitted: null,
      threePlFulfillable: null,
    });
    expect(r.rows[0]!.reason).toContain('Sellable = FBA fulfillable 40');
    expect(r.rows[0]!.reason).toContain('total 59 (includes inbound, information only)');
  });

  it('holds an FBM-mapped SKU that Amazon fulfils as FBA (DUAL_CHANNEL_SKU)', () => {
    const viaListing = build([mapRow()], { amazonListings: [listing('TEE-M', null, true)] });
    expect(viaListing.rows[0]!.proposedQty).toBeNull();
    expect(viaListing.exceptions).toEqual([expect.objectContaining({ key: 'DUAL_CHANNEL_SKU:UK:TEE-M' })]);
    // A listing with both channels takes a merchant quantity on its DEFAULT channel: fulfilment-channels.test.ts.
    const viaSummary = build([mapRow()], { fbaSummaries: [fbaSummary('TEE-M', 5)] });
    expect(viaSummary.rows[0]!.proposedQty).toBeNull();
    expect(viaSummary.statuses[0]).toContain('Held: Amazon fulfils');
  });

  it('does not treat an all-zero FBA summary as FBA stock', () => {
    const zero: FbaSummary = { sellerSku: 'TEE-M', fulfillable: 0, inboundWorking: 0, inboundShipped: 0, inboundReceiving: 0, reserved: 0, unfulfillable: 0, researching: 0, total: 0 };
    expect(build([mapRow()], { fbaSummaries: [zero] }).rows[0]!.proposedQty).toBe(10);
  });

  it('flags an FBA-mapped SKU that Amazon lists as FBM only', () => {
    const r = build([mapRow({ Channel: 'FBA' })], { amazonListings: [{ sellerSku: 'TEE-M', fbm: true, fba: false, fbmQuantity: 3 }] });
    expect(r.rows[0]!.proposedQty).toBeNull();
    expect(r.exceptions.map((e) => e.key)).toEqual(['DUAL_CHANNEL_SKU:UK:TEE-M']);
  });

  it('shows map-dual rows as held without proposing', () => {
    const r = build([mapRow(), mapRow({ Channel: 'FBA', '3PL SKU': '' })]);
    expect(r.rows.map((x) => [x.channel, x.proposedQty])).toEqual([
      ['FBM', null],
      ['FBA', null],
    ]);
    expect(r.rows[0]!.reason).toContain('both FBM and FBA');
    expect(r.exceptions.map((e) => e.type)).toEqual(['DUAL_CHANNEL_SKU']);
  });

  it('holds an FBM row with no Amazon listing when listings were read', () => {
    const r = build([mapRow()], { amazonListings: [listing('SOMETHING-ELSE', 1)] });
    expect(r.rows[0]!.proposedQty).toBeNull();
    expect(r.exceptions[0]).toMatchObject({ key: 'MAPPING_INVALID:UK:FBM:TEE-M' });
    expect(r.exceptions[0]!.message).toContain('Amazon has no listing');
    // Not read at all: nothing to check against.
    expect(build([mapRow()]).rows[0]!.proposedQty).toBe(10);
  });

  it("names Amazon's spelling when the row's Seller SKU differs from a listing only in case or spaces", () => {
    const r = build([mapRow({ 'Seller SKU': ' tee-m' })], { amazonListings: [listing('TEE-M', 1)] });
    expect(r.rows[0]!.proposedQty).toBeNull();
    expect(r.exceptions[0]!.message).toMatch(/Amazon has no listing with Seller SKU tee-m .*Amazon lists "TEE-M", which differs only in case or spaces: type the Seller SKU as Amazon has it\./);
    expect(r.statuses[0]).toMatch(/Amazon lists "TEE-M"/);
    // A SKU that is simply not listed keeps the general advice.
    expect(build([mapRow({ 'Seller SKU': 'TEE-X' })], { amazonListings: [listing('TEE-M', 1)] }).exceptions[0]!.message).toMatch(/Check the Seller SKU spelling/);
  });

  it('carries the last push forward and notes a 3PL SKU shared by two offers', () => {
    const previous = new Map([['UK:FBM:A', { lastPushedQty: 8, previousQty: 5, pushState: 'applied' as const }]]);
    const r = build([mapRow({ 'Seller SKU': 'A' }), mapRow({ 'Seller SKU': 'B' })], { previous });
    expect(r.rows[0]).toMatchObject({ lastPushedQty: 8, previousQty: 5, pushState: 'applied' });
    expect(r.rows[0]!.reason).toContain('also offered as B');
    expect(r.rows[1]!.reason).toContain('also offered as A');
  });
});
