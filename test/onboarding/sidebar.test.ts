/// <reference lib="dom" />
// The sidebar's "Build SKU Map from Amazon and 3PL" button in Chromium: one call to buildSkuMap,
// its Sync Log words shown, the proposed rows in the SKU Map (scenarios/onboarding-catalogue.json).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../ui/browser';
import type { Harness } from '../ui/browser';
import { createScenarioRun } from '../world/scenario/runner';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Build SKU Map from the sidebar', () => {
  it('runs the builder once and says what it added', async () => {
    const scenario = JSON.parse(readFileSync(path.resolve('scenarios/onboarding-catalogue.json'), 'utf8')) as { steps: unknown[] };
    const run = createScenarioRun({ ...scenario, steps: [] });
    const s = await h.open(run);
    await s.page.click('#build-sku-map');
    await s.settled();
    expect(s.calls.filter((c) => c === 'buildSkuMap')).toHaveLength(1);
    expect(await s.page.textContent('#notice-lines')).toMatch(/SKU Map build: ok — Read 9 Amazon offer\(s\).*Added 8 proposed row\(s\)/);
    const skuMap = run.gas.spreadsheet.toDisplayJson()['SKU Map']!;
    expect(skuMap).toHaveLength(10);
    await s.page.close();
  });
});
