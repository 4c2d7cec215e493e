// Setting names people typed outside the Settings tab's Key column (a tab headed "Setting | Value"
// before "Set up sheets" added the Key column beside it): their values are not read, so each is
// named by its cell as a problem rather than left to look like a setting in use.

import { columnLetters } from './cells';
import { PUSH_SETTINGS, SETTINGS, SETTINGS_COLUMNS } from './settings';
import type { SettingsProblem } from './settings';
import { columnOf, headerText, nameKey } from './tabs';

export interface StrayKey {
  /** The setting as the add-on names it. */
  key: string;
  /** Its cell, "A3", and the header of its column. */
  cell: string;
  header: string;
}

const KNOWN = new Map(SETTINGS.map((s) => [nameKey(s.key), s.key] as const));

/** Known setting names in columns the add-on does not read (any but Key, Value and Help), on any row. */
export function strayKeys(values: ReadonlyArray<ReadonlyArray<unknown>>): StrayKey[] {
  const header = values[0] ?? [];
  const own = new Set([SETTINGS_COLUMNS.key, SETTINGS_COLUMNS.value, SETTINGS_COLUMNS.help].map((h) => columnOf(header, h)));
  const out: StrayKey[] = [];
  values.slice(1).forEach((row, i) => {
    row.forEach((cell, c) => {
      const key = own.has(c) ? undefined : KNOWN.get(nameKey(cell));
      if (key) out.push({ key, cell: `${columnLetters(c + 1)}${i + 2}`, header: headerText(header[c]) || `column ${columnLetters(c + 1)}` });
    });
  });
  return out;
}

export function strayKeyProblem(s: StrayKey): SettingsProblem {
  const pushes = PUSH_SETTINGS.has(s.key);
  return {
    // Its own row of the Exceptions tab, beside any problem of the Key row of the same setting.
    key: `${s.key} (${s.cell})`,
    value: '',
    message:
      `Settings ${s.cell} holds "${s.key}" in the column "${s.header}", not under "${SETTINGS_COLUMNS.key}", so the value typed beside it is not read and the add-on uses this setting's "${SETTINGS_COLUMNS.key}" row or its default. ` +
      `Move it into the ${SETTINGS_COLUMNS.key} column (or rename the header "${s.header}" to "${SETTINGS_COLUMNS.key}" once there is no other ${SETTINGS_COLUMNS.key} column).` +
      `${pushes ? ' Until it is fixed the stock sync runs as a dry run: nothing is pushed to Amazon.' : ''}`,
    ...(pushes ? { pushes } : {}),
  };
}

/** What "Set up sheets" says when the tab it completes holds setting names outside the Key column. */
export function strayKeysWarning(tab: string, values: ReadonlyArray<ReadonlyArray<unknown>>): string | null {
  const strays = strayKeys(values);
  if (strays.length === 0) return null;
  const shown = strays.slice(0, 5).map((s) => `${s.cell} "${s.key}"`).join(', ');
  return (
    `${tab}: ${strays.length} setting name${strays.length > 1 ? 's are' : ' is'} typed outside the ${SETTINGS_COLUMNS.key} column (${shown}${strays.length > 5 ? ', …' : ''}), so ` +
    `${strays.length > 1 ? 'their values are' : 'its value is'} not read. Move them into the ${SETTINGS_COLUMNS.key} column, or rename that column's header to "${SETTINGS_COLUMNS.key}" and delete the one added.`
  );
}
