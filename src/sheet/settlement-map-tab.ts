// The Settlement Map tab: finance's (Transaction Type, Amount Type, Amount Description) → Category
// and Account rows, read by header name. Created with the default table (docs/design.md §6) when
// missing; a triple no row matches is appended with Category UNMAPPED, so finance fills it in place.
// A tab without one of the columns a row is read by stops the job with CONFIG_INVALID: read as empty,
// every row would match other lines (or none), so imports and Recategorise would move money between
// categories and append the file's triples as UNMAPPED rows, with no word of the missing column.

import { ConfigInvalidError } from '../core/config-invalid';
import { DEFAULT_SETTLEMENT_RULES, UNMAPPED } from '../core/settlements/categories';
import type { SettlementRule, Triple } from '../core/settlements/categories';
import { TAB, TABS, columnOf, findTabName, headersOf, lacksColumns, lookalikesNote } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';
import { appendRecords, readTable } from './table';
import type { TableRecord } from './table';

const H = headersOf(TABS.settlementMap);

/** The columns a row is read by; Notes alone may go. */
const REQUIRED = [H.transactionType, H.amountType, H.amountDescription, H.category, H.account] as const;

/** The CONFIG_INVALID subject of a Settlement Map missing a column (one row per job that met it). */
export const MAP_COLUMNS_SUBJECT = `${TAB.settlementMap}:columns`;

/** Its exception row, whichever job raised it: a run that read the map whole clears it. */
export const isMapColumnsRow = (row: { key: string; type: string }): boolean => row.type === 'CONFIG_INVALID' && row.key.endsWith(`:${MAP_COLUMNS_SUBJECT}`);

function checkColumns(tab: string, header: readonly string[]): void {
  const missing = REQUIRED.filter((h) => columnOf(header, h) < 0);
  if (missing.length === 0) return;
  throw new ConfigInvalidError(
    `${lacksColumns(tab, missing)}${lookalikesNote(TABS.settlementMap, header, missing)}, so its rows cannot be read: no settlement is imported or recategorised until it is back. ` +
      `The headers are ${REQUIRED.map((h) => `"${h}"`).join(', ')} and "${H.notes}"; put the missing one${missing.length > 1 ? 's' : ''} back (Edit → Undo, or run "Set up sheets", which adds missing columns at the right; then fill ${missing.length > 1 ? 'them' : 'it'} in).`,
    MAP_COLUMNS_SUBJECT,
    `${TAB.settlementMap} tab`,
  );
}

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
    const table = readTable(wb, name);
    if (table) checkColumns(table.tab, table.header);
    records = table?.records ?? [];
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
