// How one Removals row is kept in the removals seal (jobs/removals/id-seal.ts): its cells as the add-on
// last wrote them, in a few hundred bytes, a digest of the cells from Amazon's reports among them, so
// a row can be told, its typed cells put back, or the whole row rebuilt (typed-ids.ts).

import { hash64 } from '../digest';
import { stateText } from './record';
import type { RemovalRow } from './types';

/**
 * The cells the add-on writes from Amazon's reports (not State, Received or 3PL Receipt, which are
 * sealed as they are, below): what stays the same between two runs unless someone types.
 */
export function removalDigest(r: RemovalRow): string {
  return hash64([r.type, r.sku, r.fnsku, r.disposition, r.requested, r.shipped, r.carrier, r.tracking.join(','), r.lpns.join(',')].join('\u0000'));
}

/**
 * Cells the add-on writes from Amazon's reports that nothing else puts back before a receipt is made
 * from them (Shipped, typed, waits for the reports: RemovalRow.unitsEdit): sealed as written.
 */
export const AMAZON_CELLS = [
  ['Type', (r: RemovalRow) => r.type, (r: RemovalRow, v: string) => ({ ...r, type: v })],
  ['FNSKU', (r: RemovalRow) => r.fnsku, (r: RemovalRow, v: string) => ({ ...r, fnsku: v })],
  ['Disposition', (r: RemovalRow) => r.disposition, (r: RemovalRow, v: string) => ({ ...r, disposition: v })],
  ['Carrier', (r: RemovalRow) => r.carrier, (r: RemovalRow, v: string) => ({ ...r, carrier: v })],
  ['Tracking', (r: RemovalRow) => r.tracking.join('\n'), (r: RemovalRow, v: string) => ({ ...r, tracking: v ? v.split('\n') : [] })],
  ['LPNs', (r: RemovalRow) => r.lpns.join('\n'), (r: RemovalRow, v: string) => ({ ...r, lpns: v ? v.split('\n') : [] })],
] as const;

/**
 * What is sealed for a row: the digest, then 3PL Receipt, Received and State, then AMAZON_CELLS, then
 * SKU, Requested, Shipped and Expected, as written: with the id, the whole row.
 */
export function sealText(r: RemovalRow): string {
  return JSON.stringify([removalDigest(r), r.receipt, r.received ?? '', stateText(r), AMAZON_CELLS.map(([, get]) => get(r)), [r.sku, r.requested, r.shipped, r.expected ?? '']]);
}

export interface Sealed {
  digest: string;
  receipt: string;
  received: string;
  state: string;
  cells: string[] | null;
  units: [string, number, number, number | null] | null;
}

export function parts(text: string): Sealed {
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.length >= 4) {
      const cells = Array.isArray(v[4]) && v[4].length === AMAZON_CELLS.length ? v[4].map(String) : null;
      const u = v[5];
      const units: Sealed['units'] = Array.isArray(u) && u.length === 4 && typeof u[1] === 'number' && typeof u[2] === 'number' ? [String(u[0]), u[1], u[2], typeof u[3] === 'number' ? u[3] : null] : null;
      return { digest: String(v[0]), receipt: String(v[1]), received: String(v[2]), state: String(v[3]), cells, units };
    }
  } catch {
    // Not a seal this code wrote: matches no row.
  }
  return { digest: '', receipt: '', received: '', state: '', cells: null, units: null };
}

export const DISPOSED = /·\s*(\d+)\s+disposed/i;

/** The row a seal entry was written for, or null when the entry cannot tell it whole. */
export function sealedRow(id: string, text: string): RemovalRow | null {
  const was = parts(text);
  if (!was.cells || !was.units) return null;
  const [sku, requested, shipped, expected] = was.units;
  if (!id.endsWith(` ${sku}`)) return null;
  const disposed = DISPOSED.exec(was.state);
  let row: RemovalRow = {
    orderId: id.slice(0, id.length - sku.length - 1),
    type: '',
    sku,
    fnsku: '',
    disposition: '',
    requested,
    shipped,
    disposed: disposed ? Number(disposed[1]) : 0,
    carrier: '',
    tracking: [],
    lpns: [],
    receipt: was.receipt,
    expected,
    received: was.received === '' ? null : Number(was.received),
    state: was.state.replace(DISPOSED, '').trim() as RemovalRow['state'],
  };
  AMAZON_CELLS.forEach(([, , set], i) => (row = set(row, was.cells![i]!)));
  return removalDigest(row) === was.digest ? row : null;
}

/**
 * The row with AMAZON_CELLS put back when that makes its digest the sealed one (so nothing else the
 * digest covers was typed), and the cells put back: [column, what was typed].
 */
export function amazonCellsBack(r: RemovalRow, was: Sealed): { row: RemovalRow; typed: Array<[string, string]> } | null {
  if (!was.cells) return null;
  let row = r;
  const typed: Array<[string, string]> = [];
  AMAZON_CELLS.forEach(([name, get, set], i) => {
    const kept = was.cells![i]!;
    if (get(row) === kept) return;
    typed.push([name, get(row)]);
    row = set(row, kept);
  });
  return typed.length && removalDigest(row) === was.digest ? { row, typed } : null;
}

