// "Build SKU Map from Amazon and 3PL" over a SKU Map people already work in, through the bundle
// (dist/Code.js) in the local world: a proposed row a person deleted stays deleted, and a row whose
// Seller SKU is Amazon's in another case or spacing is that offer's row, never given a ticked twin
// the stock sync would push beside it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import { buildCatalogue } from '../../src/core/onboarding/pair';
import { proposeRows, rememberedKey } from '../../src/core/onboarding/propose';
import type { AmazonOffer } from '../../src/core/onboarding/types';

const scenario = JSON.parse(readFileSync('scenarios/onboarding-catalogue.json', 'utf8')) as { sheet: Record<string, unknown[][]> } & Record<string, unknown>;

/** Push mode auto: whatever a ticked row maps is pushed by the stock sync. */
const settings = [...scenario.sheet['Settings']!, ['Push mode', 'auto', '']];

function world(sheet: Record<string, unknown[][]>, steps: unknown[]) {
  const run = createScenarioRun({ ...scenario, sheet: { ...sheet, Settings: settings }, steps });
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  return run;
}
function tab(run: ReturnType<typeof world>, name: string) {
  const [header, ...rows] = run.gas.spreadsheet.toDisplayJson()[name]!;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const step = (run: ReturnType<typeof world>, s: unknown) => {
  applyStep(run, s as Step, run.results.length + 10);
};

describe('the SKU Map builder over rows people typed', () => {
  it('does not bring back a proposed row a person deleted (ticked, it would be pushed to)', () => {
    const run = world(scenario.sheet, [{ run: 'buildSkuMap' }]);
    const before = tab(run, 'SKU Map');
    const at = before.findIndex((r) => r['Seller SKU'] === 'TEE-RED-M');
    expect(before[at]).toMatchObject({ Match: 'SKU', Active: 'TRUE' });
    // "Delete rows for listings you do not sell" (docs/operations.md).
    run.gas.spreadsheet.sheetByName('SKU Map')!.deleteRows(at + 2, 1);
    step(run, { run: 'buildSkuMap' });
    step(run, { run: 'syncNow', args: ['inventory'] });
    const rows = tab(run, 'SKU Map');
    expect(rows.filter((r) => r['Seller SKU'] === 'TEE-RED-M')).toEqual([]);
    expect(rows).toHaveLength(before.length - 1);
    const builds = tab(run, 'Sync Log').filter((r) => r['Job'] === 'sku-map-build');
    expect(builds[1]!['Message']).toContain('1 offer(s) proposed by an earlier build have no row any more (deleted) and were not proposed again');
    expect(run.amazon.snapshot().writes.filter((w: { sku: string }) => w.sku === 'TEE-RED-M')).toEqual([]);
    // The sync does push here: a proposal a person accepts goes out.
    step(run, { edit: { tab: 'SKU Map', match: { 'Seller SKU': 'mug blue 350' }, set: { Active: true } } });
    step(run, { run: 'syncNow', args: ['inventory'] });
    expect(run.amazon.snapshot().writes.filter((w: { sku: string }) => w.sku === 'mug blue 350').length).toBeGreaterThan(0);
  });

  it('takes a row typed in another case or spacing as the offer\'s row: no ticked duplicate, nothing pushed for it', () => {
    const sheet = {
      ...scenario.sheet,
      'SKU Map': [
        ['seller sku', 'marketplace', 'CHANNEL', '3pl sku', 'active', 'Owner'],
        ['KEEP-1', 'UK', 'FBM', 'SB-KEEP', true, 'ann'],
        ['tee-red-m', 'gb', 'fbm', 'SB-TEE-ALT', true, 'bob'],
        ['  DUO-1 ', '', 'FBA', '', true, ''],
      ],
    };
    const run = world(sheet, [{ run: 'buildSkuMap' }, { run: 'buildSkuMap' }, { run: 'syncNow', args: ['inventory'] }]);
    const rows = tab(run, 'SKU Map');
    expect(rows[1]).toMatchObject({ 'seller sku': 'tee-red-m', '3pl sku': 'SB-TEE-ALT', Owner: 'bob', Match: '' });
    expect(rows.filter((r) => String(r['seller sku']).toUpperCase() === 'TEE-RED-M')).toHaveLength(1);
    // DUO-1's FBA offer is the person's row (spaces around are not part of a SKU); its FBM offer is new.
    expect(rows.filter((r) => String(r['seller sku']).trim() === 'DUO-1').map((r) => r['CHANNEL'])).toEqual(['FBA', 'FBM']);
    const builds = tab(run, 'Sync Log').filter((r) => r['Job'] === 'sku-map-build');
    expect(builds[0]!['Message']).toContain('row 3 "tee-red-m" for Amazon\'s "TEE-RED-M"');
    expect(builds[1]!['Message']).toContain('Nothing new to propose');
    expect(run.amazon.snapshot().writes.filter((w: { sku: string }) => w.sku === 'TEE-RED-M')).toEqual([]);
  });
});

describe('which typed rows cover an offer (core/onboarding/propose)', () => {
  const offer = (sellerSku: string): AmazonOffer => ({ sellerSku, marketplace: 'UK', channel: 'FBM', asin: 'B0X', fnsku: '', title: '', productIds: [] });
  const propose = (skus: string[], rows: Record<string, unknown>[], proposedBefore?: Set<string>) =>
    proposeRows({ rows, offers: skus.map(offer), catalogue: buildCatalogue([{ sku: 'TEE-M', name: 'Tee', barcodes: [] }]), defaultMarketplace: 'UK', ...(proposedBefore ? { proposedBefore } : {}) });

  it('a row spelt exactly as one of two Amazon SKUs that differ only in case covers that one only', () => {
    const r = propose(['tee-m', 'TEE-M'], [{ 'Seller SKU': 'tee-m', Channel: 'FBM', '3PL SKU': 'TEE-M' }]);
    expect(r.proposals.map((p) => p.offer.sellerSku)).toEqual(['TEE-M']);
    expect(r.loose).toEqual([]);
  });

  it('a row in another case covers its offer in its own channel only, and is named', () => {
    const r = propose(['TEE-M'], [{ 'Seller SKU': ' Tee-m ', Channel: 'FBA' }]);
    expect(r.proposals.map((p) => `${p.offer.sellerSku} ${p.offer.channel}`)).toEqual(['TEE-M FBM']);
    expect(propose(['TEE-M'], [{ 'Seller SKU': 'tee-m', Channel: 'FBM' }])).toMatchObject({ proposals: [], covered: 1, loose: [{ sheetRow: 2, typed: 'tee-m', amazonSku: 'TEE-M' }] });
  });

  it('an offer proposed before with no row now is counted as deleted, not proposed', () => {
    const r = propose(['TEE-M', 'NEW'], [], new Set([rememberedKey({ marketplace: 'UK', channel: 'FBM', sellerSku: 'TEE-M' })]));
    expect(r.proposals.map((p) => p.offer.sellerSku)).toEqual(['NEW']);
    expect(r.deleted).toBe(1);
  });
});
