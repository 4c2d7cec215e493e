// The 3PL charges job (issue 16; docs/design.md §3 "3PL charges"): every invoice the 3PL issues is
// read once, its transactions land in the 3PL Charges tab once each (keyed by transaction id, so a
// re-read invoice or a lost cursor imports nothing twice), each charge is matched to the ledger
// (Orders, FBA Shipments, Removals), the exceptions are worked out from the whole tab, and the
// Dashboard's monthly summary is brought up to date.
//
// Order of steps and what a cut does: invoices are read whole or not at all (read.ts); the tab is
// written before the cursor moves, so a run cut after the write re-lists those invoices and finds
// them in the tab; a cut during the order lookup leaves those charges unmatched until a later run.

import { CHARGE_EXCEPTION_TYPES, matchCharges, referenceUnread } from '../../core/charges/match';
import { amountUnread, chargeCellProblems } from '../../core/charges/record';
import { CHARGES_SUMMARY_KEY, summariseCharges } from '../../core/charges/summary';
import type { ChargeRow } from '../../core/charges/types';
import type { RaisedException } from '../../core/exceptions';
import { exceptionKey } from '../../core/exceptions';
import { TAB, TABS, headersOf } from '../../core/tabs';
import { cellException, cellKeyPrefix, type CellProblem } from '../../core/typed-cells';
import { receivingRef, shipmentIdRef, withThreePlRefs } from '../../threepl/page-refs';
import type { ProviderId } from '../../threepl/types';
import type { ThreePlRef } from '../../core/web-links';
import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import { chargeLedgers, chargesTab } from '../../sheet/charges-tab';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { dayShown } from '../kit/sheet-zone';
import { listInvoicesSince, NO_ID_PREFIX, readNewCharges, unreadInvoices } from './read';
import { resolveShipments } from './resolve';
import { loadCursor, saveCursor, shiftDay } from './state';
import { firstFew } from '../../core/words';

const PROVIDER_NAMES: Record<string, string> = { shipbob: 'ShipBob', mintsoft: 'Mintsoft', extensiv: 'Extensiv' };

/**
 * With no new invoice, the charges are matched against the ledgers again at most this often (an order
 * cancelled or a removal added meanwhile is seen within the hour).
 */
const REMATCH_MS = 60 * 60_000;
/** Rows whose invoice is older than this many months leave the tab (9 cells each; 10 million per spreadsheet). */
export const CHARGES_KEPT_MONTHS = 13;
/**
 * A shipment charge the 3PL has not tied to an order yet is looked up again, on each run that reads
 * the tab (a new invoice, or the hourly rematch), for this many days after its invoice.
 */
const RETRY_DAYS = 7;

/**
 * A charge's problem links to what it pays for at the 3PL: the shipment (CHARGE_UNMATCHED of a
 * shipment, CHARGE_DUPLICATE:shipment:<shipment id>:<fee>) or the receiving order it names.
 */
function withChargeRefs(raised: RaisedException[], rows: readonly ChargeRow[], provider: ProviderId): RaisedException[] {
  const byTransaction = new Map(rows.map((r) => [r.transactionId, r]));
  return withThreePlRefs(raised, (e): ThreePlRef | undefined => {
    const parts = e.key.split(':');
    if (e.type === 'CHARGE_DUPLICATE' && parts[1] === 'shipment') return shipmentIdRef(provider, parts[2] ?? '');
    if (e.type !== 'CHARGE_UNMATCHED') return undefined;
    const r = byTransaction.get(e.key.slice('CHARGE_UNMATCHED:'.length));
    if (r?.refKind === 'shipment') return shipmentIdRef(provider, r.refId);
    return r?.refKind === 'receiving order' ? receivingRef(provider, r.refId) : undefined;
  });
}

const TRANSACTION_ID = headersOf(TABS.charges).transactionId;

function missingIdProblem(sheetRow: number): CellProblem {
  return {
    tab: TAB.charges,
    rowId: `row ${sheetRow}`,
    about: 'a charge',
    sheetRow,
    column: TRANSACTION_ID,
    value: '',
    address: '',
    problem: `${TRANSACTION_ID} is empty, so the add-on cannot tell which 3PL transaction the row is`,
    allowed: `the row's 3PL transaction id back (Edit → Undo, or File → Version history shows it), or move the row to a tab of your own if it is not a 3PL charge`,
    meanwhile: `No 3PL charge is imported and the tab is not written until then: a write would delete the row, and its invoice is not read again.`,
  };
}

function keptFrom(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - CHARGES_KEPT_MONTHS, 1)).toISOString().slice(0, 10);
}

function runCharges(ctx: JobContext): JobOutcome {
  const threePl = ctx.threePl();
  const listInvoiceCharges = threePl.listInvoiceCharges?.bind(threePl);
  if (!listInvoiceCharges || !threePl.capabilities().billingApi) {
    // Mintsoft bills through its 3PL Accounting module and publishes no invoice API (3pl-apis.md §3.6).
    return { outcome: 'ok', counts: {}, message: `${PROVIDER_NAMES[threePl.provider] ?? threePl.provider} offers no invoice API, so 3PL charges cannot be imported from it; nothing was done.`, resolves: [] };
  }
  const stored = loadCursor(ctx.ports.store);
  const invoices = listInvoicesSince(threePl, stored, ctx.now);
  // Nothing new and matched lately: one call, no tab read (the schedule runs every job every time).
  if (stored && unreadInvoices(invoices, stored).length === 0 && ctx.now - stored.matchedAt < REMATCH_MS) {
    return { outcome: 'ok', counts: { invoicesRead: 0, chargesImported: 0 }, message: 'No new 3PL invoice.', resolves: [] };
  }
  const tab = chargesTab(ctx.ports.workbook, dayShown(ctx));
  const existing = tab.rows();
  // A row whose Transaction ID was cleared is no transaction the add-on knows: a write would delete
  // it, and its invoice is never read again, so its money would leave the tab for good. Nothing is
  // imported or written until it has its id back.
  const lost = tab.unidentified();
  if (lost.length) {
    ctx.raise(lost.map(missingIdProblem).map(cellException));
    return {
      outcome: 'partial',
      counts: { invoicesRead: 0, chargesImported: 0 },
      message: `${lost.length} row(s) of ${TAB.charges} have no Transaction ID (row ${firstFew(lost)}): no charge was imported and the tab was left as it is until each has its id back (see Exceptions).`,
      // Only the rows this run looked at: a Transaction ID put back since resolves.
      resolves: (row) => row.key.startsWith(cellKeyPrefix(TAB.charges)) && row.key.endsWith(`:${TRANSACTION_ID}`),
    };
  }
  const known = { transactions: new Set(existing.map((r) => r.transactionId)), invoices: new Set(existing.map((r) => r.invoiceId)) };
  const got = readNewCharges(invoices, listInvoiceCharges, known, stored, ctx.now);

  const ledgers = chargeLedgers(ctx.ports.workbook, ctx.tabs.orders.rows());
  const today = new Date(ctx.now).toISOString().slice(0, 10);
  const retryFrom = shiftDay(today, -RETRY_DAYS);
  const kept = keptFrom(ctx.now);
  const all: ChargeRow[] = [...existing.filter((r) => r.invoiceDate >= kept || r.invoiceDate === ''), ...got.rows];
  // Shipments whose order the 3PL has not told yet: the new ones, and recent ones still unknown.
  const open = all.filter((r) => (r.refKind === 'shipment' || r.refKind === 'order') && r.refId && !r.orderRef && (got.chargeDates.has(r.transactionId) || r.invoiceDate >= retryFrom));
  let lookupCut = false;
  let ordersRead = 0;
  if (open.length) {
    const earliest = open.map((r) => got.chargeDates.get(r.transactionId) ?? shiftDay(r.invoiceDate, -RETRY_DAYS)).sort()[0]!;
    try {
      const found = resolveShipments(threePl, new Set(open.map((r) => r.refId)), earliest, ledgers);
      ordersRead = found.orders;
      lookupCut = !found.complete;
      for (const r of open) r.orderRef = found.refs.get(r.refId) ?? '';
    } catch (e) {
      // The charges are in hand: a 3PL order read that fails or runs out of time only leaves them
      // unlooked-up until the next run, never fails the import.
      if (!(e instanceof DeadlineExceeded) && !(e instanceof RemoteError && e.retryable)) throw e;
      lookupCut = true;
    }
  }
  const matched = matchCharges(all, ledgers);
  tab.write(matched.rows);
  // The cursor moves only once the rows it covers are in the tab.
  saveCursor(ctx.ports.store, { ...got.cursor, matchedAt: ctx.now });
  ctx.ports.store.set(CHARGES_SUMMARY_KEY, JSON.stringify(summariseCharges(matched.rows, ctx.now)));
  // A shipment whose order could not be looked up in time is not "unmatched" yet: no new row, and an
  // open one stays as it is until a run reads the orders whole.
  const undecided = new Set(lookupCut ? open.filter((r) => !r.orderRef).map((r) => `CHARGE_UNMATCHED:${r.transactionId}`) : []);
  // A charge whose Amount was typed over cannot be judged unmatched or duplicate: its rows stay as they are.
  const unread = matched.rows.filter(amountUnread);
  for (const r of unread) undecided.add(`CHARGE_UNMATCHED:${r.transactionId}`);
  const unreadShipments = unread.filter((r) => r.refKind === 'shipment' && r.refId).map((r) => `CHARGE_DUPLICATE:shipment:${r.refId}:`);
  // A Reference typed over hides which shipment the row is for: its own row and every duplicate stay as they are.
  const unplaced = matched.rows.filter(referenceUnread);
  for (const r of unplaced) undecided.add(`CHARGE_UNMATCHED:${r.transactionId}`);
  if (unplaced.length) unreadShipments.push('CHARGE_DUPLICATE:');
  ctx.raise(withChargeRefs(matched.raised.filter((e) => !undecided.has(e.key)), matched.rows, threePl.provider));
  // Rows stand in the tab in the order written: the problems name their rows.
  ctx.raise(chargeCellProblems(matched.rows).map(cellException));

  const count = (s: string) => matched.rows.filter((r) => r.state === s).length;
  const counts = {
    invoicesRead: got.invoicesRead,
    chargesImported: got.rows.length,
    chargesUnmatched: count('unmatched') + count('cancelled order'),
    chargesDuplicate: count('duplicate'),
    threePlOrdersRead: ordersRead,
  };
  const parts = [`${got.rows.length} new charge(s) from ${got.invoicesRead} invoice(s)`];
  if (got.repeated) parts.push(`${got.repeated} already imported, left as they were`);
  if (got.unnamed) parts.push(`${got.unnamed} came from the 3PL without a transaction id and are kept as "${NO_ID_PREFIX}<invoice>-<n>"`);
  parts.push(`${counts.chargesUnmatched} unmatched, ${counts.chargesDuplicate} duplicate(s) in the tab`);
  const cut = got.cut || lookupCut;
  if (got.failed) parts.push(`reading stopped at an invoice the 3PL could not give (${got.failed}): the invoices read whole are in, the rest are read next run`);
  else if (got.cut) parts.push('the time limit was reached: the remaining invoices are read next run');
  else if (lookupCut) parts.push('the 3PL orders could not all be read: those charges are looked up again next run');
  const own = `${exceptionKey('CONFIG_INVALID', chargesJob.name)}:`;
  return {
    outcome: cut ? 'partial' : 'ok',
    counts,
    message: `${parts.join('; ')}.`,
    // The job's own types (but for the rows it could not judge), its set-up rows, and the cells of
    // the tab it read whole: a Type or Amount fixed since resolves.
    resolves: (row) =>
      ((CHARGE_EXCEPTION_TYPES as readonly string[]).includes(row.type) && !undecided.has(row.key) && !unreadShipments.some((p) => row.key.startsWith(p))) ||
      row.key.startsWith(own) ||
      row.key.startsWith(cellKeyPrefix(TAB.charges)),
  };
}

export const chargesJob: Job = {
  name: 'charges',
  label: '3PL charges',
  scheduled: true,
  standalone: true,
  exceptionScope: CHARGE_EXCEPTION_TYPES,
  withoutAccess: { threePl: 'No 3PL invoice or charge can be imported.' },
  run: runCharges,
  resumeNote: () => 'The next run carries on from the last invoice read in full: no charge is imported twice.',
};
