// The new rows of a large Inventory tab, written while the run waits for Amazon's first listings
// report. That wait is about a minute with nothing to do once the 3PL and the orders are read, and
// writing 10,000 new rows takes most of it (their cells that hold something, about 12 each before
// Amazon's side is known, test/world/cost-model.ts): done one after the other they made the first
// run at 10,000 SKUs a third of the 6 minutes (issue 13).
// Written first, the rows need only their Amazon columns once the report is in (a narrow write,
// rows whose problem state changed moved by sheet/row-moves.ts).
//
// Only rows the tab does not hold yet are laid out: a row already there is the durable record of a
// push (Push State, Last Pushed Qty, Previous Qty) and is left exactly as it is until the run knows
// Amazon's side. A new row laid out carries nothing Amazon said (no quantity, no push state), so a
// run that stops before the report reads it as an offer never pushed, which it is.

import type { InventoryRow } from '../../core/inventory/types';
import { cellsPerNewRow, newRowsThisRun } from '../../core/inventory/tab-fill';
import type { WorkbookPort } from '../../ports/workbook';
import type { InventoryTab } from '../../sheet/inventory-tab';

/** Fewer new rows than this are written with the rest after the report: the wait is not worth a second pass. */
export const LAYOUT_MIN_NEW_ROWS = 1_000;

/**
 * Writes the rows `build` gives (computed without Amazon's listings) that the tab does not hold,
 * beside the rows it holds, and commits them, so the commit is paid during the wait. Does nothing
 * when few rows are new (`expected`: the SKU Map's row count, to decide before building), or when
 * they are more than one run writes (the tab then fills over runs, core/inventory/tab-fill.ts).
 * Returns the rows written.
 */
export function layOutNewRows(tab: InventoryTab, workbook: WorkbookPort, remainingMs: number, expected: number, build: () => InventoryRow[]): number {
  const held = tab.rows();
  if (expected - held.length < LAYOUT_MIN_NEW_ROWS) return 0;
  const onTab = new Set(held.map((r) => r.key));
  const fresh = build().filter((r) => !onTab.has(r.key));
  if (fresh.length < LAYOUT_MIN_NEW_ROWS || fresh.length > newRowsThisRun(remainingMs, cellsPerNewRow(fresh))) return 0;
  tab.write([...held, ...fresh]);
  workbook.flush();
  return fresh.length;
}
