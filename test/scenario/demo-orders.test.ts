// The demo's day of orders (scenarios/generate-demo.ts): the Orders tab fills up as the schedule
// runs, and each special order ends as its story says — paid late yet sent, cancelled at ShipBob
// before it shipped, held for an unmapped SKU, confirmed to Amazon in two parcels.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

const file = path.resolve('scenarios/demo-uk-brand.json');
const scenario = JSON.parse(readFileSync(file, 'utf8')) as { steps: Array<Record<string, unknown>> };
const run = createScenarioRun(scenario, { baseDir: path.dirname(file) });
const states: string[][] = [];
run.scenario.steps.forEach((s, i) => {
  applyStep(run, s, i);
  // The ledger as a person would see it after each scheduled run.
  if ('trigger' in s) states.push(ordersColumn('State'));
});

function ordersColumn(header: string): string[] {
  const tab = (run.gas.spreadsheet.toDisplayJson() as Record<string, string[][]>)['Orders'] ?? [[]];
  const i = tab[0]!.indexOf(header);
  return tab.slice(1).map((r) => r[i] ?? '');
}

function rowOf(orderId: string): Record<string, string> {
  const tab = (run.gas.spreadsheet.toDisplayJson() as Record<string, string[][]>)['Orders']!;
  const row = tab.find((r) => r[0] === orderId);
  if (!row) throw new Error(`${orderId} is not in the Orders tab`);
  return Object.fromEntries(tab[0]!.map((h, i) => [h, row[i] ?? '']));
}

const worldSteps = scenario.steps.filter((s) => 'world' in s).map((s) => s.world as { action: string; orderId?: string; reference?: string; order?: { orderId: string; status?: string; items: Array<{ sku: string }> } });
const placed = worldSteps.filter((w) => w.action === 'newOrder').map((w) => w.order!);

describe('the demo day of orders', () => {
  it('places 20 to 40 orders during the day', () => {
    expect(placed.length).toBeGreaterThanOrEqual(20);
    expect(placed.length).toBeLessThanOrEqual(40);
  });

  it('fills the Orders tab run by run and ends with most orders confirmed', () => {
    const sizes = states.map((s) => s.length);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(sizes[0]!);
    const final = ordersColumn('State');
    expect(final.length).toBe(placed.length + 6);
    expect(final.filter((s) => s === 'confirmed').length / final.length).toBeGreaterThan(0.8);
  });

  it('waits for payment, then sends the order', () => {
    const pending = placed.find((o) => o.status === 'PENDING')!;
    expect(states.some((s) => s.includes('pending'))).toBe(true);
    expect(rowOf(pending.orderId)['3PL Order ID']).not.toBe('');
  });

  it('cancels at ShipBob the order the buyer cancelled before it shipped', () => {
    const id = worldSteps.find((w) => w.action === 'cancelOrder')!.orderId!;
    expect(rowOf(id)['State']).toBe('cancelled');
    const at3pl = run.threePl.state.orders.find((o) => o.referenceId === id)!;
    expect(at3pl.status).toBe('Cancelled');
    expect(run.amazon.state.confirmations.some((c) => c.orderId === id)).toBe(false);
  });

  it('holds the order naming an unmapped SKU, sends nothing for it and raises ORDER_HELD', () => {
    const held = placed.find((o) => o.items.some((i) => i.sku === 'HT-TOTE-CANVAS'))!;
    expect(rowOf(held.orderId)['State']).toBe('held');
    expect(run.threePl.state.orders.some((o) => o.referenceId === held.orderId)).toBe(false);
    const exceptions = (run.gas.spreadsheet.toDisplayJson() as Record<string, string[][]>)['Exceptions']!;
    expect(exceptions.some((r) => r[0] === `ORDER_HELD:${held.orderId}` && r.includes('Open'))).toBe(true);
  });

  it('confirms the order shipped in two parts as two packages covering every unit', () => {
    const id = worldSteps.find((w) => w.action === 'ship')!.reference!;
    const order = run.amazon.state.orders.get(id)!;
    expect(order.packages.length).toBe(2);
    expect(order.status).toBe('SHIPPED');
    expect(rowOf(id)['State']).toBe('confirmed');
  });
});
