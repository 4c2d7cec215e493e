// SKU Map number cells typed with a sign: Sheets keeps "100%" as the number 1 and "£5" as 5 (shown
// "100%", "£5.00"), so read by value a Safety Buffer of "100%" would hold back 1 unit and push the rest.
// The add-on reads what the cell shows: such a row is held with MAPPING_INVALID naming the cell's
// column and what it takes, its quantity is not pushed, and the run is not ok.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import { InventoryRun } from './builder';

describe('SKU Map number cells typed as a percentage or an amount', () => {
  it('a Safety Buffer or Max Qty shown as 100% or £5.00 holds its row, named, and nothing is pushed for it', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'TEE-M', onHand: 10, amazonQty: 0, buffer: '100%' },
        { sku: 'MUG-1', onHand: 10, amazonQty: 0, maxQty: '£5' },
        { sku: 'CAP-1', onHand: 10, amazonQty: 0, buffer: 2 },
      ],
      settings: { 'Push mode': 'auto' },
    });
    const run = r.sync();
    expect(run.outcome).not.toBe('ok');
    // Only the row typed as a count is pushed: 10 on hand less its buffer of 2.
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['CAP-1', 8]]);
    const invalid = r.openExceptions('MAPPING_INVALID');
    const tee = invalid.find((e) => String(e['Message']).includes('TEE-M'));
    expect(tee?.['Message']).toMatch(/Safety Buffer holds "100%", a percentage, not a number of units \(allowed: a whole number of units/);
    const mug = invalid.find((e) => String(e['Message']).includes('MUG-1'));
    expect(mug?.['Message']).toMatch(/Max Qty holds "£5\.00", not a number \(allowed: a whole number of units/);
    const status = (sku: string) => r.tab('SKU Map').find((row) => row['Seller SKU'] === sku)?.['Status'];
    expect(status('TEE-M')).toMatch(/^Not used: Safety Buffer holds "100%"/);
    expect(status('CAP-1')).toBe('OK');
  });

  it('an Offer % shown as 50% is a half; one shown as an amount (£0.50) holds its row', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'TEE-M', onHand: 10, amazonQty: 0, offer: '50%', buffer: 0 },
        { sku: 'MUG-1', onHand: 10, amazonQty: 0, offer: '£0.50', buffer: 0 },
      ],
      settings: { 'Push mode': 'auto' },
    });
    r.sync();
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['TEE-M', 5]]);
    const mug = r.openExceptions('MAPPING_INVALID').find((e) => String(e['Message']).includes('MUG-1'));
    expect(mug?.['Message']).toMatch(/Offer % holds "£0\.50", not a percentage/);
  });

  it('typed over after "Set up sheets" laid the tab out, a Safety Buffer of 100% still shows as typed and holds its row', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 10, amazonQty: 0, buffer: 0 }, { sku: 'MUG-1', onHand: 10, amazonQty: 0, buffer: 0 }], settings: { 'Push mode': 'auto' } });
    r.sync();
    r.edit('SKU Map', { 'Seller SKU': 'TEE-M' }, { 'Safety Buffer': '100%' });
    r.edit('SKU Map', { 'Seller SKU': 'MUG-1' }, { 'Max Qty': '£5' });
    r.setStock('SB-TEE-M', 20);
    r.setStock('SB-MUG-1', 20);
    r.advance('10m');
    const run = r.sync();
    expect(run.outcome).not.toBe('ok');
    expect(r.openExceptions('MAPPING_INVALID').map((e) => String(e['Message']).match(/(Safety Buffer|Max Qty) holds "[^"]+"/)?.[0]).sort()).toEqual(['Max Qty holds "£5.00"', 'Safety Buffer holds "100%"']);
    // Neither row's new stock is pushed under a buffer or cap nobody meant.
    expect(r.writes().filter((w) => w.quantity === 19 || w.quantity === 5)).toEqual([]);
  });

  it('numbers shown with separators ("1,000") are the numbers they show', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 2000, amazonQty: 0, maxQty: '1,000', buffer: 1 }], settings: { 'Push mode': 'auto' } });
    r.sync();
    expect(r.openExceptions('MAPPING_INVALID')).toEqual([]);
    expect(r.writes().map((w) => [w.sku, w.quantity])).toEqual([['TEE-M', 1000]]);
  });
});

describe('a SKU Map the add-on laid out itself ("Set up sheets", then "Build SKU Map")', () => {
  it('keeps its count columns in Sheets\' automatic format, so a buffer typed as 100% later shows as typed and holds its row', () => {
    const sc = JSON.parse(readFileSync('scenarios/onboarding-catalogue.json', 'utf8')) as { sheet: Record<string, unknown> };
    const run = createScenarioRun({
      ...sc,
      sheet: { Settings: sc.sheet['Settings'] },
      steps: [
        { run: 'setupSheets' },
        { run: 'buildSkuMap' },
        { edit: { tab: 'SKU Map', match: { 'Seller SKU': 'TEE-RED-M' }, set: { 'Safety Buffer': '100%' } } },
        { run: 'syncNow', args: ['inventory'] },
      ],
    } as never);
    run.scenario.steps.forEach((st, i) => applyStep(run, st, i));
    const tab = (name: string) => {
      const [header, ...rows] = run.gas.spreadsheet.toDisplayJson()[name]!;
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
    };
    const row = tab('SKU Map').find((r) => r['Seller SKU'] === 'TEE-RED-M')!;
    expect(row['Safety Buffer']).toBe('100%');
    expect(row['Status']).toMatch(/^Not used: Safety Buffer holds "100%", a percentage/);
    expect(tab('Exceptions').some((e) => e['Type'] === 'MAPPING_INVALID' && String(e['Message']).includes('TEE-RED-M'))).toBe(true);
  });
});
