// "Build SKU Map from Amazon and 3PL" end to end through the bundle (dist/Code.js) in the local
// world: scenarios/onboarding-catalogue.json. The listings come from the simulated
// GET_MERCHANT_LISTINGS_ALL_DATA report (product-id-type 4 = EAN, Seller Central help G202154120),
// the products from ShipBob's GET /product (variant gtin, spec 2026-01 Products.VariantViewModelBase).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

const scenario = JSON.parse(readFileSync('scenarios/onboarding-catalogue.json', 'utf8')) as { steps: unknown[]; sheet: Record<string, unknown>; amazon: Record<string, unknown> };

function runTo(stepCount: number) {
  const run = createScenarioRun({ ...scenario, steps: scenario.steps.slice(0, stepCount) });
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  const tab = (name: string) => {
    const [header, ...rows] = run.gas.spreadsheet.toDisplayJson()[name]!;
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  };
  return { run, tab };
}

describe('Build SKU Map from Amazon and 3PL', () => {
  it('appends one row per offer without a row, paired strongest evidence first, rows people made untouched', () => {
    const { run, tab } = runTo(1);
    expect(run.results[0]!.error).toBeUndefined();
    const rows = tab('SKU Map');
    expect(rows[0]).toMatchObject({ 'Seller SKU': 'KEEP-1', '3PL SKU': 'SB-KEEP', 'Safety Buffer': '2', Notes: 'typed by a person' });
    const by = (sku: string, channel = 'FBM') => rows.find((r) => r['Seller SKU'] === sku && r['Channel'] === channel)!;
    expect(by('TEE-RED-M')).toMatchObject({ '3PL SKU': 'TEE-RED-M', Match: 'SKU', Confidence: '100%', Active: 'TRUE' });
    expect(by('mug blue 350')).toMatchObject({ '3PL SKU': 'MUG-BLUE-350', Match: 'SKU (normalised)', Active: 'FALSE' });
    expect(by('00123')).toMatchObject({ '3PL SKU': '123', Match: 'SKU (normalised)', Active: 'FALSE' });
    expect(by('AMZ-BRUSH')).toMatchObject({ '3PL SKU': 'SB-0042', Match: 'Barcode', Active: 'FALSE' });
    expect(by('AMZ-SOCKS')).toMatchObject({ '3PL SKU': '', Match: 'Ambiguous', Active: 'FALSE' });
    expect(by('DUO-1', 'FBM')).toMatchObject({ Match: 'SKU', Active: 'TRUE' });
    expect(by('DUO-1', 'FBA')).toMatchObject({ Match: 'SKU', FNSKU: 'X00DUO0001', Active: 'TRUE' });
    expect(by('FBA-ONLY', 'FBA')).toMatchObject({ '3PL SKU': '', Match: 'None', FNSKU: 'X00FBA0001' });
    // Packaging at the 3PL has no listing: never a row.
    expect(rows.some((r) => r['Seller SKU'] === 'MAILER-BOX-S' || r['3PL SKU'] === 'MAILER-BOX-S')).toBe(false);
    expect(rows).toHaveLength(9);
    const log = tab('Sync Log').find((r) => r['Job'] === 'sku-map-build')!;
    expect(log['Message']).toMatch(/Added 8 proposed row\(s\) to the SKU Map \(rows 3–10\)/);
  });

  it('creates the SKU Map when the spreadsheet has none yet (before "Set up sheets")', () => {
    const sc = scenario;
    const run = createScenarioRun({ ...scenario, sheet: { Settings: sc.sheet['Settings'] }, steps: [{ run: 'buildSkuMap' }] });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    expect(run.results[0]!.error).toBeUndefined();
    const [header, ...rows] = run.gas.spreadsheet.toDisplayJson()['SKU Map']!;
    expect(header!.slice(-2)).toEqual(['Match', 'Confidence']);
    // KEEP-1 has no row now, so it is proposed too.
    expect(rows).toHaveLength(9);
    expect(rows[0]![0]).toBe('00123');
  });

  it("waits for Amazon's report across runs when it takes longer than one: nothing written meanwhile, the same report used after", () => {
    const sc = scenario;
    const slow = { ...sc.amazon, behaviour: { reportProcessing: '8m' } };
    const run = createScenarioRun({ ...scenario, amazon: slow, steps: [{ run: 'buildSkuMap' }, { advance: '10m' }, { run: 'buildSkuMap' }] });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const log = run.gas.spreadsheet.toDisplayJson()['Sync Log']!;
    const [header, first, second] = log;
    const col = (h: string) => header!.indexOf(h);
    expect(first![col('Outcome')]).toBe('partial');
    expect(first![col('Message')]).toMatch(/Amazon is still preparing the listings report .*run "Build SKU Map from Amazon and 3PL" again/);
    expect(second![col('Outcome')]).toBe('ok');
    expect(run.amazon.calls.filter((c) => c.operation === 'createReport')).toHaveLength(1);
    expect(run.gas.spreadsheet.toDisplayJson()['SKU Map']).toHaveLength(10);
  });

  it('UNMAPPED_SKU names the proposed row until a person ticks it; a second build adds only the new listing', () => {
    const { run, tab } = runTo(6);
    const ex = tab('Exceptions');
    // The Action cell links to the proposed row itself (Sheets' in-spreadsheet link form, #gid=…&range=…).
    const at = ex.findIndex((r) => r['Key'] === 'UNMAPPED_SKU:UK:amazon:AMZ-BRUSH');
    const actionCol = Object.keys(ex[0]!).indexOf('Action') + 1;
    const skuMapId = run.gas.spreadsheet.sheetByName('SKU Map')!.id;
    const link = run.gas.spreadsheet.exportSheet('Exceptions')!.links.find((l) => l.row === at + 2 && l.column === actionCol);
    expect(link?.url).toBe(`#gid=${skuMapId}&range=A4`);
    const mug = ex.find((r) => r['Key'] === 'UNMAPPED_SKU:UK:amazon:mug blue 350')!;
    expect(mug['Message']).toContain('SKU Map row 10 proposes 3PL SKU MUG-BLUE-350');
    expect(mug['Status']).toBe('Resolved');
    expect(ex.find((r) => r['Key'] === 'UNMAPPED_SKU:UK:amazon:AMZ-BRUSH')).toMatchObject({ Status: 'Open', Action: 'Review SKU Map row 4 (proposed) and tick Active to accept it.' });
    const rows = tab('SKU Map');
    expect(rows).toHaveLength(10);
    expect(rows[9]).toMatchObject({ 'Seller SKU': 'NEW-1', Match: 'None' });
    const builds = tab('Sync Log').filter((r) => r['Job'] === 'sku-map-build');
    expect(builds[1]!['Message']).toMatch(/9 offer\(s\) already had a SKU Map row\. Added 1 proposed row/);
  });

  it('proposes every row when Amazon will not give FNSKUs (getInventorySummaries failing): those cells stay empty, the run says why and is partial', () => {
    const run = createScenarioRun({
      ...scenario,
      faults: [{ system: 'amazon', operation: 'getInventorySummaries', kind: '500', times: 50 }],
      steps: scenario.steps.slice(0, 1),
    });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    expect(run.results[0]!.error).toBeUndefined();
    const [header, ...rows] = run.gas.spreadsheet.toDisplayJson()['SKU Map']!;
    const at = (h: string) => header!.indexOf(h);
    expect(rows).toHaveLength(9);
    const fba = rows.filter((r) => r[at('Channel')] === 'FBA');
    expect(fba.length).toBeGreaterThan(0);
    expect(fba.every((r) => r[at('FNSKU')] === '')).toBe(true);
    const [logHeader, ...log] = run.gas.spreadsheet.toDisplayJson()['Sync Log']!;
    const build = log.find((r) => r[logHeader!.indexOf('Job')] === 'sku-map-build')!;
    expect(build[logHeader!.indexOf('Outcome')]).toBe('partial');
    expect(build[logHeader!.indexOf('Message')]).toMatch(/Added 8 proposed row\(s\).*FBA row\(s\) have no FNSKU: Amazon did not give them \(.*500.*\)/);
  });
});

