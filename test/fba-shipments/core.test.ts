// The flow's pure rules: units committed per 3PL SKU, taken off the 3PL stock lines at the ship-from
// location (or everywhere when it is not known; bundles by whole bundles), and the shipped-vs-received
// comparison with its tolerance.

import { describe, expect, it } from 'vitest';
import { fbaCommittedUnits, fbaShipFromLocation, lessFbaCommitted } from '../../src/core/fba-shipments/committed';
import { itemDifferences } from '../../src/core/fba-shipments/rules';
import { fbaRowFromRecord, fbaRowToRecord } from '../../src/core/fba-shipments/record';
import type { FbaRow } from '../../src/core/fba-shipments/types';
import { validateSkuMap } from '../../src/core/inventory/sku-map';

const HEAD = ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'Active'];
const map = validateSkuMap(
  [
    ['TEE-M', 'UK', 'FBM', 'SB-TEE', ''],
    ['TEE-M-FBA', 'UK', 'FBA', 'SB-TEE', ''],
    ['MUG-FBA', 'UK', 'FBA', 'SB-MUG', ''],
  ].map((r) => Object.fromEntries(HEAD.map((h, i) => [h, r[i]]))),
  { defaultMarketplace: 'UK' },
);

function row(over: Partial<FbaRow>): FbaRow {
  return { shipmentId: 'FBA1', plan: 'wf', destination: 'BHX4', amazonStatus: 'WORKING', items: [], send: true, threePlOrderId: '', threePlStatus: '', tracking: [], shipped: null, received: [], state: 'ready', note: '', ...over };
}

describe('fbaCommittedUnits', () => {
  it('counts ticked shipments the 3PL has not committed yet, by 3PL SKU', () => {
    const rows = [
      row({ shipmentId: 'A', items: [{ sku: 'TEE-M-FBA', quantity: 5 }, { sku: 'MUG-FBA', quantity: 2 }] }),
      row({ shipmentId: 'B', state: 'held', items: [{ sku: 'TEE-M-FBA', quantity: 3 }, { sku: 'UNKNOWN', quantity: 9 }] }),
      row({ shipmentId: 'C', state: 'sent', threePlOrderId: '7', items: [{ sku: 'TEE-M-FBA', quantity: 100 }] }),
      row({ shipmentId: 'D', send: false, state: 'open', items: [{ sku: 'TEE-M-FBA', quantity: 100 }] }),
      row({ shipmentId: 'E', state: 'open', items: [{ sku: 'MUG-FBA', quantity: 1 }] }),
    ];
    expect([...fbaCommittedUnits(rows, 'UK', map)]).toEqual([['SB-TEE', 8], ['SB-MUG', 3]]);
    // Stock walked over several runs: an order created since the walk began may be missing from its
    // figures, so created, unshipped orders (C) come off too; shipped ones never do.
    const shipped = row({ shipmentId: 'F', state: 'shipped', threePlOrderId: '8', items: [{ sku: 'MUG-FBA', quantity: 50 }] });
    expect([...fbaCommittedUnits([...rows, shipped], 'UK', map, true)]).toEqual([['SB-TEE', 108], ['SB-MUG', 3]]);
  });
});

describe('lessFbaCommitted', () => {
  const records = [
    { sku: 'SB-TEE', locationId: 10, onHand: 30, committed: 2, fulfillable: 28 },
    { sku: 'SB-TEE', locationId: 20, onHand: 30, committed: 0 },
    { sku: 'KIT', locationId: 10, onHand: 5, committed: 0, fulfillable: 5, bundleOf: [{ sku: 'SB-TEE', quantity: 2, inactive: false }] },
  ];
  it('moves the units from fulfillable to committed at the ship-from location', () => {
    const out = lessFbaCommitted(records, new Map([['SB-TEE', 5]]), '10');
    expect(out[0]).toMatchObject({ committed: 7, fulfillable: 23 });
    expect(out[1]).toEqual(records[1]);
    // 5 units of a 2-unit component: up to 3 whole bundles fewer.
    expect(out[2]).toMatchObject({ fulfillable: 2 });
  });
  it('takes them off every location when the ship-from location is unknown, never below zero', () => {
    const out = lessFbaCommitted(records, new Map([['SB-TEE', 40]]), null);
    expect(out[0]).toMatchObject({ committed: 30, fulfillable: 0 });
    expect(out[1]).toMatchObject({ committed: 30, fulfillable: 0 });
  });
  it('ship-from location: the Setting, else the one "3PL locations" entry', () => {
    expect(fbaShipFromLocation({ fbaShipFromLocation: ' 20 ', threePlLocations: ['10'] })).toBe('20');
    expect(fbaShipFromLocation({ fbaShipFromLocation: '', threePlLocations: ['10'] })).toBe('10');
    expect(fbaShipFromLocation({ fbaShipFromLocation: '', threePlLocations: ['10', '20'] })).toBeNull();
  });
});

describe('itemDifferences', () => {
  it('names each SKU whose received differs from shipped by more than the tolerance, either way', () => {
    const items = [{ sku: 'A', quantity: 10 }, { sku: 'B', quantity: 5 }, { sku: 'C', quantity: 3 }];
    const received = [{ sku: 'A', quantity: 8 }, { sku: 'B', quantity: 7 }, { sku: 'D', quantity: 1 }, { sku: 'C', quantity: 2 }];
    expect(itemDifferences(items, received, 1)).toEqual([{ sku: 'A', shipped: 10, received: 8 }, { sku: 'B', shipped: 5, received: 7 }]);
    expect(itemDifferences(items, received, 0).map((d) => d.sku)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('a typed FBA State is checked against the row', () => {
  const base = row({ shipmentId: 'FBA15X', send: true, amazonStatus: 'WORKING', items: [{ sku: 'TEE-M-FBA', quantity: 4 }], state: 'ready' });
  const typed = (over: Partial<FbaRow>, state: string) => fbaRowFromRecord({ ...fbaRowToRecord({ ...base, ...over }), State: state })!;

  it('claims of a 3PL order with none, or of a cancel Amazon and the tick contradict, are worked on as the facts show and noted', () => {
    for (const s of ['sent', 'shipped', 'receiving', 'closed', 'amazon-cancelled', 'cancelled']) {
      const r = typed({}, s);
      expect(r.state).toBe('sending');
      expect(r.note).toMatch(new RegExp(`^Edit not used: the State cell of FBA shipment FBA15X was changed to "${s}"`));
    }
    expect(typed({ threePlOrderId: '9' }, 'ready').state).toBe('sent');
    expect(typed({ send: false }, 'sent').state).toBe('open');
  });

  it('a cancel or a shipment the 3PL order does not show is worked on as sent (its status read again, an untick cancels it)', () => {
    const shipped = typed({ threePlOrderId: '9', threePlStatus: 'Processing' }, 'shipped');
    expect(shipped.state).toBe('sent');
    expect(shipped.note).toMatch(/changed to "shipped", but no Tracking and no Shipped time show that the 3PL shipped order 9/);
    const cancelled = typed({ threePlOrderId: '9', threePlStatus: 'Processing', send: false }, 'cancelled');
    expect(cancelled.state).toBe('sent');
    expect(cancelled.note).toMatch(/changed to "cancelled", but the 3PL Status of order 9 is "Processing", not cancelled/);
  });

  it('keeps a word the row agrees with', () => {
    expect(typed({ threePlOrderId: '9', tracking: ['1Z9'] }, 'shipped')).toMatchObject({ state: 'shipped', note: '' });
    expect(typed({ threePlOrderId: '9', threePlStatus: 'Cancelled', send: false }, 'cancelled')).toMatchObject({ state: 'cancelled', note: '' });
    expect(typed({ send: false }, 'cancelled').state).toBe('cancelled');
    expect(typed({ amazonStatus: 'CANCELLED' }, 'cancelled').state).toBe('cancelled');
    expect(typed({}, 'held').state).toBe('held');
  });
});
