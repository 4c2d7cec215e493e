// The FBA_SHIPMENT_* exceptions through the bundle (docs/design.md §5): shipped vs received beyond
// the Settings tolerance once Amazon closes the shipment, shipped but not checked in after the
// Settings days, and Amazon cancelling a shipment the 3PL already shipped (High, e-mailed).
// Amazon's received counts come from v0 getShipmentItemsByShipmentId QuantityReceived
// (fulfillmentInboundV0.json InboundShipmentItem), moved by the simulator's receiveInbound action.

import { describe, expect, it } from 'vitest';
import { FBA_PLAN as PLAN, FbaRun, fbaWorld, shippedFbaRun as shipped } from './world';

describe('FBA_SHIPMENT_DISCREPANCY', () => {
  it('compares shipped with received per SKU once Amazon closes the shipment, beyond the Settings tolerance', () => {
    const r = shipped({ 'FBA discrepancy tolerance (units)': 1 });
    r.amazon('receiveInbound', { shipmentId: 'FBA15AAAA001', sku: 'TEE-M-FBA', quantity: 17 });
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ State: 'receiving', Received: 'TEE-M-FBA × 17\nMUG-1-FBA × 0' });
    // Still receiving: no verdict yet.
    expect(r.openExceptions('FBA_SHIPMENT_DISCREPANCY')).toEqual([]);
    r.amazon('receiveInbound', { shipmentId: 'FBA15AAAA001', sku: 'MUG-1-FBA', quantity: 9, status: 'CLOSED' });
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('closed');
    const open = r.openExceptions('FBA_SHIPMENT_DISCREPANCY');
    expect(open.length).toBe(1);
    // MUG-1 is 1 short, within the tolerance of 1; TEE-M is 3 short.
    expect(open[0]!.Message).toContain('TEE-M-FBA: shipped 20, received 17 (3 short)');
    expect(open[0]!.Message).not.toContain('MUG-1-FBA');
    expect(open[0]!.Severity).toBe('Medium');
  });

  it('raises nothing when every SKU arrives in full', () => {
    const r = shipped();
    r.amazon('receiveInbound', { shipmentId: 'FBA15AAAA001', sku: 'TEE-M-FBA', quantity: 20 });
    r.amazon('receiveInbound', { shipmentId: 'FBA15AAAA001', sku: 'MUG-1-FBA', quantity: 10, status: 'CLOSED' });
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('closed');
    expect(r.openExceptions('FBA_SHIPMENT_DISCREPANCY')).toEqual([]);
  });
});

describe('FBA_SHIPMENT_STUCK', () => {
  it('raises when Amazon has not checked the shipment in the Settings days after the 3PL shipped it, and clears once it does', () => {
    const r = shipped({ 'FBA stuck after (days)': 3 });
    r.advance('2d');
    r.syncFba();
    expect(r.openExceptions('FBA_SHIPMENT_STUCK')).toEqual([]);
    r.advance('2d');
    r.syncFba();
    expect(r.openExceptions('FBA_SHIPMENT_STUCK').length).toBe(1);
    r.amazon('setInboundStatus', { shipmentId: 'FBA15AAAA001', status: 'CHECKED_IN' });
    r.syncFba();
    expect(r.openExceptions('FBA_SHIPMENT_STUCK')).toEqual([]);
    expect(r.shipment('FBA15AAAA001')!.State).toBe('receiving');
  });
});

describe('FBA_SHIPMENT_CANCELLED', () => {
  it('is High when Amazon cancels a shipment the 3PL already shipped', () => {
    const r = shipped();
    r.amazon('setInboundStatus', { shipmentId: 'FBA15AAAA001', status: 'CANCELLED' });
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('amazon-cancelled');
    const open = r.openExceptions('FBA_SHIPMENT_CANCELLED');
    expect(open.length).toBe(1);
    expect(open[0]!.Severity).toBe('High');
  });

  it('cancels the 3PL order instead when Amazon cancels before the 3PL ships', () => {
    const w = fbaWorld([{ shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]);
    const r = new FbaRun(w);
    r.syncFba();
    r.tick('FBA15AAAA001');
    r.syncFba();
    r.amazon('setInboundStatus', { shipmentId: 'FBA15AAAA001', status: 'CANCELLED' });
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('cancelled');
    expect(r.threePlOrders()[0]!.status).toBe('Cancelled');
    expect(r.openExceptions('FBA_SHIPMENT_CANCELLED')).toEqual([]);
  });
});
