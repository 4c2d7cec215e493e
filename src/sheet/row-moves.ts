// How a keyed tab's rows become the rows it should hold when their order changed, a row came in
// among the others or one went: by deleting and inserting the few rows concerned (a structural change
// each, whatever the tab's size) instead of rewriting the tab. One offer's row moving to the
// problem-first top of a 100,000-row Inventory tab would otherwise rewrite every row between, about
// 2.8 million cells: more than an execution has (issue 13, "no dead ends").

import { changedRuns, type RowRun } from './row-blocks';

/**
 * What one structural change (a deleteRows or insertRowsBefore) costs, counted in cells written.
 * No published timing: one change is taken to cost about one commit of the write cache (≈ 28 ms,
 * test/world/cost-model.ts), against ≈ 0.145 ms a cell written and committed, so ≈ 200 cells.
 * Measurements of growing sheets (ramblings.mcpher.com, "Measuring sheet operation performance")
 * found inserts and deletes cheap and not proportional to the sheet, unlike rewrites.
 */
export const STRUCTURAL_CHANGE_CELLS = 200;

export interface Rearrangement {
  /** Runs of the tab's data rows (0-based, as it holds them) to delete, the lowest last so the others stay where they are. */
  deletes: RowRun[];
  /** Runs of the new rows' positions (0-based) to insert blank rows at, the highest last; made after the deletes. */
  inserts: RowRun[];
  /** For each new row, the data row (0-based, before the deletes) it stays in, or -1 when it is written whole. */
  from: number[];
  /** Structural changes and the cells of rows written whole, in cells (the kept rows' own changes are left out: any plan writes them). */
  cells: number;
}

/**
 * The positions of a longest strictly increasing run of `values` (patience sorting, n log n): the
 * rows that can stay where they are relative to one another.
 */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const back = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = back[i]!) kept.add(i);
  return kept;
}

/**
 * `current`: the id of each data row the tab holds (null for a blank or unreadable row, which goes);
 * `next`: the ids in the order the tab should hold them; `width`: cells of a row written whole. A row
 * whose id appears twice is kept once at most. Rows after the last kept one are written below it, not
 * inserted.
 */
export function planRearrangement(current: ReadonlyArray<string | null>, next: readonly string[], width: number): Rearrangement {
  const wanted = new Map<string, number>();
  next.forEach((id, j) => {
    if (!wanted.has(id)) wanted.set(id, j);
  });
  const candidates: number[] = [];
  const seen = new Set<string>();
  current.forEach((id, i) => {
    if (id === null || seen.has(id) || !wanted.has(id)) return;
    seen.add(id);
    candidates.push(i);
  });
  const kept = longestIncreasing(candidates.map((i) => wanted.get(current[i]!)!));
  const from = new Array<number>(next.length).fill(-1);
  const stays = new Array<boolean>(current.length).fill(false);
  candidates.forEach((i, k) => {
    if (!kept.has(k)) return;
    stays[i] = true;
    from[wanted.get(current[i]!)!] = i;
  });
  const deletes = changedRuns(stays.map((s) => !s)).reverse();
  let lastKept = -1;
  from.forEach((f, j) => {
    if (f >= 0) lastKept = j;
  });
  const inserts = changedRuns(from.map((f, j) => f < 0 && j < lastKept));
  const whole = from.filter((f) => f < 0).length;
  return { deletes, inserts, from, cells: (deletes.length + inserts.length) * STRUCTURAL_CHANGE_CELLS + whole * width };
}
