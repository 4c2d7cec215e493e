// The FBA Shipments exceptions, worked out from the whole tab at the end of a run so they clear
// themselves (docs/design.md §5 FBA_SHIPMENT_*): held, outcome unknown, shipped-vs-received
// discrepancy, stuck on the way in, cancelled by Amazon after the 3PL shipped, a Send from 3PL
// cell holding words instead of a tick (never guessed into a send or a cancel), and a State or Items
// cell people changed that was not used (the Note says what was put back).

import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import { FBA_EDIT_NOTE, FBA_ROW_DELETED } from './record';
import type { FbaItem, FbaRow } from './types';
import { AMAZON_ARRIVED, AMAZON_DEAD, unticked } from './types';
import { editedCellSuffix } from '../typed-cells';

export const FBA_EXCEPTION_TYPES = [
  'FBA_SHIPMENT_HELD',
  'FBA_SHIPMENT_OUTCOME_UNKNOWN',
  'FBA_SHIPMENT_DISCREPANCY',
  'FBA_SHIPMENT_STUCK',
  'FBA_SHIPMENT_CANCELLED',
  'FBA_SHIPMENT_INVALID',
  'FBA_SHIPMENT_SHIPPED_UNTICKED',
] as const;

export interface FbaRuleSettings {
  /** Units per SKU that received may differ from shipped before it is an exception. */
  fbaDiscrepancyToleranceUnits: number;
  /** Days after the 3PL shipped by which Amazon should have checked the shipment in. */
  fbaStuckDays: number;
}

const DAY_MS = 86_400_000;

/** Per Seller SKU: shipped (what Amazon expects) against received, where they differ by more than `tolerance`. */
export function itemDifferences(items: ReadonlyArray<FbaItem>, received: ReadonlyArray<FbaItem>, tolerance: number): Array<{ sku: string; shipped: number; received: number }> {
  const sum = (list: ReadonlyArray<FbaItem>) => {
    const m = new Map<string, number>();
    for (const l of list) m.set(l.sku, (m.get(l.sku) ?? 0) + l.quantity);
    return m;
  };
  const s = sum(items);
  const r = sum(received);
  const out: Array<{ sku: string; shipped: number; received: number }> = [];
  for (const sku of new Set([...s.keys(), ...r.keys()])) {
    const a = s.get(sku) ?? 0;
    const b = r.get(sku) ?? 0;
    if (Math.abs(a - b) > tolerance) out.push({ sku, shipped: a, received: b });
  }
  return out;
}

function raise(type: (typeof FBA_EXCEPTION_TYPES)[number], row: FbaRow, message: string, action: string): RaisedException {
  return { key: exceptionKey(type, row.shipmentId), type, entity: `FBA ${row.shipmentId}`, message, action };
}

/** The cells an edit note can name, and each one's key suffix (State when it names none). */
const EDITED_CELLS: ReadonlyArray<readonly [string, string]> = [
  ['Items', 'items'],
  ['3PL Order ID', 'order'],
  ['FBA Shipment ID', 'id'],
];

/** A State, Items, 3PL Order ID or FBA Shipment ID cell people changed that the add-on did not use (its Note names the cell), said once per cell. */
export function fbaEditInvalid(row: FbaRow): RaisedException {
  const said = row.note.slice(FBA_EDIT_NOTE.length).trim();
  return {
    key: exceptionKey('FBA_SHIPMENT_INVALID', row.shipmentId, row.note.includes(FBA_ROW_DELETED) ? 'row' : editedCellSuffix(row.note, EDITED_CELLS)),
    type: 'FBA_SHIPMENT_INVALID',
    entity: `FBA ${row.shipmentId}`,
    message: `${said.charAt(0).toUpperCase()}${said.slice(1)}`,
    action: 'Nothing to undo: the add-on put back what Amazon and the 3PL show. Edit only Send from 3PL on this tab.',
    typedInput: true,
  };
}

export function fbaExceptions(rows: ReadonlyArray<FbaRow>, now: number, s: FbaRuleSettings, threePlName: string): RaisedException[] {
  const out: RaisedException[] = [];
  for (const row of rows) {
    const id = row.shipmentId;
    if (row.sendTyped !== undefined) {
      out.push(raise('FBA_SHIPMENT_INVALID', row, `The FBA Shipments cell "Send from 3PL" of FBA shipment ${id} holds "${row.sendTyped}", which is not a tick box value: the allowed values are a tick (TRUE) or no tick (FALSE). Nothing is sent to ${threePlName} or cancelled there for it until the cell holds one; your text stays in the cell.`, `Tick Send from 3PL on ${id} to send it from ${threePlName}, or untick it to leave it.`));
    }
    if (row.note.startsWith(FBA_EDIT_NOTE)) out.push(fbaEditInvalid(row));
    if (row.state === 'held' && row.send) {
      out.push(raise('FBA_SHIPMENT_HELD', row, `FBA shipment ${id} is ticked to go from ${threePlName} but nothing was sent: ${row.note}`, 'Fix what the message names; the next run sends it. Untick Send from 3PL if it should not go from the 3PL.'));
    }
    if (row.state === 'unknown') {
      out.push(raise('FBA_SHIPMENT_OUTCOME_UNKNOWN', row, `Whether ${threePlName} holds an order for FBA shipment ${id} could not be decided: ${row.note} The add-on looks it up again each run and never creates a second one.`, `Search ${threePlName} for reference ${id}; the add-on adopts the order once it shows.`));
    }
    if (row.state === 'closed' && row.threePlOrderId) {
      const diffs = itemDifferences(row.items, row.received, s.fbaDiscrepancyToleranceUnits);
      if (diffs.length) {
        const words = diffs.map((d) => `${d.sku}: shipped ${d.shipped}, received ${d.received} (${d.received < d.shipped ? `${d.shipped - d.received} short` : `${d.received - d.shipped} over`})`).join('; ');
        out.push(raise('FBA_SHIPMENT_DISCREPANCY', row, `Amazon closed FBA shipment ${id} with a difference beyond the tolerance of ${s.fbaDiscrepancyToleranceUnits} unit(s) per SKU: ${words}.`, 'Check the box contents with the 3PL; open a case with Amazon (Inventory reconciliation) within its deadline for missing units.'));
      }
    }
    if (row.state === 'shipped' && row.shipped !== null && !AMAZON_ARRIVED.has(row.amazonStatus) && !AMAZON_DEAD.has(row.amazonStatus)) {
      const days = Math.floor((now - row.shipped) / DAY_MS);
      if (now - row.shipped > s.fbaStuckDays * DAY_MS) {
        out.push(raise('FBA_SHIPMENT_STUCK', row, `${threePlName} shipped FBA shipment ${id} ${days} days ago and Amazon has not checked it in (status ${row.amazonStatus || 'unknown'}); the limit is ${s.fbaStuckDays} days.`, 'Chase the carrier with the tracking number; if delivered, open a case with Amazon about the shipment.'));
      }
    }
    // Unticked to stop it, but the 3PL had shipped (or the cancel could not reach it in time): the boxes
    // still go to Amazon, which a Note alone would leave unsaid.
    if (unticked(row) && row.threePlOrderId && (row.state === 'shipped' || row.state === 'receiving')) {
      out.push(raise('FBA_SHIPMENT_SHIPPED_UNTICKED', row, `Send from 3PL was unticked on FBA shipment ${id}, but ${threePlName} had already shipped order ${row.threePlOrderId}${row.tracking.length ? ` (tracking ${row.tracking.join(', ')})` : ''}: it cannot be called back and goes on to ${row.destination || 'Amazon'}. The add-on keeps following it until Amazon receives it.`, `If the shipment should not reach Amazon, contact the carrier now; otherwise tick Send from 3PL again (or set this row to Ignored).`));
    }
    if (row.state === 'amazon-cancelled') {
      out.push(raise('FBA_SHIPMENT_CANCELLED', row, `Amazon ${row.amazonStatus === 'DELETED' ? 'deleted' : 'cancelled'} FBA shipment ${id} after ${threePlName} shipped it: the boxes are on their way to (or at) ${row.destination || 'the fulfilment centre'} under a shipment Amazon no longer expects, so it may refuse them.`, 'Contact Amazon Seller Support about the shipment now, and the carrier to stop the delivery if possible.'));
    }
  }
  return out;
}
