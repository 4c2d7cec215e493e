// The pure rules of the charges flow: Type from ShipBob's fee / invoice / reference vocabulary
// (sources in src/core/charges/classify.ts: spec 2026-01 Billing.TransactionDtoV3 and its examples;
// support.shipbob.com/en/articles/3959610), matching and duplicates, the tab's record round trip,
// the monthly summary, and the invoice read that keeps whole invoices across a cut run.

import { describe, expect, it } from 'vitest';
import { chargeType } from '../../src/core/charges/classify';
import { dashboardGrid, emptyDashboardState, exceptionFigures } from '../../src/core/dashboard';
import { matchCharges } from '../../src/core/charges/match';
import { chargeFromRecord, chargeToRecord } from '../../src/core/charges/record';
import { summariseCharges } from '../../src/core/charges/summary';
import type { ChargeLedgers, ChargeRow } from '../../src/core/charges/types';
import { readNewCharges, unreadInvoices } from '../../src/jobs/charges/read';
import { DeadlineExceeded } from '../../src/ports/clock';
import type { Charge, Invoice } from '../../src/threepl/types';

describe('Type', () => {
  it.each([
    // [transaction_fee, invoice_type, normalised reference type, Type]
    ['Shipping', 'Shipping', 'shipment', 'shipping'],
    ['Per Pick Fee', 'Shipping', 'shipment', 'fulfilment'],
    ['Additional Pick Fee', 'AdditionalFee', 'shipment', 'fulfilment'],
    ['WRO Receiving Fee', 'Inbound Fee', 'receipt', 'receiving'],
    ['URO Fee', 'Inbound Fee', 'receipt', 'receiving'],
    ['Warehousing Fee', 'WarehouseStorage', 'storage', 'storage'],
    ['Return Processing Fee', 'Return', 'return', 'returns'],
    ['Return Fee', 'Credits', 'return', 'returns'],
    ['Kitting Fee', 'AdditionalFee', 'other', 'other'],
    ['', 'WarehouseStorage', 'other', 'storage'],
    ['', 'Inbound Fee', 'other', 'receiving'],
    ['Address Correction', 'AdditionalFee', 'shipment', 'other'],
    ['', 'Payment', 'other', 'other'],
  ])('%s on a %s invoice (%s) is %s', (feeType, invoiceType, referenceType, type) => {
    expect(chargeType({ feeType, invoiceType, referenceType })).toBe(type);
  });
});

const row = (over: Partial<ChargeRow>): ChargeRow => ({
  invoiceId: '9001',
  invoiceDate: '2026-11-02',
  transactionId: 'T1',
  type: 'shipping',
  amount: 3.2,
  currency: 'GBP',
  refKind: 'shipment',
  refId: '200001',
  fee: 'Shipping',
  kind: 'charge',
  orderRef: '202-0000000-0000001',
  matchedTo: '',
  state: 'unmatched',
  note: '',
  ...over,
});

const ledgers = (over: Partial<ChargeLedgers> = {}): ChargeLedgers => ({
  orders: new Map([
    ['202-0000000-0000001', { cancelled: false, threePlOrderId: '100001' }],
    ['202-0000000-0000002', { cancelled: true, threePlOrderId: '100002' }],
  ]),
  ordersByThreePlId: new Map([['100001', '202-0000000-0000001']]),
  fbaShipments: new Set(['FBA17XYZ']),
  fbaByThreePlId: new Map(),
  removalsByReceipt: new Map([['301', 'RMV-1']]),
  removals: new Set(['RMV-1']),
  has: { fbaShipments: true, removals: true },
  ...over,
});

describe('matching', () => {
  it('ties shipments to Amazon orders and FBA shipments, receipts to removals; storage is the account\'s', () => {
    const { rows, raised } = matchCharges(
      [
        row({}),
        row({ transactionId: 'T2', refId: '200002', orderRef: 'FBA17XYZ' }),
        row({ transactionId: 'T3', refKind: 'receiving order', refId: '301', orderRef: '', type: 'receiving', fee: 'WRO Receiving Fee' }),
        row({ transactionId: 'T4', refKind: 'receiving order', refId: '302', orderRef: '', type: 'receiving', fee: 'WRO Receiving Fee' }),
        row({ transactionId: 'T5', refKind: 'warehouse', refId: 'Manchester', orderRef: '', type: 'storage', fee: 'Warehousing Fee' }),
      ],
      ledgers(),
    );
    expect(rows.map((r) => [r.state, r.matchedTo])).toEqual([
      ['matched', '202-0000000-0000001'],
      ['matched', 'FBA17XYZ'],
      ['matched', 'RMV-1'],
      ['receipt', ''],
      ['account', ''],
    ]);
    expect(raised).toEqual([]);
  });

  it('raises CHARGE_UNMATCHED for an unknown order and for a cancelled one, never for a credit', () => {
    const { rows, raised } = matchCharges(
      [row({ orderRef: 'WEB-1' }), row({ transactionId: 'T2', orderRef: '202-0000000-0000002', refId: '200002' }), row({ transactionId: 'T3', orderRef: 'WEB-2', amount: -1, kind: 'credit', refId: '200003' })],
      ledgers({ has: { fbaShipments: false, removals: false } }),
    );
    expect(rows.map((r) => r.state)).toEqual(['unmatched', 'cancelled order', 'unmatched']);
    expect(rows[0]!.note).toContain('no FBA Shipments tab');
    expect(raised.map((e) => e.key)).toEqual(['CHARGE_UNMATCHED:T1', 'CHARGE_UNMATCHED:T2']);
    expect(raised[1]!.message).toContain('Amazon cancelled order 202-0000000-0000002');
  });

  it('a shipment charged twice for one fee is a duplicate until a credit offsets it; two fees are not', () => {
    const twice = [row({}), row({ transactionId: 'T2', invoiceDate: '2026-11-03' }), row({ transactionId: 'T3', fee: 'Per Pick Fee', type: 'fulfilment', amount: 0.3 })];
    const a = matchCharges(twice, ledgers());
    expect(a.rows.map((r) => r.state)).toEqual(['matched', 'duplicate', 'matched']);
    expect(a.raised.map((e) => e.key)).toEqual(['CHARGE_DUPLICATE:shipment:200001:shipping']);
    const credited = matchCharges([...twice, row({ transactionId: 'T4', amount: -3.2, kind: 'credit' })], ledgers());
    expect(credited.rows.map((r) => r.state)).toEqual(['matched', 'matched', 'matched', 'matched']);
    expect(credited.raised).toEqual([]);
  });
});

describe('the tab record', () => {
  it('reads back what it wrote, the Reference cell carrying the 3PL reference, order and fee', () => {
    const r = row({ state: 'matched', matchedTo: '202-0000000-0000001', note: 'Amazon order' });
    const rec = chargeToRecord(r);
    expect(rec['Reference']).toBe('shipment 200001 · order 202-0000000-0000001 · fee Shipping');
    expect(rec['State']).toBe('matched: Amazon order');
    expect(chargeFromRecord(rec)).toEqual(r);
    const receipt = row({ refKind: 'receiving order', refId: '301', orderRef: '', fee: 'WRO Receiving Fee', state: 'receipt', note: 'x' });
    expect(chargeFromRecord(chargeToRecord(receipt))).toEqual(receipt);
  });
});

describe('the monthly summary', () => {
  it('totals per month, Type and currency, never across currencies, the last three months', () => {
    const s = summariseCharges(
      [
        row({ invoiceDate: '2026-11-02', amount: 3.2 }),
        row({ invoiceDate: '2026-11-20', amount: 3.65 }),
        row({ invoiceDate: '2026-11-20', amount: -3.65 }),
        row({ invoiceDate: '2026-11-21', amount: 4, currency: 'EUR' }),
        row({ invoiceDate: '2026-10-31', amount: 10, type: 'storage' }),
        row({ invoiceDate: '2026-09-30', amount: 1 }),
        row({ invoiceDate: '2026-08-30', amount: 1 }),
      ],
      0,
    );
    expect(s.lines).toEqual([
      { month: '2026-11', type: 'shipping', currency: 'EUR', amount: 4, count: 1 },
      { month: '2026-11', type: 'shipping', currency: 'GBP', amount: 3.2, count: 3 },
      { month: '2026-10', type: 'storage', currency: 'GBP', amount: 10, count: 1 },
      { month: '2026-09', type: 'shipping', currency: 'GBP', amount: 1, count: 1 },
    ]);
  });
});

/** A 3PL with these invoices; the `cutAt`-th per-invoice read runs out of time. */
function fake3pl(invoices: Array<Invoice & { charges: Charge[] }>, cutAt = -1) {
  let reads = 0;
  const list = invoices.map(({ charges: _c, ...i }) => i);
  const read = (id: string) => {
    if (reads++ === cutAt) throw new DeadlineExceeded('get-transactions-by-invoice-id', 1000, 0, 'ShipBob');
    return invoices.find((i) => i.invoiceId === id)!.charges;
  };
  return { list, read };
}

const charge = (id: string, invoiceId: string): Charge => ({ chargeId: id, invoiceId, chargeDate: '2026-11-02', amount: 1, currency: 'GBP', feeType: 'Shipping', chargeKind: 'charge', referenceType: 'shipment', referenceId: id, raw: null });
const inv = (id: string, date: string, ids: string[]) => ({ invoiceId: id, invoiceDate: date, invoiceType: 'Shipping', amount: ids.length, currency: 'GBP', charges: ids.map((c) => charge(c, id)) });

describe('reading invoices once', () => {
  const now = Date.parse('2026-11-05T10:00:00Z');
  const invoices = [inv('1', '2026-11-02', ['a', 'b']), inv('2', '2026-11-03', ['c']), inv('3', '2026-11-04', [])];

  it('a run cut before an invoice keeps the invoices before it whole and the cursor where it was', () => {
    const cut = fake3pl(invoices, 1);
    const first = readNewCharges(cut.list, cut.read, { transactions: new Set(), invoices: new Set() }, { from: '2026-11-01', empty: [], read: [], matchedAt: 0 }, now);
    expect(first.cut).toBe(true);
    expect(first.rows.map((r) => r.transactionId)).toEqual(['a', 'b']);
    expect(first.cursor.from).toBe('2026-11-01');
    // The next run: invoice 1 is in the tab now, so only 2 and 3 are read.
    const whole = fake3pl(invoices);
    const second = readNewCharges(whole.list, whole.read, { transactions: new Set(['a', 'b']), invoices: new Set(['1']) }, first.cursor, now);
    expect(second.rows.map((r) => r.transactionId)).toEqual(['c']);
    expect(second.invoicesRead).toBe(2);
    expect(second.cursor).toEqual({ from: '2026-11-04', empty: [['3', '2026-11-04']], read: [['1', '2026-11-02'], ['2', '2026-11-03']], matchedAt: 0 });
    expect(unreadInvoices(whole.list, second.cursor)).toEqual([]);
    // And once more: nothing is read again, the empty invoice included.
    const third = readNewCharges(whole.list, whole.read, { transactions: new Set(['a', 'b', 'c']), invoices: new Set(['1', '2']) }, second.cursor, now);
    expect(third.invoicesRead).toBe(0);
    expect(third.rows).toEqual([]);
  });

  it('a transaction an invoice lists again is not imported twice', () => {
    const reissued = fake3pl([inv('1', '2026-11-02', ['a']), inv('4', '2026-11-03', ['a', 'd'])]);
    const got = readNewCharges(reissued.list, reissued.read, { transactions: new Set(), invoices: new Set() }, null, now);
    expect(got.rows.map((r) => r.transactionId)).toEqual(['a', 'd']);
    expect(got.repeated).toBe(1);
  });
});

describe('the Dashboard section', () => {
  const base = { state: emptyDashboardState(), exceptions: exceptionFigures([]), timeZone: 'Europe/London', today: '2026-11-05' };
  it('lists each month, Type and currency with its count and net amount; nothing before the first import', () => {
    const charges = summariseCharges([row({ amount: 3.2 }), row({ amount: 4, currency: 'EUR' })], Date.parse('2026-11-05T10:00:00Z'));
    const grid = dashboardGrid({ ...base, charges });
    const items = grid.rows.map((r) => [r[0], r[1], r[3]]);
    const at = items.findIndex((r) => r[0] === '— 3PL charges by month —');
    expect(grid.sections).toContain(at);
    expect(items.slice(at + 1, at + 3)).toEqual([
      ['2026-11 shipping', 1, 'EUR 4.00'],
      ['2026-11 shipping', 1, 'GBP 3.20'],
    ]);
    expect(dashboardGrid(base).rows.some((r) => String(r[0]).includes('3PL charges'))).toBe(false);
  });
});
