// The stock sync's view of the sheet: SKU Map rows in, Inventory rows in and out, the SKU Map
// Status column out, and the Exceptions tab reconciled. Each tab is read once and written once.

import { EXCEPTION_HEADERS, pruneResolved, reconcileExceptions } from '../../core/exceptions';
import type { ExceptionScope, RaisedException, ReconcileResult } from '../../core/exceptions';
import { inventoryRowFromRecord, inventoryRowToRecord } from '../../core/inventory/inventory-tab';
import type { InventoryRow } from '../../core/inventory/types';
import { TAB, TABS } from '../../core/tabs';
import type { WorkbookPort } from '../../ports/workbook';
import { cellOut, ensureTable, readTable, writeTable } from '../tables';
import type { Table } from '../tables';

export interface InventorySheet {
  skuMap: Table;
  inventory: Table | null;
  exceptions: Table | null;
  previousRows: InventoryRow[];
}

export function readInventorySheet(wb: WorkbookPort): InventorySheet {
  const skuMap = readTable(wb, TAB.skuMap);
  if (!skuMap) throw new Error('The SKU Map tab is missing: run "Set up sheets" from the add-on menu.');
  const inventory = readTable(wb, TAB.inventory);
  const previousRows = (inventory?.records ?? []).map(inventoryRowFromRecord).filter((r): r is InventoryRow => r !== null);
  return { skuMap, inventory, exceptions: readTable(wb, TAB.exceptions), previousRows };
}

/** Writes the Inventory tab, carrying people's own extra columns along by offer. */
export function writeInventory(wb: WorkbookPort, sheet: InventorySheet, rows: ReadonlyArray<InventoryRow>): void {
  const header = ensureTable(wb, TABS.inventory, sheet.inventory);
  const known = new Set(TABS.inventory.columns.map((c) => c.header));
  const extra = header.filter((h) => h && !known.has(h));
  const old = new Map<string, Record<string, unknown>>();
  if (extra.length && sheet.inventory) {
    sheet.inventory.records.forEach((rec) => {
      const row = inventoryRowFromRecord(rec);
      if (row) old.set(row.key, rec);
    });
  }
  const records = rows.map((r) => {
    const rec = inventoryRowToRecord(r);
    const before = old.get(r.key);
    if (before) for (const h of extra) rec[h] = before[h];
    return rec;
  });
  writeTable(wb, TABS.inventory, header, records);
  // Later writes in the same run see the tab as written.
  sheet.inventory = { tab: TAB.inventory, header, records: records as Table['records'] };
}

/** Writes the SKU Map's Status column (adding it when people removed it), one call. */
export function writeSkuMapStatus(wb: WorkbookPort, sheet: InventorySheet, statuses: readonly string[]): void {
  let header = sheet.skuMap.header;
  if (!header.includes('Status')) {
    header = ensureTable(wb, TABS.skuMap, sheet.skuMap);
    sheet.skuMap = { ...sheet.skuMap, header };
  }
  const col = header.indexOf('Status') + 1;
  const current = sheet.skuMap.records.map((r) => String(r['Status'] ?? ''));
  const next = sheet.skuMap.records.map((_, i) => statuses[i] ?? '');
  if (next.every((s, i) => s === current[i])) return;
  wb.writeColumn(TAB.skuMap, col, next.map((s) => cellOut(s, undefined)));
}

/** Merges this run's problems into the Exceptions tab and writes it once. */
export function writeExceptions(
  wb: WorkbookPort,
  sheet: InventorySheet,
  raised: ReadonlyArray<RaisedException>,
  now: number,
  scope: ExceptionScope,
  retentionDays?: number,
): ReconcileResult {
  const header = ensureTable(wb, TABS.exceptions, sheet.exceptions);
  const existing = (sheet.exceptions?.records ?? []).filter((r) => Object.values(r).some((v) => v !== ''));
  const result = reconcileExceptions(existing, raised, { now, scope });
  if (retentionDays !== undefined) result.rows = pruneResolved(result.rows, { now, retentionDays });
  const cols = [...header, ...EXCEPTION_HEADERS.filter((h) => !header.includes(h))];
  writeTable(wb, TABS.exceptions, cols, result.rows);
  sheet.exceptions = { tab: TAB.exceptions, header: cols, records: result.rows as Table['records'] };
  return result;
}
