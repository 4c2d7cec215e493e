// Bench of the 3PL charges job (issue 16): ShipBob calls per 1,000 charges, next to the minimum the
// API allows, and the spreadsheet calls and modelled time of the import. A world of N shipped
// Amazon orders (in the Orders tab and at ShipBob), each billed one Shipping charge, plus a storage
// fee, invoiced the next day; then "Import 3PL charges now" once, and a second run with nothing new.
// Minimum: get-invoices 1 page (up to 1,000 invoices), get-transactions-by-invoice-id ⌈charges /
// 1,000⌉ pages per invoice (spec 2026-01: PageSize 1–1000), get-orders ⌈orders / 250⌉ pages (spec
// 2026-01 get-orders: Limit up to 250) to learn which order each charged shipment belongs to.
// Run alone: `npx tsx bench/charges.ts [sizes]`; `npm run bench -- --only charges`.

import { createScenarioRun, applyStep } from '../test/world/scenario/runner';
import type { Step } from '../test/world/scenario/schema';

export interface ChargesBenchResult {
  charges: number;
  invoices: number;
  calls: Record<string, number>;
  total: number;
  minimum: number;
  callsPer1000: number;
  secondRunCalls: number;
  spreadsheetCalls: number;
  cellsWritten: number;
  modelledSeconds: number;
  outcome: string;
  matched: number;
}

const ORDERS_HEADER = ['Amazon Order ID', 'Marketplace', 'Purchase Date', 'Latest Ship Date', 'Amazon Status', 'Lines', '3PL Order ID', '3PL Status', 'Attempts', 'Tracking', 'Carrier', 'Shipped At', 'Confirmed At', 'State', 'Note'];

const orderId = (i: number) => `202-${String(1_000_000 + i).padStart(7, '0')}-${String(i).padStart(7, '0')}`;

export function runChargesBench(size: number): ChargesBenchResult {
  const scenario = {
    name: `bench-charges-${size}`,
    start: '2026-11-02T06:00:00Z',
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'dry-run', '']],
      Orders: [ORDERS_HEADER, ...Array.from({ length: size }, (_, i) => [orderId(i), 'UK', '', '', 'UNSHIPPED', 'TEE × 1', '', 'Processing', 1, '', '', '', '', 'sent', ''])],
    },
    amazon: { marketplace: 'UK', sellerId: 'A2SELLER' },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: [{ sku: 'SB-TEE', name: 'Tee' }],
      inventory: [{ sku: 'SB-TEE', location: 10, onHand: size + 10 }],
      orders: Array.from({ length: size }, (_, i) => ({ reference: orderId(i), location: 10, items: [{ sku: 'SB-TEE', quantity: 1 }] })),
      behaviour: { shipAfter: '1h' },
      // Calls are counted, not paced: no 150/min window in the bench's way.
      rateLimitPerMinute: 100_000,
    },
    steps: [],
  };
  const run = createScenarioRun(scenario);
  let i = 0;
  const step = (s: Step) => applyStep(run, s, i++);
  step({ run: 'setupSheets' });
  step({ advance: '2h' });
  step({ world: { system: 'threePl', action: 'charge', fee: 'Warehousing Fee', amount: 120, referenceType: 'FC' } });
  step({ advance: '1d' });
  const before = { ...run.threePl.counters.byOperation };
  step({ run: 'importChargesNow' });
  const first = run.results.at(-1)!;
  const calls: Record<string, number> = {};
  for (const [op, n] of Object.entries(run.threePl.counters.byOperation)) if (n - (before[op] ?? 0) > 0) calls[op] = n - (before[op] ?? 0);
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  const afterFirst = run.threePl.counters.requests;
  step({ run: 'importChargesNow' });
  const secondRunCalls = run.threePl.counters.requests - afterFirst;
  const invoices = run.threePl.state.invoices.length;
  const charges = run.threePl.state.transactions.length;
  const perInvoice = new Map<number, number>();
  for (const t of run.threePl.state.transactions) if (t.invoiceId !== null) perInvoice.set(t.invoiceId, (perInvoice.get(t.invoiceId) ?? 0) + 1);
  const minimum = 1 + [...perInvoice.values()].reduce((n, c) => n + Math.ceil(c / 1000), 0) + Math.ceil(size / 250);
  const grid = run.gas.spreadsheet.toDisplayJson()['3PL Charges'] ?? [];
  const state = (grid[0] ?? []).indexOf('State');
  const rec = first.record;
  return {
    charges,
    invoices,
    calls,
    total,
    minimum,
    callsPer1000: Math.round((total / charges) * 1000 * 10) / 10,
    secondRunCalls,
    spreadsheetCalls: rec.spreadsheetCalls,
    cellsWritten: rec.cellsWritten,
    modelledSeconds: Math.round((rec.modelledMs || rec.virtualMs) / 100) / 10,
    outcome: rec.outcome,
    matched: grid.slice(1).filter((r) => String(r[state] ?? '').startsWith('matched')).length,
  };
}

export function chargesLine(r: ChargesBenchResult): string {
  const ops = Object.entries(r.calls).map(([op, n]) => `${op} ${n}`).join(', ');
  return `${r.charges} charges on ${r.invoices} invoices: ${r.total} ShipBob calls (${ops}); minimum ${r.minimum}; ${r.callsPer1000} per 1,000 charges; a second run with nothing new ${r.secondRunCalls}; ${r.spreadsheetCalls} spreadsheet calls, ${r.cellsWritten} cells written, ${r.modelledSeconds} s modelled; ${r.matched} matched; ${r.outcome}`;
}

export const DEFAULT_CHARGE_SIZES = [1_000, 5_000];

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : DEFAULT_CHARGE_SIZES;
  for (const n of sizes) console.log(chargesLine(runChargesBench(n)));
}
