// Undo never puts back more than the sync's own rules allow today: unsent orders and offers the sync
// does not set come off the 3PL stock, only offers a valid SKU Map row manages are written (with the
// SKU Map's 3PL SKU, not a cell typed over on the Inventory tab), and "3PL locations" names count.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const SKU_MAP_ROW = (sku: string, threePlSku: string, active: boolean | string = '') => [sku, 'UK', 'FBM', threePlSku, '', '', '', '', '', active, '', ''];

describe('undo of the last stock push', () => {
  it('takes off the units of Amazon orders not yet at the 3PL', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 4, amazonQty: 10, buffer: 0 }], amazonBehaviour: { patchApplyDelay: '0s' } });
    r.sync();
    expect(r.amazonQty('TEE-M')).toBe(4);
    r.advance('10m');
    r.amazon('newOrder', { order: { orderId: '202-0000001-0000001', created: '2026-11-02T08:05:00Z', items: [{ sku: 'TEE-M', quantity: 3 }] } });
    r.advance('5m');
    const u = r.undo();
    // 4 pickable, 3 of them sold and not at the 3PL yet: 1 can be offered, and Amazon shows 1 already.
    expect(r.amazonQty('TEE-M')).toBe(1);
    expect(u.message).toMatch(/TEE-M \(the undo asked for 10, but Amazon already shows 1.*3 in unsent orders/);
    r.assertInvariants();
  });

  it('takes off what an unticked row of the same 3PL SKU still shows on Amazon', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-A', threePlSku: 'SB-TEE', onHand: 10, amazonQty: 10, buffer: 0 }],
      extraMapRows: [SKU_MAP_ROW('TEE-B', 'SB-TEE', false)],
      extraListings: [{ sku: 'TEE-B', channel: 'FBM', quantity: 6 }],
      amazonBehaviour: { patchApplyDelay: '0s' },
    });
    r.sync();
    expect(r.amazonQty('TEE-A')).toBe(4);
    r.advance('10m');
    r.setStock('SB-TEE', 8);
    const u = r.undo();
    // 8 pickable less TEE-B's 6: TEE-A may show 2, not the 10 asked for (nor the 8 the warehouse holds).
    expect(r.amazonQty('TEE-A')).toBe(2);
    expect(u.message).toMatch(/lowered/);
    expect(r.inventoryRow('TEE-A')!['Reason']).toMatch(/asked for 10.*6 shown by TEE-B/);
    r.assertInvariants();
  });

  it('raises OFFER_UNMANAGED in the same run when offers it does not set still oversell', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-A', threePlSku: 'SB-TEE', onHand: 10, amazonQty: 10, buffer: 0 }],
      extraMapRows: [SKU_MAP_ROW('TEE-B', 'SB-TEE', false)],
      extraListings: [{ sku: 'TEE-B', channel: 'FBM', quantity: 6 }],
      amazonBehaviour: { patchApplyDelay: '0s' },
    });
    r.sync();
    r.advance('10m');
    r.setStock('SB-TEE', 5);
    const u = r.undo();
    expect(r.amazonQty('TEE-A')).toBe(0);
    expect(u.outcome).toBe('partial');
    expect(u.message).toMatch(/OFFER_UNMANAGED/);
    const open = r.openExceptions('OFFER_UNMANAGED');
    expect(open.map((e) => e['Entity'])).toEqual(['UK FBM TEE-B']);
    r.assertInvariants();
  });

  it('writes only offers the SKU Map manages, with its 3PL SKU, whatever the Inventory tab was edited to', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'TEE-M', onHand: 4, amazonQty: 10, buffer: 0 },
        { sku: 'MUG-1', onHand: 8, amazonQty: 10, buffer: 0 },
      ],
      extraThreePl: [{ sku: 'SB-BIG', onHand: 100 }],
      extraListings: [{ sku: 'ODD-1', channel: 'FBM', quantity: 0 }],
      amazonBehaviour: { patchApplyDelay: '0s' },
    });
    r.sync();
    expect([r.amazonQty('TEE-M'), r.amazonQty('MUG-1')]).toEqual([4, 8]);
    r.advance('10m');
    r.edit('Inventory', { 'Seller SKU': 'TEE-M' }, { 'Seller SKU': 'ODD-1' });
    r.edit('Inventory', { 'Seller SKU': 'MUG-1' }, { '3PL SKU': 'SB-BIG' });
    const u = r.undo();
    expect(r.amazonQty('ODD-1')).toBe(0);
    expect(r.amazonQty('MUG-1')).toBe(8);
    expect(r.writes().filter((w) => JSON.stringify(w).includes('ODD-1'))).toEqual([]);
    expect(u.outcome).toBe('partial');
    expect(u.message).toMatch(/ODD-1 \(no active, valid FBM row of the SKU Map maps this offer now/);
    expect(u.message).toMatch(/MUG-1 \(the undo asked for 10, but Amazon already shows 8/);
    r.assertInvariants();
  });

  it('counts "3PL locations" typed as a name, as the sync does', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 4, amazonQty: 2, buffer: 1 }],
      settings: { '3PL locations': 'Manchester' },
      amazonBehaviour: { patchApplyDelay: '0s' },
    });
    r.sync();
    expect(r.amazonQty('TEE-M')).toBe(3);
    r.advance('10m');
    const u = r.undo();
    expect(u.outcome).toBe('ok');
    // Manchester is location 10, where the 4 units are: the undo puts back 2, not "0 can be picked".
    expect(r.amazonQty('TEE-M')).toBe(2);
    r.assertInvariants();
  });

  it('in a catalogue read by report, looks up what the unticked row shows before capping', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-A', threePlSku: 'SB-TEE', onHand: 10, amazonQty: 10, buffer: 0 }],
      extraMapRows: [SKU_MAP_ROW('TEE-B', 'SB-TEE', false)],
      extraListings: [{ sku: 'TEE-B', channel: 'FBM', quantity: 6 }],
      amazonBehaviour: { patchApplyDelay: '0s' },
    });
    r.sync();
    r.advance('10m');
    r.setStock('SB-TEE', 8);
    r.run.gas.properties.document.data.set('inventory.listingCount', '25000');
    const looked = r.run.amazon.calls.filter((c) => c.operation === 'getListingsItem').length;
    r.undo();
    // One look for the offer undone, one for the unticked sibling whose 6 units count.
    expect(r.run.amazon.calls.filter((c) => c.operation === 'getListingsItem').length - looked).toBe(2);
    expect(r.amazonQty('TEE-A')).toBe(2);
    r.assertInvariants();
  });
});

describe('undo of a push cut across runs', () => {
  it('never sends the cut push\'s unsent changes, worked out from yesterday\'s stock', () => {
    const skus = Array.from({ length: 30 }, (_, i) => `P${String(i).padStart(2, '0')}`);
    const r = new InventoryRun({
      offers: skus.map((sku) => ({ sku, onHand: 10, amazonQty: 0 })),
      // Slow answers cut the push part-way: some patches are sent, the rest stay queued for the next run.
      amazonBehaviour: { latency: '12s', patchApplyDelay: '0s' },
      settings: { 'Push mode': 'auto', 'Default safety buffer': 0, 'Feed threshold': 1000, 'Guardrail max share changing': 1 },
    });
    r.sync();
    const queued = r.tab('Inventory').filter((x) => x['Push State'] === 'queued').map((x) => x['Seller SKU']);
    expect(queued.length).toBeGreaterThan(0);
    r.advance('5m');
    for (const sku of skus) r.setStock(`SB-${sku}`, 1);
    r.setting('Push mode', 'dry-run');
    r.undo();
    r.advance('10m');
    r.sync();
    r.advance('10m');
    r.sync();
    const amazon = r.run.amazon.snapshot().listings as Array<{ sku: string; quantity?: number }>;
    for (const sku of queued) expect(amazon.find((l) => l.sku === sku)?.quantity ?? 0, sku).toBeLessThanOrEqual(1);
  });
});
