// The FBA Shipments rows that carry the add-on's work (a tick, a 3PL order, tracking) as it last
// wrote them, kept in document properties (kit/cell-seal.ts) and written with the tab. A row deleted
// from the tab is put back from here: Amazon's reads are incremental and would not bring it back, and
// with it would go the tick, the 3PL order and its tracking, so the shipment would be neither
// followed nor compared on arrival, and its units no longer held back from the FBM offer.

import { FBA_EDIT_NOTE, FBA_ROW_DELETED, fbaRowFromRecord, fbaRowToRecord } from '../../core/fba-shipments/record';
import { FBA_SHIPMENTS_TAB } from '../../core/fba-shipments/tab-def';
import type { FbaRow } from '../../core/fba-shipments/types';
import type { KeyValueStore } from '../../ports/store';
import { readSeal, writeSeal } from '../kit/cell-seal';
import { DONE } from './items-seal';

const SEAL = 'fbaShipments.rowsSeal';
/** About 150 rows: live shipments that went to (or are ticked for) the 3PL are rarely more. */
const CHUNKS = 6;
/** Every cell but the Note, which the put-back row gets anew. */
const HEADERS = FBA_SHIPMENTS_TAB.columns.map((c) => c.header).filter((h) => h !== 'Note');

/** A row whose loss loses the add-on's work: ticked, or with anything at the 3PL, and not done with. */
function carriesWork(r: FbaRow): boolean {
  return !DONE.includes(r.state) && (r.send || r.threePlOrderId !== '' || r.state !== 'open');
}

function cellsOf(r: FbaRow): string {
  const rec = fbaRowToRecord(r);
  return JSON.stringify(HEADERS.map((h) => {
    const v = rec[h];
    return v instanceof Date ? v.toISOString() : v;
  }));
}

export function sealRows(store: KeyValueStore, rows: ReadonlyArray<FbaRow>): void {
  writeSeal(store, SEAL, rows.filter(carriesWork).map((r) => [r.shipmentId, cellsOf(r)] as const), CHUNKS);
}

/**
 * `rows` with each sealed shipment the tab no longer holds put back at the end, its Note saying so.
 * Nothing is put back while the tab holds a live row of a shipment the add-on did not write
 * (`written`: the items seal's ids): that may be the shipment's own row with its ID typed over
 * (items-seal.ts names it), and a second row would follow one 3PL order twice.
 */
export function putBackDeletedRows(store: KeyValueStore, rows: ReadonlyArray<FbaRow>, written: ReadonlySet<string>): FbaRow[] {
  const seal = readSeal(store, SEAL, CHUNKS);
  if (seal.size === 0) return [...rows];
  const ids = new Set(rows.map((r) => r.shipmentId));
  if (rows.some((r) => !written.has(r.shipmentId) && !DONE.includes(r.state))) return [...rows];
  const back: FbaRow[] = [];
  for (const [id, text] of seal) {
    if (ids.has(id)) continue;
    let cells: unknown;
    try {
      cells = JSON.parse(text);
    } catch {
      continue;
    }
    if (!Array.isArray(cells)) continue;
    const row = fbaRowFromRecord(Object.fromEntries(HEADERS.map((h, i) => [h, cells[i] ?? ''])));
    if (!row || row.shipmentId !== id) continue;
    back.push({
      ...row,
      note:
        `${FBA_EDIT_NOTE} the row of FBA shipment ${id} ${FBA_ROW_DELETED}; it was put back as the add-on last wrote it ` +
        `(${row.threePlOrderId ? `its 3PL order ${row.threePlOrderId}` : 'its tick'} is followed from it, and Amazon's reads would not list the shipment again). Untick Send from 3PL to stop a shipment instead of deleting its row.`,
    });
  }
  return [...rows, ...back];
}
