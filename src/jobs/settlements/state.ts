// The settlements job's small durable state, in document properties: the getReports cursor, the
// report ids already imported (or finally failed), and the progress of a large settlement whose
// lines are being appended across runs.

import type { KeyValueStore } from '../../ports/store';

export const SETTLEMENT_KEYS = {
  /** createdSince for getReports (ISO). */
  cursor: 'settlements.createdSince',
  /** JSON array of report ids already handled, newest last. */
  handled: 'settlements.handledReports',
  /** {settlementId: written}: lines appended so far of each settlement still being imported. */
  partial: 'settlements.partial',
  /**
   * {settlementId: digest}: the categories and accounts given to the lines appended so far, so a
   * Settlement Map edited between the runs of one import is noticed (import.ts).
   */
  partialCategories: 'settlements.partialCategories',
  /** {reportId: ms}: when each listed report still waiting for its document first failed to come. */
  failingSince: 'settlements.failingSince',
  /** Lines the Settlement Lines tab holds, so the budget is kept without reading the tab. */
  lineCount: 'settlements.lineCount',
  /** JSON array: the Settlements tab's category columns as last written, so they are known by name. */
  categoryColumns: 'settlements.categoryColumns',
  /**
   * Set once settlements are listed for every marketplace: the cursor of an earlier version, which
   * listed only Settings "Marketplaces", may have passed payouts of the others; the first such run
   * lists the whole 90 days again (what was imported is left as it is).
   */
  everyMarketplace: 'settlements.everyMarketplace',
  /** {settlementId: codes}: settlements imported for marketplaces Settings does not list, until it does. */
  unlisted: 'settlements.unlistedMarketplaces',
} as const;

/**
 * A {id: value} record kept as JSON under `key`: the entries `read` can use (undefined drops one); a
 * garbled value, or one an older version wrote in another shape, reads as empty.
 */
function readRecord<T>(store: KeyValueStore, key: string, read: (v: unknown) => T | undefined): Record<string, T> {
  try {
    const v = JSON.parse(store.get(key) ?? '{}') as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Record<string, T> = {};
    for (const [id, x] of Object.entries(v as Record<string, unknown>)) {
      const got = read(x);
      if (got !== undefined) out[id] = got;
    }
    return out;
  } catch {
    return {};
  }
}

/** Writes the record, or removes the property once it is empty (properties hold little: 9 KB a value). */
function writeRecord(store: KeyValueStore, key: string, all: Record<string, unknown>): void {
  if (Object.keys(all).length) store.set(key, JSON.stringify(all));
  else store.delete(key);
}

/** Settlements imported for marketplaces Settings "Marketplaces" did not list, with those codes. */
export function unlistedSettlements(store: KeyValueStore): Record<string, string[]> {
  return readRecord(store, SETTLEMENT_KEYS.unlisted, (codes) => (Array.isArray(codes) ? codes.map(String) : undefined));
}

export function setUnlistedSettlements(store: KeyValueStore, all: Record<string, string[]>): void {
  writeRecord(store, SETTLEMENT_KEYS.unlisted, all);
}

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

/** Lines appended so far per settlement still being imported (a listed one and an upload may both be). */
function partials(store: KeyValueStore): Record<string, number> {
  return readRecord(store, SETTLEMENT_KEYS.partial, (n) => (typeof n === 'number' && n >= 0 ? n : undefined));
}

/** Settlements whose lines are still being appended (their Settlements row is written last). */
export function importing(store: KeyValueStore): string[] {
  return Object.keys(partials(store));
}

export function writtenSoFar(store: KeyValueStore, settlementId: string): number {
  return partials(store)[settlementId] ?? 0;
}

/**
 * Records the lines written for one settlement and the digest of the categories they were given
 * (categoryDigest); null: it is complete.
 */
export function setWritten(store: KeyValueStore, settlementId: string, written: number | null, digest?: string): void {
  const all = partials(store);
  const digests = digestsOf(store);
  if (written === null) {
    delete all[settlementId];
    delete digests[settlementId];
  } else {
    all[settlementId] = written;
    if (digest !== undefined) digests[settlementId] = digest;
  }
  writeRecord(store, SETTLEMENT_KEYS.partial, all);
  // Most imports fit one run and never record a digest: no delete for a property that was never set.
  if (Object.keys(digests).length || store.get(SETTLEMENT_KEYS.partialCategories) !== null) writeRecord(store, SETTLEMENT_KEYS.partialCategories, digests);
}

function digestsOf(store: KeyValueStore): Record<string, string> {
  return readRecord(store, SETTLEMENT_KEYS.partialCategories, (d) => (typeof d === 'string' ? d : undefined));
}

/** The digest recorded with the lines written so far; null when none was (an import an older version began). */
export function writtenDigest(store: KeyValueStore, settlementId: string): string | null {
  return digestsOf(store)[settlementId] ?? null;
}

/**
 * A short running digest (FNV-1a) of the category and account of lines, in order: extended chunk by
 * chunk as lines are appended, so a run never hashes the lines before again.
 */
export function categoryDigest(lines: ReadonlyArray<{ category: string; account: string }> = []): { add(more: ReadonlyArray<{ category: string; account: string }>): void; value(): string } {
  let h = 0x811c9dc5;
  let n = 0;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  const digest = {
    add(more: ReadonlyArray<{ category: string; account: string }>) {
      for (const l of more) add(`${l.category}\u0001${l.account}\u0002`);
      n += more.length;
    },
    value: () => `${n}:${h.toString(16)}`,
  };
  digest.add(lines);
  return digest;
}

/** The category columns last written; null before any was recorded (a tab an older version wrote). */
export function writtenCategories(store: KeyValueStore): string[] | null {
  try {
    const v = JSON.parse(store.get(SETTLEMENT_KEYS.categoryColumns) ?? 'null') as unknown;
    return Array.isArray(v) ? v.map(String) : null;
  } catch {
    return null;
  }
}

export function recordCategories(store: KeyValueStore, categories: readonly string[]): void {
  store.set(SETTLEMENT_KEYS.categoryColumns, JSON.stringify(categories));
}

function failing(store: KeyValueStore): Record<string, number> {
  return readRecord(store, SETTLEMENT_KEYS.failingSince, (ms) => (typeof ms === 'number' ? ms : undefined));
}

/** Notes that a report's document failed to come at `now`; returns when it first failed. */
export function noteFailing(store: KeyValueStore, reportId: string, now: number): number {
  const all = failing(store);
  if (all[reportId] !== undefined) return all[reportId]!;
  all[reportId] = now;
  store.set(SETTLEMENT_KEYS.failingSince, JSON.stringify(all));
  return now;
}

/** The report is done with (imported, or given up on): its failures are forgotten. */
export function clearFailing(store: KeyValueStore, reportId: string): void {
  const all = failing(store);
  if (all[reportId] === undefined) return;
  delete all[reportId];
  writeRecord(store, SETTLEMENT_KEYS.failingSince, all);
}
