// The Orders status seal (jobs/reads/status-seal.ts), on its own: a time the add-on wrote that a sheet
// gives back moved across a minute (rounded to the second) is not taken for typing, while a time
// typed an hour off is put back and named.

import { describe, expect, it } from 'vitest';
import { putBackStatuses, sealStatuses } from '../../src/jobs/reads/status-seal';
import type { LedgerRow } from '../../src/core/orders/types';
import type { KeyValueStore } from '../../src/ports/store';

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), delete: (k) => void map.delete(k), all: () => Object.fromEntries(map) };
}

const row: LedgerRow = {
  orderId: '202-1000001-0000001', marketplace: 'UK', purchaseDate: Date.parse('2026-11-02T07:30:00Z'), latestShipDate: Date.parse('2026-11-04T23:59:59.999Z'),
  amazonStatus: 'PARTIALLY_SHIPPED', lines: [{ sku: 'TEE-M', quantity: 2 }], threePlOrderId: '100001', threePlStatus: 'Processing', attempts: 1,
  tracking: ['RM1'], carrier: 'Royal Mail', shippedAt: Date.parse('2026-11-02T10:00:00Z'), confirmedAt: Date.parse('2026-11-02T10:05:59.600Z'), state: 'shipped', note: '',
};

describe('the Orders status seal', () => {
  it('takes a written time the sheet gives back rounded across a minute as the add-on\'s', () => {
    const store = memoryStore();
    sealStatuses(store, [row]);
    const rounded = { ...row, latestShipDate: Date.parse('2026-11-05T00:00:00Z'), confirmedAt: Date.parse('2026-11-02T10:06:00Z') };
    expect(putBackStatuses(store, [rounded]).rows).toEqual([rounded]);
  });

  it('puts back a time typed an hour off and names the cell', () => {
    const store = memoryStore();
    sealStatuses(store, [row]);
    const typed = { ...row, latestShipDate: Date.parse('2026-11-05T01:00:00Z') };
    const [back] = putBackStatuses(store, [typed]).rows;
    expect(back!.latestShipDate).toBe(Date.parse('2026-11-04T23:59:00Z'));
    expect(back!.note).toMatch(/^Edit not used: the Latest Ship Date cell of order 202-1000001-0000001 read "2026-11-05 01:00"/);
  });
});
