// A report for a settlement already imported: Amazon delivers a settlement again under a new report
// id, lists two reports for it, or finance uploads its file. Keyed by settlement id, it is normally
// left alone (never doubled). But the first import may have been incomplete (a truncated download,
// lines that could not be read: its lines do not add up to Amazon's total, or fewer lines are in
// Settlement Lines than the new file holds), and keeping it would lose that money for good when a
// whole copy has arrived; and a copy that says something else must not be passed over in silence.

import type { ParsedSettlement } from './types';

/** What the imported settlement shows: its Settlements row's figures (unless typed over) and its lines in Settlement Lines. */
export interface ImportedSettlement {
  reportedTotalCents: number;
  linesTotalCents: number;
  /** The row's Reported Total, Lines Total or Difference was typed over, so its figures say nothing. */
  figuresTyped: boolean;
  /** Its lines in Settlement Lines now (0 also when trimmed by the line budget); read only for a whole file. */
  linesInTab: () => number;
}

export type Redelivery =
  /** The new file is whole where the import is not: its lines replace the imported ones. */
  | { kind: 'replace' }
  /** The same settlement as imported, or no better: nothing changes. */
  | { kind: 'same' }
  /** The import adds up and the new file reports another total: the import is kept, and that is said. */
  | { kind: 'differs'; reportedTotalCents: number };

/** A file whose every line was read and whose lines add up to its reported total, to the penny. */
export function isWhole(parsed: ParsedSettlement): boolean {
  if (parsed.problems.length) return false;
  let sum = 0;
  for (const l of parsed.lines) sum += l.amountCents;
  return sum === parsed.summary.totalCents;
}

export function redelivery(imported: ImportedSettlement, parsed: ParsedSettlement): Redelivery {
  const figuresShort = !imported.figuresTyped && imported.linesTotalCents !== imported.reportedTotalCents;
  if (isWhole(parsed)) {
    if (figuresShort) return { kind: 'replace' };
    // 0 lines in the tab: trimmed by the budget (or never any), which says nothing about the import.
    const inTab = imported.linesInTab();
    if (inTab > 0 && inTab < parsed.lines.length) return { kind: 'replace' };
  }
  if (imported.figuresTyped || figuresShort) return { kind: 'same' };
  const reportedTotalCents = parsed.summary.totalCents;
  return reportedTotalCents !== imported.reportedTotalCents ? { kind: 'differs', reportedTotalCents } : { kind: 'same' };
}
