// "Set up sheets": reads the input tabs once, applies the additive plan (core/setup-plan), and says
// what it did.

import { planSetup } from '../core/setup-plan';
import { SETUP_TABS } from '../core/tabs';
import type { CellValue, WorkbookPort } from '../ports/workbook';

export interface SetupResult {
  created: string[];
  completed: string[];
  message: string;
}

export function runSetup(wb: WorkbookPort): SetupResult {
  const names = new Set(wb.tabNames());
  const existing = new Map<string, CellValue[][]>();
  for (const def of SETUP_TABS) {
    if (names.has(def.name)) existing.set(def.name, wb.read(def.name) ?? []);
  }
  const created: string[] = [];
  const completed = new Set<string>();
  for (const action of planSetup(existing)) {
    switch (action.kind) {
      case 'createTab':
        wb.createTab(action.def, action.rows, action.cellFormats);
        created.push(action.def.name);
        break;
      case 'addColumns':
        wb.addColumns(action.tab, action.startColumn, action.columns);
        completed.add(action.tab);
        break;
      case 'appendRows':
        wb.appendRows(action.tab, action.rows, action.cellFormats);
        completed.add(action.tab);
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
