// The Settlements tab: one row per imported settlement, the fixed headers first (docs/design.md §2),
// then one money column per category (the Settlement Map's, UNMAPPED last) and the reserve
// roll-forward. Written whole, header included, because a new category adds a column before
// UNMAPPED; it is small (one row a fortnight per marketplace). Categories are matched to columns
// without case (as headers are): every category a row holds has its column, so the category
// columns add up to Lines Total. Columns people add right of the reserve are theirs: not read as
// categories, and written back with their rows. A cell people typed over that is no longer an amount (or a date) is
// kept exactly as typed and reported (problems()), never read as 0 and written back as 0.00.

import { cellText, cellTime, parseMoney } from '../core/cells';
import { categoryKey } from '../core/settlements/categories';
import { cellAddress, MONEY_ALLOWED } from '../core/typed-cells';
import type { CellProblem, TypedCell } from '../core/typed-cells';
import type { TabColumn, TabDef } from '../core/tabs';
import { TAB, TABS, columnOf, findTabName, headersOf, sameName } from '../core/tabs';
import { centsByColumn, orderedCategories } from '../core/settlements/summary';
import type { SettlementTotals } from '../core/settlements/summary';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { readTable, writeTable } from './table';
import type { TableRecord } from './table';

const H = headersOf(TABS.settlements);
const FIXED = TABS.settlements.columns.map((c) => c.header as string);
export const RESERVE_HEADERS = { held: 'Reserve Held', released: 'Reserve Released', net: 'Reserve Net' } as const;
const RESERVE = Object.values(RESERVE_HEADERS) as string[];

/**
 * A settlement as the tab holds it: its totals without the unmapped-triple detail. `typed`: its cells
 * that could not be read, each written back as typed; the figure of such a cell is not its value
 * (0, or absent from byCategory) and must not be used.
 */
export type SettlementRecord = Omit<SettlementTotals, 'unmapped'> & { typed?: readonly TypedCell[] };

/** True when the row's `column` (a header of the tab) could not be read. */
export function isTyped(r: SettlementRecord, column: string): boolean {
  return (r.typed ?? []).some((t) => sameName(t.column, column));
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

/** A date cell: a date, or the ISO text the add-on's own dates read as; anything else is no date. */
function readDate(v: unknown, column: string): { ok: true; value: number | null } | { ok: false; problem: string } {
  if (cellText(v) === '') return { ok: true, value: null };
  const t = v instanceof Date || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim())) ? cellTime(v) : null;
  return t === null ? { ok: false, problem: `${column} holds "${cellText(v)}", not a date` } : { ok: true, value: t };
}

const DATE_ALLOWED = 'a date, such as 2026-10-17';

/** What is done with a settlement whose cell cannot be read, meanwhile. */
function meanwhile(column: string): string {
  const base = 'The cell is kept as typed, and "Recategorise settlements" leaves this settlement as it is until the cell is fixed.';
  return sameName(column, H.reportedTotal) ? `${base} The Dashboard's paid-out figure leaves this settlement out meanwhile.` : base;
}

export function settlementsTab(wb: WorkbookPort): SettlementsTab {
  let loaded: { name: string | null; rows: SettlementRecord[]; header: string[]; problems: CellProblem[]; own: string[]; ownCells: Map<string, TableRecord> } | null = null;
  const load = () => {
    if (loaded) return loaded;
    const name = findTabName(wb.tabNames(), TAB.settlements);
    const table = name ? readTable(wb, name) : null;
    const header = table?.header ?? [];
    // The add-on lays the reserve out last: a column right of it is someone's own (notes, checks).
    const lastReserve = Math.max(...RESERVE.map((r) => columnOf(header, r)));
    const own = lastReserve < 0 ? [] : header.slice(lastReserve + 1).filter((h) => h !== '');
    const ownCells = new Map<string, TableRecord>();
    const categoryHeaders = header.filter((h) => h && !FIXED.some((f) => sameName(f, h)) && !RESERVE.some((r) => sameName(r, h)) && !own.includes(h));
    const rows: SettlementRecord[] = [];
    const problems: CellProblem[] = [];
    (table?.records ?? []).forEach((rec, index) => {
      const settlementId = cellText(rec[H.settlementId]);
      if (!settlementId) return;
      if (own.length) ownCells.set(settlementId, rec);
      const typed: TypedCell[] = [];
      const sheetRow = index + 2;
      const note = (column: string, problem: string, allowed: string) => {
        typed.push({ column, value: rec[column], problem });
        problems.push({ tab: TAB.settlements, rowId: `settlement ${settlementId}`, sheetRow, address: cellAddress(header, column, sheetRow), column, value: rec[column], problem, allowed, meanwhile: meanwhile(column) });
      };
      // A figure the add-on wrote is never empty; empty reads as 0 only where it always did (a category).
      const cents = (column: string, emptyIs: number | null): number => {
        const m = parseMoney(rec[column], column);
        if (m.ok && m.value !== null) return m.value;
        if (m.ok && emptyIs !== null) return emptyIs;
        note(column, m.ok ? `${column} is empty` : m.problem, MONEY_ALLOWED);
        return 0;
      };
      const date = (column: string): number | null => {
        const d = readDate(rec[column], column);
        if (d.ok) return d.value;
        note(column, d.problem, DATE_ALLOWED);
        return null;
      };
      const byCategory: Record<string, number> = {};
      for (const h of categoryHeaders) {
        if (cellText(rec[h]) === '') continue;
        const before = typed.length;
        const c = cents(h, 0);
        if (typed.length === before) byCategory[h] = c;
      }
      rows.push({
        settlementId,
        start: date(H.start),
        end: date(H.end),
        depositDate: date(H.depositDate),
        currency: cellText(rec[H.currency]),
        reportedTotalCents: cents(H.reportedTotal, null),
        linesTotalCents: cents(H.linesTotal, null),
        differenceCents: cents(H.difference, null),
        byCategory,
        reserve: { heldCents: cents(RESERVE_HEADERS.held, 0), releasedCents: cents(RESERVE_HEADERS.released, 0), netCents: cents(RESERVE_HEADERS.net, 0) },
        ...(typed.length ? { typed } : {}),
      });
    });
    loaded = { name, rows, header, problems, own, ownCells };
    return loaded;
  };
  return {
    rows: () => load().rows,
    problems: () => load().problems,
    write(rows, wanted) {
      const { name, header: current, own, ownCells, problems } = load();
      // A category holding money that the caller did not list still gets a column: none is left out of the tab.
      const held = rows.flatMap((r) => Object.keys(r.byCategory).filter((c) => r.byCategory[c] !== 0));
      // A category cell kept as typed keeps its column too.
      const fixedOrReserve = (h: string) => FIXED.some((f) => sameName(f, h)) || RESERVE.some((x) => sameName(x, h));
      held.push(...rows.flatMap((r) => (r.typed ?? []).map((t) => t.column).filter((h) => !fixedOrReserve(h))));
      const categories = orderedCategories([...wanted, ...held]);
      const laid = layout(categories);
      const def: TabDef = { ...laid, columns: [...laid.columns, ...own.map((h): TabColumn => ({ key: h, header: h }))] };
      const header = def.columns.map((c) => c.header);
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
      if (!name) wb.createTab(def, []);
      // The whole header again when it changed: a new category goes in before UNMAPPED, not at the right.
      else if (current.length !== header.length || current.some((h, i) => !sameName(h, header[i]))) wb.addColumns(name, 1, def.columns);
      writeTable(wb, { ...def, name: name ?? TAB.settlements }, header, records);
      loaded = { name: name ?? TAB.settlements, rows: [...rows], header, problems, own, ownCells };
    },
  };
}
