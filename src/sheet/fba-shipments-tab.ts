// The FBA Shipments tab (docs/design.md §2 "FBA Shipments"): read once per run, written before any
// 3PL create (so `sending` is on record first) and at the end; only changed rows when the shipments
// keep their places; people's extra columns travel with their shipment's row.

import { fbaRowFromRecord, fbaRowToRecord } from '../core/fba-shipments/record';
import { FBA_SHIPMENTS_TAB } from '../core/fba-shipments/tab-def';
import type { FbaRow } from '../core/fba-shipments/types';
import type { WorkbookPort } from '../ports/workbook';
import { keyedRowsTab } from './table';
import type { KeyedRowsTab } from './table';

/** `withoutId`: the sheet rows read with their FBA Shipment ID emptied (a write would delete them). */
export type FbaShipmentsTab = KeyedRowsTab<FbaRow> & { withoutId(): number[] };

export function fbaShipmentsTab(wb: WorkbookPort): FbaShipmentsTab {
  return keyedRowsTab(wb, FBA_SHIPMENTS_TAB, { fromRecord: fbaRowFromRecord, toRecord: fbaRowToRecord, idOf: (r) => r.shipmentId });
}
