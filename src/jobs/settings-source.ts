// Reads the Settings tab (by header name) into typed Settings; a missing tab means defaults.

import { parseSettings } from '../core/settings';
import type { Settings, SettingsProblem } from '../core/settings';
import { TAB } from '../core/tabs';
import { columnIndex } from '../ports/workbook';
import type { WorkbookPort } from '../ports/workbook';

export function readSettings(wb: WorkbookPort): { settings: Settings; problems: SettingsProblem[] } {
  const values = wb.read(TAB.settings) ?? [];
  const header = values[0] ?? [];
  const k = columnIndex(header, 'Key') - 1;
  const v = columnIndex(header, 'Value') - 1;
  const pairs = k < 0 || v < 0 ? [] : values.slice(1).map((r) => [r[k], r[v]] as const);
  return parseSettings(pairs);
}
