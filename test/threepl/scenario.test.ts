// The scenario "threePl" section: validation that names the field, defaults, world actions and the
// world.json snapshot.
import { describe, expect, it } from 'vitest';
import { createShipBobAdapter } from '../../src/threepl/shipbob/adapter';
import { deadlineFrom } from '../../src/ports/clock';
import { VirtualClock } from '../world/clock';
import { FaultInjector } from '../world/faults';
import { Network } from '../world/http';
import { memoryLog, memoryStore, nodeHttp, virtualClockPort } from '../world/node-ports';
import { parseThreePlSection, threePlSectionSchema } from '../world/shipbob/scenario';
import { ShipBobSimulator } from '../world/shipbob/simulator';
import { BASE_SEED, mfnOrder, rig } from './harness';

describe('threePl section', () => {
  it('accepts the docs/scenarios.md minimum and fills defaults', () => {
    const s = parseThreePlSection(BASE_SEED);
    expect(s.channels).toHaveLength(1);
    expect(s.rateLimitPerMinute).toBe(150);
    expect(s.fees.currency).toBe('GBP');
    expect(threePlSectionSchema.safeParse({ provider: 'shipbob' }).success).toBe(true);
  });

  it.each([
    [{ ...BASE_SEED, provider: 'mintsoft' }, /threePl\.provider/],
    [{ ...BASE_SEED, inventory: [{ sku: 'TEE-M', location: 99, onHand: 1 }] }, /threePl\.inventory\[0\]\.location: location 99 is not in threePl\.locations/],
    [{ ...BASE_SEED, inventory: [{ sku: 'GHOST', location: 10, onHand: 1 }] }, /threePl\.inventory\[0\]\.sku: SKU "GHOST"/],
    [{ ...BASE_SEED, inventory: [{ sku: 'TEE-M', location: 10, onHand: -1 }] }, /threePl\.inventory\[0\]\.onHand/],
    [{ ...BASE_SEED, behaviour: { shipAfter: 'soon' } }, /threePl\.behaviour\.shipAfter: must be a duration/],
    [{ ...BASE_SEED, returns: [{ referenceId: 'R', location: 10, items: [] }] }, /threePl\.returns\[0\]\.items/],
  ])('rejects a bad section with a message naming the field (%#)', (input, msg) => {
    expect(() => parseThreePlSection(input)).toThrow(msg);
  });
});

describe('simulator wiring', () => {
  it('answers the sandbox host too, including the sandbox-only shipment simulation', () => {
    const clock = new VirtualClock('2026-11-02T08:00:00Z');
    const network = new Network();
    const sim = new ShipBobSimulator({ clock, faults: new FaultInjector(), seed: parseThreePlSection(BASE_SEED) });
    sim.register(network);
    const adapter = createShipBobAdapter({
      http: nodeHttp(network, clock),
      clock: virtualClockPort(clock),
      deadline: deadlineFrom(virtualClockPort(clock), 300_000),
      log: memoryLog(),
      store: memoryStore(),
      token: 'sandbox-token',
      apiVersion: '2026-01',
      sandbox: true,
    });
    const out = adapter.createOutboundOrder(mfnOrder('SANDBOX-1'));
    expect(out.status).toBe('created');
    const shipmentId = adapter.getOrder(out.externalId!)!.shipments[0]!.externalId;
    const res = nodeHttp(network, clock).fetch({
      url: 'https://sandbox-api.shipbob.com/2026-01/simulate/shipment',
      method: 'post',
      headers: { Authorization: 'Bearer sandbox-token' },
      contentType: 'application/json',
      payload: JSON.stringify({ shipment_id: Number(shipmentId), simulation: { action: 'ShipOrder', next: { action: 'DeliverOrder' } } }),
    });
    expect(res.status).toBe(200);
    expect(adapter.getOrder(out.externalId!)!.status).toBe('delivered');
    const prod = nodeHttp(network, clock).fetch({ url: 'https://api.shipbob.com/2026-01/simulate/shipment', method: 'post', headers: { Authorization: 'Bearer t' }, payload: '{}', contentType: 'application/json' });
    expect(prod.status).toBe(404);
  });

  it('world actions fail loudly on a bad reference or an unknown action', () => {
    const r = rig();
    expect(() => r.sim.act({ action: 'ship', reference: 'NOPE' })).toThrow(/no order with reference NOPE/);
    expect(() => r.sim.act({ action: 'teleport' })).toThrow(/unknown world action "teleport"/);
    expect(() => r.sim.act({ action: 'receive', reference: 'NOPE' })).toThrow(/no receiving order or return/);
  });

  it('snapshot has orders with shipments, receipts, inventory and charges for world.json', () => {
    const r = rig();
    r.adapter.createOutboundOrder(mfnOrder('202-4444444-0000001'));
    r.sim.act({ action: 'ship', reference: '202-4444444-0000001' });
    const snap = r.sim.snapshot();
    expect(snap.orders[0]).toMatchObject({ reference: '202-4444444-0000001', type: 'DTC', status: 'Fulfilled' });
    expect(snap.orders[0]!.shipments[0]).toMatchObject({ status: 'Completed', carrier: 'Royal Mail', isTrackingUploaded: false });
    expect(snap.inventory).toEqual(expect.arrayContaining([{ sku: 'TEE-M', location: 10, onHand: 23, committed: 3, fulfillable: 20, awaiting: 0 }]));
    expect(snap.charges).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });
});
