// The FBA Shipments rows of live shipments as the add-on last wrote them, kept in document
// properties (kit/cell-seal.ts) and written with the tab. A row deleted while it carried the add-on's
// work (a tick, a 3PL order, tracking) is put back from here: Amazon's reads are incremental and
// would not bring it back, and with it would go the tick, the 3PL order and its tracking, so the
// shipment would be neither followed nor compared on arrival, and its units no longer held back from
// the FBM offer. A cell only the add-on writes that someone typed over gets its value back the same way.

import { sameWrittenTime } from '../../core/cells';
import { FBA_EDIT_NOTE, FBA_ROW_DELETED, fbaRowFromRecord, fbaRowToRecord } from '../../core/fba-shipments/record';
import { FBA_SHIPMENTS_TAB } from '../../core/fba-shipments/tab-def';
import type { FbaRow } from '../../core/fba-shipments/types';
import type { KeyValueStore } from '../../ports/store';
import { readSeal, writeSeal } from '../kit/cell-seal';
import { DONE } from './items-seal';

const SEAL = 'fbaShipments.rowsSeal';
/** About 200 rows: live shipments are rarely more, and those carrying work are sealed first. */
const CHUNKS = 6;
/** Every cell but the Note, which a put-back row gets anew. */
const HEADERS = FBA_SHIPMENTS_TAB.columns.map((c) => c.header).filter((h) => h !== 'Note');
/**
 * Cells only the add-on writes and nothing else puts back: Items (items-seal.ts), a 3PL Order ID the
 * add-on wrote (looked up by reference, threepl-status.ts) and a State its row contradicts
 * (record.ts) are put back and said where they are read; Send from 3PL is the people's. A 3PL Order
 * ID typed where the add-on wrote none is put back here: no step would read it as typed.
 */
const PUT_BACK = ['Plan', 'Destination', 'Amazon Status', '3PL Order ID', '3PL Status', 'Tracking', 'Shipped', 'Received', 'State'] as const;
const STATE_SAID = `${FBA_EDIT_NOTE} the State cell`;

/** A row whose loss loses the add-on's work: ticked, or with anything at the 3PL, and not done with. */
function carriesWork(r: FbaRow): boolean {
  return !DONE.includes(r.state) && (r.send || r.threePlOrderId !== '' || r.state !== 'open');
}

function cells(r: FbaRow): unknown[] {
  const rec = fbaRowToRecord(r);
  return HEADERS.map((h) => {
    const v = rec[h];
    return v instanceof Date ? v.toISOString() : v;
  });
}

/** Every live shipment's row, those carrying work first (past the room a row is trusted as read). */
export function sealRows(store: KeyValueStore, rows: ReadonlyArray<FbaRow>): void {
  const live = rows.filter((r) => !DONE.includes(r.state));
  live.sort((a, b) => Number(carriesWork(b)) - Number(carriesWork(a)));
  writeSeal(store, SEAL, live.map((r) => [r.shipmentId, JSON.stringify(cells(r))] as const), CHUNKS);
}

function sealedRow(id: string, text: string): FbaRow | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  const row = fbaRowFromRecord(Object.fromEntries(HEADERS.map((h, i) => [h, v[i] ?? ''])));
  return row && row.shipmentId === id ? row : null;
}

const shown = (v: unknown): string => String(v ?? '').replace(/\n/g, ', ');

/** The row with each PUT_BACK cell that no longer holds what the add-on wrote put back, its Note saying which. */
function withCellsPutBack(r: FbaRow, sealed: FbaRow): FbaRow {
  const now = fbaRowToRecord(r);
  const was = fbaRowToRecord(sealed);
  const stateSaid = r.note.startsWith(STATE_SAID);
  // A written time the sheet gives back a little off is the same time (core/cells.ts).
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? sameWrittenTime(a.getTime(), b.getTime()) : shown(a) === shown(b));
  const changed = PUT_BACK.filter((h) => !(h === 'State' && stateSaid) && !(h === '3PL Order ID' && sealed.threePlOrderId !== '') && !same(now[h], was[h]));
  if (changed.length === 0) return r;
  const fmt = (rec: Record<string, unknown>, h: string) => {
    const v = rec[h];
    return `"${v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : shown(v)}"`;
  };
  const names = changed.length === 1 ? `the ${changed[0]} cell` : `the ${changed.slice(0, -1).join(', ')} and ${changed[changed.length - 1]} cells`;
  const said =
    `${FBA_EDIT_NOTE} ${names} of FBA shipment ${r.shipmentId} ${changed.length === 1 ? 'was' : 'were'} changed to ${changed.map((h) => fmt(now, h)).join(', ')}, ` +
    `but the add-on last wrote ${changed.map((h) => fmt(was, h)).join(', ')} there, from Amazon and the 3PL; ${changed.length === 1 ? 'it was' : 'they were'} put back and the shipment is worked on as ${sealed.state}. ` +
    'People edit only Send from 3PL (a tick, TRUE or FALSE); the add-on writes the other cells.';
  return {
    ...r,
    plan: sealed.plan,
    destination: sealed.destination,
    threePlOrderId: changed.includes('3PL Order ID') ? '' : r.threePlOrderId,
    amazonStatus: sealed.amazonStatus,
    threePlStatus: sealed.threePlStatus,
    tracking: sealed.tracking,
    shipped: sealed.shipped,
    received: sealed.received,
    state: stateSaid ? r.state : sealed.state,
    // One Note for the row: what its reading already said, then these cells.
    note: r.note.startsWith(FBA_EDIT_NOTE) ? `${r.note} The${said.slice(FBA_EDIT_NOTE.length + 4)}` : said,
  };
}

/**
 * `rows` with the cells only the add-on writes put back where someone typed over them, and each
 * sealed shipment the tab no longer holds put back at the end if it carried work, its Note saying so.
 * No row is put back while the tab holds a live row of a shipment the add-on did not write
 * (`written`: the items seal's ids): that may be the shipment's own row with its ID typed over
 * (items-seal.ts names it), and a second row would follow one 3PL order twice.
 */
export function putBackFromSeal(store: KeyValueStore, rows: ReadonlyArray<FbaRow>, written: ReadonlySet<string>): FbaRow[] {
  const seal = readSeal(store, SEAL, CHUNKS);
  if (seal.size === 0) return [...rows];
  const out = rows.map((r) => {
    const text = seal.get(r.shipmentId);
    const sealed = text === undefined ? null : sealedRow(r.shipmentId, text);
    return sealed ? withCellsPutBack(r, sealed) : r;
  });
  if (rows.some((r) => !written.has(r.shipmentId) && !DONE.includes(r.state))) return out;
  const ids = new Set(rows.map((r) => r.shipmentId));
  for (const [id, text] of seal) {
    if (ids.has(id)) continue;
    const row = sealedRow(id, text);
    if (!row || !carriesWork(row)) continue;
    out.push({
      ...row,
      note:
        `${FBA_EDIT_NOTE} the row of FBA shipment ${id} ${FBA_ROW_DELETED}; it was put back as the add-on last wrote it ` +
        `(${row.threePlOrderId ? `its 3PL order ${row.threePlOrderId}` : 'its tick'} is followed from it, and Amazon's reads would not list the shipment again). Untick Send from 3PL to stop a shipment instead of deleting its row.`,
    });
  }
  return out;
}
