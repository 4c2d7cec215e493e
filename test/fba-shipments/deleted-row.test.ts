// A row of the FBA Shipments tab deleted by a person while its shipment was ticked or at the 3PL used
// to be gone for good in a run that said nothing: Amazon's reads are incremental and never listed
// the shipment again, so its 3PL order, tracking and shipped-vs-received check went with it. Now the
// row is put back as the add-on last wrote it, and FBA_SHIPMENT_INVALID says so.

import { describe, expect, it } from 'vitest';
import { FBA_PLAN, FbaRun, fbaWorld, shippedFbaRun } from './world';

const ID = 'FBA15AAAA001';

/** Deletes the sheet row holding `id` (Edit → Delete row), or blanks every cell of it. */
function removeRow(r: FbaRun, id: string, how: 'delete' | 'blank'): void {
  const at = r.tab('FBA Shipments').findIndex((x) => x['FBA Shipment ID'] === id);
  expect(at).toBeGreaterThanOrEqual(0);
  if (how === 'delete') r.run.gas.spreadsheet.sheet('FBA Shipments')!.deleteRows(at + 2, 1);
  else {
    const header = Object.keys(r.tab('FBA Shipments')[at]!);
    r.edit('FBA Shipments', { 'FBA Shipment ID': id }, Object.fromEntries(header.map((h) => [h, h === 'Send from 3PL' ? false : ''])));
  }
}

describe('an FBA Shipments row deleted by a person', () => {
  for (const how of ['delete', 'blank'] as const) {
    it(`(${how}) on a shipment sent to the 3PL: put back with its tick and 3PL order, said, one order`, () => {
      const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]));
      r.syncFba();
      r.tick(ID);
      r.syncFba();
      const before = r.shipment(ID)!;
      expect(before.State).toBe('sent');
      r.advance('10m');
      removeRow(r, ID, how);
      const res = r.syncFba();
      expect(res.outcome).toBe('partial');
      expect(r.shipment(ID)).toMatchObject({ 'Send from 3PL': 'TRUE', '3PL Order ID': before['3PL Order ID'], State: 'sent', Items: 'TEE-M-FBA × 20' });
      const said = r.openExceptions('FBA_SHIPMENT_INVALID');
      expect(said.map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${ID}:row`]);
      expect(said[0]!.Message).toContain(`The row of FBA shipment ${ID} was deleted from the tab; it was put back`);
      expect(r.threePlOrders().filter((o) => o.reference === ID)).toHaveLength(1);
    });
  }

  it('on a shipment the 3PL shipped: its tracking comes back and Amazon\'s count is still compared', () => {
    const r = shippedFbaRun();
    const tracking = r.shipment(ID)!.Tracking;
    expect(tracking).not.toBe('');
    removeRow(r, ID, 'delete');
    r.syncFba();
    expect(r.shipment(ID)).toMatchObject({ State: 'shipped', Tracking: tracking });
    r.amazon('receiveInbound', { shipmentId: ID, sku: 'TEE-M-FBA', quantity: 15 });
    r.amazon('receiveInbound', { shipmentId: ID, sku: 'MUG-1-FBA', quantity: 10, status: 'CLOSED' });
    r.advance('1d');
    r.syncFba();
    expect(r.shipment(ID)!.State).toBe('closed');
    expect(r.openExceptions('FBA_SHIPMENT_DISCREPANCY').map((e) => e.Key)).toEqual([`FBA_SHIPMENT_DISCREPANCY:${ID}`]);
  });

  it('on a shipment never ticked: left deleted, nothing said', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]));
    r.syncFba();
    removeRow(r, ID, 'delete');
    expect(r.syncFba().outcome).toBe('ok');
    expect(r.shipment(ID)).toBeUndefined();
    expect(r.openExceptions('FBA_SHIPMENT_INVALID')).toEqual([]);
  });

  it('on a ticked shipment held: the stock sync still holds its units back from the FBM offer', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 30 }, { sku: 'NOPE-1', quantityShipped: 2 }] }]));
    r.syncFba();
    r.tick(ID);
    r.syncFba();
    expect(r.shipment(ID)!.State).toBe('held');
    removeRow(r, ID, 'delete');
    r.sync();
    expect(r.writes().filter((w) => w.sku === 'TEE-M').pop()?.quantity).toBe(70);
  });
});
