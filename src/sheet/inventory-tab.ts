// The Inventory tab: the offers' rows as the last run left them (the stock sync's durable record
// of what was pushed), and the rows this run computed; only the rows whose figures changed are
// written (table.ts keyedRowsTab). People's own extra columns travel along with their offer; rows
// map to and from records in core/inventory/inventory-tab.

import { inventoryRowFromRecord, inventoryRowToRecord, keepUnchangedTimes } from '../core/inventory/inventory-tab';
import type { InventoryRow } from '../core/inventory/types';
import { TABS } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { keyedRowsTab } from './table';
import type { KeyedRowsTab } from './table';

export type InventoryTab = KeyedRowsTab<InventoryRow>;

export function inventoryTab(wb: WorkbookPort): InventoryTab {
  const tab = keyedRowsTab(wb, TABS.inventory, { fromRecord: inventoryRowFromRecord, toRecord: inventoryRowToRecord, idOf: (r) => r.key });
  return {
    rows: () => tab.rows(),
    // A row whose figures did not change keeps its Updated At, so a quiet run writes nothing.
    write: (next) => tab.write(keepUnchangedTimes(next, tab.rows())),
  };
}
