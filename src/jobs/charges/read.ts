// Reading the 3PL's invoices and their transactions, each once: invoices are listed from the cursor
// (less an overlap), those already in the tab (or read empty) are skipped, and each new invoice's
// transactions are read whole before any of them is kept, so a run cut by the time limit never
// leaves half an invoice behind; the next run reads that invoice again from its first page.

import { chargeType, referenceKind } from '../../core/charges/classify';
import type { ChargeRow } from '../../core/charges/types';
import { TABS, headersOf } from '../../core/tabs';
import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import type { Charge, Invoice, ThreePlAdapter } from '../../threepl/types';
import { OVERLAP_DAYS, firstRunFrom, shiftDay, type ChargesCursor } from './state';

/** Transaction IDs the add-on gave a transaction the 3PL sent without one: "no id 9001-1". */
export const NO_ID_PREFIX = 'no id ';
const AMOUNT = headersOf(TABS.charges).amount;

export interface ChargesRead {
  rows: ChargeRow[];
  /** Charge date of each new row, by transaction id (YYYY-MM-DD): where to look for its order. */
  chargeDates: Map<string, string>;
  invoicesRead: number;
  /** Transactions already in the tab that an invoice listed again (never imported twice). */
  repeated: number;
  /** New transactions the 3PL sent without an id (kept under NO_ID_PREFIX ids). */
  unnamed: number;
  cursor: ChargesCursor;
  /** The run's time ran out, or the 3PL failed, before every invoice was read. */
  cut: boolean;
  /** Why reading stopped when the 3PL failed (a retryable error: the next run reads on from there). */
  failed?: string;
}

function byDateThenId(a: Invoice, b: Invoice): number {
  if (a.invoiceDate !== b.invoiceDate) return a.invoiceDate < b.invoiceDate ? -1 : 1;
  return Number(a.invoiceId) - Number(b.invoiceId) || (a.invoiceId < b.invoiceId ? -1 : 1);
}

/** The invoices listed from the cursor (less the overlap; the first run: from the start of last month), oldest first. */
export function listInvoicesSince(threePl: ThreePlAdapter, stored: ChargesCursor | null, now: number): Invoice[] {
  const today = new Date(now).toISOString().slice(0, 10);
  const from = stored?.from ?? firstRunFrom(now);
  const listFrom = stored ? shiftDay(from, -OVERLAP_DAYS) : from;
  return threePl.listInvoices({ from: listFrom, to: today }).sort(byDateThenId);
}

/** Invoices of the list the cursor does not know as read (the tab may still hold them). */
export function unreadInvoices(invoices: readonly Invoice[], stored: ChargesCursor | null): Invoice[] {
  const known = new Set([...(stored?.empty ?? []), ...(stored?.read ?? [])].map(([id]) => id));
  return invoices.filter((i) => !known.has(i.invoiceId));
}

/** New rows from every listed invoice not read yet; `known` holds the tab's transaction and invoice ids. */
export function readNewCharges(
  invoices: readonly Invoice[],
  read: (invoiceId: string) => Charge[],
  known: { transactions: ReadonlySet<string>; invoices: ReadonlySet<string> },
  stored: ChargesCursor | null,
  now: number,
): ChargesRead {
  const from = stored?.from ?? firstRunFrom(now);
  const emptyIds = new Set((stored?.empty ?? []).map(([id]) => id));
  const seen = new Set(known.transactions);
  const rows: ChargeRow[] = [];
  const chargeDates = new Map<string, string>();
  const empty: Array<[string, string]> = [...(stored?.empty ?? [])];
  const done: Array<[string, string]> = [...(stored?.read ?? [])];
  let latest = from;
  let invoicesRead = 0;
  let repeated = 0;
  let unnamedRows = 0;
  let cut = false;
  let failed: string | undefined;
  for (const inv of invoices) {
    if (known.invoices.has(inv.invoiceId) || emptyIds.has(inv.invoiceId)) {
      if (!done.some(([id]) => id === inv.invoiceId)) done.push([inv.invoiceId, inv.invoiceDate]);
      if (inv.invoiceDate > latest) latest = inv.invoiceDate;
      continue;
    }
    let charges: Charge[];
    try {
      charges = read(inv.invoiceId);
    } catch (e) {
      if (e instanceof DeadlineExceeded) {
        cut = true;
        break;
      }
      // A 3PL fault a later run may get past (a 5xx, a body cut short): the invoices read whole so far
      // are kept, so a flaky 3PL still gets through an invoice list run by run instead of never.
      if (e instanceof RemoteError && e.retryable) {
        cut = true;
        failed = e.message;
        break;
      }
      throw e;
    }
    invoicesRead++;
    if (charges.length === 0) empty.push([inv.invoiceId, inv.invoiceDate]);
    else done.push([inv.invoiceId, inv.invoiceDate]);
    let unnamed = 0;
    for (const c of charges) {
      // A transaction the 3PL sent without its id still costs money: it is kept under an id made of
      // its invoice and its place among the invoice's id-less ones (the same when the invoice is read
      // again), never dropped as "already imported".
      const transactionId = c.chargeId || `${NO_ID_PREFIX}${inv.invoiceId}-${++unnamed}`;
      if (seen.has(transactionId)) {
        repeated++;
        continue;
      }
      seen.add(transactionId);
      if (!c.chargeId) unnamedRows++;
      chargeDates.set(transactionId, (c.chargeDate || inv.invoiceDate).slice(0, 10));
      rows.push({
        invoiceId: inv.invoiceId,
        invoiceDate: (c.invoiceDate || inv.invoiceDate).slice(0, 10),
        transactionId,
        type: chargeType({ feeType: c.feeType, invoiceType: c.invoiceType ?? inv.invoiceType, referenceType: c.referenceType }),
        // Without an amount the cell is left empty and named (CELL_INVALID), never 0.00.
        amount: c.amount === null ? 0 : Math.round(c.amount * 100) / 100,
        ...(c.amount === null ? { typed: [{ column: AMOUNT, value: '', problem: `${AMOUNT} is empty: the 3PL sent this transaction without an amount` }] } : {}),
        currency: c.currency || inv.currency,
        refKind: referenceKind(c.referenceType),
        refId: c.referenceId,
        fee: c.feeType,
        kind: c.chargeKind,
        orderRef: '',
        matchedTo: '',
        state: 'unmatched',
        note: '',
      });
    }
    if (inv.invoiceDate > latest) latest = inv.invoiceDate;
  }
  // A cut run keeps the cursor where it was: the invoices after the cut are listed again next run.
  const next = cut ? from : latest;
  const keepFrom = shiftDay(next, -OVERLAP_DAYS);
  const inside = (pairs: Array<[string, string]>) => pairs.filter(([, d]) => d >= keepFrom);
  return { rows, chargeDates, invoicesRead, repeated, unnamed: unnamedRows, cursor: { from: next, empty: inside(empty), read: inside(done), matchedAt: stored?.matchedAt ?? 0 }, cut, ...(failed ? { failed } : {}) };
}
