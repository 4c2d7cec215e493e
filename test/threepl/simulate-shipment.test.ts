// The sandbox's POST /simulate/shipment answers every request: a shipment whose stock is not
// committed (or that was cancelled) cannot be shipped, and one not shipped cannot be delivered;
// those chains are refused whole with a 422 field map and nothing changes.
import { describe, expect, it } from 'vitest';
import { nodeHttp } from '../world/node-ports';
import { mfnOrder, rig, type Rig } from './harness';

function simulate(r: Rig, shipmentId: string, simulation: unknown) {
  const res = nodeHttp(r.network, r.clock).fetch({
    url: 'https://sandbox-api.shipbob.com/2026-01/simulate/shipment',
    method: 'post',
    headers: { Authorization: 'Bearer sandbox-token' },
    contentType: 'application/json',
    payload: JSON.stringify({ shipment_id: Number(shipmentId), simulation }),
  });
  return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
}

/** An order for MUG, which no fulfilment centre holds: its shipment waits for inventory. */
function unstocked(r: Rig): { orderId: string; shipmentId: string } {
  const out = r.adapter.createOutboundOrder(mfnOrder('202-8888888-0000001', [{ sku: 'MUG', quantity: 1 }]));
  return { orderId: out.externalId!, shipmentId: r.adapter.getOrder(out.externalId!)!.shipments[0]!.externalId };
}

describe('POST /simulate/shipment', () => {
  it('ShipOrder without stock: 422 with the field map, and the shipment stays as it was', () => {
    const r = rig();
    const { orderId, shipmentId } = unstocked(r);
    const res = simulate(r, shipmentId, { action: 'ShipOrder', next: { action: 'DeliverOrder' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body)).toEqual(['']);
    expect((res.body[''] as string[])[0]).toMatch(new RegExp(`Shipment ${shipmentId} cannot be shipped: inventory is not allocated for MUG`));
    expect(r.adapter.getOrder(orderId)!.shipments[0]).toMatchObject({ status: 'processing', trackingNumbers: [] });
    expect(r.sim.snapshot().charges).toHaveLength(0);
  });

  it('ships once the stock is there', () => {
    const r = rig();
    const { orderId, shipmentId } = unstocked(r);
    r.sim.act({ action: 'setStock', sku: 'MUG', location: 10, onHand: 1 });
    expect(simulate(r, shipmentId, { action: 'ShipOrder' }).status).toBe(200);
    expect(r.adapter.getOrder(orderId)!.status).toBe('shipped');
  });

  it('DeliverOrder on a shipment that has not shipped: 422', () => {
    const r = rig();
    const { shipmentId } = unstocked(r);
    const res = simulate(r, shipmentId, { action: 'DeliverOrder' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ '': [`Shipment ${shipmentId} has not shipped, so it cannot be delivered.`] });
  });

  it('ShipOrder on a cancelled shipment: 422', () => {
    const r = rig();
    const { orderId, shipmentId } = unstocked(r);
    expect(r.adapter.cancelOrder(orderId, 'test').status).toBe('cancelled');
    const res = simulate(r, shipmentId, { action: 'ShipOrder' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ '': [`Shipment ${shipmentId} is cancelled and cannot be shipped.`] });
  });

  it('an unknown action anywhere in the chain is a 400 and nothing runs', () => {
    const r = rig();
    const out = r.adapter.createOutboundOrder(mfnOrder('202-8888888-0000002'));
    const shipmentId = r.adapter.getOrder(out.externalId!)!.shipments[0]!.externalId;
    const res = simulate(r, shipmentId, { action: 'ShipOrder', next: { action: 'LoseParcel' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ 'Simulation.Action': ['Action must be ShipOrder or DeliverOrder.'] });
    expect(r.adapter.getOrder(out.externalId!)!.status).toBe('processing');
  });
});
