// "Set up sheets": reads the input tabs once, applies the additive plan (core/setup-plan), and says
// what it did. A tab people renamed only in case or spaces ("SKU map", "Sku Map ") is that tab: it is
// completed under its own name, never created a second time.

import { planSetup } from '../core/setup-plan';
import { SETUP_TABS, findTabName } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';

export interface SetupResult {
  created: string[];
  completed: string[];
  message: string;
}

export function runSetup(wb: WorkbookPort): SetupResult {
  const names = wb.tabNames();
  const existing = new Map<string, CellValue[][]>();
  /** Tab name in the plan → the name the spreadsheet has. */
  const actual = new Map<string, string>();
  for (const def of SETUP_TABS) {
    const name = findTabName(names, def.name);
    if (name === null) continue;
    existing.set(def.name, wb.read(name) ?? []);
    actual.set(def.name, name);
  }
  const tabOf = (tab: string) => actual.get(tab) ?? tab;
  const created: string[] = [];
  const completed = new Set<string>();
  for (const action of planSetup(existing)) {
    switch (action.kind) {
      case 'createTab':
        wb.createTab(action.def, action.rows, action.cellFormats);
        created.push(action.def.name);
        break;
      case 'addColumns':
        wb.addColumns(tabOf(action.tab), action.startColumn, action.columns);
        completed.add(tabOf(action.tab));
        break;
      case 'renameColumn':
        wb.writeCell(tabOf(action.tab), 1, action.column, action.header);
        completed.add(tabOf(action.tab));
        break;
      case 'appendRows':
        wb.appendRows(tabOf(action.tab), action.rows, action.cellFormats);
        completed.add(tabOf(action.tab));
        break;
    }
  }
  const parts: string[] = [];
  if (created.length) parts.push(`Created ${created.join(', ')}.`);
  if (completed.size) parts.push(`Added missing columns or settings to ${[...completed].join(', ')}.`);
  return {
    created,
    completed: [...completed],
    message: parts.length ? parts.join(' ') : 'All tabs were already set up; nothing changed.',
  };
}
