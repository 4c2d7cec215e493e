// Bench of the FBA replenishment job (issue 15): Amazon and ShipBob calls per FBA shipment over its
// life (listed, sent, shipped, received), next to the minimum the APIs allow, and the spreadsheet
// calls of each run. A world of N confirmed shipments of 2 SKUs in N inbound plans, all ticked.
// Minimums (per phase): listing — listInboundPlans ⌈N/30⌉ pages (pageSize ≤ 30), getInboundPlan,
// getShipment and listShipmentItems once per shipment (v2024 gives the FBA id and the FC address
// only per shipment), getShipments (v0) ⌈N/50⌉; sending — one create-order per shipment (ShipBob
// refuses a duplicate reference_id with 422, so a create alone is safe); tracking — ⌈N/250⌉ get-orders
// pages (ReferenceIds filter, Limit ≤ 250); receiving — one getShipmentItemsByShipmentId per shipment
// (the only read with QuantityReceived). Plus one listInboundPlans and one getShipments per run.
// Run alone: `npx tsx bench/fba-shipments.ts [sizes]`; `npm run bench -- --only fba`.

import { createScenarioRun } from '../test/world/scenario/runner';
import { phaseMeter, type Phase } from './job-phases';

export interface FbaBenchResult {
  shipments: number;
  phases: Phase[];
  perShipment: number;
  minimumPerShipment: number;
}

const id = (i: number) => `FBA15BN${String(i).padStart(5, '0')}`;
const plan = (i: number) => `wf${String(i).padStart(8, '0')}-5a1e-4c0d-9e55-000000000001`;

export function runFbaBench(n: number): FbaBenchResult {
  const scenario = {
    name: `bench-fba-${n}`,
    start: '2026-11-02T06:00:00Z',
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'dry-run', ''], ['3PL locations', '10', '']],
      'SKU Map': [
        ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'],
        ['TEE-FBA', 'UK', 'FBA', 'SB-TEE', 'B0TEE00001', 'X00TEE0001', '', '', '', '', '', ''],
        ['MUG-FBA', 'UK', 'FBA', 'SB-MUG', 'B0MUG00001', 'X00MUG0001', '', '', '', '', '', ''],
      ],
    },
    amazon: {
      marketplace: 'UK',
      sellerId: 'A2SELLER',
      listings: [{ sku: 'TEE-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEE0001' }, { sku: 'MUG-FBA', channel: 'FBA', asin: 'B0MUG00001', fnsku: 'X00MUG0001' }],
      inboundShipments: Array.from({ length: n }, (_, i) => ({ shipmentId: id(i), inboundPlanId: plan(i), status: 'READY_TO_SHIP', destination: 'BHX4', created: '2026-11-01T06:00:00Z', items: [{ sku: 'TEE-FBA', quantityShipped: 2 }, { sku: 'MUG-FBA', quantityShipped: 1 }] })),
      // Calls are counted, not paced.
      behaviour: { rateLimits: { listInboundPlans: { rate: 1000, burst: 1000 }, getInboundPlan: { rate: 1000, burst: 1000 }, getShipment: { rate: 1000, burst: 1000 }, listShipmentItems: { rate: 1000, burst: 1000 }, getShipments: { rate: 1000, burst: 1000 }, getShipmentItemsByShipmentId: { rate: 1000, burst: 1000 } } },
    },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: [{ sku: 'SB-TEE', name: 'Tee' }, { sku: 'SB-MUG', name: 'Mug' }],
      inventory: [{ sku: 'SB-TEE', location: 10, onHand: 3 * n }, { sku: 'SB-MUG', location: 10, onHand: 2 * n }],
      behaviour: { shipAfter: '1h' },
      rateLimitPerMinute: 100_000,
    },
    steps: [],
  };
  const run = createScenarioRun(scenario);
  const { step, measure, phases } = phaseMeter(run, 'fbaShipments');
  step({ run: 'setupSheets' });
  const perRun = 2;
  measure('listed', Math.ceil(n / 30) + 3 * n + Math.ceil(n / 50));
  for (let k = 0; k < n; k++) step({ edit: { tab: 'FBA Shipments', match: { 'FBA Shipment ID': id(k) }, set: { 'Send from 3PL': true } } });
  measure('sent', perRun + n);
  step({ advance: '2h' });
  measure('shipped', perRun + Math.ceil(n / 250));
  for (let k = 0; k < n; k++) {
    step({ world: { system: 'amazon', action: 'receiveInbound', shipmentId: id(k), sku: 'TEE-FBA', quantity: 2 } });
    step({ world: { system: 'amazon', action: 'receiveInbound', shipmentId: id(k), sku: 'MUG-FBA', quantity: 1, status: 'CLOSED' } });
  }
  measure('received', perRun + n);
  measure('quiet', perRun);
  const total = phases.reduce((a, p) => a + p.calls, 0);
  const minimum = phases.reduce((a, p) => a + p.minimum, 0);
  return { shipments: n, phases, perShipment: Math.round((total / n) * 10) / 10, minimumPerShipment: Math.round((minimum / n) * 10) / 10 };
}

export function fbaLines(r: FbaBenchResult): string[] {
  const ops = (m: Record<string, number>) => Object.entries(m).map(([op, k]) => `${op} ${k}`).join(', ') || '—';
  return [
    `${r.shipments} FBA shipments: ${r.perShipment} calls per shipment over its life (minimum ${r.minimumPerShipment})`,
    ...r.phases.map((p) => `  ${p.phase.padEnd(9)} ${String(p.calls).padStart(5)} calls (minimum ${p.minimum}); ${p.spreadsheetCalls} spreadsheet calls; ${p.outcome}; Amazon: ${ops(p.amazon)}; ShipBob: ${ops(p.threePl)}`),
  ];
}

export const DEFAULT_FBA_SIZES = [10, 100];

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : DEFAULT_FBA_SIZES;
  for (const n of sizes) console.log(fbaLines(runFbaBench(n)).join('\n'));
}
