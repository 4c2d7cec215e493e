// Orders tab records ↔ ledger rows, by header name (TABS.orders). Times are Dates in the sheet,
// lines and tracking numbers one per line of text; a State cell someone changed to a word the row's
// other cells contradict (or to no state at all) is read back by what those cells prove, never
// guessed into a send or into "finished", and the row's Note says so (ORDER_EDIT_INVALID).

import { cellText, cellTime } from '../cells';
import { TABS, headersOf } from '../tabs';
import { formatLines, formatList, parseLines, parseList } from './ledger';
import type { LedgerLine, LedgerRow, OrderState } from './types';
import { ORDER_STATES } from './types';

const H = headersOf(TABS.orders);

const time = (ms: number | null) => (ms === null ? '' : new Date(ms));

/** The Lines cell read; its text kept too when the lines do not write back as it (something typed). */
function linesRead(text: string): { lines: LedgerLine[]; linesTyped?: string } {
  const lines = parseLines(text);
  return text === formatLines(lines) ? { lines } : { lines, linesTyped: text };
}

export function ledgerRowToRecord(r: LedgerRow): Record<string, unknown> {
  return {
    [H.orderId]: r.orderId,
    [H.marketplace]: r.marketplace,
    [H.purchaseDate]: r.purchaseDateTyped ?? time(r.purchaseDate),
    // Text typed there stays as typed (never erased) until Amazon's date is put back (reads/amazon-orders.ts).
    [H.latestShipDate]: r.latestShipDateTyped ?? time(r.latestShipDate),
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

/** Starts the Note of a row whose typed State (or Lines) was not used; the orders job raises ORDER_EDIT_INVALID from it. */
export const EDIT_NOTE = 'Edit not used:';

/** The one State word people type (docs/operations.md "Retry an order the 3PL refused"). */
export const TYPABLE_ORDER_STATES: readonly OrderState[] = ['ready'];

type Facts = Pick<LedgerRow, 'amazonStatus' | 'threePlOrderId'> & { shippedProof: boolean };

/**
 * Why the row's other cells contradict `s`, or null. Only the words that claim the order is at the
 * 3PL, finished or waiting for payment need proof: a wrong one would stop the add-on shipping or
 * confirming an order Amazon still expects.
 */
function contradiction(s: OrderState, f: Facts): string | null {
  const noId = !f.threePlOrderId;
  switch (s) {
    case 'confirmed':
      if (f.amazonStatus !== 'SHIPPED') return `Amazon Status is ${f.amazonStatus || 'empty'}, not SHIPPED: Amazon has not been told every item shipped`;
      // An order at the 3PL is confirmed only once a shipment of it is recorded (with its tracking):
      // taken as confirmed before that, it would never be followed or chased (ORDER_STUCK).
      return f.threePlOrderId && !f.shippedProof ? `there is no Tracking and no Shipped At: ${f.threePlOrderId} has not shipped, so nothing could be confirmed` : null;
    case 'cancelled':
    case 'cancel-too-late':
      if (f.amazonStatus !== 'CANCELLED') return `Amazon Status is ${f.amazonStatus || 'empty'}, not CANCELLED: Amazon still expects the order shipped`;
      return s === 'cancel-too-late' && noId ? 'there is no 3PL Order ID, so the 3PL cannot have shipped it' : null;
    case 'sent':
      return noId ? 'there is no 3PL Order ID: the 3PL has not been given the order' : null;
    case 'shipped':
      if (noId) return 'there is no 3PL Order ID: the 3PL has not been given the order';
      // The add-on writes Tracking or Shipped At with every shipment it records.
      return f.shippedProof ? null : 'there is no Tracking and no Shipped At: no shipment of it has been recorded';
    case 'pending':
      return f.amazonStatus === 'PENDING' ? null : `Amazon Status is ${f.amazonStatus || 'empty'}, not PENDING`;
    case 'ready':
    case 'held':
      if (!noId) return `the order is already at the 3PL (3PL Order ID ${f.threePlOrderId}); sending it again could ship it twice`;
      return f.amazonStatus === 'CANCELLED' ? 'Amazon Status is CANCELLED' : null;
    case 'sending':
    case 'unknown':
      return noId ? null : `the order is already at the 3PL (3PL Order ID ${f.threePlOrderId})`;
  }
}

/** What the row's cells prove: at the 3PL with an id; else looked up at the 3PL before any create (never sent blindly). */
function factState(f: Facts): OrderState {
  if (f.threePlOrderId) return 'sent';
  return f.amazonStatus === 'PENDING' ? 'pending' : 'sending';
}

/** The state to work on, and the Note that says why a typed word was not used. */
function stateOf(text: string, orderId: string, f: Facts): { state: OrderState; note?: string } {
  const s = text.toLowerCase() as OrderState;
  const known = ORDER_STATES.includes(s);
  const why = known ? contradiction(s, f) : `"${text}" is not a state`;
  if (why === null) return { state: s };
  const state = factState(f);
  return {
    state,
    note:
      `${EDIT_NOTE} the State cell of order ${orderId} was changed to "${text}", but ${why}. It is worked on as ${state} (what its other cells show). ` +
      `People may type only ${TYPABLE_ORDER_STATES.map((w) => `"${w}"`).join(', ')} there (to send a held order again); the add-on writes the rest.`,
  };
}

/**
 * The row's State checked again once a cell it rests on was put back to what the add-on wrote
 * (reads/status-seal.ts): a word that cell alone backed is worked on as the facts show, said as above.
 */
export function stateRechecked(r: LedgerRow): { state: OrderState; note?: string } {
  return stateOf(r.state, r.orderId, { amazonStatus: r.amazonStatus, threePlOrderId: r.threePlOrderId, shippedProof: r.tracking.length > 0 || r.shippedAt !== null });
}

export function ledgerRowFromRecord(rec: Readonly<Record<string, unknown>>): LedgerRow | null {
  const orderId = cellText(rec[H.orderId]);
  if (!orderId) return null;
  const threePlOrderId = cellText(rec[H.threePlOrderId]);
  const amazonStatus = cellText(rec[H.amazonStatus]).toUpperCase();
  const attempts = Number(rec[H.attempts]);
  const shippedProof = cellText(rec[H.tracking]) !== '' || cellTime(rec[H.shippedAt]) !== null;
  const state = stateOf(cellText(rec[H.state]), orderId, { amazonStatus, threePlOrderId, shippedProof });
  const latestShipDate = cellTime(rec[H.latestShipDate]);
  const purchaseDate = cellTime(rec[H.purchaseDate]);
  return {
    orderId,
    marketplace: cellText(rec[H.marketplace]),
    purchaseDate,
    ...(purchaseDate === null && cellText(rec[H.purchaseDate]) !== '' ? { purchaseDateTyped: cellText(rec[H.purchaseDate]) } : {}),
    latestShipDate,
    ...(latestShipDate === null && cellText(rec[H.latestShipDate]) !== '' ? { latestShipDateTyped: cellText(rec[H.latestShipDate]) } : {}),
    amazonStatus,
    ...linesRead(cellText(rec[H.lines])),
    threePlOrderId,
    threePlStatus: cellText(rec[H.threePlStatus]),
    attempts: Number.isFinite(attempts) && attempts > 0 ? Math.floor(attempts) : 0,
    ...(cellText(rec[H.attempts]) !== String(Number.isFinite(attempts) && attempts > 0 ? Math.floor(attempts) : 0) && cellText(rec[H.attempts]) !== '' ? { attemptsTyped: cellText(rec[H.attempts]) } : {}),
    tracking: parseList(cellText(rec[H.tracking])),
    carrier: cellText(rec[H.carrier]),
    shippedAt: cellTime(rec[H.shippedAt]),
    confirmedAt: cellTime(rec[H.confirmedAt]),
    state: state.state,
    ...(state.note ? { stateTyped: cellText(rec[H.state]) } : {}),
    note: state.note ?? cellText(rec[H.note]),
  };
}
