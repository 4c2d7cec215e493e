// Which rows of a tab to write when only some changed: runs of consecutive changed rows, each one
// range write, unless so many scattered runs would cost more than writing every row at once.

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

/**
 * True when writing `runs` costs less than one write of all `total` rows. A tab `width` cells wide
 * with `formatted` columns that carry a number format costs, per write, one call for the values and
 * one per formatted column, and per row its cells and its formatted cells.
 */
export function runsAreCheaper(runs: readonly RowRun[], total: number, width: number, formatted: number): boolean {
  const perWrite = (1 + formatted) * RANGE_WRITE_OVERHEAD_CELLS;
  const perRow = width + formatted;
  const rows = runs.reduce((n, r) => n + r.count, 0);
  return runs.length * perWrite + rows * perRow < perWrite + total * perRow;
}
