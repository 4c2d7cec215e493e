// The Inventory tab: the offers' rows as the last run left them (the stock sync's durable record
// of what was pushed), and the rows this run computed; only the rows whose figures changed are
// written (table.ts keyedRowsTab). Rows go in problem-first order (core/inventory/row-order) when
// that costs a few hundred row moves at most, else in Seller SKU order, and the
// tab keeps its filter and colour rules (core/inventory/tab-colours) through the sheet-style port.
// People's own extra columns travel along with their offer; rows map to and from records in
// core/inventory/inventory-tab.

import { inventoryRowFromRecord, inventoryRowToRecord, keepUnchangedTimes } from '../core/inventory/inventory-tab';
import { orderInventoryRows } from '../core/inventory/row-order';
import { inventoryConditionalFormats, isInventoryRule } from '../core/inventory/tab-colours';
import type { InventoryRow } from '../core/inventory/types';
import { TABS, headerText } from '../core/tabs';
import type { SheetStylePort } from '../ports/sheet-style';
import type { WorkbookPort } from '../ports/workbook';
import { keyedRowsTab } from './table';
import type { KeyedRowsTab } from './table';

export type InventoryTab = KeyedRowsTab<InventoryRow>;

/**
 * What moving problem rows to the top may cost beyond keeping Seller SKU order, in cells written
 * (row-moves.ts): about 250 rows moved (two structural changes and a row each), ≈ 15 s under the
 * local world's cost model. More than that in one run and the rows stay in Seller SKU order.
 */
export const PROBLEM_MOVES_ALLOWANCE_CELLS = 100_000;

/**
 * The filter and the colour rules, checked once per run after the first write (the header is read
 * then, as the write may have added columns): both are set only when missing or different.
 */
function styleInventory(wb: WorkbookPort, style: SheetStylePort): void {
  const header = (wb.readHeader(TABS.inventory.name) ?? []).map(headerText);
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) return;
  style.setConditionalFormats(TABS.inventory.name, inventoryConditionalFormats(header), isInventoryRule);
  style.ensureFilter(TABS.inventory.name, header.length);
}

/** `style` absent: values only (the sidebar's read, tests of other concerns). */
export function inventoryTab(wb: WorkbookPort, style?: SheetStylePort): InventoryTab {
  const tab = keyedRowsTab(wb, TABS.inventory, { fromRecord: inventoryRowFromRecord, toRecord: inventoryRowToRecord, idOf: (r) => r.key });
  let styled = false;
  return {
    rows: () => tab.rows(),
    write(next) {
      // A row whose figures did not change keeps its Updated At, so a quiet run writes nothing.
      const timed = keepUnchangedTimes(next, tab.rows());
      // Problem rows first, unless that means moving thousands of rows (a guardrail holding a bulk
      // push, a 3PL outage): they then stay in Seller SKU order, picked out by colour and the filter.
      tab.write(orderInventoryRows(timed), { rows: orderInventoryRows(timed, false), allowanceCells: PROBLEM_MOVES_ALLOWANCE_CELLS });
      if (style && !styled) {
        styled = true;
        styleInventory(wb, style);
      }
    },
  };
}
