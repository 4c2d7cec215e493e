// Paths that could leave Amazon promising more than the 3PL can pick (issue "make the local world
// as strict as Amazon and Google"): approvals cover exactly the plan a person saw, a guardrail hold
// can be released in auto mode, a figure no warehouse holds is held, offers sharing one 3PL SKU
// split its stock, and an offer nobody updates any more is a High exception.

import { describe, expect, it } from 'vitest';
import { InventoryRun, manyOffers } from './builder';
import type { InventoryWorld } from './builder';

const inStep = () => manyOffers(4).map((o, i) => ({ ...o, amazonQty: 19 + i }));

describe('approvals and guardrail holds', () => {
  it('an approval given before a guardrail trips does not push through the new hold', () => {
    const r = new InventoryRun({ offers: inStep(), settings: { 'Push mode': 'approve', 'Guardrail max to zero': 1 } });
    r.setStock('SB-SKU-01', 10);
    r.sync();
    expect(r.inventoryRow('SKU-01')!['Push State']).toBe('awaiting approval');
    // The shown plan (SKU-01 → 9) is approved by the tick, but before the next run two SKUs go to zero.
    r.setting('Approve stock push', true);
    r.setStock('SB-SKU-02', 0);
    r.setStock('SB-SKU-03', 0);
    r.sync();
    expect(r.writes()).toEqual([]);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('held');
    expect(r.openExceptions('GUARDRAIL_HALT')).toHaveLength(1);
    // The tick approved the plan shown when it was read: it is unticked, never left to approve later plans.
    expect(r.tab('Settings').find((s) => s['Key'] === 'Approve stock push')!['Value']).toBe('FALSE');
    // Approving the held plan that is now shown releases exactly it.
    r.approve();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['SKU-01=9', 'SKU-02=0', 'SKU-03=0']);
    r.assertInvariants();
  });

  it('auto mode: "Approve stock push" releases the held plan that was shown, and only it', () => {
    const r = new InventoryRun({ offers: inStep(), settings: { 'Guardrail max to zero': 1 } });
    r.setStock('SB-SKU-01', 0);
    r.setStock('SB-SKU-02', 0);
    r.sync();
    expect(r.writes()).toEqual([]);
    expect(r.openExceptions('GUARDRAIL_HALT')[0]!['Message']).toMatch(/approve it/);
    // Another offer moves after the hold was shown: it was not in the plan the person approved.
    r.setStock('SB-SKU-03', 0);
    const s = r.approve();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['SKU-01=0', 'SKU-02=0']);
    expect(r.inventoryRow('SKU-03')!['Push State']).toBe('held by guardrail');
    expect(s.outcome).toBe('held');
    expect(r.openExceptions('GUARDRAIL_HALT')).toHaveLength(1);
    r.assertInvariants();
  });
});

describe('quantities no warehouse holds', () => {
  it('holds a jump to 1,999,999 like any other guardrail', () => {
    const r = new InventoryRun({ offers: inStep() });
    r.setStock('SB-SKU-02', 2_000_000);
    r.sync();
    expect(r.writes()).toEqual([]);
    expect(r.openExceptions('GUARDRAIL_HALT')[0]!['Message']).toMatch(/Seller SKU SKU-02 would be set to 1999999, more than "Guardrail max quantity" \(10000\)/);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('held');
    r.assertInvariants();
  });
});

describe('offers sharing one 3PL SKU', () => {
  it('split its pickable stock so that together they never promise more than it', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'MUG-RED', threePlSku: 'SB-MUG', onHand: 11 },
        { sku: 'MUG-RED-BUNDLE', threePlSku: 'SB-MUG', onHand: 11 },
      ],
      settings: { 'Default safety buffer': 0 },
    });
    r.sync();
    const qty = ['MUG-RED', 'MUG-RED-BUNDLE'].map((sku) => Number(r.inventoryRow(sku)!['Proposed FBM Qty']));
    expect(qty[0]! + qty[1]!).toBeLessThanOrEqual(11);
    expect(qty).toEqual([5, 5]);
    expect(r.inventoryRow('MUG-RED')!['Reason']).toMatch(/also offered as MUG-RED-BUNDLE.*never promise more than ShipBob can pick/);
    r.assertInvariants();
  });

  it('holds them when their Offer % add up to more than 100%', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'MUG-A', threePlSku: 'SB-MUG', onHand: 10, offer: 0.8 },
        { sku: 'MUG-B', threePlSku: 'SB-MUG', onHand: 10, offer: 0.5 },
      ],
    });
    r.sync();
    expect(r.writes()).toEqual([]);
    expect(r.inventoryRow('MUG-A')!['Proposed FBM Qty']).toBe('');
    const ex = r.openExceptions('MAPPING_INVALID');
    expect(ex).toHaveLength(1);
    expect(ex[0]!['Message']).toMatch(/add up to 130%/);
    r.assertInvariants();
  });
});

describe('offers the add-on no longer updates', () => {
  it('an unticked row whose listing shows more than the 3PL can pick is a High OFFER_UNMANAGED, not UNMAPPED_SKU', () => {
    const r = new InventoryRun({ offers: [...inStep(), { sku: 'OLD-1', onHand: 2, amazonQty: 25, active: false }] });
    r.sync();
    const ex = r.openExceptions('OFFER_UNMANAGED');
    expect(ex).toHaveLength(1);
    expect(ex[0]!['Severity']).toBe('High');
    expect(ex[0]!['Message']).toMatch(/Amazon shows 25 units of Seller SKU OLD-1.*unticked.*can pick only 2/);
    expect(r.openExceptions('UNMAPPED_SKU').filter((e) => (e['Entity'] ?? '').includes('OLD-1'))).toEqual([]);
    // Lowered in Seller Central: the problem is gone and the exception resolves itself.
    r.amazon('setListingQuantity', { sku: 'OLD-1', quantity: 2 });
    r.sync();
    expect(r.openExceptions('OFFER_UNMANAGED')).toEqual([]);
  });
});

describe('a patch whose answer was lost', () => {
  for (const kind of ['timeout', 'lost_response'] as const) {
    it(`is sent again in the same run (${kind}), so Amazon is right when the run ends`, () => {
      const r = new InventoryRun({ offers: inStep(), faults: [{ system: 'amazon', operation: 'patchListingsItem', kind, times: 1 }] });
      r.setStock('SB-SKU-01', 10);
      const s = r.sync();
      expect(s.outcome).toBe('ok');
      expect(r.writes().filter((w) => w.sku === 'SKU-01').at(-1)!.quantity).toBe(9);
      expect(r.inventoryRow('SKU-01')!['Push State']).toBe('accepted');
      // Amazon shows an accepted patch minutes later.
      r.advance('30m');
      expect(r.amazonQty('SKU-01')).toBe(9);
      r.assertInvariants();
    });
  }
});

describe('undo', () => {
  it('never restores more than the 3PL can pick today, and says so', () => {
    const r = new InventoryRun({ offers: inStep() });
    r.setStock('SB-SKU-01', 6);
    r.setStock('SB-SKU-02', 30);
    r.sync();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['SKU-01=5', 'SKU-02=29']);
    // The warehouse sells through SKU-01 before anyone undoes: 19 units are no longer there.
    r.setStock('SB-SKU-01', 4);
    r.advance('30m');
    const s = r.undo();
    expect(r.writes().slice(2).map((w) => `${w.sku}=${w.quantity}`)).toEqual(['SKU-01=4', 'SKU-02=20']);
    expect(s.message).toMatch(/1 quantity was lowered to what ShipBob can pick today/);
    expect(r.inventoryRow('SKU-01')!['Reason']).toMatch(/asked for 19, but ShipBob can pick only 4 of SB-SKU-01 now/);
    r.assertInvariants();
  });

  it('undoes a push straight away, before Amazon shows it', () => {
    const r = new InventoryRun({ offers: inStep() });
    r.setStock('SB-SKU-01', 6);
    r.sync();
    r.undo();
    // Back to 19 was asked; the warehouse can pick 6, so 6 is what goes back.
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['SKU-01=5', 'SKU-01=6']);
    r.advance('30m');
    expect(r.amazonQty('SKU-01')).toBe(6);
    r.assertInvariants();
  });
});

describe('a feed Amazon leaves in its queue', () => {
  const feedWorld = (processing: string, faults: InventoryWorld['faults'] = []) =>
    new InventoryRun({ offers: inStep(), settings: { 'Feed threshold': 1 }, amazonBehaviour: { feedProcessing: processing }, faults });

  it('is cancelled after half an hour and superseded by a push computed from fresh stock', () => {
    const r = feedWorld('6h');
    r.setStock('SB-SKU-01', 10);
    r.sync();
    expect(r.run.amazon.snapshot().feeds).toHaveLength(1);
    // The warehouse sells through while Amazon sits on the feed: its 9 would now oversell.
    r.setStock('SB-SKU-01', 4);
    r.advance('35m');
    const s = r.sync();
    expect(s.message).toMatch(/sat in Amazon's queue for 35 minutes, so it was cancelled/);
    const feeds = r.run.amazon.snapshot().feeds as Array<{ processingStatus?: string; status?: string }>;
    expect(feeds).toHaveLength(2);
    expect(feeds[0]!.processingStatus ?? feeds[0]!.status).toBe('CANCELLED');
    expect(r.inventoryRow('SKU-01')!['Proposed FBM Qty']).toBe('3');
    r.assertInvariants();
  });

  it('that cannot be cancelled still raises STOCK_SYNC_TIMEOUT while the sync waits', () => {
    const r = feedWorld('30h', [{ system: 'amazon', operation: 'cancelFeed', kind: '500', times: 1000 }]);
    r.setStock('SB-SKU-01', 10);
    r.sync();
    for (let i = 0; i < 4; i++) {
      r.advance('1h');
      r.sync();
    }
    expect(r.openExceptions('STOCK_SYNC_TIMEOUT')).toHaveLength(1);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');
  });

  it('cancelled and resubmitted run after run is no successful sync: STOCK_SYNC_TIMEOUT still opens', () => {
    // Amazon keeps every feed in its queue; each run cancels it and submits a fresh one. None lands,
    // so Amazon goes on showing 19 while the warehouse can pick 4: that is a failing sync, not a success.
    const r = feedWorld('30h');
    r.sync();
    r.setStock('SB-SKU-01', 5);
    for (let i = 0; i < 5; i++) {
      r.sync();
      r.advance('1h');
    }
    expect(r.run.amazon.snapshot().feeds.length).toBeGreaterThan(2);
    expect(r.amazonQty('SKU-01')).toBe(19);
    const timeout = r.openExceptions('STOCK_SYNC_TIMEOUT');
    expect(timeout).toHaveLength(1);
    expect(timeout[0]!['Severity']).toBe('High');
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');
  });

  it('a feed each run that Amazon processes is a success each run: no STOCK_SYNC_TIMEOUT', () => {
    // A busy catalogue: every run follows the last run's feed to its end, then submits the next one.
    const r = feedWorld('2m');
    for (let i = 0; i < 6; i++) {
      r.setStock('SB-SKU-01', 12 - i);
      r.sync();
      r.advance('1h');
    }
    expect(r.run.amazon.snapshot().feeds.length).toBeGreaterThan(4);
    expect(r.openExceptions('STOCK_SYNC_TIMEOUT')).toEqual([]);
  });
});
