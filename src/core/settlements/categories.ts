// The Settlement Map (docs/design.md §2, §6): which category and account a settlement line's
// (transaction-type, amount-type, amount-description) triple belongs to. A match cell is "any",
// or a comma list of values, each exact or ending in "*" (a prefix: "MarketplaceFacilitatorTax-*");
// an empty cell matches only an empty value, so a triple appended with an empty part stays exact.
// Matching ignores case and extra spaces (the design's rule; files spell "other-transaction" and
// "Other-Transaction"). Specific rows win over wildcard rows: the row with the fewest cells that are
// "any" or hold a "*" value is tried first. Two rows as specific that both match a line and say
// different things leave it UNMAPPED (the sheet's order is not a choice finance made; map-read.ts
// reports the pair). A row whose Category is UNMAPPED, or that cannot be used, matches, but its
// lines stay unmapped. A category is one category whatever its case and spacing, spelled as the
// map first spells it, so "product SALES" lines add to the "Product sales" column.

import { compileCell, hits, isUnmappedCategory, isWild, norm, UNMAPPED } from './match';
import type { SettlementLine, SettlementRule } from './types';

export type { SettlementRule } from './types';
export { DEFAULT_SETTLEMENT_RULES } from './default-rules';
export { UNMAPPED, isUnmappedCategory } from './match';
export { readSettlementRules } from './map-read';

/** What a Settlement Map row matches: a line's transaction type, amount type and description. */
export type Triple = Pick<SettlementLine, 'transactionType' | 'amountType' | 'amountDescription'>;
export interface Categorised {
  category: string;
  account: string;
  rule: SettlementRule | null;
  /** Why the rows that match the line could not be used (unusable, or two disagreeing); absent otherwise. */
  blocked?: string;
}

/** One key per category whatever its case and spacing. */
export const categoryKey = norm;

/** Each category's key → its first spelling in the map (sheet order), for lines and columns. */
export function categorySpellings(rules: ReadonlyArray<SettlementRule>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) {
    const c = r.category.trim();
    if (c && !r.unusable && !isUnmappedCategory(c) && !out.has(norm(c))) out.set(norm(c), c);
  }
  return out;
}

/** 'transactionType|amountType|amountDescription', lower-cased: one key per unmapped triple. */
export function tripleKey(line: Triple): string {
  return `${norm(line.transactionType)}|${norm(line.amountType)}|${norm(line.amountDescription)}`;
}

/** Categorises many lines with one compiled map (and one answer per distinct triple). */
export function makeCategoriser(rules: ReadonlyArray<SettlementRule>): (line: Triple) => Categorised {
  const compiled = rules
    .map((rule, order) => {
      const cells = [compileCell(rule.transactionType), compileCell(rule.amountType), compileCell(rule.amountDescription)] as const;
      return { rule, order, cells, wild: cells.filter(isWild).length };
    })
    .sort((a, b) => a.wild - b.wild || a.order - b.order);
  const spelling = categorySpellings(rules);
  const says = (r: SettlementRule) => `${norm(r.category)}|${norm(r.account)}`;
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
    const matching = compiled.filter((c) => c.cells.every((cell, i) => hits(cell, values[i] ?? '')));
    // The most specific rows that match; among them a usable row wins over one that cannot be used.
    const top = matching.filter((c) => c.wild === matching[0]?.wild);
    const usable = top.filter((c) => !c.rule.unusable);
    const found = usable[0] ?? top[0];
    // As specific, matching too, and saying something else: the sheet's order is not finance's choice.
    const rival = usable.find((c) => says(c.rule) !== says(usable[0]!.rule));
    let answer: Categorised;
    if (!found) answer = { category: UNMAPPED, account: '', rule: null };
    else if (found.rule.unusable) answer = { category: UNMAPPED, account: '', rule: found.rule, blocked: `Settlement Map row ${found.rule.sheetRow} matches it but cannot be used (${found.rule.unusable})` };
    else if (rival) answer = { category: UNMAPPED, account: '', rule: found.rule, blocked: `Settlement Map rows ${found.rule.sheetRow} and ${rival.rule.sheetRow} both match it but say different things ("${found.rule.category}" / "${rival.rule.category}")` };
    else if (isUnmappedCategory(found.rule.category)) answer = { category: UNMAPPED, account: '', rule: found.rule };
    else answer = { category: spelling.get(norm(found.rule.category)) ?? found.rule.category.trim(), account: found.rule.account.trim(), rule: found.rule };
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
