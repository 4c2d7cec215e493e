// Bench of the removals job (issue 15): Amazon and ShipBob calls per removal over its life (read
// from Amazon's reports, receipt made at ShipBob, counted), next to the minimum the APIs allow, and
// the spreadsheet calls of each run. A world of N return removals of 1 SKU, each shipped in 1 box.
// Runs are "Sync removals now" an hour apart, so each asks for its own set of reports and waits for
// it in the run (the schedule instead asks at most hourly and reads the set in its next run).
// Minimums: Amazon — per run, 3 createReport + 3 getReport + one getReportDocument per report with
// data (a report without data ends CANCELLED, with no document: here the customer-returns one),
// whatever N (removals come in reports, never one call per removal); waiting costs one more
// getReport per 15-second round. ShipBob — per removal, one lookup by
// PurchaseOrderNumbers before the create (WROs have no duplicate check, spec 2026-01 Receiving.*,
// so exactly-once needs it) and one create-warehouse-receiving-order; then once the boxes are
// counted, ⌈N/100⌉ get-multiple-warehouse-receiving-orders calls (IDs takes a comma-separated list;
// 100 ids keep the URL inside Apps Script's 2 KB URL Fetch limit); once per run that sends, the
// locations (unless set in Settings) and the product ids (get-products); every 6 hours one
// search-transactions for unidentified parcels (REMOVAL_UNIDENTIFIED).
// Run alone: `npx tsx bench/removals.ts [sizes]`; `npm run bench -- --only removals`.

import { createScenarioRun } from '../test/world/scenario/runner';
import { phaseMeter, type Phase } from './job-phases';

export interface RemovalsBenchResult {
  removals: number;
  phases: Phase[];
  perRemoval: number;
  minimumPerRemoval: number;
}

const id = (i: number) => `RMV-BN${String(i).padStart(5, '0')}`;

export function runRemovalsBench(n: number): RemovalsBenchResult {
  const scenario = {
    name: `bench-removals-${n}`,
    start: '2026-11-02T06:00:00Z',
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'dry-run', '']],
      'SKU Map': [
        ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'],
        ['TEE-FBA', 'UK', 'FBA', 'SB-TEE', 'B0TEE00001', 'X00TEE0001', '', '', '', '', '', ''],
      ],
    },
    amazon: {
      marketplace: 'UK',
      sellerId: 'A2SELLER',
      listings: [{ sku: 'TEE-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEE0001' }],
      removalOrders: Array.from({ length: n }, (_, i) => ({
        orderId: id(i),
        requestDate: '2026-10-30T06:00:00Z',
        lines: [{ sku: 'TEE-FBA', requested: 2 }],
        shipments: [{ shipmentDate: '2026-11-01T06:00:00Z', sku: 'TEE-FBA', quantity: 2, carrier: 'Royal Mail', trackingNumber: `RM${String(i).padStart(9, '0')}GB` }],
      })),
      // Calls are counted, not paced.
      behaviour: { rateLimits: { createReport: { rate: 1000, burst: 1000 }, getReport: { rate: 1000, burst: 1000 }, getReportDocument: { rate: 1000, burst: 1000 } } },
    },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: [{ sku: 'SB-TEE', name: 'Tee' }],
      inventory: [{ sku: 'SB-TEE', location: 10, onHand: 5 }],
      rateLimitPerMinute: 100_000,
      latencyMs: 50,
    },
    steps: [],
  };
  const run = createScenarioRun(scenario);
  const { step, measure, phases } = phaseMeter(run, 'removals');
  step({ run: 'setupSheets' });
  const reportsRun = 3 + 3 + 2;
  // Reports, receipts (lookup + create each), locations, product ids, URO read.
  measure('sent', reportsRun + 2 * n + 1 + 1 + 1);
  step({ advance: '1h' });
  measure('quiet', reportsRun);
  for (let k = 0; k < n; k++) step({ world: { system: 'threePl', action: 'receive', reference: id(k) } });
  step({ advance: '3h' });
  measure('counted', reportsRun + Math.ceil(n / 100));
  step({ advance: '1h' });
  measure('closed', reportsRun);
  const total = phases.reduce((a, p) => a + p.calls, 0);
  const minimum = phases.reduce((a, p) => a + p.minimum, 0);
  return { removals: n, phases, perRemoval: Math.round((total / n) * 10) / 10, minimumPerRemoval: Math.round((minimum / n) * 10) / 10 };
}

export function removalsLines(r: RemovalsBenchResult): string[] {
  const ops = (m: Record<string, number>) => Object.entries(m).map(([op, k]) => `${op} ${k}`).join(', ') || '—';
  return [
    `${r.removals} removals: ${r.perRemoval} calls per removal over its life (minimum ${r.minimumPerRemoval})`,
    ...r.phases.map((p) => `  ${p.phase.padEnd(8)} ${String(p.calls).padStart(5)} calls (minimum ${p.minimum}); ${p.spreadsheetCalls} spreadsheet calls; ${p.outcome}; Amazon: ${ops(p.amazon)}; ShipBob: ${ops(p.threePl)}`),
  ];
}

export const DEFAULT_REMOVAL_SIZES = [10, 100];

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : DEFAULT_REMOVAL_SIZES;
  for (const n of sizes) console.log(removalsLines(runRemovalsBench(n)).join('\n'));
}
