// The 3PL Charges tab (issue 16): one row per 3PL transaction, written only where a row changed;
// and the other ledgers a charge is matched against, read by header name. FBA Shipments and
// Removals are read as people see them (`FBA Shipment ID`, `3PL Order ID`; `Removal Order ID`,
// `3PL Receipt`): a spreadsheet without them matches against the Orders tab alone.

import { cellText, isEmptyCell } from '../core/cells';
import { ConfigInvalidError } from '../core/config-invalid';
import { chargeFromRecord, chargeToRecord } from '../core/charges/record';
import type { ChargeLedgers, ChargeRow } from '../core/charges/types';
import type { LedgerRow } from '../core/orders/types';
import { TAB, TABS, columnOf, findTabName, headersOf, lacksColumns } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { keyedRowsTab, readTable, type KeyedRowsTab, type TableRecord } from './table';

export type ChargesTab = KeyedRowsTab<ChargeRow> & {
  /** Sheet rows that hold something but no Transaction ID (cleared by hand): a write would delete them. */
  unidentified(): number[];
};

const H = headersOf(TABS.charges);
/** The columns a charge is read back by; Matched To and State are worked out again each run. */
const READ_BY = [H.invoice, H.invoiceDate, H.transactionId, H.type, H.amount, H.currency, H.reference] as const;

/**
 * A row read back, unless the tab lost one of the columns it is read by (deleted by hand): read as
 * empty, every charge would lose its invoice date (and leave the Dashboard's months) or its match,
 * with no word of it. A record holds a key for each header cell, so a missing column is an absent
 * key. The job stops instead (CONFIG_INVALID), before anything is written.
 */
function fromRecord(rec: TableRecord, dayOf?: (ms: number) => string): ChargeRow | null {
  const missing = READ_BY.filter((h) => !(h in rec));
  if (missing.length && !Object.values(rec).every(isEmptyCell)) {
    throw new ConfigInvalidError(
      `${lacksColumns(TAB.charges, missing)}, so its charges cannot be read whole: ` +
        `no 3PL charge is imported and the tab is not written until ${missing.length > 1 ? 'they are' : 'it is'} back. Put ${missing.length > 1 ? 'them' : 'it'} back with Edit → Undo or File → Version history.`,
      `${TAB.charges}:columns`,
      `${TAB.charges} tab`,
    );
  }
  return chargeFromRecord(rec, dayOf);
}

/** `dayOf`: the calendar day a date cell shows, in the spreadsheet's time zone (UTC when not given). */
export function chargesTab(wb: WorkbookPort, dayOf?: (ms: number) => string): ChargesTab {
  return keyedRowsTab(wb, TABS.charges, { fromRecord: (rec) => fromRecord(rec, dayOf), toRecord: chargeToRecord, idOf: (r) => r.transactionId });
}

/** Tab names the other engineers' ledgers use (issue 15); read only when the spreadsheet has them. */
const FBA_TAB = 'FBA Shipments';
const REMOVALS_TAB = 'Removals';

/** The cells of one column by header name (case and spaces ignored); null when the tab or column is missing. */
function columnCells(wb: WorkbookPort, tab: string, headers: readonly string[]): Array<Record<string, string>> | null {
  const name = findTabName(wb.tabNames(), tab);
  if (!name) return null;
  const table = readTable(wb, name);
  if (!table) return null;
  const at = headers.map((h) => columnOf(table.header, h));
  if (at[0]! < 0) return null;
  return table.records.map((rec) => {
    const out: Record<string, string> = {};
    headers.forEach((h, i) => {
      const col = at[i]!;
      // Records are keyed by the tab's own header when TABS defines the tab, else by the text typed.
      out[h] = col < 0 ? '' : cellText(rec[h] ?? rec[table.header[col]!]);
    });
    return out;
  });
}

/** Receipt ids as a cell may list them ("WRO 301", "301, 302", one per line). */
function receiptIds(cell: string): string[] {
  return cell.split(/[\s,;]+/).map((t) => t.replace(/^#/, '')).filter((t) => t && !/^(wro|return|uro)$/i.test(t));
}

/** What the Orders ledger (already read by the run), FBA Shipments and Removals know. */
export function chargeLedgers(wb: WorkbookPort, orders: ReadonlyArray<LedgerRow>): ChargeLedgers {
  const byId = new Map<string, { cancelled: boolean; threePlOrderId: string }>();
  const byThreePl = new Map<string, string>();
  for (const o of orders) {
    const cancelled = o.state === 'cancelled' || o.state === 'cancel-too-late' || o.amazonStatus === 'CANCELED';
    byId.set(o.orderId, { cancelled, threePlOrderId: o.threePlOrderId });
    if (o.threePlOrderId) byThreePl.set(o.threePlOrderId, o.orderId);
  }
  const fba = columnCells(wb, FBA_TAB, ['FBA Shipment ID', '3PL Order ID']);
  const fbaIds = new Set<string>();
  const fbaByThreePl = new Map<string, string>();
  for (const r of fba ?? []) {
    const id = r['FBA Shipment ID']!;
    if (!id) continue;
    fbaIds.add(id);
    if (r['3PL Order ID']) fbaByThreePl.set(r['3PL Order ID'], id);
  }
  const removals = columnCells(wb, REMOVALS_TAB, ['Removal Order ID', '3PL Receipt']);
  const removalIds = new Set<string>();
  const byReceipt = new Map<string, string>();
  for (const r of removals ?? []) {
    const id = r['Removal Order ID']!;
    if (!id) continue;
    removalIds.add(id);
    for (const receipt of receiptIds(r['3PL Receipt'] ?? '')) byReceipt.set(receipt, id);
  }
  return {
    orders: byId,
    ordersByThreePlId: byThreePl,
    fbaShipments: fbaIds,
    fbaByThreePlId: fbaByThreePl,
    removalsByReceipt: byReceipt,
    removals: removalIds,
    has: { fbaShipments: fba !== null, removals: removals !== null },
  };
}
