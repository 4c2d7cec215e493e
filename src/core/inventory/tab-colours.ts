// The Inventory tab's colours, as conditional format rules in plain data: one rule per meaning on
// whole columns (never per row), so 100,000 rows cost the same four rules. Formulas name columns by
// where the tab has them now; the same rules with other letters are recognised as ours, so a moved
// column replaces them instead of adding a second set.

import type { ConditionalFormat } from '../../ports/sheet-style';
import { TABS, columnOf, headersOf } from '../tabs';
import { columnLetters } from '../cells';

const H = headersOf(TABS.inventory);

/** Sheets' palette ("light red 2", "light orange 2", "light red 3", "light yellow 3"), lower case as read back. */
const COLOURS = { toZero: '#ea9999', bigDrop: '#f9cb9c', rejected: '#f4cccc', held: '#fff2cc' } as const;

interface RuleDef {
  /** A header: that column alone; null: the whole row. */
  column: string | null;
  /** `{Header}` stands for that column of the rule's first row, e.g. $M2. */
  formula: string;
  background: string;
}

/**
 * In order of precedence (Sheets colours a cell by the first rule that matches it): a quantity
 * about to go to zero, a large drop, then whole rows Amazon refused and rows held back.
 */
const RULES: readonly RuleDef[] = [
  // Proposed 0 while Amazon still shows stock: the offer goes offline with the next push.
  { column: H.proposedQty, formula: `=AND(ISNUMBER({${H.proposedQty}}),{${H.proposedQty}}=0,ISNUMBER({${H.amazonFbmQty}}),{${H.amazonFbmQty}}>0)`, background: COLOURS.toZero },
  // A drop of at least half of what Amazon shows (Change is empty when Amazon's quantity is unknown).
  { column: H.change, formula: `=AND(ISNUMBER({${H.change}}),{${H.change}}<0,-2*{${H.change}}>={${H.amazonFbmQty}})`, background: COLOURS.bigDrop },
  { column: null, formula: `=OR({${H.pushState}}="rejected",{${H.pushState}}="accepted but not applied")`, background: COLOURS.rejected },
  // Held rows: the guardrail's Push State, and the Reason build.ts gives rows held or not synced.
  { column: null, formula: `=OR({${H.pushState}}="held by guardrail",LEFT({${H.reason}},5)="Held:",LEFT({${H.reason}},11)="Not synced:")`, background: COLOURS.held },
];


/** The formula with each {Header} as a column-absolute, row-relative reference to row 2 ($M2); null when a column is missing. */
function formulaFor(template: string, header: readonly string[]): string | null {
  let missing = false;
  const out = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const at = columnOf(header, name);
    if (at < 0) missing = true;
    return `$${columnLetters(at + 1)}2`;
  });
  return missing ? null : out;
}

/** The rules for a tab whose header row is `header` (as the tab has it, people's columns included). */
export function inventoryConditionalFormats(header: readonly string[]): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  for (const r of RULES) {
    const formula = formulaFor(r.formula, header);
    const at = r.column === null ? 0 : columnOf(header, r.column);
    if (formula === null || at < 0) continue;
    out.push(r.column === null ? { column: 1, columns: header.length, formula, background: r.background } : { column: at + 1, columns: 1, formula, background: r.background });
  }
  return out;
}

/** A formula's shape: cell references and case aside. */
function shape(formula: string): string {
  return formula.replace(/\{[^}]+\}/g, '#').replace(/\$?[A-Za-z]{1,3}\$?\d+/g, '#').replace(/\s+/g, '').toUpperCase();
}

const OWN_SHAPES = new Set(RULES.map((r) => shape(r.formula)));

/** True for a formula one of the rules above wrote, whichever columns it names. */
export function isInventoryRule(formula: string): boolean {
  return OWN_SHAPES.has(shape(formula));
}
