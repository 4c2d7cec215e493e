// Guardrails hold the whole push and name the limit (GUARDRAIL_HALT): share of SKUs changing,
// SKUs going to zero, a 3PL stock list much shorter than last time, stock data too old.

import { describe, expect, it } from 'vitest';
import { InventoryRun, manyOffers } from './builder';

/** Ten offers already in step with the 3PL (on hand 20+i, buffer 1 → 19+i on Amazon). */
const inStep = () => manyOffers(10).map((o, i) => ({ ...o, amazonQty: 19 + i }));

function expectHeld(r: InventoryRun, setting: RegExp, pushedBefore: number) {
  const s = r.syncLog().at(-1)!;
  expect(s['Outcome']).toBe('held');
  expect(s['Message']).toMatch(/Held by a guardrail/);
  const halt = r.openExceptions('GUARDRAIL_HALT');
  expect(halt).toHaveLength(1);
  expect(halt[0]!['Message']).toMatch(setting);
  expect(halt[0]!['Message']).toMatch(/Nothing was pushed/);
  expect(r.writes()).toHaveLength(pushedBefore);
  expect(r.tab('Inventory').filter((row) => row['Push State'] === 'held by guardrail').length).toBeGreaterThan(0);
}

describe('guardrails', () => {
  it('share of SKUs changing: holds everything, then pushes once the limit allows and resolves the halt', () => {
    const r = new InventoryRun({ offers: inStep(), settings: { 'Guardrail max share changing': 0.3 } });
    r.sync();
    expect(r.writes()).toHaveLength(0);
    for (const sku of ['SB-SKU-01', 'SB-SKU-02', 'SB-SKU-03', 'SB-SKU-04']) r.setStock(sku, 5);
    r.sync();
    expectHeld(r, /"Guardrail max share changing" \(30%\)/, 0);
    expect(r.openExceptions('GUARDRAIL_HALT')[0]!['Message']).toMatch(/4 of 10 SKUs \(40%\)/);
    // A person raises the limit: the next run pushes all four and the halt resolves.
    r.setting('Guardrail max share changing', 0.5);
    r.sync();
    expect(r.writes().map((w) => `${w.sku}=${w.quantity}`)).toEqual(['SKU-01=4', 'SKU-02=4', 'SKU-03=4', 'SKU-04=4']);
    expect(r.exceptions('GUARDRAIL_HALT')[0]!['Status']).toBe('Resolved');
    r.assertInvariants();
  });

  it('SKUs going to zero', () => {
    const r = new InventoryRun({ offers: inStep(), settings: { 'Guardrail max to zero': 2 } });
    r.sync();
    for (const sku of ['SB-SKU-05', 'SB-SKU-06', 'SB-SKU-07']) r.setStock(sku, 0);
    r.sync();
    expectHeld(r, /3 SKUs would go to zero, more than "Guardrail max to zero" \(2\)/, 0);
    r.assertInvariants();
  });

  it('a 3PL stock list much shorter than the last one', () => {
    const r = new InventoryRun({ offers: inStep() });
    r.sync();
    // ShipBob's list suddenly lacks six of its ten products (an outage answering a partial list).
    for (const sku of ['SB-SKU-05', 'SB-SKU-06', 'SB-SKU-07', 'SB-SKU-08', 'SB-SKU-09', 'SB-SKU-10']) r.run.threePl.state.products.delete(sku);
    r.setStock('SB-SKU-01', 7);
    r.sync();
    expectHeld(r, /4 SKUs, against 10 last time.*"Guardrail min 3PL list share" \(50%\)/, 0);
    r.assertInvariants();
  });

  it('stock data older than "Stock data max age (minutes)" by the time of the push', () => {
    // Amazon answers slowly: reading orders, listings and FBA takes minutes after the 3PL read.
    const r = new InventoryRun({ offers: inStep(), settings: { 'Stock data max age (minutes)': 1 }, amazonBehaviour: { latency: '25s' } });
    r.setStock('SB-SKU-02', 3);
    r.sync();
    expectHeld(r, /"Stock data max age \(minutes\)" \(1\)/, 0);
    r.assertInvariants();
  });

  it('never holds a run with nothing to push', () => {
    const r = new InventoryRun({ offers: inStep(), settings: { 'Guardrail max share changing': 0.01 } });
    r.sync();
    expect(r.syncLog().at(-1)!['Outcome']).toBe('ok');
    expect(r.exceptions('GUARDRAIL_HALT')).toEqual([]);
    r.assertInvariants();
  });
});
