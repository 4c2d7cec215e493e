// 3PL Charges tab records ↔ charge rows, by header name (TABS.charges). The Reference cell carries
// what matching needs again on every run — the 3PL reference, the 3PL order's own reference once the
// 3PL said it, and the fee name — as "shipment 200001 · order 202-… · fee Shipping", so nothing
// about a charge lives outside the tab.

import { cellText } from '../cells';
import { TABS, headersOf } from '../tabs';
import { stateText } from './match';
import { CHARGE_TYPES, type ChargeRow, type ChargeState, type ChargeType, type ReferenceKind } from './types';

const H = headersOf(TABS.charges);
const KINDS: readonly ReferenceKind[] = ['receiving order', 'shipment', 'order', 'return', 'warehouse', 'other'];
const STATES: readonly ChargeState[] = ['matched', 'unmatched', 'cancelled order', 'duplicate', 'receipt', 'account'];
const SEP = ' · ';

export function referenceCell(r: Pick<ChargeRow, 'refKind' | 'refId' | 'orderRef' | 'fee'>): string {
  const parts = [r.refId ? `${r.refKind} ${r.refId}` : r.refKind];
  if (r.orderRef) parts.push(`order ${r.orderRef}`);
  if (r.fee) parts.push(`fee ${r.fee}`);
  return parts.join(SEP);
}

function parseReference(text: string): Pick<ChargeRow, 'refKind' | 'refId' | 'orderRef' | 'fee'> {
  const [head = '', ...rest] = text.split(SEP);
  const kind = KINDS.find((k) => head === k || head.startsWith(`${k} `)) ?? 'other';
  const refId = head.startsWith(`${kind} `) ? head.slice(kind.length + 1).trim() : '';
  const part = (p: string) => rest.find((x) => x.startsWith(`${p} `))?.slice(p.length + 1).trim() ?? '';
  return { refKind: kind, refId, orderRef: part('order'), fee: part('fee') };
}

export function chargeToRecord(r: ChargeRow): Record<string, unknown> {
  return {
    [H.invoice]: r.invoiceId,
    [H.invoiceDate]: r.invoiceDate,
    [H.transactionId]: r.transactionId,
    [H.type]: r.type,
    [H.amount]: r.amount,
    [H.currency]: r.currency,
    [H.reference]: referenceCell(r),
    [H.matchedTo]: r.matchedTo,
    [H.state]: stateText(r),
  };
}

/** A row read back; credits and refunds are told apart from charges by their sign. */
export function chargeFromRecord(rec: Readonly<Record<string, unknown>>): ChargeRow | null {
  const transactionId = cellText(rec[H.transactionId]);
  if (!transactionId) return null;
  const typed = cellText(rec[H.type]).toLowerCase();
  const amount = Number(rec[H.amount]);
  const stateCell = cellText(rec[H.state]);
  const state = STATES.find((s) => stateCell === s || stateCell.startsWith(`${s}:`)) ?? 'unmatched';
  const invoiceDate = rec[H.invoiceDate] instanceof Date ? (rec[H.invoiceDate] as Date).toISOString().slice(0, 10) : cellText(rec[H.invoiceDate]);
  return {
    invoiceId: cellText(rec[H.invoice]),
    invoiceDate,
    transactionId,
    type: (CHARGE_TYPES as readonly string[]).includes(typed) ? (typed as ChargeType) : 'other',
    amount: Number.isFinite(amount) ? amount : 0,
    currency: cellText(rec[H.currency]),
    ...parseReference(cellText(rec[H.reference])),
    kind: Number.isFinite(amount) && amount < 0 ? 'credit' : 'charge',
    matchedTo: cellText(rec[H.matchedTo]),
    state,
    note: stateCell.startsWith(`${state}: `) ? stateCell.slice(state.length + 2) : '',
  };
}

