// The removals seal (jobs/removals/id-seal.ts, core/removals/typed-ids.ts) on a tab larger than its
// room: a row past the room is not a typed one. A person deleting one sealed row used to make every
// row past the room look typed over, and the removals run stopped until they were "typed back" (they
// never could be: nothing was typed), so no receipt was made again.

import { describe, expect, it } from 'vitest';
import { checkTypedIds } from '../../src/core/removals/typed-ids';
import type { RemovalRow } from '../../src/core/removals/types';
import { readIdSeal, sealIds } from '../../src/jobs/removals/id-seal';
import type { KeyValueStore } from '../../src/ports/store';

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k) ?? null, set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k), all: () => Object.fromEntries(m) };
}

const row = (i: number): RemovalRow => ({
  orderId: `RMV-${String(i).padStart(5, '0')}`,
  type: 'Return',
  sku: 'TEE-M-FBA',
  fnsku: 'X00TEEM001',
  disposition: 'Sellable',
  requested: 2,
  shipped: 2,
  disposed: 0,
  carrier: 'Royal Mail',
  tracking: [`RM${String(i).padStart(9, '0')}GB`],
  lpns: [],
  receipt: String(1000 + i),
  expected: 2,
  received: null,
  state: 'expected',
});

describe('the removals seal past its room', () => {
  it('says it is complete only when it holds every row', () => {
    const small = memoryStore();
    sealIds(small, [row(1), row(2)]);
    expect(readIdSeal(small).complete).toBe(true);
    const large = memoryStore();
    const rows = Array.from({ length: 1500 }, (_, i) => row(i + 1));
    sealIds(large, rows);
    const read = readIdSeal(large);
    expect(read.sealed.size).toBeGreaterThan(0);
    expect(read.sealed.size).toBeLessThan(rows.length);
    expect(read.complete).toBe(false);
  });

  it('a row deleted from a tab past the room does not make the unsealed rows typed over', () => {
    const store = memoryStore();
    const rows = Array.from({ length: 1500 }, (_, i) => row(i + 1));
    sealIds(store, rows);
    const { sealed, complete } = readIdSeal(store);
    const sealedIds = [...sealed.keys()];
    const deleted = sealedIds[0]!;
    const left = rows.filter((r) => `${r.orderId} ${r.sku}` !== deleted);
    const check = checkTypedIds(sealed, left, left.map((_, i) => i + 2), complete);
    expect(check.unknown).toEqual([]);
    expect(check.putBack).toEqual([]);
  });

  it('with every row sealed, a row the seal does not know next to a deleted one is still named', () => {
    const store = memoryStore();
    sealIds(store, [row(1), row(2)]);
    const { sealed, complete } = readIdSeal(store);
    const typed = { ...row(1), orderId: 'RMV-TYPED', tracking: ['OTHER'] };
    expect(checkTypedIds(sealed, [typed, row(2)], [2, 3], complete).unknown.map((u) => u.row.orderId)).toEqual(['RMV-TYPED']);
  });
});
