// A 3PL read whose answer arrives cut short (a 2xx that is not JSON) is asked again, as SP-API
// reads are, instead of failing the stock sync; a write's garbled answer is never simply repeated.
import { describe, expect, it } from 'vitest';
import { rig as shipBobRig } from './harness';
import { rig as mintsoftRig } from './mintsoft/harness';

describe('ShipBob: a read answered with half a body', () => {
  it('is read again and the stock comes back whole', () => {
    const r = shipBobRig({ faults: [{ system: 'threePl', operation: '*', kind: 'malformed', times: 2 }] });
    const lines = r.adapter.getStock();
    expect(lines.find((l) => l.sku === 'TEE-M' && l.warehouseId === '10')).toMatchObject({ onHand: 25, available: 22 });
    expect(r.faults.fired).toHaveLength(2);
    expect(r.log.lines.some((l) => /unreadable body, retrying/.test(l))).toBe(true);
  });

  it('still fails plainly when every answer is cut short', () => {
    const r = shipBobRig({ faults: [{ system: 'threePl', operation: '*', kind: 'malformed', times: 50 }] });
    expect(() => r.adapter.getStock()).toThrow(/not JSON/);
  });
});

describe('Mintsoft: a read answered with half a body', () => {
  it('is read again and the warehouses come back whole', () => {
    const r = mintsoftRig({ faults: [{ system: 'threePl', operation: 'GET /api/Warehouse', kind: 'malformed', times: 1 }] });
    expect(r.adapter.listWarehouses().map((w) => w.id)).toEqual(['10', '11']);
    expect(r.faults.fired).toHaveLength(1);
  });
});
