// The Settlement Lines tab: every line of every imported settlement (docs/design.md §2), appended a
// settlement (or a chunk of a large one) at a time without reading the whole tab (only its
// Settlement ID column, to know which settlements are already in), read and rewritten whole only
// when finance recategorises or a settlement's lines are replaced, and trimmed to a line budget that
// keeps the spreadsheet far from its 10-million-cell limit. Month is the month of Posted as the
// sheet shows it (the spreadsheet's time zone). A line read back is rewritten from its own
// cells, only Category and Account replaced: an Amount people typed that is not money, or a column of
// their own, stays as typed. A row whose Settlement ID was emptied belongs to no settlement the
// add-on knows, so it is reported (unidentified) and written back as it stands, never dropped by a
// rewrite: its amount would otherwise leave the tab for good. A column lines are read by, deleted,
// stops the job (CONFIG_INVALID): read as empty, Recategorise would move every line to UNMAPPED.

import { cellText, cellTime, isEmptyCell, parseMoney } from '../core/cells';
import { ConfigInvalidError } from '../core/config-invalid';
import { monthOf } from '../core/settlements/parse';
import type { CategorisedLine } from '../core/settlements/summary';
import { cellAddress, MONEY_ALLOWED } from '../core/typed-cells';
import type { CellProblem } from '../core/typed-cells';
import { TAB, TABS, columnOf, findTabName, headersOf, lacksColumns } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { appendRecords, ensureTable, readTable, refusePeoplesTab, writeTable } from './table';
import type { TableRecord } from './table';

const H = headersOf(TABS.settlementLines);

/** A date cell's moment (core/day-start.ts zonedCellTime: text without a zone is the sheet's wall time). */
type TimeOf = (v: unknown) => number | null;

/** The columns a line is read back by (the others are written from these, or are people's). */
const READ_BY = [H.settlementId, H.posted, H.transactionType, H.amountType, H.amountDescription, H.amount] as const;
const COLUMNS_SUBJECT = `${TAB.settlementLines}:columns`;

/** Its exception row, whichever job raised it: a run that read the tab clears it. */
export const isLinesColumnsRow = (row: { key: string; type: string }): boolean => row.type === 'CONFIG_INVALID' && row.key.endsWith(`:${COLUMNS_SUBJECT}`);

function checkColumns(tab: string, header: readonly unknown[], wanted: readonly string[]): void {
  const missing = wanted.filter((h) => columnOf(header, h) < 0);
  if (missing.length === 0) return;
  throw new ConfigInvalidError(
    `${lacksColumns(tab, missing)}, so its lines cannot be read whole: ` +
      `no settlement is imported or recategorised until ${missing.length > 1 ? 'they are' : 'it is'} back, and the tab is not written meanwhile. ` +
      `Put ${missing.length > 1 ? 'them' : 'it'} back with Edit → Undo or File → Version history.`,
    COLUMNS_SUBJECT,
    `${TAB.settlementLines} tab`,
  );
}

/** A line as the tab holds it (no file line number: the tab's own row is its place). */
export type LineRecord = Omit<CategorisedLine, 'lineNo'>;

/** A line read back from the tab: where it stands, and its cells as read (written back as they are). */
export interface ReadLine extends LineRecord {
  sheetRow: number;
  cells: Readonly<TableRecord>;
  /** The Amount cannot be read as money: amountCents is not its amount and must not be counted. */
  unreadable?: CellProblem;
  /** Posted is no date, or Month is not Posted's month: the line would sit in the wrong month-end. */
  misdated?: CellProblem;
}

export interface SettlementLinesTab {
  append(lines: ReadonlyArray<LineRecord>): void;
  /** Every line (reads the whole tab). */
  all(): ReadLine[];
  /** Replaces every line, e.g. after recategorising or trimming; a line read back keeps its cells but Category and Account. */
  write(lines: ReadonlyArray<LineRecord | ReadLine>): void;
  /** Lines per settlement id, in the order each first appears in the tab (reads the Settlement ID column only). */
  counts(): Map<string, number>;
  /** Rows that hold something but no Settlement ID, as the last all() read them: kept by write(), one problem each. */
  unidentified(): CellProblem[];
}

/** A row with cells but no Settlement ID: not a line of any settlement, and not to be deleted. */
function unidentifiedRow(r: Readonly<TableRecord>, index: number, header: readonly string[]): CellProblem | null {
  if (cellText(r[H.settlementId]) || Object.values(r).every(isEmptyCell)) return null;
  const sheetRow = index + 2;
  return {
    tab: TAB.settlementLines,
    rowId: `row ${sheetRow}`,
    about: `a line of ${cellText(r[H.amount]) || 'no amount'}${cellText(r[H.amountDescription]) ? ` (${cellText(r[H.amountDescription])})` : ''}`,
    sheetRow,
    address: cellAddress(header, H.settlementId, sheetRow),
    column: H.settlementId,
    value: r[H.settlementId],
    problem: `${H.settlementId} is empty, so the line belongs to no settlement`,
    allowed: 'the id of the settlement the line came from back (Edit → Undo, or File → Version history shows it)',
    meanwhile: 'The row is kept as it is, counted in no settlement, and its settlement is left as it is by "Recategorise settlements" until it is fixed.',
  };
}

function toRecord(l: LineRecord | ReadLine, month: (ms: number) => string): Record<string, unknown> {
  if ('cells' in l) return { ...l.cells, [H.category]: l.category, [H.account]: l.account };
  return {
    [H.settlementId]: l.settlementId,
    [H.posted]: l.posted === null ? '' : new Date(l.posted),
    [H.month]: l.posted === null ? '' : month(l.posted),
    [H.transactionType]: l.transactionType,
    [H.orderId]: l.orderId,
    [H.sku]: l.sku,
    [H.amountType]: l.amountType,
    [H.amountDescription]: l.amountDescription,
    [H.amount]: Math.round(l.amountCents) / 100,
    [H.category]: l.category,
    [H.account]: l.account,
  };
}

/**
 * Month is derived from Posted, and finance's month-end split reads it: a Posted that is no date, or
 * a Month typed to another month, would move the line's money into another month (or none) in silence.
 */
function misdatedCell(r: Readonly<TableRecord>, sheetRow: number, tab: string, header: readonly string[], settlementId: string, month: (ms: number) => string, timeOf: TimeOf): CellProblem | undefined {
  const posted = timeOf(r[H.posted]);
  const base = { tab, rowId: `row ${sheetRow}`, about: `a line of settlement ${settlementId}`, sheetRow };
  const meanwhile = 'The cell is kept as typed; the line stays in its settlement and category.';
  if (posted === null) {
    return {
      ...base,
      address: cellAddress(header, H.posted, sheetRow),
      column: H.posted,
      value: r[H.posted],
      problem: cellText(r[H.posted]) ? `${H.posted} holds "${cellText(r[H.posted])}", not a date, so the line's Month cannot be checked` : `${H.posted} is empty, so the line's Month cannot be checked`,
      allowed: 'the date and time the line was posted, such as 2026-10-05 12:00 (Edit → Undo, or File → Version history shows it)',
      meanwhile,
    };
  }
  const raw = r[H.month];
  const typed = raw instanceof Date ? month(raw.getTime()) : cellText(raw);
  const due = month(posted);
  if (typed === due) return undefined;
  return {
    ...base,
    address: cellAddress(header, H.month, sheetRow),
    column: H.month,
    value: raw,
    problem: typed ? `${H.month} holds "${cellText(raw)}", but the line was posted in ${due}` : `${H.month} is empty, but the line was posted in ${due}`,
    allowed: `${due}, the month of its Posted date (YYYY-MM)`,
    meanwhile,
  };
}

function fromRecord(r: Readonly<TableRecord>, index: number, tab: string, header: readonly string[], month: (ms: number) => string, timeOf: TimeOf): ReadLine | null {
  const settlementId = cellText(r[H.settlementId]);
  if (!settlementId) return null;
  const amount = parseMoney(r[H.amount], H.amount);
  const cents = amount.ok ? amount.value : null;
  const sheetRow = index + 2;
  // Deleted, the Amount is no amount either: 0 would quietly take money out of the totals.
  const unreadable: CellProblem | undefined =
    cents === null
      ? {
          tab,
          rowId: `row ${sheetRow}`,
          about: `a line of settlement ${settlementId}`,
          sheetRow,
          address: cellAddress(header, H.amount, sheetRow),
          column: H.amount,
          value: r[H.amount],
          problem: amount.ok ? `${H.amount} is empty` : amount.problem,
          allowed: MONEY_ALLOWED,
          meanwhile: `The cell is kept as typed, and "Recategorise settlements" leaves this settlement as it is (its lines and its Settlements row) until it is fixed.`,
        }
      : undefined;
  const misdated = misdatedCell(r, sheetRow, tab, header, settlementId, month, timeOf);
  return {
    sheetRow,
    cells: r,
    ...(unreadable ? { unreadable } : {}),
    ...(misdated ? { misdated } : {}),
    settlementId,
    posted: timeOf(r[H.posted]),
    transactionType: cellText(r[H.transactionType]),
    orderId: cellText(r[H.orderId]),
    sku: cellText(r[H.sku]),
    amountType: cellText(r[H.amountType]),
    amountDescription: cellText(r[H.amountDescription]),
    amountCents: cents ?? 0,
    category: cellText(r[H.category]),
    account: cellText(r[H.account]),
  };
}

function countIds(ids: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of ids) if (id) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/**
 * `month`: a line's Month from its posted moment, in the zone Posted is shown in (default UTC);
 * `timeOf`: a Posted cell's moment, in that zone too when it is text.
 */
export function settlementLinesTab(wb: WorkbookPort, month: (ms: number) => string = monthOf, timeOf: TimeOf = cellTime): SettlementLinesTab {
  const tabName = () => findTabName(wb.tabNames(), TAB.settlementLines);
  // Read once per run, then kept in step with what this module writes.
  let counted: Map<string, number> | null = null;
  let orphans: CellProblem[] = [];
  return {
    counts() {
      if (counted) return counted;
      const name = tabName();
      const header = name ? wb.readHeader(name) : null;
      const at = header ? columnOf(header, H.settlementId) : -1;
      // A tab of the add-on's columns without Settlement ID: its lines could not be counted or kept apart.
      if (name && header && at < 0 && TABS.settlementLines.columns.some((c) => columnOf(header, c.header) >= 0)) checkColumns(name, header, [H.settlementId]);
      const ids = name && at >= 0 ? (wb.readColumn(name, at + 1) ?? []) : [];
      counted = countIds(ids.map(cellText));
      return counted;
    },
    append(lines) {
      if (lines.length === 0) return;
      if (counted) for (const l of lines) counted.set(l.settlementId, (counted.get(l.settlementId) ?? 0) + 1);
      const name = tabName();
      if (!name) wb.createTab(TABS.settlementLines, []);
      // A first row naming none of the add-on's columns: read the tab whole to tell a person's own from a blank one.
      const first = name ? (wb.readHeader(name) ?? []) : [];
      if (name && !TABS.settlementLines.columns.some((c) => columnOf(first, c.header) >= 0)) refusePeoplesTab(TABS.settlementLines, readTable(wb, name));
      appendRecords(wb, { ...TABS.settlementLines, name: name ?? TAB.settlementLines }, lines.map((l) => toRecord(l, month)));
    },
    all() {
      const name = tabName();
      const table = name ? readTable(wb, name) : null;
      orphans = [];
      if (!table) return [];
      if (!table.records.every((r) => Object.values(r).every(isEmptyCell))) checkColumns(table.tab, table.header, READ_BY);
      orphans = table.records.map((r, i) => unidentifiedRow(r, i, table.header)).filter((p): p is CellProblem => p !== null);
      return table.records.map((r, i) => fromRecord(r, i, TAB.settlementLines, table.header, month, timeOf)).filter((l): l is ReadLine => l !== null);
    },
    unidentified: () => orphans,
    write(lines) {
      const name = tabName();
      const table = name ? readTable(wb, name) : null;
      refusePeoplesTab(TABS.settlementLines, table);
      const header = ensureTable(wb, TABS.settlementLines, table);
      // Rows without a Settlement ID stay exactly as they stand, where they stood (a rewrite of the
      // same lines, as Recategorise does, puts every row back in its place).
      const records: Array<Record<string, unknown>> = lines.map((l) => toRecord(l, month));
      (table?.records ?? []).forEach((r, i) => {
        if (unidentifiedRow(r, i, table!.header)) records.splice(Math.min(i, records.length), 0, r);
      });
      writeTable(wb, { ...TABS.settlementLines, name: name ?? TAB.settlementLines }, header, records);
      counted = countIds(lines.map((l) => l.settlementId));
    },
  };
}
