// FBA Shipments tab records ↔ rows, by header name (FBA_SHIPMENTS_TAB). Items and received units
// read as "SKU × qty" lines (the Orders tab's format); a State cell someone overtyped with a word the
// other cells contradict (or no state at all) is read back from what those cells prove, never guessed
// into a send or into "at the 3PL", and the Note says so (FBA_SHIPMENT_INVALID); a Send from 3PL cell
// holding words instead of a tick is read as no send and written back exactly as typed.

import { cellText, cellTime, isEmptyCell } from '../cells';
import { formatLines, formatList, parseLines, parseList } from '../orders/ledger';
import { headersOf } from '../tabs';
import { FBA_SHIPMENTS_TAB } from './tab-def';
import type { FbaRow, FbaState } from './types';
import { AMAZON_ARRIVED, AMAZON_DEAD, FBA_STATES } from './types';

/** Starts the Note of a row whose typed State or Items were not used; the job raises FBA_SHIPMENT_INVALID from it. */
export const FBA_EDIT_NOTE = 'Edit not used:';
/** What the Note of a row put back after it was deleted says (jobs/fba-shipments/rows-seal.ts): it names the row, not one cell. */
export const FBA_ROW_DELETED = 'was deleted from the tab';

const H = headersOf(FBA_SHIPMENTS_TAB);

export function fbaRowToRecord(r: FbaRow): Record<string, unknown> {
  return {
    [H.shipmentId]: r.shipmentId,
    [H.plan]: r.plan,
    [H.destination]: r.destination,
    [H.amazonStatus]: r.amazonStatus,
    [H.items]: formatLines(r.items),
    // Unreadable text stays as typed (keyed tabs write only changed cells, so it is not even rewritten).
    [H.send]: r.sendTyped ?? r.send,
    [H.threePlOrderId]: r.threePlOrderId,
    [H.threePlStatus]: r.threePlStatus,
    [H.tracking]: formatList(r.tracking),
    [H.shipped]: r.shipped === null ? '' : new Date(r.shipped),
    [H.received]: formatLines(r.received),
    [H.state]: r.state,
    [H.note]: r.note,
  };
}

/**
 * A tick box as Sheets stores it (true / false), TRUE or FALSE typed in any case, or empty (no send).
 * Any other text ("send", "Yes please", "no") is not guessed at: `typed` carries it.
 */
function readSend(v: unknown): { send: boolean; typed?: string } {
  if (typeof v === 'boolean') return { send: v };
  const t = cellText(v);
  if (t === '' || /^false$/i.test(t)) return { send: false };
  if (/^true$/i.test(t)) return { send: true };
  return { send: false, typed: t };
}

type Facts = Pick<FbaRow, 'threePlOrderId' | 'amazonStatus' | 'send' | 'threePlStatus' | 'tracking' | 'shipped'>;

/** The 3PL Status the add-on writes for a cancelled order (ShipBob `Cancelled`, Mintsoft `CANCELLED`, or the normalised `cancelled`). */
const CANCELLED_AT_3PL = /cancel/i;

/** Why the other cells contradict `s`, or null: a word claiming a 3PL order with none would leave a ticked shipment unsent (and its units released for FBM). */
function contradiction(s: FbaState, f: Facts): string | null {
  const noId = !f.threePlOrderId;
  switch (s) {
    case 'sent':
      return noId ? 'there is no 3PL Order ID: the 3PL has no order for it' : null;
    case 'shipped':
      // Taken as shipped, an unticked row would never be cancelled at the 3PL and no status read would undo it.
      if (noId) return 'there is no 3PL Order ID: the 3PL has no order for it';
      return f.tracking.length || f.shipped !== null ? null : `no Tracking and no Shipped time show that the 3PL shipped order ${f.threePlOrderId}`;
    case 'receiving':
    case 'closed':
      if (noId) return 'there is no 3PL Order ID: the 3PL has no order for it';
      return AMAZON_ARRIVED.has(f.amazonStatus) ? null : `Amazon Status is ${f.amazonStatus || 'empty'}: Amazon has not started receiving it`;
    case 'amazon-cancelled':
      if (noId) return 'there is no 3PL Order ID: the 3PL has no order for it';
      return AMAZON_DEAD.has(f.amazonStatus) ? null : `Amazon Status is ${f.amazonStatus || 'empty'}, not CANCELLED`;
    case 'cancelled':
      // A 3PL order its 3PL Status does not show cancelled still stands: taken as cancelled, an unticked row
      // would never be cancelled there (and its status never read again), so the 3PL would ship it.
      if (!noId) return CANCELLED_AT_3PL.test(f.threePlStatus) ? null : `the 3PL Status of order ${f.threePlOrderId} is ${f.threePlStatus ? `"${f.threePlStatus}"` : 'empty'}, not cancelled: the 3PL order still stands`;
      // A ticked row cancelled at the 3PL is a send candidate again: the look-up before any create finds the cancelled order.
      return AMAZON_DEAD.has(f.amazonStatus) || !f.send ? null : 'Send from 3PL is ticked, Amazon still expects the shipment and the 3PL has no order for it';
    case 'open':
    case 'ready':
    case 'held':
    case 'sending':
    case 'unknown':
      return noId ? null : `the 3PL already holds order ${f.threePlOrderId} for it`;
  }
}

/** What the cells prove: with a 3PL id at the 3PL (looked at again); ticked without one, looked up before any create. */
function factState(f: Facts): FbaState {
  if (f.threePlOrderId) return 'sent';
  return f.send ? 'sending' : 'open';
}

function stateOf(text: string, shipmentId: string, f: Facts): { state: FbaState; note?: string } {
  const s = text.toLowerCase() as FbaState;
  const why = FBA_STATES.includes(s) ? contradiction(s, f) : `"${text}" is not a state`;
  if (why === null) return { state: s };
  const state = factState(f);
  return {
    state,
    note: `${FBA_EDIT_NOTE} the State cell of FBA shipment ${shipmentId} was changed to "${text}", but ${why}. It is worked on as ${state} (what its other cells show). People edit only Send from 3PL (a tick, TRUE or FALSE); the add-on writes State.`,
  };
}

/** The Items cell read; its text kept too when the items do not write back as it (something typed). */
function itemsRead(text: string): { items: FbaRow['items']; itemsTyped?: string } {
  const items = parseLines(text);
  return text === formatLines(items) ? { items } : { items, itemsTyped: text };
}

/**
 * A row with anything in it is read, an emptied FBA Shipment ID too (shipmentId ''): the job puts
 * the ID back from the seal when the row's items tell which shipment it was, or stops before a
 * write could delete the row (jobs/fba-shipments/job.ts). Only a blank row is no row (null).
 */
export function fbaRowFromRecord(rec: Readonly<Record<string, unknown>>): FbaRow | null {
  const shipmentId = cellText(rec[H.shipmentId]);
  // An unticked box (false) is all a blank row below the shipments may hold.
  if (!shipmentId && Object.values(rec).every((v) => v === false || isEmptyCell(v))) return null;
  const threePlOrderId = cellText(rec[H.threePlOrderId]);
  const { send, typed } = readSend(rec[H.send]);
  const amazonStatus = cellText(rec[H.amazonStatus]).toUpperCase();
  const threePlStatus = cellText(rec[H.threePlStatus]);
  const tracking = parseList(cellText(rec[H.tracking]));
  const shipped = cellTime(rec[H.shipped]);
  const state = stateOf(cellText(rec[H.state]), shipmentId, { threePlOrderId, amazonStatus, send, threePlStatus, tracking, shipped });
  return {
    shipmentId,
    plan: cellText(rec[H.plan]),
    destination: cellText(rec[H.destination]),
    amazonStatus,
    ...itemsRead(cellText(rec[H.items])),
    send,
    ...(typed === undefined ? {} : { sendTyped: typed }),
    threePlOrderId,
    threePlStatus,
    tracking,
    shipped,
    received: parseLines(cellText(rec[H.received])),
    state: state.state,
    note: state.note ?? cellText(rec[H.note]),
  };
}
