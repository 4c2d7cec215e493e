// A SKU Map row that reads fine but is held when the stock is built (a 3PL SKU the 3PL does not
// list, Offer % of one 3PL SKU's offers adding up past 100%) cannot be synced as it stands: like a
// row that cannot be read, it keeps the stock run from "ok" and the message says so.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('held SKU Map rows keep the stock run partial', () => {
  it('a 3PL SKU the 3PL does not list', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }],
      extraMapRows: [['B-1', 'UK', 'FBM', 'SB-GONE-TYPO', '', '', '', '', '', true, '', '']],
      extraListings: [{ sku: 'B-1', channel: 'FBM', quantity: 0 }],
    });
    const res = r.sync();
    expect(res.outcome).toBe('partial');
    expect(res.message).toMatch(/SKU Map row .*(held|cannot be used)/);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');
  });

  it('Offer % of the offers of one 3PL SKU adding up past 100%', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'A-1', onHand: 10 }],
      extraMapRows: [['A-2', 'UK', 'FBM', 'SB-A-1', '', '', '', 0.6, '', true, '', ''], ['A-3', 'UK', 'FBM', 'SB-A-1', '', '', '', 0.6, '', true, '', '']],
      extraListings: [{ sku: 'A-2', channel: 'FBM', quantity: 0 }, { sku: 'A-3', channel: 'FBM', quantity: 0 }],
    });
    const res = r.sync();
    expect(res.outcome).toBe('partial');
    expect(res.message).toMatch(/SKU Map rows are held and not synced/);
  });

  it('a map with nothing held is still ok', () => {
    expect(new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }] }).sync().outcome).toBe('ok');
  });
});
