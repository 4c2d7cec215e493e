// The SKU Map builder end to end in the local world at 10,000 listings and 10,000 ShipBob products:
// the bundle's buildSkuMap in the Apps Script fakes (cost model), Amazon's All Listings report,
// ShipBob's product pages, FNSKUs for the FBA rows, one append to the SKU Map. Says whether it fits
// one execution (Apps Script stops one at 6 minutes; the add-on's budget is 4.5) and what it cost.
// Called by bench/onboarding.ts.

import { applyStep, createScenarioRun } from '../test/world/scenario/runner';
import { benchCatalogue } from './onboarding-gen';

export interface OnboardingE2e {
  listings: number;
  products: number;
  virtualMs: number;
  cpuMs: number;
  spreadsheetCalls: number;
  fetches: number;
  rows: number;
  outcome: string;
  message: string;
}

export function runOnboardingE2e(listings = 10_000, products = 10_000): OnboardingE2e {
  const { offers, catalogue } = benchCatalogue(listings, products);
  const fba = offers.filter((o) => o.channel === 'FBA');
  const scenario = {
    name: 'bench-onboarding',
    sheet: { Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', '']] },
    amazon: {
      sellerId: 'A2SELLER',
      listings: offers.map((o, i) => ({
        sku: o.sellerSku,
        channel: o.channel,
        asin: o.asin,
        ...(o.channel === 'FBA' ? { fnsku: `X00${String(i).padStart(7, '0')}` } : { quantity: 0 }),
        title: o.title,
        ...(o.productIds[0] && o.productIds[0].type !== 'ASIN' ? { productId: { type: o.productIds[0].type, value: o.productIds[0].value } } : {}),
      })),
      fbaInventory: fba.map((o) => ({ sku: o.sellerSku, fulfillable: 1 })),
    },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: catalogue.map((p) => ({ sku: p.sku, name: p.name, gtin: p.barcodes[0] })),
      inventory: [],
    },
    steps: [{ run: 'buildSkuMap' }],
  };
  // Listing SKUs repeat when two bench listings normalise to one product: the simulator wants one listing per SKU.
  const seen = new Set<string>();
  scenario.amazon.listings = scenario.amazon.listings.filter((l) => (seen.has(l.sku) ? false : (seen.add(l.sku), true)));
  const kept = new Set(scenario.amazon.listings.map((l) => l.sku));
  scenario.amazon.fbaInventory = scenario.amazon.fbaInventory.filter((f) => kept.has(f.sku) && scenario.amazon.listings.find((l) => l.sku === f.sku)?.channel === 'FBA');
  const run = createScenarioRun(scenario);
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  const rec = run.results[0]!.record;
  const log = run.gas.spreadsheet.toDisplayJson()['Sync Log'] ?? [];
  const header = log[0] ?? [];
  const last = log[log.length - 1] ?? [];
  const cell = (h: string) => last[header.indexOf(h)] ?? '';
  return {
    listings: scenario.amazon.listings.length,
    products,
    virtualMs: rec.virtualMs,
    cpuMs: rec.cpuMs,
    spreadsheetCalls: rec.spreadsheetCalls,
    fetches: Object.values(rec.fetches).reduce((a, b) => a + b, 0),
    rows: (run.gas.spreadsheet.toDisplayJson()['SKU Map']?.length ?? 1) - 1,
    outcome: cell('Outcome'),
    message: cell('Message'),
  };
}

