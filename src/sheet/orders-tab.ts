// The Orders tab: the cross-system ledger (docs/design.md §2 "Orders"). Read once per run, written
// whole when the job says so (before a batch of creates, so `sending` is on record before any call,
// and at the end); people's extra columns travel with their order's row.

import { ledgerRowFromRecord, ledgerRowToRecord } from '../core/orders/ledger-record';
import type { LedgerRow } from '../core/orders/types';
import { TAB, TABS } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { readTable, writeKeepingExtras } from './table';
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
      table = writeKeepingExtras(wb, TABS.orders, table, next, {
        toRecord: ledgerRowToRecord,
        idOfRecord: (rec) => ledgerRowFromRecord(rec)?.orderId ?? null,
        idOf: (r) => r.orderId,
      });
      rows = [...next];
    },
  };
}
