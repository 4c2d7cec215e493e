import { describe, expect, it } from 'vitest';
import { inventoryRowFromRecord, inventoryRowToRecord, previousFromInventory } from '../../src/core/inventory/inventory-tab';
import { TABS } from '../../src/core/tabs';
import { invRow } from './inventory-fixtures';

describe('Inventory tab records', () => {
  it('covers exactly the Inventory tab headers', () => {
    expect(Object.keys(inventoryRowToRecord(invRow({}))).sort()).toEqual(TABS.inventory.columns.map((c) => c.header).sort());
  });

  it('round-trips a row, writing empty cells for unknowns and a Date for Updated At', () => {
    const row = invRow({ amazonFbmQty: null, lastPushedQty: 4, previousQty: 2, pushState: 'applied', offerShare: 0.5, updatedAt: Date.UTC(2026, 10, 2) });
    const rec = inventoryRowToRecord(row);
    expect(rec['Amazon FBM Qty']).toBe('');
    expect(rec['Updated At']).toEqual(new Date(Date.UTC(2026, 10, 2)));
    expect(rec['Offer %']).toBe(0.5);
    expect(inventoryRowFromRecord(rec)).toEqual(row);
  });

  it('skips rows without an offer and ignores unknown push states', () => {
    expect(inventoryRowFromRecord({ 'Seller SKU': '', Marketplace: 'UK', Channel: 'FBM' })).toBeNull();
    const r = inventoryRowFromRecord({ 'Seller SKU': 'A', Marketplace: 'uk', Channel: 'FBM', 'Push State': 'whatever', 'Last Pushed Qty': 3 });
    expect(r).toMatchObject({ key: 'UK:FBM:A', pushState: '', lastPushedQty: 3 });
  });

  it('gives buildInventory what was pushed before', () => {
    const m = previousFromInventory([invRow({ lastPushedQty: 6, previousQty: 1, pushState: 'accepted' })]);
    expect(m.get('UK:FBM:TEE-M')).toEqual({ lastPushedQty: 6, previousQty: 1, pushState: 'accepted' });
  });
});
