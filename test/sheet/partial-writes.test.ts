// Issue 13, "write only what changed": a keyed tab (keyedRowsTab, src/sheet/table.ts) whose rows keep
// their order writes only the rows that changed, in blocks, through the real Apps Script adapter
// (src/adapters/gas/workbook.ts) over the SpreadsheetApp fake; rows that moved, came in or went are
// deleted and inserted (src/sheet/row-moves.ts), and only a tab reordered throughout is written whole
// again. Whatever path was taken, the sheet ends as a whole
// write would have left it (values, what people see, number formats), people's columns stay with
// their rows, and number formats are set with one call per column (per block written), never read and
// rewritten cell by cell.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { gasWorkbook } from '../../src/adapters/gas/workbook';
import type { CellFormat, CellValue, RowBlock, RowSpan, TabDef, WorkbookPort } from '../../src/ports/workbook';
import { changedRuns, planRowWrites, RANGE_WRITE_OVERHEAD_CELLS } from '../../src/sheet/row-blocks';
import { keyedRowsTab, writeTable } from '../../src/sheet/table';
import type { TableRecord } from '../../src/sheet/table';
import { RangeApi } from '../world/gas/spreadsheet/range';
import { openFake, type FakeSheets } from '../world/gas/spreadsheet/testing';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake's facades are untyped, as product code sees them */

/** A tab with one column of each format the add-on uses, and one column without. */
const DEF = {
  name: 'Stock',
  columns: [
    { key: 'sku', header: 'SKU', format: 'text' },
    { key: 'qty', header: 'Qty', format: 'integer' },
    { key: 'share', header: 'Share', format: 'percent' },
    { key: 'price', header: 'Price', format: 'money' },
    { key: 'at', header: 'Updated', format: 'datetime' },
    { key: 'reason', header: 'Reason' },
  ],
} as const satisfies TabDef;
const WIDTH = DEF.columns.length;
const FORMATTED = DEF.columns.filter((c) => 'format' in c).length;

interface Item {
  sku: string;
  qty: number;
  share: number;
  price: number;
  at: number;
  reason: string;
}

const T0 = Date.UTC(2026, 10, 2, 8, 30);

const io = {
  fromRecord(rec: TableRecord): Item | null {
    if (rec['SKU'] === '' || rec['SKU'] === undefined) return null;
    const at = rec['Updated'];
    return {
      sku: String(rec['SKU']),
      qty: Number(rec['Qty']),
      share: Number(rec['Share']),
      price: Number(rec['Price']),
      at: Object.prototype.toString.call(at) === '[object Date]' ? (at as Date).getTime() : NaN,
      reason: String(rec['Reason']),
    };
  },
  toRecord: (r: Item) => ({ SKU: r.sku, Qty: r.qty, Share: r.share, Price: r.price, Updated: new Date(r.at), Reason: r.reason }),
  idOf: (r: Item) => r.sku,
};

/** SKUs with leading zeros, so a text column that lost '@' would turn them into numbers. */
function items(n: number): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    sku: String(i + 1).padStart(6, '0'),
    qty: i % 50,
    share: 0.5,
    price: 2.5,
    at: T0,
    reason: i % 7 === 0 ? '-held' : 'ok',
  }));
}

interface PortCall {
  method: 'replaceRows' | 'writeRows' | 'rearrangeRows';
  cells: number;
  blocks: number;
  /** rearrangeRows: the spans deleted and inserted (sheet rows), as `row+count`. */
  deleted?: string[];
  inserted?: string[];
}

/** The adapter with a record of the row writes keyedRowsTab asks of it. */
function spying(wb: WorkbookPort): WorkbookPort & { calls: PortCall[] } {
  const calls: PortCall[] = [];
  const cells = (rows: CellValue[][]) => rows.reduce((n, r) => n + r.length, 0);
  return {
    ...wb,
    calls,
    replaceRows(tab, rows, formats) {
      calls.push({ method: 'replaceRows', cells: cells(rows), blocks: 1 });
      wb.replaceRows(tab, rows, formats);
    },
    writeRows(tab, blocks: readonly RowBlock[], formats) {
      calls.push({ method: 'writeRows', cells: blocks.reduce((n, b) => n + cells(b.rows), 0), blocks: blocks.length });
      wb.writeRows(tab, blocks, formats);
    },
    rearrangeRows(tab, deletes, inserts, formats) {
      const spans = (list: readonly RowSpan[]) => list.map((s) => `${s.row}+${s.count}`);
      calls.push({ method: 'rearrangeRows', cells: 0, blocks: 0, deleted: spans(deletes), inserted: spans(inserts) });
      wb.rearrangeRows(tab, deletes, inserts, formats);
    },
  };
}

let fake: FakeSheets;

/** A fresh spreadsheet whose SpreadsheetApp is the global the adapter calls. */
function open(): WorkbookPort & { calls: PortCall[] } {
  fake = openFake();
  (globalThis as Record<string, unknown>).SpreadsheetApp = fake.app;
  return spying(gasWorkbook());
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>).SpreadsheetApp;
});

const sheet = (): any => fake.ss.getSheetByName(DEF.name);

/** Everything a person sees of the tab, cell by cell: values (dates by instant), display text and number format. */
function snapshot(): Array<Array<{ v: unknown; shown: string; nf: string }>> {
  const range = sheet().getDataRange();
  const values = range.getValues() as unknown[][];
  const shown = range.getDisplayValues() as string[][];
  const nf = range.getNumberFormats() as string[][];
  return values.map((row, i) =>
    row.map((v, j) => ({
      v: Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : v,
      shown: shown[i]![j]!,
      nf: nf[i]![j]!,
    })),
  );
}

/** Puts a person's column in (before `beforeColumn`, 1-based; 0 = right of the last) and types into it by SKU. */
function peopleColumn(header: string, beforeColumn: number, notes: Record<string, string>): void {
  const sh = sheet();
  let col = beforeColumn;
  if (col === 0) col = sh.getLastColumn() + 1;
  else sh.insertColumnsBefore(col, 1);
  sh.getRange(1, col).setValue(header);
  const skus = sh.getRange(1, 1, sh.getLastRow(), 1).getValues() as unknown[][];
  skus.forEach((r, i) => {
    const note = notes[String(r[0])];
    if (note !== undefined) sh.getRange(i + 1, col).setValue(note);
  });
}

/**
 * Runs `steps` against a fresh spreadsheet twice: once through keyedRowsTab as the product does,
 * once ending with a whole write (writeTable: what replaceRows with every row gives) of the last rows,
 * people's columns carried by SKU as keyedRowsTab promises. Returns the product's port calls and both
 * sheets.
 */
function againstWholeWrite(start: Item[], setup: () => void, next: Item[]) {
  const run = (whole: boolean) => {
    const wb = open();
    keyedRowsTab(wb, DEF, io).write(start);
    setup();
    const tab = keyedRowsTab(wb, DEF, io);
    tab.rows();
    wb.calls.length = 0;
    const formatted: string[] = [];
    if (!whole) {
      const setNumberFormat = vi.spyOn(RangeApi.prototype, 'setNumberFormat');
      tab.write(next);
      for (const range of setNumberFormat.mock.contexts as RangeApi[]) formatted.push(range.getA1Notation());
      setNumberFormat.mockRestore();
    } else {
      const values = fake.ss.getSheetByName(DEF.name).getDataRange().getValues() as unknown[][];
      const header = (values[0] ?? []).map(String);
      const bySku = new Map(values.slice(1).map((r) => [String(r[0]), r]));
      const records = next.map((item) => {
        const rec: Record<string, unknown> = io.toRecord(item);
        header.forEach((h, j) => {
          if (!DEF.columns.some((c) => c.header === h)) rec[h] = bySku.get(item.sku)?.[j] ?? '';
        });
        return rec;
      });
      writeTable(wb, DEF, header, records);
    }
    return { calls: [...wb.calls], grid: snapshot(), formatted };
  };
  const product = run(false);
  const reference = run(true);
  return { calls: product.calls, grid: product.grid, reference: reference.grid, formatted: product.formatted };
}

const rowOf = (sku: string): number => (sheet().getRange(1, 1, sheet().getLastRow(), 1).getValues() as unknown[][]).findIndex((r) => r[0] === sku) + 1;

describe('row blocks and their cost', () => {
  it('groups consecutive changed rows into runs', () => {
    expect(changedRuns([false, true, true, false, false, true, false, true])).toEqual([
      { start: 1, count: 2 },
      { start: 5, count: 1 },
      { start: 7, count: 1 },
    ]);
    expect(changedRuns([false, false])).toEqual([]);
  });

  const span = (first: number, last: number) => ({ first, last });
  const noReset = [false, false, false, false, false, false];

  it('writes existing rows in the band of columns that changed, new rows whole', () => {
    const spans = [null, span(2, 2), null, span(4, 5), null];
    expect(planRowWrites(spans, 5, 7, noReset)).toEqual([
      { start: 1, count: 3, column: 2, width: 4 },
      { start: 5, count: 2, column: 0, width: 6 },
    ]);
    expect(planRowWrites([null, null], 2, 2, noReset)).toEqual([]);
  });

  it('merges runs whose gap costs fewer cells than a write, keeps far-apart runs apart', () => {
    // One column wide, no format set again: a write costs RANGE_WRITE_OVERHEAD_CELLS, a row one cell.
    const near = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? span(1, 1) : null));
    expect(planRowWrites(near, 100, 100, noReset)).toEqual([{ start: 0, count: 91, column: 1, width: 1 }]);
    const far = Array.from({ length: 1000 }, (_, i) => (i === 3 || i === 900 ? span(1, 1) : null));
    expect(planRowWrites(far, 1000, 1000, noReset)).toEqual([
      { start: 3, count: 1, column: 1, width: 1 },
      { start: 900, count: 1, column: 1, width: 1 },
    ]);
  });

  it('writes far-apart changed columns as separate bands when the columns between cost more than the extra writes', () => {
    // A read-back: 1,000 consecutive rows change in columns 3 and 4 and in column 30 (Updated At).
    const wide = new Array<boolean>(32).fill(false);
    const confirmed = Array.from({ length: 1000 }, () => ({ first: 3, last: 30, columns: [3, 4, 30] }));
    expect(planRowWrites(confirmed, 1000, 1000, wide)).toEqual([
      { start: 0, count: 1000, column: 3, width: 2 },
      { start: 0, count: 1000, column: 30, width: 1 },
    ]);
    // Two rows only, six columns apart: the cells between cost less than a second band's writes, so one band.
    const few = [{ first: 1, last: 8, columns: [1, 8] }, null, null, { first: 1, last: 8, columns: [1, 8] }];
    expect(planRowWrites(few, 4, 4, new Array<boolean>(10).fill(false))).toEqual([{ start: 0, count: 4, column: 1, width: 8 }]);
    // One of them changed in column 1 alone: the far column is written on its one row.
    const apart = [{ first: 1, last: 8, columns: [1, 8] }, null, null, { first: 1, last: 1, columns: [1] }];
    expect(planRowWrites(apart, 4, 4, new Array<boolean>(10).fill(false))).toEqual([
      { start: 0, count: 4, column: 1, width: 1 },
      { start: 0, count: 1, column: 8, width: 1 },
    ]);
  });

  it('writes each set of columns on the rows it changed on: FBM read-back columns on FBM rows, FBA figures on FBA rows', () => {
    // 4,000 rows, every fifth an FBA row. FBM rows: Amazon FBM Qty … Push State (13–17) and Updated At (27);
    // FBA rows: the FBA figures and Reason (18–26) and Updated At. One band of 13–27 would write 15 cells a row.
    const width = 28;
    const fbm = { first: 13, last: 27, columns: [13, 14, 15, 16, 17, 27] };
    const fba = { first: 18, last: 27, columns: [18, 19, 20, 21, 22, 23, 24, 25, 26, 27] };
    const spans = Array.from({ length: 4000 }, (_, i) => (i % 5 === 4 ? fba : fbm));
    const plan = planRowWrites(spans, 4000, 4000, new Array<boolean>(width).fill(false));
    const cells = plan.reduce((n, p) => n + p.count * p.width, 0);
    expect(cells).toBeLessThan(4000 * 15 * 0.6);
    // Every changed cell is written.
    spans.forEach((s, i) => {
      for (const c of s.columns) expect(plan.some((p) => i >= p.start && i < p.start + p.count && c >= p.column && c < p.column + p.width)).toBe(true);
    });
    // Never more than one write of each changed row's whole band would cost, writes counted at their overhead.
    const cost = plan.reduce((n, p) => n + p.count * p.width + RANGE_WRITE_OVERHEAD_CELLS, 0);
    expect(cost).toBeLessThan(4000 * 15 + RANGE_WRITE_OVERHEAD_CELLS);
  });

  it('never costs more than one write of every row: the closest runs merge into it', () => {
    const every = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? span(0, 5) : null));
    expect(planRowWrites(every, 100, 100, noReset)).toEqual([{ start: 0, count: 99, column: 0, width: 6 }]);
  });
});

describe('keyedRowsTab writes only the rows that changed', () => {
  it('one quantity changed among 1,000 rows: only its changed cells written, no format read or set', () => {
    const start = items(1000);
    const next = start.map((r, i) => (i === 499 ? { ...r, qty: 999, at: T0 + 3_600_000 } : r));
    const setNumberFormat = vi.spyOn(RangeApi.prototype, 'setNumberFormat');
    const getNumberFormats = vi.spyOn(RangeApi.prototype, 'getNumberFormats');
    const setNumberFormats = vi.spyOn(RangeApi.prototype, 'setNumberFormats');
    const setValues = vi.spyOn(RangeApi.prototype, 'setValues');

    const wb = open();
    keyedRowsTab(wb, DEF, io).write(start);
    const tab = keyedRowsTab(wb, DEF, io);
    tab.rows();
    wb.calls.length = 0;
    const before = snapshot();
    for (const spy of [setNumberFormat, getNumberFormats, setNumberFormats, setValues]) spy.mockClear();
    tab.write(next);

    // Qty (B) and Updated (E) changed: the band B:E, the SKU in A untouched.
    expect(wb.calls).toEqual([{ method: 'writeRows', cells: 4, blocks: 1 }]);
    expect(setValues).toHaveBeenCalledTimes(1);
    expect((setValues.mock.contexts[0] as RangeApi).getA1Notation()).toBe('B501:E501');
    // Number formats are already on the rows inside the grid (set when the tab and its rows were
    // made); only plain text is set again, and no text column is written here.
    expect(FORMATTED).toBeGreaterThan(1);
    expect(setNumberFormat).not.toHaveBeenCalled();
    expect(getNumberFormats).not.toHaveBeenCalled();
    expect(setNumberFormats).not.toHaveBeenCalled();
    const after = snapshot();
    expect(after[500]![1]!.v).toBe(999);
    expect(after[500]![4]!.shown).toBe('2026-11-02 09:30');
    // Every other row is as it was.
    after.forEach((row, i) => {
      if (i !== 500) expect(row).toEqual(before[i]);
    });
  });

  it('two far-apart changes: two blocks of the changed columns, the sheet as a whole write leaves it', () => {
    const start = items(1000);
    const next = start.map((r, i) => (i === 9 || i === 899 ? { ...r, qty: r.qty + 1, reason: 'changed' } : r));
    const { calls, grid, reference, formatted } = againstWholeWrite(start, () => undefined, next);
    // Qty (B) to Reason (F) on rows 11 and 901, never the 890 rows between.
    expect(calls).toEqual([{ method: 'writeRows', cells: 2 * (WIDTH - 1), blocks: 2 }]);
    expect(grid).toEqual(reference);
    // The number formats the grid's rows already carry are not set again; the text column is not written.
    expect(formatted).toEqual([]);
    expect(grid[10]![5]!.v).toBe('changed');
    expect(grid[900]![5]!.v).toBe('changed');
  });

  it('neighbouring changes share one block', () => {
    const start = items(1000);
    const next = start.map((r, i) => (i >= 100 && i < 105 ? { ...r, qty: 7 } : r));
    const { calls, grid, reference } = againstWholeWrite(start, () => undefined, next);
    expect(calls).toEqual([{ method: 'writeRows', cells: 5, blocks: 1 }]);
    expect(grid).toEqual(reference);
  });

  it('many scattered changes are written as one block of their column, not a write per row', () => {
    const start = items(1000);
    // Every other row: 500 writes of one cell each would cost more than one write of the 999 rows between.
    const next = start.map((r, i) => (i % 2 === 0 ? { ...r, qty: r.qty + 100 } : r));
    const { calls, grid, reference } = againstWholeWrite(start, () => undefined, next);
    expect(calls).toEqual([{ method: 'writeRows', cells: 999, blocks: 1 }]);
    expect(grid).toEqual(reference);
  });

  it('nothing changed, or only people’s own columns: nothing is written', () => {
    const start = items(200);
    const { calls, grid, reference } = againstWholeWrite(start, () => peopleColumn('My note', 3, { '000005': 'call them' }), start);
    expect(calls).toEqual([]);
    expect(grid).toEqual(reference);
    expect(grid[5]![2]!.v).toBe('call them');
  });

  it('rows reordered throughout are written whole (cheaper than a move each), people’s columns moving with their rows', () => {
    const start = items(300);
    const next = [...start].reverse().map((r, i) => (i === 0 ? { ...r, qty: 1234 } : r));
    const notes = { '000001': 'first', '000150': 'middle', '000300': 'last' };
    const { calls, grid, reference } = againstWholeWrite(start, () => { peopleColumn('My note', 2, notes); peopleColumn('Owner', 0, { '000150': 'ana' }); }, next);
    expect(calls).toEqual([{ method: 'replaceRows', cells: 300 * (WIDTH + 2), blocks: 1 }]);
    expect(grid).toEqual(reference);
    const bySku = new Map(grid.slice(1).map((r) => [r[0]!.v, r]));
    expect(bySku.get('000001')![1]!.v).toBe('first');
    expect(bySku.get('000150')![1]!.v).toBe('middle');
    expect(bySku.get('000150')![WIDTH + 1]!.v).toBe('ana');
    expect(bySku.get('000300')![1]!.v).toBe('last');
    expect(grid[1]![0]!.v).toBe('000300');
    expect(grid[1]![2]!.v).toBe(1234);
  });

  it('a row inserted among the others: one row inserted and written, people’s columns staying with their rows', () => {
    const start = items(300);
    const added: Item = { sku: '000150A', qty: 3, share: 0.25, price: 10, at: T0, reason: 'new' };
    const next = [...start.slice(0, 150), added, ...start.slice(150)];
    const { calls, grid, reference } = againstWholeWrite(start, () => peopleColumn('My note', 0, { '000151': 'after the new one' }), next);
    // One structural change and the new row's cells (its people's column written empty), not 301 rows.
    expect(calls).toEqual([
      { method: 'rearrangeRows', cells: 0, blocks: 0, deleted: [], inserted: ['152+1'] },
      { method: 'writeRows', cells: WIDTH + 1, blocks: 1 },
    ]);
    expect(grid).toEqual(reference);
    expect(grid[151]![0]!.v).toBe('000150A');
    expect(grid[151]![WIDTH]!.v).toBe('');
    expect(grid[152]![WIDTH]!.v).toBe('after the new one');
  });

  it('a row removed: its row deleted, nothing rewritten, people’s columns staying with their rows', () => {
    const start = items(300);
    const next = start.filter((_, i) => i !== 10);
    const { calls, grid, reference } = againstWholeWrite(start, () => peopleColumn('My note', 0, { '000012': 'moves up' }), next);
    expect(calls).toEqual([{ method: 'rearrangeRows', cells: 0, blocks: 0, deleted: ['12+1'], inserted: [] }]);
    expect(grid).toEqual(reference);
    expect(grid.length).toBe(300);
    expect(grid[11]![WIDTH]!.v).toBe('moves up');
  });

  it('a row moving to the top (a problem row first) is deleted and inserted there, the rows between not rewritten', () => {
    const start = items(1000);
    // Row 800 becomes a problem row: it goes first, with its new reason and the other rows as they were.
    const moved = { ...start[799]!, reason: 'Held: guardrail', at: T0 + 60_000 };
    const next = [moved, ...start.filter((_, i) => i !== 799)];
    const { calls, grid, reference, formatted } = againstWholeWrite(start, () => peopleColumn('My note', 0, { '000800': 'watch', '000001': 'first' }), next);
    expect(calls).toEqual([
      { method: 'rearrangeRows', cells: 0, blocks: 0, deleted: ['801+1'], inserted: ['2+1'] },
      { method: 'writeRows', cells: WIDTH + 1, blocks: 1 },
    ]);
    expect(grid).toEqual(reference);
    expect(grid[1]![0]!.v).toBe('000800');
    expect(grid[1]![WIDTH]!.v).toBe('watch');
    expect(grid[2]![WIDTH]!.v).toBe('first');
    // The inserted row gets each column's number format (text with its values), one call a column.
    expect(formatted.sort()).toEqual(['A2', 'B2', 'C2', 'D2', 'E2']);
  });

  it('rows moved and changed together: moves for the rows that left their place, narrow writes for the rest', () => {
    const start = items(2000);
    const tops = new Set([100, 900, 1500]);
    const next = [
      ...[...tops].map((i) => ({ ...start[i]!, reason: 'Rejected' })),
      ...start.filter((_, i) => !tops.has(i)).map((r, k) => (k === 1000 ? { ...r, qty: 77 } : r)),
    ];
    const { calls, grid, reference } = againstWholeWrite(start, () => undefined, next);
    expect(calls[0]).toEqual({ method: 'rearrangeRows', cells: 0, blocks: 0, deleted: ['1502+1', '902+1', '102+1'], inserted: ['2+3'] });
    // The three moved rows whole, and one quantity cell.
    expect(calls[1]).toEqual({ method: 'writeRows', cells: 3 * WIDTH + 1, blocks: 2 });
    expect(grid).toEqual(reference);
  });

  it('rows added at the end, past the grid, are written with the changed rows and get their formats', () => {
    // 1,000 rows fill the new tab's 1,000-row grid past its end already; 20 more grow it again.
    const start = items(1000);
    const more = items(1020).slice(1000).map((r) => ({ ...r, sku: `0${r.sku}` }));
    const next = [...start.map((r, i) => (i === 3 ? { ...r, qty: 42 } : r)), ...more];
    const { calls, grid, reference } = againstWholeWrite(start, () => peopleColumn('My note', 0, { '000004': 'kept' }), next);
    // The new rows' cells that hold something: all of the tab's own, none of the person's column
    // (blank on them). Their SKU column goes on its own (text, formatted with each write); the
    // changed row joins the new rows' other columns, one write fewer for four cells more.
    expect(calls).toEqual([{ method: 'writeRows', cells: 20 + (1 + 4) + 20 * (WIDTH - 1), blocks: 3 }]);
    expect(grid).toEqual(reference);
    expect(grid.length).toBe(1021);
    expect(grid[4]![WIDTH]!.v).toBe('kept');
    const last = grid[1020]!;
    expect(last[0]).toEqual({ v: '0001020', shown: '0001020', nf: '@' });
    expect(last[1]!.nf).toBe('0');
  });
});

describe('rows added under the last one', () => {
  it('are written where they hold something; a column left blank still has its format for a value written later', () => {
    const wb = open();
    // 1,000 rows fill the new tab's 1,000-row grid; the 200 added grow it, Share blank on them.
    keyedRowsTab(wb, DEF, io).write(items(1000));
    const added = items(1200).slice(1000).map((r) => ({ ...r, share: null as unknown as number }));
    wb.calls.length = 0;
    keyedRowsTab(wb, DEF, io).write([...items(1000), ...added]);
    // SKU and Qty, then Price to Reason: 5 of the 6 columns of each added row, in two writes (200
    // blank Share cells cost more than the second write).
    expect(wb.calls).toEqual([{ method: 'writeRows', cells: 200 * (WIDTH - 1), blocks: 2 }]);
    expect(snapshot()[1001]![2]).toEqual({ v: '', shown: '', nf: '0%' });
    // Share filled in later: a row inside the grid now, written without its format again, shows it.
    wb.calls.length = 0;
    keyedRowsTab(wb, DEF, io).write(items(1200));
    expect(wb.calls).toEqual([{ method: 'writeRows', cells: 200, blocks: 1 }]);
    expect(snapshot()[1200]![2]).toEqual({ v: 0.5, shown: '50%', nf: '0%' });
  });
});

describe('number formats, by column', () => {
  /** The cells of one data row as a person sees them. */
  const seen = (row: number) => snapshot()[row - 1]!.map((c) => ({ shown: c.shown, nf: c.nf }));

  it('text, integer, percent, money and datetime columns show their format after whole and partial writes', () => {
    const wb = open();
    const start = items(50);
    keyedRowsTab(wb, DEF, io).write(start);
    const expected = (sku: string, qty: string, at: string, reason: string) => [
      { shown: sku, nf: '@' },
      { shown: qty, nf: '0' },
      { shown: '50%', nf: '0%' },
      { shown: '2.50', nf: '#,##0.00' },
      { shown: at, nf: 'yyyy-mm-dd hh:mm' },
      { shown: reason, nf: '0.###############' },
    ];
    // A tab made by this write is blank under its header: its rows go in as added ones.
    expect(wb.calls.map((c) => c.method)).toEqual(['writeRows']);
    expect(seen(2)).toEqual(expected('000001', '0', '2026-11-02 08:30', '-held'));
    expect(sheet().getRange(2, 1).getValue()).toBe('000001');

    const tab = keyedRowsTab(wb, DEF, io);
    tab.write(tab.rows().map((r, i) => (i === 20 ? { ...r, sku: r.sku, qty: 7.6, at: T0 + 86_400_000, reason: '=not a formula' } : r)));
    expect(wb.calls.map((c) => c.method)).toEqual(['writeRows', 'writeRows']);
    expect(seen(22)).toEqual(expected('000021', '8', '2026-11-03 08:30', '=not a formula'));
    expect(sheet().getRange(22, 1).getValue()).toBe('000021');
    expect(sheet().getRange(22, 6).getFormula()).toBe('');
  });

  it('a partial write leaves the cells it does not change, and people’s formats, alone', () => {
    const wb = open();
    keyedRowsTab(wb, DEF, io).write(items(100));
    // Someone turned the SKU cell of row 31 into a number format: "000030" would become 30.
    sheet().getRange(31, 1).setNumberFormat('0');
    // A person's own format on the add-on's unformatted column and on their own column is theirs to keep.
    peopleColumn('Weight', 0, { '000030': '1.5' });
    sheet().getRange(2, 6, 100, 1).setNumberFormat('@');
    sheet().getRange(2, 7, 100, 1).setNumberFormat('0.000');
    const tab = keyedRowsTab(wb, DEF, io);
    tab.write(tab.rows().map((r) => (r.sku === '000030' ? { ...r, sku: '000030', qty: 1, reason: '0012' } : r)));
    expect(wb.calls.map((c) => c.method)).toEqual(['writeRows', 'writeRows']);
    // The SKU did not change, so its cell is not written: the value stays the text it was.
    expect(sheet().getRange(31, 1).getValue()).toBe('000030');
    expect(sheet().getRange(31, 1).getNumberFormat()).toBe('0');
    // "0012" in the person's '@' column stays text: the add-on did not touch that column's format.
    expect(sheet().getRange(31, 6).getValue()).toBe('0012');
    expect(sheet().getRange(31, 7).getDisplayValue()).toBe('1.500');
  });

  it('per-cell formats (Settings rows) cost one call per run of a column, tick boxes included', () => {
    const setNumberFormat = vi.spyOn(RangeApi.prototype, 'setNumberFormat');
    const setDataValidation = vi.spyOn(RangeApi.prototype, 'setDataValidation');
    const getNumberFormats = vi.spyOn(RangeApi.prototype, 'getNumberFormats');
    const wb = open();
    const settings: TabDef = { name: 'Settings', columns: [{ key: 'key', header: 'Key' }, { key: 'value', header: 'Value' }, { key: 'help', header: 'Help' }] };
    const rows: CellValue[][] = [
      ['Marketplace', 'UK', 'where'],
      ['Max daily change', 50, 'units'],
      ['Buffer', 2, 'units'],
      ['Approve stock push', false, 'tick'],
      ['Account', '00123', 'text'],
    ];
    const formats: Array<Array<CellFormat | undefined>> = [
      ['text', 'text', undefined],
      ['text', 'integer', undefined],
      ['text', 'integer', undefined],
      ['text', 'checkbox', undefined],
      ['text', 'text', undefined],
    ];
    wb.createTab(settings, rows, formats);
    // Key: one run; Value: text, integer ×2, (tick box), text → three runs.
    expect(setNumberFormat).toHaveBeenCalledTimes(4);
    expect(setDataValidation).toHaveBeenCalledTimes(1);
    expect(getNumberFormats).not.toHaveBeenCalled();
    const tab = fake.ss.getSheetByName('Settings');
    expect(tab.getRange(2, 1, 5, 2).getNumberFormats()).toEqual([
      ['@', '@'],
      ['@', '0'],
      ['@', '0'],
      ['@', '0.###############'],
      ['@', '@'],
    ]);
    expect(tab.getRange(6, 2).getValue()).toBe('00123');
    expect(tab.getRange(5, 2).getDataValidation().getCriteriaType()).toBe(fake.app.DataValidationCriteria.CHECKBOX);
    expect(tab.getRange(4, 2).getDataValidation()).toBeNull();
    expect(tab.getRange(2, 3).getNumberFormat()).toBe('0.###############');
  });
});
