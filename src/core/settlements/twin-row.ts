// A Settlements row whose Settlement ID was typed over: its figures stay those of the settlement it
// was (period, deposit date, currency, Amazon's total), its lines in Settlement Lines still carry
// the real id, and it keeps counting in the paid-out figure under the typed id. Importing that
// settlement again (what the missing-row exception asks for) would then add a second row and count
// its payout twice. So when a settlement whose lines are in the tab without a row is imported again,
// a row without lines of its own and with that settlement's period, deposit date, currency and
// total to the penny is taken for its row (the caller checks the lines).

import type { SettlementTotals } from './summary';

type RowFigures = Pick<SettlementTotals, 'settlementId' | 'start' | 'end' | 'depositDate' | 'currency' | 'reportedTotalCents'> & { typed?: readonly unknown[] };

/** The row (of `rows`) that is `settlement`'s own under another Settlement ID; undefined when none. */
export function rowTypedOver<R extends RowFigures>(rows: readonly R[], settlement: RowFigures, linesOf: (id: string) => number): R | undefined {
  return rows.find(
    (r) =>
      r.settlementId !== settlement.settlementId &&
      !r.typed?.length &&
      r.start !== null &&
      r.start === settlement.start &&
      r.end === settlement.end &&
      r.depositDate === settlement.depositDate &&
      r.currency === settlement.currency &&
      r.reportedTotalCents === settlement.reportedTotalCents &&
      linesOf(r.settlementId) === 0,
  );
}
