// Several marketplaces end to end through the built bundle (dist/Code.js), from the scenario files
// scenarios/marketplaces-*.json: orders of two marketplaces read in one searchOrders, sent once and
// confirmed with each marketplace's carrier row; a marketplace the 3PL does not ship held, not sent;
// the SKU Map row of a marketplace not in the list; settlements per currency; a bad Marketplaces cell.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyStep } from '../world/scenario/runner';
import { playedRun as run, SCENARIO_DIR, tabRecords as tab } from './recorded-run';

const load = (f: string) => JSON.parse(readFileSync(path.join(SCENARIO_DIR, f), 'utf8')) as Record<string, unknown> & { sheet: Record<string, unknown[][]>; steps: unknown[] };

describe('UK + DE served, FR not in the list (marketplaces-uk-de-fr.json)', () => {
  const r = run(load('marketplaces-uk-de-fr.json'));

  it('reads the orders of both listed marketplaces in one searchOrders and says in the ledger which marketplace each is from', () => {
    const orders = tab(r, 'Orders');
    expect(orders.map((o) => [o['Amazon Order ID'], o.Marketplace, o.State])).toEqual([
      ['202-1000001-0000001', 'UK', 'confirmed'],
      ['302-2000001-0000001', 'DE', 'confirmed'],
    ]);
    // FR is not in Settings "Marketplaces": its order is not read, let alone sent.
    const sent = (r.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference).sort();
    expect(sent).toEqual(['202-1000001-0000001', '302-2000001-0000001']);
    const searches = r.requests.filter((c) => c.url.includes('/orders/2026-01-01/orders?'));
    expect(searches.length).toBeGreaterThan(0);
    expect(decodeURIComponent(searches[0]!.url)).toContain('marketplaceIds=A1F83G8C2ARO7P,A1PA6795UKMFR9');
  });

  it("confirms the German shipment with the Carrier Map's DE row and the British one with the row for every marketplace, each with its order's marketplaceId", () => {
    const conf = r.amazon.snapshot().confirmations;
    expect(Object.fromEntries(conf.map((c) => [c.orderId, c.carrierCode]))).toEqual({ '202-1000001-0000001': 'Royal Mail', '302-2000001-0000001': 'Other' });
    const bodies = r.requests.filter((c) => c.url.includes('/shipmentConfirmation')).map((c) => JSON.parse(String(c.body)) as { marketplaceId: string; packageDetail: { carrierName?: string } });
    expect(bodies.map((b) => b.marketplaceId).sort()).toEqual(['A1F83G8C2ARO7P', 'A1PA6795UKMFR9']);
    expect(bodies.find((b) => b.marketplaceId === 'A1PA6795UKMFR9')!.packageDetail.carrierName).toBe('Royal Mail International');
  });

  it('says in the SKU Map Status that the France row is not in the list; the DE rows (however their code was typed) are synced like the UK ones', () => {
    const map = tab(r, 'SKU Map');
    expect(map.map((m) => [m.Marketplace, m.Status])).toEqual([
      ['UK', 'OK'],
      ['UK', 'OK'],
      ['amazon.de', 'OK'],
      ['DE', 'OK'],
      ['France', 'Not used: FR is not in Settings "Marketplaces" (UK, DE). Add FR there to sync this row, or untick Active.'],
    ]);
    expect(r.gas.spreadsheet.toDisplayJson()['Exceptions']!.map((x) => x[0])).not.toContain('MAPPING_INVALID:DE:stock sync');
  });

  it('proposes the UK and DE offers of one Seller SKU one quantity: Amazon keeps one merchant quantity per Seller SKU, so it is one offer of the pool', () => {
    const inv = tab(r, 'Inventory').filter((i) => i.Channel === 'FBM');
    expect(inv.map((i) => i.Marketplace).sort()).toEqual(['DE', 'DE', 'UK', 'UK']);
    for (const sku of ['TEE-M', 'MUG-1']) {
      const both = inv.filter((i) => i['Seller SKU'] === sku);
      expect(new Set(both.map((i) => i['Proposed FBM Qty'])).size).toBe(1);
      for (const i of both) {
        expect(i.Reason).toContain(`Amazon keeps one merchant quantity for Seller SKU ${sku} in every marketplace`);
        expect(Number(i['Proposed FBM Qty'])).toBeLessThanOrEqual(Number(i['3PL Fulfillable']));
      }
    }
  });

  it('keeps each settlement in its own currency and sums them per currency on the Dashboard', () => {
    // FR is not in Settings "Marketplaces", yet its payout is the seller's money: imported, and said.
    expect(tab(r, 'Settlements').map((s) => [s['Settlement ID'], s.Currency, s['Reported Total']])).toEqual([
      ['26000000001', 'EUR', '40.00'],
      ['26000000002', 'EUR', '18.00'],
      ['26000000003', 'GBP', '27.00'],
    ]);
    const dash = tab(r, 'Dashboard');
    const at = dash.findIndex((d) => d.Item === '— Settlements by currency —');
    expect(dash.slice(at + 1, at + 3).map((d) => [d.Item, d.Count, d.Detail])).toEqual([
      ['EUR', '2', 'EUR 58.00'],
      ['GBP', '1', 'GBP 27.00'],
    ]);
    const fr = tab(r, 'Exceptions').filter((e) => e.Key?.startsWith('SETTLEMENT_MISMATCH:'));
    expect(fr.map((e) => e.Key)).toEqual(['SETTLEMENT_MISMATCH:marketplace:26000000002']);
    expect(fr[0]!.Message).toContain('add FR to Settings "Marketplaces" (now UK, DE)');
  });
});

describe('a marketplace the 3PL does not ship (FBM marketplaces)', () => {
  it('holds its order with a High exception saying so and sends it once the marketplace is added', () => {
    const input = load('marketplaces-uk-de-fr.json');
    input.name = 'marketplaces-fbm-uk-only';
    input.sheet.Settings = [...input.sheet.Settings!, ['FBM marketplaces', 'UK', '']];
    input.steps = [{ run: 'setupSheets' }, { run: 'syncNow', args: ['orders'], as: 'sidebar' }];
    const r = run(input);
    const sent = (r.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference);
    expect(sent).toEqual(['202-1000001-0000001']);
    const de = tab(r, 'Orders').find((o) => o['Amazon Order ID'] === '302-2000001-0000001')!;
    expect(de.State).toBe('held');
    expect(de.Note).toContain('ShipBob does not ship DE orders (Settings "FBM marketplaces": UK)');
    const ex = tab(r, 'Exceptions').find((e) => e.Key === 'ORDER_HELD:302-2000001-0000001')!;
    expect(ex).toMatchObject({ Severity: 'High', Entity: 'DE order 302-2000001-0000001' });

    const row = r.gas.spreadsheet.toDisplayJson().Settings!.findIndex((x) => x[0] === 'FBM marketplaces');
    expect(row).toBeGreaterThan(0);
    applyStep(r, { edit: { tab: 'Settings', match: { Key: 'FBM marketplaces' }, set: { Value: 'UK, DE' } } } as never, 90);
    applyStep(r, { run: 'syncNow', args: ['orders'], as: 'sidebar' } as never, 91);
    expect((r.threePl.snapshot().orders as Array<{ reference: string }>).map((o) => o.reference).sort()).toEqual(['202-1000001-0000001', '302-2000001-0000001']);
  });
});

describe('a bad Marketplaces cell (marketplaces-bad-cell.json)', () => {
  const r = run(load('marketplaces-bad-cell.json'));

  it('stops the sync with a CONFIG_INVALID naming the cell and the allowed values, then runs once the cell is fixed', () => {
    const log = tab(r, 'Sync Log');
    expect(log.map((l) => l.Outcome)).toEqual(['failed', 'ok']);
    expect(log[0]!['Amazon Calls']).toBe('0');
    expect(log[0]!.Message).toContain('"Atlantis" is not an Amazon marketplace');
    const ex = tab(r, 'Exceptions').find((e) => e.Key === 'CONFIG_INVALID:setting:Marketplaces')!;
    expect(ex.Entity).toBe('Settings: Marketplaces');
    expect(ex.Message).toContain('amazon.com (US) is in another Amazon region than UK');
    expect(ex.Message).toMatch(/EU: IE, ES, UK/);
    expect(ex.Status).toBe('Resolved');
  });
});

describe('Test connection with several marketplaces', () => {
  const withList = (list: string) => {
    const input = load('marketplaces-uk-de-fr.json');
    input.name = 'marketplaces-test-connection';
    input.sheet.Settings = [...input.sheet.Settings!.filter((row) => row[0] !== 'Marketplaces'), ['Marketplaces', list, '']];
    input.steps = [{ run: 'setupSheets' }, { run: 'testConnection', args: ['amazon'], as: 'sidebar' }, { run: 'getSidebarState', as: 'sidebar' }];
    return run(input);
  };

  it('asks Amazon which marketplaces the seller sells in, says so when all are, and the sidebar lists them main first', () => {
    const r = withList('UK, DE, FR');
    const result = r.results[1]!.value as { ok: boolean; message: string };
    expect(result.ok).toBe(true);
    expect(result.message).toContain('it sells in UK, DE, FR, all with this one connection');
    expect(r.requests.some((q) => q.url.endsWith('/sellers/v1/marketplaceParticipations'))).toBe(true);
    expect((r.results[2]!.value as { amazon: { marketplaces: string } }).amazon.marketplaces).toBe('Marketplaces: UK (main), DE, FR.');
  });

  it('fails naming a listed marketplace the seller does not sell in', () => {
    const result = withList('UK, DE, Italy').results[1]!.value as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toContain('does not sell in IT');
  });
});
