// Removals tab records ↔ rows, by header name. Tracking numbers and LPNs are one per line; State is
// a word from REMOVAL_STATES, followed by "· N disposed" when Amazon disposed of some of the units
// (shown, never expected at the 3PL). A State cell someone overtyped with a word the row's other
// cells contradict (or with no state at all) is read from what those cells prove, never into a
// second receipt, a receipt for a removal not coming to the 3PL, or "finished"; the row carries
// what was typed (stateEdit) so the job names the cell.

import { cellText } from '../cells';
import { headersOf } from '../tabs';
import { REMOVALS_TAB } from './tab-def';
import { REMOVAL_STATES, type RemovalRow, type RemovalState } from './types';

const H = headersOf(REMOVALS_TAB);
const DISPOSED = /·\s*(\d+)\s+disposed/i;

function list(v: unknown): string[] {
  return cellText(v).split(/[\n,]+/).map((s) => s.trim()).filter(Boolean);
}

function whole(v: unknown): number | null {
  const t = cellText(v);
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

export function stateText(r: Pick<RemovalRow, 'state' | 'disposed'>): string {
  return r.disposed > 0 && r.state !== 'disposed' ? `${r.state} · ${r.disposed} disposed` : r.state;
}

export function removalToRecord(r: RemovalRow): Record<string, unknown> {
  return {
    [H.orderId]: r.orderId,
    [H.type]: r.type,
    [H.sku]: r.sku,
    [H.fnsku]: r.fnsku,
    [H.disposition]: r.disposition,
    [H.requested]: r.requested,
    [H.shipped]: r.shipped,
    [H.carrier]: r.carrier,
    [H.tracking]: r.tracking.join('\n'),
    [H.lpns]: r.lpns.join('\n'),
    [H.receipt]: r.receipt,
    [H.expected]: r.expected ?? '',
    [H.received]: r.received ?? '',
    [H.state]: stateText(r),
  };
}

type Facts = Pick<RemovalRow, 'receipt' | 'expected' | 'received' | 'shipped'>;

/** Words the add-on writes only once the 3PL holds a receipt, and those of them it writes only once the 3PL has counted. */
const AT_THREEPL: ReadonlySet<RemovalState> = new Set(['expected', 'overdue', 'arrived', 'receiving', 'received', 'short', 'over']);
const COUNTED: ReadonlySet<RemovalState> = new Set(['received', 'short', 'over']);
/** Words of a removal whose receipt is still to be made. */
const BEFORE_RECEIPT: ReadonlySet<RemovalState> = new Set(['to send', 'held', 'rejected', 'outcome unknown']);
/** Amazon's side: nothing expected at the 3PL (a receipt the 3PL cancelled keeps its Expected). */
const NOT_EXPECTED: ReadonlySet<RemovalState> = new Set(['pending', 'shipping', 'disposed', 'not for 3PL', 'cancelled']);

/**
 * Why the row's other cells contradict `s`, or null. A wrong word would stop the add-on making a
 * receipt (the boxes arrive unannounced), stop it reading one back (a shortfall never said), or make
 * one for boxes that are not coming.
 */
function contradiction(s: RemovalState, f: Facts): string | null {
  if (AT_THREEPL.has(s) && !f.receipt) return 'there is no 3PL Receipt: no receipt has been made at the 3PL';
  if (COUNTED.has(s)) {
    if (f.received === null) return 'Received is empty: the 3PL has not counted it';
    const counted: RemovalState = f.received === f.shipped ? 'received' : f.received < f.shipped ? 'short' : 'over';
    if (counted !== s) return `Received is ${f.received} of ${f.shipped} shipped, which is "${counted}"`;
  }
  if (BEFORE_RECEIPT.has(s) && f.receipt) return `3PL Receipt ${f.receipt} is already made`;
  if (NOT_EXPECTED.has(s) && f.expected !== null && !(s === 'cancelled' && f.receipt)) return `Expected holds ${f.expected}: the removal is on its way to the 3PL`;
  return null;
}

/**
 * What the row's cells prove: a receipt is followed again (read back before anything is said); units
 * expected without one are looked up at the 3PL before a receipt is made once; neither waits for
 * Amazon's next reports to say where the removal stands.
 */
function factState(f: Facts): RemovalState {
  if (f.receipt) return 'expected';
  return f.expected !== null ? 'outcome unknown' : 'pending';
}

function stateOf(text: string, f: Facts): Pick<RemovalRow, 'state' | 'stateEdit'> {
  const word = text.replace(DISPOSED, '').trim().toLowerCase();
  // Compared in lower case on both sides: the add-on writes "not for 3PL" itself.
  const known = REMOVAL_STATES.find((s) => s.toLowerCase() === word);
  const why = known ? contradiction(known, f) : text ? `"${text}" is not a state` : 'it is empty';
  if (why === null) return { state: known! };
  return { state: factState(f), stateEdit: { typed: text, why } };
}

/**
 * Shipped and Expected as the add-on writes them: whole numbers from Amazon's reports, Expected equal
 * to Shipped once units are expected at the 3PL. Anything else was typed (why, for the job to name):
 * Shipped makes the receipt's lines and judges the count, so it is never read as 0 or rounded.
 */
function unitsEdit(shippedCell: unknown, expectedCell: unknown): string | undefined {
  const s = cellText(shippedCell);
  const e = cellText(expectedCell);
  const isWhole = (t: string) => /^\d+$/.test(t);
  if (s && !isWhole(s)) return `Shipped holds "${s}", not a whole number`;
  if (e && !isWhole(e)) return `Expected holds "${e}", not a whole number`;
  if (e && Number(e) !== Number(s || 0)) return `Expected holds ${e} but Shipped ${s || 'nothing'}, and the add-on writes both, equal, from Amazon's removal reports`;
  return undefined;
}

export function removalFromRecord(rec: Readonly<Record<string, unknown>>): RemovalRow | null {
  const orderId = cellText(rec[H.orderId]);
  const sku = cellText(rec[H.sku]);
  if (!orderId || !sku) return null;
  const receipt = cellText(rec[H.receipt]);
  const state = cellText(rec[H.state]);
  const disposed = DISPOSED.exec(state);
  const shipped = whole(rec[H.shipped]) ?? 0;
  const expected = whole(rec[H.expected]);
  const received = whole(rec[H.received]);
  const read = stateOf(state, { receipt, expected, received, shipped });
  const units = unitsEdit(rec[H.shipped], rec[H.expected]);
  return {
    orderId,
    type: cellText(rec[H.type]),
    sku,
    fnsku: cellText(rec[H.fnsku]),
    disposition: cellText(rec[H.disposition]),
    requested: whole(rec[H.requested]) ?? 0,
    shipped,
    disposed: disposed ? Number(disposed[1]) : 0,
    carrier: cellText(rec[H.carrier]),
    tracking: list(rec[H.tracking]),
    lpns: list(rec[H.lpns]),
    receipt,
    expected,
    received,
    ...read,
    ...(units ? { unitsEdit: units } : {}),
  };
}

export function removalId(r: Pick<RemovalRow, 'orderId' | 'sku'>): string {
  return `${r.orderId} ${r.sku}`;
}
