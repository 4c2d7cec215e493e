// `npx tsx bench/threepl-calls.ts [--skus 1000,5000] [--orders 100]` (after `node build.mjs`): 3PL calls
// per stock sync and per order, Mintsoft next to ShipBob, on the same generated worlds run through the
// built bundle in the local world. Prints a table; docs/benchmarks-mintsoft.md explains it.

import { applyStep, createScenarioRun, type ScenarioRun } from '../test/world/scenario/runner';

const MIN = 60_000;

function arg(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1]!.split(',').map(Number);
}

type Provider = 'shipbob' | 'mintsoft';

function threePlSection(provider: Provider, skus: string[], opts: { shipAfter?: string }): Record<string, unknown> {
  const products = skus.map((s) => ({ sku: `TP-${s}`, name: s }));
  return provider === 'shipbob'
    ? { provider, locations: [{ id: 10, name: 'Manchester' }], products, inventory: skus.map((s) => ({ sku: `TP-${s}`, location: 10, onHand: 500, committed: 0 })), behaviour: { ...(opts.shipAfter ? { shipAfter: opts.shipAfter } : {}), carrier: 'Royal Mail', service: 'Tracked 48' } }
    : { provider, warehouses: [{ id: 10, name: 'Manchester' }], products, inventory: skus.map((s) => ({ sku: `TP-${s}`, warehouse: 10, onHand: 500, bins: 2 })), behaviour: { ...(opts.shipAfter ? { despatchAfter: opts.shipAfter } : {}), courier: 'Royal Mail', service: 'Tracked 48' } };
}

function world(provider: Provider, skuCount: number, orders: number): ScenarioRun {
  const skus = Array.from({ length: skuCount }, (_, i) => `SKU-${String(i + 1).padStart(6, '0')}`);
  const asin = (i: number) => `B0${String(i).padStart(8, '0')}`;
  return createScenarioRun({
    name: `bench-${provider}`,
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'dry-run', ''], ...(provider === 'mintsoft' ? [['3PL provider', 'mintsoft', ''], ['3PL locations', '10', '']] : [])],
      'SKU Map': [['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'], ...skus.map((s, i) => [s, 'UK', 'FBM', `TP-${s}`, asin(i), '', 0, '', '', '', '', ''])],
      'Carrier Map': [['3PL Carrier', '3PL Service', 'Carrier Code', 'Carrier Name', 'Shipping Method', 'Notes'], [provider === 'mintsoft' ? 'Royal Mail Tracked 48' : 'Royal Mail', '', 'Royal Mail', '', 'Tracked 48', '']],
    },
    amazon: {
      sellerId: 'A2SELLER',
      listings: skus.map((s, i) => ({ sku: s, channel: 'FBM', asin: asin(i), quantity: 5 })),
      orders: Array.from({ length: orders }, (_, i) => ({ orderId: `202-${String(1000000 + i)}-${String(2000000 + i)}`, created: '2026-11-02T07:00:00Z', status: 'UNSHIPPED', latestShipDate: '2026-11-04T23:00:00Z', items: [{ sku: skus[i % skus.length]!, quantity: 1 }] })),
    },
    threePl: threePlSection(provider, skus, { shipAfter: '1h' }),
    steps: [],
  });
}

/** 3PL calls of the executions from `from` on (the world counts fetches per host). */
function threePlCalls(run: ScenarioRun, from: number): number {
  return run.world.executions.slice(from).reduce((n, e) => n + Object.entries(e.fetches).filter(([h]) => /shipbob|mintsoft/.test(h)).reduce((m, [, c]) => m + c, 0), 0);
}

function step(run: ScenarioRun, s: Parameters<typeof applyStep>[1]): void {
  applyStep(run, s, 0);
}

function stockSync(provider: Provider, skus: number): { first: number; next: number } {
  const run = world(provider, skus, 0);
  step(run, { run: 'setupSheets' });
  let from = run.world.executions.length;
  step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
  const first = threePlCalls(run, from);
  step(run, { advance: '30m' });
  from = run.world.executions.length;
  step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
  return { first, next: threePlCalls(run, from) };
}

function ordersFlow(provider: Provider, orders: number): { send: number; confirm: number; perOrder: number } {
  const run = world(provider, 50, orders);
  step(run, { run: 'setupSheets' });
  let from = run.world.executions.length;
  step(run, { run: 'syncNow', args: ['orders'], as: 'sidebar' });
  let send = threePlCalls(run, from);
  // Runs until every order is at the 3PL (a run may stop at its time budget).
  for (let i = 0; i < 5 && run.world.executions.length; i++) {
    from = run.world.executions.length;
    step(run, { advance: '5m' });
    step(run, { run: 'syncNow', args: ['orders'], as: 'sidebar' });
    send += threePlCalls(run, from);
  }
  step(run, { advance: `${90 * MIN}ms` });
  let confirm = 0;
  for (let i = 0; i < 3; i++) {
    from = run.world.executions.length;
    step(run, { run: 'syncNow', args: ['orders'], as: 'sidebar' });
    confirm += threePlCalls(run, from);
    step(run, { advance: '10m' });
  }
  const confirmed = run.amazon.state.confirmations.length;
  if (confirmed !== orders) console.error(`${provider}: ${confirmed} of ${orders} orders confirmed`);
  return { send, confirm, perOrder: Math.round(((send + confirm) / orders) * 100) / 100 };
}

const rows: string[][] = [['what', 'ShipBob calls', 'Mintsoft calls']];
for (const n of arg('skus', [1000])) {
  const sb = stockSync('shipbob', n);
  const ms = stockSync('mintsoft', n);
  rows.push([`stock sync, ${n} SKUs (first run)`, String(sb.first), String(ms.first)]);
  rows.push([`stock sync, ${n} SKUs (next run)`, String(sb.next), String(ms.next)]);
}
for (const n of arg('orders', [100])) {
  const sb = ordersFlow('shipbob', n);
  const ms = ordersFlow('mintsoft', n);
  rows.push([`orders: send ${n} orders (all runs)`, String(sb.send), String(ms.send)]);
  rows.push([`orders: confirm ${n} despatches (3 runs)`, String(sb.confirm), String(ms.confirm)]);
  rows.push(['orders: 3PL calls per order', String(sb.perOrder), String(ms.perOrder)]);
}
const width = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((v, c) => (c ? v.padStart(width[c]!) : v.padEnd(width[c]!))).join('  '));
