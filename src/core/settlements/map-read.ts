// Reading the Settlement Map tab (docs/design.md §2, §6) into rules and the problems people must
// fix. Finance types this tab, so nothing is reinterpreted: a row that cannot be used is reported
// naming its cell and what is allowed, and kept as an unusable rule so the lines it was meant for
// stay UNMAPPED instead of falling to a wider row (a catch-all) nobody meant for them. Two rows
// meant for the same lines that say different things are reported together: the categoriser
// leaves the lines both match UNMAPPED rather than let the sheet's order decide.

import { cellText, formulaError } from '../cells';
import { SETTLEMENT_RESERVE_HEADERS, TABS, headersOf } from '../tabs';
import { cellsOverlap, compileCell, norm, UNMAPPED } from './match';
import type { CellMatch } from './match';
import type { SettlementRule } from './types';
import { pushAll } from '../lists';

export interface MapProblem {
  /** The row the problem is about (the later of two conflicting rows). */
  sheetRow: number;
  message: string;
}

const MATCH = ['transactionType', 'amountType', 'amountDescription'] as const;

/**
 * Headers the Settlements tab fills itself: a category of the same name would get no column of its
 * own (the tab finds columns by name), so its amounts would be written over the settlement's ID,
 * currency or totals, or read back as them.
 */
const SETTLEMENTS_OWN = [...TABS.settlements.columns.map((c) => c.header as string), ...Object.values(SETTLEMENT_RESERVE_HEADERS)];

/**
 * The Settlement Map tab's rows (records keyed by its exact headers; the first record is sheet row
 * firstSheetRow). Blank rows are skipped.
 */
export function readSettlementRules(
  records: ReadonlyArray<Readonly<Record<string, unknown>>>,
  firstSheetRow = 2,
): { rules: SettlementRule[]; problems: MapProblem[] } {
  const H = headersOf(TABS.settlementMap);
  const rules: SettlementRule[] = [];
  const problems: MapProblem[] = [];
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
    const unusable = (why: string, message: string) => {
      problems.push({ sheetRow, message: `Settlement Map row ${sheetRow}, ${message} Until it is fixed the row is not used, and the lines it would match show as ${UNMAPPED}.` });
      rules.push({ ...rule, unusable: why });
    };
    // Matches nothing a settlement line holds, so it claims no lines either.
    if (!rule.transactionType && !rule.amountType && !rule.amountDescription) {
      problems.push({ sheetRow, message: `Settlement Map row ${sheetRow}, columns "${H.transactionType}", "${H.amountType}" and "${H.amountDescription}" are all empty; type the values to match, or "any". Until it is fixed the row is not used.` });
      return;
    }
    // A lookup that failed is not a category (or a value to match): "#N/A" would become a column.
    for (const key of [...MATCH, 'category', 'account'] as const) {
      const error = formulaError(rule[key]);
      if (error) return unusable(`its ${H[key]} shows the formula error ${error}`, `column "${H[key]}" shows ${error}, a formula that failed, not a value; fix the formula or type the value.`);
    }
    for (const key of MATCH) {
      const bad = rule[key].split(',').map((p) => p.trim()).find((p) => p.slice(0, -1).includes('*'));
      if (bad !== undefined) return unusable(`"${bad}" in ${H[key]}`, `column "${H[key]}" holds "${bad}": a * may only end a value (a prefix such as "FBAInbound*").`);
    }
    if (!rule.category) return unusable('its Category is empty', `column "${H.category}" is empty; type the category its lines belong to (or ${UNMAPPED} to leave them unmapped).`);
    const own = SETTLEMENTS_OWN.find((h) => norm(h) === norm(rule.category));
    if (own) {
      return unusable(
        `its Category "${rule.category}" is a Settlements column's name`,
        `column "${H.category}" holds "${rule.category}", the name of the Settlements tab's own "${own}" column, so its amounts cannot have a column of their own; type another category name (any but ${SETTLEMENTS_OWN.map((h) => `"${h}"`).join(', ')}).`,
      );
    }
    rules.push(rule);
  });
  pushAll(problems, conflicts(rules));
  problems.sort((a, b) => a.sheetRow - b.sheetRow);
  return { rules, problems };
}

/**
 * Pairs of usable rows that overlap column by column ("any" where the other says "any", values
 * where the other has values) and say different things: rows meant for the same lines. Rows that
 * only cross (one "any" where the other names a value, as the default table's do) are left to the
 * categoriser, which reports a line both really match.
 */
function conflicts(rules: ReadonlyArray<SettlementRule>): MapProblem[] {
  const H = headersOf(TABS.settlementMap);
  const usable = rules
    .filter((r) => !r.unusable)
    .map((rule) => {
      const cells = MATCH.map((k) => compileCell(rule[k]));
      return { rule, cells, says: `${norm(rule.category)}|${norm(rule.account)}` };
    });
  const out: MapProblem[] = [];
  usable.forEach((b, j) => {
    const a = usable.slice(0, j).find((x) => x.says !== b.says && x.cells.every((cell, i) => sameShape(cell, b.cells[i]!) && cellsOverlap(cell, b.cells[i]!)));
    if (!a) return;
    const what = (r: SettlementRule) => `"${r.category}"${r.account ? ` (account ${r.account})` : ''}`;
    out.push({
      sheetRow: b.rule.sheetRow!,
      message:
        `Settlement Map rows ${a.rule.sheetRow} and ${b.rule.sheetRow} both match "${b.rule.transactionType} / ${b.rule.amountType} / ${b.rule.amountDescription}" ` +
        `but say different things: ${what(a.rule)} and ${what(b.rule)}. Change or delete one of them (columns "${H.category}" and "${H.account}" must agree, or the match columns must not overlap); ` +
        `until then the lines both rows match show as ${UNMAPPED}.`,
    });
  });
  return out;
}

const sameShape = (a: CellMatch, b: CellMatch) => a.any === b.any;
