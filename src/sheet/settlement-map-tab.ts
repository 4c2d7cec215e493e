// The Settlement Map tab: finance's (Transaction Type, Amount Type, Amount Description) → Category
// and Account rows, read by header name. Created with the default table (docs/design.md §6) when
// missing; a triple no row matches is appended with Category UNMAPPED, so finance fills it in place.

import { DEFAULT_SETTLEMENT_RULES, UNMAPPED } from '../core/settlements/categories';
import type { SettlementRule, Triple } from '../core/settlements/categories';
import { TAB, TABS, findTabName, headersOf } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { appendRecords, readTable } from './table';
import type { TableRecord } from './table';

const H = headersOf(TABS.settlementMap);

export interface SettlementMapTab {
  /** The rows under the header (row = index + 2); the tab is created with the defaults when missing. */
  records(): TableRecord[];
  /** Adds one row per triple with Category UNMAPPED, in one call. */
  appendUnmapped(triples: ReadonlyArray<Triple>): void;
}

function ruleRow(r: SettlementRule): CellValue[] {
  return [r.transactionType, r.amountType, r.amountDescription, r.category, r.account, r.notes];
}

export function settlementMapTab(wb: WorkbookPort): SettlementMapTab {
  let name: string | null = null;
  let records: TableRecord[] | null = null;
  const load = (): TableRecord[] => {
    if (records) return records;
    name = findTabName(wb.tabNames(), TAB.settlementMap);
    if (!name) {
      wb.createTab(TABS.settlementMap, DEFAULT_SETTLEMENT_RULES.map(ruleRow));
      name = TAB.settlementMap;
    }
    records = readTable(wb, name)?.records ?? [];
    return records;
  };
  return {
    records: load,
    appendUnmapped(triples) {
      if (triples.length === 0) return;
      load();
      const rows = triples.map((t) => ({
        [H.transactionType]: t.transactionType,
        [H.amountType]: t.amountType,
        [H.amountDescription]: t.amountDescription,
        [H.category]: UNMAPPED,
        [H.account]: '',
        [H.notes]: 'Added by the add-on: not matched by any row. Set the Category, then use "Recategorise settlements".',
      }));
      appendRecords(wb, { ...TABS.settlementMap, name: name ?? TAB.settlementMap }, rows);
      records = [...(records ?? []), ...rows];
    },
  };
}
