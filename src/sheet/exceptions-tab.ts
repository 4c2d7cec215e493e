// The Exceptions tab: a run's problems merged into it (core/exceptions decides how), in one write,
// then each row's Entity linked to the page where it can be looked at (Seller Central, ShipBob).
// Only the job runner calls this, with the running job's scope.

import { exceptionLink, pruneResolved, reconcileExceptions } from '../core/exceptions';
import type { ExceptionScope, RaisedException, ReconcileResult } from '../core/exceptions';
import { cellText } from '../core/cells';
import { TAB, TABS, columnOf, headersOf } from '../core/tabs';
import type { TabColumn } from '../core/tabs';
import type { LinkCell, SheetStylePort } from '../ports/sheet-style';
import type { WorkbookPort } from '../ports/workbook';
import { ensureTable, readTable, writeTable } from './table';
import type { Table } from './table';

interface ReconcileRequest {
  raised: ReadonlyArray<RaisedException>;
  now: number;
  /** The rows this run may resolve when it no longer raises them. */
  scope: ExceptionScope;
  /** Resolved rows older than this are dropped (Settings "Log retention (days)"). */
  retentionDays?: number;
  /** Settings "Marketplace": where order ids are looked up (their keys name no marketplace). */
  marketplace?: string;
}

const X = headersOf(TABS.exceptions);

/**
 * The Entity cells, rows as written (row = index + 2), each with its link or none: given together,
 * the column is one write. The tab is rewritten whole on every reconcile, which drops rich text, so
 * the links go back on each time; the tab's rows are few.
 */
function entityLinks(header: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, marketplace: string): LinkCell[] {
  const column = columnOf(header, X.entity) + 1;
  if (column < 1) return [];
  const out: LinkCell[] = [];
  rows.forEach((r, i) => {
    const text = cellText(r[X.entity]);
    if (text) out.push({ row: i + 2, column, text, url: exceptionLink(cellText(r[X.key]), marketplace) });
  });
  // Nothing to link: the cells stay as written.
  return out.some((c) => c.url) ? out : [];
}

/** "… SKU Map row 12 …" in an Action cell (a proposed row to review, core/inventory/unmapped.ts): a link to that row. */
const SKU_MAP_ROW = /\bSKU Map row (\d+)\b/;

/** The Action cells that name a SKU Map row, each linked to the row; other Action cells are left alone. */
function actionLinks(header: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): LinkCell[] {
  const column = columnOf(header, X.action) + 1;
  if (column < 1) return [];
  const out: LinkCell[] = [];
  rows.forEach((r, i) => {
    const text = cellText(r[X.action]);
    const m = SKU_MAP_ROW.exec(text);
    if (m) out.push({ row: i + 2, column, text, url: null, sheetCell: { tab: TAB.skuMap, a1: `A${m[1]}` } });
  });
  return out;
}

interface ExceptionsTab {
  reconcile(req: ReconcileRequest): ReconcileResult;
}

/** A column still under a former header ("Count", now "Times Seen"): renamed in place, its values kept. */
function migrated(wb: WorkbookPort, table: Table | null): Table | null {
  if (!table) return table;
  const columns: readonly TabColumn[] = TABS.exceptions.columns;
  for (const col of columns) {
    const now = col.header;
    const old = (col.was ?? []).find((w) => columnOf(table.header, w) >= 0);
    if (old === undefined) continue;
    const at = columnOf(table.header, old);
    if (at < 0 || columnOf(table.header, now) >= 0) continue;
    wb.writeCell(table.tab, 1, at + 1, now);
    const oldKey = table.header[at]!;
    table.header = table.header.map((h, i) => (i === at ? now : h));
    table.records = table.records.map((r) => {
      const { [oldKey]: v, ...rest } = r;
      return { ...rest, [now]: v ?? '' };
    });
  }
  return table;
}

/** `style` absent: values only, no links. */
export function exceptionsTab(wb: WorkbookPort, style?: SheetStylePort): ExceptionsTab {
  let table: Table | null | undefined;
  return {
    reconcile({ raised, now, scope, retentionDays, marketplace = '' }) {
      if (table === undefined) table = migrated(wb, readTable(wb, TAB.exceptions));
      const header = ensureTable(wb, TABS.exceptions, table);
      // Rows people emptied are gone for good; everything else is kept as typed.
      const existing = (table?.records ?? []).filter((r) => Object.values(r).some((v) => v !== ''));
      const result = reconcileExceptions(existing, raised, { now, scope });
      if (retentionDays !== undefined) result.rows = pruneResolved(result.rows, { now, retentionDays });
      const cols = [...header, ...TABS.exceptions.columns.map((c) => c.header).filter((h) => columnOf(header, h) < 0)];
      writeTable(wb, TABS.exceptions, cols, result.rows);
      if (style) {
        style.setLinks(TAB.exceptions, entityLinks(cols, result.rows, marketplace));
        style.setLinks(TAB.exceptions, actionLinks(cols, result.rows));
      }
      table = { tab: TAB.exceptions, header: cols, records: result.rows as Table['records'] };
      return result;
    },
  };
}
