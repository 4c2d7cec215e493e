// Several Amazon marketplaces in one spreadsheet (issue 17), the pure rules: the Settings list and
// its problems, the SKU Map row of a marketplace not in the list, the Carrier Map's Marketplace
// column, settlement sums kept per currency on the Dashboard, and the sidebar's marketplaces line.

import { describe, expect, it } from 'vitest';
import { dashboardGrid, emptyDashboardState, exceptionFigures } from '../../src/core/dashboard';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { findCarrier, readCarrierMap, carrierMissing } from '../../src/core/orders/carrier-map';
import { parseSettlementsSummary, settlementsByCurrency } from '../../src/core/settlements/by-currency';
import { parseSettings } from '../../src/core/settings';
import { marketplacesLine, notParticipating } from '../../src/jobs/sidebar/marketplaces-view';
import { mapRow } from '../core/inventory-fixtures';

const settings = (pairs: Array<[string, string]>) => parseSettings(pairs);

describe('Settings "Marketplaces"', () => {
  it('reads a list typed any way findMarketplace accepts, primary first, and keeps settings.marketplace as the first', () => {
    const { settings: s, problems } = settings([['Marketplaces', 'gb; Germany, amazon.fr, DE']]);
    expect(problems).toEqual([]);
    expect(s.marketplaces).toEqual(['UK', 'DE', 'FR']);
    expect(s.marketplace).toBe('UK');
    // "FBM marketplaces" empty: the 3PL ships every listed marketplace.
    expect(s.fbmMarketplaces).toEqual(['UK', 'DE', 'FR']);
  });

  it('keeps the old single "Marketplace" key working as a list of one', () => {
    const { settings: s, problems } = settings([['Marketplace', 'Germany']]);
    expect(problems).toEqual([]);
    expect(s.marketplace).toBe('DE');
    expect(s.marketplaces).toEqual(['DE']);
    // Neither key typed: UK, as before.
    expect(settings([]).settings.marketplaces).toEqual(['UK']);
  });

  it('blocks every job on an unknown entry or one of another region, naming the cell, what was typed and what is allowed', () => {
    const { settings: s, problems } = settings([['Marketplaces', 'UK, Narnia, amazon.com']]);
    expect(s.marketplaces).toEqual([]);
    expect(s.marketplace).toBe('');
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p).toMatchObject({ key: 'Marketplaces', value: 'UK, Narnia, amazon.com', blocking: true });
    expect(p.message).toContain('"Narnia" is not an Amazon marketplace');
    expect(p.message).toContain('amazon.com (US) is in another Amazon region than UK');
    // The allowed values: the EU region's codes.
    expect(p.message).toMatch(/EU: IE, ES, UK, FR, .*DE/);
    expect(p.message).toContain('No sync runs until it is fixed');
  });

  it('does not guess which marketplace is the main one when "Marketplace" and "Marketplaces" disagree', () => {
    const { settings: s, problems } = settings([['Marketplace', 'UK'], ['Marketplaces', 'DE, UK']]);
    expect(s.marketplaces).toEqual([]);
    expect(problems[0]).toMatchObject({ key: 'Marketplace', blocking: true });
    expect(settings([['Marketplace', 'UK'], ['Marketplaces', 'UK, DE']]).problems).toEqual([]);
  });

  it('reads "FBM marketplaces" as a subset of the list and reports an entry outside it without adding it', () => {
    expect(settings([['Marketplaces', 'UK, DE, FR'], ['FBM marketplaces', 'uk, germany']]).settings.fbmMarketplaces).toEqual(['UK', 'DE']);
    const { settings: s, problems } = settings([['Marketplaces', 'UK, DE'], ['FBM marketplaces', 'UK, IT']]);
    expect(s.fbmMarketplaces).toEqual(['UK']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.key).toBe('FBM marketplaces');
    expect(problems[0]!.message).toContain('IT is not in "Marketplaces" (UK, DE)');
    expect(problems[0]!.blocking).toBeUndefined();
  });
});

describe('SKU Map rows of a marketplace not in the list', () => {
  const rows = [mapRow({ Marketplace: 'UK' }), mapRow({ Marketplace: 'amazon.de' }), mapRow({ Marketplace: 'France' })];

  it('say so in their Status and are not used; rows of listed marketplaces are OK whatever way the code was typed', () => {
    const v = validateSkuMap(rows, { defaultMarketplace: 'UK', marketplaces: ['UK', 'DE'] });
    expect(v.rows.map((r) => r.status)).toEqual(['OK', 'OK', 'Not used: FR is not in Settings "Marketplaces" (UK, DE). Add FR there to sync this row, or untick Active.']);
    expect(v.entries.map((e) => e.key)).toEqual(['UK:FBM:TEE-M', 'DE:FBM:TEE-M']);
    expect(v.exceptions).toEqual([]);
  });

  it('with one marketplace (no list given), a row of another no longer says OK; the primary marketplace is as before', () => {
    const v = validateSkuMap(rows, { defaultMarketplace: 'UK' });
    expect(v.rows[0]!.status).toBe('OK');
    expect(v.rows[1]!.status).toMatch(/^Not used: DE is not in Settings "Marketplaces" \(UK\)/);
    expect(v.entries.map((e) => e.key)).toEqual(['UK:FBM:TEE-M']);
  });
});

describe('Carrier Map Marketplace column', () => {
  const rec = (carrier: string, service: string, code: string, marketplace?: string, name = '') => ({
    '3PL Carrier': carrier,
    '3PL Service': service,
    'Carrier Code': code,
    'Carrier Name': name,
    'Shipping Method': '',
    ...(marketplace === undefined ? {} : { Marketplace: marketplace }),
  });

  it('uses the marketplace row before the row for every marketplace, service match first within each', () => {
    const map = readCarrierMap(
      [rec('Royal Mail', '', 'Royal Mail', ''), rec('Royal Mail', 'Tracked 24', 'Royal Mail', ''), rec('Royal Mail', '', 'Other', 'Germany', 'Royal Mail International'), rec('DPD', '', 'DPD')],
      2,
      ['UK', 'DE'],
    );
    expect(map.problems).toEqual([]);
    expect(findCarrier(map, 'Royal Mail', 'Tracked 24', 'UK')?.sheetRow).toBe(3);
    expect(findCarrier(map, 'Royal Mail', 'Tracked 24', 'DE')?.sheetRow).toBe(4);
    expect(findCarrier(map, 'Royal Mail', 'Tracked 24', 'DE')?.carrierName).toBe('Royal Mail International');
    // A sheet without the column: every row is for every marketplace.
    expect(findCarrier(map, 'DPD', '', 'DE')?.sheetRow).toBe(5);
  });

  it('reports a Marketplace cell it cannot read, or of a marketplace not in the list, and does not use the row', () => {
    const map = readCarrierMap([rec('Royal Mail', '', 'Royal Mail', 'Atlantis'), rec('Royal Mail', '', 'Royal Mail', 'FR')], 2, ['UK', 'DE']);
    // Kept only as unusable: neither covers a UK shipment, nor would either fall back to every marketplace.
    expect(map.rules.every((r) => r.unusable)).toBe(true);
    expect(findCarrier(map, 'Royal Mail', '', 'UK')).toBeNull();
    expect(map.problems.map((p) => p.key)).toEqual(['CARRIER_UNMAPPED:row:2', 'CARRIER_UNMAPPED:row:3']);
    expect(map.problems[0]!.message).toContain('"Atlantis" is not an Amazon marketplace');
    expect(map.problems[1]!.message).toContain('FR is not in Settings "Marketplaces" (UK, DE)');
  });

  it('keys a missing carrier per marketplace when the spreadsheet serves several', () => {
    expect(carrierMissing('UPS', '', '302-1', 'DE').key).toBe('CARRIER_UNMAPPED:DE:ups:any');
    expect(carrierMissing('UPS', '', '202-1').key).toBe('CARRIER_UNMAPPED:ups:any');
  });
});

describe('settlements on the Dashboard', () => {
  const rows = [
    { currency: 'GBP', reportedTotalCents: 4065, depositDate: Date.parse('2026-10-17T00:00:00Z') },
    { currency: 'EUR', reportedTotalCents: 176013, depositDate: Date.parse('2026-10-17T00:00:00Z') },
    { currency: 'EUR', reportedTotalCents: -1000, depositDate: Date.parse('2026-10-31T00:00:00Z') },
    { currency: 'SEK', reportedTotalCents: 99900, depositDate: null },
  ];

  it('sums per currency, never across currencies', () => {
    const s = settlementsByCurrency(rows, 0);
    expect(s.lines).toEqual([
      { currency: 'EUR', settlements: 2, paidCents: 175013, lastDeposit: Date.parse('2026-10-31T00:00:00Z') },
      { currency: 'GBP', settlements: 1, paidCents: 4065, lastDeposit: Date.parse('2026-10-17T00:00:00Z') },
      { currency: 'SEK', settlements: 1, paidCents: 99900, lastDeposit: null },
    ]);
    expect(parseSettlementsSummary(JSON.stringify(s))).toEqual(s);
  });

  it('shows one line per currency with the amount in that currency', () => {
    const settlements = settlementsByCurrency(rows, Date.parse('2026-11-02T08:00:00Z'));
    const grid = dashboardGrid({ state: emptyDashboardState(), exceptions: exceptionFigures([]), timeZone: 'Europe/London', today: '2026-11-02', settlements });
    const at = grid.rows.findIndex((r) => r[0] === '— Settlements by currency —');
    expect(at).toBeGreaterThan(0);
    expect(grid.rows.slice(at + 1, at + 4).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['EUR', 2, 'EUR 1,750.13'],
      ['GBP', 1, 'GBP 40.65'],
      ['SEK', 1, 'SEK 999.00'],
    ]);
    expect(grid.rows.some((r) => /total/i.test(String(r[0])))).toBe(false);
  });
});

describe('what the sidebar says about the marketplaces', () => {
  it('lists them main first and which the 3PL ships, and names a listed marketplace Amazon does not show the seller selling in', () => {
    expect(marketplacesLine({ marketplaces: ['UK'], fbmMarketplaces: ['UK'] })).toBe('Marketplace: UK.');
    expect(marketplacesLine({ marketplaces: ['UK', 'DE', 'FR'], fbmMarketplaces: ['UK', 'DE'] })).toBe('Marketplaces: UK (main), DE, FR. The 3PL ships orders of UK, DE.');
    const participations = [
      { marketplaceId: 'A1F83G8C2ARO7P', isParticipating: true, hasSuspendedListings: false },
      { marketplaceId: 'A1PA6795UKMFR9', isParticipating: false, hasSuspendedListings: false },
    ];
    expect(notParticipating(['UK', 'DE', 'FR'], participations)).toEqual(['DE', 'FR']);
  });
});
