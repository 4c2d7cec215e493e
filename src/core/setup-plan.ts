// Plans "Set up sheets": which tabs to create and what to add to tabs people already have. It only
// ever adds (missing tabs, missing header columns, missing Settings keys) and never changes a cell
// that holds something, so running it twice plans nothing the second time.

import { SEEDED_SETTING_KEYS, SETTINGS_COLUMNS, settingsPairs, settingsSeed } from './settings';
import type { SettingsSeedRow } from './settings';
import { DEFAULT_SETTLEMENT_RULES } from './settlements/categories';
import type { TabColumn, TabDef } from './tabs';
import { SETUP_TABS, TAB, columnOf, headerText, lookalikeHeaders, nameKey } from './tabs';
import type { CellFormat, CellValue } from '../ports/workbook';
import { peoplesOwnTab } from './tab-ownership';

type Format = CellFormat;

type SetupAction =
  | { kind: 'createTab'; def: TabDef; rows: CellValue[][]; cellFormats?: Array<Array<Format | undefined>> }
  | { kind: 'addColumns'; tab: string; startColumn: number; columns: TabColumn[] }
  | { kind: 'appendRows'; tab: string; rows: CellValue[][]; cellFormats?: Array<Array<Format | undefined>> }
  | { kind: 'renameColumn'; tab: string; column: number; header: string }
  /** A person's own tab bearing the add-on's name (core/tab-ownership.ts): nothing is added to it, or styled. */
  | { kind: 'leaveAlone'; def: TabDef };

/** Settings rows (core/settings settingsSeed: section headings and keys) laid out for a header row, by header name. */
function settingsRows(header: readonly string[], seed: readonly SettingsSeedRow[]) {
  const at = (name: string) => columnOf(header, name);
  const rows: CellValue[][] = [];
  const cellFormats: Array<Array<Format | undefined>> = [];
  for (const def of seed) {
    const row = new Array<CellValue>(header.length).fill('');
    const formats = new Array<Format | undefined>(header.length).fill(undefined);
    row[at(SETTINGS_COLUMNS.key)] = def.key;
    row[at(SETTINGS_COLUMNS.value)] = def.value;
    row[at(SETTINGS_COLUMNS.help)] = def.help;
    formats[at(SETTINGS_COLUMNS.key)] = 'text';
    // A count's Value cell keeps Sheets' automatic format: "100%", "£2" or a date typed there later then
    // shows as typed, so core/settings can tell it from the count; a "0" format would show 1, 2, 46328.
    formats[at(SETTINGS_COLUMNS.value)] = def.format === 'integer' ? undefined : def.format;
    rows.push(row);
    cellFormats.push(formats);
  }
  return { rows, cellFormats };
}

/**
 * `existing` maps a tab name (as TABS has it) to its values (header row first) for tabs that exist,
 * however people cased it. Headers and Settings keys match ignoring case and surrounding spaces, so a
 * "seller sku" column is never added a second time as "Seller SKU".
 */
export function planSetup(existing: ReadonlyMap<string, CellValue[][]>, tabs: readonly TabDef[] = SETUP_TABS): SetupAction[] {
  const actions: SetupAction[] = [];
  for (const def of tabs) {
    const values = existing.get(def.name);
    const wanted = def.columns.map((c) => c.header);
    if (!values) {
      const initial =
        def.name === TAB.settings
          ? settingsRows(wanted, settingsSeed())
          : def.name === TAB.settlementMap
            ? { rows: DEFAULT_SETTLEMENT_RULES.map((r) => [r.transactionType, r.amountType, r.amountDescription, r.category, r.account, r.notes]) }
            : { rows: [] };
      actions.push({ kind: 'createTab', def, ...initial });
      continue;
    }
    if (peoplesOwnTab(def, values)) {
      actions.push({ kind: 'leaveAlone', def });
      continue;
    }
    const header = (values[0] ?? []).map(headerText);
    // Trailing empty header cells are free space; a person's own extra columns are kept.
    while (header.length > 0 && header[header.length - 1] === '') header.pop();
    // A column under its former name is renamed where it stands, keeping its values.
    for (const c of def.columns) {
      if (columnOf(header, c.header) >= 0) continue;
      const at = (c.was ?? []).map((w) => columnOf(header, w)).find((i) => i >= 0);
      if (at === undefined) continue;
      actions.push({ kind: 'renameColumn', tab: def.name, column: at + 1, header: c.header });
      header[at] = c.header;
    }
    const missing = def.columns.filter((c) => columnOf(header, c.header) < 0);
    if (missing.length > 0) {
      actions.push({ kind: 'addColumns', tab: def.name, startColumn: header.length + 1, columns: missing });
    }
    if (def.name === TAB.settings) {
      const fullHeader = [...header, ...missing.map((c) => c.header)];
      const pairs = settingsPairs([fullHeader, ...values.slice(1)]);
      const present = new Set(pairs.map((p) => nameKey(p.key)));
      const absent = SEEDED_SETTING_KEYS.filter((k) => !present.has(nameKey(k)));
      // "Marketplaces" typed (say "DE, FR") is the list, its first the main one: a "Marketplace" added
      // with its default (UK) would contradict it, and every sync would stop on a value nobody typed.
      const listTyped = pairs.some((p) => nameKey(p.key) === 'marketplaces' && String(p.value ?? '').trim() !== '');
      const seed = settingsSeed(absent).map((r) => (listTyped && r.key === 'Marketplace' ? { ...r, value: '' } : r));
      if (absent.length > 0) actions.push({ kind: 'appendRows', tab: def.name, ...settingsRows(fullHeader, seed) });
    }
  }
  return actions;
}

/** What to say when "Set up sheets" adds a column beside such a look-alike (lookalikeHeaders). */
export function lookalikeWarning(def: TabDef, tab: string, header: readonly unknown[], added: readonly TabColumn[]): string | null {
  const pairs = lookalikeHeaders(def, header, added).map((l) => `"${l.typed}" is not read as "${l.meant.header}"`);
  if (pairs.length === 0) return null;
  return (
    `${tab}: ${pairs.join('; ')}, so ${pairs.length === 1 ? 'that column was' : 'those columns were'} added empty beside it. ` +
    `Rename the header to the add-on's (and delete the empty column), or move the values there.`
  );
}
