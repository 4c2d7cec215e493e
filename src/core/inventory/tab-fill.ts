// How many new rows the Inventory tab takes in one run. A new row costs the cells it holds (rows
// added under the last one are written only where they hold something, src/sheet/table.ts: 12 to 16
// at the first fill, where an FBM row has no FBA figures and an FBA row no 3PL side) and a format
// cell for each formatted column (Offer %, Updated At), and committing a cell costs about 0.145 ms
// (test/world/cost-model.ts, fitted to the published SpreadsheetApp timings): 100,000 new rows are
// minutes of writes, more than one execution has. So a large first fill goes in slices over runs,
// in tab order, and nothing is pushed until every offer's row is on the tab, since the tab is the
// push's durable record (what was sent, the quantity before, for undo).

import { TABS } from '../tabs';
import { inventoryRowToRecord } from './inventory-tab';
import type { InventoryRow } from './types';

/** Writing and committing one cell (test/world/cost-model.ts: 0.01 ms written, 0.135 ms committed). */
const MS_PER_CELL = 0.145;
/** Rows added to the grid get each formatted column's format over all of them (adapters/gas/workbook.ts writeRows): a cell a row each, filled or not. */
const FORMATTED_COLUMNS = TABS.inventory.columns.filter((c) => 'format' in c).length;
/** A row's cells when they are not known: every column and its formats (the whole row). */
const CELLS_PER_UNKNOWN_ROW = TABS.inventory.columns.length + FORMATTED_COLUMNS;
/** The writes a run may spend on new rows: under half a run's budget, leaving the reads their time. */
const WRITE_BUDGET_MS = 105_000;
/** A slice never below this, so a slow run still makes progress. */
const MIN_ROWS_PER_RUN = 1_000;

/** The rows a run lays out at most when their cells are not known: ≈ 105 s / (30 cells × 0.145 ms). */
export const NEW_ROWS_PER_RUN = Math.floor(WRITE_BUDGET_MS / (CELLS_PER_UNKNOWN_ROW * MS_PER_CELL));

/** Rows looked at to size a slice: enough for a mean, few enough to cost nothing at 100,000. */
const SAMPLE = 2_000;

/** The mean cells a new row's write costs: the cells it holds, and a format cell per formatted column. */
export function cellsPerNewRow(rows: ReadonlyArray<InventoryRow>): number {
  if (rows.length === 0) return CELLS_PER_UNKNOWN_ROW;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  let cells = 0;
  let seen = 0;
  for (let i = 0; i < rows.length; i += step, seen++) {
    for (const v of Object.values(inventoryRowToRecord(rows[i]!))) {
      if (v === '' || v === null || v === undefined) continue;
      cells += 1;
    }
  }
  return cells / seen + FORMATTED_COLUMNS;
}

/**
 * The new rows a run lays out while Amazon prepares its listings report (jobs/inventory/layout.ts):
 * half its remaining time (the other half for what follows: the report's rows, the push, the SKU
 * Map's Status, the Exceptions, the Sync Log), and at most WRITE_BUDGET_MS: reads that took long (a
 * 100,000-SKU 3PL catalogue) leave a smaller slice. `cellsPerRow`: what one of them costs (cellsPerNewRow).
 */
export function newRowsThisRun(remainingMs: number, cellsPerRow = CELLS_PER_UNKNOWN_ROW): number {
  const msPerRow = Math.max(1, cellsPerRow) * MS_PER_CELL;
  return Math.max(MIN_ROWS_PER_RUN, Math.min(Math.floor(WRITE_BUDGET_MS / msPerRow), Math.floor((remainingMs * 0.5) / msPerRow)));
}

/**
 * What a run still does once a fill's rows are written: the SKU Map's Status, the Exceptions, the
 * Sync Log and the Dashboard (seconds), or, when the last rows fit, the push itself: every offer's
 * Push State (one cell each, about 10 s at 72,000 changes) and a few feeds' calls and uploads.
 */
const AFTER_FILL_MS = 60_000;
/**
 * The most a run spends writing new rows after its reads. The runner gives a job 4½ minutes and the
 * execution stops at 6: a fill run that read the SKU Map and the tab (about 40 s at 100,000 rows)
 * and writes this long still ends near four minutes, with the rest of the 6 for what the model
 * does not charge (Apps Script's own CPU).
 */
const FILL_WRITE_CAP_MS = 180_000;

/**
 * The new rows a run that only fills the tab can write: its remaining time less what follows the
 * write (AFTER_FILL_MS), at most FILL_WRITE_CAP_MS. Each fill run re-reads the SKU Map and the rows
 * already on the tab (about 40 s at 100,000 SKUs), so writing as much as the run allows saves whole
 * runs: at half the remaining time (newRowsThisRun) 100,000 rows took three fill runs before the one
 * that wrote the last rows and pushed, this way two. `cellsPerRow`: cellsPerNewRow.
 */
export function fillRowsThisRun(remainingMs: number, cellsPerRow = CELLS_PER_UNKNOWN_ROW): number {
  const msPerRow = Math.max(1, cellsPerRow) * MS_PER_CELL;
  return Math.max(MIN_ROWS_PER_RUN, Math.floor(Math.min(FILL_WRITE_CAP_MS, remainingMs - AFTER_FILL_MS) / msPerRow));
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
