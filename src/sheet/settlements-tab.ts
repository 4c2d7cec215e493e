// The Settlements tab: one row per imported settlement, the fixed headers first (docs/design.md §2),
// then one money column per category (the Settlement Map's, UNMAPPED last) and the reserve
// roll-forward. Written whole, header included, because a new category adds a column before
// UNMAPPED; it is small (one row a fortnight per marketplace). Categories are matched to columns
// without case (as headers are): every category a row holds has its column, so the category
// columns add up to Lines Total.

import { cellCents, cellText, cellTime } from '../core/cells';
import type { TabColumn, TabDef } from '../core/tabs';
import { TAB, TABS, findTabName, headersOf, sameName } from '../core/tabs';
import { centsByColumn, orderedCategories } from '../core/settlements/summary';
import type { SettlementTotals } from '../core/settlements/summary';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { readTable, writeTable } from './table';

const H = headersOf(TABS.settlements);
const FIXED = TABS.settlements.columns.map((c) => c.header as string);
export const RESERVE_HEADERS = { held: 'Reserve Held', released: 'Reserve Released', net: 'Reserve Net' } as const;
const RESERVE = Object.values(RESERVE_HEADERS) as string[];

/** A settlement as the tab holds it: its totals without the unmapped-triple detail. */
export type SettlementRecord = Omit<SettlementTotals, 'unmapped'>;

export interface SettlementsTab {
  rows(): SettlementRecord[];
  /** Replaces every row; `categories` are the category columns in order (UNMAPPED last). */
  write(rows: ReadonlyArray<SettlementRecord>, categories: readonly string[]): void;
}

const money = (c: number): number => Math.round(c) / 100;
const time = (ms: number | null): CellValue => (ms === null ? '' : new Date(ms));

function layout(categories: readonly string[]): TabDef {
  const money2 = (header: string): TabColumn => ({ key: header, header, format: 'money', width: 130 });
  return { ...TABS.settlements, columns: [...TABS.settlements.columns, ...categories.map(money2), ...RESERVE.map(money2)] };
}

export function settlementsTab(wb: WorkbookPort): SettlementsTab {
  let loaded: { name: string | null; rows: SettlementRecord[]; header: string[] } | null = null;
  const load = () => {
    if (loaded) return loaded;
    const name = findTabName(wb.tabNames(), TAB.settlements);
    const table = name ? readTable(wb, name) : null;
    const categoryHeaders = (table?.header ?? []).filter((h) => h && !FIXED.some((f) => sameName(f, h)) && !RESERVE.some((r) => sameName(r, h)));
    const rows: SettlementRecord[] = [];
    for (const rec of table?.records ?? []) {
      const settlementId = cellText(rec[H.settlementId]);
      if (!settlementId) continue;
      const byCategory: Record<string, number> = {};
      for (const h of categoryHeaders) if (cellText(rec[h]) !== '') byCategory[h] = cellCents(rec[h]);
      rows.push({
        settlementId,
        start: cellTime(rec[H.start]),
        end: cellTime(rec[H.end]),
        depositDate: cellTime(rec[H.depositDate]),
        currency: cellText(rec[H.currency]),
        reportedTotalCents: cellCents(rec[H.reportedTotal]),
        linesTotalCents: cellCents(rec[H.linesTotal]),
        differenceCents: cellCents(rec[H.difference]),
        byCategory,
        reserve: { heldCents: cellCents(rec[RESERVE_HEADERS.held]), releasedCents: cellCents(rec[RESERVE_HEADERS.released]), netCents: cellCents(rec[RESERVE_HEADERS.net]) },
      });
    }
    loaded = { name, rows, header: table?.header ?? [] };
    return loaded;
  };
  return {
    rows: () => load().rows,
    write(rows, wanted) {
      const { name, header: current } = load();
      // A category holding money that the caller did not list still gets a column: none is left out of the tab.
      const held = rows.flatMap((r) => Object.keys(r.byCategory).filter((c) => r.byCategory[c] !== 0));
      const categories = orderedCategories([...wanted, ...held]);
      const def = layout(categories);
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
        const { cells } = centsByColumn(r.byCategory, categories);
        for (const c of categories) rec[c] = money(cells[c] ?? 0);
        return rec;
      });
      if (!name) wb.createTab(def, []);
      // The whole header again when it changed: a new category goes in before UNMAPPED, not at the right.
      else if (current.length !== header.length || current.some((h, i) => !sameName(h, header[i]))) wb.addColumns(name, 1, def.columns);
      writeTable(wb, { ...def, name: name ?? TAB.settlements }, header, records);
      loaded = { name: name ?? TAB.settlements, rows: [...rows], header };
    },
  };
}
