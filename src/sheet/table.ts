// Header-keyed access to tabs, the base of every tab module: read a tab once into records, write
// records back once in the header's own order. Columns are found by name, ignoring case and spaces
// around or doubled inside (a record is read by the tab's own header and written back under the
// header people typed); people's extra columns survive, and text from outside that starts with =,
// +, - or @ is written as text, never as a formula (docs/design.md §2).

import { isEmptyCell } from '../core/cells';
import { canonicalHeader, columnOf, headerText, sameName, tabDefNamed } from '../core/tabs';
import type { TabColumn, TabDef } from '../core/tabs';
import type { CellFormat, CellValue, WorkbookPort } from '../ports/workbook';
import { ConfigInvalidError } from '../core/config-invalid';
import { peoplesOwnTab, peoplesOwnTabMessage } from '../core/tab-ownership';
import { planRowWrites, type ColumnSpan, type RowRun } from './row-blocks';
import { planRearrangement, type Rearrangement } from './row-moves';

export type TableRecord = Record<string, CellValue>;

export interface Table {
  /** The tab's name as the spreadsheet has it. */
  tab: string;
  /** Header cells as people typed them (trimmed). */
  header: string[];
  /** Every row under the header, blank ones included, so positions match sheet rows (row = index + 2). */
  records: TableRecord[];
}

/**
 * The record key of each header cell: the tab's own header whatever case people typed ("seller sku"
 * is read as "Seller SKU"), so code reads one name; a second column with the same name keeps its
 * own key (text#column), so writing back never copies one column over another.
 */
function recordKeys(def: TabDef | undefined, header: readonly string[]): string[] {
  const used = new Set<string>();
  return header.map((h, i) => {
    if (!h) return '';
    const canonical = def ? canonicalHeader(def, h) : h;
    const key = used.has(canonical) ? `${h}#${i + 1}` : canonical;
    used.add(key);
    return key;
  });
}

function recordsOf(keys: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): TableRecord[] {
  return rows.map((row) => {
    const rec: TableRecord = {};
    keys.forEach((k, i) => {
      if (k) rec[k] = row[i] ?? '';
    });
    return rec;
  });
}

/** Reads a tab into records keyed by the tab's own headers (TABS), people's extra columns by their text. */
export function readTable(wb: WorkbookPort, tab: string): Table | null {
  const values = wb.read(tab);
  if (!values) return null;
  const header = (values[0] ?? []).map(headerText);
  const def = tabDefNamed(tab);
  const records = recordsOf(recordKeys(def, header), values.slice(1));
  if (def) unquoteLiterals(def, records);
  return { tab, header, records };
}

/**
 * A literal column's value as written, should its apostrophe have stayed (a cell someone formatted
 * '@', where Sheets keeps it as a character): identifiers never start with one, so one is dropped.
 */
function unquoteLiterals(def: TabDef, records: TableRecord[]): void {
  const keys = def.columns.filter((c) => c.literal).map((c) => c.header);
  if (keys.length === 0) return;
  for (const rec of records) {
    for (const k of keys) {
      const v = rec[k];
      if (typeof v === 'string' && v.startsWith("'")) rec[k] = v.slice(1);
    }
  }
}

/**
 * The value as a cell should receive it: '' for nothing, and a leading apostrophe for text that would
 * otherwise be parsed as a formula or number (always, in a `literal` column: TabColumn.literal).
 */
export function cellOut(v: unknown, format: TabColumn['format'] | undefined, literal = false): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return v as Date;
  const s = String(v);
  if (format === 'text') return s;
  if (literal) return s === '' ? '' : `'${s}`;
  return /^[=+\-@']/.test(s) ? `'${s}` : s;
}

/** Each header's column in the tab's definition (people's own columns have none). */
function columnsFor(def: TabDef, header: readonly string[]): Array<TabColumn | undefined> {
  return header.map((h) => def.columns.find((c) => sameName(c.header, h)));
}

/** A header row without the free space people leave right of it. */
function trimmedHeader(header: readonly string[]): string[] {
  const out = [...header];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Stops a writer before it touches a person's own tab of that name (core/tab-ownership.ts): writing
 * would add the add-on's columns and replace or delete the rows it cannot identify. The job reports
 * it as CONFIG_INVALID naming the tab, and its other tabs are not written meanwhile.
 */
export function refusePeoplesTab(def: TabDef, table: Table | null): void {
  if (!table) return;
  const values = [table.header, ...table.records.map((r) => Object.values(r))];
  if (peoplesOwnTab(def, values)) throw new ConfigInvalidError(peoplesOwnTabMessage(def, table.tab), `${def.name}:not ours`, `${table.tab} tab`);
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
  let header = trimmedHeader(table.header);
  const missing = def.columns.filter((c) => columnOf(header, c.header) < 0);
  if (missing.length > 0) {
    wb.addColumns(table.tab, header.length + 1, missing);
    header = [...header, ...missing.map((c) => c.header)];
  }
  return header;
}

/**
 * Records laid out as rows of `header` (as people have it), each cell as the sheet should receive
 * it, with each column's format (the tab's own columns have one, people's columns none).
 */
function rowsOf(def: TabDef, header: readonly string[], records: ReadonlyArray<Readonly<Record<string, unknown>>>) {
  const columns = columnsFor(def, header);
  const formats = columns.map((c) => c?.format);
  const literals = columns.map((c) => c?.literal === true);
  const keys = recordKeys(def, header.map(headerText));
  const rows = records.map((r) => keys.map((k, i) => cellOut(k ? r[k] : '', formats[i], literals[i])));
  // Formats travel with every write: text columns must be '@' before "00123" lands in them, and a
  // literal column must not be '@' (its apostrophe would stay).
  const withLiterals: Array<CellFormat | undefined> = formats.map((f, i) => (literals[i] ? 'literal' : f));
  const columnFormats: Array<CellFormat | undefined> | undefined = withLiterals.some(Boolean) ? withLiterals : undefined;
  const cellFormats = columnFormats ? rows.map(() => columnFormats) : undefined;
  return { rows, columnFormats, cellFormats };
}

/** Replaces the data rows with `records`, laid out by header name. */
export function writeTable(wb: WorkbookPort, def: TabDef, header: readonly string[], records: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
  const { rows, cellFormats } = rowsOf(def, header, records);
  wb.replaceRows(def.name, rows, cellFormats);
}

/** Adds `records` under the last row, laid out by the tab's current header (read alone, not the whole tab). */
export function appendRecords(wb: WorkbookPort, def: TabDef, records: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
  const current = wb.readHeader(def.name);
  const header = trimmedHeader((current ?? []).map(headerText));
  const usable = def.columns.some((c) => columnOf(header, c.header) >= 0) ? header : def.columns.map((c) => c.header);
  const { rows, cellFormats } = rowsOf(def, usable, records);
  wb.appendRows(def.name, rows, cellFormats);
}

/** An add-on tab of rows that each have an identity (an offer, an order), read once and written once. */
export interface KeyedRowsTab<R> {
  /** The rows as last written (by an earlier run, or by this one). */
  rows(): R[];
  /**
   * Replaces the rows; later reads in the same run see them. `orElse`: the same rows in another
   * order, written instead when putting the tab into `rows`' order would cost more than `orElse`'s
   * by over `allowanceCells` (moving thousands of rows one by one, row-moves.ts).
   */
  write(rows: ReadonlyArray<R>, orElse?: { rows: ReadonlyArray<R>; allowanceCells: number }): void;
}

/**
 * The tab `def` as rows: read on first use, and on write only what differs from what it holds.
 * When the rows keep their order (quantities changed, rows added at the end) only the changed rows
 * are written, in blocks of consecutive rows as wide as the columns that changed, close blocks
 * merged (row-blocks.ts). When rows moved, came in among the others or went, the rows concerned are
 * deleted and inserted and the rest written as above (row-moves.ts), unless rewriting the tab whole
 * costs less. People's own extra columns stay with the row they were typed on, whatever the new order.
 */
export function keyedRowsTab<R>(
  wb: WorkbookPort,
  def: TabDef,
  io: { fromRecord(rec: TableRecord): R | null; toRecord(r: R): Record<string, unknown>; idOf(r: R): string },
): KeyedRowsTab<R> & { unidentified(): number[]; withoutId(): number[]; sheetRows(): number[]; recordAt(sheetRow: number): TableRecord | undefined } {
  let table: Table | null | undefined;
  let rows: R[] = [];
  /** The sheet row of each of `rows` (blank rows people left between them are skipped). */
  let sheetRows: number[] = [];
  /** Sheet rows `fromRecord` read as a row with an empty id (one whose id cell was emptied), in order. */
  let withoutId: number[] = [];
  /** The id of each record of `table` (null for a blank or unreadable row), by position. */
  let ids: Array<string | null> = [];
  /** Sheet rows that hold something but no row `fromRecord` could read: a write deletes them. */
  let unidentified: number[] = [];
  const load = (): Table | null => {
    if (table === undefined) {
      table = readTable(wb, def.name);
      const records = table?.records ?? [];
      const read = records.map((rec) => io.fromRecord(rec));
      ids = read.map((r) => (r === null ? null : io.idOf(r)));
      rows = read.filter((r): r is R => r !== null);
      sheetRows = read.flatMap((r, i) => (r === null ? [] : [i + 2]));
      unidentified = read.flatMap((r, i) => (r === null && !Object.values(records[i]!).every(isEmptyCell) ? [i + 2] : []));
      withoutId = read.flatMap((r, i) => (r !== null && io.idOf(r) === '' ? [i + 2] : []));
    }
    return table;
  };
  return {
    rows() {
      load();
      return rows;
    },
    unidentified() {
      load();
      return unidentified;
    },
    withoutId() {
      load();
      return withoutId;
    },
    sheetRows() {
      load();
      return sheetRows;
    },
    /** The record at a sheet row as read (an unidentified row's cells, say), by header name. */
    recordAt(sheetRow) {
      return load()?.records[sheetRow - 2];
    },
    write(wanted, orElse) {
      const current = load();
      refusePeoplesTab(def, current);
      const header = ensureTable(wb, def, current);
      /**
       * How the tab's rows become `list`, and what that costs beyond their changed cells: where they
       * stand (every row the tab holds is, in order, the row of the same id), by row moves
       * (row-moves.ts), or by a rewrite of every row when that costs less.
       */
      const arrange = (list: ReadonlyArray<R>): { inPlace: boolean; moves: Rearrangement | null; cost: number } => {
        if (!current) return { inPlace: false, moves: null, cost: 0 };
        const listIds = list.map((r) => io.idOf(r));
        if (current.records.length <= list.length && ids.every((id, i) => id !== null && id === listIds[i])) return { inPlace: true, moves: null, cost: 0 };
        const rewrite = list.length * header.length;
        const moves = current.records.length > 0 ? planRearrangement(ids, listIds, header.length) : null;
        return moves && moves.cells < rewrite ? { inPlace: false, moves, cost: moves.cells } : { inPlace: false, moves: null, cost: rewrite };
      };
      const wantedWay = arrange(wanted);
      const otherWay = orElse ? arrange(orElse.rows) : null;
      const useOther = orElse && otherWay && wantedWay.cost > otherWay.cost + orElse.allowanceCells;
      const next = useOther ? orElse.rows : wanted;
      const { inPlace, moves } = useOther ? otherWay : wantedWay;
      const keys = header.map((h) => canonicalHeader(def, h));
      const isOwn = (h: string) => def.columns.some((c) => columnOf([h], c.header) === 0);
      const extra = header.filter((h) => h && !isOwn(h));
      const old = new Map<string, TableRecord>();
      if (extra.length && current) current.records.forEach((rec, i) => ids[i] !== null && old.set(ids[i]!, rec));
      const records = next.map((r, i) => {
        const rec = io.toRecord(r);
        const before = inPlace && current && i < current.records.length ? current.records[i] : old.get(io.idOf(r));
        if (before) for (const h of extra) rec[h] = before[h];
        return rec;
      });
      rows = [...next];
      const written = () => {
        table = { tab: def.name, header, records: records as Table['records'] };
        ids = next.map((r) => io.idOf(r));
        sheetRows = next.map((_r, i) => i + 2);
        unidentified = [];
        withoutId = next.flatMap((r, i) => (io.idOf(r) === '' ? [i + 2] : []));
      };
      // Only the add-on's own columns make a row changed: people's come from the row itself.
      const own = keys.filter((k) => k && def.columns.some((c) => c.header === k));
      const { columnFormats } = rowsOf(def, header, []);
      /** Writes the planned blocks, and the rows `whole` (inserted ones) as they are. */
      const writePlanned = (spans: ReadonlyArray<ColumnSpan | null>, existing: number, whole: readonly RowRun[] = []): boolean => {
        const formats = columnFormats ?? header.map(() => undefined);
        // Rows added under the last one are blank until written: only their cells that hold something
        // are (a new FBM row has no FBA figures yet), and tick boxes, which must be there to be ticked.
        const boxes = keys.map((_k, j) => formats[j] === 'checkbox');
        const added = records.slice(existing).map((rec) => filledColumns(rec, keys, boxes));
        const plan = [
          ...planRowWrites([...spans, ...added], existing, records.length, formats.map((f) => f === 'text' || f === 'checkbox')),
          ...whole.map((r) => ({ start: r.start, count: r.count, column: 0, width: header.length })),
        ];
        if (plan.length === 0) return false;
        const blocks = plan.map((p) => ({
          row: p.start + 2,
          column: p.column + 1,
          rows: rowsOf(def, header, records.slice(p.start, p.start + p.count)).rows.map((r) => r.slice(p.column, p.column + p.width)),
        }));
        wb.writeRows(def.name, blocks, columnFormats);
        return true;
      };
      if (current && inPlace) {
        const spans = current.records.map((before, i) => differingColumns(before, records[i]!, keys, own));
        // A tab whose rows are what it already holds is not written again (no cells, no formats).
        if (writePlanned(spans, current.records.length)) written();
        return;
      } else if (current && sameRecords(current.records, records, keys)) {
        return;
      }
      // Rows moved, came in among the others or went: deleting and inserting the few concerned costs
      // less than rewriting every row, unless most of the tab moved.
      if (current && moves) {
        wb.rearrangeRows(
          def.name,
          moves.deletes.map((r) => ({ row: r.start + 2, count: r.count })),
          moves.inserts.map((r) => ({ row: r.start + 2, count: r.count })),
          columnFormats,
        );
        const spans = moves.from.map((f, i) => (f >= 0 ? differingColumns(current.records[f]!, records[i]!, keys, own) : null));
        // Rows past the last one kept are new rows under it; the ones inserted above it are written whole.
        const existing = moves.from.reduce((last, f, i) => (f >= 0 ? i + 1 : last), 0);
        writePlanned(spans.slice(0, existing), existing, moves.inserts);
        written();
        return;
      }
      // A tab made just now is blank under its header: its rows are all added ones.
      if (!current) writePlanned([], 0);
      else writeTable(wb, def, header, records);
      written();
    },
  };
}

/** A cell as it compares: dates by instant, empty as '', numbers and text as they are. */
function comparable(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).getTime();
  return v;
}

/** The span of the columns (0-based, in `keys`) that `take` picks; null when it picks none. */
function spanWhere(keys: readonly string[], take: (key: string, j: number) => boolean): ColumnSpan | null {
  const columns: number[] = [];
  keys.forEach((k, j) => {
    if (take(k, j)) columns.push(j);
  });
  return columns.length ? { first: columns[0]!, last: columns[columns.length - 1]!, columns } : null;
}

/** The columns (0-based, in `keys`) where `after` differs from `before` among the `own` keys; null when none does. */
function differingColumns(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  own: readonly string[],
): ColumnSpan | null {
  return spanWhere(keys, (k) => !!k && own.includes(k) && comparable(before[k]) !== comparable(after[k]));
}

/** The columns (0-based, in `keys`) where `rec` holds something, or that `always` names. */
function filledColumns(rec: Readonly<Record<string, unknown>>, keys: readonly string[], always: readonly boolean[]): ColumnSpan | null {
  return spanWhere(keys, (k, j) => always[j] === true || (!!k && comparable(rec[k]) !== ''));
}

/** True when the record holds the same value under each of `keys`. */
function sameRecord(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  return keys.every((k) => comparable(before[k]) === comparable(after[k]));
}

/** `keys`: the header as record keys (the tab's own names for its columns, people's text for theirs). */
export function sameRecords(before: ReadonlyArray<TableRecord>, after: ReadonlyArray<Record<string, unknown>>, keys: readonly string[]): boolean {
  const filled = before.filter((r) => Object.values(r).some((v) => v !== ''));
  if (filled.length !== after.length) return false;
  const used = keys.filter(Boolean);
  return after.every((rec, i) => sameRecord(filled[i]!, rec, used));
}
