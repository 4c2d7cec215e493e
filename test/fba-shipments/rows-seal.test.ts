// The FBA rows seal compares what a cell shows: a Shipped time the spreadsheet stores a few hundred
// milliseconds off what was written (a date-time cell is a day fraction) is not a typed-over cell.

import { describe, expect, it } from 'vitest';
import type { FbaRow } from '../../src/core/fba-shipments/types';
import { putBackFromSeal, sealRows } from '../../src/jobs/fba-shipments/rows-seal';
import type { KeyValueStore } from '../../src/ports/store';

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k), all: () => Object.fromEntries(m) };
}

const shipped: FbaRow = {
  shipmentId: 'FBA15AAAA001',
  plan: 'wf1',
  destination: 'BHX4',
  amazonStatus: 'WORKING',
  items: [{ sku: 'TEE-M-FBA', quantity: 20 }],
  send: true,
  threePlOrderId: '100001',
  threePlStatus: 'Fulfilled',
  tracking: ['UP1'],
  shipped: Date.parse('2026-11-02T10:04:59.923Z'),
  received: [],
  state: 'shipped',
  note: '',
};

describe('the FBA rows seal', () => {
  it('a Shipped time stored slightly off is the same time; a changed one is put back and said', () => {
    const store = memoryStore();
    sealRows(store, [shipped]);
    const ids = new Set([shipped.shipmentId]);
    expect(putBackFromSeal(store, [{ ...shipped, shipped: shipped.shipped! + 400 }], ids)[0]!.note).toBe('');
    const typed = putBackFromSeal(store, [{ ...shipped, shipped: shipped.shipped! + 86_400_000 }], ids)[0]!;
    expect(typed.shipped).toBe(shipped.shipped);
    expect(typed.note).toContain('the Shipped cell of FBA shipment FBA15AAAA001 was changed');
  });
});
