// The Inventory tab: the offers' rows as the last run left them (the stock sync's durable record
// of what was pushed), and the rows this run computed. People's own extra columns travel along
// with their offer; rows map to and from records in core/inventory/inventory-tab.

import { inventoryRowFromRecord, inventoryRowToRecord, keepUnchangedTimes } from '../core/inventory/inventory-tab';
import type { InventoryRow } from '../core/inventory/types';
import { TAB, TABS } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { readTable, writeKeepingExtras } from './table';
import type { Table } from './table';

export interface InventoryTab {
  /** The rows as last written (by an earlier run, or by this one). */
  rows(): InventoryRow[];
  /** Replaces the rows; later reads in the same run see them. */
  write(rows: ReadonlyArray<InventoryRow>): void;
}

function rowsOf(table: Table | null): InventoryRow[] {
  return (table?.records ?? []).map(inventoryRowFromRecord).filter((r): r is InventoryRow => r !== null);
}

export function inventoryTab(wb: WorkbookPort): InventoryTab {
  let loaded = false;
  let table: Table | null = null;
  let rows: InventoryRow[] = [];
  const load = () => {
    if (loaded) return;
    table = readTable(wb, TAB.inventory);
    rows = rowsOf(table);
    loaded = true;
  };
  return {
    rows() {
      load();
      return rows;
    },
    write(next) {
      load();
      next = keepUnchangedTimes(next, rows);
      table = writeKeepingExtras(wb, TABS.inventory, table, next, {
        toRecord: inventoryRowToRecord,
        idOfRecord: (rec) => inventoryRowFromRecord(rec)?.key ?? null,
        idOf: (r) => r.key,
      });
      rows = [...next];
    },
  };
}
