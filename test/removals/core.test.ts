// The removals rules on plain data: reading the three reports by header name (columns from
// https://developer-docs.amazon.com/sp-api/docs/fba-removals-reports-attributes and the customer
// returns report's license-plate-number, sp-api.md §8), merging them into rows, and what a receipt's
// counts mean.

import { describe, expect, it } from 'vitest';
import { mergeReports, retainRows } from '../../src/core/removals/build';
import { parseRemovalOrders, parseRemovalShipments, parseReturnLpns } from '../../src/core/removals/parse';
import { removalFromRecord, removalToRecord } from '../../src/core/removals/record';
import { applyReceipt, markOverdue } from '../../src/core/removals/rules';
import type { RemovalReports, RemovalRow } from '../../src/core/removals/types';

const ORDER_HEADER = 'request-date\torder-id\torder-type\tservice-speed\torder-status\tlast-updated-date\tsku\tfnsku\tdisposition\trequested-quantity\tcancelled-quantity\tdisposed-quantity\tshipped-quantity\tin-process-quantity\tremoval-fee\tcurrency';
const SHIP_HEADER = 'request-date\torder-id\tshipment-date\tsku\tfnsku\tdisposition\tshipped-quantity\tcarrier\ttracking-number\tremoval-order-type';
const RETURNS_HEADER = 'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments';

const all = () => true;

function reports(orders: string[], ships: string[], returns: string[] = []): RemovalReports {
  const problems: RemovalReports['problems'] = [];
  return {
    orders: parseRemovalOrders([ORDER_HEADER, ...orders].join('\n'), problems),
    shipments: parseRemovalShipments([SHIP_HEADER, ...ships].join('\n'), problems),
    returns: parseReturnLpns([RETURNS_HEADER, ...returns].join('\n'), problems),
    problems,
  };
}

describe('removal reports', () => {
  it('reads by header name whatever the column order, and sets a bad line aside naming it', () => {
    const problems: RemovalReports['problems'] = [];
    const cols = ORDER_HEADER.split('\t').reverse();
    const line = (v: Record<string, string>) => cols.map((c) => v[c] ?? '').join('\t');
    const text = [cols.join('\t'), line({ 'request-date': '2026-10-01T10:00:00+00:00', 'order-id': 'R1', 'order-type': 'Return', sku: 'A', 'requested-quantity': '3', 'shipped-quantity': '3' }), line({ 'request-date': '2026-10-01T10:00:00+00:00', 'order-id': 'R2', 'order-type': 'Return', sku: 'B', 'requested-quantity': 'three' })].join('\n');
    const rows = parseRemovalOrders(text, problems);
    expect(rows).toEqual([expect.objectContaining({ orderId: 'R1', sku: 'A', requested: 3, shipped: 3, inProcess: 0 })]);
    expect(problems).toEqual([{ report: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA', line: 3, message: expect.stringContaining('requested-quantity is "three", not a whole number') }]);
  });

  it('refuses a report without a column it needs, as one problem, rather than reading it wrong', () => {
    const problems: RemovalReports['problems'] = [];
    expect(parseRemovalShipments('order-id\tsku\nR1\tA\n', problems)).toEqual([]);
    expect(problems[0]!.message).toContain('has no shipment-date, shipped-quantity, carrier, tracking-number column');
  });
});

describe('merging the reports into rows', () => {
  const toThreePl = { toThreePl: (_id: string, type: string) => type === 'Return' };

  it('one row per order and SKU, dispositions summed, tracking numbers and LPNs listed, disposed units kept apart', () => {
    const rep = reports(
      [
        '2026-10-01T10:00:00+00:00\tR1\tReturn\tStandard\tCompleted\t2026-10-03T10:00:00+00:00\tA\tX1\tSellable\t4\t0\t0\t4\t0\t0\tGBP',
        '2026-10-01T10:00:00+00:00\tR1\tReturn\tStandard\tCompleted\t2026-10-03T10:00:00+00:00\tA\tX1\tUnsellable\t3\t0\t2\t1\t0\t0\tGBP',
      ],
      [
        '2026-10-01T10:00:00+00:00\tR1\t2026-10-03T10:00:00+00:00\tA\tX1\tSellable\t4\tRoyal Mail\tTN1\tReturn',
        '2026-10-01T10:00:00+00:00\tR1\t2026-10-03T11:00:00+00:00\tA\tX1\tUnsellable\t1\tRoyal Mail\tTN2\tReturn',
      ],
      ['2026-09-20T10:00:00+00:00\t202-1\tA\tB0\tX1\tTee\t1\tBHX4\tDEFECTIVE\tDAMAGED\tUnit returned to inventory\tLPN1\t', '2026-09-21T10:00:00+00:00\t202-2\tA\tB0\tX1\tTee\t1\tBHX4\tSELLABLE\tNO_REASON\tUnit returned to inventory\tLPN2\t'],
    );
    const { rows, shippedAt } = mergeReports([], rep, toThreePl);
    expect(rows).toEqual([
      expect.objectContaining({ orderId: 'R1', sku: 'A', disposition: 'Sellable, Unsellable', requested: 7, shipped: 5, disposed: 2, tracking: ['TN1', 'TN2'], lpns: ['LPN1', 'LPN2'], expected: 5, state: 'to send' }),
    ]);
    expect(shippedAt.get('R1')).toBe(Date.parse('2026-10-03T11:00:00Z'));
  });

  it('keeps what the 3PL said, and rows the reports no longer mention', () => {
    const old: RemovalRow = { orderId: 'R0', type: 'Return', sku: 'Z', fnsku: '', disposition: 'Sellable', requested: 1, shipped: 1, disposed: 0, carrier: 'DPD', tracking: ['T0'], lpns: [], receipt: '9', expected: 1, received: 1, state: 'received' };
    const sent: RemovalRow = { ...old, orderId: 'R1', sku: 'A', receipt: '10', received: null, state: 'expected' };
    const rep = reports(['2026-10-01T10:00:00+00:00\tR1\tReturn\tStandard\tCompleted\t2026-10-03T10:00:00+00:00\tA\tX1\tSellable\t1\t0\t0\t1\t0\t0\tGBP'], ['2026-10-01T10:00:00+00:00\tR1\t2026-10-03T10:00:00+00:00\tA\tX1\tSellable\t1\tDPD\tT1\tReturn']);
    const { rows } = mergeReports([old, sent], rep, toThreePl);
    expect(rows[0]).toEqual(old);
    expect(rows[1]).toMatchObject({ receipt: '10', state: 'expected', tracking: ['T1'] });
  });

  it('a removal with units still in process, or with boxes not yet in the shipment report, waits', () => {
    const rep = reports(['2026-10-01T10:00:00+00:00\tR1\tReturn\tStandard\tPending\t2026-10-03T10:00:00+00:00\tA\tX1\tSellable\t4\t0\t0\t4\t0\t0\tGBP'], ['2026-10-01T10:00:00+00:00\tR1\t2026-10-03T10:00:00+00:00\tA\tX1\tSellable\t2\tDPD\tT1\tReturn']);
    expect(mergeReports([], rep, toThreePl).rows[0]!.state).toBe('shipping');
  });

  it('disposals and cancelled removals never come to the 3PL', () => {
    const rep = reports(
      ['2026-10-01T10:00:00+00:00\tD1\tDisposal\tStandard\tCompleted\t\tA\tX1\tUnsellable\t3\t0\t3\t0\t0\t0\tGBP', '2026-10-01T10:00:00+00:00\tC1\tReturn\tStandard\tCancelled\t\tA\tX1\tSellable\t3\t3\t0\t0\t0\t0\tGBP'],
      [],
    );
    expect(mergeReports([], rep, toThreePl).rows.map((r) => [r.orderId, r.state, r.expected])).toEqual([['C1', 'cancelled', null], ['D1', 'disposed', null]]);
  });
});

describe('retention', () => {
  const r = (orderId: string, state: RemovalRow['state']): RemovalRow => ({ orderId, type: 'Return', sku: 'A', fnsku: '', disposition: '', requested: 1, shipped: 1, disposed: 0, carrier: '', tracking: [], lpns: [], receipt: '', expected: 1, received: 1, state });

  it('a settled removal leaves once the reports drop it; open ones and unsettled counts stay; nothing leaves after an unreadable line', () => {
    const rows = [r('OLD-RECEIVED', 'received'), r('OLD-SHORT', 'short'), r('OLD-OPEN', 'expected'), r('NEW', 'received')];
    expect(retainRows(rows, new Set(['NEW']), 0).map((x) => x.orderId)).toEqual(['OLD-SHORT', 'OLD-OPEN', 'NEW']);
    expect(retainRows(rows, new Set(['NEW']), 1)).toHaveLength(4);
  });
});

describe('receipts', () => {
  const row = (over: Partial<RemovalRow>): RemovalRow => ({ orderId: 'R1', type: 'Return', sku: 'A', fnsku: '', disposition: '', requested: 5, shipped: 5, disposed: 0, carrier: '', tracking: ['T1'], lpns: [], receipt: '7', expected: 5, received: null, state: 'expected', ...over });

  it('a completed count equal to what was shipped closes the row; fewer is short, more is over', () => {
    for (const [got, state] of [[5, 'received'], [3, 'short'], [6, 'over']] as const) {
      const rows = [row({})];
      applyReceipt(rows, { id: '7', status: 'completed', received: new Map([['SB-A', got]]) }, () => 'SB-A');
      expect(rows[0]).toMatchObject({ received: got, state });
    }
  });

  it('two Amazon SKUs of one 3PL product share its count without counting it twice', () => {
    const rows = [row({ sku: 'A', shipped: 2 }), row({ sku: 'A-FBA', shipped: 3 })];
    applyReceipt(rows, { id: '7', status: 'completed', received: new Map([['SB-A', 4]]) }, () => 'SB-A');
    expect(rows.map((r) => [r.received, r.state])).toEqual([[2, 'received'], [2, 'short']]);
  });

  it('overdue after the days given, counted from the last box, and back when the setting grows', () => {
    const rows = [row({})];
    const shipped = new Map([['R1', Date.parse('2026-11-01T00:00:00Z')]]);
    markOverdue(rows, shipped, Date.parse('2026-11-10T00:00:00Z'), 7);
    expect(rows[0]!.state).toBe('overdue');
    markOverdue(rows, shipped, Date.parse('2026-11-10T00:00:00Z'), 14);
    expect(rows[0]!.state).toBe('expected');
  });

  it('the tab round-trips a row, and disposed units survive in the State cell', () => {
    const r = row({ disposed: 2, lpns: ['L1', 'L2'], tracking: ['T1', 'T2'], state: 'received', received: 5 });
    const rec = removalToRecord(r);
    expect(rec['State']).toBe('received · 2 disposed');
    expect(removalFromRecord(rec)).toEqual(r);
  });

  it('a State cell someone overtyped is read from the receipt cell, never into a second receipt', () => {
    expect(removalFromRecord({ ...removalToRecord(row({})), State: 'done?' })!.state).toBe('expected');
    expect(removalFromRecord({ ...removalToRecord(row({ receipt: '' })), State: 'done?' })!.state).toBe('outcome unknown');
  });
});
