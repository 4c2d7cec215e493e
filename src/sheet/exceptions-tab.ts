// The Exceptions tab: a run's problems merged into it (core/exceptions decides how), in one write.
// Only the job runner calls this, with the running job's scope.

import { pruneResolved, reconcileExceptions } from '../core/exceptions';
import type { ExceptionScope, RaisedException, ReconcileResult } from '../core/exceptions';
import { TAB, TABS, columnOf } from '../core/tabs';
import type { TabColumn } from '../core/tabs';
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

export function exceptionsTab(wb: WorkbookPort): ExceptionsTab {
  let table: Table | null | undefined;
  return {
    reconcile({ raised, now, scope, retentionDays }) {
      if (table === undefined) table = migrated(wb, readTable(wb, TAB.exceptions));
      const header = ensureTable(wb, TABS.exceptions, table);
      // Rows people emptied are gone for good; everything else is kept as typed.
      const existing = (table?.records ?? []).filter((r) => Object.values(r).some((v) => v !== ''));
      const result = reconcileExceptions(existing, raised, { now, scope });
      if (retentionDays !== undefined) result.rows = pruneResolved(result.rows, { now, retentionDays });
      const cols = [...header, ...TABS.exceptions.columns.map((c) => c.header).filter((h) => columnOf(header, h) < 0)];
      writeTable(wb, TABS.exceptions, cols, result.rows);
      table = { tab: TAB.exceptions, header: cols, records: result.rows as Table['records'] };
      return result;
    },
  };
}
