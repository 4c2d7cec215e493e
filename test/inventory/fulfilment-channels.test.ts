// The stock sync and fulfilment channels, end to end in the local world. A listing sold both
// merchant-fulfilled and by FBA ("Multiple Fulfillment Channels with Default MFN and FBA",
// https://developer-docs.amazon.com/sp-api/docs/manage-advanced-multiple-offer-multiple-fulfillment-use-cases)
// gets its FBM quantity pushed as DEFAULT and its FBA buckets shown. No write path sends a DEFAULT
// quantity to a SKU Amazon lists as FBA only: Amazon would accept it and convert the offer to
// merchant-fulfilled, stranding its FBA stock (changelog "Clarification on how to use the Inventory
// feed type Quantity attribute",
// https://developer-docs.amazon.com/sp-api/changelog/clarification-on-how-to-use-the-inventory-feed-type-quantity-attribute).

import { describe, expect, it } from 'vitest';
import { InventoryRun, manyOffers, type FbmOffer, type InventoryWorld } from './builder';

const fbaMapRow = (sku: string) => [sku, 'UK', 'FBA', '', 'B0DUAL0001', 'X00DUAL001', '', '', '', '', '', ''];

/** Amazon's listing of `sku` after the world step: its channels in world.json. */
const channelsOnAmazon = (r: InventoryRun, sku: string) => r.run.amazon.snapshot().listings.filter((l) => l.sku === sku).map((l) => `${l.channel}=${l.quantity}`);

describe('a listing with a merchant (DEFAULT) and an FBA channel', () => {
  function dualRun(over: Partial<InventoryWorld> = {}) {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-S', onHand: 20, amazonQty: 3 }, { sku: 'MUG-1', onHand: 8 }], extraMapRows: [fbaMapRow('TEE-S')], amazonBehaviour: { patchApplyDelay: '0s' }, ...over });
    r.amazon('setListingChannels', { sku: 'TEE-S', channels: ['FBM', 'FBA'] });
    r.amazon('setFbaInventory', { sku: 'TEE-S', fulfillable: 9, inboundShipped: 4 });
    return r;
  }

  it('keeps both SKU Map rows: pushes the FBM quantity as DEFAULT, shows the FBA buckets, never touches the FBA channel', () => {
    const r = dualRun();
    r.amazon('setListingQuantity', { sku: 'TEE-S', quantity: 3 });
    const s = r.sync();
    expect(s.outcome).toBe('ok');
    // 20 pickable − default buffer 1 = 19, sent to the merchant channel only.
    expect(r.writes().filter((w) => w.sku === 'TEE-S')).toMatchObject([{ fulfillmentChannelCode: 'DEFAULT', quantity: 19, outcome: 'applied' }]);
    expect(channelsOnAmazon(r, 'TEE-S')).toEqual(['FBM=19', 'FBA=9']);
    const fbm = r.inventoryRow('TEE-S', 'FBM')!;
    const fba = r.inventoryRow('TEE-S', 'FBA')!;
    expect(fbm['Proposed FBM Qty']).toBe('19');
    expect(fbm['Reason']).toMatch(/Amazon also fulfils this SKU as FBA/);
    expect([fba['FBA Fulfillable'], fba['FBA Inbound Shipped'], fba['Proposed FBM Qty'], fba['Push State']]).toEqual(['9', '4', '', '']);
    expect(r.openExceptions('DUAL_CHANNEL_SKU')).toEqual([]);
    const status = r.tab('SKU Map').filter((m) => m['Seller SKU'] === 'TEE-S').map((m) => m['Status']);
    expect(status.every((t) => /^OK/.test(t ?? ''))).toBe(true);
    r.assertInvariants();
  });

  it('is read the same from the merchant listings report of a large catalogue (one row per channel)', () => {
    const r = dualRun();
    r.run.gas.properties.document.data.set('inventory.listingCount', '25000');
    // The report is requested and waited for within the run.
    r.sync();
    expect(r.run.amazon.calls.filter((c: { operation: string }) => c.operation === 'getReportDocument').length).toBeGreaterThan(0);
    expect(r.writes().filter((w) => w.sku === 'TEE-S').map((w) => `${w.fulfillmentChannelCode}=${w.quantity}`)).toEqual(['DEFAULT=19']);
    expect(r.openExceptions('DUAL_CHANNEL_SKU')).toEqual([]);
    expect(channelsOnAmazon(r, 'TEE-S')).toEqual(['FBM=19', 'FBA=9']);
    r.assertInvariants();
  });

  it('goes back to DUAL_CHANNEL_SKU, pushing nothing for the SKU, once Amazon lists one channel again', () => {
    const r = dualRun();
    r.sync();
    const before = r.writes().length;
    r.amazon('setListingChannels', { sku: 'TEE-S', channels: ['FBA'] });
    r.setStock('SB-TEE-S', 30);
    r.sync();
    expect(r.writes().slice(before).map((w) => w.sku)).not.toContain('TEE-S');
    expect(r.openExceptions('DUAL_CHANNEL_SKU').map((e) => e['Key'])).toEqual(['DUAL_CHANNEL_SKU:UK:TEE-S']);
    expect(channelsOnAmazon(r, 'TEE-S')).toEqual(['FBA=9']);
    r.assertInvariants();
  });
});

describe('undo never sends a merchant quantity to an offer Amazon now fulfils as FBA only', () => {
  const offers: FbmOffer[] = [{ sku: 'A-1', onHand: 10, amazonQty: 4 }, { sku: 'B-1', onHand: 6, amazonQty: 2 }];

  /** Push A-1 → 9 and B-1 → 5, then the seller switches A-1 to FBA in Seller Central. */
  function pushedThenConverted(over: Partial<InventoryWorld> = {}) {
    const r = new InventoryRun({ offers, amazonBehaviour: { patchApplyDelay: '0s' }, ...over });
    r.sync();
    r.advance('5m');
    r.sync();
    expect([r.amazonQty('A-1'), r.amazonQty('B-1')]).toEqual([9, 5]);
    r.amazon('setListingChannels', { sku: 'A-1', channels: ['FBA'] });
    r.amazon('setFbaInventory', { sku: 'A-1', fulfillable: 30 });
    return r;
  }

  function expectRefused(r: InventoryRun, sentBefore: number) {
    // Only B-1 went back; nothing at all was sent for A-1, whose FBA offer is intact.
    expect(r.writes().slice(sentBefore).map((w) => `${w.sku}=${w.quantity}`)).toEqual(['B-1=2']);
    expect(channelsOnAmazon(r, 'A-1')).toEqual(['FBA=30']);
    expect(r.inventoryRow('A-1')!['Reason']).toMatch(/^Not sent: Amazon lists Seller SKU A-1 as FBA only, and a merchant quantity \(4\) would have converted the FBA offer to merchant-fulfilled/);
    const ex = r.openExceptions('FBA_CONVERSION_REFUSED');
    expect(ex.map((e) => [e['Key'], e['Severity']])).toEqual([['FBA_CONVERSION_REFUSED:UK:A-1', 'High']]);
    expect(ex[0]!['Message']).toMatch(/would have converted the FBA offer to merchant-fulfilled.*Nothing was sent/);
    r.assertInvariants();
  }

  it('by patch: the refused change is recorded on its row and raised High', () => {
    const r = pushedThenConverted();
    const sent = r.writes().length;
    const u = r.undo();
    expect(u.outcome).toBe('ok');
    expect(u.message).toMatch(/Undo: 1 FBM quantity accepted by Amazon\. 1 not sent: Amazon lists that SKU as FBA only/);
    expectRefused(r, sent);
  });

  it('by feed: the refused SKU is not in the feed document', () => {
    const r = pushedThenConverted({ settings: { 'Feed threshold': 1 } });
    const sent = r.writes().length;
    r.undo();
    r.advance('5m');
    r.sync();
    expect(r.run.amazon.snapshot().feeds.length).toBeGreaterThanOrEqual(2);
    expectRefused(r, sent);
  });

  it('in a catalogue read by report: each SKU undone is looked at on Amazon first', () => {
    const r = pushedThenConverted();
    r.run.gas.properties.document.data.set('inventory.listingCount', '25000');
    const sent = r.writes().length;
    const looked = r.run.amazon.calls.filter((c) => c.operation === 'getListingsItem').length;
    r.undo();
    expect(r.run.amazon.calls.filter((c) => c.operation === 'getListingsItem').length - looked).toBe(2);
    expectRefused(r, sent);
  });
});

describe('an undo cut by time and carried on by the next run', () => {
  it('looks at Amazon again before sending the rest, and refuses a SKU switched to FBA in between', () => {
    // The push goes as one feed; its undo goes by patches, and 40 patches at 8 s each do not fit one run.
    const r = new InventoryRun({ offers: manyOffers(40, 'SKU', { amazonQty: 5 }), settings: { 'Feed threshold': 10 }, amazonBehaviour: { latency: '8s', patchApplyDelay: '0s' } });
    r.sync();
    r.advance('10m');
    r.sync();
    expect(r.writes()).toHaveLength(40);
    r.setting('Feed threshold', 1000);
    const undo = r.undo();
    expect(undo.outcome).toBe('partial');
    const undone = new Set(r.writes().slice(40).map((w) => w.sku));
    expect(undone.size).toBeLessThan(39);
    const target = ['SKU-40', 'SKU-39', 'SKU-38'].find((s) => !undone.has(s))!;
    r.amazon('setListingChannels', { sku: target, channels: ['FBA'] });
    const sentBefore = r.writes().length;
    r.advance('10m');
    const next = r.sync();
    expect(next.message).toMatch(/1 not sent: Amazon lists that SKU as FBA only/);
    const rest = r.writes().slice(sentBefore).map((w) => w.sku);
    expect(rest).not.toContain(target);
    expect(rest.length + undone.size).toBe(39);
    expect(r.openExceptions('FBA_CONVERSION_REFUSED').map((e) => e['Key'])).toEqual([`FBA_CONVERSION_REFUSED:UK:${target}`]);
    expect(r.inventoryRow(target)!['Push State']).toBe('');
    r.assertInvariants();
  });
});
