// The settlements job's small durable state, in document properties: the getReports cursor, the
// report ids already imported (or finally failed), and the progress of a large settlement whose
// lines are being appended across runs.

import type { KeyValueStore } from '../../ports/store';

export const SETTLEMENT_KEYS = {
  /** createdSince for getReports (ISO). */
  cursor: 'settlements.createdSince',
  /** JSON array of report ids already handled, newest last. */
  handled: 'settlements.handledReports',
  /** {settlementId, written}: lines appended so far of a settlement still being imported. */
  partial: 'settlements.partial',
  /** Lines the Settlement Lines tab holds, so the budget is kept without reading the tab. */
  lineCount: 'settlements.lineCount',
} as const;

/** Enough ids for 90 days of reports (Amazon lists no older ones) many times over, well under 9 KB. */
const HANDLED_MAX = 400;

export function handledReports(store: KeyValueStore): Set<string> {
  try {
    const v = JSON.parse(store.get(SETTLEMENT_KEYS.handled) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.map(String) : []);
  } catch {
    return new Set();
  }
}

export function markHandled(store: KeyValueStore, ids: ReadonlyArray<string>): void {
  if (ids.length === 0) return;
  const all = [...handledReports(store)].filter((id) => !ids.includes(id));
  store.set(SETTLEMENT_KEYS.handled, JSON.stringify([...all, ...ids].slice(-HANDLED_MAX)));
}

export interface Partial {
  settlementId: string;
  written: number;
}

export function partialImport(store: KeyValueStore): Partial | null {
  try {
    const v = JSON.parse(store.get(SETTLEMENT_KEYS.partial) ?? 'null') as Partial | null;
    return v && typeof v.settlementId === 'string' && typeof v.written === 'number' ? v : null;
  } catch {
    return null;
  }
}

export function setPartial(store: KeyValueStore, p: Partial | null): void {
  if (p) store.set(SETTLEMENT_KEYS.partial, JSON.stringify(p));
  else store.delete(SETTLEMENT_KEYS.partial);
}
