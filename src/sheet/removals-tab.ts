// The Removals tab (docs/design.md §2 "Removals"): the removals flow's ledger, read once per run and
// written once at its end (also after a cut), only the rows that changed when rows keep their places.

import { removalFromRecord, removalId, removalToRecord } from '../core/removals/record';
import type { RemovalRow } from '../core/removals/types';
import { TABS } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { keyedRowsTab, type KeyedRowsTab, type TableRecord } from './table';

/**
 * `unidentified`: sheet rows holding something but no Removal Order ID or SKU (a write would delete
 * them); `sheetRows`: the sheet row of each of `rows()`, to name a cell; `recordAt`: a sheet row's cells as read.
 */
export type RemovalsTab = KeyedRowsTab<RemovalRow> & { unidentified(): number[]; sheetRows(): number[]; recordAt(sheetRow: number): TableRecord | undefined };

export function removalsTab(wb: WorkbookPort): RemovalsTab {
  return keyedRowsTab<RemovalRow>(wb, TABS.removals, { fromRecord: removalFromRecord, toRecord: removalToRecord, idOf: removalId });
}
