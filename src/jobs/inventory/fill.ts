// The first fill of a large Inventory tab over several runs (core/inventory/tab-fill.ts sizes each
// slice). Those runs push nothing, so while more rows are to come than a run that reads the 3PL can
// write, they reuse the 3PL read the fill began with (reads/threepl-stock-kept.ts) instead of
// spending most of each run on the 3PL's rate limit (about 130 s for 100,000 SKUs at ShipBob's 150
// requests a minute). The run that can finish the fill reads the 3PL afresh, because it pushes.

import type { KeyValueStore } from '../../ports/store';
import type { StagingTab } from '../../sheet/staging-tab';
import type { StockLine } from '../../threepl/types';
import { forgetKeptStock, hasKeptStock, keepStock } from '../reads/threepl-stock-kept';

const KEY = 'inventory.fill';

interface FillState {
  /** Rows still to come. */
  withheld: number;
  /** New rows the last fill run that read the 3PL afresh put on the tab: what such a run manages. */
  freshAdded: number;
  /** New rows the last fill run put on the tab, however it read the 3PL (absent in a state saved before it was kept). */
  lastAdded?: number;
}

function load(store: KeyValueStore): FillState | null {
  try {
    const v = JSON.parse(store.get(KEY) ?? 'null') as Partial<FillState> | null;
    return v && Number.isFinite(v.withheld) && Number.isFinite(v.freshAdded) ? (v as FillState) : null;
  } catch {
    return null;
  }
}

/**
 * True when this run may compute from the kept 3PL read: more rows are still to come than a run
 * that reads the 3PL could write, so this run will only add rows to the tab. `askable`: the 3PL can
 * say in a few calls that nothing moved since its last full read (threepl-stock-baseline.ts); a run
 * that asks then writes as much as a fill run does, so when the rows to come fit one like the last
 * one, it asks, and when nothing moved it finishes the fill and pushes in the same run.
 */
export function fillReusesKeptStock(store: KeyValueStore, askable = false): boolean {
  const state = load(store);
  if (state === null || !hasKeptStock(store)) return false;
  const aRunWrites = askable ? Math.max(state.freshAdded, state.lastAdded ?? 0) : state.freshAdded;
  return state.withheld > aRunWrites;
}

/**
 * After the rows were written: a fill still under way remembers how many rows are to come and, when
 * this run read the 3PL afresh, keeps that read and how many rows it let the run write; a finished
 * fill forgets both.
 */
export function recordFill(
  store: KeyValueStore,
  staging: StagingTab,
  fill: { withheld: number; added: number } | null,
  stock: { kept: boolean; lines: StockLine[] | null; walkStartedAt: number },
): void {
  if (fill) {
    const before = load(store);
    const freshAdded = stock.kept ? (before?.freshAdded ?? fill.added) : fill.added;
    store.set(KEY, JSON.stringify({ withheld: fill.withheld, freshAdded, lastAdded: fill.added } satisfies FillState));
    if (!stock.kept && stock.lines) keepStock(staging, store, stock.lines, stock.walkStartedAt);
    return;
  }
  if (store.get(KEY) !== null) store.delete(KEY);
  forgetKeptStock(staging, store);
}
