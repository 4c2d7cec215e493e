// The scenario families run against Mintsoft (scenarios/*-mintsoft.json: the stories of
// inventory-small, orders-small, fba-replenishment and removals-small with threePl.provider
// "mintsoft"), through the built bundle (`node build.mjs`). What Amazon and Mintsoft end up holding is
// read from the simulators.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun, type ScenarioRun } from '../../world/scenario/runner';

function run(file: string): ScenarioRun {
  const json = JSON.parse(readFileSync(path.resolve('scenarios', file), 'utf8')) as unknown;
  const r = createScenarioRun(json, { baseDir: path.resolve('scenarios') });
  r.scenario.steps.forEach((s, i) => applyStep(r, s, i));
  return r;
}

function tab(r: ScenarioRun, name: string): Array<Record<string, string>> {
  const rows = r.gas.spreadsheet.toDisplayJson()[name] ?? [];
  const [head, ...body] = rows as string[][];
  return body.map((row) => Object.fromEntries(head!.map((h, i) => [h, row[i] ?? ''])));
}

describe('inventory-small-mintsoft', () => {
  const r = run('inventory-small-mintsoft.json');

  it('runs every execution without an error, against Mintsoft only', () => {
    expect(r.results.map((x) => x.record.outcome)).not.toContain('error');
    expect(r.mintsoft).not.toBeNull();
    expect(r.threePl.snapshot().requests).toBe(0);
    // One login for the whole scenario: the 24-hour key is kept between executions.
    expect(r.mintsoft!.counters.auths).toBe(1);
  });

  it('offers Amazon what Mintsoft can pick, summed over bin locations, less the buffer', () => {
    const inv = tab(r, 'Inventory');
    const mug = inv.find((x) => x['Seller SKU'] === 'MUG-1')!;
    // 40 on hand over two bins, nothing allocated, Max Qty 10.
    expect(mug['3PL Fulfillable']).toBe('40');
    expect(mug['Proposed FBM Qty']).toBe('10');
    // 9 on hand, 50% offered, buffer 2: pushed to Amazon and read back.
    const teeL = inv.find((x) => x['Seller SKU'] === 'TEE-L')!;
    expect([teeL['Amazon FBM Qty'], teeL['Push State']]).toEqual(['2', 'applied']);
  });

  it('sells out the SKU Mintsoft emptied, and the undo never puts back more than can be picked', () => {
    const tee = tab(r, 'Inventory').find((x) => x['Seller SKU'] === 'TEE-M')!;
    expect(tee['3PL Fulfillable']).toBe('0');
    expect(tee['Reason']).toMatch(/Mintsoft can pick only 0/);
  });
});

describe('orders-small-mintsoft', () => {
  const r = run('orders-small-mintsoft.json');
  const ms = () => r.mintsoft!.state;

  it('sends each shippable order to Mintsoft once, under its Amazon order id', () => {
    const numbers = ms().orders.map((o) => o.orderNumber).sort();
    expect(numbers).toEqual(['202-1000001-0000001', '202-1000002-0000002', '202-1000003-0000003']);
  });

  it('cancels at Mintsoft the order Amazon cancelled before it was despatched', () => {
    expect(ms().orderByNumber('202-1000002-0000002')!.statusId).toBe(8);
    expect(tab(r, 'Orders').find((o) => o['Amazon Order ID'] === '202-1000002-0000002')!['State']).toBe('cancelled');
  });

  it('confirms each despatch to Amazon exactly once, with the Carrier Map code for Mintsoft\'s courier service', () => {
    const confirmations = r.amazon.state.confirmations;
    expect(confirmations.map((c) => c.orderId).sort()).toEqual(['202-1000001-0000001', '202-1000003-0000003']);
    expect(confirmations.every((c) => c.carrierCode === 'Royal Mail')).toBe(true);
    const rows = tab(r, 'Orders').filter((o) => o['State'] === 'confirmed');
    expect(rows.map((o) => o['Tracking'])).toEqual(rows.map((o) => ms().orderByNumber(o['Amazon Order ID']!)!.trackingNumber));
  });
});

describe('fba-replenishment-mintsoft', () => {
  const r = run('fba-replenishment-mintsoft.json');

  it('sends each ticked FBA shipment once, the FBA shipment id as the OrderNumber, and cancels the one unticked', () => {
    const byNumber = new Map(r.mintsoft!.state.orders.map((o) => [o.orderNumber, o]));
    expect([...byNumber.keys()].sort()).toEqual(['FBA15REPL001', 'FBA15REPL002', 'FBA15REPL003']);
    expect(byNumber.get('FBA15REPL002')!.statusId).toBe(8);
    expect(byNumber.get('FBA15REPL001')!.items.map((i) => [i.sku, i.quantity])).toEqual([['SB-TEE-M', 40], ['SB-MUG-1', 12]]);
  });

  it('ends with the same exceptions as the ShipBob story', () => {
    expect(tab(r, 'Exceptions').map((e) => e['Type']).sort()).toEqual(['FBA_SHIPMENT_DISCREPANCY', 'FBA_SHIPMENT_STUCK']);
  });
});

describe('removals-small-mintsoft', () => {
  const r = run('removals-small-mintsoft.json');

  it('makes one ASN per removal coming back, POReference = the removal order id, tracking numbers in Comments', () => {
    const asns = r.mintsoft!.state.asns;
    expect(asns.map((a) => a.poReference).sort()).toEqual(['RMV-1001', 'RMV-1002', 'RMV-1003']);
    expect(asns.find((a) => a.poReference === 'RMV-1001')!.comments).toMatch(/^Tracking: \S+, \S+/);
  });

  it('reports the short count and the removal that never arrived', () => {
    expect(tab(r, 'Exceptions').filter((e) => e['Status'] === 'Open').map((e) => e['Type']).sort()).toEqual(['REMOVAL_DISCREPANCY', 'REMOVAL_OVERDUE']);
  });
});
