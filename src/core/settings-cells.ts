// Where each Settings key's Value sits ("B4"), so every exception about a setting names the cell to
// fix: the key alone leaves people hunting for its row in a tab they may have reordered, and a key
// typed twice has two cells. Every job's set-up problems about a setting share the entity
// "Settings: <key>", which is how they are found here.

import { isSettingsSection, settingsPairs } from './settings';
import { nameKey } from './tabs';

const ENTITY_PREFIX = 'Settings: ';

/**
 * The sentence withSettingCells adds. Where a value sits is no fact of the problem: moving the row or
 * column (or the sentence first appearing) must not reopen a row people set to Ignored (core/exceptions factsOf).
 */
export const SETTING_CELL_SENTENCE = / Its values? (?:is|are) in cells? [A-Z]+\d+(?:(?:, | and )[A-Z]+\d+)* of the "[^"]*" tab\./g;

/** Key (as nameKey compares it) → the Value cells of its rows, in sheet order (values with the header row first). */
export function settingValueCells(values: ReadonlyArray<ReadonlyArray<unknown>>): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  for (const p of settingsPairs(values)) {
    const key = nameKey(p.key);
    if (!key || isSettingsSection(key)) continue;
    cells.set(key, [...(cells.get(key) ?? []), p.valueCell]);
  }
  return cells;
}

function both(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/**
 * Each problem about a setting (entity "Settings: <key>") with the cell its value is in appended to
 * its message, unless the message names a cell already. A key with no row has no cell to name.
 */
export function withSettingCells<T extends { entity: string; message: string }>(raised: readonly T[], cells: ReadonlyMap<string, readonly string[]>, tab: string): T[] {
  return raised.map((r) => {
    if (!r.entity.startsWith(ENTITY_PREFIX) || /\bcells? [A-Z]+\d+\b/.test(r.message)) return r;
    const at = cells.get(nameKey(r.entity.slice(ENTITY_PREFIX.length)));
    if (!at || at.length === 0) return r;
    const where = at.length === 1 ? `Its value is in cell ${at[0]} of the "${tab}" tab.` : `Its values are in cells ${both(at)} of the "${tab}" tab.`;
    return { ...r, message: `${r.message.trim()} ${where}` };
  });
}
