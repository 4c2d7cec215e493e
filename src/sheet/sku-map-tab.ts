// The SKU Map tab: people's mapping rows in (validated by core/inventory/sku-map), the Status
// column out. A missing tab is an error people are told about, never an empty map.

import { TAB, TABS, columnOf, headersOf } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { cellOut, ensureTable, readTable } from './table';
import type { Table, TableRecord } from './table';

export interface SkuMapTab {
  /** Every row under the header, blank ones included (row = index + 2). */
  records(): TableRecord[];
  /** Writes the Status column (adding it when people removed it), one call, nothing when unchanged. */
  writeStatus(statuses: readonly string[]): void;
}

export function skuMapTab(wb: WorkbookPort): SkuMapTab {
  let table: Table | null = null;
  const load = (): Table => {
    if (!table) {
      table = readTable(wb, TAB.skuMap);
      if (!table) throw new Error('The SKU Map tab is missing: run "Set up sheets" from the add-on menu.');
    }
    return table;
  };
  return {
    records: () => load().records,
    writeStatus(statuses) {
      const t = load();
      const status = headersOf(TABS.skuMap).status;
      if (columnOf(t.header, status) < 0) table = { ...t, header: ensureTable(wb, TABS.skuMap, t) };
      const col = columnOf(table!.header, status) + 1;
      const current = t.records.map((r) => String(r[status] ?? ''));
      const next = t.records.map((_, i) => statuses[i] ?? '');
      if (next.every((s, i) => s === current[i])) return;
      wb.writeColumn(TAB.skuMap, col, next.map((s) => cellOut(s, undefined)));
    },
  };
}
