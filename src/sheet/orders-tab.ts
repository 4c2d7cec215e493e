// The Orders tab: the cross-system ledger (docs/design.md §2 "Orders"). Read once per run, written
// whole when the job says so (before a batch of creates, so `sending` is on record before any call,
// and at the end); people's extra columns travel with their order's row.

import { ledgerRowFromRecord, ledgerRowToRecord } from '../core/orders/ledger-record';
import type { LedgerRow } from '../core/orders/types';
import { TAB, TABS, columnOf } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { ensureTable, readTable, writeTable } from './table';
import type { Table } from './table';

export interface OrdersTab {
  rows(): LedgerRow[];
  write(rows: ReadonlyArray<LedgerRow>): void;
}

export function ordersTab(wb: WorkbookPort): OrdersTab {
  let loaded = false;
  let table: Table | null = null;
  let rows: LedgerRow[] = [];
  const load = () => {
    if (loaded) return;
    table = readTable(wb, TAB.orders);
    rows = (table?.records ?? []).map(ledgerRowFromRecord).filter((r): r is LedgerRow => r !== null);
    loaded = true;
  };
  return {
    rows() {
      load();
      return rows;
    },
    write(next) {
      load();
      const header = ensureTable(wb, TABS.orders, table);
      const extra = header.filter((h) => h && !TABS.orders.columns.some((c) => columnOf([h], c.header) === 0));
      const old = new Map<string, Record<string, unknown>>();
      if (extra.length && table) {
        for (const rec of table.records) {
          const r = ledgerRowFromRecord(rec);
          if (r) old.set(r.orderId, rec);
        }
      }
      const records = next.map((r) => {
        const rec = ledgerRowToRecord(r);
        const before = old.get(r.orderId);
        if (before) for (const h of extra) rec[h] = before[h];
        return rec;
      });
      writeTable(wb, TABS.orders, header, records);
      table = { tab: TAB.orders, header, records: records as Table['records'] };
      rows = [...next];
    },
  };
}
