// What "Set up sheets" brings every tab of the add-on up to, whoever made the tab: a frozen header, a
// filter, drop-downs and tick boxes where TABS (and the Settings keys) have them, plain-text ID
// columns, and a warning-only protection on the tabs the add-on writes. Decided from the values the
// tab holds, so nothing people typed changes: a drop-down over values outside its list only flags
// them, a column holding words rather than ticks gets no tick boxes, and numbers already in an ID
// column (their leading zeros may be gone) are named in a warning, as only a person can retype them.

import { MARKETPLACES } from './marketplaces';
import { SETTINGS, SETTINGS_COLUMNS, settingsPairs } from './settings';
import { TAB, columnOf, headerText, sameName } from './tabs';
import type { TabDef } from './tabs';
import type { CellRule, TabStandard } from '../ports/sheet-style';
import type { CellValue } from '../ports/workbook';
import { columnLetters } from './cells';

export interface StandardPlan {
  standard: TabStandard;
  /** Plain sentences for the set-up message: what a person should check. */
  warnings: string[];
}

/**
 * Drop-downs beyond TABS: the SKU Map's Marketplace offers the codes, yet a country or domain people
 * typed ("Germany") still reads (core/marketplaces.ts), so other values are flagged, never refused.
 */
const EXTRA_LISTS: Readonly<Record<string, ReadonlyArray<{ header: string; list: readonly string[] }>>> = {
  [TAB.skuMap]: [{ header: 'Marketplace', list: MARKETPLACES.map((m) => m.code) }],
};

/** ID columns whose numbers may have lost leading zeros (a Seller SKU "00123" typed into a number cell). */
const ID_KEY = /sku|asin/i;


/** At most `max` items named, then how many more. */
function listed(items: readonly string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

const isFilled = (v: unknown): boolean => headerText(v) !== '';
const isDate = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Date]';

/** A list rule that refuses other input only when every value already there is on the list. */
function listRule(list: readonly string[], values: readonly unknown[], strict: boolean): CellRule {
  const allowed = new Set(list.map((v) => v.toLowerCase()));
  const fits = values.filter(isFilled).every((v) => allowed.has(headerText(v).toLowerCase()));
  return { list, strict: strict && fits };
}

/** Tick boxes only over TRUE/FALSE and empty cells: a "yes" typed there would show as a broken tick box. */
function tickable(values: readonly unknown[]): boolean {
  return values.filter(isFilled).every((v) => typeof v === 'boolean');
}

/** The Settings Value cells that get a drop-down or a tick box, found by key (sheet rows). */
function settingsCellRules(values: ReadonlyArray<ReadonlyArray<CellValue>>, header: readonly string[]): TabStandard['cellRules'] {
  const valueColumn = columnOf(header, SETTINGS_COLUMNS.value) + 1;
  if (valueColumn < 1) return [];
  const out: Array<TabStandard['cellRules'][number]> = [];
  for (const pair of settingsPairs(values)) {
    const def = SETTINGS.find((s) => sameName(s.key, pair.key));
    if (!def) continue;
    const row = pair.row + 2;
    if (def.format === 'checkbox') {
      if (tickable([pair.value])) out.push({ row, column: valueColumn, rule: 'checkbox' });
    } else if (def.options) {
      out.push({ row, column: valueColumn, rule: listRule(def.options, [pair.value], true) });
    }
  }
  return out;
}

/**
 * The standard for tab `def`, present as `tab`, holding `values` (header row first; only the header
 * for tabs the add-on writes, whose rows it formats itself on every write).
 */
export function tabStandard(def: TabDef, tab: string, values: ReadonlyArray<ReadonlyArray<CellValue>>): StandardPlan {
  const header = (values[0] ?? []).map(headerText);
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows = values.slice(1);
  const column = (at: number) => rows.map((r) => r[at]);
  const warnings: string[] = [];
  const plainText: number[] = [];
  const columnRules: Array<TabStandard['columnRules'][number]> = [];
  const unticked: string[] = [];
  for (const col of def.columns) {
    const at = columnOf(header, col.header);
    if (at < 0) continue;
    const cells = column(at);
    if (col.format === 'text' && !def.addOnOwned && !cells.some((v) => isDate(v) || typeof v === 'boolean')) {
      plainText.push(at + 1);
      if (ID_KEY.test(col.key)) {
        const numbers = cells.map((v, i) => (typeof v === 'number' ? `${columnLetters(at + 1)}${i + 2}` : '')).filter(Boolean);
        if (numbers.length) {
          warnings.push(
            `${tab} ${listed(numbers)} ${numbers.length === 1 ? 'holds a number' : 'hold numbers'} in ${col.header}: if ${numbers.length === 1 ? 'that SKU' : 'those SKUs'} began with zeros, Sheets dropped them when typed. ` +
              `The column is plain text now, so type ${numbers.length === 1 ? 'it' : 'them'} again as they appear in Seller Central or the 3PL.`,
          );
        }
      }
    }
    // A date in an ID column is what Sheets made of an ID typed there ("2026-11-02"): the column keeps
    // its format (plain text would show the date as a number), and only a person can retype it.
    if (col.format === 'text' && !def.addOnOwned && ID_KEY.test(col.key)) {
      const dates = cells.map((v, i) => (isDate(v) ? `${columnLetters(at + 1)}${i + 2}` : '')).filter(Boolean);
      if (dates.length) {
        warnings.push(
          `${tab} ${listed(dates)} ${dates.length === 1 ? 'holds a date' : 'hold dates'} in ${col.header}: Sheets turned ${dates.length === 1 ? 'that ID' : 'those IDs'} into ${dates.length === 1 ? 'a date' : 'dates'} when typed, so ${dates.length === 1 ? 'its row is' : 'their rows are'} not synced and the column was left as it is. ` +
            `Format the ${col.header} column as Plain text (Format → Number → Plain text), then type ${dates.length === 1 ? 'it' : 'them'} again as they appear in Seller Central or the 3PL.`,
        );
      }
    }
    if (col.validation === 'checkbox') {
      if (tickable(cells)) columnRules.push({ column: at + 1, rule: 'checkbox' });
      else unticked.push(col.header);
    } else if (col.validation) {
      columnRules.push({ column: at + 1, rule: listRule(col.validation.list, cells, true) });
    }
  }
  for (const extra of EXTRA_LISTS[def.name] ?? []) {
    const at = columnOf(header, extra.header);
    if (at >= 0) columnRules.push({ column: at + 1, rule: listRule(extra.list, column(at), false) });
  }
  if (unticked.length) warnings.push(`${tab} ${listed(unticked)} ${unticked.length === 1 ? 'holds' : 'hold'} words such as "yes", so no tick boxes were added there; they are read as typed.`);
  return {
    standard: {
      tab,
      width: header.length,
      // The Dashboard is a layout its own module draws, not a list of rows under a header.
      freezeHeader: def.name !== TAB.dashboard,
      // Settings is a list of keys read top to bottom; a hidden tab is no one's to filter.
      filter: def.name !== TAB.settings && def.name !== TAB.dashboard && !def.hidden,
      plainText,
      columnRules,
      cellRules: def.name === TAB.settings ? settingsCellRules(values, header) : [],
      protect: def.addOnOwned === true,
    },
    warnings,
  };
}
