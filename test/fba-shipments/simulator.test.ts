// The Amazon simulator's Fulfillment Inbound behaviours this flow relies on, each with its source:
// - listInboundPlans sortBy LAST_UPDATED_TIME | CREATION_TIME and sortOrder ASC | DESC
//   (fulfillmentInbound_2024-03-20.json listInboundPlans parameters);
// - a confirmed shipment's destination is AMAZON_WAREHOUSE with warehouseId and address, which "can be
//   empty if the destination type is AMAZON_OPTIMIZED" (…2024-03-20.json ShipmentDestination; Address
//   requires name, addressLine1, city, countryCode, postalCode);
// - a shipment made in Seller Central's old workflow has no v2024 inbound plan and is read through v0
//   alone (sp-api.md §7.1: v0 read operations remain).

import { describe, expect, it } from 'vitest';
import { makeHarness, ukSeed } from '../amazon/harness';

const A = 'wfA0000001-5a1e-4c0d-9e55-000000000001';
const B = 'wfB0000001-5a1e-4c0d-9e55-000000000001';

const seed = {
  ...ukSeed,
  inboundShipments: [
    { shipmentId: 'FBA15PLAN001', inboundPlanId: A, destination: 'BHX4', created: '2026-10-01T00:00:00Z', lastUpdated: '2026-10-20T00:00:00Z', items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }] },
    { shipmentId: 'FBA15PLAN002', inboundPlanId: B, destination: 'LTN1', created: '2026-10-05T00:00:00Z', lastUpdated: '2026-10-10T00:00:00Z', destinationAddress: { name: 'Amazon LTN1', addressLine1: 'Marston Gate', city: 'Ridgmont', postalCode: 'MK43 0ZA', countryCode: 'GB' }, items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }] },
    { shipmentId: 'FBA15OLDWF01', workflow: 'v0' as const, destination: 'EUK5', items: [{ sku: 'TEE-M-FBA', quantityShipped: 3 }] },
  ],
};

describe('Amazon simulator: Fulfillment Inbound for FBA replenishment', () => {
  it('sorts inbound plans by last update or creation, either way', () => {
    const c = makeHarness(seed).client();
    expect(c.listInboundPlans({ sortBy: 'LAST_UPDATED_TIME', sortOrder: 'DESC' }).plans.map((p) => p.inboundPlanId)).toEqual([A, B]);
    expect(c.listInboundPlans({ sortBy: 'LAST_UPDATED_TIME', sortOrder: 'ASC' }).plans.map((p) => p.inboundPlanId)).toEqual([B, A]);
    expect(c.listInboundPlans({ sortBy: 'CREATION_TIME', sortOrder: 'DESC' }).plans.map((p) => p.inboundPlanId)).toEqual([B, A]);
  });

  it('gives a confirmed shipment its FC and address; an old-workflow shipment only through v0', () => {
    const c = makeHarness(seed).client();
    const plans = c.listInboundPlans().plans.map((p) => p.inboundPlanId);
    expect(plans.sort()).toEqual([A, B]);
    const b = c.getInboundPlan(B);
    const sh = c.getInboundShipment(B, b.shipments![0]!.shipmentId);
    expect(sh.destination).toEqual({ destinationType: 'AMAZON_WAREHOUSE', warehouseId: 'LTN1', address: { name: 'Amazon LTN1', addressLine1: 'Marston Gate', city: 'Ridgmont', postalCode: 'MK43 0ZA', countryCode: 'GB' } });
    const a = c.getInboundShipment(A, c.getInboundPlan(A).shipments![0]!.shipmentId);
    expect(a.destination.address).toMatchObject({ name: 'Amazon BHX4', countryCode: 'GB' });
    const v0 = c.getShipmentsV0({ shipmentIds: ['FBA15OLDWF01'] }).shipments;
    expect(v0.map((s) => [s.ShipmentId, s.DestinationFulfillmentCenterId])).toEqual([['FBA15OLDWF01', 'EUK5']]);
  });
});
