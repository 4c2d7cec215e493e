// The Settings tab: read into typed Settings, and write one value back (the "Approve stock push"
// tick box is unticked after a push). Rows are found through core/settings' one reader.

import { SETTINGS_COLUMNS, parseSettings, settingsPairs } from '../core/settings';
import type { Settings, SettingsProblem } from '../core/settings';
import { TAB, columnOf, headerText } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';

export interface SettingsRead {
  settings: Settings;
  problems: SettingsProblem[];
}

/** A missing tab means defaults: a sheet that was never set up still gets a sensible first run. */
export function readSettings(wb: WorkbookPort): SettingsRead {
  const values = wb.read(TAB.settings) ?? [];
  return parseSettings(settingsPairs(values).map((p) => [p.key, p.value] as const));
}

/** Writes the Value of the row whose Key is `key` (keys match case-insensitively); false when there is no such row. */
export function writeSetting(wb: WorkbookPort, key: string, value: CellValue): boolean {
  const values = wb.read(TAB.settings) ?? [];
  const hit = settingsPairs(values).find((p) => headerText(p.key).toLowerCase() === key.toLowerCase());
  const column = columnOf(values[0] ?? [], SETTINGS_COLUMNS.value);
  if (!hit || column < 0) return false;
  wb.writeCell(TAB.settings, hit.row + 2, column + 1, value);
  return true;
}
