// The Carrier Map tab: people's 3PL carrier / service → Amazon carrier code rows, read by header
// name (found whatever case people gave the tab's name). A missing tab is an empty map: every
// shipment then waits with CARRIER_UNMAPPED naming what to add, rather than stopping the orders run.

import { TAB, findTabName } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { readTable } from './table';
import type { TableRecord } from './table';

export function carrierMapRecords(wb: WorkbookPort): TableRecord[] {
  const table = readTable(wb, TAB.carrierMap) ?? (() => {
    const name = findTabName(wb.tabNames(), TAB.carrierMap);
    return name ? readTable(wb, name) : null;
  })();
  return table?.records ?? [];
}
