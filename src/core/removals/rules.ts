// The 3PL side of removals as pure rules: what a receipt's counts mean for each row, when a removal
// is overdue, and the exceptions the whole tab shows (worked out from every row each run, so they
// clear themselves once the removal is counted or the row leaves).

import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import { FOLLOWED_STATES, REMOVAL_STATES, type RemovalRow, type RemovalState } from './types';

/** The job's exception types (its scope: it may resolve these when it no longer sees them). */
export const REMOVAL_EXCEPTION_TYPES: ReadonlyArray<RaisedException['type']> = [
  'REMOVAL_UNIDENTIFIED',
  'REMOVAL_OVERDUE',
  'REMOVAL_DISCREPANCY',
  'REMOVAL_RECEIPT_FAILED',
  'REMOVAL_REPORT_INVALID',
];

/** A 3PL receipt as the rules need it: status and, per 3PL SKU, units counted. */
export interface ReceiptView {
  id: string;
  status: 'expected' | 'arrived' | 'receiving' | 'completed' | 'cancelled';
  received: ReadonlyMap<string, number>;
}

/**
 * Applies a receipt to the rows of its removal order. `threePlSkuOf` names each row's 3PL SKU; rows
 * sharing one 3PL SKU share its count, first rows first, so the order's total is never counted twice.
 */
export function applyReceipt(rows: RemovalRow[], receipt: ReceiptView, threePlSkuOf: (r: RemovalRow) => string): void {
  const left = new Map(receipt.received);
  const bySku = new Map<string, RemovalRow[]>();
  for (const r of rows) bySku.set(threePlSkuOf(r), [...(bySku.get(threePlSkuOf(r)) ?? []), r]);
  for (const [sku, group] of bySku) {
    let units = left.get(sku) ?? 0;
    group.forEach((r, i) => {
      r.receipt = receipt.id;
      const last = i === group.length - 1;
      const mine = last ? units : Math.min(units, r.shipped);
      units -= mine;
      const counted = receipt.status === 'completed' || receipt.status === 'receiving';
      r.received = counted || mine > 0 ? mine : r.received;
      r.state = stateFor(receipt.status, mine, r.shipped, r.state);
    });
  }
}

function stateFor(status: ReceiptView['status'], received: number, shipped: number, was: RemovalState): RemovalState {
  switch (status) {
    case 'completed':
      return received === shipped ? 'received' : received < shipped ? 'short' : 'over';
    case 'receiving':
      return 'receiving';
    case 'arrived':
      return 'arrived';
    case 'cancelled':
      // A person cancelled it at the 3PL: nothing is expected any more.
      return 'cancelled';
    default:
      return was === 'overdue' ? 'overdue' : 'expected';
  }
}

/** Expected rows whose last box left Amazon more than `days` ago become overdue (and back, if the setting grows). */
export function markOverdue(rows: RemovalRow[], shippedAt: ReadonlyMap<string, number>, now: number, days: number): void {
  for (const r of rows) {
    if (r.state !== 'expected' && r.state !== 'overdue') continue;
    const at = shippedAt.get(r.orderId);
    if (at === undefined) continue;
    r.state = now - at > days * 86_400_000 ? 'overdue' : 'expected';
  }
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Exceptions the rows show now; `notes` holds the 3PL's words for a removal it refused or left undecided. */
export function removalExceptions(rows: readonly RemovalRow[], ctx: { shippedAt: ReadonlyMap<string, number>; notes: ReadonlyMap<string, string>; threePlName: string; overdueDays: number }): RaisedException[] {
  const out: RaisedException[] = [];
  const failedOrders = new Set<string>();
  for (const r of rows) {
    const entity = `Removal ${r.orderId}`;
    if (r.state === 'overdue' && !out.some((e) => e.key === `REMOVAL_OVERDUE:${r.orderId}`)) {
      const at = ctx.shippedAt.get(r.orderId);
      out.push({
        key: `REMOVAL_OVERDUE:${r.orderId}`,
        type: 'REMOVAL_OVERDUE',
        entity,
        message: `Amazon shipped removal ${r.orderId} (${r.carrier || 'carrier not given'}, tracking ${r.tracking.join(', ') || 'none'})${at ? ` on ${dayText(at)}` : ''}, more than ${ctx.overdueDays} days ago, and ${ctx.threePlName} has not had it arrive (receipt ${r.receipt}). The boxes may be lost or delivered somewhere else: ask the carrier with the tracking number, and open a case with Amazon if they are lost.`,
      });
    }
    if (r.state === 'short' || r.state === 'over') {
      const diff = (r.received ?? 0) - r.shipped;
      out.push({
        key: `REMOVAL_DISCREPANCY:${r.orderId}:${r.sku}`,
        type: 'REMOVAL_DISCREPANCY',
        entity: `${entity} ${r.sku}`,
        message: `${ctx.threePlName} counted ${r.received ?? 0} of ${r.sku} in receipt ${r.receipt} for removal ${r.orderId}, but Amazon shipped ${r.shipped}: ${Math.abs(diff)} ${diff < 0 ? 'missing' : 'more than shipped'}.`,
        action: diff < 0 ? 'Ask the 3PL to recount; if units are missing, open a case with Amazon for the removal shipment.' : 'Ask the 3PL to recount; extra units may belong to another removal or receipt.',
      });
    }
    if ((r.state === 'held' || r.state === 'rejected' || r.state === 'outcome unknown') && !failedOrders.has(r.orderId)) {
      failedOrders.add(r.orderId);
      const why = ctx.notes.get(r.orderId) ?? '';
      const what =
        r.state === 'outcome unknown'
          ? `It is not known whether ${ctx.threePlName} made the receipt for removal ${r.orderId}: ${why} The next run looks it up and adopts it, or creates it once.`
          : r.state === 'held'
            ? `Removal ${r.orderId} is on its way to ${ctx.threePlName} but no receipt was made: ${why}`
            : `${ctx.threePlName} refused the receipt for removal ${r.orderId}: ${why} The next run tries again.`;
      out.push({ key: `REMOVAL_RECEIPT_FAILED:${r.orderId}`, type: 'REMOVAL_RECEIPT_FAILED', entity, message: `${what} Without a receipt the warehouse may not recognise the boxes (tracking ${r.tracking.join(', ') || 'none'}).` });
    }
  }
  return out;
}

/** The Removals rows still waiting for the 3PL: their receipt is followed every run. */
export function followed(rows: readonly RemovalRow[]): RemovalRow[] {
  return rows.filter((r) => r.receipt && FOLLOWED_STATES.has(r.state));
}

/**
 * A State cell someone typed that the add-on did not use (read from the row's other cells instead and
 * written back). CELL_INVALID is outside the job's scope, so it stays open until a person resolves it:
 * the cell no longer shows what was typed.
 */
export function stateEditInvalid(r: RemovalRow, threePlName: string): RaisedException {
  const edit = r.stateEdit!;
  return {
    key: exceptionKey('CELL_INVALID', 'Removals', `${r.orderId} ${r.sku}`, 'State'),
    type: 'CELL_INVALID',
    entity: `Removals ${r.orderId} ${r.sku}, State`,
    message:
      `The Removals tab's State cell of removal ${r.orderId} (${r.sku}) was changed to "${edit.typed}", but ${edit.why}. ` +
      `It was put back to "${r.state}" (${edit.why.startsWith('the add-on last wrote') ? 'what the add-on wrote' : 'what its other cells show'}) and worked on so: ${r.state === 'expected' ? `its receipt ${r.receipt} is read back from ${threePlName}` : r.state === 'outcome unknown' ? `it is looked up at ${threePlName} and its receipt made once if there is none` : "it waits for Amazon's next removal reports"}. ` +
      `The add-on writes every cell of this tab and no typed value is used there; State shows one of ${REMOVAL_STATE_LIST}.`,
    action: 'Nothing to undo: the add-on put the State back. Change a removal in Seller Central, or its receipt at the 3PL; then resolve this row.',
    typedInput: true,
  };
}

/**
 * The 3PL Receipt of a removal's row is the 3PL's receipt for another removal (`reference`): its
 * Removal Order ID or its 3PL Receipt was typed over. Open until a person resolves it, as above.
 */
export function receiptMismatch(r: RemovalRow, reference: string, threePlName: string): RaisedException {
  return {
    key: exceptionKey('CELL_INVALID', 'Removals', `${r.orderId} ${r.sku}`, 'Removal Order ID'),
    type: 'CELL_INVALID',
    entity: `Removals ${r.orderId} ${r.sku}, Removal Order ID`,
    message:
      `The Removals tab's Removal Order ID "${r.orderId}" and 3PL Receipt "${r.receipt}" of one row disagree: ${threePlName}'s receipt ${r.receipt} is for removal ${reference}, so one of the two cells was typed over. ` +
      `Its counts are not read back for this row until they agree (they would be taken as this removal's). The add-on writes every cell of this tab and no typed value is used there.`,
    action: `Put back the cell that was typed over (Edit → Undo, or File → Version history shows it); then resolve this row.`,
    typedInput: true,
  };
}

/** A 3PL Receipt typed over with an id the 3PL holds for no receipt of this removal: the 3PL's own (`r.receipt`) was put back. Open until a person resolves it, as above. */
export function receiptPutBack(r: RemovalRow, typed: string, threePlName: string): RaisedException {
  return {
    key: exceptionKey('CELL_INVALID', 'Removals', `${r.orderId} ${r.sku}`, '3PL Receipt'),
    type: 'CELL_INVALID',
    entity: `Removals ${r.orderId} ${r.sku}, 3PL Receipt`,
    message:
      `The Removals tab's 3PL Receipt cell of removal ${r.orderId} (${r.sku}) was changed to "${typed}", but ${threePlName} holds no receipt ${typed} for this removal: its own receipt ${r.receipt}, found by the removal's reference, was put back and read. ` +
      'The add-on writes every cell of this tab and no typed value is used there.',
    action: 'Nothing to undo: the add-on put the receipt back. Change a receipt at the 3PL; then resolve this row.',
    typedInput: true,
  };
}

/** Shipped or Expected typed over (RemovalRow.unitsEdit): open until a person resolves it, as above. */
export function unitsEditInvalid(r: RemovalRow, threePlName: string, putBack: boolean): RaisedException {
  return {
    key: exceptionKey('CELL_INVALID', 'Removals', `${r.orderId} ${r.sku}`, 'Shipped'),
    type: 'CELL_INVALID',
    entity: `Removals ${r.orderId} ${r.sku}, Shipped`,
    message:
      `The Removals tab's Shipped / Expected cells of removal ${r.orderId} (${r.sku}) were changed: ${r.unitsEdit}. ` +
      `Shipped is what the receipt at ${threePlName} expects and what its count is checked against, so ${putBack ? "Amazon's removal reports, read this run, put both back and only their units were used" : "nothing is made or read back for this removal until Amazon's next removal reports (within the hour) give its units and the add-on writes them back"}. ` +
      'The add-on writes every cell of this tab and no typed value is used there; Shipped and Expected hold the same whole number of units.',
    action: 'Nothing to undo: the next removals run puts the cells back from Amazon. Change a removal in Seller Central; then resolve this row.',
    typedInput: true,
  };
}

const REMOVAL_STATE_LIST = REMOVAL_STATES.map((s) => `"${s}"`).join(', ');
