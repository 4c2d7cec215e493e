// The Settlements tab: one row per imported settlement, the fixed headers first (docs/design.md §2),
// then one money column per category (the Settlement Map's, UNMAPPED last) and the reserve
// roll-forward. Written whole, header included, because a new category adds a column before
// UNMAPPED; it is small (one row a fortnight per marketplace). Every column is found by its header
// wherever people moved it, and a header is a category only by name (the Settlement Map's, the
// category columns last written, UNMAPPED), never by position: any other column is people's own,
// kept as typed with its row and never read as money. Categories are matched to columns without
// case: every category a row holds has its column, so the category columns add up to Lines Total.
// A cell people typed over that is no longer an amount (or a date) is kept exactly as typed and
// reported (problems()), never read as 0 and written back as 0.00; an emptied figure is 0 only
// when its row still adds up without it. A row whose Settlement ID was emptied is no settlement the
// add-on knows: it is reported and written back as it stands, where it stood, never dropped by a
// rewrite (its reported total and dates are only in the file).

import { cellText, cellTime, isEmptyCell, parseMoney } from '../core/cells';
import { ConfigInvalidError } from '../core/config-invalid';
import { categoryKey, isUnmappedCategory, UNMAPPED } from '../core/settlements/categories';
import { cellAddress, CURRENCY_ALLOWED, MONEY_ALLOWED } from '../core/typed-cells';
import type { CellProblem, TypedCell } from '../core/typed-cells';
import type { TabColumn, TabDef } from '../core/tabs';
import { SETTLEMENT_RESERVE_HEADERS, TAB, TABS, columnOf, findTabName, headersOf, lacksColumns, sameName } from '../core/tabs';
import { centsByColumn, orderedCategories } from '../core/settlements/summary';
import type { SettlementTotals } from '../core/settlements/summary';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { readTable, refusePeoplesTab, writeTable } from './table';
import type { Table, TableRecord } from './table';

const H = headersOf(TABS.settlements);
const FIXED = TABS.settlements.columns.map((c) => c.header as string);
export const RESERVE_HEADERS = SETTLEMENT_RESERVE_HEADERS;
const RESERVE = Object.values(RESERVE_HEADERS) as string[];

/**
 * A settlement as the tab holds it: its totals without the unmapped-triple detail. `typed`: its cells
 * that could not be read, each written back as typed; the figure of such a cell is not its value
 * (0, or absent from byCategory) and must not be used.
 */
export type SettlementRecord = Omit<SettlementTotals, 'unmapped'> & { typed?: readonly TypedCell[] };

/** True when the row's `column` (a header of the tab) could not be read. */
export function isTyped(r: SettlementRecord, column: string): boolean {
  return isTypedIn(r.typed ?? [], column);
}

const isTypedIn = (typed: readonly TypedCell[], column: string) => typed.some((t) => sameName(t.column, column));

/**
 * Which headers are category columns: by name. `written` is null while the add-on has recorded
 * none (a tab an older version wrote): the columns between Difference and the reserve are then
 * taken as categories, as that version laid them out.
 */
export interface CategoryNames {
  mapped(): readonly string[];
  written(): readonly string[] | null;
  /** Called with the category columns each write lays out. */
  record(categories: readonly string[]): void;
}

const NO_NAMES: CategoryNames = { mapped: () => [], written: () => null, record: () => undefined };

const fixedOrReserve = (h: string) => FIXED.some((f) => sameName(f, h)) || RESERVE.some((x) => sameName(x, h));

/** The columns an older version laid out as categories: right of the fixed ones, left of the reserve. */
function positionalCategories(header: readonly string[]): string[] {
  const from = Math.max(...FIXED.map((f) => columnOf(header, f)));
  const found = RESERVE.map((r) => columnOf(header, r)).filter((i) => i >= 0);
  const to = found.length ? Math.min(...found) : header.length;
  return header.slice(from + 1, Math.max(from + 1, to));
}

/**
 * The header to write: people's order kept (their own columns where they put them), category
 * columns no longer laid out dropped, and each missing column of `wanted` (the add-on's, in its
 * order) put right after the one it follows there, so a new category lands before UNMAPPED.
 */
function arranged(current: readonly string[], wanted: readonly string[], own: readonly string[]): string[] {
  const out = current.flatMap((h) => (own.includes(h) ? [h] : wanted.filter((w) => sameName(w, h)).slice(0, 1)));
  wanted.forEach((w, i) => {
    if (out.some((h) => sameName(h, w))) return;
    const after = i === 0 ? -1 : out.findIndex((h) => sameName(h, wanted[i - 1]));
    out.splice(after + 1, 0, w);
  });
  return out;
}

export interface SettlementsTab {
  rows(): SettlementRecord[];
  /** The cells rows() could not read, one per cell, naming it. */
  problems(): CellProblem[];
  /** Replaces every row; `categories` are the category columns in order (UNMAPPED last). */
  write(rows: ReadonlyArray<SettlementRecord>, categories: readonly string[]): void;
}

const money = (c: number): number => Math.round(c) / 100;
const time = (ms: number | null): CellValue => (ms === null ? '' : new Date(ms));

function layout(categories: readonly string[]): TabDef {
  const money2 = (header: string): TabColumn => ({ key: header, header, format: 'money', width: 130 });
  return { ...TABS.settlements, columns: [...TABS.settlements.columns, ...categories.map(money2), ...RESERVE.map(money2)] };
}

/**
 * A date cell: a date, or the ISO text the add-on's own dates read as; anything else is no date.
 * `timeOf` reads ISO text without a zone in the spreadsheet's zone, as the sheet shows a typed date.
 */
function readDate(v: unknown, column: string, timeOf: (v: unknown) => number | null): { ok: true; value: number | null } | { ok: false; problem: string } {
  if (cellText(v) === '') return { ok: true, value: null };
  const t = v instanceof Date || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim())) ? timeOf(v) : null;
  return t === null ? { ok: false, problem: `${column} holds "${cellText(v)}", not a date` } : { ok: true, value: t };
}

const DATE_ALLOWED = 'a date, such as 2026-10-17';

/** What is done with a settlement whose cell cannot be read, meanwhile. */
function meanwhile(column: string): string {
  const base = 'The cell is kept as typed, and "Recategorise settlements" leaves this settlement as it is until the cell is fixed.';
  return sameName(column, H.reportedTotal) || sameName(column, H.currency) || sameName(column, H.difference) ? `${base} The Dashboard's paid-out figure leaves this settlement out meanwhile.` : base;
}

/**
 * A column the add-on laid out (a fixed one, or a category it last wrote) deleted from a tab that
 * holds settlements: read as empty, the next write would put the settlements' currency, dates or a
 * category's money back as nothing (or 0.00) with no word of it. The job stops instead, before it
 * writes anything, until the column is back.
 */
const COLUMNS_SUBJECT = `${TAB.settlements}:columns`;

/** Its exception row, whichever job raised it: a run that read the tab whole clears it. */
export const isSettlementsColumnsRow = (row: { key: string; type: string }): boolean => row.type === 'CONFIG_INVALID' && row.key.endsWith(`:${COLUMNS_SUBJECT}`);

function checkColumns(table: Table | null, written: readonly string[] | null): void {
  if (!table || table.records.every((rec) => Object.values(rec).every(isEmptyCell))) return;
  const missing = [...FIXED, ...(written ?? []).filter((c) => !isUnmappedCategory(c))].filter((h) => columnOf(table.header, h) < 0);
  if (missing.length === 0) return;
  throw new ConfigInvalidError(
    `${lacksColumns(table.tab, missing)}, so the settlements in it cannot be read whole: ` +
      `no settlement is imported or recategorised until ${missing.length > 1 ? 'they are' : 'it is'} back, and the tab is not written meanwhile. ` +
      `Put ${missing.length > 1 ? 'them' : 'it'} back with Edit → Undo or File → Version history (a column of your own goes anywhere else in the tab).`,
    COLUMNS_SUBJECT,
    `${TAB.settlements} tab`,
  );
}

/** `timeOf`: a date cell's moment, text without a zone in the spreadsheet's zone (default UTC). */
export function settlementsTab(wb: WorkbookPort, names: CategoryNames = NO_NAMES, timeOf: (v: unknown) => number | null = cellTime): SettlementsTab {
  let loaded: {
    name: string | null;
    rows: SettlementRecord[];
    header: string[];
    problems: CellProblem[];
    own: string[];
    ownCells: Map<string, TableRecord>;
    /** Rows with cells but no Settlement ID, by their place among the tab's rows. */
    orphans: Array<{ index: number; rec: TableRecord }>;
  } | null = null;
  const load = () => {
    if (loaded) return loaded;
    const name = findTabName(wb.tabNames(), TAB.settlements);
    const table = name ? readTable(wb, name) : null;
    // A person's own "Settlements" tab is never rewritten as the add-on's (core/tab-ownership.ts).
    refusePeoplesTab(TABS.settlements, table);
    const header = table?.header ?? [];
    checkColumns(table, names.written());
    const known = new Set([...names.mapped(), ...(names.written() ?? positionalCategories(header)), UNMAPPED].map(categoryKey));
    const isCategory = (h: string) => h !== '' && !fixedOrReserve(h) && known.has(categoryKey(h));
    const categoryHeaders = header.filter(isCategory);
    const own = header.filter((h) => h !== '' && !fixedOrReserve(h) && !isCategory(h));
    const ownCells = new Map<string, TableRecord>();
    const rows: SettlementRecord[] = [];
    const problems: CellProblem[] = [];
    const orphans: Array<{ index: number; rec: TableRecord }> = [];
    (table?.records ?? []).forEach((rec, index) => {
      const settlementId = cellText(rec[H.settlementId]);
      if (!settlementId) {
        if (Object.values(rec).every(isEmptyCell)) return;
        const sheetRow = index + 2;
        orphans.push({ index, rec });
        problems.push({
          tab: TAB.settlements,
          rowId: `row ${sheetRow}`,
          about: `a settlement of ${cellText(rec[H.reportedTotal]) || 'no total'} ${cellText(rec[H.currency])}`.trimEnd(),
          sheetRow,
          address: cellAddress(header, H.settlementId, sheetRow),
          column: H.settlementId,
          value: rec[H.settlementId],
          problem: `${H.settlementId} is empty, so the row is no settlement the add-on knows`,
          allowed: "the settlement's id back (Edit → Undo, or File → Version history shows it; its lines in Settlement Lines carry it too), or delete the row if the settlement's file was imported again since",
          meanwhile: "The row is kept as it is and counted in no total (not in the Dashboard's paid-out figure) until it is fixed.",
        });
        return;
      }
      if (own.length) ownCells.set(settlementId, rec);
      const typed: TypedCell[] = [];
      const sheetRow = index + 2;
      const note = (column: string, problem: string, allowed: string) => {
        typed.push({ column, value: rec[column], problem });
        problems.push({ tab: TAB.settlements, rowId: `settlement ${settlementId}`, sheetRow, address: cellAddress(header, column, sheetRow), column, value: rec[column], problem, allowed, meanwhile: meanwhile(column) });
      };
      // A figure the add-on wrote is never empty.
      const cents = (column: string): number => {
        const m = parseMoney(rec[column], column);
        if (m.ok && m.value !== null) return m.value;
        note(column, m.ok ? `${column} is empty` : m.problem, MONEY_ALLOWED);
        return 0;
      };
      const date = (column: string): number | null => {
        const d = readDate(rec[column], column, timeOf);
        if (d.ok) return d.value;
        note(column, d.problem, DATE_ALLOWED);
        return null;
      };
      // Totals are kept per currency: "Pounds" or an emptied cell would start a currency of its own.
      const currencyText = cellText(rec[H.currency]);
      const isCode = /^[A-Za-z]{3}$/.test(currencyText);
      const currency = isCode ? currencyText.toUpperCase() : currencyText;
      // Anything but three letters ("£", "POUNDS", "GB") is no code, whatever its case.
      if (!isCode) note(H.currency, currencyText ? `${H.currency} holds "${currencyText}", not a currency code` : `${H.currency} is empty`, CURRENCY_ALLOWED);
      const start = date(H.start);
      const end = date(H.end);
      const depositDate = date(H.depositDate);
      const reportedTotalCents = cents(H.reportedTotal);
      const linesTotalCents = cents(H.linesTotal);
      const differenceCents = cents(H.difference);
      // The add-on writes Difference as Reported Total − Lines Total: figures that no longer agree were
      // typed over (a number, so read), and which one cannot be told. Amazon's total is then unknown.
      if (![H.reportedTotal, H.linesTotal, H.difference].some((c) => isTypedIn(typed, c)) && reportedTotalCents - linesTotalCents !== differenceCents) {
        const shown = (c: number) => (c / 100).toFixed(2);
        const problem = `${H.difference} holds ${shown(differenceCents)}, but ${H.reportedTotal} ${shown(reportedTotalCents)} − ${H.linesTotal} ${shown(linesTotalCents)} is ${shown(reportedTotalCents - linesTotalCents)}: one of the three was typed over`;
        note(H.difference, problem, 'the three figures the settlement was imported with (File → Version history shows them); Difference is always Reported Total − Lines Total');
        typed.push({ column: H.reportedTotal, value: rec[H.reportedTotal], problem });
      }
      const linesTotalRead = !isTypedIn(typed, H.linesTotal);
      const byCategory: Record<string, number> = {};
      const emptied: string[] = [];
      for (const h of categoryHeaders) {
        if (cellText(rec[h]) === '') emptied.push(h);
        else {
          const before = typed.length;
          const c = cents(h);
          if (typed.length === before) byCategory[h] = c;
        }
      }
      // The add-on writes every figure, 0.00 included: an empty one was emptied by someone, and
      // reading it as 0 would move money out of the breakdown unless the row adds up without it.
      const categoriesRead = categoryHeaders.every((h) => emptied.includes(h) || !isTypedIn(typed, h));
      const sum = Object.values(byCategory).reduce((n, c) => n + c, 0);
      if (emptied.length && !(linesTotalRead && categoriesRead && sum === linesTotalCents)) {
        for (const h of emptied) note(h, `${h} is empty, and without it the row's category columns do not add up to its Lines Total`, MONEY_ALLOWED);
      }
      // A tab without the reserve columns (never moved) holds no reserve; Net must stay Held + Released.
      const emptyCell = (column: string) => columnOf(header, column) >= 0 && cellText(rec[column]) === '';
      const reserveCents = (column: string) => (columnOf(header, column) < 0 || emptyCell(column) ? 0 : cents(column));
      const reserve = { heldCents: reserveCents(RESERVE_HEADERS.held), releasedCents: reserveCents(RESERVE_HEADERS.released), netCents: reserveCents(RESERVE_HEADERS.net) };
      const reserveEmptied = RESERVE.filter(emptyCell);
      if (reserveEmptied.length && (RESERVE.some((r) => isTypedIn(typed, r)) || reserve.netCents !== reserve.heldCents + reserve.releasedCents)) {
        for (const r of reserveEmptied) note(r, `${r} is empty, and without it Reserve Net is not Reserve Held + Reserve Released`, MONEY_ALLOWED);
      }
      rows.push({
        settlementId,
        start,
        end,
        depositDate,
        currency,
        reportedTotalCents,
        linesTotalCents,
        differenceCents,
        byCategory,
        reserve,
        ...(typed.length ? { typed } : {}),
      });
    });
    loaded = { name, rows, header, problems, own, ownCells, orphans };
    return loaded;
  };
  return {
    rows: () => load().rows,
    problems: () => load().problems,
    write(rows, wanted) {
      const { name, header: current, own, ownCells, problems, orphans } = load();
      // A category holding money that the caller did not list still gets a column: none is left out of the tab.
      const held = rows.flatMap((r) => Object.keys(r.byCategory).filter((c) => r.byCategory[c] !== 0));
      // A category cell kept as typed keeps its column too.
      held.push(...rows.flatMap((r) => (r.typed ?? []).map((t) => t.column).filter((h) => !fixedOrReserve(h))));
      const categories = orderedCategories([...wanted, ...held]);
      const laid = layout(categories);
      const header = arranged(current.filter((h) => h !== ''), laid.columns.map((c) => c.header), own);
      const def: TabDef = { ...laid, columns: header.map((h): TabColumn => laid.columns.find((c) => sameName(c.header, h)) ?? { key: h, header: h }) };
      const records = rows.map((r) => {
        const rec: Record<string, unknown> = {
          [H.settlementId]: r.settlementId,
          [H.start]: time(r.start),
          [H.end]: time(r.end),
          [H.depositDate]: time(r.depositDate),
          [H.currency]: r.currency,
          [H.reportedTotal]: money(r.reportedTotalCents),
          [H.linesTotal]: money(r.linesTotalCents),
          [H.difference]: money(r.differenceCents),
          [RESERVE_HEADERS.held]: money(r.reserve.heldCents),
          [RESERVE_HEADERS.released]: money(r.reserve.releasedCents),
          [RESERVE_HEADERS.net]: money(r.reserve.netCents),
        };
        for (const h of own) rec[h] = ownCells.get(r.settlementId)?.[h] ?? '';
        const { cells } = centsByColumn(r.byCategory, categories);
        for (const c of categories) rec[c] = money(cells[c] ?? 0);
        for (const t of r.typed ?? []) {
          const at = fixedOrReserve(t.column) ? t.column : categories.find((c) => categoryKey(c) === categoryKey(t.column));
          if (at !== undefined) rec[at] = t.value;
        }
        return rec;
      });
      // Rows without a Settlement ID go back where they stood, as they stand.
      for (const o of orphans) records.splice(Math.min(o.index, records.length), 0, o.rec);
      if (!name) wb.createTab(def, []);
      // The whole header again when it changed: a new category goes in before UNMAPPED, not at the right.
      else if (current.length !== header.length || current.some((h, i) => !sameName(h, header[i]))) wb.addColumns(name, 1, def.columns);
      names.record(categories);
      writeTable(wb, { ...def, name: name ?? TAB.settlements }, header, records);
      loaded = { name: name ?? TAB.settlements, rows: [...rows], header, problems, own, ownCells, orphans };
    },
  };
}
