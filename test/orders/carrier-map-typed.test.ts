// The Carrier Map as people type it, through the bundle: a carrier code typed in lower case is
// confirmed in Amazon's spelling; a code Amazon refuses is an exception naming the Carrier Map row
// at once (not hours later as ORDER_STUCK) and the run is not ok; two rows for one carrier / service
// that disagree hold the shipment with an exception naming both rows.

import { describe, expect, it } from 'vitest';
import { InventoryRun, type InventoryWorld } from '../inventory/builder';

const ORDER_ID = '202-1000001-0000001';

function shipped(over: Partial<InventoryWorld>): InventoryRun {
  const r = new InventoryRun({
    offers: [{ sku: 'TEE-M', onHand: 30 }],
    settings: { 'Push mode': 'dry-run' },
    threePlBehaviour: { shipAfter: '2h', carrier: 'Royal Mail', service: 'Tracked 48' },
    orders: [{ orderId: ORDER_ID, created: '2026-11-02T07:30:00Z', latestShipDate: '2026-11-04T23:00:00Z', items: [{ sku: 'TEE-M', quantity: 1 }] }],
    ...over,
  });
  r.syncOrders();
  r.threePl('ship', { reference: ORDER_ID });
  r.advance('5m');
  return r;
}
const confirmations = (r: InventoryRun) => r.run.amazon.snapshot().confirmations as Array<{ carrierCode: string }>;

describe('orders: the Carrier Map typed by people', () => {
  it("confirms a carrier code typed in lower case in Amazon's spelling", () => {
    const r = shipped({ carrierMap: [['ROYAL MAIL ', 'tracked 48', 'royal mail', '', 'Tracked 48', '']] });
    expect(r.syncOrders().outcome).toBe('ok');
    expect(confirmations(r).map((c) => c.carrierCode)).toEqual(['Royal Mail']);
    expect(r.openExceptions('CARRIER_UNMAPPED')).toEqual([]);
  });

  it('raises a carrier code Amazon refuses at once, naming the Carrier Map row, and resolves it once the row is fixed', () => {
    const r = shipped({ carrierMap: [['Royal Mail', '', 'Acme Post', '', '', '']] });
    const run = r.syncOrders();
    expect(confirmations(r)).toEqual([]);
    expect(run.outcome).toBe('partial');
    const [refused] = r.openExceptions('CARRIER_UNMAPPED');
    expect(refused).toMatchObject({ Key: 'CARRIER_UNMAPPED:refused:2', Entity: 'Carrier Map row 2' });
    expect(refused!.Message).toMatch(/Amazon refused Carrier Code "Acme Post" from Carrier Map row 2/);
    expect(r.syncLog().at(-1)!.Message).toMatch(/Carrier Map row 2/);

    r.edit('Carrier Map', { '3PL Carrier': 'Royal Mail' }, { 'Carrier Code': 'Royal Mail' });
    expect(r.syncOrders().outcome).toBe('ok');
    expect(confirmations(r).map((c) => c.carrierCode)).toEqual(['Royal Mail']);
    expect(r.openExceptions('CARRIER_UNMAPPED')).toEqual([]);
  });

  it('holds the shipment when two rows for its carrier / service disagree, naming both rows, instead of using the first', () => {
    const r = shipped({
      carrierMap: [
        ['ROYAL MAIL ', 'tracked 48', 'royal mail', '', 'Tracked 48', ''],
        ['Royal Mail', 'Tracked 48', 'DPD', '', 'Next day', ''],
      ],
    });
    expect(r.syncOrders().outcome).toBe('partial');
    expect(confirmations(r)).toEqual([]);
    const open = r.openExceptions('CARRIER_UNMAPPED');
    expect(open.map((e) => e.Key)).toEqual(['CARRIER_UNMAPPED:row:3']);
    expect(open[0]!.Message).toMatch(/Carrier Map rows 2 and 3 are both for Royal Mail \/ Tracked 48/);
    expect(r.tab('Orders')[0]!.Note).toMatch(/Carrier Map row 2 cannot be used/);
  });
});
