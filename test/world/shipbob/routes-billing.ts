// Billing endpoints of the simulator (spec 2026-01 get-invoices, get-transactions-by-invoice-id,
// search-transactions, get-transaction-fees): cursor paging where `next` is an opaque token that,
// when sent as ?Cursor=, "overrides all other filter parameters"; a date filter that is not a date
// answers 400 (Billing.ProblemDetails) instead of falling back to the default window.

import { decodeCursor, encodeCursor, intParam, json, problem, type Call, type Res } from './respond';
import { isDateTime } from './order-rules';
import type { SimCore } from './routes-orders';
import type { SimTransaction } from './state';
import { invoiceView, transactionView } from './views';
import { dayOf } from './warehouse';

type Obj = Record<string, unknown>;

function tokenPage<T>(all: T[], offset: number, size: number, filters: Obj) {
  const tok = (off: number) => encodeCursor({ ...filters, offset: off, size });
  const lastOff = Math.max(0, Math.floor((all.length - 1) / size) * size);
  return {
    items: all.slice(offset, offset + size),
    first: tok(0),
    last: tok(lastOff),
    next: offset + size < all.length ? tok(offset + size) : null,
    prev: offset > 0 ? tok(Math.max(0, offset - size)) : null,
  };
}

/**
 * A date filter: absent (null: the operation's default window), a UTC day, or 'bad'. The spec types
 * these `format: date-time` (TransactionRequestFilterV3.from_date/to_date, get-invoices
 * FromDate/ToDate) while its own examples send bare dates ("from_date": "2019-08-24"), so both are
 * accepted; anything else is refused with a 400, never read as "no filter" [inferred: ShipBob's
 * model binding cannot convert it].
 */
function dateFilter(v: unknown): string | null | 'bad' {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return 'bad';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isDateTime(`${v}T00:00:00Z`) ? v : 'bad';
  return isDateTime(v) ? new Date(Date.parse(v)).toISOString().slice(0, 10) : 'bad';
}

function badDates(fields: Record<string, string | null | 'bad'>): Res | null {
  const errors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fields)) if (v === 'bad') errors[k] = ['The value is not a valid date-time, for example 2026-11-02T00:00:00Z.'];
  return Object.keys(errors).length ? problem(400, 'One or more validation errors occurred.', errors) : null;
}

/**
 * Cursor paging keeps the first page's filters: a request with a Cursor continues them (a bad one
 * is a 400), a request without one starts from `fresh` filters built from the request.
 */
function pageFilters(c: Call, fresh: () => { f: Obj } | { res: Res }): { f: Obj } | { res: Res } {
  const cursor = c.url.searchParams.get('Cursor');
  if (!cursor) return fresh();
  const d = decodeCursor(cursor);
  return d ? { f: d } : { res: problem(400, 'Invalid cursor') };
}

export function getInvoices(core: SimCore, c: Call): Res {
  const q = c.url.searchParams;
  const got = pageFilters(c, () => {
    const size = intParam(q.get('PageSize'), 100);
    if (!(size >= 1 && size <= 1000)) return { res: problem(400, 'PageSize must be between 1 and 1000.') };
    // An empty query value binds to null, like an absent one.
    const from = dateFilter(q.get('FromDate') || null);
    const to = dateFilter(q.get('ToDate') || null);
    const bad = badDates({ FromDate: from, ToDate: to });
    if (bad) return { res: bad };
    // Defaults: FromDate = one month ago, ToDate = today (spec get-invoices).
    return { f: { from: from ?? dayOf(c.now - 30 * 86400000), to: to ?? dayOf(c.now), types: q.getAll('InvoiceTypes'), asc: q.get('SortOrder') === 'Ascending', offset: 0, size } };
  });
  if ('res' in got) return got.res;
  const { f } = got;
  const types = (f.types as string[]) ?? [];
  const list = core.st.invoices
    .filter((i) => i.date >= String(f.from) && i.date <= String(f.to) && (!types.length || types.indexOf(i.type) >= 0))
    .sort((a, b) => (f.asc ? a.id - b.id : b.id - a.id))
    .map(invoiceView);
  return json(200, tokenPage(list, Number(f.offset), Number(f.size), { from: f.from, to: f.to, types, asc: f.asc }));
}

export function getInvoiceTransactions(core: SimCore, c: Call): Res {
  const id = Number(c.params[0]);
  if (!core.st.invoices.some((i) => i.id === id)) return problem(404, 'Not Found');
  const cursor = c.url.searchParams.get('Cursor');
  const d = cursor ? decodeCursor(cursor) : null;
  const size = d ? Number(d.size) : intParam(c.url.searchParams.get('PageSize'), 100);
  const list = core.st.transactions.filter((t) => t.invoiceId === id).map(transactionView);
  return json(200, tokenPage(list, d ? Number(d.offset) : 0, size, {}));
}

export function searchTransactions(core: SimCore, c: Call): Res {
  const got = pageFilters(c, () => {
    const b = (c.body() ?? {}) as Obj;
    const size = b.page_size === undefined ? 100 : Number(b.page_size);
    if (!(Number.isInteger(size) && size >= 1 && size <= 1000)) return { res: problem(400, 'One or more validation errors occurred.', { page_size: ['Must be between 1 and 1000.'] }) };
    const from = dateFilter(b.from_date);
    const to = dateFilter(b.to_date);
    const bad = badDates({ from_date: from, to_date: to });
    if (bad) return { res: bad };
    // Defaults: from 7 days before today, to today (spec TransactionRequestFilterV3).
    return { f: {
      from: from ?? dayOf(c.now - 7 * 86400000),
      to: to ?? dayOf(c.now),
      refs: Array.isArray(b.reference_ids) ? b.reference_ids.map(String) : [],
      refTypes: Array.isArray(b.reference_types) ? b.reference_types.map(String) : [],
      txTypes: Array.isArray(b.transaction_types) ? b.transaction_types.map(String) : [],
      fees: Array.isArray(b.transaction_fees) ? b.transaction_fees.map(String) : [],
      invoiced: typeof b.invoiced_status === 'boolean' ? b.invoiced_status : null,
      asc: b.sort_order === 'Ascending',
      offset: 0,
      size,
    } };
  });
  if ('res' in got) return got.res;
  const { f } = got;
  const has = (list: unknown, v: string) => !Array.isArray(list) || list.length === 0 || list.indexOf(v) >= 0;
  const list = core.st.transactions
    .filter((t: SimTransaction) => {
      const d = dayOf(t.chargeDate);
      return (
        d >= String(f.from) &&
        d <= String(f.to) &&
        has(f.refs, t.referenceId) &&
        has(f.refTypes, t.referenceType) &&
        has(f.txTypes, t.type) &&
        has(f.fees, t.fee) &&
        (f.invoiced === null || f.invoiced === undefined || f.invoiced === (t.invoiceId !== null))
      );
    })
    .sort((a, b) => (f.asc ? a.chargeDate - b.chargeDate : b.chargeDate - a.chargeDate))
    .map(transactionView);
  const { offset, size, ...rest } = f;
  return json(200, tokenPage(list, Number(offset), Number(size), rest));
}

export function getTransactionFees(): Res {
  return json(200, { fee_list: ['Shipping', 'WRO Receiving Fee', 'Return Processing Fee'] });
}
