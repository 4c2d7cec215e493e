// Billing endpoints of the simulator (spec 2026-01 get-invoices, get-transactions-by-invoice-id,
// search-transactions, get-transaction-fees): cursor paging where `next` is an opaque token that,
// when sent as ?Cursor=, "overrides all other filter parameters"; a date filter that is not a date
// answers 400 (Billing.ProblemDetails) instead of falling back to the default window. Also the
// scenario's `charge` world action: a fee ShipBob bills outside shipping, receiving and returns
// (storage, additional fees, credits), or a shipment charged a second time.

import { decodeCursor, encodeCursor, intParam, json, problem, type Call, type Res } from './respond';
import { isDateTime } from './order-rules';
import type { SimCore } from './routes-orders';
import type { SimOrder, SimTransaction } from './state';
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

/**
 * Spec 2026-01 get-transactions-by-invoice-id: 404 for an unknown invoice (Billing.ProblemDetails);
 * PageSize "Must be between 1 and 1000" (default 100); SortOrder Ascending or Descending (default
 * Descending) by charge date; a Cursor carries the first page's size and order.
 */
export function getInvoiceTransactions(core: SimCore, c: Call): Res {
  const id = Number(c.params[0]);
  if (!core.st.invoices.some((i) => i.id === id)) return problem(404, 'Not Found');
  const got = pageFilters(c, () => {
    const size = intParam(c.url.searchParams.get('PageSize'), 100);
    if (!(size >= 1 && size <= 1000)) return { res: problem(400, 'PageSize must be between 1 and 1000.') };
    return { f: { asc: c.url.searchParams.get('SortOrder') === 'Ascending', offset: 0, size } };
  });
  if ('res' in got) return got.res;
  const { f } = got;
  const list = core.st.transactions
    .filter((t) => t.invoiceId === id)
    .sort((a, b) => (f.asc ? a.chargeDate - b.chargeDate : b.chargeDate - a.chargeDate))
    .map(transactionView);
  return json(200, tokenPage(list, Number(f.offset), Number(f.size), { asc: f.asc }));
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
      // TransactionRequestFilterV3.invoice_ids: "List of invoice IDs to filter transactions by."
      invoices: Array.isArray(b.invoice_ids) ? b.invoice_ids.map(String) : [],
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
        has(f.invoices, String(t.invoiceId)) &&
        (f.invoiced === null || f.invoiced === undefined || f.invoiced === (t.invoiceId !== null))
      );
    })
    .sort((a, b) => (f.asc ? a.chargeDate - b.chargeDate : b.chargeDate - a.chargeDate))
    .map(transactionView);
  const { offset, size, ...rest } = f;
  return json(200, tokenPage(list, Number(offset), Number(size), rest));
}

/** Spec 2026-01 get-transaction-fees: the fee names this account's transactions use (the built-in three, and any a `charge` step added). */
export function getTransactionFees(core?: SimCore): Res {
  const fees = new Set(['Shipping', 'WRO Receiving Fee', 'Return Processing Fee']);
  for (const t of core?.st.transactions ?? []) fees.add(t.fee);
  return json(200, { fee_list: [...fees] });
}

const REFERENCE_TYPES: ReadonlyArray<SimTransaction['referenceType']> = ['Shipment', 'Return', 'WRO', 'URO', 'Ticket Number', 'FC', 'LPN Reference', 'Transfer Plan'];
const INVOICE_TYPES: ReadonlyArray<SimTransaction['invoiceType']> = ['Shipping', 'Inbound Fee', 'WarehouseStorage', 'AdditionalFee', 'Return', 'Credits', 'BalanceAdjustment', 'Payment'];
const TX_TYPES: ReadonlyArray<SimTransaction['type']> = ['Charge', 'Refund', 'Credit', 'Payment', 'BalanceAdjustment'];

/** The invoice a transaction lands on when the step names none (values: spec 2026-01 Billing.TransactionDtoV3.invoice_type). */
function defaultInvoiceType(t: Pick<SimTransaction, 'type' | 'referenceType'>): SimTransaction['invoiceType'] {
  if (t.type === 'Credit' || t.type === 'Refund') return 'Credits';
  const byRef: Partial<Record<SimTransaction['referenceType'], SimTransaction['invoiceType']>> = { Shipment: 'Shipping', WRO: 'Inbound Fee', URO: 'Inbound Fee', Return: 'Return', FC: 'WarehouseStorage' };
  return byRef[t.referenceType] ?? 'AdditionalFee';
}

/**
 * World action `charge`: `{ fee, amount, type?, referenceType?, referenceId?, reference?, invoiceType?,
 * currency?, location? }`. `reference` names an order by its reference: the charge is on its first
 * shipment (a shipment charged twice, as when ShipBob bills a label again). Field values follow spec
 * 2026-01 Billing.TransactionDtoV3 (transaction_type, reference_type, invoice_type enums); a credit
 * or refund is a negative amount. It is invoiced with the day's other charges of its invoice type.
 */
export function worldCharge(st: SimCore['st'], a: Record<string, unknown>, now: number, orderOf: (ref: string) => SimOrder | undefined): void {
  const fail = (why: string) => {
    throw new Error(`ShipBob simulator charge: ${why}`);
  };
  if (typeof a.fee !== 'string' || !a.fee) fail('give fee (the transaction_fee name, e.g. "Warehousing Fee")');
  if (typeof a.amount !== 'number' || !Number.isFinite(a.amount)) fail('give amount (a number; credits negative)');
  const type = (a.type ?? 'Charge') as SimTransaction['type'];
  if (!TX_TYPES.includes(type)) fail(`type must be one of ${TX_TYPES.join(', ')}`);
  let referenceType = (a.referenceType ?? (a.reference !== undefined ? 'Shipment' : 'FC')) as SimTransaction['referenceType'];
  if (!REFERENCE_TYPES.includes(referenceType)) fail(`referenceType must be one of ${REFERENCE_TYPES.join(', ')}`);
  let referenceId = typeof a.referenceId === 'string' ? a.referenceId : '';
  if (typeof a.reference === 'string') {
    const o = orderOf(a.reference);
    const s = o?.shipments[0];
    if (!s) fail(`no order with reference ${a.reference}, or it has no shipment`);
    referenceType = 'Shipment';
    referenceId = String(s!.id);
  }
  const locationId = typeof a.location === 'number' ? a.location : st.locations[0]?.id;
  const invoiceType = (a.invoiceType ?? defaultInvoiceType({ type, referenceType })) as SimTransaction['invoiceType'];
  if (!INVOICE_TYPES.includes(invoiceType)) fail(`invoiceType must be one of ${INVOICE_TYPES.join(', ')}`);
  st.transactions.push({
    transactionId: `01SIMTX${String(st.next('tx')).padStart(19, '0')}`,
    amount: a.amount as number,
    currency: typeof a.currency === 'string' ? a.currency : st.seed.fees.currency,
    chargeDate: now,
    fee: a.fee as string,
    type,
    referenceId: referenceId || (referenceType === 'FC' && locationId !== undefined ? st.locationName(locationId) : ''),
    referenceType,
    invoiceType,
    locationName: locationId === undefined ? '' : st.locationName(locationId),
    invoiceId: null,
    invoiceDate: null,
  });
}
