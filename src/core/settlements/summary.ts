// One settlement broken down for finance (docs/design.md §2 Settlements tab, §3): every line
// categorised with the Settlement Map, the category sums, the lines' total against the reported
// total, the reserve held and released, and the triples the map does not cover. Signs stay as in
// the file (money to the seller positive), and cents keep every sum exact. The reserve follows
// Amazon's two lines (sp-api.md §6): "Current Reserve Amount" is held back
// this period (negative) and "Previous Reserve Amount Balance" releases the last one (positive).
// A category is one key whatever its case or spacing (categoryKey), so its money lands in one
// column and the category columns always add up to Lines Total.

import { UNMAPPED, categoryKey, isUnmappedCategory, makeCategoriser, tripleKey } from './categories';
import type { ParsedSettlement, SettlementLine, SettlementRule } from './types';
import { nameKey } from '../tabs';

export interface CategorisedLine extends SettlementLine {
  category: string;
  account: string;
}

export interface SettlementTotals {
  settlementId: string;
  start: number | null;
  end: number | null;
  depositDate: number | null;
  currency: string;
  reportedTotalCents: number;
  linesTotalCents: number;
  /** reported − lines */
  differenceCents: number;
  /** Cents per category: every category seen, UNMAPPED included when present. */
  byCategory: Record<string, number>;
  /** held: Current Reserve Amount (negative in the file); released: Previous Reserve Amount Balance (positive); net = held + released. */
  reserve: { heldCents: number; releasedCents: number; netCents: number };
  /** `blocked`: the Settlement Map rows that match the triple but cannot be used, in plain words. */
  unmapped: Array<{ transactionType: string; amountType: string; amountDescription: string; lines: number; cents: number; blocked?: string }>;
}

const HELD = 'current reserve amount';
const RELEASED = 'previous reserve amount balance';
const norm = nameKey;

export function summarise(parsed: ParsedSettlement, rules: ReadonlyArray<SettlementRule>): { totals: SettlementTotals; lines: CategorisedLine[] } {
  const categoriser = makeCategoriser(rules);
  const byCategory: Record<string, number> = {};
  const unmapped = new Map<string, SettlementTotals['unmapped'][number]>();
  const reserve = { heldCents: 0, releasedCents: 0, netCents: 0 };
  let linesTotalCents = 0;
  const lines = parsed.lines.map((line): CategorisedLine => {
    const { category, account, blocked } = categoriser(line);
    linesTotalCents += line.amountCents;
    byCategory[category] = (byCategory[category] ?? 0) + line.amountCents;
    if (category === UNMAPPED) {
      const key = tripleKey(line);
      const u = unmapped.get(key) ?? { transactionType: line.transactionType, amountType: line.amountType, amountDescription: line.amountDescription, lines: 0, cents: 0, ...(blocked ? { blocked } : {}) };
      u.lines++;
      u.cents += line.amountCents;
      unmapped.set(key, u);
    }
    const description = norm(line.amountDescription);
    if (description === HELD) reserve.heldCents += line.amountCents;
    else if (description === RELEASED) reserve.releasedCents += line.amountCents;
    // Spelled out: a spread copy is several times slower over 200,000 lines.
    return {
      lineNo: line.lineNo,
      settlementId: line.settlementId,
      transactionType: line.transactionType,
      orderId: line.orderId,
      sku: line.sku,
      amountType: line.amountType,
      amountDescription: line.amountDescription,
      amountCents: line.amountCents,
      posted: line.posted,
      category,
      account,
    };
  });
  reserve.netCents = reserve.heldCents + reserve.releasedCents;
  const { summary } = parsed;
  return {
    totals: {
      settlementId: summary.settlementId,
      start: summary.start,
      end: summary.end,
      depositDate: summary.depositDate,
      currency: summary.currency,
      reportedTotalCents: summary.totalCents,
      linesTotalCents,
      differenceCents: summary.totalCents - linesTotalCents,
      byCategory,
      reserve,
      unmapped: [...unmapped.values()],
    },
    lines,
  };
}

/**
 * The Settlements tab's category columns: the map's categories in the order they first appear in
 * it, then any other category seen, each once whatever its case (the first spelling shown), and
 * UNMAPPED once, always last (always there, so the columns do not move when a settlement brings
 * the first unmapped line). Rows that cannot be used bring no column.
 */
export function categoryColumns(rules: ReadonlyArray<SettlementRule>, seen: Iterable<string>): string[] {
  return orderedCategories([...rules.filter((r) => !r.unusable).map((r) => r.category), ...seen]);
}

/** Category names in order, one per key, blanks dropped, UNMAPPED last. */
export function orderedCategories(names: Iterable<string>): string[] {
  const out = new Map<string, string>();
  for (const c of names) {
    const t = c.trim();
    if (t && !isUnmappedCategory(t) && !out.has(categoryKey(t))) out.set(categoryKey(t), t);
  }
  return [...out.values(), UNMAPPED];
}

/**
 * A settlement's cents per category column: every category of `byCategory` added to the column of
 * the same key, so "product SALES" cents are in "Product sales" and none is dropped. A category no
 * column holds is returned under `left` (callers add its column: see settlements-tab).
 */
export function centsByColumn(byCategory: Readonly<Record<string, number>>, columns: readonly string[]): { cells: Record<string, number>; left: string[] } {
  const column = new Map(columns.map((c) => [categoryKey(c), c] as const));
  const cells: Record<string, number> = Object.fromEntries(columns.map((c) => [c, 0]));
  const left: string[] = [];
  for (const [category, cents] of Object.entries(byCategory)) {
    const c = column.get(categoryKey(category));
    if (c === undefined) left.push(category);
    else cells[c] = (cells[c] ?? 0) + cents;
  }
  return { cells, left };
}
