// The SKU Map tab: people's mapping rows in (validated by core/inventory/sku-map), the Status
// column out (with how an Active typed as words was read). Found by name whatever case or spaces people gave it ("SKU map", "Sku Map "); a
// missing tab or a missing required column stops the job with CONFIG_INVALID, never an empty map.

import { ConfigInvalidError } from '../core/config-invalid';
import { withActiveNotes } from '../core/sku-map-notes';
import { asTyped, columnLetters } from '../core/cells';
import { TAB, TABS, columnOf, findTabName, headersOf, lacksColumns, lookalikeHeaders, lookalikesNote } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { planRowWrites } from './row-blocks';
import { appendRecords, cellOut, ensureTable, readTable } from './table';
import type { Table, TableRecord } from './table';

export interface SkuMapTab {
  /** Every row under the header, blank ones included (row = index + 2). */
  records(): TableRecord[];
  /** Writes the Status cells that changed (adding the column when people removed it), in runs of rows; nothing when unchanged. */
  writeStatus(statuses: readonly string[]): void;
  /** Every row under the header, or none when there is no SKU Map tab yet (the SKU Map builder creates it). */
  existingRecords(): TableRecord[];
  /**
   * Appends rows below the last one (creating the tab, or adding its missing columns such as Match
   * and Confidence at the right); rows people made are never rewritten. Returns the first new row.
   */
  appendProposals(records: ReadonlyArray<Record<string, unknown>>): number;
  /** Columns headed differently from the add-on's by more than case and spaces ("Offer" for "Offer %"), which are not read. */
  unreadColumns(): UnreadColumn[];
}

/** A column whose header is a look-alike of one the add-on reads (core/tabs.ts lookalikeHeaders). */
export interface UnreadColumn {
  typed: string;
  meant: string;
  /** Its header cell, "H1". */
  cell: string;
  /** Rows holding a value in it: values the add-on does not use. */
  filled: number;
}

const H = headersOf(TABS.skuMap);

/** Without these a row cannot be read at all: the map would silently sync nothing (or everything wrong). */
const SKU_MAP_REQUIRED = [H.sellerSku, H.channel, H.threePlSku] as const;

/** The tab by its exact name, else by the name people gave it; null when there is none. */
function readSkuMap(wb: WorkbookPort): Table | null {
  const exact = readTable(wb, TAB.skuMap);
  if (exact) return exact;
  const name = findTabName(wb.tabNames(), TAB.skuMap);
  return name ? readTable(wb, name) : null;
}

function checked(table: Table | null): Table {
  if (!table) {
    throw new ConfigInvalidError(
      `There is no "${TAB.skuMap}" tab, so the add-on does not know which Amazon offers to keep in step with the 3PL. ` +
        `If you renamed it, name it "${TAB.skuMap}" again; otherwise run "Set up sheets" from the add-on menu to create it and fill it in.`,
      TAB.skuMap,
      `${TAB.skuMap} tab`,
    );
  }
  const missing = SKU_MAP_REQUIRED.filter((h) => columnOf(table.header, h) < 0);
  if (missing.length > 0) {
    throw new ConfigInvalidError(
      `${lacksColumns(table.tab, missing)}${lookalikesNote(TABS.skuMap, table.header, missing)}, so no row can be read. ` +
        `Put the header${missing.length > 1 ? 's' : ''} back (or run "Set up sheets", which adds missing columns at the right without touching your rows).`,
      // One row for "the SKU Map cannot be read", whichever way: its message is updated, never a second row.
      TAB.skuMap,
      `${TAB.skuMap} tab`,
    );
  }
  return table;
}

/** The number columns people type into, and whether a percentage is what the column means. */
const NUMBER_COLUMNS = [
  [H.safetyBuffer, false],
  [H.maxQty, false],
  [H.offer, true],
] as const;

/**
 * The table with each number cell read as typed (core/cells asTyped): "100%" under Safety Buffer is the
 * number 1 to getValues, so the column's shown text is read too (one call a column) and such a cell
 * reaches validation as "100%", which holds its row back and says so, instead of 1 unit.
 */
function asPeopleTyped(wb: WorkbookPort, t: Table): Table {
  for (const [column, percentAllowed] of NUMBER_COLUMNS) {
    const at = columnOf(t.header, column);
    if (at < 0 || !t.records.some((r) => typeof r[column] === 'number')) continue;
    const shown = wb.readShownColumn(t.tab, at + 1) ?? [];
    t.records.forEach((r, i) => {
      const v = asTyped(r[column], shown[i], percentAllowed);
      if (v !== r[column]) r[column] = v as string;
    });
  }
  return t;
}

export function skuMapTab(wb: WorkbookPort): SkuMapTab {
  let table: Table | null = null;
  const load = (): Table => {
    if (!table) table = asPeopleTyped(wb, checked(readSkuMap(wb)));
    return table;
  };
  return {
    records: () => load().records,
    writeStatus(statuses) {
      const t = load();
      const status = H.status;
      if (columnOf(t.header, status) < 0) table = { ...t, header: ensureTable(wb, TABS.skuMap, t) };
      const col = columnOf(table!.header, status) + 1;
      const current = t.records.map((r) => String(r[status] ?? ''));
      // An Active cell read from words ("yes", 0) says so in its row's Status (core/sku-map-notes).
      const noted = withActiveNotes(statuses, t.records);
      const next = t.records.map((_, i) => noted[i] ?? '');
      // Only the runs of rows whose Status changed (one held row in a 100,000-row map writes one cell).
      const spans = next.map((s, i) => (s === current[i] ? null : { first: 0, last: 0 }));
      const blocks = planRowWrites(spans, next.length, next.length, [false]).map((p) => ({
        row: p.start + 2,
        column: col,
        rows: next.slice(p.start, p.start + p.count).map((s) => [cellOut(s, undefined)]),
      }));
      if (blocks.length > 0) wb.writeRows(t.tab, blocks);
    },
    existingRecords() {
      if (table) return table.records;
      const found = readSkuMap(wb);
      if (!found) return [];
      table = asPeopleTyped(wb, checked(found));
      return table.records;
    },
    unreadColumns() {
      const t = load();
      // Every column, not only missing ones: "Set up sheets" (or a sync) may have added the real
      // column empty beside the look-alike, whose values still go unread.
      const blank = (v: unknown) => String(v ?? '').trim() === '';
      return lookalikeHeaders(TABS.skuMap, t.header, TABS.skuMap.columns).map((l) => ({
        typed: l.typed,
        meant: l.meant.header,
        cell: `${columnLetters(l.index + 1)}1`,
        // Values the add-on does not read: typed under the look-alike where the real column says nothing.
        filled: t.records.filter((r) => !blank(r[l.typed]) && blank(r[l.meant.header])).length,
      }));
    },
    appendProposals(records) {
      const found = table ?? (readSkuMap(wb) ? load() : null);
      ensureTable(wb, TABS.skuMap, found);
      const first = (found?.records.length ?? 0) + 2;
      if (records.length) appendRecords(wb, { ...TABS.skuMap, name: found?.tab ?? TAB.skuMap }, records);
      table = null;
      return first;
    },
  };
}
