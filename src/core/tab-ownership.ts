// Whether a tab that bears the name of one the add-on writes (Orders, Inventory, Removals…) is in
// fact a person's own: it holds something and its first row names none of the add-on's columns.
// Such a tab is never taken over: the add-on's writers replace or delete rows they cannot identify,
// so a person's order list or stock count would be lost (docs/design.md §2: keep what people typed).

import type { CellValue, TabDef } from '../ports/workbook';
import { TAB, columnOf } from './tabs';

/** Tabs people fill in: a header typed another way there is reported by their readers, and set-up adds the columns. */
const INPUT_TABS: ReadonlySet<string> = new Set([TAB.settings, TAB.skuMap, TAB.carrierMap, TAB.settlementMap]);

function filled(v: unknown): boolean {
  return v !== '' && v !== null && v !== undefined;
}

/** `values`: the tab's rows, header first. False for an empty tab (it is the add-on's to fill) and for input tabs. */
export function peoplesOwnTab(def: TabDef, values: ReadonlyArray<ReadonlyArray<CellValue | null | undefined>>): boolean {
  if (INPUT_TABS.has(def.name)) return false;
  const header = values[0] ?? [];
  const named = def.columns.some((c) => columnOf(header, c.header) >= 0 || (c.was ?? []).some((w) => columnOf(header, w) >= 0));
  if (named) return false;
  return values.some((row) => row.some(filled));
}

/** What to say about it: what was seen, that nothing was changed, and the one thing to do. */
export function peoplesOwnTabMessage(def: TabDef, tab: string): string {
  const examples = def.columns.slice(0, 2).map((c) => `"${c.header}"`).join(', ');
  return (
    `The tab "${tab}" holds your own data (its first row has none of the add-on's ${def.name} columns, such as ${examples}), ` +
    `so the add-on left it as it is and wrote nothing there. Rename that tab (for example "${tab} (mine)"); ` +
    `the add-on then makes its own "${def.name}" tab.`
  );
}
