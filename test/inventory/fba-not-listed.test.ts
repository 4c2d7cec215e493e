// An FBA row of the SKU Map whose Seller SKU Amazon knows nothing of (no listing, no FBA figures):
// it cannot show anything, so it is held with its Status saying why, one MAPPING_INVALID names the
// row, and the run is not "ok", as with an FBM row Amazon does not list. An FBA row Amazon does know
// (FBA figures without a listing in the read) stays as it was.

import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/core/inventory/build';
import { keptAfterPartialRead } from '../../src/core/inventory/listings-gap';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { InventoryRun, SKU_MAP_HEADER } from './builder';

const fbaRow = (sku: string) => [sku, 'UK', 'FBA', '', 'B0GHOST001', 'X00GHOST01', '', '', '', '', '', ''];

describe('an FBA row Amazon does not list', () => {
  it('is held: Status and Reason say why, MAPPING_INVALID names the row, the Sync Log is partial; fixing the SKU clears it', () => {
    const run = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 10 }],
      fba: [{ sku: 'TEE-M-FBA', fulfillable: 7 }],
      extraMapRows: [fbaRow('GHOST-FBA')],
    });
    const first = run.sync();
    expect(first.outcome, first.message).toBe('partial');
    const status = run.tab('SKU Map').find((r) => r['Seller SKU'] === 'GHOST-FBA')!['Status'];
    expect(status).toMatch(/^Held: Amazon has no listing with Seller SKU GHOST-FBA in UK and no FBA inventory for it/);
    expect(run.inventoryRow('GHOST-FBA', 'FBA')!['Reason']).toMatch(/^Held: Amazon has no listing/);
    const [ex] = run.openExceptions('MAPPING_INVALID');
    expect(ex).toMatchObject({ Key: 'MAPPING_INVALID:UK:FBA:GHOST-FBA', Entity: 'UK FBA GHOST-FBA' });
    expect(ex!['Message']).toContain('SKU Map row 4');
    expect(run.syncLog().at(-1)!['Message']).toContain('1 SKU Map row is held');
    // The real FBA row and the FBM offer are untouched.
    expect(run.tab('SKU Map').find((r) => r['Seller SKU'] === 'TEE-M-FBA')!['Status']).toMatch(/^OK/);
    expect(run.inventoryRow('TEE-M-FBA', 'FBA')!['FBA Fulfillable']).toBe('7');
    expect(run.inventoryRow('TEE-M')!['Last Pushed Qty']).toBe('9');

    // Once Amazon lists it (the seller created the FBA offer), the row is fine and the problem resolves.
    run.amazon('addListing', { listing: { sku: 'GHOST-FBA', channel: 'FBA', asin: 'B0GHOST001', fnsku: 'X00GHOST01' } });
    run.advance('10m');
    const second = run.sync();
    expect(run.openExceptions('MAPPING_INVALID')).toEqual([]);
    expect(run.tab('SKU Map').find((r) => r['Seller SKU'] === 'GHOST-FBA')!['Status']).toMatch(/^OK/);
    expect(second.outcome).toBe('ok');
    run.assertInvariants();
  });

  it('names the listing Amazon has when the Seller SKU differs only in case', () => {
    const run = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 10 }], fba: [{ sku: 'TEE-M-FBA', fulfillable: 7 }], extraMapRows: [fbaRow('tee-m-fba ')] });
    run.sync();
    const [ex] = run.openExceptions('MAPPING_INVALID');
    expect(ex?.['Message']).toContain('Amazon lists "TEE-M-FBA"');
  });
});

describe('buildInventory: FBA rows and what Amazon knows of them', () => {
  const rows = [fbaRow('GHOST-FBA')].map((cells) => Object.fromEntries(SKU_MAP_HEADER.map((h, i) => [h, cells[i]])));
  const input = (over: Partial<Parameters<typeof buildInventory>[0]> = {}) => ({
    marketplace: 'UK',
    skuMap: validateSkuMap(rows, { defaultMarketplace: 'UK' }),
    threePlStock: [],
    locations: [],
    unsentOrders: [],
    amazonListings: [],
    fbaSummaries: [],
    previous: new Map(),
    defaultSafetyBuffer: 1,
    now: Date.parse('2026-11-02T08:00:00Z'),
    ...over,
  });
  const figures = { sellerSku: 'GHOST-FBA', fulfillable: 3, inboundWorking: 0, inboundShipped: 0, inboundReceiving: 0, reserved: 0, unfulfillable: 0, researching: 0, total: 3 };

  it('FBA figures without a listing: Amazon holds stock of it, so the row shows them and is not held', () => {
    const built = buildInventory(input({ fbaSummaries: [figures] }));
    expect(built.exceptions).toEqual([]);
    expect(built.rows[0]!.fbaFulfillable).toBe(3);
  });

  it('a partial listings read concludes nothing, and keeps the exception as it is', () => {
    const built = buildInventory(input({ amazonListingsGap: 'pages shifted' }));
    expect(built.exceptions).toEqual([]);
    expect(built.statuses[0]).not.toMatch(/Held/);
    expect(keptAfterPartialRead('UK', new Set())({ key: 'MAPPING_INVALID:UK:FBA:GHOST-FBA' })).toBe(true);
  });

  it('a marketplace whose listings are not read (listed, not served by the 3PL): a missing listing concludes nothing', () => {
    const italy = [['GHOST-FBA', 'IT', 'FBA', '', '', '', '', '', '', '', '', '']].map((cells) => Object.fromEntries(SKU_MAP_HEADER.map((h, i) => [h, cells[i]])));
    const built = buildInventory(input({ skuMap: validateSkuMap(italy, { defaultMarketplace: 'UK', marketplaces: ['UK', 'IT'] }), marketplaces: ['UK', 'IT'] }));
    expect(built.rows.map((r) => r.marketplace)).toEqual(['IT']);
    expect(built.exceptions).toEqual([]);
    expect(built.statuses[0]).not.toMatch(/Held/);
  });

  it('figures not read yet (first run on the report): nothing is concluded; none when last read: held', () => {
    const pending = { via: 'report' as const, asOf: 0, unknown: true };
    expect(buildInventory(input({ fbaRead: pending })).exceptions).toEqual([]);
    const shownNone = new Map([['UK:FBA:GHOST-FBA', { lastPushedQty: null, previousQty: null, pushState: '' as const, fba: null }]]);
    expect(buildInventory(input({ previous: shownNone, fbaRead: pending })).exceptions.map((e) => e.key)).toEqual(['MAPPING_INVALID:UK:FBA:GHOST-FBA']);
  });

  it('figures not read this run (report pending) but shown before: Amazon knows it', () => {
    const previous = new Map([['UK:FBA:GHOST-FBA', { lastPushedQty: null, previousQty: null, pushState: '' as const, fba: { ...figures } }]]);
    const built = buildInventory(input({ previous, fbaRead: { via: 'report', asOf: 1, unknown: true } }));
    expect(built.exceptions).toEqual([]);
  });
});
