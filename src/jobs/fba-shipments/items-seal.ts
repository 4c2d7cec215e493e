// The FBA Shipments tab's Items as the add-on last wrote them (Amazon's), for the ticked shipments
// whose units the stock sync keeps off the FBM offer (kit/cell-seal.ts): an Items cell someone
// changed is put back before anything reads it, and the Note says so (FBA_SHIPMENT_INVALID).

import { FBA_EDIT_NOTE } from '../../core/fba-shipments/record';
import type { FbaRow } from '../../core/fba-shipments/types';
import { cellLinesText, formatLines, parseLines } from '../../core/orders/ledger';
import type { KeyValueStore } from '../../ports/store';
import { putBackSealed, readSeal, sealedOnOneLine, writeSeal } from '../kit/cell-seal';

const SEAL = 'fbaShipments.itemsSeal';

export function restoreSealedItems(store: KeyValueStore, rows: ReadonlyArray<FbaRow>): FbaRow[] {
  const seal = readSeal(store, SEAL);
  if (seal.size === 0) return [...rows];
  return putBackSealed(seal, rows, (r) => r.shipmentId, (r) => formatLines(r.items), (r, kept) => ({
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
  const live = rows.filter((r) => !['closed', 'cancelled', 'amazon-cancelled'].includes(r.state));
  live.sort((a, b) => Number(b.send || b.sendTyped !== undefined) - Number(a.send || a.sendTyped !== undefined));
  writeSeal(store, SEAL, live.map((r) => [r.shipmentId, formatLines(r.items)] as const));
}
