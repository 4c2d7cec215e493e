// The Inventory tab: the offers' rows as the last run left them (the stock sync's durable record
// of what was pushed), and the rows this run computed. People's own extra columns travel along
// with their offer; rows map to and from records in core/inventory/inventory-tab.

import { inventoryRowFromRecord, inventoryRowToRecord } from '../core/inventory/inventory-tab';
import type { InventoryRow } from '../core/inventory/types';
import { TAB, TABS, columnOf } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { ensureTable, readTable, writeTable } from './table';
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
      const header = ensureTable(wb, TABS.inventory, table);
      const extra = header.filter((h) => h && !TABS.inventory.columns.some((c) => columnOf([h], c.header) === 0));
      const old = new Map<string, Record<string, unknown>>();
      if (extra.length && table) {
        table.records.forEach((rec) => {
          const row = inventoryRowFromRecord(rec);
          if (row) old.set(row.key, rec);
        });
      }
      const records = next.map((r) => {
        const rec = inventoryRowToRecord(r);
        const before = old.get(r.key);
        if (before) for (const h of extra) rec[h] = before[h];
        return rec;
      });
      writeTable(wb, TABS.inventory, header, records);
      table = { tab: TAB.inventory, header, records: records as Table['records'] };
      rows = [...next];
    },
  };
}
