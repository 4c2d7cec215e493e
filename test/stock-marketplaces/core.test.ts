// The stock sync across several marketplaces, in its pure steps: one 3PL pool split between the
// UK, DE and FR offers of a 3PL SKU, listings and FBA figures kept per marketplace (a SKU FBA-only in
// DE is never sent a merchant quantity there), unsent orders of every marketplace taken off the pool,
// Pan-European FBA shown once, feeds one marketplace each, undo per marketplace + SKU.

import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { channelsFromListings, refuseFbaConversions } from '../../src/core/inventory/fba-guard';
import { PAN_EU_MARKETPLACES, panEuPools } from '../../src/core/inventory/pan-eu';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { buildUndoPlan, pushRecordFromRows } from '../../src/core/inventory/undo';
import type { AmazonListing, FbaSummary, PushChange, RawRow, UnsentOrderLine } from '../../src/core/inventory/types';
import { unsentFromLedger } from '../../src/core/orders/stock';
import { MAX_FEED_MESSAGES } from '../../src/amazon/feeds';
import { planFeedParts } from '../../src/jobs/inventory/push';
import { invRow, mapRow, stock } from '../core/inventory-fixtures';

type Input = Parameters<typeof buildInventory>[0];
const NOW = Date.UTC(2026, 11, 1, 3);
const PICKABLE = 30;

function build(rows: RawRow[], over: Partial<Input> & { listed?: string[]; fbm?: string[] } = {}) {
  const listed = over.listed ?? ['UK', 'DE', 'FR'];
  return buildInventory({
    marketplace: 'UK',
    pooledMarketplaces: over.fbm ?? listed,
    marketplaces: listed,
    skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK', marketplaces: listed }),
    threePlStock: [stock('SB-TEE', PICKABLE), stock('SB-MUG', 12)],
    locations: [],
    unsentOrders: [],
    fbaSummaries: [],
    previous: new Map(),
    defaultSafetyBuffer: 0,
    now: NOW,
    threePlName: 'ShipBob',
    ...over,
  });
}

const fbm = (sku: string, m: string, threePl = 'SB-TEE', over: Record<string, unknown> = {}) => mapRow({ 'Seller SKU': sku, Marketplace: m, '3PL SKU': threePl, ...over });
const listing = (sellerSku: string, marketplace: string | undefined, channels: { fbm?: boolean; fba?: boolean } = { fbm: true }): AmazonListing => ({
  sellerSku,
  fbm: channels.fbm === true,
  fba: channels.fba === true,
  fbmQuantity: channels.fbm ? 5 : null,
  ...(marketplace ? { marketplace } : {}),
});
const summary = (sellerSku: string, marketplace: string | undefined, fulfillable: number): FbaSummary => ({
  sellerSku,
  fulfillable,
  inboundWorking: 0,
  inboundShipped: 4,
  inboundReceiving: 0,
  reserved: 1,
  unfulfillable: 0,
  researching: 0,
  total: fulfillable + 5,
  ...(marketplace ? { marketplace } : {}),
});
const proposed = (r: ReturnType<typeof build>, key: string) => r.rows.find((x) => x.key === key)?.proposedQty ?? null;

describe('one 3PL pool for the offers of several marketplaces', () => {
  // Three offers of one 3PL SKU, a Seller SKU of its own in each marketplace.
  const rows = [fbm('TEE-UK', 'UK'), fbm('TEE-DE', 'DE'), fbm('TEE-FR', 'FR')];
  const listings = [listing('TEE-UK', undefined), listing('TEE-DE', 'DE'), listing('TEE-FR', 'FR')];
  const keys = ['UK:FBM:TEE-UK', 'DE:FBM:TEE-DE', 'FR:FBM:TEE-FR'];

  it('proposes an offer in every FBM marketplace, each an equal share, never more than pickable in total', () => {
    const r = build(rows, { amazonListings: listings });
    const qty = keys.map((k) => proposed(r, k));
    for (const q of qty) expect(q).toBe(Math.floor(PICKABLE / 3));
    expect(qty.reduce((a, b) => a! + b!, 0)).toBeLessThanOrEqual(PICKABLE);
    // The Reason of each names the other marketplaces' offers.
    expect(r.rows.find((x) => x.key === 'DE:FBM:TEE-DE')!.reason).toContain('also offered as TEE-UK (UK), TEE-FR (FR)');
    // No "Not synced yet" any more, and no marketplace-wide MAPPING_INVALID.
    expect(r.statuses.join(' ')).not.toContain('Not synced yet');
    expect(r.exceptions.map((e) => e.key)).not.toContain('MAPPING_INVALID:DE:stock sync');
  });

  it("splits by each row's Offer % across marketplaces; rows without one share the rest", () => {
    const r = build([fbm('TEE-UK', 'UK', 'SB-TEE', { 'Offer %': '50%' }), fbm('TEE-DE', 'DE'), fbm('TEE-FR', 'FR')], { amazonListings: listings });
    expect(keys.map((k) => proposed(r, k))).toEqual([Math.floor(PICKABLE * 0.5), Math.floor(PICKABLE * 0.25), Math.floor(PICKABLE * 0.25)]);
  });

  it('counts one Seller SKU listed in several marketplaces as one offer: Amazon keeps one merchant quantity for it', () => {
    // TEE-M in the UK and DE is one quantity at Amazon (amzn/selling-partner-api-docs#3167); TEE-FR is another offer.
    const r = build([fbm('TEE-M', 'UK'), fbm('TEE-M', 'DE'), fbm('TEE-FR', 'FR')], { amazonListings: [listing('TEE-M', undefined), listing('TEE-M', 'DE'), listing('TEE-FR', 'FR')] });
    const half = Math.floor(PICKABLE / 2);
    expect([proposed(r, 'UK:FBM:TEE-M'), proposed(r, 'DE:FBM:TEE-M'), proposed(r, 'FR:FBM:TEE-FR')]).toEqual([half, half, half]);
    expect(r.rows.find((x) => x.key === 'FR:FBM:TEE-FR')!.reason).toContain('also offered as TEE-M (UK, DE)');
  });

  it('sets every row of one Seller SKU to the lowest of their quantities, so no push overwrites a lower one', () => {
    const r = build([fbm('TEE-M', 'UK', 'SB-TEE', { 'Safety Buffer': 4 }), fbm('TEE-M', 'DE')], { amazonListings: [listing('TEE-M', undefined), listing('TEE-M', 'DE')], listed: ['UK', 'DE'] });
    expect(proposed(r, 'UK:FBM:TEE-M')).toBe(PICKABLE - 4);
    expect(proposed(r, 'DE:FBM:TEE-M')).toBe(PICKABLE - 4);
    expect(r.rows.find((x) => x.key === 'DE:FBM:TEE-M')!.reason).toContain(`each is set to the lowest of theirs, ${PICKABLE - 4} (this row alone: ${PICKABLE})`);
  });

  it('gives a SKU sold in DE only the whole pool of its 3PL SKU, in DE only', () => {
    const r = build([...rows, fbm('MUG-DE', 'DE', 'SB-MUG')], { amazonListings: [...listings, listing('MUG-DE', 'DE')] });
    const mug = r.rows.filter((x) => x.sellerSku === 'MUG-DE');
    expect(mug.map((x) => x.key)).toEqual(['DE:FBM:MUG-DE']);
    expect(mug[0]!.proposedQty).toBe(12);
  });

  it('holds a DE row whose listing exists in the UK only: listings are per marketplace', () => {
    const r = build([fbm('MUG-DE', 'DE', 'SB-MUG')], { amazonListings: [listing('MUG-DE', undefined)] });
    const row = r.rows.find((x) => x.key === 'DE:FBM:MUG-DE')!;
    expect(row.proposedQty).toBeNull();
    expect(row.reason).toContain('Amazon has no listing with Seller SKU MUG-DE in DE');
    expect(r.exceptions.map((e) => e.key)).toContain('MAPPING_INVALID:DE:FBM:MUG-DE');
  });

  it('says on an FR row that FR is not an FBM marketplace, proposes nothing and gives FR no share of the pool', () => {
    const r = build(rows, { amazonListings: listings.slice(0, 2), fbm: ['UK', 'DE'] });
    const fr = r.rows.find((x) => x.key === 'FR:FBM:TEE-FR')!;
    expect(fr.proposedQty).toBeNull();
    expect(fr.pushState).toBe('');
    expect(fr.reason).toContain('does not include FR');
    expect(r.statuses[2]).toBe(fr.reason);
    expect(proposed(r, 'UK:FBM:TEE-UK')).toBe(Math.floor(PICKABLE / 2));
    expect(proposed(r, 'DE:FBM:TEE-DE')).toBe(Math.floor(PICKABLE / 2));
  });

  it('warns on an FR row whose Seller SKU the UK sells: the UK quantity shows in FR too', () => {
    const r = build([fbm('TEE-M', 'UK'), fbm('TEE-M', 'FR')], { amazonListings: [listing('TEE-M', undefined)], fbm: ['UK'] });
    const fr = r.rows.find((x) => x.key === 'FR:FBM:TEE-M')!;
    expect(fr.proposedQty).toBeNull();
    expect(fr.reason).toContain(`the ${PICKABLE} set for UK shows in FR too`);
    expect(r.statuses[1]).toBe(fr.reason);
  });

  it('lowers the UK offer for a DE order the 3PL does not have yet (the same 3PL SKU, one pool)', () => {
    const quiet = build(rows, { amazonListings: listings });
    const deOrder: UnsentOrderLine[] = [{ sellerSku: 'TEE-DE', quantity: 6, marketplace: 'DE' }];
    const busy = build(rows, { amazonListings: listings, unsentOrders: deOrder });
    expect(proposed(busy, 'UK:FBM:TEE-UK')).toBe(Math.floor((PICKABLE - 6) / 3));
    expect(proposed(busy, 'UK:FBM:TEE-UK')!).toBeLessThan(proposed(quiet, 'UK:FBM:TEE-UK')!);
    expect(busy.rows.find((x) => x.key === 'UK:FBM:TEE-UK')!.unsentOrders).toBe(6);
  });

  it('maps a DE order line through the DE row: the same Seller SKU may sell another 3PL SKU there', () => {
    const r = build([fbm('TEE-M', 'UK'), fbm('TEE-X', 'DE', 'SB-MUG')], {
      amazonListings: [listing('TEE-M', undefined), listing('TEE-X', 'DE')],
      unsentOrders: [{ sellerSku: 'TEE-X', quantity: 4, marketplace: 'DE' }, { sellerSku: 'TEE-M', quantity: 1, marketplace: 'FR' }],
    });
    // The FR line maps to no FBM row of FR: the orders job holds such an order, it takes nothing here.
    expect(proposed(r, 'UK:FBM:TEE-M')).toBe(PICKABLE);
    expect(proposed(r, 'DE:FBM:TEE-X')).toBe(12 - 4);
  });
});

describe('orders of every marketplace from the ledger', () => {
  const base = { purchaseDate: NOW, latestShipDate: null, amazonStatus: 'UNSHIPPED', threePlOrderId: '', threePlStatus: '', attempts: 0, tracking: [], carrier: '', shippedAt: null, confirmedAt: null, state: 'ready' as const, note: '' };
  const ledger = [
    { ...base, orderId: 'uk-1', marketplace: 'UK', lines: [{ sku: 'TEE-M', quantity: 1 }] },
    { ...base, orderId: 'de-1', marketplace: 'DE', lines: [{ sku: 'TEE-M', quantity: 2 }] },
    { ...base, orderId: 'fr-1', marketplace: 'FR', lines: [{ sku: 'TEE-M', quantity: 3 }] },
  ];

  it('counts the unsent orders of each marketplace given, each line saying its marketplace', () => {
    const u = unsentFromLedger(ledger, ['UK', 'DE']);
    expect(u.orders).toBe(2);
    expect(u.lines).toEqual([
      { sellerSku: 'TEE-M', quantity: 1, marketplace: 'UK' },
      { sellerSku: 'TEE-M', quantity: 2, marketplace: 'DE' },
    ]);
    expect(unsentFromLedger(ledger, 'UK').orders).toBe(1);
  });
});

describe('the FBA guard per marketplace', () => {
  it('never sends DE a merchant quantity for a SKU FBA-only in DE, even when it is FBM in the UK', () => {
    const listings = [listing('TEE-M', undefined, { fbm: true }), listing('TEE-M', 'DE', { fba: true })];
    const r = build([fbm('TEE-M', 'UK'), fbm('TEE-M', 'DE')], { amazonListings: listings, listed: ['UK', 'DE'] });
    // The DE row is held; the UK one takes the whole pool (the DE row is no offer to share with).
    expect(r.rows.find((x) => x.key === 'DE:FBM:TEE-M')!.proposedQty).toBeNull();
    expect(r.exceptions.map((e) => e.key)).toContain('DUAL_CHANNEL_SKU:DE:TEE-M');
    expect(proposed(r, 'UK:FBM:TEE-M')).not.toBeNull();

    // The last check before sending looks at the change's own marketplace.
    const changes: PushChange[] = [
      { key: 'UK:FBM:TEE-M', marketplace: 'UK', sellerSku: 'TEE-M', fromQty: 5, toQty: 9 },
      { key: 'DE:FBM:TEE-M', marketplace: 'DE', sellerSku: 'TEE-M', fromQty: null, toQty: 9 },
    ];
    const guarded = refuseFbaConversions([invRow({ marketplace: 'UK' }), invRow({ marketplace: 'DE' })], changes, channelsFromListings(listings, 'UK'));
    expect(guarded.changes.map((c) => c.key)).toEqual(['UK:FBM:TEE-M']);
    expect(guarded.exceptions.map((e) => e.key)).toEqual(['FBA_CONVERSION_REFUSED:DE:TEE-M']);
  });
});

describe('Pan-European FBA shown once', () => {
  const rows = ['UK', 'DE', 'FR'].map((m) => mapRow({ 'Seller SKU': 'TEE-F', Marketplace: m, Channel: 'FBA', '3PL SKU': '' }));

  it('shows the pool on the first EU row only and says which marketplaces it serves', () => {
    const r = build(rows, { fbaSummaries: [summary('TEE-F', undefined, 7), summary('TEE-F', 'DE', 40), summary('TEE-F', 'FR', 40)] });
    const at = (m: string) => r.rows.find((x) => x.key === `${m}:FBA:TEE-F`)!;
    expect(at('UK').fbaFulfillable).toBe(7);
    expect(at('DE').fbaFulfillable).toBe(40);
    expect(at('FR').fbaFulfillable).toBeNull();
    expect(at('FR').fbaTotal).toBeNull();
    expect(at('FR').reason).toContain('one pool serves DE, FR; it is shown once, on the DE row');
    expect(at('DE').reason).toContain('this one pool serves DE, FR');
    // A column sum counts the pool once.
    const sum = r.rows.reduce((n, x) => n + (x.fbaFulfillable ?? 0), 0);
    expect(sum).toBe(7 + 40);
  });

  it('shows each EU marketplace its own figures when they differ (no pool), and never pools the UK', () => {
    const r = build(rows, { fbaSummaries: [summary('TEE-F', undefined, 40), summary('TEE-F', 'DE', 40), summary('TEE-F', 'FR', 12)] });
    expect(r.rows.map((x) => x.fbaFulfillable)).toEqual([40, 40, 12]);
    expect(PAN_EU_MARKETPLACES.has('UK')).toBe(false);
    expect(panEuPools([summary('X', 'DE', 0), summary('X', 'FR', 0)].map((s) => ({ ...s, total: 0, inboundShipped: 0, reserved: 0 })), ['DE', 'FR'], 'UK').size).toBe(0);
  });
});

describe('feeds per marketplace', () => {
  const change = (m: string, i: number): PushChange => ({ key: `${m}:FBM:S${i}`, marketplace: m, sellerSku: `S${i}`, fromQty: 1, toQty: 2 });

  it('makes one feed per marketplace, split at 25,000 messages', () => {
    const changes = [change('UK', 1), change('DE', 2), change('UK', 3), ...Array.from({ length: MAX_FEED_MESSAGES + 1 }, (_, i) => change('FR', 10 + i))];
    const parts = planFeedParts(changes);
    expect(parts.map((p) => [p.marketplace, p.changes.length])).toEqual([
      ['DE', 1],
      ['FR', MAX_FEED_MESSAGES],
      ['FR', 1],
      ['UK', 2],
    ]);
    for (const p of parts) expect(new Set(p.changes.map((c) => c.marketplace))).toEqual(new Set([p.marketplace]));
  });

  it('keeps a single marketplace push as one slice in the rows order, as before', () => {
    const changes = [change('UK', 2), change('UK', 1)];
    expect(planFeedParts(changes)).toEqual([{ marketplace: 'UK', changes }]);
  });
});

describe('undo per marketplace and SKU', () => {
  it("compares each offer with Amazon's quantity in its own marketplace", () => {
    const rows = [
      invRow({ marketplace: 'UK', lastPushedQty: 9, previousQty: 4, pushState: 'applied' }),
      invRow({ marketplace: 'DE', lastPushedQty: 9, previousQty: 4, pushState: 'applied' }),
    ];
    // Amazon already shows 4 in DE (nothing to undo there) but 9 in the UK.
    const plan = buildUndoPlan(pushRecordFromRows(rows), new Map([['UK:TEE-M', 9], ['DE:TEE-M', 4]]));
    expect(plan.changes.map((c) => [c.key, c.marketplace, c.toQty])).toEqual([['UK:FBM:TEE-M', 'UK', 4]]);
    expect(plan.skipped.map((s) => s.key)).toEqual(['DE:FBM:TEE-M']);
  });
});
