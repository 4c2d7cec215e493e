// The removals flow end to end through the built bundle: Amazon's removal reports into the Removals
// tab, one ShipBob receiving order per removal shipped to the 3PL (reference = removal order id,
// one box per tracking number), counts back from ShipBob, shortfalls, overdue and disposed units.
// Report columns: https://developer-docs.amazon.com/sp-api/docs/fba-removals-reports-attributes;
// WRO fields: ShipBob spec 2026-01 Receiving.* (3pl-apis.md §2.5).

import { describe, expect, it } from 'vitest';
import { FBA_SKU, FNSKU, removalWorld, RemovalsRun } from './world';

const SHIPPED_BOXES = [
  { shipmentDate: '2026-11-01T10:00:00Z', quantity: 3, trackingNumber: 'RM100000001GB' },
  { shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: 'RM100000002GB' },
];

describe('removals: Amazon removal orders become one expected receipt at the 3PL', () => {
  it('makes one receiving order per removal with the removal id as reference and each tracking number as a box, then closes the loop with the counted units', () => {
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-001', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES }], {
        // An LPN Amazon put on a customer return (customer-returns report license-plate-number, sp-api.md §8).
        returns: [{ returnDate: '2026-10-20T09:00:00Z', orderId: '202-0000001-0000001', sku: FBA_SKU, fnsku: FNSKU, licensePlateNumber: 'LPNRR0000001', detailedDisposition: 'SELLABLE' }],
      }),
    );
    const first = r.syncRemovals();
    expect(first.outcome).toBe('ok');
    expect(Object.keys(r.removals()[0]!)).toEqual(['Removal Order ID', 'Type', 'SKU', 'FNSKU', 'Disposition', 'Requested', 'Shipped', 'Carrier', 'Tracking', 'LPNs', '3PL Receipt', 'Expected', 'Received', 'State']);
    const wros = r.wrosFor('RMV-001');
    expect(wros).toHaveLength(1);
    expect(wros[0]!.boxes.map((b) => b.trackingNumber)).toEqual(['RM100000001GB', 'RM100000002GB']);
    expect(wros[0]!.boxes.flatMap((b) => b.items).reduce((n, i) => n + i.quantity, 0)).toBe(5);
    expect(r.removal('RMV-001')).toMatchObject({ Type: 'Return', FNSKU: FNSKU, Requested: '5', Shipped: '5', Carrier: 'Royal Mail', LPNs: 'LPNRR0000001', '3PL Receipt': String(wros[0]!.id), Expected: '5', Received: '', State: 'expected' });

    r.advance('1h');
    r.syncRemovals();
    expect(r.wrosFor('RMV-001')).toHaveLength(1);

    r.threePl('receive', { reference: 'RMV-001' });
    // A receipt is read again at most every 3 hours (RECHECK_MS): made at the first run, 1.5 h ago.
    r.advance('30m');
    r.syncRemovals();
    expect(r.removal('RMV-001')!.State).toBe('expected');
    r.advance('2h');
    const counted = r.syncRemovals();
    expect(counted.counts.removalsCounted).toBe(1);
    expect(r.removal('RMV-001')).toMatchObject({ Received: '5', State: 'received' });
    expect(r.openExceptions().filter((e) => (e.Type ?? '').startsWith('REMOVAL_'))).toEqual([]);
    r.assertInvariants();
  });

  it('waits until Amazon has shipped every box of a removal before making its receipt, so all tracking numbers are on it', () => {
    const r = new RemovalsRun(
      removalWorld([
        {
          orderId: 'RMV-002',
          lines: [{ requested: 4 }],
          shipments: [
            { shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: 'RM200000001GB' },
            { shipmentDate: '2026-11-03T10:00:00Z', quantity: 2, trackingNumber: 'RM200000002GB' },
          ],
        },
      ]),
    );
    r.syncRemovals();
    expect(r.removal('RMV-002')).toMatchObject({ Shipped: '2', State: 'shipping', '3PL Receipt': '' });
    expect(r.wrosFor('RMV-002')).toHaveLength(0);
    r.advance('26h');
    r.syncRemovals();
    expect(r.wrosFor('RMV-002')).toHaveLength(1);
    expect(r.wrosFor('RMV-002')[0]!.boxes.map((b) => b.trackingNumber)).toEqual(['RM200000001GB', 'RM200000002GB']);
    expect(r.removal('RMV-002')).toMatchObject({ Shipped: '4', Expected: '4', State: 'expected' });
  });

  it('on the schedule, asks Amazon for the reports at most hourly and reads them in a later run, without waiting in the run', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-015', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES }], { settings: { 'Push mode': 'dry-run', 'Sync every (minutes)': 15 } }));
    r.step({ run: 'enableScheduledSync' });
    r.step({ trigger: 'time', for: '16m' });
    // The first firing asked for the reports and did not wait for them.
    expect(r.removals()).toEqual([]);
    r.step({ trigger: 'time', for: '3h' });
    expect(r.wrosFor('RMV-015')).toHaveLength(1);
    const creates = r.run.amazon.calls.filter((c) => c.operation === 'createReport').length;
    // 3 report types, asked for at most once an hour over about 3 h 16 min.
    expect(creates).toBeLessThanOrEqual(3 * 4);
    expect(creates).toBeGreaterThanOrEqual(3 * 2);
  });

  it('raises REMOVAL_DISCREPANCY when the 3PL counts fewer units than Amazon shipped', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-003', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES }]));
    r.syncRemovals();
    r.threePl('receive', { reference: 'RMV-003', lines: [{ sku: 'SB-TEE-M', quantity: 3 }] });
    r.advance('3h');
    r.syncRemovals();
    expect(r.removal('RMV-003')).toMatchObject({ Expected: '5', Received: '3', State: 'short' });
    const [x] = r.openExceptions('REMOVAL_DISCREPANCY');
    expect(x).toMatchObject({ Key: `REMOVAL_DISCREPANCY:RMV-003:${FBA_SKU}`, Severity: 'Medium' });
    expect(x!.Message).toContain('counted 3');
    expect(x!.Message).toContain('2 missing');
  });

  it('shows disposed units without expecting them at the 3PL, and never sends a disposal order', () => {
    const r = new RemovalsRun(
      removalWorld([
        { orderId: 'RMV-004', lines: [{ requested: 6, disposed: 2 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 4, trackingNumber: 'RM400000001GB' }] },
        { orderId: 'DSP-005', orderType: 'Disposal', lines: [{ requested: 3, disposed: 3, disposition: 'Unsellable' }] },
      ]),
    );
    r.syncRemovals();
    expect(r.removal('RMV-004')).toMatchObject({ Requested: '6', Shipped: '4', Expected: '4', State: 'expected · 2 disposed' });
    expect(r.wrosFor('RMV-004')[0]!.boxes[0]!.items[0]!.quantity).toBe(4);
    expect(r.removal('DSP-005')).toMatchObject({ Type: 'Disposal', Expected: '', State: 'disposed', '3PL Receipt': '' });
    expect(r.wrosFor('DSP-005')).toHaveLength(0);
  });

  it('leaves removals the Settings do not send to the 3PL alone', () => {
    const r = new RemovalsRun(
      removalWorld(
        [
          { orderId: '3PL-006', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES },
          { orderId: 'HOME-007', lines: [{ requested: 1 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 1, trackingNumber: 'RM700000001GB' }] },
        ],
        { settings: { 'Push mode': 'dry-run', 'Removals to 3PL': '3pl-' } },
      ),
    );
    r.syncRemovals();
    expect(r.wrosFor('3PL-006')).toHaveLength(1);
    expect(r.wrosFor('HOME-007')).toHaveLength(0);
    expect(r.removal('HOME-007')).toMatchObject({ State: 'not for 3PL', Expected: '' });
  });

  it('raises REMOVAL_OVERDUE after the Setting\'s days, and resolves it once the boxes arrive', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-008', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES }], { settings: { 'Push mode': 'dry-run', 'Removal overdue (days)': 5 } }));
    r.syncRemovals();
    expect(r.openExceptions('REMOVAL_OVERDUE')).toEqual([]);
    r.advance('5d');
    r.syncRemovals();
    expect(r.removal('RMV-008')!.State).toBe('overdue');
    const [x] = r.openExceptions('REMOVAL_OVERDUE');
    expect(x!.Key).toBe('REMOVAL_OVERDUE:RMV-008');
    expect(x!.Message).toContain('RM100000001GB');
    r.threePl('receive', { reference: 'RMV-008', complete: false });
    r.advance('3h');
    r.syncRemovals();
    expect(r.removal('RMV-008')!.State).toBe('arrived');
    expect(r.openExceptions('REMOVAL_OVERDUE')).toEqual([]);
  });

  it('holds a removal whose SKU has no 3PL SKU in the SKU Map, with REMOVAL_RECEIPT_FAILED saying so, and sends it once mapped', () => {
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-009', lines: [{ sku: 'CAP-FBA', fnsku: 'X00CAP0001', requested: 1 }], shipments: [{ sku: 'CAP-FBA', fnsku: 'X00CAP0001', shipmentDate: '2026-11-01T10:00:00Z', quantity: 1, trackingNumber: 'RM900000001GB' }] }]),
    );
    r.syncRemovals();
    expect(r.removal('RMV-009', 'CAP-FBA')!.State).toBe('held');
    const [x] = r.openExceptions('REMOVAL_RECEIPT_FAILED');
    expect(x!.Message).toContain('CAP-FBA');
    expect(x!.Message).toContain('no 3PL SKU');
    r.edit('SKU Map', { 'Seller SKU': FBA_SKU }, { 'Seller SKU': 'CAP-FBA', FNSKU: '' });
    r.syncRemovals();
    expect(r.removal('RMV-009', 'CAP-FBA')!.State).toBe('expected');
    expect(r.openExceptions('REMOVAL_RECEIPT_FAILED')).toEqual([]);
  });

  it('a receipt the 3PL refuses (a product it does not stock) is REMOVAL_RECEIPT_FAILED with its words, and the other removals still go', () => {
    const r = new RemovalsRun(
      removalWorld(
        [
          { orderId: 'RMV-013', lines: [{ sku: 'GHOST-FBA', fnsku: 'X00GHOST01', requested: 1 }], shipments: [{ sku: 'GHOST-FBA', fnsku: 'X00GHOST01', shipmentDate: '2026-11-01T10:00:00Z', quantity: 1, trackingNumber: 'RM130000001GB' }] },
          { orderId: 'RMV-014', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES },
        ],
        { extraMapRows: [[FBA_SKU, 'UK', 'FBA', 'SB-TEE-M', 'B0FBA00001', FNSKU, '', '', '', '', '', ''], ['GHOST-FBA', 'UK', 'FBA', 'SB-GHOST', 'B0GHOST001', 'X00GHOST01', '', '', '', '', '', '']] },
      ),
    );
    r.syncRemovals();
    expect(r.removal('RMV-013', 'GHOST-FBA')!.State).toBe('rejected');
    expect(r.wrosFor('RMV-013')).toHaveLength(0);
    expect(r.wrosFor('RMV-014')).toHaveLength(1);
    const [x] = r.openExceptions('REMOVAL_RECEIPT_FAILED');
    expect(x!.Key).toBe('REMOVAL_RECEIPT_FAILED:RMV-013');
    expect(x!.Message).toContain('SB-GHOST');
  });

  it('raises REMOVAL_UNIDENTIFIED for a parcel ShipBob holds as an Unidentified Receiving Order, naming the removals on their way', () => {
    // A URO shows in ShipBob billing as reference_type URO, with a $25 initiation fee and daily fees
    // while unresolved (support.shipbob.com/en/articles/3956393-on-hold-receiving-uro).
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-010', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES }]));
    r.syncRemovals();
    r.threePl('charge', { fee: 'URO Initiation Fee', amount: 25, referenceType: 'URO', referenceId: 'URO-4471' });
    r.advance('7h');
    r.syncRemovals();
    const [x] = r.openExceptions('REMOVAL_UNIDENTIFIED');
    expect(x!.Key).toBe('REMOVAL_UNIDENTIFIED:URO-4471');
    expect(x!.Message).toContain('RMV-010');
    expect(x!.Message).toContain('RM100000002GB');
    // No daily fee for more than three days: nothing shows the URO is still open.
    r.advance('4d');
    r.syncRemovals();
    expect(r.openExceptions('REMOVAL_UNIDENTIFIED')).toEqual([]);
  });

  it('sets a malformed report line aside with a plain message and keeps the rest of the report', () => {
    const r = new RemovalsRun(
      removalWorld([
        { orderId: 'RMV-011', lines: [{ requested: 1 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 1, trackingNumber: '' }] },
        { orderId: 'RMV-012', lines: [{ requested: 5 }], shipments: SHIPPED_BOXES },
      ]),
    );
    r.syncRemovals();
    const [x] = r.openExceptions('REMOVAL_REPORT_INVALID');
    expect(x!.Message).toMatch(/Line \d+ of Amazon's removal shipment detail report was set aside: tracking-number is empty/);
    expect(r.removal('RMV-011')).toBeDefined();
    expect(r.wrosFor('RMV-012')).toHaveLength(1);
  });
});
