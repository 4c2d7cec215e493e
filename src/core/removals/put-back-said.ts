// The CELL_INVALID exceptions for what the removals seal put back (typed-ids.ts): an ID typed over or
// emptied, a row deleted, a State, Received, 3PL Receipt or a cell from Amazon's reports typed over.
// Each is raised in the run that put it back and stays open until a person resolves it; the run is
// not "ok" (typedInput).

import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import type { TypedIds, CountsEdit } from './typed-ids';
import { removalId } from './record';
import type { RemovalRow } from './types';

/** The CELL_INVALID each put-back raises, keyed by removal, SKU and `keyCell`; `cells` named in the entity (null: the whole row). */
function putBackCell(r: RemovalRow, keyCell: string, cells: string | null, message: string, action: string): RaisedException {
  return {
    key: exceptionKey('CELL_INVALID', 'Removals', `${r.orderId} ${r.sku}`, keyCell),
    type: 'CELL_INVALID',
    entity: `Removals ${r.orderId} ${r.sku}${cells === null ? '' : `, ${cells}`}`,
    message,
    action,
    typedInput: true,
  };
}

/** A Removal Order ID typed over and put back from the row's other cells (core/removals/typed-ids.ts). */
function idPutBack(r: RemovalRow, typed: string, sheetRow: number, threePlName: string): RaisedException {
  return putBackCell(
    r,
    'Removal Order ID',
    'Removal Order ID',
    `The Removals tab's Removal Order ID cell of removal ${r.orderId} (${r.sku}), row ${sheetRow}, was changed to "${typed}"; ${r.orderId} was put back, since the row's other cells are those the add-on last wrote for it. ` +
    `The ID ties the row to Amazon's removal and its receipt at ${threePlName}: under "${typed}" a second receipt would be made for the same boxes. The add-on writes every cell of this tab and no typed value is used there.`,
    'Nothing to undo: the add-on put the ID back. Change a removal in Seller Central; then resolve this row.',
  );
}

/** Received typed over and put back from what the add-on last wrote (core/removals/typed-ids.ts putBackCounts). */
function receivedEditInvalid(r: RemovalRow, typed: string, threePlName: string): RaisedException {
  return putBackCell(
    r,
    'Received',
    'Received',
    `The Removals tab's Received cell of removal ${r.orderId} (${r.sku}) was changed to "${typed}", but the add-on last wrote ${r.received === null ? 'nothing' : r.received} there: Received is what ${threePlName} counted, and a typed count would close the removal (or call it short or over) without the warehouse's count. ` +
    `It was put back to ${r.received === null ? 'empty' : r.received} and the removal is worked on as "${r.state}". The add-on writes every cell of this tab and no typed value is used there.`,
    `Nothing to undo: the add-on put the count back. A count that is wrong is corrected at ${threePlName}; then resolve this row.`,
  );
}

/** 3PL Receipt typed over and put back from what the add-on last wrote (core/removals/typed-ids.ts putBackCounts). */
function receiptEditInvalid(r: RemovalRow, typed: string, threePlName: string): RaisedException {
  return putBackCell(
    r,
    '3PL Receipt',
    '3PL Receipt',
    `The Removals tab's 3PL Receipt cell of removal ${r.orderId} (${r.sku}) was changed to "${typed}", but the add-on last wrote ${r.receipt ? `${threePlName}'s receipt ${r.receipt}` : 'nothing'} there: ` +
    (r.receipt
      ? `that receipt was put back and is the one read back for this removal.`
      : `no receipt has been made for this removal yet, and a typed id would stop it being made (the boxes would arrive unannounced). It was emptied and the receipt is made once, after a look-up at ${threePlName}.`) +
    ' The add-on writes every cell of this tab and no typed value is used there.',
    `Nothing to undo: the add-on put the cell back. Change a receipt at ${threePlName}; then resolve this row.`,
  );
}

/** Cells from Amazon's reports typed over and put back (core/removals/typed-ids.ts putBackCounts). */
function amazonCellsEditInvalid(r: RemovalRow, typed: ReadonlyArray<readonly [string, string]>, threePlName: string): RaisedException {
  const names = typed.map(([c]) => c);
  const list = names.length === 1 ? `${names[0]} cell` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} cells`;
  return putBackCell(
    r,
    names[0]!,
    names.join(', '),
    `The Removals tab's ${list} of removal ${r.orderId} (${r.sku}) ${names.length === 1 ? 'was' : 'were'} changed to ${typed.map(([, v]) => `"${v.replace(/\n/g, ', ')}"`).join(', ')}; what Amazon's removal reports gave was put back. ` +
    `Tracking numbers and LPNs are what ${threePlName}'s receipt expects on the boxes, so a typed one would have the warehouse look for boxes that are not coming. The add-on writes every cell of this tab and no typed value is used there.`,
    'Nothing to undo: the add-on put the cells back. Change a removal in Seller Central; then resolve this row.',
  );
}

/** A Removal Order ID or SKU emptied and put back from the row's other cells (core/removals/typed-ids.ts emptiedIds). */
function idEmptiedPutBack(r: RemovalRow, sheetRow: number, threePlName: string): RaisedException {
  return putBackCell(
    r,
    'Removal Order ID',
    'Removal Order ID',
    `The Removals tab's Removal Order ID or SKU cell of row ${sheetRow} was emptied; the row's other cells are those the add-on last wrote for removal ${r.orderId} (${r.sku}), so the row was put back as it wrote it (at the end of the tab). ` +
    `The ID ties the row to Amazon's removal and its receipt at ${threePlName}. The add-on writes every cell of this tab and no typed value is used there.`,
    'Nothing to undo: the add-on put the row back. Filter or hide rows instead of clearing cells; then resolve this row.',
  );
}

/** A row deleted by a person and put back from what the add-on last wrote (core/removals/typed-ids.ts deletedRows). */
function rowPutBack(r: RemovalRow, threePlName: string): RaisedException {
  return putBackCell(
    r,
    'row',
    null,
    `The Removals tab's row of removal ${r.orderId} (${r.sku}) was deleted; it was put back as the add-on last wrote it (${r.receipt ? `${threePlName} receipt ${r.receipt}, ` : ''}${r.state}). ` +
    `Amazon's removal reports give a removal back only within 60 days, and then without its receipt or counts. The add-on writes every row of this tab; a removal leaves it once it is settled and Amazon's reports no longer give it.`,
    'Nothing to undo: the add-on put the row back. Filter or hide rows instead of deleting them; then resolve this row.',
  );
}

/** What the seal put back this run, said: `deleted` rows still in the tab at the end (`kept`). */
export function putBackSaid(
  put: { ids: TypedIds; emptied: ReadonlyArray<{ sheetRow: number; id: string }>; deleted: ReadonlyArray<RemovalRow>; edits: ReadonlyArray<CountsEdit> },
  kept: ReadonlySet<string>,
  threePlName: string,
): RaisedException[] {
  const emptiedAt = new Map(put.emptied.map((m) => [m.id, m.sheetRow] as const));
  return [
    ...put.ids.putBack.map((p) => idPutBack(p.row, p.typed, p.sheetRow, threePlName)),
    // A settled row Amazon's reports no longer give leaves the tab anyway: not said.
    ...put.deleted.filter((r) => kept.has(removalId(r))).map((r) => (emptiedAt.has(removalId(r)) ? idEmptiedPutBack(r, emptiedAt.get(removalId(r))!, threePlName) : rowPutBack(r, threePlName))),
    ...put.edits.flatMap((e) => [
      ...(e.received === undefined ? [] : [receivedEditInvalid(e.row, e.received, threePlName)]),
      ...(e.receipt === undefined ? [] : [receiptEditInvalid(e.row, e.receipt, threePlName)]),
      ...(e.amazonCells === undefined ? [] : [amazonCellsEditInvalid(e.row, e.amazonCells, threePlName)]),
    ]),
  ];
}
