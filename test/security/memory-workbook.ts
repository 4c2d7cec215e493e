// An in-memory WorkbookPort (src/ports/workbook.ts) for kit tests: tabs as arrays of rows, the
// header first, so the runner's Exceptions, Sync Log and Settings reads and writes can be checked.

import type { CellValue, TabDef, WorkbookPort } from '../../src/ports/workbook';

/** As a sheet without number formats shows a value: numbers and booleans in their plain text. */
function shownText(v: CellValue): string {
  return typeof v === 'boolean' ? String(v).toUpperCase() : v instanceof Date ? v.toISOString() : String(v ?? '');
}

/**
 * A value as Sheets keeps it: a leading apostrophe marks what follows as text and is not part of the
 * value ("'00123" is read back as "00123"), as values are parsed like typed input (USER_ENTERED,
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption; the spreadsheet fake's
 * test/world/gas/spreadsheet/input.ts does the same).
 */
function stored(v: CellValue): CellValue {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

const storedRow = (r: readonly CellValue[]) => r.map(stored);

export function memoryWorkbook(seed: Record<string, CellValue[][]> = {}): WorkbookPort & { tabs: Map<string, CellValue[][]> } {
  const tabs = new Map<string, CellValue[][]>(Object.entries(seed).map(([k, v]) => [k, v.map((r) => [...r])]));
  const tab = (name: string) => {
    const t = tabs.get(name);
    if (!t) throw new Error(`No tab ${name}`);
    return t;
  };
  const width = (rows: CellValue[][]) => Math.max(0, ...rows.map((r) => r.length));
  const square = (rows: CellValue[][]) => rows.map((r) => [...r, ...Array<CellValue>(width(rows) - r.length).fill('')]);
  return {
    tabs,
    tabNames: () => [...tabs.keys()],
    readHeader: (name) => (tabs.has(name) ? [...tab(name)[0]!] : null),
    read: (name) => (tabs.has(name) ? square(tab(name)) : null),
    readColumn: (name, column) => (tabs.has(name) ? tab(name).slice(1).map((r) => r[column - 1] ?? '') : null),
    readShown: (name) => (tabs.has(name) ? square(tab(name)).map((r) => r.map(shownText)) : null),
    readShownColumn: (name, column) => (tabs.has(name) ? tab(name).slice(1).map((r) => shownText(r[column - 1] ?? '')) : null),
    createTab: (def: TabDef, rows) => void tabs.set(def.name, [def.columns.map((c) => c.header), ...rows.map(storedRow)]),
    appendRows: (name, rows) => void tab(name).push(...rows.map(storedRow)),
    addColumns: (name, start, columns) => {
      const header = tab(name)[0]!;
      columns.forEach((c, i) => (header[start - 1 + i] = c.header));
    },
    replaceRows: (name, rows) => {
      const t = tab(name);
      t.splice(1, t.length - 1, ...rows.map(storedRow));
    },
    writeRows: (name, blocks) => {
      const t = tab(name);
      for (const b of blocks) {
        while (t.length < b.row - 1 + b.rows.length) t.push([]);
        // As the port says (ports/workbook.ts RowBlock.column): cells left of the block's first column and right of its rows stay.
        const at = (b.column ?? 1) - 1;
        b.rows.forEach((r, i) => {
          const row = [...(t[b.row - 1 + i] ?? [])];
          while (row.length < at) row.push('');
          r.forEach((v, j) => (row[at + j] = stored(v)));
          t[b.row - 1 + i] = row;
        });
      }
    },
    flush: () => undefined,
    rearrangeRows: (name, deletes, inserts) => {
      const t = tab(name);
      for (const d of deletes) t.splice(d.row - 1, d.count);
      for (const ins of inserts) t.splice(ins.row - 1, 0, ...Array.from({ length: ins.count }, () => [] as CellValue[]));
    },
    writeCell: (name, row, column, value) => {
      const t = tab(name);
      while (t.length < row) t.push([]);
      t[row - 1]![column - 1] = stored(value);
    },
  };
}
