// How many new rows the Inventory tab takes in one run. A new row costs about 33 cells (28 values
// and the 5 number formats a new row gets: text, percent, date), and committing a cell costs about
// 0.145 ms (test/world/cost-model.ts, fitted to the published SpreadsheetApp timings): 100,000 new
// rows are about 8 minutes of writes, more than one execution has. So a large first fill goes in slices over
// runs, in tab order, and nothing is pushed until every offer's row is on the tab, since the tab is
// the push's durable record (what was sent, the quantity before, for undo).

/** ≈ 22,000 × 33 cells × 0.145 ms ≈ 105 s: under half a run's budget, leaving the reads their time. */
export const NEW_ROWS_PER_RUN = 22_000;
/** One new row written and committed: 33 cells × 0.145 ms. */
const MS_PER_NEW_ROW = 4.8;
/** A slice never below this, so a slow run still makes progress. */
const MIN_ROWS_PER_RUN = 1_000;

/**
 * The new rows this run can write with half its remaining time (the other half for what follows the
 * write: the SKU Map's Status, the Exceptions, the Sync Log, the commit at the end), at most
 * NEW_ROWS_PER_RUN: reads that took long (a 100,000-SKU 3PL catalogue) leave a smaller slice.
 */
export function newRowsThisRun(remainingMs: number): number {
  return Math.max(MIN_ROWS_PER_RUN, Math.min(NEW_ROWS_PER_RUN, Math.floor((remainingMs * 0.5) / MS_PER_NEW_ROW)));
}

export interface TabFill<R> {
  /** The rows to write this run: every row the tab holds, and the first new ones in tab order. */
  rows: R[];
  /** Rows still to come in later runs. */
  withheld: number;
  /** New rows this run puts on the tab. */
  added: number;
  total: number;
}

/**
 * null when every new row fits this run. `rows` is every row, `order` puts them in tab order (only
 * called when a slice is needed: a run whose new rows fit does not sort them); `onTab` the keys the
 * tab holds now. Rows already on the tab are always kept (a row left out would be deleted).
 */
export function fillSlice<R extends { key: string }>(
  rows: ReadonlyArray<R>,
  onTab: ReadonlySet<string>,
  max = NEW_ROWS_PER_RUN,
  order: (rows: ReadonlyArray<R>) => R[] = (r) => [...r],
): TabFill<R> | null {
  const fresh = rows.filter((r) => !onTab.has(r.key)).length;
  if (fresh <= max) return null;
  const kept: R[] = [];
  let added = 0;
  for (const r of order(rows)) {
    if (onTab.has(r.key)) kept.push(r);
    else if (added < max) kept.push(r), added++;
  }
  return { rows: kept, withheld: fresh - added, added, total: rows.length };
}
