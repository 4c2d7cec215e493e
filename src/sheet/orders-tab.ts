// The Orders tab: the cross-system ledger (docs/design.md §2 "Orders"). Read once per run, written
// when the job says so (before a batch of creates, so `sending` is on record before any call, and at
// the end): only the rows that changed when the orders keep their places, else whole; people's
// extra columns travel with their order's row.

import { ledgerRowFromRecord, ledgerRowToRecord } from '../core/orders/ledger-record';
import type { LedgerRow } from '../core/orders/types';
import { TABS } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { keyedRowsTab } from './table';
import type { KeyedRowsTab } from './table';

export type OrdersTab = KeyedRowsTab<LedgerRow>;

export function ordersTab(wb: WorkbookPort): OrdersTab {
  return keyedRowsTab(wb, TABS.orders, { fromRecord: ledgerRowFromRecord, toRecord: ledgerRowToRecord, idOf: (r) => r.orderId });
}
