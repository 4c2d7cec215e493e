// The seal of cells people must not drive (jobs/kit/cell-seal.ts): chunked under Apps Script's
// property limit, rows too large or past the room left unsealed, a failed write leaving no seal.

import { describe, expect, it } from 'vitest';
import { readSeal, SEAL_STORE_CEILING_BYTES, writeSeal } from '../../src/jobs/kit/cell-seal';
import type { KeyValueStore } from '../../src/ports/store';

function memoryStore(failOn?: string): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => {
      if (k === failOn) throw new Error('Quota');
      map.set(k, v);
    },
    delete: (k) => void map.delete(k),
    all: () => Object.fromEntries(map),
  };
}

describe('cell seal', () => {
  it('round-trips in chunks under the property limit and drops chunks no longer needed', () => {
    const store = memoryStore();
    const entries = Array.from({ length: 300 }, (_, i) => [`202-${String(i).padStart(7, '0')}-0000001`, `TEE-M × ${i}\nMUG-1 × 1`] as const);
    writeSeal(store, 's', entries);
    expect(store.map.size).toBeGreaterThan(1);
    for (const v of store.map.values()) expect(new TextEncoder().encode(v).length).toBeLessThan(9000);
    expect(readSeal(store, 's')).toEqual(new Map(entries));
    writeSeal(store, 's', entries.slice(0, 2));
    expect(store.map.size).toBe(1);
    expect(readSeal(store, 's').size).toBe(2);
  });

  it('leaves a row too large for a chunk unsealed, and clears the seal when a write is refused', () => {
    const store = memoryStore();
    writeSeal(store, 's', [['big', 'X × 1\n'.repeat(2000)], ['small', 'A × 1']]);
    expect([...readSeal(store, 's').keys()]).toEqual(['small']);
    const failing = memoryStore('s.1');
    writeSeal(failing, 's', Array.from({ length: 300 }, (_, i) => [`id-${i}`, `SKU-LONG-NAME × ${i}\nOTHER × 3`] as const));
    expect(readSeal(failing, 's').size).toBe(0);
  });
});

describe('cell seal room', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `202-${String(i).padStart(7, '0')}-0000001`);

  it('holds thousands of one-line rows in 16 chunks, each under 9 KB, and names the rows past its room', () => {
    const store = memoryStore();
    const entries = ids(3500).map((k, i) => [k, `MUG-${i % 40} × ${1 + (i % 3)}`] as const);
    expect(writeSeal(store, 's', entries, 16)).toEqual([]);
    expect(store.map.size).toBeLessThanOrEqual(16);
    for (const v of store.map.values()) expect(new TextEncoder().encode(v).length).toBeLessThan(9000);
    expect(readSeal(store, 's', 16)).toEqual(new Map(entries));
    const past = writeSeal(store, 's', ids(9000).map((k) => [k, 'MUG-1 × 1'] as const), 16);
    expect(past.length).toBeGreaterThan(0);
    expect(readSeal(store, 's', 16).size + past.length).toBe(9000);
  });

  it('still reads a seal written as plain {id: value} chunks', () => {
    const store = memoryStore();
    store.set('s.0', JSON.stringify({ a: 'X × 1' }));
    store.set('s.1', JSON.stringify({ b: 'Y × 2' }));
    expect(readSeal(store, 's')).toEqual(new Map([['a', 'X × 1'], ['b', 'Y × 2']]));
  });
});

describe('cell seal and the rest of the store', () => {
  it('leaves the store room for the cursors and plans other jobs write: rows past that room are named, never a quota error', () => {
    const store = memoryStore();
    // Other properties near the store's 500 KB: 49 values of 8,000 bytes (392,000 bytes).
    for (let i = 0; i < 49; i++) store.set(`other.${i}`, 'x'.repeat(8000));
    const entries = Array.from({ length: 2000 }, (_, i) => [`202-${String(i).padStart(7, '0')}-0000001`, `MUG-${i} × 1`] as const);
    const past = writeSeal(store, 's', entries, 16);
    const bytes = Object.entries(store.all()).reduce((n, [k, v]) => n + new TextEncoder().encode(k + v).length, 0);
    expect(bytes).toBeLessThanOrEqual(SEAL_STORE_CEILING_BYTES);
    expect(past.length).toBeGreaterThan(0);
    expect(readSeal(store, "s", 16).size + past.length).toBe(2000);
    // Its own chunks do not count against it: written again, the seal keeps the room it had.
    expect(writeSeal(store, 's', entries, 16)).toEqual(past);
    // With the others gone, the whole seal fits again.
    for (let i = 0; i < 49; i++) store.delete(`other.${i}`);
    expect(writeSeal(store, 's', entries, 16)).toEqual([]);
  });
});
