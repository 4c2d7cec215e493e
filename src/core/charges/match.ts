// Matching each 3PL charge to the work it pays for (issue 16): a shipment to its Amazon order
// (Orders tab) or FBA shipment (FBA Shipments tab), a receiving order or return to its removal
// (Removals tab). Worked out from the whole tab on every run, so a charge matches as soon as its
// ledger row exists, and its exception resolves by itself. Raises CHARGE_UNMATCHED (a charge no
// ledger knows; a charge for an order Amazon cancelled) and CHARGE_DUPLICATE (a shipment charged
// twice for the same fee, not offset by a credit or refund).

import type { RaisedException } from '../exceptions';
import { TABS, headersOf } from '../tabs';
import type { ChargeLedgers, ChargeRow, ChargeState } from './types';

export const CHARGE_EXCEPTION_TYPES = ['CHARGE_UNMATCHED', 'CHARGE_DUPLICATE'] as const;

const money = (amount: number, currency: string) => `${currency || '(no currency)'} ${amount.toFixed(2)}`;

/** "shipment 200001" / "shipment 200001 (3PL order ref 202-…)" as the Reference column shows it. */
export function referenceText(r: Pick<ChargeRow, 'refKind' | 'refId' | 'orderRef'>): string {
  if (!r.refId) return r.refKind === 'other' ? '' : r.refKind;
  return r.orderRef ? `${r.refKind} ${r.refId} (3PL order ref ${r.orderRef})` : `${r.refKind} ${r.refId}`;
}

/** The Type and Amount as the row shows them, a cell typed over as typed. */
function shown(r: ChargeRow, column: 'Type' | 'Amount', value: string): string {
  const t = r.typed?.find((c) => c.column === column);
  return t ? `"${String(t.value ?? '')}"` : value;
}

function describe(r: ChargeRow): string {
  return `${shown(r, 'Type', r.type)} charge ${shown(r, 'Amount', money(r.amount, r.currency))} on invoice ${r.invoiceId || '(no invoice)'} (${r.invoiceDate}) for ${referenceText(r) || 'no reference'}`;
}

interface Verdict {
  state: ChargeState;
  matchedTo: string;
  note: string;
}

function shipmentVerdict(r: ChargeRow, l: ChargeLedgers): Verdict {
  const ref = r.orderRef;
  const order = ref ? l.orders.get(ref) : undefined;
  if (ref && order) {
    if (order.cancelled) return { state: 'cancelled order', matchedTo: ref, note: `Amazon cancelled order ${ref}, yet the 3PL charged for it` };
    return { state: 'matched', matchedTo: ref, note: 'Amazon order' };
  }
  if (ref && l.fbaShipments.has(ref)) return { state: 'matched', matchedTo: ref, note: 'FBA shipment' };
  if (!ref) return { state: 'unmatched', matchedTo: '', note: `the 3PL did not say which order ${r.refKind} ${r.refId} belongs to` };
  const where = l.has.fbaShipments ? 'the Orders tab nor the FBA Shipments tab' : 'the Orders tab (no FBA Shipments tab in this spreadsheet)';
  return { state: 'unmatched', matchedTo: '', note: `neither ${where} holds ${ref}` };
}

function receiptVerdict(r: ChargeRow, l: ChargeLedgers): Verdict {
  const removal = l.removalsByReceipt.get(r.refId) ?? (r.orderRef && l.removals.has(r.orderRef) ? r.orderRef : undefined);
  if (removal) return { state: 'matched', matchedTo: removal, note: 'removal order' };
  const tab = l.has.removals ? 'the Removals tab' : 'a Removals tab (none in this spreadsheet)';
  // Stock of the seller's own coming in is paid for by a receiving order, not tied to Amazon.
  if (r.refKind === 'receiving order') return { state: 'receipt', matchedTo: '', note: `not an Amazon removal ${tab} knows: your own stock coming in` };
  return { state: 'unmatched', matchedTo: '', note: `no removal in ${tab} has this ${r.refKind}` };
}

function verdictOf(r: ChargeRow, l: ChargeLedgers): Verdict {
  switch (r.refKind) {
    case 'shipment':
    case 'order':
      return shipmentVerdict(r, l);
    case 'receiving order':
    case 'return':
      return receiptVerdict(r, l);
    default:
      return { state: 'account', matchedTo: '', note: r.refKind === 'warehouse' ? 'storage of the whole account' : 'a fee of the whole account' };
  }
}

const isCharge = (r: ChargeRow) => r.kind === 'charge' && r.amount > 0;

const REFERENCE = headersOf(TABS.charges).reference;

/** True when the row's Reference could not be read (typed over, core/charges/record.ts): what it pays for is unknown, so its match stays as the tab shows it. */
export function referenceUnread(r: Pick<ChargeRow, 'typed'>): boolean {
  return (r.typed ?? []).some((t) => t.column === REFERENCE);
}

/** Per shipment and fee: the charges beyond the first that no credit or refund offsets. */
function duplicates(rows: ReadonlyArray<ChargeRow>): Map<string, { extra: ChargeRow[]; all: ChargeRow[] }> {
  const groups = new Map<string, { charges: ChargeRow[]; offsets: number }>();
  for (const r of rows) {
    if (r.refKind !== 'shipment' || !r.refId || referenceUnread(r)) continue;
    const key = `${r.refId}:${r.fee.trim().toLowerCase()}`;
    const g = groups.get(key) ?? { charges: [], offsets: 0 };
    if (isCharge(r)) g.charges.push(r);
    else if (r.amount < 0) g.offsets++;
    groups.set(key, g);
  }
  const out = new Map<string, { extra: ChargeRow[]; all: ChargeRow[] }>();
  for (const [key, g] of groups) {
    const over = g.charges.length - 1 - g.offsets;
    if (over <= 0) continue;
    const ordered = [...g.charges].sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.transactionId < b.transactionId ? -1 : 1));
    out.set(key, { extra: ordered.slice(ordered.length - over), all: ordered });
  }
  return out;
}

export function stateText(r: Pick<ChargeRow, 'state' | 'note'>): string {
  return r.note ? `${r.state}: ${r.note}` : r.state;
}

/** Every row with its Matched To and State worked out again, and the problems the tab shows now. */
export function matchCharges(rows: ReadonlyArray<ChargeRow>, ledgers: ChargeLedgers): { rows: ChargeRow[]; raised: RaisedException[] } {
  const raised: RaisedException[] = [];
  const dups = duplicates(rows);
  const extra = new Set<string>();
  for (const d of dups.values()) for (const r of d.extra) extra.add(r.transactionId);
  const out = rows.map((r) => {
    // Matched To and State stay as the tab shows them: nothing is known to match the row again.
    if (referenceUnread(r)) return r;
    const v = verdictOf(r, ledgers);
    const next: ChargeRow = { ...r, ...v };
    if (extra.has(r.transactionId)) {
      next.state = 'duplicate';
      next.note = `${r.refKind} ${r.refId} was already charged ${r.fee || 'this fee'}`;
    }
    if (isCharge(r) && (v.state === 'unmatched' || v.state === 'cancelled order')) {
      const why = v.state === 'cancelled order' ? `Amazon cancelled order ${v.matchedTo}, yet the 3PL charged for it` : `it is not matched: ${v.note}`;
      raised.push({
        key: `CHARGE_UNMATCHED:${r.transactionId}`,
        type: 'CHARGE_UNMATCHED',
        entity: `3PL charge ${r.transactionId}`,
        message: `The ${describe(r)}: ${why}. Finance cannot tie this money to Amazon work until it is explained.`,
        action: v.state === 'cancelled order' ? 'Ask the 3PL why it charged for a cancelled order, and for a credit if it did not ship.' : undefined,
      });
    }
    return next;
  });
  for (const [key, d] of dups) {
    const first = d.all[0]!;
    const order = first.orderRef ? ` (order ${first.orderRef})` : '';
    const amounts = d.all.map((r) => `${money(r.amount, r.currency)} on invoice ${r.invoiceId || '(no invoice)'}`).join(', ');
    raised.push({
      key: `CHARGE_DUPLICATE:shipment:${key}`,
      type: 'CHARGE_DUPLICATE',
      entity: `3PL shipment ${first.refId}`,
      message: `Shipment ${first.refId}${order} was charged ${d.all.length} times for "${first.fee}": ${amounts}. Only one is due; ${d.extra.length === 1 ? 'the last one is' : `the last ${d.extra.length} are`} marked duplicate in the 3PL Charges tab.`,
    });
  }
  return { rows: out, raised };
}
