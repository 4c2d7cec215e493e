// Where the charges read stands between runs (document property "charges.cursor"): the invoice date
// the next run lists from, the invoices read inside the overlap (so a run can tell "nothing new"
// without reading the tab; the 3PL Charges tab stays the record of what was imported), and when the
// charges were last matched against the ledgers.

import type { KeyValueStore } from '../../ports/store';

export const CHARGES_CURSOR_KEY = 'charges.cursor';

/** Invoices are listed again from this many days before the cursor: one dated late is still read. */
export const OVERLAP_DAYS = 7;

export interface ChargesCursor {
  /** YYYY-MM-DD: the latest invoice date read in full. */
  from: string;
  /** Invoices read that held no charge, [id, date], kept while inside the overlap. */
  empty: Array<[string, string]>;
  /** Invoices read in full, [id, date], kept while inside the overlap. */
  read: Array<[string, string]>;
  /** When the tab was last matched against the ledgers (ms); 0: never. */
  matchedAt: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The stored cursor; null when there is none or it cannot be read (the first-run window is read again, and nothing is imported twice). */
export function loadCursor(store: KeyValueStore): ChargesCursor | null {
  const text = store.get(CHARGES_CURSOR_KEY);
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<ChargesCursor>;
    if (typeof raw.from !== 'string' || !DAY.test(raw.from)) return null;
    const pairs = (v: unknown) => (Array.isArray(v) ? v.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : []);
    return { from: raw.from, empty: pairs(raw.empty), read: pairs(raw.read), matchedAt: typeof raw.matchedAt === 'number' ? raw.matchedAt : 0 };
  } catch {
    return null;
  }
}

export function saveCursor(store: KeyValueStore, c: ChargesCursor): void {
  store.set(CHARGES_CURSOR_KEY, JSON.stringify(c));
}

/** "2026-11-02" moved by `delta` days. */
export function shiftDay(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + delta)).toISOString().slice(0, 10);
}

/** The first day of the month before `now`'s (UTC): a first run reads last month whole, for month end. */
export function firstRunFrom(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
}
