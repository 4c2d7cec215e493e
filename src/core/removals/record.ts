// Removals tab records ↔ rows, by header name. Tracking numbers and LPNs are one per line; State is
// a word from REMOVAL_STATES, followed by "· N disposed" when Amazon disposed of some of the units
// (shown, never expected at the 3PL). A State cell someone overtyped is read from what the row's
// other cells prove, never into a second receipt.

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

function stateOf(text: string, receipt: string): RemovalState {
  const word = text.replace(DISPOSED, '').trim().toLowerCase();
  // Compared in lower case on both sides: the add-on writes "not for 3PL" itself.
  const known = REMOVAL_STATES.find((s) => s.toLowerCase() === word);
  if (known) return known;
  // With a receipt the 3PL is followed again; without one, the removal is checked before anything is made.
  return receipt ? 'expected' : 'outcome unknown';
}

export function removalFromRecord(rec: Readonly<Record<string, unknown>>): RemovalRow | null {
  const orderId = cellText(rec[H.orderId]);
  const sku = cellText(rec[H.sku]);
  if (!orderId || !sku) return null;
  const receipt = cellText(rec[H.receipt]);
  const state = cellText(rec[H.state]);
  const disposed = DISPOSED.exec(state);
  const stateWord = stateOf(state, receipt);
  return {
    orderId,
    type: cellText(rec[H.type]),
    sku,
    fnsku: cellText(rec[H.fnsku]),
    disposition: cellText(rec[H.disposition]),
    requested: whole(rec[H.requested]) ?? 0,
    shipped: whole(rec[H.shipped]) ?? 0,
    disposed: disposed ? Number(disposed[1]) : 0,
    carrier: cellText(rec[H.carrier]),
    tracking: list(rec[H.tracking]),
    lpns: list(rec[H.lpns]),
    receipt,
    expected: whole(rec[H.expected]),
    received: whole(rec[H.received]),
    state: stateWord,
  };
}

export function removalId(r: Pick<RemovalRow, 'orderId' | 'sku'>): string {
  return `${r.orderId} ${r.sku}`;
}
