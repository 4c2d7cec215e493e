// 3PL Charges tab records ↔ charge rows, by header name (TABS.charges). The Reference cell carries
// what matching needs again on every run — the 3PL reference, the 3PL order's own reference once the
// 3PL said it, and the fee name — as "shipment 200001 · order 202-… · fee Shipping", so nothing
// about a charge lives outside the tab. A Type or Amount people typed over that cannot be read is
// kept as typed (ChargeRow.typed) and named (chargeCellProblems), never read as other or 0; so is a
// Currency that is no three-letter code (totals are kept per currency: "gbp", "Pounds" or an empty
// cell would each start a currency of their own on the Dashboard).

import { cellText, parseMoney } from '../cells';
import { CURRENCY_ALLOWED, MONEY_ALLOWED } from '../typed-cells';
import type { CellProblem, TypedCell } from '../typed-cells';
import { TAB, TABS, headersOf } from '../tabs';
import { stateText } from './match';
import { CHARGE_TYPES, type ChargeRow, type ChargeState, type ReferenceKind } from './types';

const H = headersOf(TABS.charges);
const KINDS: readonly ReferenceKind[] = ['receiving order', 'shipment', 'order', 'return', 'warehouse', 'other'];
const STATES: readonly ChargeState[] = ['matched', 'unmatched', 'cancelled order', 'duplicate', 'receipt', 'account'];
const SEP = ' · ';
/** ISO 4217 alphabetic codes, as the 3PL bills (ShipBob invoice `currency_code`); typed in any case. */
const CURRENCY = /^[A-Za-z]{3}$/;
/** An invoice date as the add-on writes it (the 3PL's invoice day). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function referenceCell(r: Pick<ChargeRow, 'refKind' | 'refId' | 'orderRef' | 'fee'>): string {
  const parts = [r.refId ? `${r.refKind} ${r.refId}` : r.refKind];
  if (r.orderRef) parts.push(`order ${r.orderRef}`);
  if (r.fee) parts.push(`fee ${r.fee}`);
  return parts.join(SEP);
}

/**
 * The Reference cell as the add-on writes it; null when it is not (typed over, emptied): read as
 * "other", a shipment's charge would silently become an account fee and drop out of matching and of
 * the duplicate check.
 */
function parseReference(text: string): Pick<ChargeRow, 'refKind' | 'refId' | 'orderRef' | 'fee'> | null {
  const [head = '', ...rest] = text.split(SEP);
  const kind = KINDS.find((k) => head === k || head.startsWith(`${k} `));
  if (!kind || !rest.every((x) => x.startsWith('order ') || x.startsWith('fee '))) return null;
  const refId = head.startsWith(`${kind} `) ? head.slice(kind.length + 1).trim() : '';
  const part = (p: string) => rest.find((x) => x.startsWith(`${p} `))?.slice(p.length + 1).trim() ?? '';
  return { refKind: kind, refId, orderRef: part('order'), fee: part('fee') };
}

export function chargeToRecord(r: ChargeRow): Record<string, unknown> {
  const rec: Record<string, unknown> = {
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
  for (const t of r.typed ?? []) rec[t.column] = t.value;
  return rec;
}

/** The calendar day of a moment in UTC: right only where the spreadsheet's zone is UTC. */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A row read back; credits and refunds are told apart from charges by their sign. `dayOf` gives the
 * day a date cell shows (the spreadsheet's time zone): a date Sheets holds is the start of its day
 * there, which in UTC is the day before east of UTC.
 */
export function chargeFromRecord(rec: Readonly<Record<string, unknown>>, dayOf: (ms: number) => string = utcDay): ChargeRow | null {
  const transactionId = cellText(rec[H.transactionId]);
  if (!transactionId) return null;
  const typed: TypedCell[] = [];
  const typeText = cellText(rec[H.type]).toLowerCase();
  const type = CHARGE_TYPES.find((t) => t === typeText);
  if (!type) typed.push({ column: H.type, value: rec[H.type], problem: typeText ? `${H.type} holds "${cellText(rec[H.type])}", not a Type the add-on knows` : `${H.type} is empty` });
  const money = parseMoney(rec[H.amount], H.amount);
  const cents = money.ok ? money.value : null;
  if (cents === null) typed.push({ column: H.amount, value: rec[H.amount], problem: money.ok ? `${H.amount} is empty` : money.problem });
  const amount = cents === null ? 0 : cents / 100;
  const currencyText = cellText(rec[H.currency]);
  const currencyOk = CURRENCY.test(currencyText);
  if (!currencyOk) typed.push({ column: H.currency, value: rec[H.currency], problem: currencyText ? `${H.currency} holds "${currencyText}", not a currency code` : `${H.currency} is empty` });
  const referenceText = cellText(rec[H.reference]);
  const reference = parseReference(referenceText);
  if (!reference) typed.push({ column: H.reference, value: rec[H.reference], problem: referenceText ? `${H.reference} holds "${referenceText}", not a reference the add-on wrote` : `${H.reference} is empty` });
  const stateCell = cellText(rec[H.state]);
  const stateRead = STATES.find((s) => stateCell === s || stateCell.startsWith(`${s}:`));
  // Words typed over a State (a note such as "paid") would vanish under the next write: kept and named.
  if (!stateRead && stateCell) typed.push({ column: H.state, value: rec[H.state], problem: `${H.state} holds "${stateCell}", not a state the add-on writes` });
  const state = stateRead ?? 'unmatched';
  const dated = rec[H.invoiceDate];
  const invoiceDate = dated instanceof Date && !Number.isNaN(dated.getTime()) ? dayOf(dated.getTime()) : cellText(dated);
  // The invoice a charge was billed on: emptied, finance cannot find the charge on the 3PL's invoice
  // (nor the add-on tell the invoice was read). The charge still counts: its money is the row's.
  if (!cellText(rec[H.invoice])) typed.push({ column: H.invoice, value: rec[H.invoice], problem: `${H.invoice} is empty` });
  // The month a charge is totalled in on the Dashboard: words there would drop it from every month.
  if (invoiceDate && !DAY.test(invoiceDate)) typed.push({ column: H.invoiceDate, value: rec[H.invoiceDate], problem: `${H.invoiceDate} holds "${invoiceDate}", not a date` });
  return {
    invoiceId: cellText(rec[H.invoice]),
    invoiceDate,
    transactionId,
    type: type ?? 'other',
    amount,
    // A code typed in lower case is the same currency: written back in capitals, totalled with it.
    currency: currencyOk ? currencyText.toUpperCase() : currencyText,
    ...(reference ?? { refKind: 'other', refId: '', orderRef: '', fee: '' }),
    kind: amount < 0 ? 'credit' : 'charge',
    matchedTo: cellText(rec[H.matchedTo]),
    state,
    note: stateCell.startsWith(`${state}: `) ? stateCell.slice(state.length + 2) : '',
    ...(typed.length ? { typed } : {}),
  };
}

/** True when the row's Amount could not be read: its `amount` is not its own. */
export function amountUnread(r: Pick<ChargeRow, 'typed'>): boolean {
  return (r.typed ?? []).some((t) => t.column === H.amount);
}

/** One problem per cell typed over, for `rows` as the tab holds them (in order from row 2). */
export function chargeCellProblems(rows: ReadonlyArray<ChargeRow>): CellProblem[] {
  return rows.flatMap((r, i) =>
    (r.typed ?? []).map((t) => ({
      ...t,
      tab: TAB.charges,
      rowId: `transaction ${r.transactionId}`,
      sheetRow: i + 2,
      address: '',
      allowed:
        t.column === H.type
          ? `one of ${CHARGE_TYPES.join(', ')}`
          : t.column === H.currency
            ? CURRENCY_ALLOWED
            : t.column === H.invoiceDate
              ? 'a date such as 2026-11-02 (the invoice\'s date at the 3PL)'
            : t.column === H.invoice
              ? `the 3PL's invoice id the charge was billed on back (Edit → Undo, or File → Version history shows it)`
            : t.column === H.state
              ? `one of ${STATES.join(', ')}, or empty it (the add-on writes the State each run and puts the right one back); notes go in a column of your own`
              : t.column === H.reference
              ? `the reference the add-on wrote, such as "shipment 200001 · order 202-1234567-1234567 · fee Shipping" (Edit → Undo, or File → Version history shows it); notes go in a column of your own`
              : `${MONEY_ALLOWED} (credits and refunds negative)`,
      meanwhile:
        t.column === H.reference
          ? `The cell is kept as typed; the row's Matched To and State stay as they were, and no duplicate charge is cleared, until it is fixed.`
          : t.column === H.invoiceDate
            ? `The cell is kept as typed, and this charge is in no month of the Dashboard's 3PL charges until it is fixed.`
          : t.column === H.invoice || t.column === H.state
            ? `The cell is kept as typed; the charge still counts in the Dashboard's 3PL charges and its matching.`
          : `The cell is kept as typed, and this charge is left out of the Dashboard's 3PL charges${t.column === H.amount ? ' and of the duplicate check' : ''} until it is fixed.`,
    })),
  );
}
