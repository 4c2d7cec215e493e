// The last complete 3PL stock read, kept on the hidden Sync Staging tab while the Inventory tab is
// filled over several runs (a first sync of a large catalogue). Those runs push nothing, so they
// need no fresher figures than the read that began the fill: reading the 3PL again in each of them
// would spend most of every run on the 3PL's rate limit (about 130 s for 100,000 SKUs at ShipBob's
// 150 requests a minute) instead of writing rows. The run after the fill reads the 3PL afresh.

import type { KeyValueStore } from '../../ports/store';
import type { StagingTab } from '../../sheet/staging-tab';
import type { StockLine } from '../../threepl/types';

const KEY = 'inventory.stockKept';
const SOURCE = '3pl-stock-kept';
/** Lines per staged part: each part is a JSON array of its own, a few cells long at most. */
const LINES_PER_PART = 500;

interface KeptState {
  startedAt: number;
  parts: number;
}

export interface KeptStock {
  lines: StockLine[];
  /** When the kept read began: its figures are as old as that. */
  startedAt: number;
}

/**
 * Keeps one complete read's lines (replacing any kept before): the lines, not the 3PL's pages, so
 * using them again costs no call (assembling ShipBob's pages reads its product catalogue for bundles).
 */
export function keepStock(staging: StagingTab, store: KeyValueStore, lines: readonly StockLine[], startedAt: number): void {
  const parts: string[] = [];
  for (let at = 0; at === 0 || at < lines.length; at += LINES_PER_PART) parts.push(JSON.stringify(lines.slice(at, at + LINES_PER_PART)));
  staging.put(SOURCE, 0, parts);
  const state: KeptState = { startedAt, parts: parts.length };
  store.set(KEY, JSON.stringify(state));
}

/** The kept read, or null when none is kept or its pages went missing (the hidden tab was edited). */
export function keptStock(staging: StagingTab, store: KeyValueStore): KeptStock | null {
  const raw = store.get(KEY);
  if (!raw) return null;
  try {
    const state = JSON.parse(raw) as KeptState;
    const chunks = Number.isInteger(state.parts) && typeof state.startedAt === 'number' ? staging.parts(SOURCE, state.parts) : null;
    // Never compute from part of the catalogue: a missing page would read as "no stock" for its SKUs.
    if (chunks && chunks.length === state.parts) return { lines: chunks.flatMap((c) => JSON.parse(c) as StockLine[]), startedAt: state.startedAt };
  } catch {
    // An unreadable record or page: forgotten like a missing one.
  }
  forgetKeptStock(staging, store);
  return null;
}

export function hasKeptStock(store: KeyValueStore): boolean {
  return Boolean(store.get(KEY));
}

export function forgetKeptStock(staging: StagingTab, store: KeyValueStore): void {
  if (!store.get(KEY)) return;
  staging.clear(SOURCE);
  store.delete(KEY);
}
