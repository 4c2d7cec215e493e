// The stock sync over UK + DE + FR (+ IT listed, not shipped; ES not listed) end to end through the
// built bundle (dist/Code.js) and the Amazon simulator, from scenarios/marketplaces-stock.json: every
// FBM marketplace is read and pushed with its own marketplaceIds (listingsItems_2021-08-01.json
// patchListingsItem marketplaceIds; feeds_2021-06-30.json CreateFeedSpecification.marketplaceIds),
// one 3PL pool split between them, FBA per marketplace with Pan-EU shown once, read-back per marketplace.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../world/http';
import { applyStep, type ScenarioRun } from '../world/scenario/runner';
import { EU, playedRun as run, recordedRun, SCENARIO_DIR, tabRecords as tab } from '../marketplaces/recorded-run';

type Input = Record<string, unknown> & { sheet: Record<string, unknown[][]>; steps: unknown[]; amazon: Record<string, unknown> };
const load = (): Input => JSON.parse(readFileSync(path.join(SCENARIO_DIR, 'marketplaces-stock.json'), 'utf8')) as Input;
const ID: Record<string, string> = { UK: 'A1F83G8C2ARO7P', DE: 'A1PA6795UKMFR9', FR: 'A13V1IB3VIYZZH', IT: 'APJ6JRA9NG5V4' };
const CODE = Object.fromEntries(Object.entries(ID).map(([k, v]) => [v, k]));

const row = (r: ScenarioRun, m: string, channel: string, sku: string) => tab(r, 'Inventory').find((i) => i.Marketplace === m && i.Channel === channel && i['Seller SKU'] === sku)!;
const qty = (r: ScenarioRun, m: string, sku: string) => Number(row(r, m, 'FBM', sku)['Proposed FBM Qty']);

/** Each patchListingsItem as [sku, marketplace code of its marketplaceIds]. */
function patches(r: { requests: SimRequest[] }): Array<[string, string]> {
  return r.requests
    .filter((q) => q.method === 'PATCH' && q.url.includes('/listings/2021-08-01/items/'))
    .map((q) => {
      const u = new URL(q.url);
      const sku = decodeURIComponent(u.pathname.split('/').pop()!);
      return [sku, u.searchParams.getAll('marketplaceIds').join(',').split(',').map((id) => CODE[id] ?? id).join(',')];
    });
}

describe('the stock sync across UK, DE and FR (marketplaces-stock.json)', () => {
  const r = run(load());
  const writes = () => (r.amazon.snapshot() as { writes: Array<{ sku: string; quantity: number; marketplace?: string }> }).writes;

  it('splits the one ShipBob pool of SB-TEE between its UK, DE and FR offers, less the German order ShipBob does not have yet', () => {
    const pickable = Number(row(r, 'UK', 'FBM', 'TEE-UK')['3PL Fulfillable']);
    const unsent = Number(row(r, 'UK', 'FBM', 'TEE-UK')['Unsent Orders']);
    // The German order (scenario: 3 × TEE-DE, UNSHIPPED, not at ShipBob) counts against the UK offer too.
    expect(unsent).toBe(3);
    const each = Math.floor((pickable - unsent) / 3);
    expect(['UK:TEE-UK', 'DE:TEE-DE', 'FR:TEE-FR'].map((k) => qty(r, k.split(':')[0]!, k.split(':')[1]!))).toEqual([each, each, each]);
    expect(3 * each).toBeLessThanOrEqual(pickable - unsent);
    expect(row(r, 'DE', 'FBM', 'TEE-DE').Reason).toContain('also offered as TEE-UK (UK), TEE-FR (FR)');
  });

  it("sends each quantity with its own marketplace's marketplaceIds, one marketplace per request", () => {
    const sent = patches(r);
    expect(sent.every(([, m]) => !m.includes(','))).toBe(true);
    expect(Object.fromEntries(sent)).toEqual({ 'TEE-UK': 'UK', 'TEE-DE': 'DE', 'TEE-FR': 'FR', 'MUG-DE': 'DE', 'CAP-1': 'UK' });
    // world.json: writes outside the main marketplace say which.
    expect(writes().map((w) => [w.sku, w.marketplace ?? 'UK', w.quantity])).toEqual([
      ['TEE-UK', 'UK', qty(r, 'UK', 'TEE-UK')],
      ['TEE-DE', 'DE', qty(r, 'DE', 'TEE-DE')],
      ['TEE-FR', 'FR', qty(r, 'FR', 'TEE-FR')],
      ['MUG-DE', 'DE', qty(r, 'DE', 'MUG-DE')],
      ['CAP-1', 'UK', qty(r, 'UK', 'CAP-1')],
    ]);
  });

  it('gives MUG-DE, sold in Germany only, its whole pool in Germany only', () => {
    expect(tab(r, 'Inventory').filter((i) => i['Seller SKU'] === 'MUG-DE').map((i) => i.Marketplace)).toEqual(['DE']);
    expect(qty(r, 'DE', 'MUG-DE')).toBe(Number(row(r, 'DE', 'FBM', 'MUG-DE')['3PL Fulfillable']));
  });

  it('never sends Germany a merchant quantity for CAP-1, FBA-only there, though the UK gets one', () => {
    expect(writes().filter((w) => w.sku === 'CAP-1').map((w) => w.marketplace ?? 'UK')).toEqual(['UK']);
    expect(row(r, 'DE', 'FBM', 'CAP-1').Reason).toBe('Held: Amazon fulfils Seller SKU CAP-1 as FBA only in DE, so it is never pushed as FBM in DE.');
    expect(tab(r, 'Exceptions').map((e) => e.Key)).toContain('DUAL_CHANNEL_SKU:DE:CAP-1');
  });

  it('pushes nothing to Italy (listed, not shipped by ShipBob) and says why; a Spanish row is not in the list', () => {
    expect(writes().some((w) => w.marketplace === 'IT' || w.sku === 'TEE-IT' || w.sku === 'TEE-ES')).toBe(false);
    expect(row(r, 'IT', 'FBM', 'TEE-IT')['Proposed FBM Qty']).toBe('');
    const status = Object.fromEntries(tab(r, 'SKU Map').map((m) => [`${m.Marketplace}:${m['Seller SKU']}`, m.Status]));
    expect(status['IT:TEE-IT']).toContain('Settings "FBM marketplaces" (UK, DE, FR) does not include IT');
    expect(status['ES:TEE-ES']).toBe('Not used: ES is not in Settings "Marketplaces" (UK, DE, FR, IT). Add ES there to sync this row, or untick Active.');
  });

  it("reads each marketplace's quantity back on the next run and confirms every push", () => {
    for (const [m, sku] of [['UK', 'TEE-UK'], ['DE', 'TEE-DE'], ['FR', 'TEE-FR'], ['DE', 'MUG-DE'], ['UK', 'CAP-1']] as const) {
      const i = row(r, m, 'FBM', sku);
      expect([m, sku, i['Push State'], i['Amazon FBM Qty']]).toEqual([m, sku, 'applied', i['Last Pushed Qty']]);
    }
    expect(tab(r, 'Sync Log').at(-1)!.Message).toContain('5 earlier update(s) confirmed on Amazon.');
    expect(tab(r, 'Exceptions').map((e) => e.Type)).not.toContain('STOCK_PUSH_NOT_APPLIED');
    expect(tab(r, 'Exceptions').map((e) => e.Type)).not.toContain('INVENTORY_DRIFT');
  });

  it('shows the Pan-European FBA pool once, on the German row, and the UK its own stock', () => {
    const sock = ['UK', 'DE', 'FR'].map((m) => row(r, m, 'FBA', 'SOCK-F'));
    expect(sock.map((i) => i['FBA Fulfillable'])).toEqual(['7', '40', '']);
    expect(sock[2]!.Reason).toContain('Pan-European FBA: one pool serves DE, FR; it is shown once, on the DE row');
    // Each marketplace's FBA figures were asked for with its own marketplaceIds (exactly one, sp-api.md §3.1).
    const asked = r.requests.filter((q) => q.url.includes('/fba/inventory/v1/summaries')).map((q) => new URL(q.url).searchParams.get('marketplaceIds'));
    expect(new Set(asked)).toEqual(new Set([ID.UK, ID.DE, ID.FR]));
  });
});

describe('a DE order not yet at the 3PL', () => {
  it('lowers the UK offer of the same 3PL SKU: without it the UK offer is higher', () => {
    const input = load();
    input.name = 'marketplaces-stock-no-order';
    input.amazon.orders = [];
    const quiet = run(input);
    const busy = run(load());
    expect(qty(busy, 'UK', 'TEE-UK')).toBeLessThan(qty(quiet, 'UK', 'TEE-UK'));
    expect(row(quiet, 'UK', 'FBM', 'TEE-UK')['Unsent Orders']).toBe('0');
  });
});

describe('a push by feed', () => {
  it('sends one JSON_LISTINGS_FEED per marketplace, each with that marketplace alone, and records every result', () => {
    const input = load();
    input.name = 'marketplaces-stock-feeds';
    input.sheet.Settings = [...input.sheet.Settings!, ['Feed threshold', 2, '']];
    input.steps = [...input.steps, { advance: '20m' }, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }];
    const r = run(input);
    const feeds = r.requests.filter((q) => q.method === 'POST' && q.url.endsWith('/feeds/2021-06-30/feeds')).map((q) => JSON.parse(q.body) as { feedType: string; marketplaceIds: string[] });
    expect(feeds.map((f) => f.feedType)).toEqual(['JSON_LISTINGS_FEED', 'JSON_LISTINGS_FEED', 'JSON_LISTINGS_FEED']);
    expect(feeds.map((f) => f.marketplaceIds.map((id) => CODE[id]))).toEqual([['DE'], ['FR'], ['UK']]);
    expect(patches(r)).toEqual([]);
    for (const [m, sku] of [['UK', 'TEE-UK'], ['DE', 'TEE-DE'], ['FR', 'TEE-FR'], ['DE', 'MUG-DE'], ['UK', 'CAP-1']] as const) {
      expect([m, sku, row(r, m, 'FBM', sku)['Push State']]).toEqual([m, sku, 'applied']);
    }
    const w = (r.amazon.snapshot() as { writes: Array<{ sku: string; marketplace?: string }> }).writes;
    expect(w.filter((x) => x.sku === 'CAP-1').map((x) => x.marketplace ?? 'UK')).toEqual(['UK']);
  });
});

describe('feed pacing across marketplaces', () => {
  it("counts every marketplace's feeds against the one limit of 5 per 5 minutes (per seller and app, sp-api.md JSON_LISTINGS_FEED)", () => {
    const input = load();
    input.name = 'marketplaces-stock-paced';
    input.sheet.Settings = [...input.sheet.Settings!, ['Feed threshold', 2, '']];
    input.steps = [...input.steps, { advance: '20m' }, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }];
    const r = recordedRun(input);
    const { requests } = r;
    // Three feeds went out a minute ago (another push): two slots are left in this window.
    const t = r.world.clock.now() - 60_000;
    r.gas.properties.document.data.set('inventory.feedTimes', JSON.stringify([t, t, t]));
    const created = () => requests.filter((q) => q.method === 'POST' && q.url.endsWith('/feeds/2021-06-30/feeds')).map((q) => (JSON.parse(q.body) as { marketplaceIds: string[] }).marketplaceIds.map((id) => CODE[id]).join());
    r.scenario.steps.slice(0, 2).forEach((s, i) => applyStep(r, s, i));
    expect(created()).toEqual(['DE', 'FR']);
    expect(tab(r, 'Sync Log').at(-1)!.Message).toContain('the rest of this push is submitted on the next run');
    r.scenario.steps.slice(2).forEach((s, i) => applyStep(r, s, i + 2));
    expect(created()).toEqual(['DE', 'FR', 'UK']);
    for (const [m, sku] of [['UK', 'TEE-UK'], ['DE', 'TEE-DE'], ['FR', 'TEE-FR']] as const) expect(row(r, m, 'FBM', sku)['Push State']).toBe('applied');
  });
});

describe('listings by report, per marketplace', () => {
  it("asks for each FBM marketplace's merchant listings report together at the start, with its own marketplaceIds, and pushes from them", () => {
    const input = load();
    input.name = 'marketplaces-stock-reports';
    const r = recordedRun(input);
    const { requests } = r;
    // Catalogues above 800 listings are read by report (listings-source.ts); the keys are per marketplace.
    for (const k of ['inventory.listingCount', 'inventory.listingCount:DE', 'inventory.listingCount:FR']) r.gas.properties.document.data.set(k, '5000');
    r.scenario.steps.forEach((s, i) => applyStep(r, s, i));
    const asks = requests
      .map((q, i) => ({ q, i }))
      .filter(({ q }) => q.method === 'POST' && q.url.endsWith('/reports/2021-06-30/reports') && q.body.includes('GET_MERCHANT_LISTINGS_ALL_DATA'));
    const first = asks.slice(0, 3).map(({ q }) => (JSON.parse(q.body) as { marketplaceIds: string[] }).marketplaceIds.map((id) => CODE[id]).join());
    expect(first).toEqual(['UK', 'DE', 'FR']);
    // All three were asked for before the first of them was read.
    const firstRead = requests.findIndex((q) => q.method === 'GET' && /\/reports\/2021-06-30\/reports\/[^/?]+$/.test(new URL(q.url).pathname));
    expect(asks[2]!.i).toBeLessThan(firstRead);
    expect(patches(r).map(([sku, m]) => `${m}:${sku}`).sort()).toEqual(['DE:MUG-DE', 'DE:TEE-DE', 'FR:TEE-FR', 'UK:CAP-1', 'UK:TEE-UK']);
  });
});

describe('undo per marketplace', () => {
  it("sends each offer's earlier quantity back to its own marketplace", () => {
    const input = load();
    input.name = 'marketplaces-stock-undo';
    input.steps = [...input.steps, { run: 'undoLastStockPush' }];
    const r = run(input);
    const seeded = Object.fromEntries((input.amazon.listings as Array<{ sku: string; marketplace?: string; quantity?: number }>).filter((l) => l.quantity !== undefined).map((l) => [`${l.marketplace ?? 'UK'}:${l.sku}`, l.quantity]));
    const writes = (r.amazon.snapshot() as { writes: Array<{ sku: string; quantity: number; marketplace?: string }> }).writes;
    const undone = writes.slice(5).map((w) => [`${w.marketplace ?? 'UK'}:${w.sku}`, w.quantity]);
    expect(Object.fromEntries(undone)).toEqual({ 'UK:TEE-UK': seeded['UK:TEE-UK'], 'DE:TEE-DE': seeded['DE:TEE-DE'], 'FR:TEE-FR': seeded['FR:TEE-FR'], 'DE:MUG-DE': seeded['DE:MUG-DE'], 'UK:CAP-1': seeded['UK:CAP-1'] });
    expect(patches(r).slice(5).every(([sku, m]) => undone.some(([k]) => k === `${m}:${sku}`))).toBe(true);
  });
});

describe('undo within the shared pool', () => {
  it("restores no offer above its share of what the 3PL can pick now, less unsent orders: three offers of one pool never promise it three times", () => {
    const input = load();
    input.name = 'marketplaces-stock-undo-capped';
    // Before the push Amazon showed 25 for each of the three SB-TEE offers (the seller's own figures).
    for (const l of input.amazon.listings as Array<{ sku: string; quantity?: number }>) if (l.sku.startsWith('TEE-') && l.quantity !== undefined) l.quantity = 25;
    input.steps = [...input.steps, { run: 'undoLastStockPush' }];
    const r = run(input);
    const pickable = Number(row(r, 'UK', 'FBM', 'TEE-UK')['3PL Fulfillable']);
    const unsent = Number(row(r, 'UK', 'FBM', 'TEE-UK')['Unsent Orders']);
    const share = Math.floor((pickable - unsent) / 3);
    // Each offer already shows its third of what is pickable less unsent orders: nothing goes back up.
    const writes = (r.amazon.snapshot() as { writes: Array<{ sku: string; quantity: number; marketplace?: string }> }).writes.slice(5);
    expect(writes.filter((w) => w.sku.startsWith('TEE-'))).toEqual([]);
    const undone = tab(r, 'Sync Log').at(-1)!.Message!;
    for (const sku of ['TEE-UK', 'TEE-DE', 'TEE-FR']) expect(undone).toContain(`${sku} (the undo asked for 25, but Amazon already shows ${share}`);
    expect(undone).toContain('33.3% offered');
  });
});

describe('a served marketplace no SKU Map row names', () => {
  it("is read all the same: its FBM offer on the 3PL's stock is UNMAPPED_SKU and, when Amazon shows units nobody sets, a High OFFER_UNMANAGED (it was never read, so nothing was said)", () => {
    const input = load();
    input.name = 'marketplaces-stock-fr-unmapped';
    // No row for France at all: FR is still in "Marketplaces" and "FBM marketplaces", so the 3PL ships its orders.
    input.sheet['SKU Map'] = input.sheet['SKU Map']!.filter((row, i) => i === 0 || row[1] !== 'FR');
    const r = run(input);
    const open = tab(r, 'Exceptions').filter((e) => e.Status === 'Open');
    const unmanaged = open.find((e) => e.Key === 'OFFER_UNMANAGED:FR:TEE-FR')!;
    expect(unmanaged.Severity).toBe('High');
    expect(unmanaged.Message).toMatch(/^Amazon shows 5 units of Seller SKU TEE-FR \(FR, merchant-fulfilled\), but no FBM row in the SKU Map maps it/);
    expect(open.map((e) => e.Key)).toContain('UNMAPPED_SKU:FR:amazon:TEE-FR');
  });
});
