// Which settlements "Recategorise settlements" must leave as they are: one with a cell it cannot read
// (an Amount in Settlement Lines, a figure in its Settlements row), or whose lines no longer add up
// to its Lines Total (a line deleted, added or retyped). Recategorising those would move money
// between category columns, or lose it, without anyone seeing why; each is raised instead.

import { exceptionKey } from '../exceptions';
import type { RaisedException } from '../exceptions';
import { cellException } from '../typed-cells';
import type { CellProblem } from '../typed-cells';

/** Keys of the lines-total problems: Recategorise looks at every settlement, so it resolves those it no longer sees. */
export const LINES_CHANGED_PREFIX = `${exceptionKey('SETTLEMENT_MISMATCH', 'lines')}:`;

interface Line {
  settlementId: string;
  amountCents: number;
  unreadable?: CellProblem;
}

interface Row {
  settlementId: string;
  currency: string;
  linesTotalCents: number;
  /** Cells of the row that could not be read. */
  typed?: readonly unknown[];
}

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`.trim();

export function heldSettlements(lines: ReadonlyArray<Line>, rows: ReadonlyArray<Row>, rowProblems: ReadonlyArray<CellProblem>): { held: Set<string>; raised: RaisedException[] } {
  const held = new Set<string>();
  const raised: RaisedException[] = rowProblems.map(cellException);
  const sums = new Map<string, { cents: number; lines: number }>();
  for (const l of lines) {
    if (l.unreadable) {
      held.add(l.settlementId);
      raised.push(cellException(l.unreadable));
      continue;
    }
    const s = sums.get(l.settlementId) ?? { cents: 0, lines: 0 };
    s.cents += l.amountCents;
    s.lines++;
    sums.set(l.settlementId, s);
  }
  for (const r of rows) {
    if (r.typed?.length) held.add(r.settlementId);
    const s = sums.get(r.settlementId);
    // No line left: trimmed by the line budget, and the row keeps its breakdown anyway.
    if (held.has(r.settlementId) || !s || s.cents === r.linesTotalCents) continue;
    held.add(r.settlementId);
    raised.push({
      key: `${LINES_CHANGED_PREFIX}${r.settlementId}`,
      type: 'SETTLEMENT_MISMATCH',
      entity: `Settlement ${r.settlementId}`,
      message:
        `The ${s.lines} line(s) of settlement ${r.settlementId} in Settlement Lines add up to ${money(s.cents, r.currency)}, but its Lines Total in Settlements is ${money(r.linesTotalCents, r.currency)}: ` +
        'a line was deleted or added, or an Amount typed over. "Recategorise settlements" left this settlement as it is (its category columns unchanged). ' +
        'Put the lines back as imported (File → Version history), then recategorise again.',
      action: 'Put the settlement\'s lines back as imported, then use "Recategorise settlements".',
      typedInput: true,
    });
  }
  return { held, raised };
}
