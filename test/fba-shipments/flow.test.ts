// FBA replenishment end to end through the built bundle (docs/design.md §3 "FBA replenishment"):
// shipments read into the FBA Shipments tab, a ticked one created once at ShipBob as an FBA order
// addressed to its FC, status and tracking back, untick-before-ship cancels, a plan split across two
// FCs, an old-workflow (v0) shipment, an unmapped SKU held with nothing sent.

import { describe, expect, it } from 'vitest';
import { FBA_SHIPMENTS_TAB } from '../../src/core/fba-shipments/tab-def';
import { FbaRun, fbaWorld } from './world';

const PLAN = 'wf00000001-5a1e-4c0d-9e55-000000000001';

describe('FBA Shipments: reading Amazon', () => {
  it('lists each confirmed shipment once with the exact headers, a plan split across two FCs as two rows, and an old-workflow shipment from v0', () => {
    const r = new FbaRun(
      fbaWorld([
        { shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] },
        { shipmentId: 'FBA15AAAA002', inboundPlanId: PLAN, destination: 'LTN1', items: [{ sku: 'MUG-1-FBA', quantityShipped: 10 }] },
        { shipmentId: 'FBA15OLD0001', workflow: 'v0', destination: 'EUK5', items: [{ sku: 'TEE-M-FBA', quantityShipped: 6 }] },
      ]),
    );
    const res = r.syncFba();
    expect(res.outcome).toBe('ok');
    const rows = r.tab('FBA Shipments');
    expect(Object.keys(rows[0]!)).toEqual(FBA_SHIPMENTS_TAB.columns.map((c) => c.header));
    expect(Object.keys(rows[0]!)).toEqual(['FBA Shipment ID', 'Plan', 'Destination', 'Amazon Status', 'Items', 'Send from 3PL', '3PL Order ID', '3PL Status', 'Tracking', 'Shipped', 'Received', 'State', 'Note']);
    expect(rows.map((x) => x['FBA Shipment ID']).sort()).toEqual(['FBA15AAAA001', 'FBA15AAAA002', 'FBA15OLD0001']);
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ Plan: PLAN, Destination: 'BHX4', 'Amazon Status': 'WORKING', Items: 'TEE-M-FBA × 20', State: 'open' });
    expect(r.shipment('FBA15AAAA002')).toMatchObject({ Plan: PLAN, Destination: 'LTN1', Items: 'MUG-1-FBA × 10' });
    // Old workflow: no v2024 plan (docs/amazon-simulator.md `workflow: "v0"`), read from Fulfillment Inbound v0.
    expect(r.shipment('FBA15OLD0001')).toMatchObject({ Plan: '', Destination: 'EUK5', Items: 'TEE-M-FBA × 6' });
    expect(r.threePlOrders()).toEqual([]);
    // A second run reads nothing new and changes nothing.
    r.syncFba();
    expect(r.tab('FBA Shipments').length).toBe(3);
  });
});

describe('FBA Shipments: sending from the 3PL exactly once', () => {
  it('a ticked shipment becomes one ShipBob FBA order whose reference is the FBA id, addressed to the FC, with 3PL SKUs; status and tracking come back', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }, { sku: 'MUG-1-FBA', quantityShipped: 4 }] }]));
    r.syncFba();
    r.tick('FBA15AAAA001');
    const res = r.syncFba();
    expect(res.outcome).toBe('ok');
    expect(r.threePlOrders().map((o) => [o.reference, o.type])).toEqual([['FBA15AAAA001', 'FBA']]);
    const raw = r.rawOrder('FBA15AAAA001')!;
    expect(raw.products.map((p) => [p.sku, p.quantity])).toEqual([['SB-TEE-M', 20], ['SB-MUG-1', 4]]);
    // The simulator's stand-in address for BHX4 (ops-inbound.ts fcAddress), as getShipment gave it.
    expect(raw.recipient).toMatchObject({ name: 'Amazon BHX4', address: { city: 'Coventry', country: 'GB' } });
    expect(raw.retailerProgramData).toMatchObject({ retailer_program_type: 'FBA-Manual', purchase_order_number: 'FBA15AAAA001' });
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ State: 'sent', 'Send from 3PL': 'TRUE', '3PL Order ID': String(raw.id) });

    r.syncFba();
    expect(r.threePlOrders().length).toBe(1);
    r.advance('3h');
    r.syncFba();
    const row = r.shipment('FBA15AAAA001')!;
    expect(row.State).toBe('shipped');
    expect(row.Tracking).not.toBe('');
    expect(row.Shipped).not.toBe('');
    expect(r.threePlOrders().length).toBe(1);
    r.assertInvariants();
  });

  it('a shipment split across two FCs goes as two orders, each to its own centre', () => {
    const r = new FbaRun(
      fbaWorld([
        { shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 12 }] },
        { shipmentId: 'FBA15AAAA002', inboundPlanId: PLAN, destination: 'LTN1', items: [{ sku: 'TEE-M-FBA', quantityShipped: 8 }] },
      ]),
    );
    r.syncFba();
    r.tick('FBA15AAAA001');
    r.tick('FBA15AAAA002');
    r.syncFba();
    expect(r.threePlOrders().map((o) => o.reference).sort()).toEqual(['FBA15AAAA001', 'FBA15AAAA002']);
    expect(r.rawOrder('FBA15AAAA001')!.recipient).toMatchObject({ name: 'Amazon BHX4' });
    expect(r.rawOrder('FBA15AAAA002')!.recipient).toMatchObject({ name: 'Amazon LTN1' });
    expect(r.rawOrder('FBA15AAAA002')!.products.map((p) => p.quantity)).toEqual([8]);
  });

  it('an unmapped SKU holds the shipment with a clear exception and nothing created; mapping it sends it', () => {
    const w = fbaWorld([{ shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }, { sku: 'HAT-9', quantityShipped: 3 }, { sku: 'CAP-2', quantityShipped: 2 }] }]);
    const r = new FbaRun({
      ...w,
      extraMapRows: [...(w.extraMapRows ?? []), ['CAP-2', 'UK', 'FBA', 'SB-CAP-2', '', '', '', '', '', false, '', '']],
      extraListings: [...(w.extraListings ?? []), { sku: 'HAT-9', channel: 'FBA' }, { sku: 'CAP-2', channel: 'FBA' }],
      extraThreePl: [{ sku: 'SB-HAT-9', onHand: 10 }, { sku: 'SB-CAP-2', onHand: 10 }],
    });
    r.syncFba();
    r.tick('FBA15AAAA001');
    r.syncFba();
    expect(r.threePlOrders()).toEqual([]);
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ State: 'held' });
    expect(r.shipment('FBA15AAAA001')!.Note).toContain('HAT-9 is not in the SKU Map');
    const held = r.openExceptions('FBA_SHIPMENT_HELD');
    expect(held.length).toBe(1);
    expect(held[0]!.Message).toContain('HAT-9');
    expect(held[0]!.Message).toContain("CAP-2's SKU Map row (row 6) is not active");
    // Fixed: CAP-2 ticked Active, HAT-9's row typed over an unused one.
    r.edit('SKU Map', { 'Seller SKU': 'CAP-2' }, { Active: true });
    r.syncFba();
    expect(r.threePlOrders()).toEqual([]);
    r.edit('SKU Map', { 'Seller SKU': 'MUG-1-FBA' }, { 'Seller SKU': 'HAT-9', '3PL SKU': 'SB-HAT-9' });
    r.syncFba();
    expect(r.threePlOrders().map((o) => o.reference)).toEqual(['FBA15AAAA001']);
    expect(r.openExceptions('FBA_SHIPMENT_HELD')).toEqual([]);
  });

  it('unticking before the 3PL ships cancels the order; unticking after it shipped cannot', () => {
    const r = new FbaRun(
      fbaWorld([
        { shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }] },
        { shipmentId: 'FBA15AAAA002', inboundPlanId: 'wf00000002-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'MUG-1-FBA', quantityShipped: 5 }] },
      ]),
    );
    r.syncFba();
    r.tick('FBA15AAAA001');
    r.tick('FBA15AAAA002');
    r.syncFba();
    r.tick('FBA15AAAA001', false);
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ State: 'cancelled' });
    expect(r.threePlOrders().find((o) => o.reference === 'FBA15AAAA001')!.status).toBe('Cancelled');
    r.advance('3h');
    r.syncFba();
    r.tick('FBA15AAAA002', false);
    r.syncFba();
    expect(r.shipment('FBA15AAAA002')).toMatchObject({ State: 'shipped' });
    expect(r.shipment('FBA15AAAA002')!.Note).toContain('cannot be called back');
  });
});

describe('FBA Shipments: what people type while a run works', () => {
  // Holds because the run never changes the tick column and keyed tabs write only changed columns.
  it('a tick set or cleared during a run is kept by the run\'s writes, and acted on next run', () => {
    const r = new FbaRun(
      fbaWorld([
        { shipmentId: 'FBA15AAAA001', inboundPlanId: PLAN, items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }] },
        { shipmentId: 'FBA15AAAA002', inboundPlanId: 'wf00000002-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'MUG-1-FBA', quantityShipped: 5 }] },
        { shipmentId: 'FBA15AAAA003', inboundPlanId: 'wf00000003-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'MUG-1-FBA', quantityShipped: 1 }] },
      ]),
    );
    r.syncFba();
    r.tick('FBA15AAAA001');
    // A row someone emptied makes the run rewrite the whole tab rather than only the cells it changed.
    r.edit('FBA Shipments', { 'FBA Shipment ID': 'FBA15AAAA003' }, { 'FBA Shipment ID': '' });
    // While the run creates the first shipment's order (inside ShipBob's answer), a person unticks it
    // and ticks the second: the run writes the first row (now `sent`), and must not put its tick back.
    const origin = 'https://api.shipbob.com';
    const handler = r.run.world.network.handlerFor(`${origin}/`)!;
    let edited = false;
    r.run.world.network.register(origin, (req) => {
      if (!edited && req.method === 'POST' && /\/order$/.test(new URL(req.url).pathname)) {
        edited = true;
        r.run.gas.spreadsheet.editRows('FBA Shipments', { 'FBA Shipment ID': 'FBA15AAAA001' }, { 'Send from 3PL': false });
        r.run.gas.spreadsheet.editRows('FBA Shipments', { 'FBA Shipment ID': 'FBA15AAAA002' }, { 'Send from 3PL': true });
      }
      return handler(req);
    });
    r.syncFba();
    expect(edited).toBe(true);
    expect(r.shipment('FBA15AAAA001')).toMatchObject({ 'Send from 3PL': 'FALSE', State: 'sent' });
    expect(r.shipment('FBA15AAAA002')!['Send from 3PL']).toBe('TRUE');
    r.syncFba();
    expect(r.shipment('FBA15AAAA001')!.State).toBe('cancelled');
    expect(r.threePlOrders().map((o) => [o.reference, o.status]).sort()).toEqual([['FBA15AAAA001', 'Cancelled'], ['FBA15AAAA002', 'Processing']]);
  });
});
