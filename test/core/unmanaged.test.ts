// OFFER_UNMANAGED is judged on what Amazon shows once the run's push lands, per 3PL stock: built
// here the way the job builds it (validate, build, plan), then judged.
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { planPush } from '../../src/core/inventory/diff';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { findUnmanagedOffers, judgeUnmanagedOffers, MAX_UNMANAGED_ROWS } from '../../src/core/inventory/unmanaged';
import type { AmazonListing, PushMode, RawRow, ThreePlStockRecord, UnsentOrderLine } from '../../src/core/inventory/types';

const row = (sku: string, over: Record<string, unknown> = {}): RawRow => ({
  'Seller SKU': sku,
  Marketplace: 'UK',
  Channel: 'FBM',
  '3PL SKU': `${sku}-3PL`,
  Active: true,
  ...over,
});
const listing = (sku: string, qty: number): AmazonListing => ({ sellerSku: sku, fbm: true, fba: false, fbmQuantity: qty });
const stock = (sku: string, fulfillable: number): ThreePlStockRecord => ({ sku, locationId: 1, onHand: fulfillable, committed: 0, fulfillable });

interface World {
  rows: RawRow[];
  listings: AmazonListing[];
  records?: ThreePlStockRecord[];
  mode?: PushMode;
  unsent?: UnsentOrderLine[];
  /** The push left: queued rows are on their way (a submitted feed). */
  inFlight?: boolean;
}

function judge(w: World) {
  const records = w.records ?? [stock('A-3PL', 3), stock('B-3PL', 3), stock('C-3PL', 3)];
  const skuMap = validateSkuMap(w.rows, { defaultMarketplace: 'UK' });
  const built = buildInventory({
    marketplace: 'UK',
    skuMap,
    threePlStock: records,
    locations: [],
    unsentOrders: w.unsent ?? [],
    amazonListings: w.listings,
    fbaSummaries: [],
    previous: new Map(),
    defaultSafetyBuffer: 0,
    now: 0,
  });
  const plan = planPush({ rows: built.rows, mode: w.mode ?? 'auto', trips: [] });
  const raised = findUnmanagedOffers({
    primary: 'UK',
    pooled: new Set(['UK']),
    read: new Set(['UK']),
    skuMap: skuMap.rows,
    rows: plan.rows,
    queuedInFlight: w.inFlight ?? true,
    listings: w.listings,
    threePlStock: records,
    locations: [],
    unsentOrders: w.unsent ?? [],
    threePlName: 'ShipBob',
  });
  return { raised, rows: built.rows };
}

describe('findUnmanagedOffers', () => {
  it('raises a High OFFER_UNMANAGED for an unticked row whose Amazon quantity exceeds what the 3PL can pick', () => {
    const { raised } = judge({ rows: [row('A', { Active: false })], listings: [listing('A', 10)] });
    expect(raised).toHaveLength(1);
    expect(raised[0]!.key).toBe('OFFER_UNMANAGED:UK:A');
    expect(raised[0]!.message).toContain('Amazon shows 10 units of Seller SKU A');
    expect(raised[0]!.message).toContain('is unticked');
    expect(raised[0]!.message).toContain('ShipBob can pick only 3 of 3PL SKU A-3PL');
  });

  it('also covers invalid rows, and a row without a 3PL SKU counts as no stock', () => {
    const { raised } = judge({ rows: [row('B', { 'Safety Buffer': 'lots' }), row('C', { Active: false, '3PL SKU': '' })], listings: [listing('B', 4), listing('C', 1)] });
    expect(raised.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:B', 'OFFER_UNMANAGED:UK:C']);
    expect(raised[0]!.message).toContain('is not valid');
    expect(raised[1]!.message).toContain('no warehouse stock backs it');
  });

  it('covers a usable row whose 3PL SKU the 3PL does not list (the sync holds it): Amazon still offers what nobody holds', () => {
    const { raised } = judge({ rows: [row('D')], listings: [listing('D', 5)] });
    expect(raised.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:D']);
    expect(raised[0]!.message).toContain('maps it to 3PL SKU D-3PL, which ShipBob does not list');
    expect(judge({ rows: [row('D')], listings: [listing('D', 0)] }).raised).toEqual([]);
  });

  it('stays quiet when Amazon shows no more than the 3PL can pick, or a valid row sets the offer', () => {
    expect(judge({ rows: [row('A', { Active: false })], listings: [listing('A', 3)] }).raised).toEqual([]);
    expect(judge({ rows: [row('A', { Active: false }), row('A')], listings: [listing('A', 50)] }).raised).toEqual([]);
  });

  it('a merchant-fulfilled listing no FBM row maps is High when it shows units; one showing none, an FBA row or another marketplace is not judged', () => {
    const none = judge({ rows: [], listings: [listing('ODD', 50)] }).raised;
    expect(none.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:ODD']);
    expect(none[0]!.message).toContain('no FBM row in the SKU Map maps it');
    expect(judge({ rows: [], listings: [listing('ODD', 0)] }).raised).toEqual([]);
    expect(judge({ rows: [row('A', { Active: false, Marketplace: 'DE' })], listings: [{ ...listing('A', 10), marketplace: 'DE' }] }).raised).toEqual([]);
  });

  it('sums the offers on one 3PL SKU: two unticked rows each under the stock but over it together', () => {
    const rows = [row('A', { Active: false, '3PL SKU': 'POOL' }), row('B', { Active: false, '3PL SKU': 'POOL' })];
    const { raised } = judge({ rows, listings: [listing('A', 2), listing('B', 2)], records: [stock('POOL', 3)] });
    expect(raised.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:A', 'OFFER_UNMANAGED:UK:B']);
    expect(raised[0]!.message).toContain('the offers on it show 4 units in all (A 2, B 2)');
  });

  it('an unticked sibling keeps its units: the synced row on the same 3PL SKU is offered only the rest, so nothing is oversold', () => {
    const rows = [row('A', { '3PL SKU': 'POOL' }), row('B', { Active: false, '3PL SKU': 'POOL' })];
    const { raised, rows: built } = judge({ rows, listings: [listing('A', 10), listing('B', 10)], records: [stock('POOL', 30)] });
    expect(built.find((r) => r.sellerSku === 'A')!.proposedQty).toBe(20);
    expect(built.find((r) => r.sellerSku === 'A')!.reason).toContain('10 shown by B, which the sync does not set');
    expect(raised).toEqual([]);
  });

  it("an unticked row's unsent orders come off the 3PL SKU its siblings sell", () => {
    const rows = [row('A', { '3PL SKU': 'POOL' }), row('B', { Active: false, '3PL SKU': 'POOL' })];
    const { rows: built } = judge({ rows, listings: [listing('A', 0), listing('B', 0)], records: [stock('POOL', 5)], unsent: [{ sellerSku: 'B', quantity: 3 }] });
    expect(built.find((r) => r.sellerSku === 'A')!.proposedQty).toBe(2);
  });

  it('a decrease left waiting (approve, dry-run) or not sent is High while Amazon shows more than the 3PL can pick; a submitted feed is on its way', () => {
    const w = { rows: [row('A')], listings: [listing('A', 20)], records: [stock('A-3PL', 0)] };
    const approve = judge({ ...w, mode: 'approve' }).raised;
    expect(approve.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:A']);
    expect(approve[0]!.message).toContain('waits for approval');
    expect(judge({ ...w, mode: 'dry-run' }).raised[0]!.message).toContain('Push mode is dry-run');
    expect(judge({ ...w, inFlight: false }).raised[0]!.message).toContain('has not reached Amazon');
    expect(judge({ ...w, inFlight: true }).raised).toEqual([]);
    // A rise waiting for approval oversells nothing.
    expect(judge({ rows: [row('A')], listings: [listing('A', 1)], records: [stock('A-3PL', 9)], mode: 'approve' }).raised).toEqual([]);
  });

  it('Offer % over 100% holds every offer on the stock: Amazon keeping more than the 3PL can pick is High', () => {
    const rows = [row('A', { '3PL SKU': 'POOL', 'Offer %': 0.6 }), row('B', { '3PL SKU': 'POOL', 'Offer %': 0.6 })];
    const { raised } = judge({ rows, listings: [listing('A', 10), listing('B', 10)], records: [stock('POOL', 0)] });
    expect(raised.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:A', 'OFFER_UNMANAGED:UK:B']);
    expect(raised[0]!.message).toContain('the sync holds SKU Map row 2');
  });

  it('a bundle and its part split the part\'s stock, so together they never promise more than it', () => {
    const records: ThreePlStockRecord[] = [stock('TEE', 10), { ...stock('TEE-2PK', 5), bundleOf: [{ sku: 'TEE', quantity: 2, inactive: false }] }];
    const rows = [row('ONE', { '3PL SKU': 'TEE' }), row('TWO', { '3PL SKU': 'TEE-2PK' })];
    const { raised, rows: built } = judge({ rows, listings: [listing('ONE', 0), listing('TWO', 0)], records });
    const one = built.find((r) => r.sellerSku === 'ONE')!;
    const two = built.find((r) => r.sellerSku === 'TWO')!;
    expect(one.proposedQty! + 2 * two.proposedQty!).toBeLessThanOrEqual(10);
    expect(one.reason).toContain('is also offered as TWO');
    expect(raised).toEqual([]);
  });

  it('a row whose Channel cannot be read is named as the row that no longer sets the offer, not "no FBM row"', () => {
    for (const channel of ['', 'merchant']) {
      const { raised } = judge({ rows: [row('A', { Channel: channel })], listings: [listing('A', 10)] });
      expect(raised.map((e) => e.key)).toEqual(['OFFER_UNMANAGED:UK:A']);
      expect(raised[0]!.message).toContain('SKU Map row 2 is not valid (its Channel is neither FBM nor FBA)');
      expect(raised[0]!.message).not.toContain('no FBM row');
    }
  });

  it(`names at most ${MAX_UNMANAGED_ROWS - 1} offers one by one and the rest in one row`, () => {
    const skus = Array.from({ length: MAX_UNMANAGED_ROWS + 10 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const { raised } = judge({ rows: [], listings: skus.map((s) => listing(s, 1)) });
    expect(raised).toHaveLength(MAX_UNMANAGED_ROWS);
    expect(raised[MAX_UNMANAGED_ROWS - 1]!.key).toBe('OFFER_UNMANAGED:UK:+more');
    expect(raised[MAX_UNMANAGED_ROWS - 1]!.entity).toBe('11 more FBM offers');
  });

  it('while its count row is shown, keeps the offers it named and names no other as one is fixed', () => {
    const base = { primary: 'UK', pooled: new Set(['UK']), read: new Set(['UK']), skuMap: [], rows: [], queuedInFlight: true, threePlStock: [], locations: [], unsentOrders: [], threePlName: 'ShipBob' };
    const skus = Array.from({ length: MAX_UNMANAGED_ROWS + 10 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const first = judgeUnmanagedOffers({ ...base, listings: skus.map((s) => listing(s, 1)) }).raised;
    const shownNow = new Set(first.map((e) => e.key));
    // S000, named, is fixed (Amazon shows 0): S049, counted until now, is not given a row of its own.
    const next = judgeUnmanagedOffers({ ...base, listings: skus.map((s, i) => listing(s, i === 0 ? 0 : 1)), shown: () => shownNow }).raised;
    expect(next.filter((e) => !shownNow.has(e.key))).toEqual([]);
    expect(next.map((e) => e.key)).not.toContain('OFFER_UNMANAGED:UK:S000');
    expect(next.at(-1)!.entity).toBe('11 more FBM offers');
    // Without a count row shown (a new flood), the first offers are named as before.
    const fresh = judgeUnmanagedOffers({ ...base, listings: skus.map((s, i) => listing(s, i === 0 ? 0 : 1)), shown: () => new Set() }).raised;
    expect(fresh.map((e) => e.key)).toContain(`OFFER_UNMANAGED:UK:S${String(MAX_UNMANAGED_ROWS - 1).padStart(3, '0')}`);
  });

  it('counts every offer it found, the ones the last row stands for included', () => {
    expect(judgeUnmanagedOffers({ primary: 'UK', pooled: new Set(['UK']), read: new Set(['UK']), skuMap: [], rows: [], queuedInFlight: true, listings: Array.from({ length: MAX_UNMANAGED_ROWS + 10 }, (_, i) => listing(`S${i}`, 1)), threePlStock: [], locations: [], unsentOrders: [], threePlName: 'ShipBob' }).offers).toBe(MAX_UNMANAGED_ROWS + 10);
  });
});
