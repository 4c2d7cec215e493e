// What the add-on last wrote in tab cells that people may read but must never drive (the Orders
// tab's Lines, the FBA Shipments tab's Items), kept in document properties by row id. A cell that no
// longer holds it was changed by someone: the value is put back from here without asking Amazon, so
// even the stock sync, which reads those cells and asks Amazon for nothing, never counts typed units.

import type { KeyValueStore } from '../../ports/store';

/** Apps Script refuses a property value over 9 KB (UTF-8 bytes): chunks stay under it with room. */
const CHUNK_BYTES = 8000;
/** Chunks a seal may take unless its caller says otherwise (the store holds 500 KB in all). */
const DEFAULT_MAX_CHUNKS = 4;
/**
 * The most the document properties may hold once a seal is written. Apps Script refuses any write
 * past 500 KB a store (apps-script.md §2.4, "You have exceeded the property storage quota"), and the
 * seals together may ask for about 320 KB: the last 64 KB stay free for what a run cannot do
 * without (cursors, a push in progress, an approved plan), so a seal gives up rows, named as past
 * its room, rather than make those writes fail.
 */
export const SEAL_STORE_CEILING_BYTES = (500 - 64) * 1024;

function chunkKey(prefix: string, i: number): string {
  return `${prefix}.${i}`;
}

/** UTF-8 bytes of a string ("×" takes two): what Apps Script measures its limits in. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/**
 * A chunk is {"v": [values], "k": {id: index}}: rows share their value (most orders are one line
 * of a few SKUs), so a row costs its id and an index, and a seal holds thousands of rows.
 * Chunks written before this (a plain {id: value}) are still read.
 */
interface Chunk {
  v: string[];
  k: Record<string, number>;
}

export function readSeal(store: KeyValueStore, prefix: string, maxChunks = DEFAULT_MAX_CHUNKS): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < Math.max(maxChunks, 8); i++) {
    const raw = store.get(chunkKey(prefix, i));
    if (raw === null) break;
    try {
      const v = JSON.parse(raw) as unknown;
      if (!v || typeof v !== 'object') continue;
      const c = v as Partial<Chunk>;
      if (Array.isArray(c.v) && c.k && typeof c.k === 'object') {
        for (const [k, at] of Object.entries(c.k)) if (typeof at === 'number' && typeof c.v[at] === 'string') out.set(k, c.v[at]);
      } else for (const [k, s] of Object.entries(v as Record<string, unknown>)) if (typeof s === 'string') out.set(k, s);
    } catch {
      // A chunk that cannot be read only leaves its rows unsealed (their cells trusted) until the next write.
    }
  }
  return out;
}

/**
 * The rows with each sealed cell that no longer holds what the add-on wrote put back by `putBack`
 * (given the sealed text); rows the seal does not hold, or whose cell still matches, are kept as read.
 */
export function putBackSealed<R>(seal: ReadonlyMap<string, string>, rows: ReadonlyArray<R>, idOf: (r: R) => string, written: (r: R) => string, putBack: (r: R, kept: string) => R): R[] {
  return rows.map((r) => {
    const kept = seal.get(idOf(r));
    return kept === undefined || kept === written(r) ? r : putBack(r, kept);
  });
}

/**
 * A row whose id the seal does not hold (or holds for another row: an id on two rows, this one not
 * with its sealed text), with the very sealed text of the one sealed id that has no row any more, is
 * that id's row with its id typed over: `putBack` gives it the id again. Only a
 * match one way and the other counts; anything less certain is left as read. `candidate`: the rows
 * the seal would hold (live ones), so a row the seal leaves out by design is never taken for one.
 */
export function putBackTypedIds<R>(
  seal: ReadonlyMap<string, string>,
  rows: ReadonlyArray<R>,
  io: { idOf(r: R): string; written(r: R): string; candidate(r: R): boolean; putBack(r: R, id: string): R },
): R[] {
  const inTab = new Set(rows.map(io.idOf));
  // Sealed text → the ids without a row that hold it; rows the seal does not know → their text.
  const lostBy = new Map<string, string[]>();
  for (const [id, text] of seal) {
    if (inTab.has(id)) continue;
    const ids = lostBy.get(text);
    if (ids) ids.push(id);
    else lostBy.set(text, [id]);
  }
  if (lostBy.size === 0) return [...rows];
  const unknown = new Map<R, string>();
  const rowsBy = new Map<string, number>();
  const count = new Map<string, number>();
  for (const r of rows) count.set(io.idOf(r), (count.get(io.idOf(r)) ?? 0) + 1);
  for (const r of rows) {
    const id = io.idOf(r);
    // An id on two rows (typed over with another's, or copied): the row whose text is not the id's own is the one typed over.
    const copied = (count.get(id) ?? 0) > 1 && seal.get(id) !== io.written(r);
    if ((seal.has(id) && !copied) || !io.candidate(r)) continue;
    const text = io.written(r);
    unknown.set(r, text);
    rowsBy.set(text, (rowsBy.get(text) ?? 0) + 1);
  }
  // Linear in the rows: the Orders ledger may hold thousands the seal has no room for.
  return rows.map((r) => {
    const text = unknown.get(r);
    const ids = text === undefined ? undefined : lostBy.get(text);
    return ids?.length === 1 && rowsBy.get(text!) === 1 ? io.putBack(r, ids[0]!) : r;
  });
}

/** Sealed lines ("2 x SKU" one a line) on one line, for a Note. */
export const sealedOnOneLine = (text: string): string => text.replace(/\n/g, '; ');

/**
 * Writes `entries` (the most important first: those past the room are left out) where they changed.
 * Returns the ids left unsealed (past the room, or one row too large for a chunk), so the caller
 * can say so rather than trust their cells silently.
 */
export function writeSeal(store: KeyValueStore, prefix: string, entries: ReadonlyArray<readonly [string, string]>, askedChunks = DEFAULT_MAX_CHUNKS): string[] {
  const maxChunks = Math.min(askedChunks, chunksFree(store, prefix));
  const chunks: string[] = [];
  const unsealed: string[] = [];
  let current: Chunk = { v: [], k: {} };
  let index = new Map<string, number>();
  let size = 0;
  const empty = utf8Bytes(JSON.stringify(current));
  for (const [k, v] of entries) {
    if (chunks.length === maxChunks) {
      unsealed.push(k);
      continue;
    }
    const valueBytes = utf8Bytes(JSON.stringify(v)) + 1;
    // `"id":index,` (an index of up to four digits).
    const keyBytes = utf8Bytes(JSON.stringify(k)) + 6;
    // One row too large for a chunk stays unsealed.
    if (empty + valueBytes + keyBytes > CHUNK_BYTES) {
      unsealed.push(k);
      continue;
    }
    const add = keyBytes + (index.has(v) ? 0 : valueBytes);
    if (empty + size + add > CHUNK_BYTES) {
      chunks.push(JSON.stringify(current));
      current = { v: [], k: {} };
      index = new Map();
      size = 0;
      if (chunks.length === maxChunks) {
        unsealed.push(k);
        continue;
      }
    }
    let at = index.get(v);
    if (at === undefined) {
      at = current.v.push(v) - 1;
      index.set(v, at);
      size += valueBytes;
    }
    current.k[k] = at;
    size += keyBytes;
  }
  if (chunks.length < maxChunks && Object.keys(current.k).length) chunks.push(JSON.stringify(current));
  try {
    for (let i = 0; i < Math.max(askedChunks, 8); i++) {
      const key = chunkKey(prefix, i);
      const was = store.get(key);
      if (i < chunks.length) {
        if (was !== chunks[i]) store.set(key, chunks[i]!);
      } else if (was !== null) store.delete(key);
      else break;
    }
  } catch {
    // A seal half written would put back values the add-on no longer holds: none at all trusts the cells instead.
    clearSeal(store, prefix, askedChunks);
    return entries.map(([k]) => k);
  }
  return unsealed;
}

function clearSeal(store: KeyValueStore, prefix: string, maxChunks: number): void {
  for (let i = 0; i < Math.max(maxChunks, 8); i++) {
    try {
      store.delete(chunkKey(prefix, i));
    } catch {
      // Nothing more can be done this run; the next write tries again.
    }
  }
}

/** Chunks this seal may write and keep the store under SEAL_STORE_CEILING_BYTES; its own chunks make way for themselves. */
function chunksFree(store: KeyValueStore, prefix: string): number {
  const own = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`);
  let others = 0;
  for (const [k, v] of Object.entries(store.all())) if (!own.test(k)) others += utf8Bytes(k) + utf8Bytes(v);
  return Math.max(0, Math.floor((SEAL_STORE_CEILING_BYTES - others) / (CHUNK_BYTES + utf8Bytes(chunkKey(prefix, 99)))));
}
