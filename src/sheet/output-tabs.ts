// The tabs every run writes its record to, the Sync Log and the Exceptions tab: when a person's own
// tab bears one of their names (core/tab-ownership.ts), a run would add the add-on's columns to it
// and put its rows among theirs. Such a tab is never written; the runner then starts no job, since a
// run that cannot record what it did or what went wrong must not push or send anything either.

import { peoplesOwnTab, peoplesOwnTabMessage } from '../core/tab-ownership';
import { TABS } from '../core/tabs';
import type { TabDef } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';

const OUTPUT_TABS: readonly TabDef[] = [TABS.syncLog, TABS.exceptions];

/** Whether the tab named `def.name` is a person's own, judged by its header row alone (a run reads no more of it). */
export function isPeoplesTab(wb: WorkbookPort, def: TabDef): boolean {
  const header = wb.readHeader(def.name);
  return header !== null && peoplesOwnTab(def, [header]);
}

/** The output tabs that are people's own, each with what to tell them; empty when the run may write both. */
export function peoplesOutputTabs(wb: WorkbookPort): Array<{ def: TabDef; message: string }> {
  return OUTPUT_TABS.filter((def) => isPeoplesTab(wb, def)).map((def) => ({ def, message: peoplesOwnTabMessage(def, def.name) }));
}
