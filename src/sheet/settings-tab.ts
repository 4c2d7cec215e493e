// The Settings tab: read into typed Settings, and write one value back (the "Approve stock push"
// tick box is unticked after a push). Rows are found through core/settings' one reader; section rows
// ("— Stock sync —") are headings, never read or written as settings; the tab is found by its name as
// people have it ("settings"). A tab that cannot be read is a problem, never defaults.

import { SETTINGS_COLUMNS, isSettingsSection, parseSettings, settingsPairs } from '../core/settings';
import type { Settings, SettingsProblem } from '../core/settings';
import { settingValueCells } from '../core/settings-cells';
import { strayKeyProblem, strayKeys } from '../core/settings-stray';
import { TAB, columnOf, findTabName, sameName } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';

interface SettingsRead {
  settings: Settings;
  problems: SettingsProblem[];
  /** Key (core/tabs nameKey) → its Value cells ("B4"), and the tab's name as people have it: for messages naming the cell. */
  cells: Map<string, string[]>;
  tab: string;
}

/** The tab's values and its name as the spreadsheet has it; null when there is no such tab. */
function readTab(wb: WorkbookPort): { tab: string; values: CellValue[][] } | null {
  const exact = wb.read(TAB.settings);
  if (exact) return { tab: TAB.settings, values: exact };
  const name = findTabName(wb.tabNames(), TAB.settings);
  const values = name ? wb.read(name) : null;
  return name && values ? { tab: name, values } : null;
}

/** Why the tab itself cannot be read (no tab, or no Key / Value column); null when it can. */
function tabProblem(read: { tab: string; values: CellValue[][] } | null): SettingsProblem | null {
  const what = (text: string): SettingsProblem => ({
    key: '',
    value: '',
    blocking: true,
    message: `${text} The add-on does not run any sync with guessed settings (marketplace, push mode, guardrails). Run "Set up sheets" from the add-on menu: it adds what is missing without touching your rows.`,
  });
  if (!read) return what(`There is no "${TAB.settings}" tab, so none of your settings can be read.`);
  const header = read.values[0] ?? [];
  const missing = [SETTINGS_COLUMNS.key, SETTINGS_COLUMNS.value].filter((h) => columnOf(header, h) < 0);
  if (missing.length === 0) return null;
  return what(`The "${read.tab}" tab has no ${missing.map((h) => `"${h}"`).join(' or ')} column in its header row (row 1), so none of your settings can be read.`);
}

/** Settings as typed, with every value that cannot be used (and a tab that cannot be read) as a problem. */
export function readSettings(wb: WorkbookPort): SettingsRead {
  const read = readTab(wb);
  // As shown too: a count typed as "100%" reads as the number 1, and only the cell's text says what was typed.
  const shown = read ? wb.readShown(read.tab) : null;
  const valueColumn = columnOf(read?.values[0] ?? [], SETTINGS_COLUMNS.value);
  const parsed = parseSettings(settingsPairs(read?.values ?? []).map((p) => [p.key, p.value, p.cell, shown?.[p.row + 1]?.[valueColumn]] as const));
  const problem = tabProblem(read);
  // Setting names typed outside the Key column are not read; one meant to limit a push keeps it a dry run.
  const strays = strayKeys(read?.values ?? []).map(strayKeyProblem);
  const settings = strays.some((p) => p.pushes) ? { ...parsed.settings, pushMode: 'dry-run' as const, pushModeChosen: parsed.settings.pushModeChosen ?? parsed.settings.pushMode } : parsed.settings;
  return { settings, problems: [...(problem ? [problem] : []), ...parsed.problems, ...strays], cells: settingValueCells(read?.values ?? []), tab: read?.tab ?? TAB.settings };
}

/** Writes the Value of the setting row whose Key is `key` (keys match as parseSettings reads them: case and white space aside); false when there is no such row. */
export function writeSetting(wb: WorkbookPort, key: string, value: CellValue): boolean {
  const read = readTab(wb);
  const values = read?.values ?? [];
  const hit = settingsPairs(values).find((p) => !isSettingsSection(p.key) && sameName(p.key, key));
  const column = columnOf(values[0] ?? [], SETTINGS_COLUMNS.value);
  if (!read || !hit || column < 0) return false;
  wb.writeCell(read.tab, hit.row + 2, column + 1, value);
  return true;
}
