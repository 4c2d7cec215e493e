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

/** A band of columns [first, last], 0-based. */
interface Band {
  first: number;
  last: number;
}

/** True when the row's differing columns meet the band. */
function touches(s: ColumnSpan, band: Band): boolean {
  if (s.last < band.first || s.first > band.last) return false;
  return s.columns ? s.columns.some((c) => c >= band.first && c <= band.last) : true;
}

/**
 * The blocks one band takes: runs of rows that differ inside it, merged where the unchanged rows
 * between cost fewer cells than another write; and what they cost, in cells (a write counted as
 * its overhead).
 */
function bandBlocks(spans: ReadonlyArray<ColumnSpan | null>, band: Band, resetEachWrite: readonly boolean[]): { blocks: BlockPlan[]; cost: number } {
  const width = band.last - band.first + 1;
  const reset = resetEachWrite.slice(band.first, band.last + 1).filter(Boolean).length;
  const perWrite = (1 + reset) * RANGE_WRITE_OVERHEAD_CELLS;
  const perRow = width + reset;
  const blocks: BlockPlan[] = [];
  for (const run of changedRuns(spans.map((s) => s !== null && touches(s, band)))) {
    const prev = blocks[blocks.length - 1];
    const gap = prev ? run.start - (prev.start + prev.count) : 0;
    if (prev && gap * perRow < perWrite) prev.count = run.start + run.count - prev.start;
    else blocks.push({ start: run.start, count: run.count, column: band.first, width });
  }
  return { blocks, cost: blocks.reduce((n, b) => n + b.count * perRow + perWrite, 0) };
}

/** Each column's changed rows, by column: where a row differs, column by column. */
function rowsByColumn(spans: ReadonlyArray<ColumnSpan | null>, width: number): number[][] {
  const byColumn = Array.from({ length: width }, () => [] as number[]);
  spans.forEach((s, i) => {
    if (!s) return;
    if (s.columns) for (const c of s.columns) byColumn[c]!.push(i);
    else for (let c = s.first; c <= s.last; c++) byColumn[c]!.push(i);
  });
  return byColumn;
}

const sameRows = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The column bands existing rows are written in. Neighbouring changed columns changed on the same
 * rows form one band; a band is joined to the next when writing both as one costs no more than
 * writing them apart (bandBlocks). A read-back that changes `Amazon FBM Qty` and `Push State` on FBM
 * rows, the FBA figures on FBA rows and `Updated At` on both writes each set of columns on its own
 * rows, not the fifteen columns on every row; a change on scattered rows still writes one band, as
 * a second band would cost a write per row.
 */
function columnBands(spans: ReadonlyArray<ColumnSpan | null>, resetEachWrite: readonly boolean[]): Band[] {
  const byColumn = rowsByColumn(spans, resetEachWrite.length);
  const atomic: Band[] = [];
  byColumn.forEach((rows, c) => {
    if (rows.length === 0) return;
    const prev = atomic[atomic.length - 1];
    if (prev && prev.last === c - 1 && sameRows(byColumn[prev.last]!, rows)) prev.last = c;
    else atomic.push({ first: c, last: c });
  });
  const joined: Array<Band & { cost: number }> = [];
  for (const b of atomic) {
    const own = { ...b, cost: bandBlocks(spans, b, resetEachWrite).cost };
    const prev = joined[joined.length - 1];
    if (prev) {
      const both = { first: prev.first, last: b.last };
      const cost = bandBlocks(spans, both, resetEachWrite).cost;
      if (cost <= prev.cost + own.cost) {
        joined[joined.length - 1] = { ...both, cost };
        continue;
      }
    }
    joined.push(own);
  }
  return joined;
}

/**
 * The blocks to write. `spans[i]` says where the tab's existing row i differs (null: unchanged);
 * rows from `existing` to `total` are new: those `spans` covers are written where they hold
 * something (their span: the columns not blank, on grid rows that are), the others whole.
 * `resetEachWrite[j]` is true for a
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
  const plans = columnBands(spans, resetEachWrite).flatMap((band) => bandBlocks(spans, band, resetEachWrite).blocks);
  const whole = Math.max(existing, spans.length);
  if (total > whole) plans.push({ start: whole, count: total - whole, column: 0, width });
  return plans;
}
