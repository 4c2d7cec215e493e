// The sheet a port method names: people rename tabs ("exceptions", "Sync  Log "), and Sheets'
// getSheetByName is case-sensitive while insertSheet refuses a name that differs only in case, so
// every adapter looks a tab up here, by the same rule as headers (core/tabs findTabName).

import { findTabName } from '../../core/tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab called `tab`, or the one people renamed from it in case or spacing; null when there is
 * none. The exact name costs one call, as before; only a miss lists the tabs.
 */
export function sheetNamed(ss: Spreadsheet, tab: string): Sheet | null {
  const exact = ss.getSheetByName(tab);
  if (exact) return exact;
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const name = findTabName(names, tab);
  return name === null ? null : (sheets[names.indexOf(name)] ?? null);
}
