// The FBA Shipments tab's Items as the add-on last wrote them (Amazon's), for the ticked shipments
// whose units the stock sync keeps off the FBM offer (kit/cell-seal.ts): an Items cell someone
// changed is put back before anything reads it, and the Note says so (FBA_SHIPMENT_INVALID). The
// seal also knows each live shipment's ID: one typed over is put back the same way, since a row
// under an ID Amazon does not have is never sent, and the real shipment would have no row at all.
// An emptied ID is one typed over with nothing: put back the same way.

import { FBA_EDIT_NOTE } from '../../core/fba-shipments/record';
import type { FbaRow } from '../../core/fba-shipments/types';
import { cellLinesText, formatLines, parseLines } from '../../core/orders/ledger';
import type { KeyValueStore } from '../../ports/store';
import { putBackSealed, putBackTypedIds, readSeal, sealedOnOneLine, writeSeal } from '../kit/cell-seal';

const SEAL = 'fbaShipments.itemsSeal';

/** Shipments the seal leaves out: done with, so a row of theirs is never taken for a typed-over one. */
export const DONE: readonly string[] = ['closed', 'cancelled', 'amazon-cancelled'];

/** The ID typed over on a live shipment's row, put back (kit/cell-seal.ts putBackTypedIds). */
function putBackShipmentIds(seal: ReadonlyMap<string, string>, rows: ReadonlyArray<FbaRow>): FbaRow[] {
  return putBackTypedIds(seal, rows, {
    idOf: (r) => r.shipmentId,
    written: (r) => formatLines(r.items),
    candidate: (r) => !DONE.includes(r.state),
    putBack: (r, id) => ({
      ...r,
      shipmentId: id,
      note:
        `${FBA_EDIT_NOTE} the FBA Shipment ID cell of FBA shipment ${id} was ${r.shipmentId ? `changed to "${r.shipmentId}"` : 'emptied'}; ${id} was put back ` +
        "(it is Amazon's ID, which ties the row to its shipment, its 3PL order and the units the stock sync holds back). FBA Shipment ID is for reading only.",
    }),
  });
}

/** The live shipments whose rows the add-on last wrote. */
export function sealedShipments(store: KeyValueStore): Set<string> {
  return new Set(readSeal(store, SEAL).keys());
}

export function restoreSealedItems(store: KeyValueStore, rows: ReadonlyArray<FbaRow>): FbaRow[] {
  const seal = readSeal(store, SEAL);
  if (seal.size === 0) return [...rows];
  return putBackSealed(seal, putBackShipmentIds(seal, rows), (r) => r.shipmentId, (r) => formatLines(r.items), (r, kept) => ({
    ...r,
    items: parseLines(kept),
    note:
      `${FBA_EDIT_NOTE} the Items cell of FBA shipment ${r.shipmentId} was changed to "${cellLinesText(r.itemsTyped, r.items)}"; Amazon's items "${sealedOnOneLine(kept)}" were put back ` +
      '(they are what the 3PL is sent and the stock sync holds back). Items is for reading only; change the shipment in Seller Central.',
  }));
}

/**
 * Seals every shipment not closed or cancelled, ticked or not (a tick may come with a typed Items
 * cell): its items are sent, held back from FBM and compared on arrival. Ticked ones first.
 */
export function sealItems(store: KeyValueStore, rows: ReadonlyArray<FbaRow>): void {
  const live = rows.filter((r) => !DONE.includes(r.state));
  live.sort((a, b) => Number(b.send || b.sendTyped !== undefined) - Number(a.send || a.sendTyped !== undefined));
  writeSeal(store, SEAL, live.map((r) => [r.shipmentId, formatLines(r.items)] as const));
}
