// The FBA bench's world (bench/fba-shipments.ts) as a guard: a run with nothing new costs one
// listInboundPlans page and one v0 getShipments page and no ShipBob call; plans already read are not
// read again once they left ACTIVE; each shipment is created once.

import { describe, expect, it } from 'vitest';
import { runFbaBench } from '../../bench/fba-shipments';

describe('FBA Shipments bench (10 shipments)', () => {
  it('stays near the minimum where nothing changed and creates each shipment once', () => {
    const r = runFbaBench(10);
    const by = Object.fromEntries(r.phases.map((p) => [p.phase, p]));
    expect(r.phases.every((p) => p.outcome === 'ok')).toBe(true);
    expect(by.listed!.calls).toBe(by.listed!.minimum);
    expect(by.sent!.threePl['create-order']).toBe(10);
    expect(by.quiet!.calls).toBe(2);
    expect(by.quiet!.threePl).toEqual({});
    expect(by.received!.calls).toBeLessThanOrEqual(by.received!.minimum);
  });
});
