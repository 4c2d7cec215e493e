// What the add-on last wrote in tab cells that people may read but must never drive (the Orders
// tab's Lines, the FBA Shipments tab's Items), kept in document properties by row id. A cell that no
// longer holds it was changed by someone: the value is put back from here without asking Amazon, so
// even the stock sync, which reads those cells and asks Amazon for nothing, never counts typed units.

import type { KeyValueStore } from '../../ports/store';

/** Apps Script refuses a property over 9 KB (UTF-8; "×" takes two bytes): chunks stay well under. */
const CHUNK_CHARS = 4000;
/** At most this many chunks (about 700 rows of a few lines each): rows past it go unsealed, their cell trusted. */
const MAX_CHUNKS = 8;

function chunkKey(prefix: string, i: number): string {
  return `${prefix}.${i}`;
}

export function readSeal(store: KeyValueStore, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const raw = store.get(chunkKey(prefix, i));
    if (raw === null) break;
    try {
      const v = JSON.parse(raw) as unknown;
      if (v && typeof v === 'object') for (const [k, s] of Object.entries(v as Record<string, unknown>)) if (typeof s === 'string') out.set(k, s);
    } catch {
      // A chunk that cannot be read only leaves its rows unsealed (their cells trusted) until the next write.
    }
  }
  return out;
}

/** Writes `entries` (the most important first: those past the room are left out) where they changed. */
export function writeSeal(store: KeyValueStore, prefix: string, entries: ReadonlyArray<readonly [string, string]>): void {
  const chunks: string[] = [];
  let current: Record<string, string> = {};
  let size = 2;
  for (const [k, v] of entries) {
    const add = JSON.stringify(k).length + JSON.stringify(v).length + 2;
    // One row too large for a chunk stays unsealed: its cell is trusted.
    if (add > CHUNK_CHARS - 2) continue;
    if (size + add > CHUNK_CHARS) {
      chunks.push(JSON.stringify(current));
      if (chunks.length === MAX_CHUNKS) break;
      current = {};
      size = 2;
    }
    current[k] = v;
    size += add;
  }
  if (chunks.length < MAX_CHUNKS && Object.keys(current).length) chunks.push(JSON.stringify(current));
  try {
    for (let i = 0; i < MAX_CHUNKS; i++) {
      const key = chunkKey(prefix, i);
      const was = store.get(key);
      if (i < chunks.length) {
        if (was !== chunks[i]) store.set(key, chunks[i]!);
      } else if (was !== null) store.delete(key);
      else break;
    }
  } catch {
    // A seal half written would put back values the add-on no longer holds: none at all trusts the cells instead.
    clearSeal(store, prefix);
  }
}

function clearSeal(store: KeyValueStore, prefix: string): void {
  for (let i = 0; i < MAX_CHUNKS; i++) {
    try {
      store.delete(chunkKey(prefix, i));
    } catch {
      // Nothing more can be done this run; the next write tries again.
    }
  }
}
