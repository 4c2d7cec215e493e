// The ShipBob simulator's billing behaviours the charges job relies on, and the adapter's
// per-invoice read. Sources: spec 2026-01 (copy at brianzinn/shipbob-node-sdk openapi-2026-01.json)
// get-transactions-by-invoice-id (PageSize "Must be between 1 and 1000", SortOrder Ascending or
// Descending, default Descending; 404 Billing.ProblemDetails for an unknown invoice; Cursor
// "overrides all other filter parameters"), Billing.TransactionDtoV3 (transaction_type,
// reference_type and invoice_type enums), Billing.InvoiceDtoV3 (one currency_code per invoice),
// Billing.TransactionRequestFilterV3.invoice_ids, get-transaction-fees (fee_list).

import { describe, expect, it } from 'vitest';
import { DeadlineExceeded } from '../../src/ports/clock';
import { nodeHttp } from '../world/node-ports';
import { rig, type Rig } from '../threepl/harness';

function raw(r: Rig, method: 'get' | 'post', path: string, body?: unknown) {
  const res = nodeHttp(r.network, r.clock).fetch({
    url: `https://api.shipbob.com/2026-01${path}`,
    method,
    headers: { Authorization: 'Bearer billing-token' },
    ...(body === undefined ? {} : { contentType: 'application/json', payload: JSON.stringify(body) }),
  });
  return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
}

/** Three storage charges and a credit on 2026-11-02, invoiced once the day is over. */
function billed(): Rig {
  const r = rig();
  r.sim.act({ action: 'charge', fee: 'Warehousing Fee', amount: 10, referenceType: 'FC' });
  r.clock.advance(60_000);
  r.sim.act({ action: 'charge', fee: 'Warehousing Fee', amount: 11, referenceType: 'FC', location: 11 });
  r.clock.advance(60_000);
  r.sim.act({ action: 'charge', fee: 'Warehousing Fee', amount: 12, referenceType: 'FC' });
  r.sim.act({ action: 'charge', fee: 'Storage Credit', amount: -5, type: 'Credit', referenceType: 'FC' });
  r.sim.act({ action: 'charge', fee: 'Warehousing Fee', amount: 30, referenceType: 'FC', currency: 'EUR' });
  r.clock.advance(24 * 3600_000);
  // The simulator catches up lazily, on the next request: invoices for the days before today.
  raw(r, 'get', '/invoices');
  return r;
}

const invoiceOf = (r: Rig, type: string, currency = 'GBP') => r.sim.state.invoices.find((i) => i.type === type && i.currency === currency)!;

describe('ShipBob simulator: the charge world action', () => {
  it('bills storage on the fulfilment centre, credits on a Credits invoice, one invoice per currency', () => {
    const r = billed();
    const storage = invoiceOf(r, 'WarehouseStorage');
    expect(storage.amount).toBe(33);
    expect(invoiceOf(r, 'WarehouseStorage', 'EUR').amount).toBe(30);
    expect(invoiceOf(r, 'Credits').amount).toBe(-5);
    const page = raw(r, 'get', `/invoices/${storage.id}/transactions?SortOrder=Ascending`);
    const items = page.body.items as Array<Record<string, unknown>>;
    expect(items.map((t) => t.amount)).toEqual([10, 11, 12]);
    expect(items[0]).toMatchObject({ reference_type: 'FC', reference_id: 'Manchester', invoice_type: 'WarehouseStorage', transaction_type: 'Charge', transaction_fee: 'Warehousing Fee', invoiced_status: true });
    expect(items[1]).toMatchObject({ reference_id: 'Tamworth', fulfillment_center: 'Tamworth' });
    const fees = raw(r, 'get', '/transaction-fees').body.fee_list as string[];
    expect(fees).toEqual(expect.arrayContaining(['Shipping', 'Warehousing Fee', 'Storage Credit']));
  });

  it('refuses a type outside the spec enums', () => {
    const r = rig();
    expect(() => r.sim.act({ action: 'charge', fee: 'X', amount: 1, referenceType: 'Pallet' })).toThrow(/referenceType must be one of/);
    expect(() => r.sim.act({ action: 'charge', fee: 'X', amount: 1, type: 'Invoice' })).toThrow(/type must be one of/);
  });
});

describe('ShipBob simulator: get-transactions-by-invoice-id', () => {
  it('defaults to Descending, pages by cursor, checks PageSize and the invoice', () => {
    const r = billed();
    const id = invoiceOf(r, 'WarehouseStorage').id;
    const desc = raw(r, 'get', `/invoices/${id}/transactions`).body.items as Array<{ amount: number }>;
    expect(desc.map((t) => t.amount)).toEqual([12, 11, 10]);
    const first = raw(r, 'get', `/invoices/${id}/transactions?PageSize=2&SortOrder=Ascending`).body;
    expect((first.items as unknown[]).length).toBe(2);
    const next = raw(r, 'get', `/invoices/${id}/transactions?Cursor=${encodeURIComponent(String(first.next))}&PageSize=50&SortOrder=Descending`).body;
    expect((next.items as Array<{ amount: number }>).map((t) => t.amount)).toEqual([12]);
    expect(next.next).toBeNull();
    expect(raw(r, 'get', `/invoices/${id}/transactions?PageSize=0`).status).toBe(400);
    expect(raw(r, 'get', `/invoices/${id}/transactions?PageSize=1001`).status).toBe(400);
    expect(raw(r, 'get', '/invoices/123456/transactions').status).toBe(404);
  });

  it('search-transactions filters by invoice_ids', () => {
    const r = billed();
    const id = invoiceOf(r, 'Credits').id;
    const got = raw(r, 'post', '/transactions:query', { from_date: '2026-11-01', to_date: '2026-11-03', invoice_ids: [String(id)] }).body.items as Array<{ amount: number }>;
    expect(got.map((t) => t.amount)).toEqual([-5]);
  });
});

describe('ShipBob adapter: listInvoiceCharges', () => {
  it('reads every page of one invoice, with its invoice type', () => {
    const r = billed();
    const id = String(invoiceOf(r, 'WarehouseStorage').id);
    const charges = r.adapter.listInvoiceCharges!(id);
    expect(charges.map((c) => c.amount)).toEqual([10, 11, 12]);
    expect(charges[0]).toMatchObject({ invoiceId: id, invoiceType: 'WarehouseStorage', feeType: 'Warehousing Fee', referenceType: 'storage', chargeKind: 'charge', currency: 'GBP' });
    expect(r.count('GET', `/invoices/${id}/transactions`)).toBe(1);
  });

  it('throws DeadlineExceeded rather than return part of an invoice', () => {
    const r = billed();
    const id = String(invoiceOf(r, 'WarehouseStorage').id);
    const late = r.newAdapter({ budgetMs: 1000 });
    expect(() => late.listInvoiceCharges!(id)).toThrow(DeadlineExceeded);
  });
});
