// Settlements whose lines are in Settlement Lines but whose Settlements row is gone (deleted by
// hand): their money is in no Settlements total and not in the Dashboard's paid-out figure, so each
// is raised, never left silent. The row is not rebuilt from the lines: its currency, period,
// deposit date and Amazon's reported total are only in the file, and a guessed row would be
// counted as paid out in no currency.

import { exceptionKey } from '../exceptions';
import type { RaisedException } from '../exceptions';

/** Keys of these problems: a run that looked at every settlement's lines resolves those it no longer sees. */
export const NO_ROW_PREFIX = `${exceptionKey('SETTLEMENT_MISMATCH', 'norow')}:`;

/**
 * `lines`: lines per settlement id (and their sum, when the run read the amounts); `rows`: the ids
 * with a Settlements row; `importing`: settlements whose import is still appending lines (their row
 * comes last, so none is missing yet).
 */
export function settlementsWithoutRow(lines: ReadonlyMap<string, { lines: number; cents?: number }>, rows: Iterable<string>, importing: Iterable<string>): RaisedException[] {
  const known = new Set([...rows, ...importing]);
  return [...lines]
    .filter(([id, l]) => l.lines > 0 && !known.has(id))
    .map(([id, l]) => ({
      key: `${NO_ROW_PREFIX}${id}`,
      type: 'SETTLEMENT_MISMATCH',
      entity: `Settlement ${id}`,
      message:
        `Settlement ${id} has ${l.lines} line(s) in Settlement Lines${l.cents === undefined ? '' : ` adding up to ${(l.cents / 100).toFixed(2)}`} but no row in Settlements (was it deleted, or its Settlement ID typed over?), ` +
        "so its money is in no Settlements total and not in the Dashboard's paid-out figure. Put the row back (Edit → Undo, or File → Version history), " +
        'or import the settlement file again from the sidebar (Seller Central → Payments → Reports repository): its lines are replaced, never doubled, and its row is written again.',
      action: 'Put the Settlements row back, or import the settlement file again from the sidebar.',
      typedInput: true,
    }));
}
