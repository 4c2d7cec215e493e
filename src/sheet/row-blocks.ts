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

/** The 0-based first and last column a changed row differs in, and (when known) every column it differs in. */
export interface ColumnSpan {
  first: number;
  last: number;
  columns?: readonly number[];
}

/**
 * The column bands existing rows are written in: the columns any changed row differs in, as
 * contiguous bands, with two bands joined when the unchanged columns between them cost fewer cells
 * than the extra writes a second band takes. A read-back that changes `Amazon FBM Qty` and `Push
 * State` in the middle of the Inventory tab and `Updated At` at its end writes those columns, not
 * the dozen between them, on every confirmed row.
 */
function columnBands(spans: ReadonlyArray<ColumnSpan | null>, width: number): Array<{ first: number; last: number }> {
  const used = new Array<boolean>(width).fill(false);
  let rows = 0;
  for (const s of spans) {
    if (!s) continue;
    rows++;
    if (s.columns) for (const c of s.columns) used[c] = true;
    else for (let c = s.first; c <= s.last; c++) used[c] = true;
  }
  const bands: Array<{ first: number; last: number }> = [];
  for (let c = 0; c < width; c++) {
    if (!used[c]) continue;
    const prev = bands[bands.length - 1];
    if (prev && prev.last === c - 1) prev.last = c;
    else bands.push({ first: c, last: c });
  }
  // A second band costs at least one more write per run of rows; the gap costs its cells on every row.
  const runs = changedRuns(spans.map((s) => s !== null)).length;
  const joined: Array<{ first: number; last: number }> = [];
  for (const b of bands) {
    const prev = joined[joined.length - 1];
    if (prev && (b.first - prev.last - 1) * rows < runs * RANGE_WRITE_OVERHEAD_CELLS) prev.last = b.last;
    else joined.push({ ...b });
  }
  return joined;
}

/** True when the row's differing columns meet the band. */
function touches(s: ColumnSpan, band: { first: number; last: number }): boolean {
  if (s.last < band.first || s.first > band.last) return false;
  return s.columns ? s.columns.some((c) => c >= band.first && c <= band.last) : true;
}

/**
 * The blocks to write. `spans[i]` says where the tab's existing row i differs (null: unchanged);
 * rows from `existing` to `total` are new and written whole. `resetEachWrite[j]` is true for a
 * column whose format goes on again with every write (text, tick boxes): each costs a call per
 * block and a cell per row.
 * Existing rows are written in bands of columns (columnBands): a push that only clears `Previous
 * Qty` on thousands of rows writes that one column, not thousands of whole rows. Within a band,
 * runs of rows closer than a write's overhead are merged, their unchanged rows written as they are,
 * so the blocks never cost more than one write of every row would.
 */
export function planRowWrites(
  spans: ReadonlyArray<ColumnSpan | null>,
  existing: number,
  total: number,
  resetEachWrite: readonly boolean[],
): BlockPlan[] {
  const width = resetEachWrite.length;
  const plans: BlockPlan[] = [];
  for (const { first, last } of columnBands(spans, width)) {
    const bandPlans: BlockPlan[] = [];
    const band = last - first + 1;
    const reset = resetEachWrite.slice(first, last + 1).filter(Boolean).length;
    const perWrite = (1 + reset) * RANGE_WRITE_OVERHEAD_CELLS;
    const perRow = band + reset;
    for (const run of changedRuns(spans.map((s) => s !== null && touches(s, { first, last })))) {
      const prev = bandPlans[bandPlans.length - 1];
      const gap = prev ? run.start - (prev.start + prev.count) : 0;
      if (prev && gap * perRow < perWrite) prev.count = run.start + run.count - prev.start;
      else bandPlans.push({ start: run.start, count: run.count, column: first, width: band });
    }
    plans.push(...bandPlans);
  }
  if (total > existing) plans.push({ start: existing, count: total - existing, column: 0, width });
  return plans;
}
