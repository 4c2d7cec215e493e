// Which cells of a tab to write when only some rows changed: runs of consecutive changed rows, as
// narrow as the columns that changed, each one range write; runs so close that a write costs more
// than the unchanged rows between them become one block (at the limit, one write of every row).

/**
 * What one range write costs beyond its cells, counted in cells. Each write is a call to the
 * spreadsheet service ("Don't make several calls when you can do it in one": Google Apps Script
 * blog, "Optimizing Spreadsheet Operations", 2010). The one published timing (400 rows of 10 cells:
 * ~164 ms written row by row, under 50 ms in one setValues; "What is faster: ScriptDb or
 * SpreadsheetApp?") gives ~0.3 ms a call against ~0.0125 ms a cell, so a call costs at most ~25
 * cells, fewer once each cell's commit is counted.
 * The upper end is taken, so scattered runs give way to one whole write early rather than late.
 */
export const RANGE_WRITE_OVERHEAD_CELLS = 25;

/** `count` consecutive rows from index `start` (0-based, in the tab's data rows). */
export interface RowRun {
  start: number;
  count: number;
}

/** The runs of consecutive `true` entries. */
export function changedRuns(changed: readonly boolean[]): RowRun[] {
  const runs: RowRun[] = [];
  for (let i = 0; i < changed.length; i++) {
    if (!changed[i]) continue;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else runs.push({ start: i, count: 1 });
  }
  return runs;
}

/** Data rows [start, start + count) and columns [column, column + width), all 0-based. */
export interface BlockPlan {
  start: number;
  count: number;
  column: number;
  width: number;
}

/** The 0-based first and last column a changed row differs in. */
export interface ColumnSpan {
  first: number;
  last: number;
}

/**
 * The blocks to write. `spans[i]` says where the tab's existing row i differs (null: unchanged);
 * rows from `existing` to `total` are new and written whole. `resetEachWrite[j]` is true for a
 * column whose format goes on again with every write (text, tick boxes): each costs a call per
 * block and a cell per row.
 * Existing rows are written in one band of columns, the union of their spans: a push that only
 * clears `Previous Qty` on thousands of rows writes that one column, not thousands of whole rows.
 * Runs closer than a write's overhead are merged, their unchanged rows written as they are, so the
 * blocks never cost more than one write of every row would.
 */
export function planRowWrites(
  spans: ReadonlyArray<ColumnSpan | null>,
  existing: number,
  total: number,
  resetEachWrite: readonly boolean[],
): BlockPlan[] {
  const width = resetEachWrite.length;
  let first = width;
  let last = -1;
  spans.forEach((s) => {
    if (s) (first = Math.min(first, s.first)), (last = Math.max(last, s.last));
  });
  const plans: BlockPlan[] = [];
  if (last >= 0) {
    const band = last - first + 1;
    const reset = resetEachWrite.slice(first, last + 1).filter(Boolean).length;
    const perWrite = (1 + reset) * RANGE_WRITE_OVERHEAD_CELLS;
    const perRow = band + reset;
    for (const run of changedRuns(spans.map((s) => s !== null))) {
      const prev = plans[plans.length - 1];
      const gap = prev ? run.start - (prev.start + prev.count) : 0;
      if (prev && gap * perRow < perWrite) prev.count = run.start + run.count - prev.start;
      else plans.push({ start: run.start, count: run.count, column: first, width: band });
    }
  }
  if (total > existing) plans.push({ start: existing, count: total - existing, column: 0, width });
  return plans;
}
