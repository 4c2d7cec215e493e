// The Orders Lines seal (jobs/reads/ledger-seal.ts): a thousand and more unsent orders are all sealed,
// a deleted sealed row is named for the read-back, and typing in rows past the seal's room never
// lowers the units the stock sync counts below what the add-on wrote.

import { describe, expect, it } from 'vitest';
import { readSealedLedger, sealLines } from '../../src/jobs/reads/ledger-seal';
import { newLedgerRow } from '../../src/core/orders/ledger';
import type { AmazonOrderView, LedgerRow } from '../../src/core/orders/types';
import { memoryStore } from '../world/node-ports';

/** `n` unsent orders as the ledger first takes them in (the first one of 50 units, the rest of 1). */
function rows(n: number): LedgerRow[] {
  return Array.from({ length: n }, (_, i) => {
    const quantity = i === 0 ? 50 : 1;
    const order: AmazonOrderView = {
      orderId: `202-${String(i).padStart(7, '0')}-0000001`,
      marketplace: 'UK',
      purchaseDate: Date.UTC(2026, 10, 1) + i * 10_000,
      lastUpdated: Date.UTC(2026, 10, 1) + i * 10_000,
      latestShipDate: null,
      status: 'PENDING',
      fulfilledBy: 'MERCHANT',
      serviceLevel: 'Standard',
      items: [{ orderItemId: `item-${i}`, sku: 'MUG-1', quantity, shipped: 0, unshipped: quantity }],
      packages: [],
    };
    return newLedgerRow(order)!;
  });
}

const overtyped = (all: LedgerRow[], at: number): LedgerRow[] => all.map((r, i) => (i === at ? { ...r, lines: [{ sku: 'MUG-1', quantity: 1 }] } : r));

describe('the Orders Lines seal', () => {
  it('puts back the oldest of 1,001 unsent orders overtyped (past the old room of about 880)', () => {
    const store = memoryStore();
    const all = rows(1001);
    expect(sealLines(store, all)).toBe(0);
    const read = readSealedLedger(store, overtyped(all, 0));
    expect(read.rows[0]!.lines).toEqual([{ sku: 'MUG-1', quantity: 50 }]);
    expect(read.rows[0]!.note).toMatch(/Lines cell of order .* was changed/);
    expect(read.shortfall).toEqual([]);
  });

  it('names a sealed order whose row was deleted, with its lines', () => {
    const store = memoryStore();
    const all = rows(3);
    sealLines(store, all);
    const read = readSealedLedger(store, all.slice(1));
    expect(read.missing).toEqual([[all[0]!.orderId, 'MUG-1 × 50']]);
    // Carried, it stays sealed until read back.
    sealLines(store, all.slice(1), read.missing);
    expect(readSealedLedger(store, all.slice(1)).missing).toEqual(read.missing);
  });

  it('past the room, typing fewer units in a row is a shortfall the stock sync still counts, kept across writes', () => {
    const store = memoryStore();
    const all = rows(12_000);
    const unsealed = sealLines(store, all);
    expect(unsealed).toBeGreaterThan(0);
    // The oldest order is past the room: its cell cannot be put back, but its 49 units are not lost.
    const typed = overtyped(all, 0);
    const read = readSealedLedger(store, typed);
    expect(read.rows[0]!.lines).toEqual([{ sku: 'MUG-1', quantity: 1 }]);
    expect(read.shortfall).toEqual([{ sellerSku: 'MUG-1', quantity: 49, marketplace: 'UK' }]);
    sealLines(store, read.rows, read.missing, read.shortfall);
    expect(readSealedLedger(store, read.rows).shortfall).toEqual(read.shortfall);
    // A deleted row past the room counts too.
    expect(readSealedLedger(store, read.rows.slice(1)).shortfall).toEqual([{ sellerSku: 'MUG-1', quantity: 50, marketplace: 'UK' }]);
  });
});
