// The Settlement Map (docs/design.md §2, §6): which category and account a settlement line's
// (transaction-type, amount-type, amount-description) triple belongs to. A match cell is "any",
// or a comma list of values, each exact or ending in "*" (a prefix: "MarketplaceFacilitatorTax-*");
// an empty cell matches only an empty value, so a triple appended with an empty part stays exact.
// Matching ignores case and extra spaces (the design's rule; files spell "other-transaction" and
// "Other-Transaction"). Specific rows win over wildcard rows: the row with the fewest cells that are
// "any" or hold a "*" value is tried first, sheet order among equals. A row whose Category is
// UNMAPPED (finance has not filled it in yet) matches, but its lines stay unmapped.

import { cellText } from '../cells';
import type { SettlementLine, SettlementRule } from './types';
import { TABS, headersOf } from '../tabs';

export type { SettlementRule } from './types';
export { DEFAULT_SETTLEMENT_RULES } from './default-rules';

export const UNMAPPED = 'UNMAPPED';

/** What a Settlement Map row matches: a line's transaction type, amount type and description. */
export type Triple = Pick<SettlementLine, 'transactionType' | 'amountType' | 'amountDescription'>;
export interface Categorised {
  category: string;
  account: string;
  rule: SettlementRule | null;
}

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function isUnmappedCategory(category: string): boolean {
  return norm(category) === norm(UNMAPPED);
}

/** 'transactionType|amountType|amountDescription', lower-cased: one key per unmapped triple. */
export function tripleKey(line: Triple): string {
  return `${norm(line.transactionType)}|${norm(line.amountType)}|${norm(line.amountDescription)}`;
}

type CellMatch = { any: true } | { any: false; exact: Set<string>; prefixes: string[] };

function compileCell(cell: string): CellMatch {
  const parts = cell.split(',').map(norm);
  if (parts.some((p) => p === 'any' || p === '*')) return { any: true };
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of parts) {
    if (p.endsWith('*')) prefixes.push(p.slice(0, -1).trim());
    else exact.add(p);
  }
  return { any: false, exact, prefixes };
}

const isWild = (c: CellMatch) => c.any || c.prefixes.length > 0;
const hits = (c: CellMatch, value: string) => c.any || c.exact.has(value) || c.prefixes.some((p) => value.startsWith(p));

/** Categorises many lines with one compiled map (and one answer per distinct triple). */
export function makeCategoriser(rules: ReadonlyArray<SettlementRule>): (line: Triple) => Categorised {
  const compiled = rules
    .map((rule, order) => {
      const cells = [compileCell(rule.transactionType), compileCell(rule.amountType), compileCell(rule.amountDescription)] as const;
      return { rule, order, cells, wild: cells.filter(isWild).length };
    })
    .sort((a, b) => a.wild - b.wild || a.order - b.order);
  // Answers by the exact text first (three nested maps, no string built per line), then by the
  // normalised triple, so each distinct spelling is matched against the rules once.
  const exact = new Map<string, Map<string, Map<string, Categorised>>>();
  const byKey = new Map<string, Categorised>();
  return (line) => {
    let level1 = exact.get(line.transactionType);
    if (!level1) exact.set(line.transactionType, (level1 = new Map()));
    let level2 = level1.get(line.amountType);
    if (!level2) level1.set(line.amountType, (level2 = new Map()));
    const known = level2.get(line.amountDescription);
    if (known) return known;
    const key = tripleKey(line);
    const same = byKey.get(key);
    if (same) {
      level2.set(line.amountDescription, same);
      return same;
    }
    const values = [norm(line.transactionType), norm(line.amountType), norm(line.amountDescription)] as const;
    const found = compiled.find((c) => c.cells.every((cell, i) => hits(cell, values[i] ?? '')));
    let answer: Categorised;
    if (!found) answer = { category: UNMAPPED, account: '', rule: null };
    else if (isUnmappedCategory(found.rule.category)) answer = { category: UNMAPPED, account: '', rule: found.rule };
    else answer = { category: found.rule.category.trim(), account: found.rule.account.trim(), rule: found.rule };
    byKey.set(key, answer);
    level2.set(line.amountDescription, answer);
    return answer;
  };
}

// One compiled map per rules array, so a caller categorising line by line with the same array
// (recategorising every imported line) compiles the map once. A rules array is not edited after
// it is read from the tab; a new read is a new array.
const compiledFor = new WeakMap<ReadonlyArray<SettlementRule>, (line: Triple) => Categorised>();

export function categorise(line: Triple, rules: ReadonlyArray<SettlementRule>): Categorised {
  let categoriser = compiledFor.get(rules);
  if (!categoriser) compiledFor.set(rules, (categoriser = makeCategoriser(rules)));
  return categoriser(line);
}

/**
 * The Settlement Map tab's rows (records keyed by its exact headers; the first record is sheet row
 * firstSheetRow). Blank rows are skipped; a row that cannot be used is a problem naming its cell
 * and is left out, so its lines show as UNMAPPED rather than under a guessed category.
 */
export function readSettlementRules(
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
  firstSheetRow = 2,
): { rules: SettlementRule[]; problems: Array<{ sheetRow: number; message: string }> } {
  const H = headersOf(TABS.settlementMap);
  const rules: SettlementRule[] = [];
  const problems: Array<{ sheetRow: number; message: string }> = [];
  records.forEach((rec, i) => {
    const sheetRow = firstSheetRow + i;
    const rule: SettlementRule = {
      sheetRow,
      transactionType: cellText(rec[H.transactionType]),
      amountType: cellText(rec[H.amountType]),
      amountDescription: cellText(rec[H.amountDescription]),
      category: cellText(rec[H.category]),
      account: cellText(rec[H.account]),
      notes: cellText(rec[H.notes]),
    };
    if (!rule.transactionType && !rule.amountType && !rule.amountDescription && !rule.category && !rule.account && !rule.notes) return;
    const problem = (message: string) => problems.push({ sheetRow, message: `Settlement Map row ${sheetRow}, ${message} Until it is fixed the row is not used, and the lines it would match show as ${UNMAPPED}.` });
    if (!rule.category) return problem(`column "${H.category}" is empty; type the category its lines belong to (or ${UNMAPPED} to leave them unmapped).`);
    if (!rule.transactionType && !rule.amountType && !rule.amountDescription) {
      return problem(`columns "${H.transactionType}", "${H.amountType}" and "${H.amountDescription}" are all empty; type the values to match, or "any".`);
    }
    for (const key of ['transactionType', 'amountType', 'amountDescription'] as const) {
      const bad = rule[key].split(',').map((p) => p.trim()).find((p) => p.slice(0, -1).includes('*'));
      if (bad !== undefined) return problem(`column "${H[key]}" holds "${bad}": a * may only end a value (a prefix such as "FBAInbound*").`);
    }
    rules.push(rule);
  });
  return { rules, problems };
}
