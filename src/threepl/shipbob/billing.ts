// 3PL charges from ShipBob's billing API (spec 2026-01 Billing.*): POST /transactions:query for
// charges in a date range, GET /invoices and GET /invoices/{invoiceId}/transactions, all
// cursor-paged with first/next/prev/last. Range
// ends go out as `format: date-time` (TransactionRequestFilterV3.from_date/to_date, get-invoices
// FromDate/ToDate); a bare date covers that whole day.

import { DeadlineExceeded } from '../../ports/clock';
import { AdapterError, type Charge, type ChargeKind, type ChargeReferenceType, type Invoice } from '../types';
import type { ShipBobContext } from './context';
import { toDateTime } from './clean';
import { collectCursorPages } from './paging';
import { cursorPage, invoiceSchema, parseOrThrow, transactionSchema, type ShipBobTransaction } from './schemas';

const KIND: Record<string, ChargeKind> = { Charge: 'charge', Refund: 'refund', Credit: 'credit', Payment: 'adjustment', BalanceAdjustment: 'adjustment' };
/** WRO/URO are receiving orders; FC-referenced fees are warehouse storage. */
const REF: Record<string, ChargeReferenceType> = { Shipment: 'shipment', Return: 'return', WRO: 'receipt', URO: 'receipt', FC: 'storage' };
const txPage = cursorPage(transactionSchema);
const invoicePage = cursorPage(invoiceSchema);
/** Spec: page_size 1–1000. */
const PAGE_SIZE = 1000;

/**
 * The range as date-times ShipBob accepts: `from` at the start of its day, `to` at the end of its
 * day when given as bare dates. A value that is no date stops the call before anything is sent,
 * rather than letting ShipBob answer 400 (or, worse, fall back to its default window).
 */
function dateTimeRange(range: { from: string; to: string }, operation: string): { from: string; to: string } {
  const from = toDateTime(range.from);
  const to = toDateTime(range.to, true);
  const bad = [from === undefined ? `from "${range.from}"` : '', to === undefined ? `to "${range.to}"` : ''].filter(Boolean);
  if (bad.length || !from || !to) throw new AdapterError('PRECONDITION', `ShipBob ${operation}: ${bad.join(' and ')} ${bad.length > 1 ? 'are not dates' : 'is not a date'} (use 2026-11-01 or 2026-11-01T00:00:00Z); nothing was sent`);
  return { from, to };
}

function mapTransaction(t: ShipBobTransaction): Charge {
  return {
    chargeId: t.transaction_id ?? '',
    invoiceId: t.invoice_id != null ? String(t.invoice_id) : undefined,
    invoiceDate: t.invoice_date ?? undefined,
    invoiceType: t.invoice_type ?? undefined,
    chargeDate: t.charge_date ?? '',
    amount: t.amount ?? null,
    currency: t.currency_code ?? '',
    feeType: t.transaction_fee ?? '',
    chargeKind: KIND[t.transaction_type ?? ''] ?? 'charge',
    referenceType: REF[t.reference_type ?? ''] ?? 'other',
    referenceId: t.reference_id ?? '',
    warehouseId: t.fulfillment_center ?? undefined,
    raw: t,
  };
}

export function listCharges(ctx: ShipBobContext, range: { from: string; to: string }): Charge[] {
  const { from, to } = dateTimeRange(range, 'search-transactions');
  const got = collectCursorPages(
    ctx.api,
    {
      method: 'post',
      path: '/transactions:query',
      body: { from_date: from, to_date: to, page_size: PAGE_SIZE, sort_order: 'Ascending' },
      operation: 'search-transactions',
      // A query, though sent as POST: repeating it changes nothing.
      retry: 'read',
    },
    (body) => {
      const page = parseOrThrow(txPage, body, 'search-transactions');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  return got.items.map(mapTransaction);
}

export function listInvoices(ctx: ShipBobContext, range: { from: string; to: string }): Invoice[] {
  const { from, to } = dateTimeRange(range, 'get-invoices');
  const got = collectCursorPages(
    ctx.api,
    { method: 'get', path: '/invoices', query: { FromDate: from, ToDate: to, PageSize: PAGE_SIZE, SortOrder: 'Ascending' }, operation: 'get-invoices', retry: 'read' },
    (body) => {
      const page = parseOrThrow(invoicePage, body, 'get-invoices');
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  return got.items.map((i) => ({
    invoiceId: String(i.invoice_id),
    invoiceDate: i.invoice_date ?? '',
    invoiceType: i.invoice_type ?? '',
    amount: i.amount,
    currency: i.currency_code ?? '',
  }));
}

/**
 * Every transaction of one invoice (spec 2026-01 get-transactions-by-invoice-id: PageSize 1–1000,
 * SortOrder Ascending|Descending, Cursor "overrides all other filter parameters"). All pages or
 * nothing: a walk the run's time cuts short throws DeadlineExceeded, so a caller never takes part
 * of an invoice for the whole of it.
 */
export function listInvoiceCharges(ctx: ShipBobContext, invoiceId: string): Charge[] {
  if (!/^\d+$/.test(invoiceId)) throw new AdapterError('PRECONDITION', `ShipBob get-transactions-by-invoice-id: invoice id "${invoiceId}" is not a number; nothing was sent`);
  const operation = 'get-transactions-by-invoice-id';
  const got = collectCursorPages(
    ctx.api,
    { method: 'get', path: `/invoices/${invoiceId}/transactions`, query: { PageSize: PAGE_SIZE, SortOrder: 'Ascending' }, operation, retry: 'read' },
    (body) => {
      const page = parseOrThrow(txPage, body, operation);
      return { items: page.items ?? [], next: page.next };
    },
    ctx.deadline,
  );
  if (!got.complete) throw new DeadlineExceeded(operation, 0, ctx.deadline.remainingMs(), 'ShipBob');
  return got.items.map(mapTransaction);
}
