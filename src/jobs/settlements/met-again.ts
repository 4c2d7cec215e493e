// A settlement already in the tabs, met again: another report or an upload of it (kept as it is,
// replaced when the import was incomplete and the new file whole, or raised when it says another
// total: core/settlements/redelivery), a file whose first settlement is in already (the others it
// holds are still named), and a row that held it under a Settlement ID typed over.

import type { RaisedException } from '../../core/exceptions';
import { exceptionKey } from '../../core/exceptions';
import type { ImportedSettlement } from '../../core/settlements/redelivery';
import type { ParsedSettlement } from '../../core/settlements/types';
import { TAB, TABS, headersOf } from '../../core/tabs';
import type { SettlementRecord } from '../../sheet/settlements-tab';
import { isTyped } from '../../sheet/settlements-tab';
import type { ImportResult, SettlementTabs } from './import-types';
import { capitalised, leftOutMessage, money } from './wording';

const H = headersOf(TABS.settlements);

/** A Settlements row that held this settlement under a typed-over id, put back: said once, so the run is not "ok". */
export function idTypedOver(typed: string, id: string, sheetRow: number): RaisedException {
  return {
    key: exceptionKey('CELL_INVALID', TAB.settlements, `settlement ${id}`, H.settlementId),
    type: 'CELL_INVALID',
    entity: `Settlements row ${sheetRow}, ${H.settlementId}`,
    message:
      `Settlements, column ${H.settlementId}, row ${sheetRow}: ${H.settlementId} held "${typed}", but the row's period, deposit date, currency and total are settlement ${id}'s, which has no other row ` +
      `and whose file was imported again. The row was given its id back and rewritten from the file, so the settlement's payout is counted once, not twice. Nothing to undo; ` +
      `a note about the settlement goes in a column of your own.`,
    action: 'Nothing to undo: the add-on put the Settlement ID back. Resolve this row.',
    typedInput: true,
  };
}

/** The imported settlement as its Settlements row and Settlement Lines show it. */
export function importedOf(row: SettlementRecord, tabs: SettlementTabs): ImportedSettlement {
  return {
    reportedTotalCents: row.reportedTotalCents,
    linesTotalCents: row.linesTotalCents,
    figuresTyped: [H.reportedTotal, H.linesTotal, H.difference].some((c) => isTyped(row, c)),
    linesInTab: () => tabs.lines.counts().get(row.settlementId) ?? 0,
  };
}

/** Keys of what an earlier import of the settlement raised, which the next import of it raises again if still true. */
export function incompleteKeys(settlementId: string): string[] {
  return [exceptionKey('SETTLEMENT_MISMATCH', settlementId), exceptionKey('SETTLEMENT_REPORT_FAILED', settlementId, 'lines'), exceptionKey('SETTLEMENT_REPORT_FAILED', settlementId, 'dates'), exceptionKey('SETTLEMENT_MISMATCH', settlementId, 'again')];
}

/**
 * A file whose first settlement is imported already: nothing of that settlement changes, but other
 * settlements the file holds are left out as on a first import, and said, never passed over as
 * "already imported".
 */
export function alreadyImported(id: string, parsed: ParsedSettlement, source: string): ImportResult {
  const others = parsed.problems.filter((p) => p.otherSettlement);
  const result: ImportResult = { status: 'duplicate', settlementId: id, lines: 0, raised: [], unread: others.length, notes: [] };
  if (!others.length) return result;
  const ids = [...new Set(others.map((p) => p.otherSettlement))];
  result.raised.push({ key: exceptionKey('SETTLEMENT_REPORT_FAILED', id, 'others'), type: 'SETTLEMENT_REPORT_FAILED', entity: `Settlement ${id}`, message: leftOutMessage(others, id, source).replace(' was imported;', ' is imported already;') });
  result.notes.push(`${capitalised(source)} also holds settlement(s) ${ids.join(', ')}, left out: import each as a file of its own (see Exceptions).`);
  return result;
}

/** A second report for a settlement imported whole, with another total: the import is kept, and the difference raised. */
export function differs(before: SettlementRecord, reportedTotalCents: number, parsed: ParsedSettlement, source: string): ImportResult {
  const id = before.settlementId;
  const currency = parsed.summary.currency;
  return {
    status: 'duplicate',
    settlementId: id,
    lines: 0,
    raised: [
      {
        key: exceptionKey('SETTLEMENT_MISMATCH', id, 'again'),
        type: 'SETTLEMENT_MISMATCH',
        entity: `Settlement ${id}`,
        message:
          `${capitalised(source)} is another report for settlement ${id}, which is already imported, and it reports a total of ${money(reportedTotalCents, currency)} where the imported one reports ${money(before.reportedTotalCents, before.currency)} ` +
          `(difference ${money(reportedTotalCents - before.reportedTotalCents, currency)}). The imported settlement was kept as it is and nothing of ${source} was added. ` +
          'Check which one Seller Central shows (Payments → All statements); to import the other, delete the settlement\'s Settlements row and import its file from the sidebar.',
      },
    ],
    unread: 0,
    notes: [`${capitalised(source)} reports another total for settlement ${id}, already imported: nothing of it was added (see Exceptions).`],
    differs: true,
  };
}
