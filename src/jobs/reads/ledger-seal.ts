// The Orders tab's Lines as the add-on last wrote them, for the orders the stock sync counts as
// unsent (kit/cell-seal.ts): a Lines cell someone changed is put back before any job reads it, and
// the row's Note says so (ORDER_EDIT_INVALID), so typed lines never move a stock figure or a send.

import { formatLines, parseLines } from '../../core/orders/ledger';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import type { LedgerRow } from '../../core/orders/types';
import { NOT_AT_THREE_PL, OPEN_AMAZON_STATUSES } from '../../core/orders/types';
import type { KeyValueStore } from '../../ports/store';
import { readSeal, writeSeal } from '../kit/cell-seal';

const SEAL = 'orders.linesSeal';

const oneLine = (text: string) => text.replace(/\n/g, '; ');

/** The rows with every changed Lines cell put back to what the add-on wrote (Amazon's lines). */
export function restoreSealedLines(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): LedgerRow[] {
  const seal = readSeal(store, SEAL);
  if (seal.size === 0) return [...rows];
  return rows.map((r) => {
    const kept = seal.get(r.orderId);
    if (kept === undefined || kept === formatLines(r.lines)) return r;
    return {
      ...r,
      lines: parseLines(kept),
      note:
        `${EDIT_NOTE} the Lines cell of order ${r.orderId} was changed to "${oneLine(formatLines(r.lines))}"; Amazon's lines "${oneLine(kept)}" were put back ` +
        '(they are what the 3PL is sent, Amazon is confirmed and the stock sync counts). Lines is for reading only; change an order in Seller Central.',
    };
  });
}

/** Seals the lines of the orders not yet at the 3PL, newest first (those past the room go unsealed). */
export function sealLines(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): void {
  const open = rows.filter((r) => OPEN_AMAZON_STATUSES.has(r.amazonStatus) && NOT_AT_THREE_PL.has(r.state));
  open.sort((a, b) => (b.purchaseDate ?? 0) - (a.purchaseDate ?? 0));
  writeSeal(store, SEAL, open.map((r) => [r.orderId, formatLines(r.lines)] as const));
}
