// FBA Shipments tab records ↔ rows, by header name (FBA_SHIPMENTS_TAB). Items and received units
// read as "SKU × qty" lines (the Orders tab's format); a State cell someone overtyped is read back
// from what the other cells prove, never guessed into a send; a Send from 3PL cell holding words
// instead of a tick is read as no send and written back exactly as typed.

import { cellText, cellTime } from '../cells';
import { formatLines, formatList, parseLines, parseList } from '../orders/ledger';
import { headersOf } from '../tabs';
import { FBA_SHIPMENTS_TAB } from './tab-def';
import type { FbaRow, FbaState } from './types';
import { FBA_STATES } from './types';

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

function stateOf(text: string, threePlOrderId: string, send: boolean): FbaState {
  const s = text.toLowerCase() as FbaState;
  if (FBA_STATES.includes(s)) return s;
  // An unreadable state with a 3PL id: at the 3PL (looked at again); without one, looked up before any create.
  if (threePlOrderId) return 'sent';
  return send ? 'sending' : 'open';
}

export function fbaRowFromRecord(rec: Readonly<Record<string, unknown>>): FbaRow | null {
  const shipmentId = cellText(rec[H.shipmentId]);
  if (!shipmentId) return null;
  const threePlOrderId = cellText(rec[H.threePlOrderId]);
  const { send, typed } = readSend(rec[H.send]);
  return {
    shipmentId,
    plan: cellText(rec[H.plan]),
    destination: cellText(rec[H.destination]),
    amazonStatus: cellText(rec[H.amazonStatus]).toUpperCase(),
    items: parseLines(cellText(rec[H.items])),
    send,
    ...(typed === undefined ? {} : { sendTyped: typed }),
    threePlOrderId,
    threePlStatus: cellText(rec[H.threePlStatus]),
    tracking: parseList(cellText(rec[H.tracking])),
    shipped: cellTime(rec[H.shipped]),
    received: parseLines(cellText(rec[H.received])),
    state: stateOf(cellText(rec[H.state]), threePlOrderId, send),
    note: cellText(rec[H.note]),
  };
}
