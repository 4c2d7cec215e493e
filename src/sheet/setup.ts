// "Set up sheets": reads the input tabs once, applies the additive plan (core/setup-plan), then brings
// every tab of the add-on up to standard (core/tab-standard: frozen header, filter, drop-downs, tick
// boxes, plain-text ID columns, protection) through the sheet-style port, and says what it did and
// what a person should check. A tab people renamed only in case or spaces ("SKU map", "Sku Map ") is
// that tab: it is completed under its own name, never created a second time.

import { strayKeysWarning } from '../core/settings-stray';
import { lookalikeWarning, planSetup } from '../core/setup-plan';
import { peoplesOwnTab, peoplesOwnTabMessage } from '../core/tab-ownership';
import { tabStandard } from '../core/tab-standard';
import { SETUP_TABS, TAB, TABS, findTabName } from '../core/tabs';
import type { TabDef } from '../core/tabs';
import type { SheetStylePort, StyleChange } from '../ports/sheet-style';
import type { CellValue, WorkbookPort } from '../ports/workbook';

export interface SetupResult {
  created: string[];
  completed: string[];
  /** Tabs that existed and were given a frozen header, filter, drop-downs… (tabs created here come with them). */
  styled: string[];
  /** What a person should check (numbers in SKU columns that may have lost leading zeros…). */
  warnings: string[];
  message: string;
}

/**
 * Brings each tab of the add-on that exists up to standard. Input tabs are read whole (their values
 * decide the rules; `unchanged` holds those read before that the plan left as they were, so they are
 * not read twice); tabs the add-on writes only by their header, as it formats their rows itself.
 */
function standardise(wb: WorkbookPort, style: SheetStylePort, created: ReadonlySet<string>, unchanged: ReadonlyMap<string, CellValue[][]>, leftAlone: ReadonlySet<string>) {
  const names = wb.tabNames();
  const styled: string[] = [];
  const warnings: string[] = [];
  for (const def of Object.values(TABS) as TabDef[]) {
    const name = findTabName(names, def.name);
    if (name === null || def.hidden || leftAlone.has(def.name)) continue;
    const input = SETUP_TABS.includes(def) && !def.addOnOwned;
    const values = input ? (unchanged.get(def.name) ?? wb.read(name) ?? []) : [wb.readHeader(name) ?? []];
    // A tab of people's own under an output tab's name ("Orders" of web-shop orders): no frozen
    // header, filter or protection is put on their data, and they are told why it is not used.
    if (peoplesOwnTab(def, values)) {
      warnings.push(peoplesOwnTabMessage(def, name));
      continue;
    }
    const plan = tabStandard(def, name, values);
    const changes: StyleChange[] = style.ensureStandard(plan.standard);
    if (changes.length && !created.has(def.name)) styled.push(`${name} (${changes.join(', ')})`);
    warnings.push(...plan.warnings);
  }
  return { styled, warnings };
}

/** `style` absent: tabs and columns only (tests of other concerns). */
export function runSetup(wb: WorkbookPort, style?: SheetStylePort): SetupResult {
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
  const notes: string[] = [];
  /** People's own tabs under the add-on's names: not brought up to standard either (no frozen header, filter, protection or formats). */
  const leftAlone = new Set<string>();
  for (const action of planSetup(existing)) {
    switch (action.kind) {
      case 'createTab':
        wb.createTab(action.def, action.rows, action.cellFormats);
        created.push(action.def.name);
        break;
      case 'addColumns': {
        wb.addColumns(tabOf(action.tab), action.startColumn, action.columns);
        completed.add(tabOf(action.tab));
        const def = SETUP_TABS.find((d) => d.name === action.tab);
        const note = def && lookalikeWarning(def, tabOf(action.tab), existing.get(action.tab)?.[0] ?? [], action.columns);
        if (note) notes.push(note);
        break;
      }
      case 'renameColumn':
        wb.writeCell(tabOf(action.tab), 1, action.column, action.header);
        completed.add(tabOf(action.tab));
        break;
      case 'appendRows':
        wb.appendRows(tabOf(action.tab), action.rows, action.cellFormats);
        completed.add(tabOf(action.tab));
        break;
      case 'leaveAlone':
        leftAlone.add(action.def.name);
        notes.push(peoplesOwnTabMessage(action.def, tabOf(action.def.name)));
        break;
    }
  }
  const strays = strayKeysWarning(tabOf(TAB.settings), existing.get(TAB.settings) ?? []);
  if (strays) notes.push(strays);
  const unchanged = new Map([...existing].filter(([tab]) => !completed.has(tabOf(tab)) && !leftAlone.has(tab)));
  const standardised = style ? standardise(wb, style, new Set(created), unchanged, leftAlone) : { styled: [], warnings: [] };
  const styled = standardised.styled;
  const warnings = [...notes, ...standardised.warnings];
  const parts: string[] = [];
  if (created.length) parts.push(`Created ${created.join(', ')}.`);
  if (completed.size) parts.push(`Added missing columns or settings to ${[...completed].join(', ')}.`);
  if (styled.length) parts.push(`Brought up to standard: ${styled.join('; ')}.`);
  const done = parts.length ? parts.join(' ') : 'All tabs were already set up; nothing changed.';
  return {
    created,
    completed: [...completed],
    styled,
    warnings,
    message: [done, ...warnings].join(' '),
  };
}
