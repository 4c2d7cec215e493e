// Cells of the FBA Shipments tab only the add-on writes, typed over in a way the row's other cells
// allow, used to be taken as written: "shipped" with a typed Tracking on a shipment the 3PL had not
// shipped stopped the 3PL ever being asked again (its real tracking and ship time never came back),
// and a typed Amazon Status or Received stood silently. Now each gets back what the add-on last wrote
// (rows-seal.ts) and FBA_SHIPMENT_INVALID names the cells.

import { describe, expect, it } from 'vitest';
import { FBA_PLAN, FbaRun, fbaWorld } from './world';

const ID = 'FBA15AAAA001';

function sentRun(): FbaRun {
  const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]));
  r.syncFba();
  r.tick(ID);
  r.syncFba();
  expect(r.shipment(ID)!.State).toBe('sent');
  return r;
}

describe('FBA Shipments cells only the add-on writes, typed over', () => {
  it('State "shipped" with a typed Tracking: put back and named, and the 3PL\'s own tracking comes back once it ships', () => {
    const r = sentRun();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { State: 'shipped', Tracking: 'TYPED1' });
    expect(r.syncFba().outcome).toBe('partial');
    expect(r.shipment(ID)).toMatchObject({ State: 'sent', Tracking: '' });
    const said = r.openExceptions('FBA_SHIPMENT_INVALID');
    expect(said).toHaveLength(1);
    expect(said[0]!.Message).toContain(`The Tracking and State cells of FBA shipment ${ID} were changed to "TYPED1", "shipped", but the add-on last wrote "", "sent" there`);
    r.advance('3h');
    r.syncFba();
    const row = r.shipment(ID)!;
    expect(row.State).toBe('shipped');
    expect(row.Tracking).not.toBe('');
    expect(row.Tracking).not.toBe('TYPED1');
  });

  it('Amazon Status typed on a shipment not ticked: put back and named, nothing sent', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]));
    r.syncFba();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'Amazon Status': 'CLOSED' });
    expect(r.syncFba().outcome).toBe('partial');
    expect(r.shipment(ID)!['Amazon Status']).toBe('WORKING');
    expect(r.openExceptions('FBA_SHIPMENT_INVALID')[0]!.Message).toContain('The Amazon Status cell of FBA shipment');
    expect(r.threePlOrders()).toEqual([]);
  });
});

describe('FBA Shipments cells typed over, read by the stock sync', () => {
  it('"sent" with a typed 3PL Order ID on a ticked shipment held: its units stay off the FBM offer', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 30 }, { sku: 'NOPE-1', quantityShipped: 2 }] }]));
    r.syncFba();
    r.tick(ID);
    r.syncFba();
    expect(r.shipment(ID)!.State).toBe('held');
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { State: 'sent', '3PL Order ID': '100999' });
    r.sync();
    expect(r.writes().filter((w) => w.sku === 'TEE-M').pop()?.quantity).toBe(70);
  });
});
