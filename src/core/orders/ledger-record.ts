// Orders tab records ↔ ledger rows, by header name (TABS.orders). Times are Dates in the sheet,
// lines and tracking numbers one per line of text; a row whose state cell was changed to something
// unknown is read back by what the other cells say rather than guessed into a send.

import { cellText, cellTime } from '../cells';
import { TABS, headersOf } from '../tabs';
import { formatLines, formatList, parseLines, parseList } from './ledger';
import type { LedgerRow, OrderState } from './types';
import { ORDER_STATES } from './types';

const H = headersOf(TABS.orders);

const time = (ms: number | null) => (ms === null ? '' : new Date(ms));

export function ledgerRowToRecord(r: LedgerRow): Record<string, unknown> {
  return {
    [H.orderId]: r.orderId,
    [H.marketplace]: r.marketplace,
    [H.purchaseDate]: time(r.purchaseDate),
    [H.latestShipDate]: time(r.latestShipDate),
    [H.amazonStatus]: r.amazonStatus,
    [H.lines]: formatLines(r.lines),
    [H.threePlOrderId]: r.threePlOrderId,
    [H.threePlStatus]: r.threePlStatus,
    [H.attempts]: r.attempts,
    [H.tracking]: formatList(r.tracking),
    [H.carrier]: r.carrier,
    [H.shippedAt]: time(r.shippedAt),
    [H.confirmedAt]: time(r.confirmedAt),
    [H.state]: r.state,
    [H.note]: r.note,
  };
}

/** A state cell someone overtyped: what the row's other cells prove, never "ready" while a 3PL id exists. */
function stateOf(text: string, threePlOrderId: string): OrderState {
  const s = text.toLowerCase() as OrderState;
  if (ORDER_STATES.includes(s)) return s;
  return threePlOrderId ? 'sent' : 'sending';
}

export function ledgerRowFromRecord(rec: Readonly<Record<string, unknown>>): LedgerRow | null {
  const orderId = cellText(rec[H.orderId]);
  if (!orderId) return null;
  const threePlOrderId = cellText(rec[H.threePlOrderId]);
  const attempts = Number(rec[H.attempts]);
  return {
    orderId,
    marketplace: cellText(rec[H.marketplace]),
    purchaseDate: cellTime(rec[H.purchaseDate]),
    latestShipDate: cellTime(rec[H.latestShipDate]),
    amazonStatus: cellText(rec[H.amazonStatus]).toUpperCase(),
    lines: parseLines(cellText(rec[H.lines])),
    threePlOrderId,
    threePlStatus: cellText(rec[H.threePlStatus]),
    attempts: Number.isFinite(attempts) && attempts > 0 ? Math.floor(attempts) : 0,
    tracking: parseList(cellText(rec[H.tracking])),
    carrier: cellText(rec[H.carrier]),
    shippedAt: cellTime(rec[H.shippedAt]),
    confirmedAt: cellTime(rec[H.confirmedAt]),
    state: stateOf(cellText(rec[H.state]), threePlOrderId),
    note: cellText(rec[H.note]),
  };
}
