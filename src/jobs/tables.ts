// Header-keyed access to tabs: read a tab once into records, write records back once in the
// header's own order. Columns are found by name, people's extra columns survive, and text from
// outside that starts with =, +, - or @ is written as text, never as a formula (PRODUCT.md §2).

import type { TabColumn, TabDef } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';

export type TableRecord = Record<string, CellValue>;

export interface Table {
  tab: string;
  header: string[];
  /** Every row under the header, blank ones included, so positions match sheet rows (row = index + 2). */
  records: TableRecord[];
}

export function readTable(wb: WorkbookPort, tab: string): Table | null {
  const values = wb.read(tab);
  if (!values) return null;
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const records = values.slice(1).map((row) => {
    const rec: TableRecord = {};
    header.forEach((h, i) => {
      if (h && !(h in rec)) rec[h] = row[i] ?? '';
    });
    return rec;
  });
  return { tab, header, records };
}

/** The value as a cell should receive it: '' for nothing, and a leading apostrophe for text that would otherwise be parsed as a formula or number. */
export function cellOut(v: unknown, format: TabColumn['format'] | undefined): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return v as Date;
  const s = String(v);
  if (format === 'text') return s;
  return /^[=+\-@']/.test(s) ? `'${s}` : s;
}

/**
 * Makes sure the tab exists with every column of `def` (creating it, or adding missing columns at
 * the right), and returns the header to write with.
 */
export function ensureTable(wb: WorkbookPort, def: TabDef, table: Table | null): string[] {
  if (!table) {
    wb.createTab(def, []);
    return def.columns.map((c) => c.header);
  }
  let header = [...table.header];
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const missing = def.columns.filter((c) => !header.includes(c.header));
  if (missing.length > 0) {
    wb.addColumns(def.name, header.length + 1, missing);
    header = [...header, ...missing.map((c) => c.header)];
  }
  return header;
}

/** Replaces the data rows with `records`, laid out by header name. */
export function writeTable(wb: WorkbookPort, def: TabDef, header: readonly string[], records: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
  const formats = header.map((h) => def.columns.find((c) => c.header === h)?.format);
  const rows = records.map((r) => header.map((h, i) => cellOut(r[h], formats[i])));
  // Formats travel with every write: text columns must be '@' before "00123" lands in them.
  wb.replaceRows(def.name, rows, formats.some(Boolean) ? rows.map(() => formats) : undefined);
}
